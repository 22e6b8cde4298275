import { sizeOf, type PostingGroup, type PostingIndex } from './posting-index';
import { findMatches, type QueryTerm } from './query-terms';
import type { TermMatch } from './snippet';

/** Matches considered per term when building snippets and highlights. */
const SNIPPET_MATCH_CAP = 64;

/**
 * Lookup groups for `terms` (AND of groups; a group is an OR of posting lists) and each term's df estimate (the
 * smallest posting size among its tokens: exact for one-token terms, an upper bound otherwise). A group scores with
 * `weightOf(df)` when its term is `exact` (see `ranking.ts`), else 0.
 */
export function lookup(
  postings: PostingIndex,
  terms: readonly QueryTerm[],
  weightOf: (df: number) => number,
): { groups: PostingGroup[]; df: Map<QueryTerm, number> } {
  // One-character CJK terms are expanded only when the query has nothing better to look up.
  const expandSingles = terms.every((t) => t.tokens.length === 0);
  const groups: PostingGroup[] = [];
  const df = new Map<QueryTerm, number>();
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
    if (t.exact && groups[start]) groups[start].weight = weightOf(termDf);
    df.set(t, termDf);
  }
  return { groups, df };
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
