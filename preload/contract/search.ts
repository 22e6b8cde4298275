/** Full-text search over documents and graph nodes. Imports only zod. */
import { z } from 'zod';
import type { ChannelMap } from './channel';
import { NodeDto, NodeKind, isoDate } from './model';
import { DocumentDto } from './library';

/** [start, end) offsets of a hit inside a snippet or label. */
const Range = z.tuple([z.number().int(), z.number().int()]);

export const SearchHitPage = z.object({
  page: z.number().int(),
  score: z.number(),
  snippets: z.array(z.object({ text: z.string(), highlights: z.array(Range) })),
});

/**
 * Search results: documents (grouped, best pages first) and graph nodes. `total` counts matching documents,
 * `totalNodes` matching nodes, a document's `matchingPages` its matching pages (more than `pages` lists when
 * capped by `pagesPerDoc`). `tookMs` in milliseconds.
 *
 * A query of several terms matches documents (issue 11 §5, main/core/search/doc-search.ts): a document matches when
 * every term occurs somewhere in it, not necessarily on one page (a quoted phrase still on one page). Documents
 * whose terms share a page rank first (`together: 'page'`; their `matchingPages` and `pages` are the pages holding
 * every term, as before), then those with the terms on adjacent pages (`near`), then the rest (`apart`); for those
 * two `matchingPages` counts the pages holding at least one term and `pages` lists first the pages that together
 * show every term.
 */
/**
 * A glossary term found in a query (main/core/glossary/glossary.ts expandQuery): the term, the part of the query it
 * matched (UTF-16 offsets), and the term's other names searched as well.
 */
export const QueryExpansion = z.object({
  termId: z.string(),
  termLabel: z.string(),
  matched: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  variants: z.array(z.string()),
});
export type QueryExpansion = z.infer<typeof QueryExpansion>;

/**
 * Which forms of the query found a hit: the query itself and/or glossary variants. The glossary fields are
 * optional in the schema only because the search's inner results are typed without them; search:query and
 * search:nodes always fill them.
 */
const matchedForms = z.array(z.string()).optional();

/**
 * Why a node hit matched a query typed as pinyin (issue 11 §1, main/core/search/pinyin.ts): the letters as typed
 * (folded, spaces removed, apostrophes kept: `zsgl`, `xi'an`), the name that matched (`field`: the label, an alias,
 * or a glossary term's other name), the matched characters of that name (`知识管理`) and their reading without tones
 * (`zhi shi guan li`).
 */
export const PinyinMatch = z.object({
  typed: z.string(),
  field: z.enum(['label', 'alias', 'glossary']),
  name: z.string(),
  matched: z.string(),
  reading: z.string(),
});
export type PinyinMatch = z.infer<typeof PinyinMatch>;

/** How a node hit matched: as text (also when absent) or as pinyin, with the pinyin match. */
const nodeMatch = {
  matchedBy: z.enum(['text', 'pinyin']).optional(),
  pinyin: PinyinMatch.optional(),
};

export const SearchResultDto = z.object({
  query: z.string(),
  docs: z.array(
    z.object({
      doc: DocumentDto,
      score: z.number(),
      pages: z.array(SearchHitPage),
      matchingPages: z.number().int(),
      /**
       * Queries of several terms: `page` when one page holds every term, `near` when two adjacent pages do, `apart`
       * otherwise. Absent for a one-term query.
       */
      together: z.enum(['page', 'near', 'apart']).optional(),
      matchedForms,
    }),
  ),
  nodes: z.array(
    z.object({ node: NodeDto, score: z.number(), highlights: z.array(Range), matchedForms, ...nodeMatch }),
  ),
  total: z.number().int(),
  totalNodes: z.number().int(),
  tookMs: z.number(),
  /** The glossary variants searched besides the query ("also searched: …"); empty when none or `expand` is off. */
  alsoSearched: z.array(z.string()).optional(),
  expansions: z.array(QueryExpansion).optional(),
  /** The query's forms in the other script searched as well (Simplified ↔ Traditional); empty when off. */
  scriptForms: z.array(z.string()).optional(),
});
export type SearchResultDto = z.infer<typeof SearchResultDto>;

export const SearchFilters = z.strictObject({
  /** File extensions without the dot, e.g. ['pdf', 'docx']. */
  types: z.array(z.string().min(1).max(10)).max(20).optional(),
  folderId: z.number().int().optional(),
  /** Only these library files (e.g. all matching pages of one document). */
  docIds: z.array(z.number().int()).max(1000).optional(),
  /** Modified on or after / before, as YYYY-MM-DD. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Include graph nodes (default true). */
  nodes: z.boolean().optional(),
});
export type SearchFilters = z.infer<typeof SearchFilters>;

export const SEARCH_CHANNELS = {
  /**
   * Where the workspace's search index stands: `building` while a worker builds it (`done` of `total` pages;
   * `search:query` and `search:nodes` then answer when it is ready), `ready`, or `idle` (built on the first query).
   */
  'search:status': {
    input: z.strictObject({}),
    output: z.object({
      state: z.enum(['ready', 'building', 'idle']),
      done: z.number().int(),
      total: z.number().int(),
    }),
  },
  'search:query': {
    input: z.strictObject({
      query: z.string().max(500),
      /** Documents to return (default 20). */
      limit: z.number().int().min(1).max(200).optional(),
      /** Graph nodes to return (default 10). */
      nodeLimit: z.number().int().min(1).max(1000).optional(),
      /** Best pages listed per document (default 3). */
      pagesPerDoc: z.number().int().min(1).max(1000).optional(),
      filters: SearchFilters.optional(),
      /** Also search the other names of glossary terms the query names (default true). */
      expand: z.boolean().optional(),
      /** Also search the query's Simplified / Traditional (Taiwan, Hong Kong) forms (default true). */
      convertScript: z.boolean().optional(),
    }),
    output: SearchResultDto,
  },
  /**
   * Graph nodes only, by label and aliases, with the same tokenizer and verification as `search:query` (the map's
   * search box): multi-term, mixed Chinese and Latin, full-width letters. `total` counts every match.
   */
  'search:nodes': {
    input: z.strictObject({
      query: z.string().max(500),
      limit: z.number().int().min(1).max(200).optional(),
      /** Only nodes of these kinds (all when absent). */
      kinds: z.array(NodeKind).max(20).optional(),
      /** Also search the other names of glossary terms the query names (default true). */
      expand: z.boolean().optional(),
      /** Also search the query's Simplified / Traditional (Taiwan, Hong Kong) forms (default true). */
      convertScript: z.boolean().optional(),
    }),
    output: z.object({
      nodes: z.array(
        z.object({
          node: NodeDto,
          score: z.number(),
          highlights: z.array(Range),
          matchedForms,
          ...nodeMatch,
        }),
      ),
      total: z.number().int(),
      alsoSearched: z.array(z.string()).optional(),
      expansions: z.array(QueryExpansion).optional(),
      scriptForms: z.array(z.string()).optional(),
    }),
  },
} as const satisfies ChannelMap;
