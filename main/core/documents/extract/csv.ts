import Papa from 'papaparse';
import { decodeText } from './encoding';
import { ExtractError } from './errors';
import { unitsToPages, type FormatOutput, type RawUnit } from './format-output';
import { ROWS_PER_PAGE } from './paginate';

/**
 * CSV or TSV: decoded (see `decodeText`), parsed with papaparse (RFC 4180 quoting, fields of any size, the delimiter
 * guessed among , ; tab | unless given), empty records skipped. Each block of 200 records is one page labelled
 * "rows 1–200", cells joined by tabs, records by newlines. Rows with too few or too many fields are kept.
 *
 * @param delimiter a fixed delimiter ('\t' for .tsv); guessed when omitted
 * @throws ExtractError 'failed' "<fileName> line <n>: unclosed quote" (or "malformed quote") when the quoting is
 *   broken, naming the line where the bad quoted field starts; 'unsupported' for binary content
 */
export function extractCsv(buf: Uint8Array, fileName: string, delimiter?: string): FormatOutput {
  const { text, encoding } = decodeText(buf, fileName);
  const parsed = Papa.parse<string[]>(text, {
    delimiter: delimiter ?? '',
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: 'greedy',
  });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const line = lineAt(text, quoteError.index ?? 0);
    const what = quoteError.code === 'MissingQuotes' ? 'unclosed quote' : 'malformed quote';
    throw new ExtractError('failed', `${fileName} line ${line}: ${what}`);
  }
  const units: RawUnit[] = [];
  for (let start = 0; start < parsed.data.length; start += ROWS_PER_PAGE) {
    const rows = parsed.data.slice(start, start + ROWS_PER_PAGE);
    units.push({
      text: rows.map((cells) => cells.join('\t')).join('\n'),
      label: `rows ${start + 1}–${start + rows.length}`,
      whole: true,
    });
  }
  const pages = unitsToPages(units);
  return { pages, pageCount: pages.length, encoding };
}

/** 1-based line number of a character offset. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
