import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  extractFile,
  normalizeText,
  type ExtractedPage,
} from '../../../../main/core/documents/extract';
import { scanFolder } from '../../../../main/core/documents/folder-scan';
import { reasonOf } from '../../../../main/core/documents/reasons';
import { translate } from '../../../../main/shell/menu-labels';
import { fixture, tempDir } from '../../helpers';

const doc = (name: string): string => fixture(`documents/${name}`);
const expected = (name: string): string => fs.readFileSync(doc(name), 'utf8');
const allText = (pages: ExtractedPage[]): string => pages.map((p) => p.text).join('\n');
const compact = (s: string): string => normalizeText(s).replace(/\s+/g, '');
// textract's tests expect this text of every standardized_text.* file (tests/test_*.py, standardized_text).
const STANDARDIZED = 'the quick brown fox jumps over the lazy dog';

// Sentences of maint-guide chapter 2 (the Markdown fixture the RTF and EPUB were derived from, derive.mjs).
const SECTION_21 = [
  '如果你的工作基于某个上游程序,那么典型的 Debian 软件包制作流程就会需要如下几个特定的文件:',
  '获取一份上游软件的拷贝,它通常为压缩过的 tar 格式。',
  '请注意一个细节,在 Debian 软件包的文件名中,分隔 package 和 version 的字符从 tarball 名称中的 - (连字符)换成了 _ (下划线)。',
  '本概要中的每一步,我们都会在后续的章节中辅以详细的例子进行解释。',
];
const SECTION_23 = [
  '这里第一件事是找到并下载原始的源代码。我们假定你已经在作者的主页上找到了程序的源代码。',
  '作为示例,本教程在这里使用一个名为 gentoo 的程序,它是一个 GTK+ 文件管理器。',
];

describe('EPUB (epub2)', () => {
  it('textract’s raw_text.epub: every spine chapter in reading order, one page each, with the metadata', async () => {
    const r = await extractFile(doc('textract/raw_text.epub'));
    expect(r.status).toBe('indexed');
    expect(r.mime).toBe('application/epub+zip');
    expect(compact(allText(r.pages))).toBe(compact(expected('textract/raw_text.epub.txt')));
    // cover, introduction and four sections; the cover has text (its headings) in this book.
    expect(r.pages.map((p) => p.label)).toEqual([
      'Epub testing',
      'Introduction',
      'We happy?',
      'We happy?',
      'We happy?',
      'We happy?',
    ]);
    expect(r.pages[1]!.text).toMatch(/^Introduction\n\nWelcome here!/);
    expect(r).toMatchObject({ title: 'Testing Epub', language: 'en', authors: ['Florian Strzelecki'] });
  });

  it('textract’s standardized_text.epub, whose NCX has empty labels (epub2 throws on it), and two creators', async () => {
    const r = await extractFile(doc('textract/standardized_text.epub'));
    expect(r.status).toBe('indexed');
    expect(allText(r.pages)).toBe(STANDARDIZED);
    expect(r.authors).toEqual(['Author Authorowski', 'Danko Bananko']);
    expect(r.title).toBeUndefined(); // <dc:title></dc:title>
  });

  it('a Chinese EPUB 3: the nav document and two chapters, labelled with their headings', async () => {
    const r = await extractFile(doc('derived-zh/maint-guide.first.zh-cn.epub'));
    expect(r.status).toBe('indexed');
    expect(r.pages.map((p) => p.label)).toEqual([
      '目录',
      '2.1. Debian 软件包制作流程',
      '2.3. 获取程序并试用',
    ]);
    for (const s of SECTION_21) expect(r.pages[1]!.text).toContain(s);
    for (const s of SECTION_23) expect(r.pages[2]!.text).toContain(s);
    // Paragraphs stay apart: the CJK line join of normalizeText must not glue them together.
    expect(r.pages[1]!.text).toContain('tar 格式。\n\n在上游源码');
    expect(r).toMatchObject({
      title: 'Debian 新维护者手册：第 2 章 第一步',
      language: 'zh-CN',
      authors: ['Josip Rodin', 'Osamu Aoki'],
    });
  });

  it('a long chapter is paginated like other text formats, keeping its label', async () => {
    const dir = tempDir();
    const { zipSync, strToU8, unzipSync } = await import('fflate');
    const files = unzipSync(fs.readFileSync(doc('derived-zh/maint-guide.first.zh-cn.epub')));
    const chapter = new TextDecoder().decode(files['OEBPS/ch2.xhtml']);
    const body = /<body>([\s\S]*)<\/body>/.exec(chapter)![1]!;
    const paragraphs = body.replace(/<h1>[\s\S]*?<\/h1>/, '');
    files['OEBPS/ch2.xhtml'] = strToU8(chapter.replace(body, body + paragraphs.repeat(4)));
    const { mimetype, ...rest } = files;
    const file = path.join(dir, 'long.epub');
    fs.writeFileSync(file, zipSync({ mimetype: [mimetype!, { level: 0 }], ...rest }));
    const r = await extractFile(file);
    const long = r.pages.filter((p) => p.label === '2.3. 获取程序并试用');
    expect(long.length).toBeGreaterThan(1);
    for (const p of long) expect(p.text.length).toBeLessThanOrEqual(3000);
    expect(compact(long.map((p) => p.text).join(''))).toContain(compact(SECTION_23[1]!));
  });

  it('DRM (encryption.xml with AES) is unsupported with a reason; font obfuscation alone is no DRM', async () => {
    const drm = await extractFile(doc('derived-zh/maint-guide.drm.epub'));
    expect(drm).toMatchObject({
      status: 'unsupported',
      pages: [],
      error: 'maint-guide.drm.epub: EPUB protected by DRM (encrypted content)',
    });
    expect(reasonOf(drm.error)?.key).toBe('library:reasons.epubDrm');
    const fonts = await extractFile(doc('derived-zh/maint-guide.font-obfuscation.epub'));
    expect(fonts.status).toBe('indexed');
    expect(fonts.pages[1]!.text).toContain(SECTION_21[0]);
  });

  it('a truncated EPUB and a ZIP that only claims to be one fail with a reason', async () => {
    const truncated = await extractFile(doc('textract/raw_text.truncated.epub'));
    expect(truncated).toMatchObject({
      status: 'failed',
      mime: 'application/epub+zip',
      error: 'raw_text.truncated.epub: damaged or truncated EPUB (not a readable ZIP archive)',
    });
    const dir = tempDir();
    const { zipSync, strToU8 } = await import('fflate');
    const shell = path.join(dir, '电子书.epub');
    fs.writeFileSync(shell, zipSync({ mimetype: [strToU8('application/epub+zip'), { level: 0 }] }));
    const r = await extractFile(shell);
    expect(r).toMatchObject({
      status: 'failed',
      error: '电子书.epub: not a valid EPUB file (no META-INF/container.xml)',
    });
    expect(reasonOf(r.error)).toEqual({
      key: 'library:reasons.epubNoContainer',
      params: { name: '电子书.epub' },
    });
  });

  it('damaged package parts give a reason or the text, never an exception epub2 throws in a callback', async () => {
    const dir = tempDir();
    const { zipSync, strToU8, unzipSync } = await import('fflate');
    const base = unzipSync(fs.readFileSync(doc('derived-zh/maint-guide.first.zh-cn.epub')));
    const opf = new TextDecoder().decode(base['OEBPS/content.opf']);
    const write = (name: string, change: Record<string, Uint8Array | null>): string => {
      const files: Record<string, Uint8Array> = { ...base };
      for (const [entry, data] of Object.entries(change)) {
        if (data) files[entry] = data;
        else delete files[entry];
      }
      const { mimetype, ...rest } = files;
      const file = path.join(dir, name);
      fs.writeFileSync(file, zipSync(mimetype ? { mimetype: [mimetype, { level: 0 }], ...rest } : rest));
      return file;
    };
    // container.xml that does not parse (epub2 dereferences its null result), an empty and a cut package document.
    const container = await extractFile(
      write('container.epub', {
        'META-INF/container.xml': strToU8('<container><rootfiles><rootfile full-path="OEBPS/content.opf"'),
      }),
    );
    expect(container.status).toBe('indexed');
    const empty = await extractFile(write('empty-opf.epub', { 'OEBPS/content.opf': strToU8('') }));
    expect(empty.error).toBe('empty-opf.epub: not a valid EPUB file (the package document cannot be read)');
    const cut = await extractFile(write('cut-opf.epub', { 'OEBPS/content.opf': strToU8(opf.slice(0, 300)) }));
    expect(cut.error).toBe('cut-opf.epub: not a valid EPUB file (the package document is not valid XML)');
    // No mimetype entry (reading systems accept it) and a chapter missing from the ZIP: the rest is read.
    const noMime = await extractFile(write('no-mimetype.epub', { mimetype: null }));
    expect(noMime.pages).toHaveLength(3);
    const missing = await extractFile(write('missing-chapter.epub', { 'OEBPS/ch1.xhtml': null }));
    expect(missing.pages.map((p) => p.label)).toEqual(['目录', '2.3. 获取程序并试用']);
  });

  it('is detected by its mimetype entry whatever the name, and by extension', () => {
    const bytes = fs.readFileSync(doc('textract/raw_text.epub'));
    expect(detectFormat(bytes, 'book.zip')).toEqual({ format: 'epub', mime: 'application/epub+zip' });
    expect(detectFormat(bytes, 'book.EPUB').format).toBe('epub');
  });

  it('a Word document saved as .epub is read as the Word document it is', async () => {
    const dir = tempDir();
    const file = path.join(dir, '手册.epub');
    fs.copyFileSync(doc('mammoth/footnotes.docx'), file);
    const r = await extractFile(file);
    const asDocx = await extractFile(doc('mammoth/footnotes.docx'));
    expect(r.status).toBe('indexed');
    expect(r.mime).toBe(asDocx.mime);
    expect(allText(r.pages)).toBe(allText(asDocx.pages));
  });
});

describe('RTF (rtf-stream-parser + iconv-lite)', () => {
  it('textract’s raw_text.rtf and standardized_text.rtf (Word for Mac, \\ansicpg10000)', async () => {
    const r = await extractFile(doc('textract/raw_text.rtf'));
    expect(r).toMatchObject({ status: 'indexed', mime: 'application/rtf', encoding: 'macintosh' });
    expect(compact(allText(r.pages))).toBe(compact(expected('textract/raw_text.rtf.txt')));
    // {\info} is metadata, not text: the author appears once, as the author.
    expect(allText(r.pages)).not.toContain('Dean Malmgren');
    expect(r.authors).toEqual(['Dean Malmgren']);
    const s = await extractFile(doc('textract/standardized_text.rtf'));
    expect(allText(s.pages)).toBe(STANDARDIZED);
  });

  it("a Chinese RTF in GBK (\\ansicpg936): \\'xx hex escapes and \\uN escapes both decode", async () => {
    const file = doc('derived-zh/maint-guide.first.zh-cn.rtf');
    const raw = fs.readFileSync(file, 'latin1');
    expect(raw).toContain("\\'c8\\'e7\\'b9\\'fb"); // 如果, as GBK bytes
    expect(raw).toMatch(/\\u-\d+\?/); // a character above U+7FFF as a negative \uN
    const r = await extractFile(file);
    expect(r).toMatchObject({ status: 'indexed', encoding: 'GBK', title: '第 2 章 第一步' });
    expect(r.authors).toEqual(['Josip Rodin', 'Osamu Aoki']);
    const text = allText(r.pages);
    expect(text.startsWith('2.1. Debian 软件包制作流程\n\n')).toBe(true);
    for (const s of SECTION_21) expect(text).toContain(s); // the first two are \'xx, the last two \u
    expect(text).not.toContain('?');
    // The same text as the EPUB made from the same section.
    const epub = await extractFile(doc('derived-zh/maint-guide.first.zh-cn.epub'));
    expect(text).toBe(epub.pages[1]!.text);
  });

  it('a truncated RTF and a file named .rtf that is not RTF fail with a reason', async () => {
    const t = await extractFile(doc('textract/standardized_text.truncated.rtf'));
    expect(t).toMatchObject({
      status: 'failed',
      error: 'standardized_text.truncated.rtf: damaged or truncated RTF (groups not closed)',
    });
    expect(reasonOf(t.error)?.key).toBe('library:reasons.rtfTruncated');
    const dir = tempDir();
    const fake = path.join(dir, 'notes.rtf');
    fs.writeFileSync(fake, 'plain text saved with the wrong name');
    const f = await extractFile(fake);
    expect(f.status).toBe('failed');
    expect(f.error).toBe('notes.rtf: not an RTF file (it does not start with {\\rtf)');
    expect(reasonOf(f.error)).toEqual({ key: 'library:reasons.rtfNotRtf', params: { name: 'notes.rtf' } });
  });

  it('pictures (hex and \\bin) are skipped whole: the text around them is as without them', async () => {
    const file = doc('derived-zh/maint-guide.first.zh-cn.rtf');
    const raw = fs.readFileSync(file, 'latin1');
    const image = fs.readFileSync(fixture('ocr/raw_text-p1.tiff'));
    // Raw bytes with braces and backslashes in them, as \binN carries them.
    const binary = Buffer.concat([Buffer.from('}{\\}}}', 'latin1'), image.subarray(0, 4096)]);
    const at = /\\par(?![a-z])/.exec(raw)!.index + 4; // after the first \par: `\par{\pict…}` stays \par
    const withPictures =
      raw.slice(0, at) +
      `{\\*\\shppict{\\pict{\\*\\picprop}\\pngblip\\picw100\\pich100 ${image.toString('hex')}}}` +
      `{\\pict\\wmetafile8\\bin${binary.length} ${binary.toString('latin1')}}` +
      raw.slice(at);
    const dir = tempDir();
    const big = path.join(dir, 'with-pictures.rtf');
    fs.writeFileSync(big, Buffer.from(withPictures, 'latin1'));
    expect(fs.statSync(big).size).toBeGreaterThan(2 * image.length);
    const plain = await extractFile(file);
    const pictured = await extractFile(big);
    expect(pictured.status).toBe('indexed');
    expect(allText(pictured.pages)).toBe(allText(plain.pages));
    // What follows a picture is not glued to the control word before it (\\par{\\pict…}after is not \\parafter).
    const small = path.join(dir, 'small.rtf');
    fs.writeFileSync(small, '{\\rtf1\\ansi before\\par{\\pict\\pngblip 89504e47}after}');
    expect(allText((await extractFile(small)).pages)).toBe('before\n\nafter');
    // A picture left open by a cut file: still a truncated RTF.
    const cut = path.join(dir, 'cut-in-picture.rtf');
    fs.writeFileSync(
      cut,
      Buffer.from(raw.slice(0, at) + `{\\pict\\pngblip ${image.toString('hex')}`, 'latin1'),
    );
    expect((await extractFile(cut)).error).toBe(
      'cut-in-picture.rtf: damaged or truncated RTF (groups not closed)',
    );
  });

  it('is detected by {\\rtf whatever the name', () => {
    const bytes = fs.readFileSync(doc('textract/standardized_text.rtf'));
    expect(detectFormat(bytes, 'letter.doc')).toEqual({ format: 'rtf', mime: 'application/rtf' });
  });
});

describe('Word, Excel and PowerPoint 97–2003 stay unsupported, with the format to save as', () => {
  it('textract’s standardized_text.doc, and the same OLE2 bytes named .xls and .ppt', async () => {
    const dir = tempDir();
    const ole = fs.readFileSync(fixture('import/standardized_text.doc'));
    for (const [ext, app, modern] of [
      ['doc', 'Word', 'docx'],
      ['xls', 'Excel', 'xlsx'],
      ['ppt', 'PowerPoint', 'pptx'],
    ] as const) {
      const file = path.join(dir, `旧 文件.${ext}`);
      fs.writeFileSync(file, ole);
      const r = await extractFile(file);
      expect(r).toMatchObject({
        status: 'unsupported',
        mime: 'application/x-ole-storage',
        error: `旧 文件.${ext}: ${app} 97–2003 (.${ext}) is not supported: save it as .${modern}`,
      });
      expect(reasonOf(r.error)).toEqual({
        key: 'library:reasons.legacyOfficeFormat',
        params: { name: `旧 文件.${ext}`, app, ext, modern },
      });
    }
  });
  it('a Word 97–2003 file saved under another name (.rtf, .epub, .docx, .txt) is told as Word, not "OLE2"', async () => {
    const dir = tempDir();
    const ole = fs.readFileSync(fixture('import/standardized_text.doc'));
    for (const ext of ['rtf', 'epub', 'docx', 'txt']) {
      const file = path.join(dir, `letter.${ext}`);
      fs.writeFileSync(file, ole);
      const r = await extractFile(file);
      expect(r, ext).toMatchObject({
        status: 'unsupported',
        error: `letter.${ext}: Word 97–2003 (.doc) is not supported: save it as .docx`,
      });
      expect(reasonOf(r.error)?.key).toBe('library:reasons.legacyOfficeFormat');
    }
    // A password-protected OOXML file is an OLE2 file too, and still asks for its password.
    expect(detectFormat(fs.readFileSync(fixture('import/raw_text.encrypted.xlsx')), 'book.xlsx').format).toBe(
      'ooxml-encrypted',
    );
    // An OLE2 header with no stream it can name stays an "OLE2 compound file".
    const bare = Buffer.alloc(1024);
    ole.copy(bare, 0, 0, 8);
    expect(detectFormat(bare, 'x.rtf')).toMatchObject({ reason: 'OLE2 compound file is not supported' });
  });
});

describe('the folder scan', () => {
  it('indexes .epub and .rtf and names the legacy Office formats by name alone', async () => {
    const dir = tempDir();
    fs.copyFileSync(doc('textract/raw_text.epub'), path.join(dir, 'book.epub'));
    fs.copyFileSync(doc('textract/raw_text.rtf'), path.join(dir, 'letter.RTF'));
    fs.writeFileSync(path.join(dir, 'sheet.xls'), 'never read');
    const { files } = await scanFolder(dir);
    const byName = Object.fromEntries(files.map((f) => [f.name, f.unsupportedReason ?? null]));
    expect(byName).toEqual({
      'book.epub': null,
      'letter.RTF': null,
      'sheet.xls': 'sheet.xls: Excel 97–2003 (.xls) is not supported: save it as .xlsx',
    });
  });
});

describe('the new reasons in both languages', () => {
  it('translates them, the legacy Office one as the brief words it', () => {
    const samples = [
      'a.epub: EPUB protected by DRM (encrypted content)',
      'a.epub: damaged or truncated EPUB (not a readable ZIP archive)',
      'a.rtf: damaged or truncated RTF (groups not closed)',
      'a.ppt: PowerPoint 97–2003 (.ppt) is not supported: save it as .pptx',
    ];
    for (const text of samples) {
      const reason = reasonOf(text);
      expect(reason, text).not.toBeNull();
      expect(translate('en', reason!.key, reason!.params), text).toMatch(/^a\.\w+: /);
      const zh = translate('zh-CN', reason!.key, reason!.params)!;
      expect(zh, text).toMatch(/^a\.\w+：.*\p{Script=Han}/u);
      expect(zh).not.toMatch(/\{\{/);
    }
    const doc = reasonOf('报告.doc: Word 97–2003 (.doc) is not supported: save it as .docx')!;
    expect(translate('zh-CN', doc.key, doc.params)).toBe(
      '报告.doc：旧版 Word 97–2003 格式（.doc）不受支持：请另存为 .docx',
    );
    expect(translate('en', doc.key, doc.params)).toBe(
      '报告.doc: Word 97–2003 format (.doc) is not supported: save it as .docx',
    );
  });
});
