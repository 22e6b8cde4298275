import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile, normalizeText, type ExtractedPage } from '../../../../main/core/documents/extract';
import { fixture, tempDir } from '../../helpers';

const doc = (name: string): string => fixture(`documents/${name}`);
const allText = (pages: ExtractedPage[]): string => pages.map((p) => p.text).join('\n');
const compact = (s: string): string => normalizeText(s).replace(/\s+/g, '');

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

describe('CSV', () => {
  it('matches textract’s expected text', async () => {
    const r = await extractFile(doc('textract/raw_text.csv'));
    expect(r.status).toBe('indexed');
    expect(r.mime).toBe('text/csv');
    expect(r.encoding).toBe('UTF-8');
    expect(compact(allText(r.pages))).toBe(
      compact(fs.readFileSync(doc('textract/raw_text.csv.txt'), 'utf8')),
    );
  });

  it('parses a field over 128 KB (ESCO conceptSchemes_en.csv)', async () => {
    const r = await extractFile(doc('esco/conceptSchemes_en.csv'));
    expect(r.status).toBe('indexed');
    expect(r.pages.map((p) => p.label)).toEqual(['rows 1–16']);
    const records = r.pages[0]?.text.split(/\n(?=ConceptScheme\t)/) ?? [];
    expect(records).toHaveLength(16);
    // "ESCO member skills": 8,349 skill URIs (593 KB) in its hasTopConcept field, which ends the record.
    const skills = records.find((rec) => rec.includes('\tESCO member skills\t')) ?? '';
    const field = skills.split('\t').at(-1) ?? '';
    expect(field.length).toBeGreaterThan(128 * 1024);
    expect(field.startsWith('http://data.europa.eu/esco/skill/13e1c0a2-b90d-46f4-be51-11730360b38d,')).toBe(
      true,
    );
    expect(field.endsWith('http://data.europa.eu/esco/skill/fd728a62-6be0-4874-9d68-5946b87f29da')).toBe(
      true,
    );
  });

  it('makes a page of every 200 records, labelled with the record range', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => `${i + 1},"name ${i + 1}"`).join('\n');
    const r = await extractFile(write('rows.csv', `id,name\n${rows}\n`));
    expect(r.pages.map((p) => p.label)).toEqual(['rows 1–200', 'rows 201–400', 'rows 401–451']);
    expect(r.pages[2]?.text.split('\n').at(-1)).toBe('450\tname 450');
  });

  it('names the line of an unclosed quote', async () => {
    const lines = [
      'a,b,c',
      ...Array.from({ length: 15 }, (_, i) => `${i},x,y`),
      '16,"never closed,z',
      '17,p,q',
    ];
    const r = await extractFile(write('x.csv', lines.join('\n')));
    expect(r.status).toBe('failed');
    expect(r.error).toBe('x.csv line 17: unclosed quote');
  });

  it('reads GB18030 CSV as the same records as its UTF-8 twin', async () => {
    const gb = await extractFile(doc('debian/debian_team_packages_zh.head.gb18030.csv'));
    const utf8 = await extractFile(doc('debian/debian_team_packages_zh.head.csv'));
    expect(gb.status).toBe('indexed');
    expect(gb.encoding).toBe('GB18030');
    expect(utf8.encoding).toBe('UTF-8');
    expect(gb.pages).toEqual(utf8.pages);
    expect(allText(gb.pages)).toContain('古代战争实时策略游戏');
  });

  it('reads tab-separated .tsv files', async () => {
    const r = await extractFile(write('t.tsv', 'code\ttitle\n11-1011.00\tChief Executives, all kinds\n'));
    expect(r.mime).toBe('text/tab-separated-values');
    expect(r.pages[0]?.text).toBe('code\ttitle\n11-1011.00\tChief Executives, all kinds');
  });
});

describe('HTML', () => {
  it('matches textract’s expected text', async () => {
    const r = await extractFile(doc('textract/raw_text.html'));
    expect(r.status).toBe('indexed');
    expect(r.mime).toBe('text/html');
    // Differences explained: textract keeps one "&amp;" escaped and one stray "-->" from a comment.
    const want = fs
      .readFileSync(doc('textract/raw_text.html.txt'), 'utf8')
      .replace('&amp;', '&')
      .replace('-->', '');
    expect(compact(allText(r.pages))).toBe(compact(want));
    expect(r.pages.map((p) => p.label)).toContain('The Avalanche at Tunnel Creek');
  });

  it('honours a declared charset and leaves out scripts, styles and the head', async () => {
    const html =
      '<!DOCTYPE html><html><head><meta charset="gbk"><title>标题</title><style>p{}</style></head>' +
      '<body><script>var x = 1;</script><h1>知识管理</h1><p>第一段\n文字</p><p>第二段</p>' +
      '<table><tr><td>甲</td><td>乙</td></tr></table></body></html>';
    const { encode } = await import('iconv-lite');
    const r = await extractFile(write('gbk.html', encode(html, 'gbk')));
    expect(r.encoding).toBe('GB18030');
    expect(r.pages).toEqual([
      { page: 1, label: '知识管理', text: '知识管理\n\n第一段文字\n\n第二段\n\n甲\t乙' },
    ]);
  });
});

describe('Markdown and plain text', () => {
  it('splits Markdown into sections at headings, ignoring # lines in fenced code', async () => {
    const md = [
      '---',
      'title: Notes',
      '---',
      'Intro with a [link](http://example.com) and [[Wiki Page|a wiki link]].',
      '',
      '# First **bold** heading',
      '',
      '```sh',
      '# not a heading',
      '```',
      '',
      'Second',
      '======',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
    ].join('\n');
    const r = await extractFile(write('notes.md', md));
    expect(r.mime).toBe('text/markdown');
    expect(r.pages).toEqual([
      { page: 1, text: 'title: Notes\nIntro with a link and a wiki link.' },
      { page: 2, label: 'First bold heading', text: 'First bold heading\n\n# not a heading' },
      { page: 3, label: 'Second', text: 'Second\n\na\tb\n1\t2' },
    ]);
  });

  it('keeps front matter alone before the first heading on that heading\'s page, so pages keep their numbers', async () => {
    const body = ['# 裁剪作业标准', '', '开裁前核对唛架。', '', '## 1. 裁前准备', '', '静置松布 24 小时。'];
    const plain = await extractFile(write('sop.md', body.join('\n')));
    const withMeta = await extractFile(write('sop-meta.md', ['---', 'author: 吴秀兰', '---', '', ...body].join('\n')));
    expect(withMeta.pages.map((p) => [p.page, p.label])).toEqual(plain.pages.map((p) => [p.page, p.label]));
    expect(withMeta.pages[0]!.text).toContain('author: 吴秀兰');
    expect(withMeta.pages[0]!.text).toContain('开裁前核对唛架');
    expect(withMeta.authors).toEqual(['吴秀兰']);
  });

  it('does not take a rule after code, a heading or a list for a setext underline', async () => {
    const md = ['# Title', '---', 'text', '', '```', 'code', '```', '---', '- item', '---', 'after'].join(
      '\n',
    );
    const r = await extractFile(write('rules.md', md));
    expect(r.pages).toEqual([{ page: 1, label: 'Title', text: 'Title\ntext\n\ncode\n- item\nafter' }]);
  });

  it('splits plain text into pages of about 3000 characters at paragraph ends', async () => {
    const paragraph = (i: number): string => `Paragraph ${i}. ` + 'word '.repeat(150);
    const text = Array.from({ length: 20 }, (_, i) => paragraph(i)).join('\n\n');
    const r = await extractFile(write('long.txt', text));
    expect(r.status).toBe('indexed');
    expect(r.pages.length).toBeGreaterThan(5);
    for (const p of r.pages) {
      expect(p.text.length).toBeLessThanOrEqual(3000);
      expect(p.text).toMatch(/^Paragraph \d+\./);
    }
    expect(compact(allText(r.pages))).toBe(compact(text));
  });

  it('decodes a UTF-16LE text file with BOM', async () => {
    const { encode } = await import('iconv-lite');
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      encode('知识管理 and ｆｕｌｌ-width', 'utf-16le'),
    ]);
    const r = await extractFile(write('utf16.txt', bytes));
    expect(r.encoding).toBe('UTF-16LE');
    expect(r.pages[0]?.text).toBe('知识管理 and full-width');
  });
});
