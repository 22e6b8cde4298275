import path from 'node:path';
import Papa from 'papaparse';
import {
  decodeAs,
  decodeText,
  isTextEncoding,
  NotTextError,
  TEXT_ENCODINGS,
  type DecodedText,
} from '../util/text-encoding';
import { importError, problem, type ImportProblem } from './messages';
import { compoundFileKind, isCompoundFile, readXlsx } from './read-xlsx';
import type { ReadProgress, Table, TableRow, TableSheet } from './table';

export type { ReadProgress, Table, TableRow, TableSheet } from './table';

/** Options of readTable. */
export interface ReadTableOptions extends ReadProgress {
  /** CSV/TSV: read the text in this encoding (one of TEXT_ENCODINGS) instead of the detected one. */
  encoding?: string;
  /** CSV/TSV: this delimiter instead of the detected one (`\t` for TSV). */
  delimiter?: string;
  /** XLSX: read only this sheet (its exact name). */
  sheet?: string;
}

/** Delimiters tried when none is given, in papaparse's order of preference. */
const DELIMITERS = [',', ';', '\t', '|'];
/** Rows parsed between two progress reports (and checks of the abort signal). */
const CHUNK_ROWS = 5000;

/**
 * Reads a spreadsheet: CSV or TSV (papaparse), or XLSX (exceljs, see readXlsx), into sheets of text cells.
 *
 * The format is told by the bytes, not the name: a ZIP is an XLSX workbook, an OLE compound file is an encrypted
 * workbook or a legacy .xls (both refused with what to do), a PDF is refused, anything else must be text. Text is
 * decoded by util/text-encoding's detection (BOM, UTF-16, strict UTF-8, chardet's guess among GB18030, Big5 …) or
 * in `options.encoding`; a UTF-8 file with a byte order mark reports 'UTF-8 BOM'. A file named .tsv or .tab is
 * tab-separated; otherwise the delimiter is `options.delimiter` or papaparse's guess among , ; tab |.
 * CSV follows RFC 4180: quoted fields may hold delimiters, quotes ("") and line breaks, and are kept whole at any
 * size (an ESCO field is 580 KB). Rows whose cells are all blank are left out. A row's `line` is the file line it
 * starts on. A quote that is never closed or a stray quote is listed in the sheet's `problems` at the row's line
 * (the row is kept as papaparse read it: the rest of the file in one field).
 *
 * Progress: `onProgress(rowsDone)` every 5,000 rows; `signal` is checked between those chunks, with a turn of the
 * event loop in between so that a Cancel is seen.
 *
 * @param bytes the whole file
 * @param fileName the file's name (its extension decides TSV; messages name it)
 * @throws WellspringError invalid_input `emptyFile` (no bytes, or only blank lines), `unknownEncoding`;
 *   unsupported `notSpreadsheet` (binary, PDF, another ZIP or compound file), `encryptedXlsx`, `legacyXls`;
 *   see readXlsx for workbooks
 * @throws the signal's reason when it is aborted
 */
export async function readTable(
  bytes: Uint8Array,
  fileName: string,
  options: ReadTableOptions = {},
): Promise<Table> {
  options.signal?.throwIfAborted();
  if (bytes.length === 0) throw emptyFile(fileName);
  const startsWith = (s: string) =>
    Buffer.from(bytes.buffer, bytes.byteOffset, s.length).toString('latin1') === s;
  if (bytes.length >= 4 && startsWith('PK\x03\x04')) {
    return { fileName, format: 'xlsx', sheets: await readXlsx(bytes, fileName, options.sheet, options) };
  }
  if (isCompoundFile(bytes)) {
    const kind = compoundFileKind(bytes);
    if (kind === 'encrypted')
      throw importError(
        'unsupported',
        'encryptedXlsx',
        `${fileName} is protected by a password. Save it without one and import it again.`,
        { file: fileName },
      );
    if (kind === 'xls')
      throw importError(
        'unsupported',
        'legacyXls',
        `${fileName} is an old Excel workbook (.xls). Save it as .xlsx or CSV and import it again.`,
        { file: fileName },
      );
    throw notSpreadsheet(fileName);
  }
  if (bytes.length >= 5 && startsWith('%PDF-')) throw notSpreadsheet(fileName);

  const decoded = decode(bytes, fileName, options.encoding);
  if (decoded.text.trim() === '') throw emptyFile(fileName);
  const ext = path.extname(fileName).toLowerCase();
  const tsv = ext === '.tsv' || ext === '.tab';
  const sheet = await parseDelimited(
    decoded.text,
    path.basename(fileName, path.extname(fileName)),
    options.delimiter ?? (tsv ? '\t' : undefined),
    options,
  );
  return {
    fileName,
    format: tsv || sheet.delimiter === '\t' ? 'tsv' : 'csv',
    encoding: decoded.encoding,
    delimiter: sheet.delimiter,
    sheets: [sheet.sheet],
  };
}

function decode(bytes: Uint8Array, fileName: string, encoding: string | undefined): DecodedText {
  if (encoding !== undefined) {
    if (!isTextEncoding(encoding))
      throw importError(
        'invalid_input',
        'unknownEncoding',
        `Unknown encoding “${encoding}”; choose one of ${TEXT_ENCODINGS.join(', ')}.`,
        { encoding, choices: TEXT_ENCODINGS.join(', ') },
        ['encoding'],
      );
    return decodeAs(bytes, encoding);
  }
  try {
    const d = decodeText(bytes, fileName);
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return bom && d.encoding === 'UTF-8' ? { ...d, encoding: 'UTF-8 BOM' } : d;
  } catch (e) {
    if (e instanceof NotTextError) throw notSpreadsheet(fileName);
    throw e;
  }
}

/** A line break as papaparse splits rows: CRLF, LF, or a lone CR (classic Mac, Excel for Mac's CSV). */
const LINE_BREAK = /\r\n?|\n/g;

/** Parses delimited text with papaparse's step mode, pausing every CHUNK_ROWS rows for progress and Cancel. */
function parseDelimited(
  text: string,
  name: string,
  delimiter: string | undefined,
  progress: ReadProgress,
): Promise<{ sheet: TableSheet; delimiter: string }> {
  const records: TableRow[] = [];
  const problems: ImportProblem[] = [];
  let used = delimiter ?? ',';
  // Line numbers: line breaks are counted once, from the previous row's start to this one's.
  let countedTo = 0;
  let line = 1;
  let cursor = 0;
  // After a pause papaparse parses the rest of the text afresh: its cursors count from where it paused.
  let base = 0;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(text, {
      delimiter: delimiter ?? '',
      delimitersToGuess: DELIMITERS,
      skipEmptyLines: 'greedy',
      step(result, parser) {
        // The row starts after the previous one's end and any blank lines papaparse skipped.
        let start = cursor;
        while (start < text.length && /[\r\n \t]/.test(text[start]!)) start++;
        LINE_BREAK.lastIndex = countedTo;
        for (let m = LINE_BREAK.exec(text); m !== null && m.index < start; m = LINE_BREAK.exec(text)) line++;
        countedTo = start;
        cursor = base + result.meta.cursor;
        used = result.meta.delimiter;
        records.push({ line, cells: result.data });
        const quote = result.errors.find((e) => e.type === 'Quotes');
        if (quote) problems.push(quoteProblem(line, quote.code));
        if (records.length % CHUNK_ROWS === 0) {
          base = cursor;
          parser.pause();
          setImmediate(() => {
            try {
              progress.signal?.throwIfAborted();
              progress.onProgress?.(records.length - 1);
              parser.resume();
            } catch (e) {
              parser.abort();
              reject(e as Error);
            }
          });
        }
      },
      complete() {
        if (progress.signal?.aborted) return; // rejected already
        const header = records.shift();
        progress.onProgress?.(records.length);
        resolve({
          delimiter: used,
          sheet: {
            name,
            header: header?.cells ?? [],
            headerLine: header?.line ?? 0,
            rows: records,
            problems,
          },
        });
      },
    });
  });
}

function quoteProblem(line: number, code: string): ImportProblem {
  return code === 'MissingQuotes'
    ? problem(line, 'unclosedQuote', 'A quoted field starts in this row and is never closed.', { line })
    : problem(line, 'malformedQuote', 'A quoted field in this row has a stray quote.', { line });
}

function emptyFile(fileName: string) {
  return importError('invalid_input', 'emptyFile', `${fileName} is empty.`, { file: fileName });
}

function notSpreadsheet(fileName: string) {
  return importError(
    'unsupported',
    'notSpreadsheet',
    `${fileName} is not a spreadsheet: import reads CSV, TSV and XLSX files.`,
    { file: fileName },
  );
}
