import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportReport } from '../../../../main/core/reports/export-report';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { tempDir } from '../../helpers';

/** Reports of the bundled sample workspace, read back and compared with what the knowledge service answers. */
describe('exportReport on the sample workspace', () => {
  const open = () => {
    const dir = tempDir();
    const ws = new WorkspaceService(dir, 'node', { watch: false, threads: 1 });
    ws.open(path.join(dir, 'sample.wellspring'), { create: true, sample: true });
    const sales = ws.knowledge.processes().find((p) => p.label === '团体定制销售流程');
    if (!sales) throw new Error('the sample has no sales process');
    return { ws, sales };
  };
  const csvRows = (base64: string) => {
    const text = Buffer.from(base64, 'base64').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    return parsed.data;
  };
  const xlsxRows = async (base64: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const out: unknown[][] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      out.push(Array.from({ length: sheet.columnCount }, (_, c) => row.getCell(c + 1).value ?? ''));
    }
    return { sheet, rows: out };
  };

  it('the sales process gaps as CSV and XLSX hold the rows of knowledge.gaps(), Chinese intact', async () => {
    const { ws, sales } = open();
    const gaps = ws.knowledge.gaps(sales.id);
    expect(gaps.length).toBeGreaterThan(0);
    const expected = gaps.map((g) => [g.processLabel, g.stepOrder, g.stepLabel, g.itemLabel, g.strength]);

    const csv = await exportReport(ws, { report: 'gaps', processId: sales.id }, 'csv', 'zh-CN');
    expect(csv.fileName).toMatch(/^gaps-团体定制销售流程-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = csvRows(csv.base64);
    expect(rows[0]?.[3]).toBe('知识项');
    expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual(expected.map((r) => r.map(String)));

    const xlsx = await exportReport(ws, { report: 'gaps', processId: sales.id }, 'xlsx', 'en');
    const { sheet, rows: cells } = await xlsxRows(xlsx.base64);
    expect(String(sheet.getCell('A1').value)).toContain('团体定制销售流程');
    expect(cells[0]?.slice(0, 5)).toEqual(['Process', 'No.', 'Step', 'Knowledge item', 'Strength']);
    expect(cells.slice(1).map((r) => r.slice(0, 5))).toEqual(expected);
    expect(cells.slice(1).map((r) => r[6])).toEqual(gaps.map((g) => g.holders));
    ws.close();
  });

  it('the gaps of all processes: one row per gap of every process', async () => {
    const { ws } = open();
    const all = ws.knowledge.gaps();
    const csv = await exportReport(ws, { report: 'gaps' }, 'csv', 'en');
    expect(csv.fileName).toMatch(/^gaps-All-processes-/);
    expect(csvRows(csv.base64)).toHaveLength(all.length + 1);
    ws.close();
  });

  it('the sales matrix as CSV and XLSX holds knowledge.matrix(), cells as 需要 / 产出 words', async () => {
    const { ws, sales } = open();
    const m = ws.knowledge.matrix(sales.id, 'all');
    const words = { requires: '需要', produces: '产出', both: '需要并产出', none: '' } as const;
    const expected = [
      ['知识项', ...m.steps.map((s) => s.label)],
      ...m.items.map((it, r) => [it.label, ...m.cells[r]!.map((c) => words[c])]),
    ];
    const csv = await exportReport(ws, { report: 'matrix', processId: sales.id }, 'csv', 'zh-CN');
    expect(csvRows(csv.base64)).toEqual(expected);
    const xlsx = await exportReport(ws, { report: 'matrix', processId: sales.id }, 'xlsx', 'zh-CN');
    const { rows } = await xlsxRows(xlsx.base64);
    expect(rows).toEqual(expected);
    const templates = ws.knowledge.matrix(sales.id, 'templates');
    const t = await exportReport(
      ws,
      { report: 'matrix', processId: sales.id, rows: 'templates' },
      'csv',
      'zh-CN',
    );
    expect(csvRows(t.base64)).toHaveLength(templates.items.length + 1);
    ws.close();
  });
});
