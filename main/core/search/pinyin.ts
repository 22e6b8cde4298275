import { pinyin } from 'pinyin-pro';

/**
 * Pinyin matching of node names (issue 11 §1): `zhishiguanli`, `zsgl` and `zhishigl` all find 知识管理, as every
 * Chinese app lets its users type. Only names are read this way, never document text (too many false hits).
 *
 * Readings come from pinyin-pro 3.29 (`pinyin(name, { type: 'array', toneType: 'none', v: true })`), which picks a
 * polyphone's reading from the words around it: 银行 is yin·hang (not yin·xing), 重庆 chong·qing, 长大 zhang·da,
 * 行长 hang·zhang. Only that reading is matched — pinyin-pro's own `match()` accepts every reading of every character
 * (银行 ↔ `yinxing`, 长大 ↔ `changda`), which finds names by readings nobody would type. ü is `v`; a typed `u`
 * matches it too (`lu` or `lv` for 绿).
 *
 * The match rule (the one Chinese input methods and the pinyin-pro README use): the typed letters, spaces and
 * apostrophes dropped, are cut into pieces, one per character of a run of consecutive characters of the name;
 * each piece is the character's whole syllable, its first letter, or its initial `zh` / `ch` / `sh`; the LAST piece
 * may be any beginning of its syllable (typing is still going on: `zhishigua`). So `zsgl`, `zhishiguanli`,
 * `zhishigl`, `zhi shi gl` and `zhishigu` find 知识管理, `gl` finds its 管理, and `zhishguanl` does not. An
 * apostrophe is a syllable boundary, as in every input method: a piece ends there (`xi'an` finds 西安, not 先).
 */

/** A name read as pinyin: one entry per code point. */
export interface NameReading {
  /** The name as read. */
  text: string;
  /** Per code point: its syllable without tone, lower case, ü as `v`; null for anything without a reading. */
  syllables: ReadonlyArray<string | null>;
  /** Per code point: its UTF-16 offset in `text`; one more entry at the end (`text.length`). */
  offsets: readonly number[];
  /** Whether some code point has a syllable (else no pinyin query can match the name). */
  readable: boolean;
}

/** A pinyin match in a name: which characters the typed letters stand for. */
export interface PinyinMatchSpan {
  /** [start, end) of the matched characters in the name, UTF-16 units. */
  start: number;
  end: number;
  /** The matched characters' syllables joined by spaces (`zhi shi guan li`). */
  reading: string;
  /** The match covers every character of the name. */
  whole: boolean;
}

/** Longest pinyin query (letters) tried; longer Latin queries are not pinyin anyone types. */
const MAX_LETTERS = 64;
const SYLLABLE = /^[a-z]+$/;

/** A query typed as pinyin: its letters and where the user marked a syllable boundary. */
export interface PinyinQuery {
  /** The letters, separators removed, lower case, ü as `v` (`xi'an` → `xian`, `lǜ` → `lv`). */
  letters: string;
  /**
   * Letter offsets at which the user typed an apostrophe (`xi'an` → [2]): a syllable of the name must end there,
   * as in every pinyin input method (`xi'an` is 西安, never 先 xian). Spaces mark nothing (`zhi shi gl` and
   * `zhishigl` are the same query). Ascending; may be empty.
   */
  breaks: readonly number[];
}

/** Apostrophes typed between syllables: ASCII, the typographic ones (’ ‘, what phones and macOS put), ＇ folds to '. */
const APOSTROPHE = /['\u2018\u2019]/;

/**
 * A query that looks like pinyin, folded: NFKC (full-width `ＺＳＧＬ` counts), lower case, tone marks dropped and
 * ü as `v` (`lǜ sè`, `lü`, `nü` as typed with a pinyin keyboard), only Latin letters a–z with optional spaces and
 * apostrophes (`xi'an`, `xi’an`), at least 2 letters and at most 64. Returns the letters and the apostrophes'
 * places ({@link PinyinQuery}), or null when the query is anything else (digits, Chinese, punctuation, one
 * letter). Pure.
 */
export function pinyinQuery(query: string): PinyinQuery | null {
  const q = query
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/u\u0308/g, 'v')
    .replace(/\p{M}/gu, '')
    .trim();
  if (!/^[a-z][a-z\s'\u2018\u2019]*$/.test(q)) return null;
  let letters = '';
  const breaks: number[] = [];
  for (const ch of q) {
    if (APOSTROPHE.test(ch)) {
      if (letters.length && breaks[breaks.length - 1] !== letters.length) breaks.push(letters.length);
    } else if (ch >= 'a' && ch <= 'z') letters += ch;
  }
  return letters.length >= 2 && letters.length <= MAX_LETTERS ? { letters, breaks } : null;
}

/**
 * The letters of a query that looks like pinyin ({@link pinyinQuery}), separators removed (`zhi shi gl` →
 * `zhishigl`, `xi'an` → `xian`), or null when the query is anything else. Pure.
 */
export function pinyinLetters(query: string): string | null {
  return pinyinQuery(query)?.letters ?? null;
}

/**
 * Reads a name as pinyin with pinyin-pro (see the file comment for the polyphone handling). Characters with no
 * reading (Latin, digits, punctuation, rare Han characters pinyin-pro does not know) get null and split the name
 * into runs a match cannot cross. Cost: ~15 µs for a 6-character name (Node 24). Pure.
 */
export function readName(text: string): NameReading {
  const points = [...text];
  const offsets: number[] = [];
  let at = 0;
  for (const p of points) {
    offsets.push(at);
    at += p.length;
  }
  offsets.push(at);
  const syllables: Array<string | null> = points.map(() => null);
  let readable = false;
  if (/\p{sc=Han}/u.test(text)) {
    const read = pinyin(text, { type: 'array', toneType: 'none', v: true });
    // One entry per code point (pinyin-pro 3.29); anything else would misplace every syllable, so read nothing.
    if (read.length === points.length)
      read.forEach((s, i) => {
        const syl = s.toLowerCase();
        if (/\p{sc=Han}/u.test(points[i]!) && SYLLABLE.test(syl)) {
          syllables[i] = syl;
          readable = true;
        }
      });
  }
  return { text, syllables, offsets, readable };
}

const U = 117; // 'u'
const V = 118; // 'v'
const H = 104; // 'h'
/** z, c, s: the first letters of the initials zh, ch, sh. */
const RETROFLEX = new Set([122, 99, 115]);

/** Whether typed letter `t` stands for syllable letter `c` (char codes; a typed `u` also stands for ü, `v`). */
const same = (t: number, c: number) => t === c || (c === V && t === U);

/** How many letters of `syl`, from its start, `letters` spells from `from` on (at most `max`). */
function spelled(letters: string, from: number, syl: string, max: number): number {
  let k = 0;
  while (k < max && same(letters.charCodeAt(from + k), syl.charCodeAt(k))) k++;
  return k;
}

/** Dead ends of one {@link matchRange} call: (character, letter) pairs from which the rest cannot match. */
let dead: Set<number> | null = null;
/** The typed syllable boundaries of the {@link matchRange} call under way, by letter offset (null: none). */
let boundary: boolean[] | null = null;

/** Whether a piece of `len` letters from `at` on would swallow a boundary the user typed (`xi'an` as one xian). */
function crosses(at: number, len: number): boolean {
  if (!boundary) return false;
  for (let k = at + 1; k < at + len; k++) if (boundary[k]) return true;
  return false;
}

/**
 * The rest of `letters` from `at` on, matched from character `pos` on: the character index after the match, or -1.
 * Longest piece first: the whole syllable, or an unfinished last one (all the rest); then zh/ch/sh; then one letter.
 */
function rest(syl: ReadonlyArray<string | null>, letters: string, pos: number, at: number): number {
  const total = letters.length;
  if (at === total) return pos;
  const s = pos < syl.length ? syl[pos] : null;
  if (!s || !same(letters.charCodeAt(at), s.charCodeAt(0))) return -1;
  const key = pos * (MAX_LETTERS + 1) + at;
  if (dead?.has(key)) return -1;
  const left = total - at;
  const k = spelled(letters, at, s, Math.min(left, s.length));
  const tried = (k === s.length || k === left) && !crosses(at, k) ? k : 0;
  let end = -1;
  if (tried) end = rest(syl, letters, pos + 1, at + tried);
  if (
    end < 0 &&
    k >= 2 &&
    tried !== 2 &&
    s.charCodeAt(1) === H &&
    RETROFLEX.has(s.charCodeAt(0)) &&
    !crosses(at, 2)
  )
    end = rest(syl, letters, pos + 1, at + 2);
  if (end < 0 && tried !== 1) end = rest(syl, letters, pos + 1, at + 1);
  if (end < 0) (dead ??= new Set()).add(key);
  return end;
}

/**
 * Where `letters` (from {@link pinyinLetters}) matches `name` by the rule of the file comment, as character (code
 * point) indexes: `start * 65536 + end` of the first matching run, preferring one that starts the name; -1 when
 * none. `breaks` (PinyinQuery.breaks): letter offsets where a character's piece must end. The fast form of
 * {@link matchPinyin} for scanning many names (~0.5 µs a name). O(characters × letters) with memoised dead ends.
 * Pure.
 */
export function matchRange(name: NameReading, letters: string, breaks: readonly number[] = []): number {
  if (!name.readable) return -1;
  const syl = name.syllables;
  const first = letters.charCodeAt(0);
  if (breaks.length) {
    boundary = [];
    for (const b of breaks) boundary[b] = true;
  }
  try {
    for (let start = 0; start < syl.length; start++) {
      const s = syl[start];
      if (!s || !same(first, s.charCodeAt(0))) continue;
      const end = rest(syl, letters, start, 0);
      if (end >= 0) return start * 65536 + end;
    }
    return -1;
  } finally {
    dead = null;
    boundary = null;
  }
}

/** A {@link matchRange} result as a span of `name` (UTF-16 offsets, the reading, whether it is the whole name). */
export function spanOf(name: NameReading, range: number): PinyinMatchSpan {
  const start = Math.floor(range / 65536);
  const end = range % 65536;
  return {
    start: name.offsets[start]!,
    end: name.offsets[end]!,
    reading: name.syllables.slice(start, end).join(' '),
    whole: start === 0 && end === name.syllables.length,
  };
}

/**
 * Where `letters` (from {@link pinyinLetters}) matches `name` by the rule of the file comment: the first matching
 * run of characters, preferring one that starts the name; null when none. `breaks`: as {@link matchRange}. Pure.
 */
export function matchPinyin(
  name: NameReading,
  letters: string,
  breaks: readonly number[] = [],
): PinyinMatchSpan | null {
  const range = matchRange(name, letters, breaks);
  return range < 0 ? null : spanOf(name, range);
}
