import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../../../main/core/documents/extract';
import { fixture, tempDir } from '../../helpers';

const doc = (name: string): string => fixture(`documents/${name}`);

function write(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('extractFile statuses', () => {
  it('fails a missing file, naming it', async () => {
    const r = await extractFile(path.join(tempDir(), 'gone.pdf'));
    expect(r).toEqual({
      status: 'failed',
      pages: [],
      pageCount: 0,
      mime: 'application/pdf',
      error: 'gone.pdf: file not found',
    });
  });

  it('fails a zero-byte file', async () => {
    const r = await extractFile(write(tempDir(), 'zero.txt', ''));
    expect(r.status).toBe('failed');
    expect(r.error).toBe('zero.txt: empty file');
  });

  it('fails a folder', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'folder.pdf'));
    const r = await extractFile(path.join(dir, 'folder.pdf'));
    expect(r.status).toBe('failed');
    expect(r.error).toBe('folder.pdf: not a regular file');
  });

  it('refuses a file over maxBytes without reading it', async () => {
    const r = await extractFile(doc('textract/raw_text.pdf'), { maxBytes: 10 * 1024 });
    expect(r.status).toBe('unsupported');
    expect(r.error).toBe('raw_text.pdf: 72.7 KB, larger than the 10 KB limit');
  });

  it('refuses binary content named .txt', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const r = await extractFile(write(tempDir(), 'not really.txt', bytes));
    expect(r.status).toBe('unsupported');
    expect(r.error).toBe('not really.txt: binary file, not text');
  });

  it('reads a PDF named .txt as a PDF', async () => {
    const r = await extractFile(write(tempDir(), 'report.txt', fs.readFileSync(doc('pdfjs/vertical.pdf'))));
    expect(r.status).toBe('indexed');
    expect(r.mime).toBe('application/pdf');
    expect(r.pages[0]?.text).toContain('あいうえお');
  });

  it('reads an ODF file by its content whatever its name', async () => {
    const r = await extractFile(
      write(tempDir(), 'export.bin', fs.readFileSync(doc('textract/raw_text.odt'))),
    );
    expect(r.status).toBe('indexed');
    expect(r.mime).toBe('application/vnd.oasis.opendocument.text');
  });

  it('works with Chinese characters and spaces in the path', async () => {
    const dir = path.join(tempDir(), '知识 库', '项目 文档');
    fs.mkdirSync(dir, { recursive: true });
    const pdf = write(dir, '模板 副本 (1).pdf', fs.readFileSync(doc('pdfjs/issue12823.pdf')));
    const md = write(dir, '笔记 一.md', '# 标题 一\n\n知识库 内容\n');
    const r = await extractFile(pdf);
    expect(r.status).toBe('indexed');
    expect(r.pages[0]?.text).toContain('知识库');
    const m = await extractFile(md);
    expect(m.pages).toEqual([{ page: 1, label: '标题 一', text: '标题 一\n\n知识库 内容' }]);
    const missing = await extractFile(path.join(dir, '不存在 的.pdf'));
    expect(missing.error).toBe('不存在 的.pdf: file not found');
  });

  it('reports unsupported extensions and legacy Office files', async () => {
    const dir = tempDir();
    const png = await extractFile(
      write(dir, 'picture.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    );
    // Images are read by OCR since issue 11; a bare PNG signature has no IHDR header.
    expect(png.status).toBe('failed');
    expect(png.error).toBe('picture.png: damaged image (no PNG header)');
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ]);
    const legacy = await extractFile(write(dir, 'old.doc', ole));
    expect(legacy.status).toBe('unsupported');
    expect(legacy.error).toBe('old.doc: Word 97–2003 (.doc) is not supported: save it as .docx');
  });

  it('fails a damaged DOCX and a damaged XLSX with a reason', async () => {
    const dir = tempDir();
    const docx = await extractFile(write(dir, 'broken.docx', 'this is not a zip file at all'));
    expect(docx.status).toBe('failed');
    expect(docx.error).toMatch(/^broken\.docx: not a valid DOCX \(/);
    const whole = fs.readFileSync(doc('textract/raw_text.xlsx'));
    const xlsx = await extractFile(write(dir, 'cut.xlsx', whole.subarray(0, whole.length >> 1)));
    expect(xlsx.status).toBe('failed');
    expect(xlsx.error).toMatch(/^cut\.xlsx: not a valid XLSX file \(/);
  });

  it('ignores a progress callback that throws', async () => {
    const r = await extractFile(doc('textract/raw_text.pdf'), {
      onPage: () => {
        throw new Error('listener bug');
      },
    });
    expect(r.status).toBe('indexed');
    expect(r.failedPages).toBeUndefined();
  });

  it('calls the progress callback for non-PDF units too', async () => {
    const seen: string[] = [];
    await extractFile(doc('textract/raw_text.pptx'), {
      onPage: (done, total) => seen.push(`${done}/${total}`),
    });
    expect(seen).toEqual(['1/3', '2/3', '3/3']);
  });
});
