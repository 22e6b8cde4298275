import fs from 'node:fs';
import path from 'node:path';
import { normalizeForSearch } from '../../../../main/core/search/tokenize';

/**
 * The brute-force oracle of the search-quality tests, independent of the index, and the corpus loaders they share
 * (the Chinese Debian New Maintainers' Guide in fixtures/search, copied from ../shared/corpus; GPL-2+, see
 * ATTRIBUTION.md there).
 *
 * The oracle folds text and term (NFKC + lower case), collapses whitespace to one space and drops a space between a
 * Latin and a CJK character ({@link oracleForm}), then takes plain substring occurrences and applies the boundary
 * rules of `query-terms.ts` with regex lookarounds ({@link oracleRegex}: Latin words whole; `.net` / `c++` / `c#`
 * markers bind to their word).
 *
 * Truth at two levels: a chunk matches a query when every term occurs in it ({@link chunkMatches}); a document (a list
 * of chunks) matches when every term occurs in one of its chunks, not necessarily the same one
 * ({@link documentMatches}). A term is looked for in each chunk on its own, as the engine verifies it: a word broken
 * across a page break is in neither page.
 */

/** CJK scripts as a `v`-flag character-class body (Han, kana, Hangul, the long-vowel mark). */
export const CJK = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}\\u30FC';
/** A letter or digit of a Latin-like word (CJK characters are not: `的debian` has a word boundary). */
export const W = `[[\\p{L}\\p{N}\\p{M}]--[${CJK}]]`;

/**
 * Splits a query as the query language of `query-terms.ts` defines it, written here independently of `parseQuery`
 * (regex replacements instead of its character scan): whitespace separates; `"`, “ ” „ 「 」 『 』 (and ＂, by NFKC)
 * quote a phrase taken as typed; outside quotes, separating punctuation becomes a space — `,;!?()[]{}<>` (a comma
 * between digits excepted), non-ASCII punctuation (a `’` between word characters excepted), `'` not between word
 * characters, `.`/`:` next to a CJK character — and a `.`/`:` run ending a word is dropped. Folded; terms with no
 * letter or digit dropped.
 */
export function queryTerms(q: string): string[] {
  const quoted = normalizeForSearch(q).replace(/[“”„「」『』]/g, '"');
  return [...quoted.matchAll(/"([^"]*)"?|([^\s"]+)/g)]
    .flatMap((m) => (m[1] !== undefined ? [m[1].trim()] : separateWord(m[2]!)))
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
}

const SEPARATORS = [
  /(?<![0-9]),|,(?![0-9])/g,
  /[;!?()[\]{}<>]/g,
  new RegExp(`(?<!${W})['’]|['’](?!${W})`, 'gv'),
  new RegExp(`(?<=[${CJK}])[.:]|[.:](?=[${CJK}])`, 'gv'),
  // Non-ASCII punctuation (the ASCII ones are decided above), the apostrophe excepted.
  new RegExp('[[\\p{P}--\\p{ASCII}]--[’]]', 'gv'),
];

function separateWord(word: string): string[] {
  const spaced = SEPARATORS.reduce((s, re) => s.replace(re, ' '), word);
  return spaced.split(' ').map((t) => t.replace(/[.:]+$/, ''));
}

const JUNCTION = new RegExp(`(?<=[${CJK}]) (?=[^${CJK}\\s])|(?<=[^${CJK}\\s]) (?=[${CJK}])`, 'gv');

/** Fold, collapse whitespace, drop a space between Latin and CJK (see the file comment). */
export function oracleForm(s: string): string {
  return normalizeForSearch(s).replace(/\s+/g, ' ').replace(JUNCTION, '');
}

/** The boundary rules of query-terms.ts as a regex around the literal term (test it on {@link oracleForm} text). */
export function oracleRegex(term: string): RegExp {
  const t = oracleForm(term);
  const literal = t.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  const wordAt = (ch: string | undefined) => ch !== undefined && new RegExp(`^${W}$`, 'v').test(ch);
  const chars = Array.from(t);
  let before = '';
  if (wordAt(chars[0])) before = `(?<!${W})(?<!(?:^|(?<!${W}))\\.)`;
  else if (chars[0] === '.' && wordAt(chars[1])) before = `(?<!${W})`;
  let after = '';
  const last = chars.length - 1;
  if (wordAt(chars[last])) after = `(?!${W})(?!\\+\\+(?!${W}))(?!#(?!${W}))`;
  else if ((t.endsWith('++') && wordAt(chars[last - 2])) || (t.endsWith('#') && wordAt(chars[last - 1])))
    after = `(?!${W})`;
  else if (t.endsWith('+') && wordAt(chars[last - 1])) after = `(?!\\+(?!${W}))`;
  return new RegExp(before + literal + after, 'v');
}

/** A query compiled for the oracle: its folded terms and their regexes. */
export interface OracleQuery {
  terms: string[];
  regexes: RegExp[];
}

/** Compiles `query` for {@link chunkMatches} / {@link documentMatches}. */
export function oracleQuery(query: string): OracleQuery {
  const terms = queryTerms(query);
  return { terms, regexes: terms.map(oracleRegex) };
}

/** True when every term of `q` occurs in `chunk` (an {@link oracleForm} text). */
export function chunkMatches(q: OracleQuery, chunk: string): boolean {
  return q.regexes.every((r) => r.test(chunk));
}

/** True when every term of `q` occurs in some chunk of `doc` ({@link oracleForm} texts), each on its own. */
export function documentMatches(q: OracleQuery, doc: readonly string[]): boolean {
  return q.regexes.every((r) => doc.some((chunk) => r.test(chunk)));
}

/**
 * Cuts text into chunks of at most `max` characters at paragraph boundaries (blank lines): paragraphs are joined
 * until the next one would pass `max`; a longer paragraph is cut at line ends.
 */
export function chunkText(text: string, max = 1500): string[] {
  const pieces: string[] = [];
  for (const para of text.split(/\n[ \t]*\n/)) {
    if (para.length <= max) {
      pieces.push(para);
      continue;
    }
    let cur = '';
    for (const line of para.split('\n')) {
      if (cur && cur.length + 1 + line.length > max) {
        pieces.push(cur);
        cur = '';
      }
      cur = cur ? `${cur}\n${line}` : line;
    }
    if (cur) pieces.push(cur);
  }
  const chunks: string[] = [];
  let cur = '';
  for (const p of pieces) {
    if (cur && cur.length + 2 + p.length > max) {
      chunks.push(cur);
      cur = '';
    }
    cur = cur ? `${cur}\n\n${p}` : p;
  }
  if (cur.trim()) chunks.push(cur);
  return chunks;
}

/** Consecutive chunks grouped into documents of `size` chunks (the last one may be shorter). */
export function groupDocuments<T>(chunks: readonly T[], size: number): T[][] {
  const docs: T[][] = [];
  for (let i = 0; i < chunks.length; i += size) docs.push(chunks.slice(i, i + size));
  return docs;
}

/**
 * Path of a file in the repo's fixtures/ folder, as helpers.ts's `fixture` gives it (not imported from there: that
 * module needs vitest, and the benchmarks, run by tsx, import this one).
 */
function fixture(name: string): string {
  return path.resolve(__dirname, '../../../../fixtures', name);
}

/** First existing path of a fixture and its corpus original. */
export function locate(fixtureName: string, corpusPath: string): string | undefined {
  return [fixture(fixtureName), path.resolve(__dirname, '../../../../../shared/corpus', corpusPath)].find(
    (p) => fs.existsSync(p),
  );
}

/** The maint-guide as text and as PDF (undefined when neither the fixture nor the corpus file exists). */
export const MAINT_GUIDE_TEXT = locate('search/maint-guide.zh-cn.txt', 'text/maint-guide.zh-cn.txt');
export const MAINT_GUIDE_PDF = locate('search/maint-guide.zh-cn.pdf', 'pdf/debian-zh/maint-guide.zh-cn.pdf');

/**
 * Page texts of a PDF via pdfjs-dist (legacy build, CMaps for CJK), NFKC-normalised, with line breaks between two
 * CJK characters removed (the PDF breaks lines inside words). A stand-in for the real extraction module.
 */
export async function pdfPages(file: string): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pkg = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const task = pdfjs.getDocument({
    data: new Uint8Array(fs.readFileSync(file)),
    cMapUrl: path.join(pkg, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(pkg, 'standard_fonts') + path.sep,
    disableFontFace: true,
    // No `isEvalSupported`: pdfjs 6.5 removed the option together with its last use of eval.
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const doc = await task.promise;
    const pages: string[] = [];
    const joinCjk = new RegExp(`(?<=[${CJK}])\\n(?=[${CJK}])`, 'gv');
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      pages.push(text.normalize('NFKC').replace(joinCjk, ''));
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/**
 * How close the terms of `q` lie in `doc` (chunk i is page i + 1), by brute force: the smallest `b − a` such that
 * the pages a..b together hold every term — `page` (0), `near` (1), `apart` (more) — or null when the document does
 * not hold every term. O(pages² × terms).
 */
export function oracleTogether(q: OracleQuery, doc: readonly string[]): 'page' | 'near' | 'apart' | null {
  const holds = doc.map((chunk) => q.regexes.map((r) => r.test(chunk)));
  let span = Number.POSITIVE_INFINITY;
  for (let a = 0; a < doc.length; a++) {
    for (let b = a; b < doc.length && b - a < span; b++) {
      if (q.regexes.every((_, t) => holds.slice(a, b + 1).some((h) => h[t]))) span = b - a;
    }
  }
  if (span === Number.POSITIVE_INFINITY) return null;
  return span === 0 ? 'page' : span === 1 ? 'near' : 'apart';
}
