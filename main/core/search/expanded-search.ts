import type { SearchResultDto } from '../../../preload/contract';
import type { TermExpansion } from '../glossary/glossary';
import type { TermsTogether } from './ranking';

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
 * Rank of a hit's {@link TermsTogether} tier, best first: every term on one page (0), on adjacent pages (1), on
 * pages further apart (2). A hit without `together` (a one-term query, a node) matched on one page: tier 0.
 */
export function tierRank(hit: { together?: TermsTogether }): number {
  return hit.together === 'apart' ? 2 : hit.together === 'near' ? 1 : 0;
}

/**
 * Merges the hits of the original query (`base`) with those of its alternatives (glossary names, script forms):
 * a hit found again adds the alternative's forms to its `matchedForms`, and keeps the original's entry (its tier,
 * score and pages); hits only alternatives found are added with the first alternative's entry that found them
 * (the best `score` of them). Then, until `limit` hits:
 *
 * 1. by document-level tier ({@link tierRank}: terms on one page, on adjacent pages, apart), across base and
 *    alternatives: how close the terms lie says more about a document than which form of the query found it, so a
 *    document with 軟體 and 開發 on one page ranks above one of the original 软件 开发 with the words many pages
 *    apart (terms apart are the weakest evidence of document-level matching, doc-search.ts);
 * 2. within a tier, the original query's hits first, in its order (what was typed matches exactly), then those
 *    only alternatives found, best `score` first. Scores of different queries are compared only there, as they
 *    are: BM25 of similar phrases, roughly comparable.
 *
 * Hits without `together` (nodes, one-term queries) are one tier, so for them this is: original hits first, then
 * the others best first. Returns the merged list and how many distinct hits only alternatives found (before the
 * limit). Pure.
 */
export function mergeHits<H extends { score: number; together?: TermsTogether }>(
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
  const rest = [...extra.values()].sort((a, b) => tierRank(a) - tierRank(b) || b.score - a.score);
  // A stable sort by tier alone: the original's hits stay in its order, ahead of the others of their tier.
  const hits = [...merged.values(), ...rest].sort((a, b) => tierRank(a) - tierRank(b));
  return { hits: hits.slice(0, limit), extra: extra.size };
}
