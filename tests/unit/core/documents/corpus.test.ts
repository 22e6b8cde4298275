import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, extractFile } from '../../../../main/core/documents/extract';

// Larger real documents stay in the shared corpus (../shared/corpus); these tests skip when it is absent.
const CORPUS = path.resolve(__dirname, '../../../../../shared/corpus');
const corpus = (name: string): string => path.join(CORPUS, name);

describe.skipIf(!fs.existsSync(CORPUS))('shared corpus', () => {
  it('reports the two-page scan issue7229 as having no text layer', async () => {
    const r = await extractFile(corpus('pdf/pdfjs/issue7229.pdf'));
    expect(r.status).toBe('no-text');
    expect(r.pageCount).toBe(2);
  });

  it('reads the 63-page Chinese Debian manual', async () => {
    const r = await extractFile(corpus('pdf/debian-zh/maint-guide.zh-cn.pdf'));
    expect(r.status).toBe('indexed');
    expect(r.pageCount).toBe(63);
    expect(r.pages).toHaveLength(63);
    expect(r.pages[0]?.text).toContain('Debian 新维护者手册');
  });

  it('decodes the whole GB18030 Debian CSV to the same text as its UTF-8 twin', () => {
    const gb = decodeText(
      fs.readFileSync(corpus('structured/debian/debian_team_packages_zh.gb18030.csv')),
      'gb',
    );
    const utf8 = decodeText(fs.readFileSync(corpus('structured/debian/debian_team_packages_zh.csv')), 'utf8');
    expect(gb.encoding).toBe('GB18030');
    expect(gb.text).toBe(utf8.text);
  });

  it('labels XLSX pages with a Chinese sheet name', async () => {
    const r = await extractFile(corpus('structured/derived_team_packages_and_esco.xlsx'));
    expect(r.status).toBe('indexed');
    expect(r.pages.map((p) => p.label)).toContain('团队与软件包');
  });
});
