import type { SearchResultDto } from '../../../preload/contract';
import type { TermExpansion } from '../glossary/glossary';

/**
 * Glossary expansion's side of the search results (issue 10 §3): the shapes SearchService returns, which add fields
 * to the contract's SearchResultDto (preload/contract/search.ts) and never change the ones it has, and the merge of
 * the original query's results with those of its alternatives.
 */

/** The forms of the query that found a hit: the query as typed (trimmed), and/or names the glossary added. */
export interface MatchedForms {
  /**
   * The original query (trimmed) when it found the hit itself, then each glossary name whose alternative query
   * found it, in the order they were searched. Always at least one entry.
   */
  matchedForms: string[];
}

/** A document hit with the forms that found it. */
export type ExpandedDocHit = SearchResultDto['docs'][number] & MatchedForms;
/** A node hit with the forms that found it. */
export type ExpandedNodeHit = SearchResultDto['nodes'][number] & MatchedForms;

/** What the glossary added to a query: empty lists when expansion was off or the query names no term. */
export interface ExpansionInfo {
  /** The names searched besides the query, each once, in query order: the UI's "also searched: …". */
  alsoSearched: string[];
  /** Which parts of the query named which terms (glossary.ts expandQuery). */
  expansions: TermExpansion[];
  /** The query's (and glossary names') forms in the other script searched as well (script-variants.ts). */
  scriptForms: string[];
}

/**
 * `SearchService.query`'s result: the contract's SearchResultDto (unchanged fields, same meaning) plus
 * {@link ExpansionInfo} and `matchedForms` on every hit. With expansion, `total` and `totalNodes` count the original
 * query's matches plus the hits that only an alternative found among those returned: a lower bound of the union.
 */
export interface ExpandedSearchResult
  extends
    Omit<SearchResultDto, 'alsoSearched' | 'expansions' | 'scriptForms' | 'docs' | 'nodes'>,
    ExpansionInfo {
  docs: ExpandedDocHit[];
  nodes: ExpandedNodeHit[];
}

/** `SearchService.nodes`'s result: nodes with their forms, the count of matches, and the expansion. */
export interface ExpandedNodesResult extends ExpansionInfo {
  nodes: ExpandedNodeHit[];
  total: number;
}

/** The hits of one search with the forms it stands for. */
export interface FormHits<H> {
  forms: readonly string[];
  hits: readonly H[];
}

/**
 * Merges the hits of the original query (`base`, kept first and in their order) with those of its alternatives:
 * a hit found again adds the alternative's forms to its `matchedForms`; hits only alternatives found follow, best
 * `score` first (the first alternative's entry for a hit found by several, with the best score of them), until
 * `limit` hits. Returns the merged list and how many distinct hits only alternatives found (before the limit).
 * Scores of different queries are compared as they are: BM25 of similar phrases, so roughly comparable. Pure.
 */
export function mergeHits<H extends { score: number }>(
  base: FormHits<H>,
  alternatives: ReadonlyArray<FormHits<H>>,
  keyOf: (hit: H) => string | number,
  limit: number,
): { hits: Array<H & MatchedForms>; extra: number } {
  const merged = new Map<string | number, H & MatchedForms>();
  for (const h of base.hits) merged.set(keyOf(h), { ...h, matchedForms: [...base.forms] });
  const extra = new Map<string | number, H & MatchedForms>();
  const addForms = (hit: MatchedForms, forms: readonly string[]) => {
    for (const f of forms) if (!hit.matchedForms.includes(f)) hit.matchedForms.push(f);
  };
  for (const alt of alternatives) {
    for (const h of alt.hits) {
      const key = keyOf(h);
      const original = merged.get(key);
      if (original) {
        addForms(original, alt.forms); // ranked as the original ranked it
        continue;
      }
      const other = extra.get(key);
      if (other) {
        addForms(other, alt.forms);
        other.score = Math.max(other.score, h.score);
      } else extra.set(key, { ...h, matchedForms: [...alt.forms] });
    }
  }
  const rest = [...extra.values()].sort((a, b) => b.score - a.score);
  return { hits: [...merged.values(), ...rest].slice(0, limit), extra: extra.size };
}
