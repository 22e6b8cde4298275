import { CJK_CLASS, isWordAt, isWordBefore, normalizeForSearch, queryTokens } from './tokenize';

/**
 * Query terms and how they match text.
 *
 * A query is split on whitespace into terms; `"double quotes"` (also “curly”, 「corner」, 『white corner』 and
 * full-width ＂ ones) keep a phrase together, matched as typed, punctuation included (`"3.0 (quilt)"`). Outside quotes,
 * **punctuation between words separates terms** as a space does ({@link splitQuery}): `软件，开发`, `打包、上传`,
 * `（补丁）`, `软件。` and `debian/rules，文件` are the terms they would be with spaces. After NFKC (which turns the
 * full-width `，；：！？（）` into ASCII), a character separates when it is
 *
 * - `,` `;` `!` `?` `(` `)` `[` `]` `{` `}` `<` `>` — except a `,` between two digits (`1,000`);
 * - any other non-ASCII punctuation (Unicode `P`): `。、“”‘’《》【】〔〕…—·・` and the like — except `’` between two
 *   word characters, an apostrophe (`don’t`, `xi’an`);
 * - `'` not between two word characters (`'上游'`; but `xi'an` keeps its syllable mark);
 * - `.` or `:` next to a CJK character (`软件.开发`, `版本:1.0`), or at the end of a term (`Debian.`, `软件:`).
 *
 * Everything else stays in the term, so `debian/rules`, `./configure`, `~/.bashrc`, `.net`, `c++`, `c#`, `x86_64`,
 * `e-mail`, `node.js`, `3.0.1-2`, `std::vector` and `http://debian.org/` are searched as typed.
 *
 * A term
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
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const piece of splitQuery(normalizeForSearch(query))) {
    const text = piece.text.replace(/\s+/g, ' ');
    if (!text || seen.has(text)) continue;
    seen.add(text);
    const { tokens, singles } = queryTokens(text);
    if (tokens.length === 0 && singles.length === 0) continue;
    const exact = tokens.length === 1 && singles.length === 0 && tokens[0] === text;
    terms.push({ text, tokens, singles, exact, matcher: compile(text) });
  }
  return terms;
}

/** One piece of a query: a word between separators, or a quoted phrase (without its quotes, trimmed). */
export interface QueryPiece {
  text: string;
  quoted: boolean;
}

/** Phrase quotes besides `"` (after NFKC, which turns the full-width ＂ into `"`): “ ” „ 「 」 『 』. */
const QUOTE_RE = /[\u201c\u201d\u201e\u300c\u300d\u300e\u300f]/g;
const QUOTE_CHARS = new Set('\u201c\u201d\u201e\u300c\u300d\u300e\u300f');
/** ASCII punctuation that always separates terms (a `,` between digits excepted, see the file comment). */
const HARD_SEPARATORS = new Set(',;!?()[]{}<>');
const PUNCTUATION_RE = /^\p{P}$/u;

/**
 * Cuts an NFKC-normalised query into words and quoted phrases by the rules at the top of this file: whitespace and
 * separating punctuation end a word; a quote opens a phrase that the next quote (or the end) closes. Words keep
 * their case (call it on folded text for terms). Empty pieces are dropped. Pure; never throws.
 * Example: `软件，开发 “上游 源代码” debian/rules。` → `软件`, `开发`, `上游 源代码` (quoted), `debian/rules`.
 */
export function splitQuery(nfkc: string): QueryPiece[] {
  const pieces: QueryPiece[] = [];
  for (const m of nfkc.replace(QUOTE_RE, '"').matchAll(/"([^"]*)"?|([^\s"]+)/g)) {
    if (m[1] !== undefined) {
      const text = m[1].trim();
      if (text) pieces.push({ text, quoted: true });
    } else {
      for (const text of splitWord(m[2]!)) pieces.push({ text, quoted: false });
    }
  }
  return pieces;
}

/**
 * `query` with each character that separates terms outside quotes (see the file comment; decided on the NFKC form
 * of each character) replaced by spaces of the same UTF-16 length: what {@link parseQuery} reads, with every offset
 * unchanged, for query rewriters that cut at whitespace and report offsets into the query (glossary expansion).
 * Everything else is kept as typed; quotes become `"` or 「」 (same length). Pure. Example: `打包、上传（补丁）` → `打包 上传 补丁 `.
 */
export function blankSeparators(query: string): string {
  let out = '';
  let quoted = false;
  let run: string[] = [];
  const flush = () => {
    // A character whose NFKC form is several (… → ...) is judged as typed: it is punctuation either way.
    const mask = separatorMask(
      run.map((ch) => (Array.from(ch.normalize('NFKC')).length === 1 ? ch.normalize('NFKC') : ch)),
    );
    run.forEach((ch, i) => (out += mask[i] ? ' '.repeat(ch.length) : ch));
    run = [];
  };
  for (const ch of query) {
    const nfkc = ch.normalize('NFKC'); // ＂ → ", the vertical ﹁ → 「
    const quote = nfkc === '"' || QUOTE_CHARS.has(nfkc);
    if (quoted || quote || /\s/u.test(ch)) {
      flush();
      // A quote as its NFKC form, and 『』 as 「」 (same length): the quotes every rewriter knows.
      out += !quote ? ch : nfkc === '\u300e' ? '\u300c' : nfkc === '\u300f' ? '\u300d' : nfkc;
      if (quote) quoted = !quoted;
    } else run.push(ch);
  }
  flush();
  return out;
}

/** The terms of one run of non-space, non-quote characters: split at separating punctuation, see the file comment. */
function splitWord(run: string): string[] {
  const chars = Array.from(run);
  const mask = separatorMask(chars);
  const out: string[] = [];
  let cur = '';
  chars.forEach((ch, i) => {
    if (!mask[i]) cur += ch;
    else if (cur) {
      out.push(cur);
      cur = '';
    }
  });
  if (cur) out.push(cur);
  return out;
}

/**
 * Which characters of a run (code points, NFKC) separate terms: the punctuation of the file comment, and a `.`/`:`
 * run that ends a term (`Debian.`, `软件:`, `etc...`: sentence punctuation, not part of the term).
 */
function separatorMask(chars: readonly string[]): boolean[] {
  const mask = chars.map((ch, i) => separates(ch, chars[i - 1], chars[i + 1]));
  for (let i = chars.length - 1; i >= 0; i--) {
    if (mask[i] || !(chars[i] === '.' || chars[i] === ':')) continue;
    let j = i;
    while (j >= 0 && !mask[j] && (chars[j] === '.' || chars[j] === ':')) j--;
    // chars[j+1..i] is a run of dots/colons; it ends a term when what follows it separates (or is the end).
    if (i + 1 >= chars.length || mask[i + 1]) for (let k = j + 1; k <= i; k++) mask[k] = true;
    i = j + 1;
  }
  return mask;
}

/** Whether `ch`, between `prev` and `next` (undefined at the ends of the run), separates terms. */
function separates(ch: string, prev: string | undefined, next: string | undefined): boolean {
  if (HARD_SEPARATORS.has(ch)) return !(ch === ',' && isDigit(prev) && isDigit(next));
  if (ch === "'" || ch === '\u2019') return !(isWord(prev) && isWord(next));
  if (ch === '.' || ch === ':') return isCjk(prev) || isCjk(next);
  return ch.charCodeAt(0) > 0x7f && PUNCTUATION_RE.test(ch);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isWord(ch: string | undefined): boolean {
  return ch !== undefined && isWordAt(ch, 0);
}

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK_CHAR.test(ch);
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
