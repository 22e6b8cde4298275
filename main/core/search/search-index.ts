import { WellspringError } from '../util/errors';
import { ChunkSearch } from './chunk-search';
import { ChunkStore, type ChunkRecord } from './chunk-store';
import { prefixNodeHits } from './node-prefix';
import { searchNodes, type NodeRecord } from './node-search';
import { PostingIndex, sizeOf, type PostingSlots } from './posting-index';
import { findMatches, parseQuery, type QueryTerm } from './query-terms';
import type { ChunkEntry, NodeEntry, SearchOptions, SearchResult } from './search-types';
import type { SnapshotChunk, SnapshotData } from './snapshot-types';
import { TextCache } from './text-cache';
import { normalizeForSearch, tokenizeFolded } from './tokenize';

/** Chunk texts read per `getTexts` call at most (one SQL statement each). */
const TEXT_BATCH = 256;

/**
 * Full-text search over document chunks (pages) and graph nodes, for mixed Chinese/English text.
 *
 * Pipeline of {@link SearchIndex.search}:
 * 1. `parseQuery` splits the query into terms and derives each term's lookup tokens (`query-terms.ts`,
 *    `tokenize.ts`: CJK as overlapping bigrams, Latin words whole).
 * 2. Candidates: chunks posted under every lookup token — typed-array postings, intersected in `posting-index.ts` —
 *    in impact order, restricted to `filter.docIds`.
 * 3. Verification: a term the index cannot decide by itself (a CJK phrase of 3+ characters, `node.js`, a quoted
 *    phrase, one CJK character) must occur in the chunk's NFKC text as `query-terms.ts` defines. This removes the
 *    bigram false positives: a page with 知识 and 管理 apart does not match 知识管理. A one-token term (`软件`,
 *    `type`, `c++`) is decided by the index exactly. At most `verifyBudget` candidates are verified; past that the
 *    result says `exhaustive: false` and lists the best of those verified (impact order puts likely ones first).
 * 4. Ranking: BM25 per chunk, pages grouped by document (`ranking.ts`); snippets with highlights (`snippet.ts`).
 *
 * Steps 2–4 are those of a one-term query. A query of several terms matches documents (issue 11 §5,
 * `doc-search.ts`): every term somewhere in the document, each verified as above on its own pages; documents whose
 * terms share a page rank first, then those with the terms on adjacent pages, then the rest (`DocHit.together`).
 * `match: 'page'` asks for the former page-level AND.
 *
 * Measured figures at 100k chunks (latency, RSS, build and load times) are printed by `tests/bench/search-scale-bench.ts`.
 */

/** Options of {@link SearchIndex}. */
export interface SearchIndexOptions {
  /**
   * Keep each chunk's NFKC text in memory (default true): verification and snippets then need no `getText`, and
   * snapshots carry the text. Off saves about the size of the text (355 MB at 100k
   * pages) but every verification then calls `getText`.
   */
  keepText?: boolean;
  /** Text of a chunk when it is not kept: for verification and snippets when the search gives no `getText`. */
  getText?: (chunkId: number) => string | undefined;
  /**
   * Texts of many chunks at once when they are not kept (one SQL statement, e.g. `WHERE id IN (SELECT value FROM
   * json_each(?))`): chunk id → text, ids without text left out. Called with at most 256 ids. Preferred over
   * `getText` for the candidates of a query and the pages shown.
   */
  getTexts?: (chunkIds: readonly number[]) => Map<number, string>;
  /**
   * Bytes of recently read texts kept when text is not kept (default 24 MB; UTF-16 size; 0: none), least recently
   * used evicted first. Ignored when `keepText` is on.
   */
  textCacheBytes?: number;
  /** Candidate chunks verified against text per query, at most (default 3,000: about 3 ms). */
  verifyBudget?: number;
  /** Impact buckets of the chunk postings (default 8; see `posting-index.ts`). */
  resolution?: number;
}

/** The search engine; see the file comment. Not thread-safe; all methods are synchronous. */
export class SearchIndex {
  private readonly keepText: boolean;
  private readonly getText: ((chunkId: number) => string | undefined) | undefined;
  private readonly getTexts: ((chunkIds: readonly number[]) => Map<number, string>) | undefined;
  private readonly cache: TextCache;
  /** Texts read for the query being answered (NFKC), by chunk id; emptied when it returns. */
  private readonly batch = new Map<number, string>();
  /** Chunk texts read from `getText`/`getTexts` so far, and read calls made (for tests and the benchmark). */
  readonly textReads = { texts: 0, calls: 0 };
  private readonly verifyBudget: number;
  private readonly chunkPostings: PostingIndex;
  private readonly nodePostings = new PostingIndex({ resolution: 1 });
  private readonly store = new ChunkStore();
  private readonly chunkSearch = new ChunkSearch();
  /** Node records by internal id (never reused; holes after removal). */
  private nodes: Array<NodeRecord | undefined> = [];
  private readonly nodeIds = new Map<string, number>();

  constructor(options: SearchIndexOptions = {}) {
    this.keepText = options.keepText ?? true;
    this.getText = options.getText;
    this.getTexts = options.getTexts;
    this.cache = new TextCache(this.keepText ? 0 : Math.max(0, options.textCacheBytes ?? 24 * 2 ** 20));
    this.verifyBudget = Math.max(1, options.verifyBudget ?? 3000);
    this.chunkPostings = new PostingIndex({ resolution: options.resolution });
  }

  /** Live chunks, documents and nodes, and internal chunk ids used so far (removed ones included). */
  /** Ids of the graph nodes in the index. */
  indexedNodeIds(): string[] {
    return [...this.nodeIds.keys()];
  }

  /**
   * Whether node `n` is indexed with exactly these fields (kind, and label, aliases, description after NFKC): then
   * re-indexing it would change nothing (used after a snapshot load to re-index only the nodes that changed).
   */
  hasNode(n: NodeEntry): boolean {
    const iid = this.nodeIds.get(n.nodeId);
    const rec = iid === undefined ? undefined : this.nodes[iid];
    if (!rec) return false;
    return (
      rec.kind === n.kind &&
      rec.label === n.label.normalize('NFKC') &&
      rec.description === n.description.normalize('NFKC') &&
      rec.aliases.length === n.aliases.length &&
      rec.aliases.every((a, i) => a === n.aliases[i]!.normalize('NFKC'))
    );
  }

  get stats(): { chunks: number; documents: number; nodes: number; chunkIdsUsed: number } {
    const { size, documents, idsUsed } = this.store;
    return { chunks: size, documents, nodes: this.nodeIds.size, chunkIdsUsed: idsUsed };
  }

  /**
   * Indexes a chunk, replacing any chunk with the same `chunkId`. Throws `WellspringError` `invalid_input` when
   * `chunkId`, `docId` or `page` is not an integer. About 0.35–0.55 ms for a 2,000-character page.
   */
  addChunk(c: ChunkEntry): void {
    for (const key of ['chunkId', 'docId', 'page'] as const) {
      if (!Number.isSafeInteger(c[key]))
        throw new WellspringError('invalid_input', `${key} must be an integer`, [key]);
    }
    this.removeChunk(c.chunkId);
    this.cache.delete(c.chunkId);
    const text = c.text.normalize('NFKC');
    const tokens = tokenizeFolded(text.toLowerCase());
    const iid = this.store.idsUsed;
    const { chunkId, docId, page } = c;
    this.store.place(iid, { chunkId, docId, page, length: tokens.length, text: this.keepText ? text : null });
    this.chunkPostings.add(iid, tokens);
  }

  /** Removes one chunk; false when it was not indexed. O(1): its postings are dropped at the index's next freeze. */
  removeChunk(chunkId: number): boolean {
    this.cache.delete(chunkId);
    const removed = this.store.remove(chunkId);
    if (!removed) return false;
    this.chunkPostings.remove(removed.iid, removed.rec.length);
    return true;
  }

  /** Removes every chunk of `docId`; returns how many. */
  removeDocument(docId: number): number {
    const chunkIds = [...this.store.chunksOf(docId)].map((iid) => this.store.records[iid]!.chunkId);
    for (const id of chunkIds) this.removeChunk(id);
    return chunkIds.length;
  }

  /** Indexes a graph node (label, aliases, description), replacing any node with the same id. */
  addNode(n: NodeEntry): void {
    this.removeNode(n.nodeId);
    const rec: NodeRecord = {
      nodeId: n.nodeId,
      kind: n.kind,
      label: n.label.normalize('NFKC'),
      aliases: n.aliases.map((a) => a.normalize('NFKC')),
      description: n.description.normalize('NFKC'),
    };
    const iid = this.nodes.length;
    this.nodes.push(rec);
    this.nodeIds.set(n.nodeId, iid);
    this.nodePostings.add(iid, nodeTokens(rec));
  }

  /** Removes a graph node; false when it was not indexed. */
  removeNode(nodeId: string): boolean {
    const iid = this.nodeIds.get(nodeId);
    if (iid === undefined) return false;
    this.nodePostings.remove(iid, 0);
    this.nodes[iid] = undefined;
    this.nodeIds.delete(nodeId);
    return true;
  }

  /** Drops all chunks and nodes. */
  clear(): void {
    this.chunkPostings.clear();
    this.nodePostings.clear();
    this.store.clear();
    this.cache.clear();
    this.nodes = [];
    this.nodeIds.clear();
  }

  /**
   * Rebuilds the index from stored text: clears it, adds every chunk and node, and freezes the postings (compacts an
   * index that has seen many removals). Tokenizing dominates; the service runs it in a worker (`index-build.ts`) or
   * loads a snapshot (`snapshot.ts`) instead.
   */
  rebuild(chunks: Iterable<ChunkEntry>, nodes: Iterable<NodeEntry> = []): void {
    this.clear();
    for (const c of chunks) this.addChunk(c);
    for (const n of nodes) this.addNode(n);
    this.chunkPostings.freeze();
    this.nodePostings.freeze();
  }

  /**
   * Searches chunks and nodes for `query` (see the file comment, and `query-terms.ts` for the query language).
   * Never throws for any query string; an empty or symbol-only query gives an empty result.
   */
  search(query: string, options: SearchOptions = {}): SearchResult {
    const t0 = performance.now();
    const terms = parseQuery(query);
    const result: SearchResult = {
      docs: [],
      nodes: [],
      total: 0,
      totalChunks: 0,
      totalNodes: 0,
      exhaustive: true,
      candidates: 0,
      terms: terms.map((t) => t.text),
      tookMs: 0,
    };
    if (terms.length > 0) {
      const textOf = (rec: ChunkRecord) => this.textOf(rec, options);
      const prefetch = (iids: readonly number[]) => this.prefetch(iids, options);
      const ctx = {
        store: this.store,
        postings: this.chunkPostings,
        verifyBudget: this.verifyBudget,
        textOf,
        prefetch,
      };
      try {
        this.chunkSearch.run(ctx, terms, options, result);
      } finally {
        this.batch.clear();
      }
      const nodeLimit = options.nodeLimit ?? 10;
      if (nodeLimit > 0) {
        const { hits, total } = searchNodes(this.nodePostings, this.nodes, this.nodeIds.size, terms, {
          limit: nodeLimit,
          kinds: options.filter?.nodeKinds,
          snippetWidth: options.snippetWidth ?? 120,
        });
        result.nodes = hits;
        result.totalNodes = total;
      }
    }
    result.tookMs = Math.round((performance.now() - t0) * 100) / 100;
    return result;
  }

  /**
   * Searches graph nodes only (label, aliases, description) with the same query language, tokenizer and
   * verification as `search`, then, as you type, nodes whose label or alias has a word starting with the query's
   * last Latin term (node-prefix.ts), ranked after; `total` counts every matching node. Never throws.
   */
  searchNodes(
    query: string,
    limit: number,
    kinds?: readonly string[],
  ): { hits: SearchResult['nodes']; total: number } {
    const terms = parseQuery(query);
    if (terms.length === 0) return { hits: [], total: 0 };
    const kindSet = kinds?.length ? new Set(kinds) : undefined;
    const full = searchNodes(this.nodePostings, this.nodes, this.nodeIds.size, terms, {
      limit,
      kinds: kindSet,
      snippetWidth: 120,
    });
    if (full.hits.length >= limit) return full;
    // As you type: the last word may be unfinished (`vis` for "Visit record"); such hits rank after full ones.
    const more = prefixNodeHits(this.nodes, terms, {
      limit: limit - full.hits.length,
      kinds: kindSet,
      exclude: new Set(full.hits.map((h) => h.nodeId)),
      ceiling: full.hits.length ? Math.min(...full.hits.map((h) => h.score)) : 1,
    });
    return { hits: [...full.hits, ...more.hits], total: full.total + more.total };
  }

  /**
   * Chunks that contain one parsed query term (verified against the NFKC text as in `search`), for callers that
   * rank pages themselves (the evidence finder). Candidates come from the postings of the term's rarest lookup token
   * alone, in impact order, instead of the intersection of all its tokens: a phrase like 客户拜访记录 then costs the
   * rarest bigram's postings plus the verification, not the sum of every bigram's postings. At most `budget`
   * candidates are verified (`exhaustive: false` past that). `n` and `avgLength` are the chunk count and mean length
   * in tokens, for BM25. A term without lookup tokens (one CJK character) gives no hits. Never throws.
   */
  termHits(
    term: QueryTerm,
    budget: number,
  ): {
    hits: Array<{ chunkId: number; docId: number; page: number; length: number; text: string }>;
    exhaustive: boolean;
    n: number;
    avgLength: number;
  } {
    const n = this.store.size;
    const out = {
      hits: [] as ReturnType<SearchIndex['termHits']>['hits'],
      exhaustive: true,
      n,
      avgLength: 0,
    };
    out.avgLength = n > 0 ? this.store.totalLength / n : 0;
    let rarest: PostingSlots | undefined;
    let rarestSize = Number.POSITIVE_INFINITY;
    for (const token of term.tokens) {
      const slots = this.chunkPostings.postings(token);
      const size = slots ? sizeOf(slots) : 0;
      if (size === 0) return out;
      if (size < rarestSize) [rarest, rarestSize] = [slots, size];
    }
    if (!rarest) return out;
    const picked: number[] = [];
    for (let bucket = rarest.length - 1; bucket >= 0 && out.exhaustive; bucket--) {
      for (const iid of rarest[bucket] ?? []) {
        if (!this.store.records[iid]) continue;
        if (picked.length >= budget) {
          out.exhaustive = false;
          break;
        }
        picked.push(iid);
      }
    }
    try {
      for (let at = 0; at < picked.length; at += TEXT_BATCH) {
        const slice = picked.slice(at, at + TEXT_BATCH);
        this.prefetch(slice, {});
        for (const iid of slice) {
          const rec = this.store.records[iid]!;
          const text = this.textOf(rec, {});
          if (text === undefined || (!term.exact && findMatches(term, text, 1).length === 0)) continue;
          out.hits.push({ chunkId: rec.chunkId, docId: rec.docId, page: rec.page, length: rec.length, text });
        }
        this.batch.clear();
      }
    } finally {
      this.batch.clear();
    }
    return out;
  }

  /**
   * NFKC text of a chunk: the search's `getText`, else the kept text, else what {@link prefetch} read for this query,
   * else the cache, else one read through the index's `getTexts` or `getText` (then cached).
   */
  private textOf(rec: ChunkRecord, options: SearchOptions): string | undefined {
    const fetched = options.getText?.(rec.chunkId);
    if (fetched !== undefined) return fetched.normalize('NFKC');
    if (rec.text !== null) return rec.text;
    const id = rec.chunkId;
    const known = this.batch.get(id) ?? this.cache.get(id);
    if (known !== undefined) return known;
    this.readTexts([id]);
    return this.batch.get(id);
  }

  /**
   * Reads the texts of the chunks `iids` (internal ids) that are neither kept, nor read for this query, nor cached,
   * in batches of {@link TEXT_BATCH} through `getTexts` (one statement each), into the query's batch and the
   * cache. Nothing to do when the search brings its own `getText` or the index keeps text.
   */
  private prefetch(iids: readonly number[], options: SearchOptions): void {
    if (options.getText || this.keepText) return;
    const missing: number[] = [];
    for (const iid of iids) {
      const rec = this.store.records[iid];
      if (!rec || rec.text !== null || this.batch.has(rec.chunkId)) continue;
      const cached = this.cache.get(rec.chunkId);
      if (cached !== undefined) this.batch.set(rec.chunkId, cached);
      else missing.push(rec.chunkId);
    }
    for (let at = 0; at < missing.length; at += TEXT_BATCH)
      this.readTexts(missing.slice(at, at + TEXT_BATCH));
  }

  /** Reads `chunkIds` (at most TEXT_BATCH) through `getTexts`, else `getText` one by one; NFKC into batch and cache. */
  private readTexts(chunkIds: readonly number[]): void {
    const put = (id: number, raw: string | undefined) => {
      if (raw === undefined) return;
      const text = raw.normalize('NFKC');
      this.batch.set(id, text);
      this.cache.set(id, text);
      this.textReads.texts++;
    };
    if (this.getTexts) {
      this.textReads.calls++;
      const got = this.getTexts(chunkIds);
      for (const id of chunkIds) put(id, got.get(id));
    } else if (this.getText) {
      for (const id of chunkIds) {
        this.textReads.calls++;
        put(id, this.getText(id));
      }
    }
  }

  /** Empties the text cache (a benchmark measuring cold reads; nothing else needs it). */
  dropTextCache(): void {
    this.cache.clear();
  }

  /** Bytes and entries of the text cache (UTF-16 size; see `text-cache.ts`). */
  get textCache(): { bytes: number; entries: number } {
    return { bytes: this.cache.bytes, entries: this.cache.size };
  }

  /**
   * The index's content for a snapshot (`snapshot.ts` encodes and writes it): freezes the postings and shares their
   * arrays and the texts with the index (no copies).
   */
  exportSnapshot(): SnapshotData {
    const chunks: SnapshotChunk[] = [];
    this.store.records.forEach((r, iid) => {
      if (r)
        chunks.push({
          iid,
          chunkId: r.chunkId,
          docId: r.docId,
          page: r.page,
          length: r.length,
          text: r.text,
        });
    });
    const nodes: SnapshotData['nodes'] = [];
    this.nodes.forEach((r, iid) => {
      if (r) nodes.push([iid, r]);
    });
    return {
      resolution: this.chunkPostings.resolution,
      keepText: this.keepText,
      chunkIdsUsed: this.store.idsUsed,
      nodeIdsUsed: this.nodes.length,
      chunks,
      nodes,
      chunkPostings: this.chunkPostings.export(),
      nodePostings: this.nodePostings.export(),
    };
  }

  /**
   * Replaces the content with a decoded snapshot (`decodeSnapshot`). Throws `WellspringError` `unsupported` when it
   * was made with other options (impact buckets, `keepText`): rebuild instead. Leaves the index empty on error.
   */
  importSnapshot(data: SnapshotData): void {
    this.clear();
    if (data.resolution !== this.chunkPostings.resolution || data.keepText !== this.keepText) {
      throw new WellspringError('unsupported', 'search snapshot made with other options; rebuild the index');
    }
    try {
      this.store.clear(data.chunkIdsUsed);
      for (const { iid, chunkId, docId, page, length, text } of data.chunks) {
        this.store.place(iid, { chunkId, docId, page, length, text: this.keepText ? text : null });
      }
      this.nodes = new Array<NodeRecord | undefined>(data.nodeIdsUsed);
      for (const [iid, rec] of data.nodes) {
        this.nodes[iid] = rec;
        this.nodeIds.set(rec.nodeId, iid);
      }
      this.chunkPostings.import(data.chunkPostings);
      this.nodePostings.import(data.nodePostings);
    } catch (e) {
      this.clear();
      throw new WellspringError('invalid_input', `malformed search snapshot: ${(e as Error).message}`);
    }
  }
}

/** Tokens of a node: label, aliases and description, one per line so that no bigram spans two fields. */
function nodeTokens(n: NodeRecord): string[] {
  return tokenizeFolded(normalizeForSearch([n.label, ...n.aliases, n.description].join('\n')));
}
