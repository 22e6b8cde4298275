/** Records per page of a CSV file and rows per page of a spreadsheet sheet. */
export const ROWS_PER_PAGE = 200;

/** Target size of one page of a flowing text (plain text, DOCX, ODT, HTML, a long Markdown section), in characters. */
export const PAGE_CHARS = 3000;

// When a single line is longer than a page, cut it at the last space in this many final characters, else hard.
const SPACE_LOOKBACK = 300;

/**
 * Splits normalised text into pages of about `size` characters, cutting at paragraph boundaries (blank lines) where
 * possible, then at line ends, and inside a line only when the line alone is longer than a page (at a space if one
 * is near the limit, never inside a surrogate pair). Pages are trimmed; empty pages are dropped.
 *
 * @param text normalised text (see `normalizeText`)
 * @param size target page size in characters (UTF-16 code units); a page exceeds it only by a final paragraph break
 * @returns the pages' texts, in order; [] for empty text
 */
export function paginate(text: string, size = PAGE_CHARS): string[] {
  const pages: string[] = [];
  let current = '';
  const push = (piece: string, sep: string): void => {
    if (current && current.length + sep.length + piece.length > size) {
      pages.push(current);
      current = '';
    }
    current = current ? current + sep + piece : piece;
  };
  for (const paragraph of text.split(/\n{2,}/)) {
    if (paragraph.length <= size) {
      push(paragraph, '\n\n');
      continue;
    }
    let sep = '\n\n';
    for (const line of paragraph.split('\n')) {
      for (const piece of splitLongLine(line, size)) {
        push(piece, sep);
        sep = '\n';
      }
    }
  }
  if (current) pages.push(current);
  return pages.map((p) => p.trim()).filter((p) => p.length > 0);
}

// Walks the line with an offset instead of slicing off the rest each time, which copied the whole remainder per
// piece (quadratic in the line's length: a 30 MB single-line text never finished).
function splitLongLine(line: string, size: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (line.length - start > size) {
    let cut = line.lastIndexOf(' ', start + size) - start;
    if (cut <= 0 || cut < size - Math.min(SPACE_LOOKBACK, size / 10)) cut = size;
    const code = line.charCodeAt(start + cut);
    if (code >= 0xdc00 && code <= 0xdfff && cut > 1) cut--; // do not separate a surrogate pair
    pieces.push(line.slice(start, start + cut));
    start += cut;
    if (line.charCodeAt(start) === 0x20) start++;
  }
  pieces.push(line.slice(start));
  return pieces;
}
