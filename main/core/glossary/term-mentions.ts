import { findMatches, parseQuery, type QueryTerm } from '../search/query-terms';
import { CJK_CLASS, tokenizeFolded } from '../search/tokenize';
import { foldText } from '../util/text';
import { foldVariant, type Glossary } from './glossary';

/** A place in a text where a glossary term is named, to underline it and show its definition on hover. */
export interface TermMention {
  /** `[start, end)` UTF-16 offsets into the text as given (not normalised). */
  start: number;
  end: number;
  termId: string;
}

/** One name of the glossary, compiled once per glossary. */
interface NameMatcher {
  /** The name as a quoted-phrase query term: matched exactly as the search matches it. */
  term: QueryTerm;
  termId: string;
}

const matchers = new WeakMap<Glossary, NameMatcher[]>();
const ONE_CJK_CHAR = new RegExp(`^[${CJK_CLASS}]$`, 'v');

/**
 * Where the terms of `glossary` are named in `text` (a description, a page of a document), for underlining.
 *
 * A name matches where the search would find it as a phrase (search/query-terms.ts): NFKC and case folded (so
 * full-width `ＣＲＭ` is `CRM`), whitespace inside a name matching any run of whitespace (a name broken across
 * lines), Chinese as a plain substring, Latin names as whole words with their markers: the name `C` is not found in
 * `C++` or `C#`, `NET` not in `.NET`, while `C++` is found in `GNU C++ 编译器`.
 *
 * Mentions do not overlap: the leftmost wins, and of those starting at the same place the longest (`客户档案卡模板`
 * before `客户档案卡`), so a name inside a longer name is not marked again. A name that belongs to several terms is
 * attributed to the term whose label it is, else to the first in glossary order.
 *
 * Names of one Chinese (CJK) character are left out: in running text a single character is almost always part of
 * another word (the synonym 版 of 版型 would mark 版本 and 出版). They still expand queries (glossary.ts).
 *
 * Offsets are into `text` as given: the text is normalised one character (with its combining marks) at a time, so
 * a mention never starts or ends inside a character that NFKC changed (`ｃ＋＋` → a mention of its 3 units).
 * Returned in text order. Cost: one tokenization of the text plus a verified scan for each name whose index tokens
 * all occur in it, so a large glossary costs little on a text that names few of its terms. Pure.
 */
export function findTermMentions(text: string, glossary: Glossary): TermMention[] {
  if (!text || glossary.terms.length === 0) return [];
  const { norm, sourceStart, sourceEnd } = normalizeWithMap(text);
  const tokens = new Set(tokenizeFolded(foldText(norm)));
  const folded = foldText(norm);
  const found: Array<{ start: number; end: number; termId: string }> = [];
  for (const m of matchersOf(glossary)) {
    if (!m.term.tokens.every((t) => tokens.has(t)) || !m.term.singles.every((c) => folded.includes(c)))
      continue;
    const at = findMatches(m.term, norm);
    for (let i = 0; i < at.length; i += 2) found.push({ start: at[i]!, end: at[i + 1]!, termId: m.termId });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TermMention[] = [];
  let reached = 0;
  for (const f of found) {
    if (f.start < reached) continue;
    out.push({ start: sourceStart(f.start), end: sourceEnd(f.end), termId: f.termId });
    reached = f.end;
  }
  return out;
}

function matchersOf(glossary: Glossary): NameMatcher[] {
  let list = matchers.get(glossary);
  if (list) return list;
  list = [];
  for (const [key, terms] of glossary.byVariant) {
    if (ONE_CJK_CHAR.test(key)) continue;
    // The name as one phrase of the query language; a quote inside it cannot be, and matches as a space.
    const [term] = parseQuery(`"${key.replace(/["\u201c\u201d\u201e\u300c\u300d]/g, ' ')}"`);
    if (!term || (term.tokens.length === 0 && term.singles.length === 0)) continue;
    const own = terms.find((t) => foldVariant(t.label) === key) ?? terms[0]!;
    list.push({ term, termId: own.id });
  }
  matchers.set(glossary, list);
  return list;
}

/**
 * `text` in NFKC, with maps from offsets in it back to offsets in `text`. Each code point with the combining marks
 * after it is normalised on its own, so every normalised unit comes from one known piece of the source; this equals
 * NFKC of the whole text except for the rare compositions across such pieces (conjoining Hangul jamo).
 */
function normalizeWithMap(text: string): {
  norm: string;
  sourceStart: (i: number) => number;
  sourceEnd: (i: number) => number;
} {
  const whole = text.normalize('NFKC');
  if (whole === text) return { norm: text, sourceStart: (i) => i, sourceEnd: (i) => i };
  const pieces: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  /** For each unit of the normalised text, the index of the piece it came from. */
  const pieceOf: number[] = [];
  for (const m of text.matchAll(/[^\p{M}]\p{M}*|\p{M}+/gu)) {
    const n = m[0].normalize('NFKC');
    const k = pieces.length;
    pieces.push(n);
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    for (let u = 0; u < n.length; u++) pieceOf.push(k);
  }
  const norm = pieces.join('');
  return {
    norm,
    sourceStart: (i) => (i >= norm.length ? text.length : starts[pieceOf[i]!]!),
    sourceEnd: (i) => (i <= 0 ? 0 : ends[pieceOf[i - 1]!]!),
  };
}
