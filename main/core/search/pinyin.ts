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
 * `zhishigl`, `zhi shi gl` and `zhishigu` find 知识管理, `gl` finds its 管理, and `zhishguanl` does not.
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

/**
 * The typed letters of a query that looks like pinyin: NFKC-folded (full-width `ＺＳＧＬ` counts), lower case, only
 * Latin letters a–z with optional spaces and apostrophes (`xi'an`), at least 2 letters and at most 64. Returns the
 * letters with the separators removed (`zhi shi gl` → `zhishigl`), or null when the query is anything else (digits,
 * Chinese, punctuation, one letter). Pure.
 */
export function pinyinLetters(query: string): string | null {
  const q = query.normalize('NFKC').toLowerCase().trim();
  if (!/^[a-z][a-z\s']*$/.test(q)) return null;
  const letters = q.replace(/[\s']+/g, '');
  return letters.length >= 2 && letters.length <= MAX_LETTERS ? letters : null;
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

const same = (typed: string, syl: string) => typed === syl || (syl === 'v' && typed === 'u');

/** Whether `letters[from, from + n)` spells the first `n` letters of `syl` (a typed `u` also standing for ü). */
function spells(letters: string, from: number, syl: string, n: number): boolean {
  if (from + n > letters.length || n > syl.length) return false;
  for (let k = 0; k < n; k++) if (!same(letters[from + k]!, syl[k]!)) return false;
  return true;
}

/**
 * Where `letters` (from {@link pinyinLetters}) matches `name` by the rule of the file comment: the first matching
 * run of characters, preferring one that starts the name; null when none. O(characters × letters) with memoised
 * dead ends. Pure.
 */
export function matchPinyin(name: NameReading, letters: string): PinyinMatchSpan | null {
  if (!name.readable) return null;
  const syl = name.syllables;
  const n = syl.length;
  const dead = new Set<number>();
  const key = (pos: number, at: number) => pos * (MAX_LETTERS + 1) + at;
  // Characters from `pos` on, letters from `at` on: the end position when the rest of the letters are used up.
  const go = (pos: number, at: number): number => {
    if (at === letters.length) return pos;
    const s = pos < n ? syl[pos] : null;
    if (!s || dead.has(key(pos, at))) return -1;
    const rest = letters.length - at;
    const tries = new Set<number>();
    if (spells(letters, at, s, s.length)) tries.add(s.length); // whole syllable
    if (/^[zcs]h/.test(s) && spells(letters, at, s, 2)) tries.add(2); // zh / ch / sh
    if (same(letters[at]!, s[0]!)) tries.add(1); // first letter
    if (rest < s.length && spells(letters, at, s, rest)) tries.add(rest); // an unfinished last syllable
    for (const len of [...tries].sort((a, b) => b - a)) {
      const end = go(pos + 1, at + len);
      if (end >= 0) return end;
    }
    dead.add(key(pos, at));
    return -1;
  };
  for (let start = 0; start < n; start++) {
    if (!syl[start] || !same(letters[0]!, syl[start]![0]!)) continue;
    const end = go(start, 0);
    if (end < 0) continue;
    return {
      start: name.offsets[start]!,
      end: name.offsets[end]!,
      reading: syl.slice(start, end).join(' '),
      whole: start === 0 && end === n,
    };
  }
  return null;
}
