import Papa from 'papaparse';
import { NODE_PROPS, NewNode } from '../../../preload/contract';
import { foldVariant } from './glossary';
import { glossaryError } from './glossary-messages';

/**
 * Reading a glossary CSV for glossary-csv.ts: its records with the line each starts on, its columns by header name,
 * and each row's cells as the fields of a term.
 */

/** The columns of a glossary CSV, in the order export writes them. */
export const GLOSSARY_CSV_COLUMNS = ['term', 'definition', 'synonyms', 'en', 'zh'] as const;
export type GlossaryCsvColumn = (typeof GLOSSARY_CSV_COLUMNS)[number];

/**
 * Header names import accepts for each column, compared folded (NFKC, case, whitespace): the English names, and the
 * Chinese ones a spreadsheet made by hand tends to have.
 */
const HEADER_NAMES: Record<GlossaryCsvColumn, readonly string[]> = {
  term: ['term', 'label', 'name', '术语', '词条', '名称'],
  definition: ['definition', '定义', '释义'],
  synonyms: ['synonyms', 'synonym', '同义词'],
  en: ['en', 'english', '英文', '英文名'],
  zh: ['zh', 'zh-cn', 'chinese', '中文', '中文名'],
};

/** What separates synonyms in a cell: a semicolon, half- or full-width (the one a Chinese keyboard types). */
const SYNONYM_SEPARATOR = /[;；]/;

// The limits of the store's schemas (preload/contract/model.ts), checked per row so a long cell skips its row with
// a line number instead of failing the whole import in the write path.
const TERM_PROPS = NODE_PROPS.term.shape;
/** Longest cell (UTF-16 units) per field, and most synonyms, that the store accepts for a term. */
export const CSV_LIMITS = {
  term: NewNode.shape.label.maxLength ?? Infinity,
  definition: TERM_PROPS.definition.maxLength ?? Infinity,
  synonym: TERM_PROPS.synonyms.element.maxLength ?? Infinity,
  translation: TERM_PROPS.translations.shape.en.unwrap().maxLength ?? Infinity,
  /** NODE_PROPS.term.synonyms `.max(100)` (zod keeps an array's limit only in its internal checks). */
  synonyms: 100,
};

/** A record of the file: its cells, and the 1-based line it starts on (a multi-line cell makes it span more). */
export interface Row {
  line: number;
  cells: string[];
}

/**
 * The records of `text` (no byte order mark) with the line each starts on, blank lines included as records of
 * empty cells. The delimiter is the first non-blank line's: a comma, else a tab, else a semicolon (a comma when it
 * has none: a one-column file). Quoting is RFC 4180 (papaparse).
 * @throws WellspringError `invalid_input` `glossary:errors.unclosedQuote` / `malformedQuote` naming the file and the
 *   line of the bad quote
 */
export function readRows(text: string, fileName: string): Row[] {
  const firstLine = /^.*\S.*$/m.exec(text)?.[0] ?? '';
  const delimiter = firstLine.includes(',')
    ? ','
    : firstLine.includes('\t')
      ? '\t'
      : firstLine.includes(';')
        ? ';'
        : ',';
  const rows: Row[] = [];
  let start = 0;
  let line = 1;
  let counted = 0; // offset up to which newlines are counted into `line`
  const lineAt = (offset: number) => {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    counted = Math.max(counted, offset);
    return line;
  };
  const failed: { quote?: { line: number; code: string } } = {};
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      const at = lineAt(start);
      const bad = result.errors.find((e) => e.type === 'Quotes');
      if (bad) {
        failed.quote = { line: bad.index === undefined ? at : lineAt(bad.index), code: bad.code };
        parser.abort();
        return;
      }
      rows.push({ line: at, cells: result.data });
      start = result.meta.cursor;
    },
  });
  if (failed.quote) {
    const { line: where, code } = failed.quote;
    if (code === 'MissingQuotes')
      throw glossaryError(
        'invalid_input',
        `${fileName}, line ${where}: a quoted field is not closed, so the rest of the file would be one cell. Nothing was imported.`,
        'unclosedQuote',
        { file: fileName, line: where },
      );
    throw glossaryError(
      'invalid_input',
      `${fileName}, line ${where}: a quote in a quoted field is not doubled. Nothing was imported.`,
      'malformedQuote',
      { file: fileName, line: where },
    );
  }
  return rows;
}

/** True when every cell is empty or whitespace. */
export function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/** Where the glossary's columns are in a file. */
export interface Columns {
  /** Column → its index in the header (the first header cell with one of its names). */
  index: Partial<Record<GlossaryCsvColumn, number>>;
  /** Column → the header cell as written, for messages. */
  names: Partial<Record<GlossaryCsvColumn, string>>;
  /** Header cells that name no column (or a column a second time), as written. */
  ignored: string[];
}

/** The columns named by `header`'s cells (HEADER_NAMES, folded); other cells go to `ignored`. Pure. */
export function columnsOf(header: readonly string[]): Columns {
  const out: Columns = { index: {}, names: {}, ignored: [] };
  header.forEach((cell, i) => {
    const key = foldVariant(cell);
    const column = GLOSSARY_CSV_COLUMNS.find((c) => HEADER_NAMES[c].includes(key));
    if (column && out.index[column] === undefined) {
      out.index[column] = i;
      out.names[column] = cell.trim();
    } else if (key) out.ignored.push(cell.trim());
  });
  return out;
}

/** One row's fields; `undefined` for a column the file does not have. */
export interface RowValues {
  term: string;
  definition?: string;
  synonyms?: string[];
  en?: string;
  zh?: string;
}

/**
 * The fields of one record: cells trimmed, whitespace runs in names as one space, a definition's line ends as `\n`,
 * synonyms split at `;`/`；`, each once and without the term itself, the `'` export puts before a formula-like cell
 * taken off. Pure.
 */
export function readRow(cells: readonly string[], columns: Columns): RowValues {
  const cell = (c: GlossaryCsvColumn): string | undefined => {
    const i = columns.index[c];
    if (i === undefined) return undefined;
    // Export escapes formulae with a leading ' (papaparse escapeFormulae): take it off again.
    return (cells[i] ?? '').replace(/^'(?=[=+\-@\t\r])/, '');
  };
  const term = (cell('term') ?? '').replace(/\s+/g, ' ').trim();
  const out: RowValues = { term };
  const definition = cell('definition');
  if (definition !== undefined) out.definition = definition.replace(/\r\n?/g, '\n').trim();
  const synonyms = cell('synonyms');
  if (synonyms !== undefined) {
    const seen = new Set([foldVariant(term)]);
    out.synonyms = [];
    for (const s of synonyms.split(SYNONYM_SEPARATOR)) {
      const name = s.replace(/\s+/g, ' ').trim();
      const key = foldVariant(name);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      out.synonyms.push(name);
    }
  }
  for (const c of ['en', 'zh'] as const) {
    const v = cell(c);
    if (v !== undefined) out[c] = v.replace(/\s+/g, ' ').trim();
  }
  return out;
}

/** The first field over its CSV_LIMITS length, named by its header cell as written, or null. Pure. */
export function firstTooLong(
  read: RowValues,
  names: Columns['names'],
): { column: string; max: number } | null {
  const checks: Array<[GlossaryCsvColumn, string | undefined, number]> = [
    ['term', read.term, CSV_LIMITS.term],
    ['definition', read.definition, CSV_LIMITS.definition],
    ...(read.synonyms ?? []).map((s): [GlossaryCsvColumn, string, number] => [
      'synonyms',
      s,
      CSV_LIMITS.synonym,
    ]),
    ['en', read.en, CSV_LIMITS.translation],
    ['zh', read.zh, CSV_LIMITS.translation],
  ];
  for (const [column, value, max] of checks)
    if (value !== undefined && value.length > max) return { column: names[column] ?? column, max };
  return null;
}
