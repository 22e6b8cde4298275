import Papa from 'papaparse';
import type { ReportTable } from './report-table';

/** The UTF-8 byte order mark: without it Excel reads a CSV as the system code page and garbles Chinese. */
export const BOM = '\uFEFF';

/**
 * A report table as CSV for Excel: UTF-8 with a BOM, CRLF line ends (RFC 4180), the header row then the body,
 * fields quoted where needed. Cells that start with `= + - @` get a leading `'` (papaparse `escapeFormulae`), so
 * a label cannot run as a formula in a spreadsheet (CSV injection).
 */
export function writeCsv(table: ReportTable): Buffer {
  const text = Papa.unparse(
    { fields: table.header, data: table.rows },
    { newline: '\r\n', escapeFormulae: true, quotes: false },
  );
  return Buffer.from(BOM + text + '\r\n', 'utf8');
}
