import type { TermsTogether } from './ranking';
import type { Snippet } from './snippet';

export type { Snippet } from './snippet';

/** A piece of a document's extracted text, usually one page (a long page may give several chunks). */
export type ChunkEntry = {
  /** Stable id of the chunk (the database row id); unique across documents. */
  chunkId: number;
  /** The document it belongs to. */
  docId: number;
  /** 1-based page number (1 for formats without pages). */
  page: number;
  /** Extracted text, any normalisation (the index applies NFKC). */
  text: string;
};

/** A graph node as the search sees it. */
export type NodeEntry = {
  nodeId: string;
  kind: string;
  label: string;
  aliases: string[];
  /** Markdown description; searched as plain text. */
  description: string;
};

/** Options of `SearchIndex.search`. */
export interface SearchOptions {
  /** Documents to return (default 20). */
  limit?: number;
  /** Documents to skip, for paging (default 0). */
  offset?: number;
  /** Best pages listed per document (default 3). */
  pagesPerDoc?: number;
  /** Snippets per page (default 2). */
  snippetsPerPage?: number;
  /** Snippet width in UTF-16 units (default 120). */
  snippetWidth?: number;
  /** Graph nodes to return (default 10; 0 skips the node search). */
  nodeLimit?: number;
  /**
   * How a query of several terms matches (default `document`): `document` — every term somewhere in the document
   * (`doc-search.ts`); `page` — every term on one page, as before issue 11 §5 (kept for comparison in benchmarks).
   */
  match?: 'document' | 'page';
  filter?: {
    /** Only chunks of these documents. */
    docIds?: ReadonlySet<number>;
    /** Only nodes of these kinds. */
    nodeKinds?: ReadonlySet<string>;
  };
  /**
   * The chunk's current text, to verify against (e.g. from SQLite); `undefined` falls back to the text kept in the
   * index, and a chunk with neither is skipped. When given, it is called for every candidate verified (up to the
   * budget) and for every page shown, even if the index keeps text: leave it out when the kept text will do.
   */
  getText?: (chunkId: number) => string | undefined;
}

/** A matching page (chunk) of a document. */
export interface PageHit {
  page: number;
  chunkId: number;
  /** BM25 score of the chunk (see `search-index.ts`). */
  score: number;
  /** Windows of the chunk's NFKC text around the matches; highlights are in snippet coordinates. */
  snippets: Snippet[];
}

/** A matching document with its best pages, best first. */
export interface DocHit {
  docId: number;
  /** Best page score plus a capped bonus for other matching pages (see `ranking.ts`). */
  score: number;
  /**
   * Number of matching chunks found in this document (among those verified). For a query of several terms
   * (document-level matching, `doc-search.ts`): the chunks holding every term when there are any (`together` is
   * `page`), else the chunks holding at least one of the terms.
   */
  matchingPages: number;
  /**
   * Queries of several terms only: how close the terms lie in this document — `page` (one page holds them all),
   * `near` (two adjacent pages do), `apart` (further apart). Documents are ranked by it first (`ranking.ts`).
   */
  together?: TermsTogether;
  pages: PageHit[];
}

/** A matching graph node. */
export interface NodeHit {
  nodeId: string;
  kind: string;
  score: number;
  /** The label, NFKC-normalised. */
  label: string;
  /** Matches in `label`, `[start, end)` UTF-16 units. */
  highlights: Array<[number, number]>;
  /** Fields that matched. */
  matchedIn: Array<'label' | 'alias' | 'description'>;
  /** Where the query matched outside the label: a window of the matching alias or description. */
  snippet?: Snippet;
}

/** What `SearchIndex.search` returns. */
export interface SearchResult {
  /** Documents, best first, after `offset`, at most `limit`. */
  docs: DocHit[];
  /** Graph nodes, best first, at most `nodeLimit`. */
  nodes: NodeHit[];
  /** Matching documents (exact when `exhaustive`, else a lower bound). */
  total: number;
  /** Matching chunks (same caveat); for several terms, the sum of the documents' `matchingPages`. */
  totalChunks: number;
  /** Matching nodes. */
  totalNodes: number;
  /**
   * False when the query had more candidate chunks than the verification budget: the most promising ones
   * (impact order) were verified and ranked, the rest were not looked at.
   */
  exhaustive: boolean;
  /**
   * Chunks the index proposed (before verification, after the document filter). For a query of several terms
   * matched at document level: the chunks each term's lookup proposed, summed over the terms.
   */
  candidates: number;
  /** The folded query terms that were searched (terms without letters or digits are dropped). */
  terms: string[];
  /** Wall time of the search, milliseconds. */
  tookMs: number;
}
