import type ExcelJS from 'exceljs';
import { importError } from './messages';
import type { ReadProgress, TableRow, TableSheet } from './table';

/** Rows converted between two progress reports (and checks of the abort signal). */
const CHUNK_ROWS = 5000;

/**
 * Reads an XLSX workbook with exceljs: every sheet (or only `sheet`), each as its header (the first row with a
 * value) and its rows. A row's `line` is its Excel row number; empty rows are left out and trailing empty cells
 * dropped. Cell values become text: numbers as JavaScript writes them (`3`, `0.25`), dates as ISO `yyyy-mm-dd`
 * (with `Thh:mm:ss` when the time of day is not midnight), booleans as `TRUE`/`FALSE` (as Excel shows them), rich
 * text joined, a hyperlink's text, a formula's cached result, an error value as written (`#N/A`).
 *
 * @throws WellspringError invalid_input `damagedXlsx` when exceljs cannot read the workbook; unsupported
 *   `notSpreadsheet` when the ZIP holds no workbook (a DOCX, a plain ZIP); not_found `sheetNotFound`
 * @throws the signal's reason when `progress.signal` is aborted
 */
export async function readXlsx(
  bytes: Uint8Array,
  fileName: string,
  sheet: string | undefined,
  progress: ReadProgress,
): Promise<TableSheet[]> {
  // Loaded on first use: a CSV import (and every CLI command) need not pay for exceljs.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    // exceljs's typings want its own Buffer type; a Node Buffer over the same memory is one.
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    if (/workbook|\[Content_Types\]|end of central directory/i.test(reason) && wb.worksheets.length === 0)
      throw notAWorkbook(fileName);
    throw importError(
      'invalid_input',
      'damagedXlsx',
      `${fileName} cannot be read as an XLSX workbook (${reason}).`,
      { file: fileName, reason },
    );
  }
  progress.signal?.throwIfAborted();
  if (wb.worksheets.length === 0) throw notAWorkbook(fileName);
  const chosen = sheet === undefined ? wb.worksheets : wb.worksheets.filter((w) => w.name === sheet);
  if (chosen.length === 0) {
    const sheets = wb.worksheets.map((w) => w.name).join(', ');
    throw importError(
      'not_found',
      'sheetNotFound',
      `${fileName} has no sheet “${sheet}” (its sheets: ${sheets}).`,
      { file: fileName, sheet: sheet ?? '', sheets },
      ['sheet'],
    );
  }
  const out: TableSheet[] = [];
  let done = 0;
  for (const ws of chosen) {
    const rows: TableRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      const values = row.values as ExcelJS.CellValue[];
      const cells: string[] = [];
      // row.values is 1-based: index 0 is always empty.
      for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      if (cells.length > 0) rows.push({ line: number, cells });
    });
    const header = rows.shift();
    for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
      done += Math.min(CHUNK_ROWS, rows.length - i);
      progress.onProgress?.(done);
      // Let a Cancel click (or any other event) in between chunks.
      await new Promise<void>((resolve) => setImmediate(resolve));
      progress.signal?.throwIfAborted();
    }
    out.push({
      name: ws.name,
      header: header?.cells ?? [],
      headerLine: header?.line ?? 0,
      rows,
      problems: [],
    });
  }
  return out;
}

function notAWorkbook(fileName: string) {
  return importError(
    'unsupported',
    'notSpreadsheet',
    `${fileName} is not a spreadsheet: import reads CSV, TSV and XLSX files.`,
    { file: fileName },
  );
}

/** The text of one cell value (see readXlsx for the rules). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return isoDateTime(v);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellText(v.result ?? null);
  if ('hyperlink' in v) return cellText(v.text as ExcelJS.CellValue);
  if ('error' in v) return v.error;
  return '';
}

/**
 * An Excel date as ISO 8601. exceljs turns the serial number into a Date at that wall-clock time in UTC (Excel
 * dates have no time zone), so the UTC fields are the ones shown in Excel.
 */
function isoDateTime(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.slice(11, 23) === '00:00:00.000' ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** `D0 CF 11 E0 A1 B1 1A E1`: an OLE compound file (legacy .xls/.doc, or an OOXML file encrypted with a password). */
export function isCompoundFile(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
}

/**
 * What kind of compound file this is, by the stream names in its directory (UTF-16LE): `EncryptionInfo` and
 * `EncryptedPackage` are an encrypted OOXML package ([MS-OFFCRYPTO] §2.3.4), `Workbook` or `Book` a legacy Excel
 * workbook ([MS-XLS] §2.1.2); anything else (a .doc, a .msg) is not a spreadsheet.
 */
export function compoundFileKind(bytes: Uint8Array): 'encrypted' | 'xls' | 'other' {
  const has = (name: string) => Buffer.from(bytes).includes(Buffer.from(name, 'utf16le'));
  if (has('EncryptedPackage') || has('EncryptionInfo')) return 'encrypted';
  if (has('Workbook') || has('Book')) return 'xls';
  return 'other';
}
