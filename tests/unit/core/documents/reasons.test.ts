import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { extractFile } from '../../../../main/core/documents/extract';
import { reasonOf } from '../../../../main/core/documents/reasons';
import { translate } from '../../../../main/shell/menu-labels';
import { fixture, tempDir } from '../../helpers';

const doc = (name: string): string => fixture(`documents/${name}`);

function write(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** The reason extraction stores for `file`, read back. */
async function reasonFor(file: string, options: { password?: string; maxBytes?: number } = {}) {
  const r = await extractFile(file, options);
  return { error: r.error, reason: reasonOf(r.error) };
}

describe('library reasons', () => {
  it('recognises every reason the real extractors produce, with the values in it', async () => {
    const dir = tempDir();
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, ...new Array(60).fill(0)]);
    fs.mkdirSync(path.join(dir, 'folder.pdf'));
    const cases: Array<[Promise<{ error?: string; reason: ReturnType<typeof reasonOf> }>, string, object]> = [
      [reasonFor(path.join(dir, 'gone.pdf')), 'fileNotFound', { name: 'gone.pdf' }],
      [reasonFor(write(dir, 'zero.txt', '')), 'emptyFile', { name: 'zero.txt' }],
      [reasonFor(path.join(dir, 'folder.pdf')), 'notRegularFile', { name: 'folder.pdf' }],
      [
        reasonFor(write(dir, 'big.txt', 'x'.repeat(2048)), { maxBytes: 1024 }),
        'tooLarge',
        { name: 'big.txt', size: '2 KB', limit: '1 KB' },
      ],
      [reasonFor(write(dir, 'data.txt', Buffer.from([0, 1, 2, 0, 0, 3, 4, 0, 0xff]))), 'binaryFile', {}],
      [reasonFor(write(dir, 'x.csv', 'a,b\n"open,c\n')), 'unclosedQuote', { name: 'x.csv', line: '2' }],
      [reasonFor(write(dir, 'a.xyz', 'hello')), 'unsupportedType', { name: 'a.xyz', ext: 'xyz' }],
      [reasonFor(write(dir, 'README', 'hello')), 'noExtension', { name: 'README' }],
      [reasonFor(write(dir, 'bundle.zip', zip)), 'zipArchive', { name: 'bundle.zip' }],
      [reasonFor(doc('pdf-parse/03-invalid.pdf')), 'invalidPdf', { name: '03-invalid.pdf' }],
      [reasonFor(doc('pdfjs/issue6010_1.pdf')), 'passwordRequired', { name: 'issue6010_1.pdf' }],
      [reasonFor(doc('pdfjs/issue6010_1.pdf'), { password: 'no' }), 'wrongPassword', {}],
      [reasonFor(doc('pdfjs/issue7200.pdf')), 'noTextLayer', { name: 'issue7200.pdf' }],
      [
        reasonFor(doc('pdfjs/Pages-tree-refs.pdf')),
        'pageUnreadable',
        { name: 'Pages-tree-refs.pdf', failed: '1', total: '2', pages: '2' },
      ],
      [reasonFor(doc('mammoth/empty.docx')), 'noText', { name: 'empty.docx' }],
      [
        reasonFor(write(dir, 'old.xls', fs.readFileSync(fixture('import/standardized_text.doc')))),
        'legacyOfficeFormat',
        { name: 'old.xls', app: 'Excel', ext: 'xls', modern: 'xlsx' },
      ],
      [reasonFor(doc('derived-zh/maint-guide.drm.epub')), 'epubDrm', { name: 'maint-guide.drm.epub' }],
      [
        reasonFor(doc('textract/raw_text.truncated.epub')),
        'epubDamaged',
        { name: 'raw_text.truncated.epub' },
      ],
      [
        reasonFor(doc('textract/standardized_text.truncated.rtf')),
        'rtfTruncated',
        { name: 'standardized_text.truncated.rtf' },
      ],
      [reasonFor(write(dir, 'fake.rtf', 'no braces')), 'rtfNotRtf', { name: 'fake.rtf' }],
      [reasonFor(write(dir, 'empty.rtf', '')), 'emptyFile', { name: 'empty.rtf' }],
      // A plain ZIP archive named .epub, and a Word 97–2003 file saved as .rtf.
      [
        reasonFor(write(dir, 'plain.epub', zipSync({ 'readme.txt': strToU8('你好') }))),
        'epubNoContainer',
        { name: 'plain.epub' },
      ],
      [
        reasonFor(write(dir, 'letter.rtf', fs.readFileSync(fixture('import/standardized_text.doc')))),
        'legacyOfficeFormat',
        { name: 'letter.rtf', app: 'Word', ext: 'doc', modern: 'docx' },
      ],
    ];
    for (const [pending, key, params] of cases) {
      const { error, reason } = await pending;
      expect(reason, error).toMatchObject({ key: `library:reasons.${key}`, params });
    }
  });

  it('reads names that hold ": " and "(" and the format of an unreadable extension', () => {
    expect(reasonOf('a: b (c).pdf: password required')).toEqual({
      key: 'library:reasons.passwordRequired',
      params: { name: 'a: b (c).pdf' },
    });
    expect(reasonOf('book.epub: EPUB e-book (.epub) is not supported')).toEqual({
      key: 'library:reasons.formatNotSupported',
      params: { name: 'book.epub', what: 'EPUB e-book', ext: 'epub', format: 'epub' },
    });
    expect(reasonOf('old.doc: legacy Office format (.doc) is not supported')?.params.format).toBe(
      'legacyOffice',
    );
    // A format this table does not name keeps its English name inside the translated sentence.
    expect(reasonOf('a.foo: Foo drawing (.foo) is not supported')?.key).toBe(
      'library:reasons.otherFormatNotSupported',
    );
    expect(reasonOf('x.pdf: 3 of 9 pages could not be read (pages 1, 2, 5)')).toMatchObject({
      key: 'library:reasons.pagesUnreadable',
      params: { failed: '3', total: '9', pages: '1, 2, 5' },
    });
  });

  it('reads a file with damaged pages and pages OCR could not read as one reason, in both languages', () => {
    // The text extract-file.ts stores when both happen in one PDF (its pages-could-not-be-read part, then the OCR part).
    const text =
      'scan (2).pdf: 1 of 9 pages could not be read (page 3); OCR could not read 2 of 9 pages (pages 5, 7)';
    const reason = reasonOf(text);
    expect(reason).toEqual({
      key: 'library:reasons.pageUnreadableOcrPages',
      params: { name: 'scan (2).pdf', failed: '1', total: '9', pages: '3', ocrFailed: '2', ocrPages: '5, 7' },
    });
    expect(reasonOf(text.replace('(page 3)', '(pages 3, 4)').replace('(pages 5, 7)', '(page 5)'))?.key).toBe(
      'library:reasons.pagesUnreadableOcrPage',
    );
    expect(translate('zh-CN', reason!.key, reason!.params)).toBe(
      'scan (2).pdf：共 9 页，其中 1 页无法读取（第 3 页），2 页没有文字层且 OCR 无法识别（第 5, 7 页）',
    );
    expect(translate('en', reason!.key, reason!.params)).toMatch(
      /^scan \(2\)\.pdf: 1 of 9 pages .*\(pages 5, 7\)/,
    );
  });

  it('answers null for no reason or one it does not know', () => {
    expect(reasonOf(null)).toBeNull();
    expect(reasonOf('')).toBeNull();
    expect(reasonOf('/docs/a.pdf: worker exited unexpectedly')).toBeNull();
  });

  it('has a translation for every reason and format in both languages', () => {
    const samples = [
      'a.pdf: password required',
      'book.epub: EPUB e-book (.epub) is not supported',
      'x.csv line 17: unclosed quote',
      'x.pdf: 1 of 2 pages could not be read (page 2); the others have no text layer (scanned?)',
      'notes.rtf: not an RTF file (it does not start with {\\rtf)',
      'plain.epub: not a valid EPUB file (no META-INF/container.xml)',
      'b.epub: not a valid EPUB file (META-INF/container.xml names no package document)',
      'b.epub: not a valid EPUB file (the package document OEBPS/content.opf is missing)',
      'b.epub: not a valid EPUB file (the package document is not valid XML)',
      'b.epub: not a valid EPUB file (not a ZIP archive)',
      'x.pdf: 1 of 4 pages could not be read (page 2); OCR could not read 1 of 4 pages (page 3)',
      'x.pdf: 1 of 4 pages could not be read (page 2); OCR could not read 2 of 4 pages (pages 3, 4)',
      'x.pdf: 2 of 4 pages could not be read (pages 1, 2); OCR could not read 1 of 4 pages (page 3)',
      'x.pdf: 2 of 5 pages could not be read (pages 1, 2); OCR could not read 2 of 5 pages (pages 3, 4)',
    ];
    for (const text of samples) {
      const reason = reasonOf(text)!;
      expect(translate('en', reason.key, reason.params), text).toBeDefined();
      const zh = translate('zh-CN', reason.key, reason.params)!;
      expect(zh, text).toMatch(/\p{Script=Han}/u);
      expect(zh).not.toMatch(/\$t\(|\{\{/);
    }
    expect(translate('zh-CN', 'library:reasons.formatNotSupported', reasonOf(samples[1])!.params)).toBe(
      'book.epub：不支持 EPUB 电子书（.epub）',
    );
    // The EPUB and RTF details are translated too, not left in English inside the Chinese sentence.
    for (const text of samples.slice(4)) {
      const reason = reasonOf(text)!;
      expect(reason.key, text).not.toBe('library:reasons.invalidOffice');
      expect(translate('zh-CN', reason.key, reason.params)).not.toMatch(
        /\b(not|package|missing|valid|start|names)\b/,
      );
    }
    expect(translate('zh-CN', 'library:reasons.epubPackageMissing', reasonOf(samples[7])!.params)).toBe(
      'b.epub：不是有效的 EPUB 文件（缺少包文档 OEBPS/content.opf）',
    );
    expect(translate('zh-CN', 'library:reasons.rtfNotRtf', reasonOf(samples[4])!.params)).toBe(
      'notes.rtf：不是 RTF 文件（开头不是 {\\rtf，可能是改了扩展名的其他文件）',
    );
  });
});
