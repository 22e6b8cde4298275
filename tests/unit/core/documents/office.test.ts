import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFile, normalizeText, type ExtractedPage } from '../../../../main/core/documents/extract';
import { fixture } from '../../helpers';

const doc = (name: string): string => fixture(`documents/${name}`);
const expected = (name: string): string => fs.readFileSync(doc(name), 'utf8');
const allText = (pages: ExtractedPage[]): string => pages.map((p) => p.text).join('\n');
const compact = (s: string): string => normalizeText(s).replace(/\s+/g, '');

/** Sheets in the workbook's order (officeparser lists XLSX sheets in ZIP entry order), rows as textract prints them. */
function asTextract(pages: ExtractedPage[]): string {
  const sheets = [...new Set(pages.map((p) => p.label ?? ''))].sort();
  return sheets
    .map((sheet) =>
      allText(pages.filter((p) => p.label === sheet))
        // xlrd/ezodf print TRUE as 1 and FALSE as nothing.
        .replace(/(^|\t)TRUE(?=\t|$)/gm, '$11')
        .replace(/(^|\t)FALSE(?=\t|$)/gm, '$1'),
    )
    .join('\n');
}

describe('office documents against textract’s expected text', () => {
  it('DOCX', async () => {
    const r = await extractFile(doc('textract/raw_text.docx'));
    expect(r.status).toBe('indexed');
    expect(r.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(compact(allText(r.pages))).toBe(compact(expected('textract/raw_text.docx.txt')));
  });

  it('ODT', async () => {
    const r = await extractFile(doc('textract/raw_text.odt'));
    expect(r.status).toBe('indexed');
    expect(r.mime).toBe('application/vnd.oasis.opendocument.text');
    expect(compact(allText(r.pages))).toBe(compact(expected('textract/raw_text.odt.txt')));
    expect(r.pages[0]?.text).toContain('with\t\ttabs and multiple spaces'); // tabs kept, spaces collapsed
  });

  it('PPTX, one page per slide labelled with its title', async () => {
    const r = await extractFile(doc('textract/raw_text.pptx'));
    expect(r.status).toBe('indexed');
    expect(r.pages.map((p) => p.label)).toEqual(['I love PowerPoint. A lot.', 'hipsum', 'Hipsum II']);
    expect(compact(allText(r.pages))).toBe(compact(expected('textract/raw_text.pptx.txt')));
  });

  it('XLSX, pages of 200 rows labelled with the sheet name', async () => {
    const r = await extractFile(doc('textract/raw_text.xlsx'));
    expect(r.status).toBe('indexed');
    expect(r.pages.map((p) => p.label).sort()).toEqual(['Sheet1', 'Sheet1', 'Sheet2']);
    // Differences explained: textract prints numbers as floats ("340.0") and booleans as 1/nothing.
    const want = expected('textract/raw_text.xlsx.txt').replace(/\b(\d+)\.0\b/g, '$1');
    expect(compact(asTextract(r.pages))).toBe(compact(want));
    // officeparser 8.1 leaves "&lt;" in formula results; extraction decodes it.
    expect(allText(r.pages)).toContain('\t<More Info>');
  });

  it('ODS', async () => {
    const r = await extractFile(doc('textract/raw_text.ods'));
    expect(r.status).toBe('indexed');
    expect(r.mime).toBe('application/vnd.oasis.opendocument.spreadsheet');
    // Differences explained: floats and booleans as for XLSX, and textract includes the cell comment on "Help",
    // which extraction leaves out (comments are left out in every format).
    const want = expected('textract/raw_text.ods.txt')
      .replace(/\b(\d+)\.0\b/g, '$1')
      .replace("Clicking a link in this column takes you to the Help topic at Microsoft's Office site.", '');
    expect(compact(asTextract(r.pages))).toBe(compact(want));
  });
});

describe('the same Chinese chapter as DOCX, ODT and Markdown (derived-zh)', () => {
  const sentences = [
    '让我们来创建一个自己的软件包(更好的是,“领养”一个已存在的软件包)。',
    '如果你的工作基于某个上游程序,那么典型的Debian软件包制作流程就会需要如下几个特定的文件:',
    '可能你已经想好了要制作的软件包。那此时第一件要做的事,就是检查它是否已经被别人打包,并已经安置于发行版仓库中。',
    '获取一份上游软件的拷贝,它通常为压缩过的tar格式。',
  ];
  for (const ext of ['docx', 'odt', 'md']) {
    it(`${ext} gives the same sentences and sections`, async () => {
      const r = await extractFile(doc(`derived-zh/maint-guide.first.zh-cn.${ext}`));
      expect(r.status).toBe('indexed');
      const text = compact(allText(r.pages));
      for (const s of sentences) expect(text).toContain(s);
      const labels = r.pages.map((p) => p.label);
      expect(labels).toContain('2.1. Debian 软件包制作流程');
      expect(labels).toContain('2.6. 软件包名称和版本');
    });
  }
});

describe('DOCX details', () => {
  it('includes footnotes without mammoth’s back-links', async () => {
    const r = await extractFile(doc('mammoth/footnotes.docx'));
    const text = allText(r.pages);
    expect(text).toContain('A tachyon walks into a bar.');
    expect(text).not.toContain('↑');
  });

  it('reports an empty document as having no text', async () => {
    const r = await extractFile(doc('mammoth/empty.docx'));
    expect(r.status).toBe('no-text');
    expect(r.error).toBe('empty.docx: no text');
  });
});
