import { sizeOf, type PostingGroup, type PostingIndex } from './posting-index';
import { findMatches, type QueryTerm } from './query-terms';
import type { TermMatch } from './snippet';

/** Matches considered per term when building snippets and highlights. */
const SNIPPET_MATCH_CAP = 64;

/** What {@link lookup} returns. */
export interface Lookup {
  /** AND of groups; a group is an OR of posting lists. */
  groups: PostingGroup[];
  /** Each term's df estimate: the smallest posting size among its tokens (exact for one-token terms). */
  df: Map<QueryTerm, number>;
  /** Terms the index decides exactly (no verification against text needed): see below. */
  decided: Set<QueryTerm>;
}

/**
 * Lookup groups for `terms`. A term is decided by the index when it is `exact` (one token), or when it is a single
 * CJK character expanded into every bigram around it (any text with one of those tokens contains the character).
 * One-character CJK runs are expanded only when the query has nothing better to look up; otherwise they are left to
 * verification. A decided term's group scores with `weightOf(df)` (see `ranking.ts`); other groups score 0.
 */
export function lookup(
  postings: PostingIndex,
  terms: readonly QueryTerm[],
  weightOf: (df: number) => number,
): Lookup {
  const expandSingles = terms.every((t) => t.tokens.length === 0);
  const groups: PostingGroup[] = [];
  const df = new Map<QueryTerm, number>();
  const decided = new Set<QueryTerm>();
  for (const t of terms) {
    let termDf = Number.POSITIVE_INFINITY;
    const start = groups.length;
    for (const token of t.tokens) {
      const slots = postings.postings(token);
      groups.push({ lists: slots ? [slots] : [], weight: 0 });
      termDf = Math.min(termDf, slots ? sizeOf(slots) : 0);
    }
    if (expandSingles) {
      for (const ch of t.singles) {
        const lists = postings.expandSingle(ch);
        groups.push({ lists, weight: 0 });
        termDf = Math.min(
          termDf,
          lists.reduce((s, slots) => s + sizeOf(slots), 0),
        );
      }
    }
    if (t.exact || (expandSingles && t.singles.length === 1 && t.text === t.singles[0])) decided.add(t);
    if (decided.has(t) && groups[start]) groups[start].weight = weightOf(termDf);
    df.set(t, termDf);
  }
  return { groups, df, decided };
}

/** All matches of all terms in `text` (capped per term), for snippets. */
export function allMatches(terms: readonly QueryTerm[], text: string): TermMatch[] {
  const out: TermMatch[] = [];
  terms.forEach((t, term) => {
    const m = findMatches(t, text, SNIPPET_MATCH_CAP);
    for (let i = 0; i < m.length; i += 2) out.push({ term, start: m[i]!, end: m[i + 1]! });
  });
  return out;
}
