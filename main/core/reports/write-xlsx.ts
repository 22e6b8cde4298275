import ExcelJS from 'exceljs';
import type { MatrixCell } from '../../../preload/contract';
import type { ReportTable } from './report-table';

/** Fill colours (ARGB) of matrix cells: requires amber, produces green, both between. */
const CELL_FILL: Record<Exclude<MatrixCell, 'none'>, string> = {
  requires: 'FFFDE2B8',
  produces: 'FFD3EFD8',
  both: 'FFF3D9A0',
};

/** Row 1 is the title, row 2 the header; the body starts at row 3. */
export const XLSX_HEADER_ROW = 2;

/**
 * A report table as an XLSX workbook (exceljs): one sheet named `table.sheetName`; row 1 the title (bold, merged
 * across the columns), row 2 the header (bold, grey, frozen with the title and `frozenColumns`), then the body;
 * column widths from `table.widths`; numbers stay numbers; matrix cells tinted by kind. Answers the file bytes.
 */
export async function writeXlsx(table: ReportTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Wellspring';
  wb.created = new Date();
  const ws = wb.addWorksheet(table.sheetName, {
    views: [{ state: 'frozen', xSplit: table.frozenColumns, ySplit: XLSX_HEADER_ROW }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = table.widths.map((width) => ({ width }));

  const title = ws.addRow([table.title]);
  title.font = { bold: true, size: 13 };
  if (table.header.length > 1) ws.mergeCells(1, 1, 1, table.header.length);

  const header = ws.addRow(table.header);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EAED' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF9AA0A6' } } };
  });

  table.rows.forEach((values, r) => {
    const row = ws.addRow(values);
    const kinds = table.cells?.[r];
    if (!kinds) return;
    kinds.forEach((kind, c) => {
      if (kind === 'none') return;
      const cell = row.getCell(c + 2);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: CELL_FILL[kind] } };
      cell.alignment = { horizontal: 'center' };
    });
  });
  ws.autoFilter = {
    from: { row: XLSX_HEADER_ROW, column: 1 },
    to: { row: XLSX_HEADER_ROW, column: table.header.length },
  };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
