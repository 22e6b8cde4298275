import { CJK_CLASS, isWordAt, isWordBefore, normalizeForSearch, queryTokens } from './tokenize';

/**
 * Query terms and how they match text.
 *
 * A query is split on whitespace into terms; `"double quotes"` (also “curly” ones) keep a phrase together. A term
 * matches a text where its folded form (NFKC + lower case) occurs as a substring of the NFKC text, compared without
 * regard to case, with these rules (the *verification* step; the index only proposes candidates):
 *
 * - **Chinese/Japanese/Korean** characters match as a plain substring: `知识管理` is a phrase, so a text with
 *   `知识` and `管理` apart does not match, even when all three bigrams occur in it somewhere.
 * - **Latin words match whole**, as the tokenizer cuts them: a term starting (ending) with a letter or digit must not
 *   be preceded (followed) by a letter or digit. `.`, `-` and `_` between words are boundaries, so `node` finds
 *   `node.js`, `mail` finds `e-mail` and `buildpackage` finds `dpkg-buildpackage`. Markers stick to their word:
 *   `c` does not find `c++` or `c#`, `net` does not find `.NET` (but does find `asp.net`), and `.net` does not find
 *   `asp.net`. Terms with symbols (`c++`, `.net`, `debian/rules`) must match them literally.
 * - **Whitespace** inside a phrase matches any run of whitespace; between a Latin and a CJK character of a term,
 *   whitespace is optional whether the term has it or not (`C++编译` finds `C++ 编译` and the reverse: typeset Chinese
 *   often puts a space there, and people type it both ways).
 * - A term with no letters or digits at all (`-`, `++`), or only words over 64 characters (not indexed), is ignored.
 *
 * Case-insensitive matching uses the regular-expression Unicode simple case folding, which equals lower-casing for
 * the scripts we target; edge cases (Turkish dotted İ) may differ from {@link normalizeForSearch}.
 */

/** One term of a parsed query. */
export interface QueryTerm {
  /** The folded term (NFKC + lower case, whitespace collapsed to one space). */
  text: string;
  /** Index tokens every matching text contains (AND); see `queryTokens` in `tokenize.ts`. */
  tokens: string[];
  /** One-character CJK runs, found in the index only through the bigrams around them. */
  singles: string[];
  /**
   * True when the term is one index token (`type`, `软件`, `c++`): a text has that token exactly when the term matches
   * it, so the search need not verify the term against the text.
   */
  exact: boolean;
  /** How the term is found in text; use {@link findMatches}. */
  readonly matcher: Matcher;
}

interface Matcher {
  /** Literal needle for `indexOf` (no cased letters, no flexible whitespace), or null to use `regex`. */
  needle: string | null;
  /** Global, case-insensitive literal regex (`giu`); boundaries are checked in code, see {@link EdgeRule}. */
  regex: RegExp | null;
  startRule: EdgeRule;
  endRule: EdgeRule;
}

/**
 * What must hold just outside a match, decided by the term's first/last characters:
 * `word` — the edge is a word character: no word character next to it, and no marker that binds to it (a `.net`-style
 * dot before, `++`/`#` after); `dot` — the term starts with a marker dot: no word character before; `marker` — the
 * term ends with `++`/`#`: no word character after; `plus` — the term ends with one `+` after a word: the text must
 * not continue with the second `+` of a `++` marker; `none` — no condition.
 * Checked in code rather than as regex lookarounds: a lookaround over the Unicode word class costs milliseconds to
 * compile for every new query.
 */
type EdgeRule = 'none' | 'word' | 'dot' | 'marker' | 'plus';

const CJK_CHAR = new RegExp(`[${CJK_CLASS}]`, 'v');
const SPECIAL = /[\\^$.*+?()[\]{}|/]/g;

/**
 * Splits `query` into terms (see the rules at the top of this file). Duplicate terms and terms without letters or
 * digits are dropped. Pure; never throws; `''` → `[]`.
 */
export function parseQuery(query: string): QueryTerm[] {
  const folded = normalizeForSearch(query).replace(/[\u201c\u201d\u201e\u300c\u300d]/g, '"');
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const m of folded.matchAll(/"([^"]*)"?|([^\s"]+)/g)) {
    const text = (m[1] ?? m[2] ?? '').trim().replace(/\s+/g, ' ');
    if (!text || seen.has(text)) continue;
    seen.add(text);
    const { tokens, singles } = queryTokens(text);
    if (tokens.length === 0 && singles.length === 0) continue;
    const exact = tokens.length === 1 && singles.length === 0 && tokens[0] === text;
    terms.push({ text, tokens, singles, exact, matcher: compile(text) });
  }
  return terms;
}

function compile(text: string): Matcher {
  let startRule: EdgeRule = 'none';
  if (isWordAt(text, 0)) startRule = 'word';
  else if (text.charCodeAt(0) === 0x2e && isWordAt(text, 1)) startRule = 'dot';
  const n = text.length;
  let endRule: EdgeRule = 'none';
  if (isWordBefore(text, n)) endRule = 'word';
  else if (text.endsWith('++') && isWordBefore(text, n - 2)) endRule = 'marker';
  else if (text.endsWith('#') && isWordBefore(text, n - 1)) endRule = 'marker';
  else if (text.endsWith('+') && isWordBefore(text, n - 1)) endRule = 'plus';

  const flexible = /\s/.test(text) || hasLatinCjkJunction(text);
  if (!flexible && text === text.toUpperCase()) return { needle: text, regex: null, startRule, endRule };
  const chars = Array.from(text);
  let source = '';
  chars.forEach((ch, i) => {
    const prev = chars[i - 1];
    if (ch === ' ') source += isLatinCjkJunction(prev!, chars[i + 1]!) ? '\\s*' : '\\s+';
    else source += (prev && isLatinCjkJunction(prev, ch) ? '\\s*' : '') + ch.replace(SPECIAL, '\\$&');
  });
  return { needle: null, regex: new RegExp(source, 'giu'), startRule, endRule };
}

function hasLatinCjkJunction(text: string): boolean {
  let prev = '';
  for (const ch of text) {
    if (prev && isLatinCjkJunction(prev, ch)) return true;
    prev = ch;
  }
  return false;
}

function isLatinCjkJunction(a: string, b: string): boolean {
  if (a === ' ' || b === ' ') return false;
  return CJK_CHAR.test(a) !== CJK_CHAR.test(b);
}

/**
 * Matches of `term` in `text` (NFKC-normalised, any case), as a flat list of `[start, end)` UTF-16 offsets
 * `[s0, e0, s1, e1, ...]`, non-overlapping, in order, at most `max` matches (the scan stops there, so a small `max`
 * keeps very common terms cheap). Pure.
 */
export function findMatches(term: QueryTerm, text: string, max = Number.POSITIVE_INFINITY): number[] {
  const out: number[] = [];
  const { needle, regex, startRule, endRule } = term.matcher;
  let from = 0;
  while (out.length < max * 2) {
    let start: number;
    let end: number;
    if (needle !== null) {
      start = text.indexOf(needle, from);
      if (start < 0) break;
      end = start + needle.length;
    } else {
      regex!.lastIndex = from;
      const m = regex!.exec(text);
      if (m === null) break;
      start = m.index;
      end = start + m[0].length;
    }
    if (startOk(text, start, startRule) && endOk(text, end, endRule)) {
      out.push(start, end);
      from = end;
    } else {
      // Step over the whole code point: with the `u` flag, a lastIndex inside a surrogate pair snaps back to its start.
      from = start + (text.codePointAt(start)! > 0xffff ? 2 : 1);
    }
  }
  return out;
}

function startOk(text: string, p: number, rule: EdgeRule): boolean {
  switch (rule) {
    case 'word':
      if (isWordBefore(text, p)) return false;
      // A marker dot before the word (".net") binds to it; a joining dot ("asp.net") does not.
      return !(text.charCodeAt(p - 1) === 0x2e && !isWordBefore(text, p - 1));
    case 'dot':
      return !isWordBefore(text, p);
    default:
      return true;
  }
}

function endOk(text: string, q: number, rule: EdgeRule): boolean {
  switch (rule) {
    case 'word':
      if (isWordAt(text, q)) return false;
      if (text.charCodeAt(q) === 0x2b && text.charCodeAt(q + 1) === 0x2b && !isWordAt(text, q + 2))
        return false;
      return !(text.charCodeAt(q) === 0x23 && !isWordAt(text, q + 1));
    case 'marker':
      return !isWordAt(text, q);
    case 'plus':
      return !(text.charCodeAt(q) === 0x2b && !isWordAt(text, q + 1));
    default:
      return true;
  }
}
