import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { GapRow, ProcessSummary, StepMatrix } from '../../../../preload/contract';
import { exportReport, type ReportSource } from '../../../../main/core/reports/export-report';
import { fileStem } from '../../../../main/core/reports/report-table';

const PROCESS: ProcessSummary = {
  id: 'p1',
  label: '团体定制销售流程',
  aliases: [],
  ownerUnit: null,
  stepCount: 2,
  strength: 40,
  band: 'medium',
};

const GAPS: GapRow[] = [
  {
    processId: 'p1',
    processLabel: '团体定制销售流程',
    stepId: 's1',
    stepLabel: '需求沟通',
    stepOrder: 1,
    itemId: 'k1',
    itemLabel: '客户需求调研表',
    strength: 22,
    band: 'weak',
    reasons: ['weak', 'single-holder'],
    holders: 1,
    capableHolders: 1,
    documents: 0,
    candidatePages: 3,
  },
  {
    processId: 'p1',
    processLabel: '团体定制销售流程',
    stepId: 's2',
    stepLabel: '报价, "谈判"',
    stepOrder: 2,
    itemId: 'k2',
    itemLabel: '=报价计算',
    strength: 55,
    band: 'medium',
    reasons: ['tacit-only'],
    holders: 2,
    capableHolders: 0,
    documents: 1,
    candidatePages: 0,
  },
];

const MATRIX: StepMatrix = {
  processId: 'p1',
  steps: [
    { id: 's1', label: '需求沟通', order: 1 },
    { id: 's2', label: '报价谈判', order: 2 },
  ],
  items: [
    { id: 'k1', label: '客户需求调研表', existence: 'template', template: true },
    { id: 'k2', label: '报价计算', existence: 'explicit', template: false },
  ],
  cells: [
    ['requires', 'produces'],
    ['both', 'none'],
  ],
};

const unused = (): never => {
  throw new Error('not read by the gaps and matrix reports');
};
const fake: ReportSource = {
  knowledge: {
    processes: () => [PROCESS],
    gaps: (processId?: string) => GAPS.filter((g) => !processId || g.processId === processId),
    matrix: () => MATRIX,
    index: unused,
  },
  experts: { risk: unused, simulate: unused },
  inventory: { list: unused },
};

const TODAY = '2026-05-01';

async function readXlsx(base64: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return ws;
}

/** The values of rows `from`.. of a sheet, as plain arrays (exceljs row.values is 1-based). */
function sheetRows(ws: ExcelJS.Worksheet, from: number): unknown[][] {
  const out: unknown[][] = [];
  for (let r = from; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const vals: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) vals.push(row.getCell(c).value ?? '');
    out.push(vals);
  }
  return out;
}

describe('exportReport (fake knowledge source)', () => {
  it('writes the gaps report as CSV: BOM, CRLF, translated headers, rows that parse back', async () => {
    const f = await exportReport(fake, { report: 'gaps', processId: 'p1' }, 'csv', 'zh-CN', { today: TODAY });
    expect(f.fileName).toBe('gaps-团体定制销售流程-2026-05-01.csv');
    expect(f.mime).toMatch(/^text\/csv/);
    const bytes = Buffer.from(f.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.includes('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual([
      '流程',
      '序号',
      '步骤',
      '知识项',
      '强度',
      '缺口原因',
      '掌握人数',
      '熟练度≥3人数',
      '文档数',
      '候选页面',
    ]);
    expect(parsed.data.slice(1)).toEqual([
      ['团体定制销售流程', '1', '需求沟通', '客户需求调研表', '22', '强度弱、仅一人掌握', '1', '1', '0', '3'],
      // Quotes and commas survive; a leading = is defused with a '.
      ['团体定制销售流程', '2', '报价, "谈判"', "'=报价计算", '55', '仅隐性', '2', '0', '1', '0'],
    ]);
  });

  it('writes English headers and reasons for language en, and "All processes" without a process', async () => {
    const f = await exportReport(fake, { report: 'gaps' }, 'csv', 'en', { today: TODAY });
    expect(f.fileName).toBe('gaps-All-processes-2026-05-01.csv');
    const parsed = Papa.parse<string[]>(Buffer.from(f.base64, 'base64').toString('utf8').slice(1), {
      skipEmptyLines: true,
    });
    expect(parsed.data[0]?.slice(0, 4)).toEqual(['Process', 'No.', 'Step', 'Knowledge item']);
    expect(parsed.data[1]?.[5]).toBe('Weak, One holder only');
  });

  it('writes the gaps report as XLSX: title with process and date, bold frozen header, numbers as numbers', async () => {
    const f = await exportReport(fake, { report: 'gaps', processId: 'p1' }, 'xlsx', 'zh-CN', {
      today: TODAY,
    });
    expect(f.fileName).toBe('gaps-团体定制销售流程-2026-05-01.xlsx');
    const ws = await readXlsx(f.base64);
    expect(ws.name).toBe('知识缺口 2026-05-01');
    expect(ws.getCell('A1').value).toBe('知识缺口报告 — 团体定制销售流程 — 2026-05-01');
    expect(ws.getRow(2).getCell(1).value).toBe('流程');
    expect(ws.getRow(2).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getColumn(4).width).toBeGreaterThanOrEqual(14); // 客户需求调研表: 7 CJK characters
    expect(sheetRows(ws, 3)).toEqual([
      ['团体定制销售流程', 1, '需求沟通', '客户需求调研表', 22, '强度弱、仅一人掌握', 1, 1, 0, 3],
      ['团体定制销售流程', 2, '报价, "谈判"', '=报价计算', 55, '仅隐性', 2, 0, 1, 0],
    ]);
  });

  it('writes the matrix as CSV and XLSX with cell words, requires cells tinted', async () => {
    const csv = await exportReport(fake, { report: 'matrix', processId: 'p1' }, 'csv', 'zh-CN', {
      today: TODAY,
    });
    expect(csv.fileName).toBe('matrix-团体定制销售流程-2026-05-01.csv');
    const parsed = Papa.parse<string[]>(Buffer.from(csv.base64, 'base64').toString('utf8').slice(1), {
      skipEmptyLines: true,
    });
    expect(parsed.data).toEqual([
      ['知识项', '需求沟通', '报价谈判'],
      ['客户需求调研表', '需要', '产出'],
      ['报价计算', '需要并产出', ''],
    ]);
    const xlsx = await exportReport(
      fake,
      { report: 'matrix', processId: 'p1', rows: 'templates' },
      'xlsx',
      'zh-CN',
      { today: TODAY },
    );
    expect(xlsx.fileName).toBe('matrix-团体定制销售流程-templates-2026-05-01.xlsx');
    const ws = await readXlsx(xlsx.base64);
    expect(ws.getCell('A1').value).toBe('步骤 × 知识矩阵 — 团体定制销售流程 (仅模板与表单) — 2026-05-01');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    expect(sheetRows(ws, 2)).toEqual([
      ['知识项', '需求沟通', '报价谈判'],
      ['客户需求调研表', '需要', '产出'],
      ['报价计算', '需要并产出', ''],
    ]);
    const requires = ws.getCell('B3').fill;
    expect(requires).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(ws.getCell('C4').fill).toBeUndefined();
  });

  it('makes file names safe and keeps Chinese', () => {
    expect(fileStem(['gaps', 'a/b:c*?"<>|  d', '2026-05-01'])).toBe('gaps-a-b-c-d-2026-05-01');
    expect(fileStem(['matrix', '销售 流程'])).toBe('matrix-销售-流程');
  });
});
