import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile, normalizeText } from '../../../../main/core/documents/extract';
import { fixture, tempDir } from '../../helpers';

const doc = (name: string): string => fixture(`documents/${name}`);
const allText = (pages: { text: string }[]): string => pages.map((p) => p.text).join('\n');
const compact = (s: string): string => normalizeText(s).replace(/\s+/g, '');

describe('PDF text', () => {
  it('matches textract’s expected text for raw_text.pdf', async () => {
    const r = await extractFile(doc('textract/raw_text.pdf'));
    expect(r.status).toBe('indexed');
    expect(r.mime).toBe('application/pdf');
    expect(r.pageCount).toBe(2);
    expect(r.pages.map((p) => p.page)).toEqual([1, 2]);
    // textract's expected text is pdftotext output; after normalisation (which joins "church-\nkey" as pdftotext
    // does) the two are identical once whitespace is ignored.
    expect(compact(allText(r.pages))).toBe(
      compact(fs.readFileSync(doc('textract/raw_text.pdf.txt'), 'utf8')),
    );
  });

  it('reads vertical Japanese text through the CMaps', async () => {
    const r = await extractFile(doc('pdfjs/vertical.pdf'));
    expect(r.status).toBe('indexed');
    expect(r.pages[0]?.text).toContain('あいうえお');
  });

  it('turns Kangxi radicals into Han and joins words broken across lines (issue15340)', async () => {
    const r = await extractFile(doc('pdfjs/issue15340.pdf'));
    const text = allText(r.pages);
    expect(text).toContain('一つ'); // U+2F00 ⼀ in the file
    expect(text).not.toContain('\u2f00');
    expect(text).toContain('検知機構'); // 検知機 | 構 on two lines in the file
    expect(text).toContain('取り扱う');
  });

  it('reads a Simplified Chinese template (issue12823)', async () => {
    const r = await extractFile(doc('pdfjs/issue12823.pdf'));
    expect(r.status).toBe('indexed');
    expect(allText(r.pages)).toContain('知识库');
  });
});

describe('encrypted PDFs', () => {
  const cases: [string, string, string | RegExp][] = [
    ['pdfjs/issue6010_1.pdf', 'abc', 'Issue 6010'],
    ['pdfjs/issue6010_2.pdf', 'æøå', 'Issue 6010'],
    ['pdfjs/issue3371.pdf', 'ELXRTQWS', ''],
    ['pdfjs/bug1782186.pdf', 'Hello', ''],
    ['pdfjs/issue21579.pdf', 'pässwört', 'decryption succeeded'],
    ['pypdf/libreoffice-writer-password.pdf', 'openpassword', 'Lorem ipsum'],
  ];
  for (const [file, password, expected] of cases) {
    describe(file, () => {
      it('opens with its password', async () => {
        const r = await extractFile(doc(file), { password });
        // issue3371 and bug1782186 decrypt fine but draw their text as images or paths.
        expect(r.status).toBe(expected ? 'indexed' : 'no-text');
        if (expected) expect(allText(r.pages)).toMatch(expected);
      });

      it('needs a password without one', async () => {
        const r = await extractFile(doc(file));
        expect(r.status).toBe('needs-password');
        expect(r.error).toBe(`${path.basename(file)}: password required`);
        expect(r.pages).toEqual([]);
      });

      it('says so when the password is wrong', async () => {
        const r = await extractFile(doc(file), { password: 'not-the-password' });
        expect(r.status).toBe('needs-password');
        expect(r.error).toBe(`${path.basename(file)}: wrong password`);
      });
    });
  }

  it('opens files encrypted with an empty user password without asking', async () => {
    const vitality = await extractFile(doc('pdfjs/issue9972-1.pdf'));
    expect(vitality.status).toBe('indexed');
    expect(allText(vitality.pages)).toContain('Personal Vitality Rebate');
    const empty = await extractFile(doc('pdfjs/empty_protected.pdf'));
    expect(empty.status).not.toBe('needs-password');
    expect(empty.status).not.toBe('failed');
  });
});

describe('broken and image-only PDFs', () => {
  it('fails a corrupt PDF with a reason', async () => {
    const r = await extractFile(doc('pdf-parse/03-invalid.pdf'));
    expect(r.status).toBe('failed');
    expect(r.error).toBe('03-invalid.pdf: not a valid PDF (damaged or truncated)');
  });

  it('reports scans as having no text layer', async () => {
    for (const file of ['pdfjs/issue7200.pdf', 'pypdf/imagemagick-CCITTFaxDecode.pdf']) {
      const r = await extractFile(doc(file));
      expect(r.status, file).toBe('no-text');
      expect(r.error).toBe(`${path.basename(file)}: no text layer (scanned?)`);
      expect(r.pageCount).toBeGreaterThan(0);
    }
  });

  it('fails a truncated PDF with a reason', async () => {
    const dir = tempDir();
    const whole = fs.readFileSync(doc('textract/raw_text.pdf'));
    const half = path.join(dir, 'half of raw_text.pdf');
    fs.writeFileSync(half, whole.subarray(0, whole.length >> 1));
    const r = await extractFile(half);
    expect(r.status).toBe('failed');
    expect(r.error).toBe('half of raw_text.pdf: not a valid PDF (damaged or truncated)');
  });

  it('keeps the readable pages of a PDF whose page tree is damaged', async () => {
    const r = await extractFile(doc('pdfjs/Pages-tree-refs.pdf'));
    expect(r.status).toBe('indexed');
    expect(r.pageCount).toBe(2);
    expect(r.pages.map((p) => p.page)).toEqual([1]);
    expect(r.failedPages).toEqual([2]);
    expect(r.error).toBe('Pages-tree-refs.pdf: 1 of 2 pages could not be read (page 2)');
  });

  it('reports progress after each page', async () => {
    const seen: [number, number][] = [];
    await extractFile(doc('textract/raw_text.pdf'), { onPage: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });
});
