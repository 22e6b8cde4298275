import type { ImportProblem } from './messages';

/** One data row of a sheet: where it starts in the file and its cells as text. */
export interface TableRow {
  /** CSV/TSV: the 1-based line of the file where the row starts (a quoted field may span lines); XLSX: the Excel row number. */
  line: number;
  cells: string[];
}

/** One sheet of a table: a CSV/TSV file has one, named after the file; a workbook one per worksheet. */
export interface TableSheet {
  /** The worksheet's name (Chinese names as they are); for CSV/TSV the file name without its extension. */
  name: string;
  /** The first row with a value, as read (not trimmed); empty for an empty sheet. */
  header: string[];
  /** The line (CSV/TSV) or Excel row number of the header; 0 for an empty sheet. */
  headerLine: number;
  /** The rows after the header; rows with no value are left out. */
  rows: TableRow[];
  /** What the reader found wrong with rows (a quote never closed); the rows are kept as the parser read them. */
  problems: ImportProblem[];
}

/** A spreadsheet as read by readTable. */
export interface Table {
  /** The file's name as the caller gave it (messages name it). */
  fileName: string;
  format: 'csv' | 'tsv' | 'xlsx';
  /** CSV/TSV: the encoding the text was read in ('UTF-8', 'UTF-8 BOM', 'UTF-16LE', 'GB18030', …). */
  encoding?: string;
  /** CSV/TSV: the delimiter used (given or detected). */
  delimiter?: string;
  sheets: TableSheet[];
}

/** Progress reporting and cancelling of a read. */
export interface ReadProgress {
  /** Called between chunks with the number of data rows read so far (all sheets). */
  onProgress?: (rowsDone: number) => void;
  /** Checked between chunks; when aborted the read stops and throws the signal's reason. */
  signal?: AbortSignal;
}
