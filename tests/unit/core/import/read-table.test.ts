import fs from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../../main/core/import';
import { decodeAs, decodeText } from '../../../../main/core/util/text-encoding';
import { isWellspringError } from '../../../../main/core/util/errors';
import { fixture } from '../../helpers';

const read = (name: string) => fs.readFileSync(fixture(name));

/** The WellspringError a promise rejects with (the test fails when it resolves). */
async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string; key?: string }> {
  try {
    await p;
  } catch (e) {
    if (isWellspringError(e)) return { code: e.code, message: e.message, key: e.key };
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('readTable: CSV and TSV', () => {
  it('reads the Debian slice in UTF-8 and its GB18030 twin to the same cells, with the lines rows start on', async () => {
    const utf8 = await readTable(read('import/debian-teams.csv'), 'debian-teams.csv');
    const gb = await readTable(read('import/debian-teams.gb18030.csv'), 'debian-teams.gb18030.csv');
    expect(utf8).toMatchObject({ format: 'csv', encoding: 'UTF-8', delimiter: ',' });
    expect(gb).toMatchObject({ format: 'csv', encoding: 'GB18030', delimiter: ',' });
    const [u, g] = [utf8.sheets[0]!, gb.sheets[0]!];
    expect(u.header).toEqual([
      'team',
      'package',
      'section',
      'homepage',
      'debtags',
      'short_description',
      'description_zh_CN',
      'long_description_zh_CN',
    ]);
    expect(g.rows).toEqual(u.rows);
    expect(u.rows).toHaveLength(101);
    // Lines by hand (grep -n): 0ad on line 2 with a 5-line description, 0ad-data on 7, 0ad-data-common on 13; the
    // slice's second block starts with iproute2, on line 241 of the slice.
    expect(u.rows.slice(0, 3).map((r) => [r.line, r.cells[1]])).toEqual([
      [2, '0ad'],
      [7, '0ad-data'],
      [13, '0ad-data-common'],
    ]);
    expect([u.rows[60]!.line, ...u.rows[60]!.cells.slice(0, 2)]).toEqual([
      241,
      'Debian Kernel Team',
      'iproute2',
    ]);
    expect(u.rows[0]!.cells[7]).toContain('\n古代战争实时策略游戏。简而言之');
    expect(u.rows[0]!.cells[7]).toContain('(发音"zero ey-dee")');
    expect(u.problems).toEqual([]);
  });

  it('keeps a field over 128 KB whole (ESCO conceptSchemes_en.csv)', async () => {
    const t = await readTable(read('documents/esco/conceptSchemes_en.csv'), 'conceptSchemes_en.csv');
    const cells = t.sheets[0]!.rows.flatMap((r) => r.cells);
    const longest = cells.reduce((a, b) => (b.length > a.length ? b : a), '');
    expect(longest.length).toBeGreaterThan(128 * 1024);
    // The field lists top concepts, one URI per line, each line but the last ending in a comma.
    const uris = longest.split(',\n');
    expect(uris.every((u) => u.startsWith('http://data.europa.eu/esco/'))).toBe(true);
  });

  it('keeps a 300 KB quoted field with line breaks and quotes whole, and counts its lines', async () => {
    const big = `${'知识管理 "KM", 第一行\n'.repeat(15_000)}end`;
    const text = `id,body,after\r\n1,"${big.replace(/"/g, '""')}",x\r\n2,short,y\r\n`;
    const t = await readTable(Buffer.from(text, 'utf8'), 'big.csv');
    const rows = t.sheets[0]!.rows;
    expect(Buffer.byteLength(rows[0]!.cells[1]!)).toBeGreaterThan(300 * 1024);
    expect(rows[0]!.cells[1]).toBe(big);
    expect(rows[1]).toEqual({ line: 15_003, cells: ['2', 'short', 'y'] });
  });

  it('counts lines of a file that ends them with a lone CR (classic Mac, Excel for Mac’s “CSV (Macintosh)”)', async () => {
    const text = 'label,description\r排料技巧,"第一行\r第二行"\r裁剪工艺,x\r\r验布,y\r';
    const rows = (await readTable(Buffer.from(text, 'utf8'), 'mac.csv')).sheets[0]!.rows;
    expect(rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, '排料技巧'],
      [4, '裁剪工艺'],
      [6, '验布'],
    ]);
    // CRLF is one line break, not two.
    const crlf = 'label\r\na\r\n\r\nb\r\n';
    const m = (await readTable(Buffer.from(crlf, 'utf8'), 'crlf.csv')).sheets[0]!.rows;
    expect(m.map((r) => r.line)).toEqual([2, 4]);
  });

  it('reads O*NET occupations as tab-separated text', async () => {
    const t = await readTable(read('import/onet-occupations.head.txt'), 'onet-occupations.head.txt');
    expect(t).toMatchObject({ format: 'tsv', delimiter: '\t', encoding: 'UTF-8' });
    const s = t.sheets[0]!;
    expect(s.header).toEqual(['O*NET-SOC Code', 'Title', 'Description']);
    expect(s.rows).toHaveLength(40);
    expect(s.rows[0]!.cells.slice(0, 2)).toEqual(['11-1011.00', 'Chief Executives']);
    expect([s.rows[39]!.line, ...s.rows[39]!.cells.slice(0, 2)]).toEqual([
      41,
      '11-9039.02',
      'Fitness and Wellness Coordinators',
    ]);
  });

  it('lists an unclosed quote at the line where its row starts, and keeps the rows', async () => {
    const t = await readTable(read('import/debian-teams.malformed.csv'), 'debian-teams.malformed.csv');
    const s = t.sheets[0]!;
    expect(s.rows.map((r) => r.line)).toEqual([2, 7, 13, 19, 21, 23, 26, 28]);
    expect(s.problems.map((p) => [p.line, p.key])).toEqual([[28, 'transfer:import.errors.unclosedQuote']]);
  });

  it('takes a corrected encoding: GB18030 bytes read as UTF-8 are garbled, read as GBK they are right', async () => {
    const bytes = read('import/debian-teams.gb18030.csv');
    const wrong = await readTable(bytes, 'teams.csv', { encoding: 'UTF-8' });
    expect(wrong.encoding).toBe('UTF-8');
    expect(wrong.sheets[0]!.rows[0]!.cells[6]).toContain('\uFFFD');
    const right = await readTable(bytes, 'teams.csv', { encoding: 'gbk' });
    expect(right.encoding).toBe('GB18030');
    expect(right.sheets[0]!.rows[0]!.cells[6]).toBe('古代战争实时策略游戏');
    expect(await rejection(readTable(bytes, 'teams.csv', { encoding: 'EBCDIC' }))).toMatchObject({
      code: 'invalid_input',
      key: 'transfer:import.errors.unknownEncoding',
    });
  });

  it('reports UTF-8 with a byte order mark and a detected delimiter; a delimiter picked wins', async () => {
    const text = '\uFEFFname;level\n排料技巧;3\n';
    const t = await readTable(Buffer.from(text, 'utf8'), 'x.csv');
    expect(t).toMatchObject({ encoding: 'UTF-8 BOM', delimiter: ';' });
    expect(t.sheets[0]).toMatchObject({
      header: ['name', 'level'],
      rows: [{ line: 2, cells: ['排料技巧', '3'] }],
    });
    // A delimiter the user picks wins over the guess (here a comma).
    const text2 = 'name,zh;level\nC++,编译;3\nC#,.NET;2\n';
    expect((await readTable(Buffer.from(text2), 'y.csv')).delimiter).toBe(',');
    const picked = await readTable(Buffer.from(text2), 'y.csv', { delimiter: ';' });
    expect(picked.delimiter).toBe(';');
    expect(picked.sheets[0]!.rows.map((r) => r.cells)).toEqual([
      ['C++,编译', '3'],
      ['C#,.NET', '2'],
    ]);
  });

  it('reports progress every 5,000 rows and stops when the signal is aborted', async () => {
    const text = `a,b\n${Array.from({ length: 12_000 }, (_, i) => `${i},知识${i}`).join('\n')}\n`;
    const seen: number[] = [];
    const t = await readTable(Buffer.from(text), 'n.csv', { onProgress: (n) => seen.push(n) });
    expect(t.sheets[0]!.rows).toHaveLength(12_000);
    expect(t.sheets[0]!.rows[11_999]).toEqual({ line: 12_001, cells: ['11999', '知识11999'] });
    expect(seen).toEqual([4_999, 9_999, 12_000]);

    // Rows of two lines each, across the pauses: row i (0-based) starts on line 2 + 2i.
    const twoLines = `a,b\r\n${Array.from({ length: 6_000 }, (_, i) => `${i},"第一行\r\n第二行"`).join('\r\n')}`;
    const rows = (await readTable(Buffer.from(twoLines), 'm.csv')).sheets[0]!.rows;
    expect([rows[0]!.line, rows[4_999]!.line, rows[5_000]!.line, rows[5_999]!.line]).toEqual([
      2, 10_000, 10_002, 12_000,
    ]);
    expect(rows[5_999]!.cells).toEqual(['5999', '第一行\r\n第二行']);

    const ac = new AbortController();
    const reading = readTable(Buffer.from(text), 'n.csv', {
      signal: ac.signal,
      onProgress: (n) => {
        if (n >= 4_999) ac.abort(new Error('cancelled by the user'));
      },
    });
    await expect(reading).rejects.toThrow('cancelled by the user');
  });
});

describe('readTable: XLSX', () => {
  it('reads every sheet of the workbook, the Chinese sheet name as it is, rows by their Excel number', async () => {
    const t = await readTable(read('import/derived_team_packages_and_esco.xlsx'), 'derived.xlsx');
    expect(t.format).toBe('xlsx');
    expect(t.sheets.map((s) => [s.name, s.rows.length])).toEqual([
      ['团队与软件包', 725],
      ['ESCO ICT skills', 21],
      ['ESCO transversal', 107],
    ]);
    const teams = t.sheets[0]!;
    expect(teams.headerLine).toBe(1);
    expect(teams.rows[0]).toMatchObject({ line: 2 });
    expect(teams.rows[0]!.cells.slice(0, 2)).toEqual(['Debian Games Team', '0ad']);
    expect(teams.rows.at(-1)!.line).toBe(726);
  });

  it('gives the same cells on the Chinese sheet as the CSV it was made from (first rows of the Debian slice)', async () => {
    const x = (
      await readTable(read('import/derived_team_packages_and_esco.xlsx'), 'd.xlsx', { sheet: '团队与软件包' })
    ).sheets;
    const c = (await readTable(read('import/debian-teams.csv'), 'd.csv')).sheets[0]!;
    expect(x).toHaveLength(1);
    expect(x[0]!.header).toEqual(c.header);
    const trim = (cells: string[]) => {
      const out = [...cells];
      while (out.length && out[out.length - 1] === '') out.pop();
      return out;
    };
    for (let i = 0; i < 60; i++) expect(x[0]!.rows[i]!.cells).toEqual(trim(c.rows[i]!.cells));
  });

  it('gives cell values as text: numbers, dates as ISO, booleans, rich text joined, formulas’ results, links', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('知识清单');
    ws.addRow(['名称', '重要性', '复审日期', '有效', '说明', '合计', '链接']);
    ws.addRow([
      { richText: [{ text: '排料' }, { text: '技巧', font: { bold: true } }] },
      3,
      new Date(Date.UTC(2027, 2, 1)),
      true,
      '第一行\n第二行',
      { formula: 'B2*2', result: 6 },
      { text: '操作规程', hyperlink: 'https://example.org/sop' },
    ]);
    ws.addRow(['裁剪工艺', 0.25, new Date(Date.UTC(2027, 11, 31, 9, 30)), false]);
    ws.getRow(5).getCell(1).value = '隔一行';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const sheet = (await readTable(bytes, 'k.xlsx')).sheets[0]!;
    expect(sheet.name).toBe('知识清单');
    expect(sheet.rows).toEqual([
      { line: 2, cells: ['排料技巧', '3', '2027-03-01', 'TRUE', '第一行\n第二行', '6', '操作规程'] },
      { line: 3, cells: ['裁剪工艺', '0.25', '2027-12-31T09:30:00', 'FALSE'] },
      { line: 5, cells: ['隔一行'] },
    ]);
  });

  it('names the sheets there are when the one asked for is missing', async () => {
    const e = await rejection(
      readTable(read('import/derived_team_packages_and_esco.xlsx'), 'd.xlsx', { sheet: '团队' }),
    );
    expect(e).toMatchObject({ code: 'not_found', key: 'transfer:import.errors.sheetNotFound' });
    expect(e.message).toBe(
      'd.xlsx has no sheet “团队” (its sheets: 团队与软件包, ESCO ICT skills, ESCO transversal).',
    );
  });
});

describe('readTable: files that are not spreadsheets', () => {
  const cases: Array<[string, string, string, string]> = [
    ['documents/pdfjs/issue12823.pdf', 'issue12823.pdf', 'unsupported', 'notSpreadsheet'],
    ['documents/textract/raw_text.docx', 'raw_text.docx', 'unsupported', 'notSpreadsheet'],
    ['import/standardized_text.doc', 'standardized_text.doc', 'unsupported', 'notSpreadsheet'],
    ['import/raw_text.encrypted.xlsx', 'raw_text.encrypted.xlsx', 'unsupported', 'encryptedXlsx'],
  ];
  for (const [file, name, code, key] of cases)
    it(`${name}: ${key}, naming the file`, async () => {
      const e = await rejection(readTable(read(file), name));
      expect(e).toMatchObject({ code, key: `transfer:import.errors.${key}` });
      expect(e.message.startsWith(`${name} `)).toBe(true);
    });

  it('an empty file, or one of blank lines only, is empty', async () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from('\r\n\r\n  \n'), Buffer.from([0xef, 0xbb, 0xbf])])
      expect(await rejection(readTable(bytes, 'empty.csv'))).toMatchObject({
        code: 'invalid_input',
        key: 'transfer:import.errors.emptyFile',
        message: 'empty.csv is empty.',
      });
  });
});

describe('text-encoding: decodeAs (the user corrects a guess)', () => {
  it('decodes in each encoding offered, dropping its byte order mark', () => {
    const zh = '知识条目，专家';
    expect(decodeAs(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(zh)]), 'UTF-8 BOM')).toEqual({
      text: zh,
      encoding: 'UTF-8 BOM',
    });
    expect(decodeAs(Buffer.from(zh), 'utf-8')).toEqual({ text: zh, encoding: 'UTF-8' });
    expect(
      decodeAs(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(zh, 'utf-16le')]), 'UTF-16LE'),
    ).toEqual({
      text: zh,
      encoding: 'UTF-16LE',
    });
    expect(decodeAs(iconv.encode(zh, 'utf-16be'), 'UTF-16BE').text).toBe(zh);
    expect(decodeAs(iconv.encode(zh, 'gbk'), 'GBK')).toEqual({ text: zh, encoding: 'GB18030' });
    // A character outside GBK (U+20000, in GB18030's four-byte range) survives only as GB18030.
    expect(decodeAs(iconv.encode('𠀀', 'gb18030'), 'GB18030').text).toBe('𠀀');
    expect(decodeAs(iconv.encode('知識', 'big5'), 'Big5').text).toBe('知識');
    expect(() => decodeAs(Buffer.from('x'), 'latin-9')).toThrow(RangeError);
  });

  it('is the same detection the document library uses (one module)', () => {
    const gb = read('import/debian-teams.gb18030.csv');
    expect(decodeText(gb, 'x.csv').encoding).toBe('GB18030');
    expect(decodeText(gb, 'x.csv').text).toBe(read('import/debian-teams.csv').toString('utf8'));
  });
});
