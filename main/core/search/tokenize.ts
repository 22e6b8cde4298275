import { foldText } from '../util/text';

/**
 * Tokenizer for mixed Chinese/Japanese/Korean and Latin text.
 *
 * Rules, applied to the text after {@link normalizeForSearch} (NFKC, then `toLowerCase`):
 *
 * 1. **CJK runs** — maximal runs of Han, Hiragana, Katakana or Hangul letters (Unicode `Script` property; plus U+30FC
 *    KATAKANA-HIRAGANA PROLONGED SOUND MARK, which is `Script=Common` but part of kana words) become overlapping
 *    character bigrams: 知识管理 → 知识 识管 管理. A run of one character yields that character. Characters are code
 *    points, so CJK Extension B+ (surrogate pairs) count as one. This is the overlapping-bigram indexing of Chien
 *    (1997, "Pat-tree-based keyword extraction for Chinese information retrieval", SIGIR) and Kwok (1997, "Comparing
 *    representations in Chinese information retrieval", SIGIR), which needs no dictionary and is what Lucene's
 *    `CJKAnalyzer` / `CJKBigramFilter` does.
 * 2. **Latin words** (any letter, digit or combining mark outside the CJK scripts; we say "word character") form
 *    *compounds*: runs of word characters joined by a single `.`, `-` or `_` (`node.js`, `e-mail`, `x86_64`, `3.14`,
 *    `dpkg-buildpackage`), optionally with a *marker* that belongs to the word: a leading `.` not preceded by a word
 *    character (`.net`, `.bashrc`) or a trailing `++` / `#` not followed by a word character (`c++`, `c#`, `f#`). Each
 *    compound yields its whole text; a compound of two or more runs also yields every run (`node`, `js`), a first or
 *    last run with its marker (`.net-core` → `.net core`; `objective-c++` → `objective c++`), in the manner of
 *    Lucene's `WordDelimiterGraphFilter` with `preserveOriginal`. A marked run never yields its bare form: `c++` gives
 *    only `c++`, `.net` only `.net`, so a search for `c` or `net` does not find them.
 * 3. Everything else (spaces, punctuation, symbols, CJK punctuation) separates tokens and is dropped.
 * 4. Tokens longer than {@link MAX_TOKEN_LENGTH} UTF-16 units (base64 blobs, hashes) are dropped.
 *
 * Tokens come back in text order with duplicates (callers count term frequencies).
 */

/** Bumped whenever the tokens of some text change, so that stored index snapshots are rebuilt, not misread. */
export const TOKENIZER_VERSION = 1;

/** Longest token kept, in UTF-16 code units; longer ones are noise (hashes, base64) and bloat the index. */
export const MAX_TOKEN_LENGTH = 64;

/** Character class body (for use inside `[...]` with the `v` flag) of the scripts tokenized as bigrams. */
export const CJK_CLASS = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}\\u30FC';

/** A word character: letter, digit or mark that is not CJK (a `v`-flag class, set difference). */
const WORD_CLASS = `[[\\p{L}\\p{N}\\p{M}]--[${CJK_CLASS}]]`;

const JOINER_RE = /[._-]/;
const CJK_RE = new RegExp(`^[${CJK_CLASS}]$`, 'v');
const WORD_RE = new RegExp(`^${WORD_CLASS}$`, 'v');

/** Character classes of the scanner. */
const OTHER = 0;
const WORD = 1;
const CJK = 2;

/** Class of every BMP code unit, built once at load (65k regex tests, ~10–20 ms); astral code points on demand. */
const BMP_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue;
  const ch = String.fromCharCode(c);
  BMP_CLASS[c] = CJK_RE.test(ch) ? CJK : WORD_RE.test(ch) ? WORD : OTHER;
}
const astralClass = new Map<number, number>();

/** Class of the code point starting at `i` (OTHER past the end). */
function charClassAt(s: string, i: number): number {
  if (i < 0 || i >= s.length) return OTHER;
  const u = s.charCodeAt(i);
  if (u < 0xd800 || u > 0xdbff) return BMP_CLASS[u]!;
  const cp = s.codePointAt(i)!;
  if (cp <= 0xffff) return OTHER; // lone surrogate
  let k = astralClass.get(cp);
  if (k === undefined) {
    const ch = String.fromCodePoint(cp);
    k = CJK_RE.test(ch) ? CJK : WORD_RE.test(ch) ? WORD : OTHER;
    astralClass.set(cp, k);
  }
  return k;
}

/** Class of the code point that ends just before `i` (OTHER at the start). */
function charClassBefore(s: string, i: number): number {
  if (i <= 0) return OTHER;
  const u = s.charCodeAt(i - 1);
  if (u >= 0xdc00 && u <= 0xdfff && i >= 2) return charClassAt(s, i - 2);
  return charClassAt(s, i - 1);
}

/** UTF-16 width of the code point at `i`. */
function widthAt(s: string, i: number): number {
  const u = s.charCodeAt(i);
  return u >= 0xd800 && u <= 0xdbff && i + 1 < s.length ? 2 : 1;
}

/** True when the code point at `i` is a word character (letter, digit or mark outside CJK). */
export function isWordAt(s: string, i: number): boolean {
  return charClassAt(s, i) === WORD;
}

/** True when the code point ending just before `i` is a word character. */
export function isWordBefore(s: string, i: number): boolean {
  return charClassBefore(s, i) === WORD;
}

/** True when `s[i]` is `.`, `-` or `_`. */
function isJoiner(s: string, i: number): boolean {
  const u = s.charCodeAt(i);
  return u === 0x2e || u === 0x2d || u === 0x5f;
}

/**
 * Folds text for matching: Unicode NFKC (full-width `ＣＰＰ` → `CPP`, Kangxi radical `⼀` U+2F00 → `一`, ligatures),
 * then `toLowerCase`. Pure; may change the length (NFKC expands `㍿`, lower-casing `İ` gives two code units).
 */
export function normalizeForSearch(s: string): string {
  return foldText(s);
}

/**
 * Tokens of `s` for indexing, after {@link normalizeForSearch}; see the rules at the top of this file.
 * Examples: `知识管理` → `知识 识管 管理`; `C++ 编译` → `c++ 编译`; `node.js` → `node.js node js`; `ＣＰＰ` → `cpp`.
 * Pure; never throws; `''` → `[]`.
 */
export function tokenize(s: string): string[] {
  return tokenizeFolded(normalizeForSearch(s));
}

/** {@link tokenize} for text that is already folded with {@link normalizeForSearch} (skips the second fold). */
export function tokenizeFolded(folded: string): string[] {
  const out: string[] = [];
  scan(folded, out, null);
  return out;
}

/** Index tokens that a query term must share with every text it matches; see {@link queryTokens}. */
export interface QueryTokens {
  /** Tokens that every matching text is guaranteed to contain (AND). */
  tokens: string[];
  /** One-character CJK runs of the term: the index holds them only inside bigrams (or alone), so they need expanding. */
  singles: string[];
}

/**
 * Lookup tokens of one folded query term: the subset of its tokens that any text matching the term (as defined by
 * `term-matcher.ts`) is guaranteed to have been indexed under. Differs from {@link tokenizeFolded} in two ways:
 * a compound of several runs gives only its runs (the whole `node.js` is not indexed inside `foo-node.js`), and a
 * one-character CJK run goes to `singles`. Tokens over {@link MAX_TOKEN_LENGTH} are left out. Pure.
 */
export function queryTokens(folded: string): QueryTokens {
  const result: QueryTokens = { tokens: [], singles: [] };
  scan(folded, result.tokens, result.singles);
  result.tokens = result.tokens.filter((t) => t.length <= MAX_TOKEN_LENGTH);
  return result;
}

/** The scanner: index mode when `singles` is null, query mode otherwise. */
function scan(folded: string, out: string[], singles: string[] | null): void {
  const n = folded.length;
  let i = 0;
  while (i < n) {
    const k = charClassAt(folded, i);
    if (k === CJK) {
      let j = i + widthAt(folded, i);
      while (j < n && charClassAt(folded, j) === CJK) j += widthAt(folded, j);
      const run = folded.slice(i, j);
      if (singles && j - i === widthAt(folded, i)) singles.push(run);
      else pushBigrams(run, out);
      i = j;
    } else if (k === WORD) {
      i = scanCompound(folded, i, out, singles === null);
    } else {
      i++;
    }
  }
}

/**
 * Scans the compound that starts with the word character at `start`, pushes its tokens (all of them in index mode,
 * only the runs of a joined compound in query mode), returns its end.
 */
function scanCompound(s: string, start: number, out: string[], indexMode: boolean): number {
  const n = s.length;
  // A dot right before the word is a marker when nothing word-like precedes it (".net", not "asp.net").
  const dot = start > 0 && s.charCodeAt(start - 1) === 0x2e && !isWordBefore(s, start - 1);
  let j = start;
  let joined = false;
  for (;;) {
    while (j < n && charClassAt(s, j) === WORD) j += widthAt(s, j);
    if (j + 1 < n && isJoiner(s, j) && charClassAt(s, j + 1) === WORD) {
      joined = true;
      j++;
      continue;
    }
    break;
  }
  const core = s.slice(start, j);
  let suffix = '';
  if (s.charCodeAt(j) === 0x2b && s.charCodeAt(j + 1) === 0x2b && !isWordAt(s, j + 2)) suffix = '++';
  else if (s.charCodeAt(j) === 0x23 && !isWordAt(s, j + 1)) suffix = '#';
  const whole = (dot ? '.' : '') + core + suffix;
  if (!joined) {
    if (whole.length <= MAX_TOKEN_LENGTH) out.push(whole);
    return j + suffix.length;
  }
  if (indexMode && whole.length <= MAX_TOKEN_LENGTH) out.push(whole);
  const runs = core.split(JOINER_RE);
  const last = runs.length - 1;
  for (let r = 0; r <= last; r++) {
    const run = runs[r]!;
    const decorated = (r === 0 && dot ? '.' : '') + run + (r === last ? suffix : '');
    // A marked run is indexed only with its marker (`.net-core` gives `.net`, not `net`), so that a one-token query
    // term is in a text's tokens exactly when it matches the text (the search then skips verifying it).
    if (decorated.length <= MAX_TOKEN_LENGTH) out.push(decorated);
  }
  return j + suffix.length;
}

/** Overlapping bigrams of one CJK run (code points); a one-character run yields itself. */
function pushBigrams(run: string, out: string[]): void {
  // Fast path: no surrogate pairs, so UTF-16 units are characters.
  if (!/[\uD800-\uDBFF]/.test(run)) {
    if (run.length === 1) out.push(run);
    else for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    return;
  }
  const chars = Array.from(run);
  if (chars.length === 1) out.push(run);
  else for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
}
