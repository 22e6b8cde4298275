import type { NodeDto, SearchFilters, SearchResultDto } from '../../../preload/contract';
import type { PageIndex } from '../documents/library-service';
import type { LibraryStore, PageRow } from '../documents/library-store';
import type { GraphStore } from '../graph/graph-store';
import fs from 'node:fs';
import { SearchIndex } from './search-index';
import { decodeSnapshot, loadSearchIndex, saveSearchIndex, writeSnapshotFile } from './snapshot';
import { buildIndexInWorker } from './index-build';
import type { NodeEntry, NodeHit } from './search-types';
import { buildGlossary, type Glossary } from '../glossary/glossary';
import {
  mergeHits,
  type ExpandedNodeHit,
  type ExpandedNodesResult,
  type ExpandedSearchResult,
} from './expanded-search';
import { blankSeparators } from './query-terms';
import { planSearch, prepareScriptConversion, type SearchPlan } from './script-variants';
import { PinyinNodeIndex, appendPinyinHits } from './pinyin-index';

/** Where the index of a workspace stands (`search:status`): `building` in a worker, `done` of `total` pages so far. */
export interface SearchIndexStatus {
  state: 'ready' | 'building' | 'idle';
  done: number;
  total: number;
}

function nodeEntry(n: NodeDto): NodeEntry {
  return { nodeId: n.id, kind: n.kind, label: n.label, aliases: n.aliases, description: n.description };
}

/**
 * Full-text search of one workspace: the library's stored page texts and the graph's nodes in one SearchIndex.
 *
 * Start-up: the index saved at the last close is loaded (`warm`) when the library has not changed since —
 * measured 7–12× faster than rebuilding (10k pages: 0.5 s against 3.6 s; 100k: 3.5 s against 42 s); otherwise
 * it is rebuilt from the text stored in SQLite, lazily on the first query, so a CLI command that does not search
 * costs nothing. A `library_generation` counter in the database tells whether a snapshot is current; the graph's
 * nodes are always refreshed after a load. Extraction results and graph edits update the index incrementally.
 *
 * Glossary expansion (issue 10 §3): `query` and `nodes` also search the other names of a glossary term the query
 * names (glossary.ts expandQuery), unless `expand: false`; see {@link SearchService.query}. The glossary is read from
 * the graph's `term` nodes when first needed and again after a change touched a term.
 *
 * Simplified ↔ Traditional (issue 11 §2): both also search the query's forms in the other script (script-variants.ts
 * planSearch), unless `convertScript: false`; the hits those forms found list them in `matchedForms`.
 *
 * Memory and the worker (issue 12 §3): the index keeps no page text (verification and snippets read it from SQLite,
 * `LibraryStore.chunkText`); {@link SearchService.ready} builds a missing index in a worker thread
 * (`index-build.ts`) from the database file, while {@link SearchService.status} reports its progress, and writes the
 * worker's snapshot beside the workspace. Pages extracted meanwhile are replayed into it. The synchronous callers
 * (CLI, evidence finder) still build on the calling thread when nothing awaited `ready`.
 *
 * Pinyin (issue 11 §1): a query of Latin letters only (`zsgl`, `zhishiguanli`) also finds nodes by the pinyin of
 * their names (pinyin-index.ts), after every text hit, in `query`'s nodes and in `nodes`; documents never.
 */
export class SearchService implements PageIndex {
  private index: SearchIndex | null = null;
  /** Everything about nodes is stale (after a snapshot load): all are refreshed on the next query. */
  private nodesStale = false;
  /** Nodes changed since the index last saw them: refreshed, or dropped when gone, on the next query. */
  private readonly changedNodes = new Set<string>();
  /** Node ids in the index, to drop deleted nodes on refresh. */
  private indexedNodeIds = new Set<string>();

  private dirty = false;

  /** The build running in a worker: its progress, and the page changes to replay into its result. */
  private building: {
    promise: Promise<void>;
    done: number;
    total: number;
    replay: Array<(index: SearchIndex) => void>;
  } | null = null;

  /** The glossary of the graph's terms, built on first use; null: build it again. */
  private glossaryCache: Glossary | null = null;
  /** Nodes changed since the glossary was built: it is rebuilt when one of them is, or was, a term. */
  private readonly glossaryChanged = new Set<string>();

  /** Node names read as pinyin (issue 11 §1), built on the first pinyin-looking query, then kept current. */
  private readonly pinyin = new PinyinNodeIndex({
    all: () => this.graph.getGraph().nodes,
    find: (id) => this.graph.findNode(id),
  });

  /** `snapshotFile`: where the index is saved on close and loaded at start (none: always rebuild). */
  constructor(
    private readonly library: LibraryStore,
    private readonly graph: GraphStore,
    private readonly snapshotFile?: string,
  ) {}

  /**
   * Loads the saved index if it matches the library's current generation; otherwise leaves the rebuild to the
   * first query. Never rejects: a missing, stale or damaged snapshot just means a rebuild.
   */
  warm(): Promise<boolean> {
    if (!this.warming) {
      this.warming = this.load();
      // The Simplified ↔ Traditional converters take ~0.3 s to build: done before the first query, not in it.
      setTimeout(prepareScriptConversion, 1000).unref();
      // The pinyin of the node names (~0.3 s at 10k nodes) is read in slices in the background too.
      this.pinyin.warmUp();
    }
    return this.warming;
  }

  /** The load started by `warm()`: resolves true when the saved index was taken. */
  warming: Promise<boolean> | null = null;

  private async load(): Promise<boolean> {
    if (this.index || !this.snapshotFile || !fs.existsSync(this.snapshotFile)) return false;
    const generation = this.library.generation();
    const index = this.newIndex();
    try {
      await loadSearchIndex(index, this.snapshotFile, {
        accept: (meta) => (meta as { generation?: number } | null)?.generation === generation,
      });
    } catch {
      return false;
    }
    // A query may have rebuilt the index meanwhile, or the library may have changed: keep what is current. The
    // workspace may also have been closed while the snapshot was read (a short CLI command): then nothing is kept.
    let current: number;
    try {
      current = this.library.generation();
    } catch {
      return false;
    }
    if (this.index || current !== generation) return false;
    this.index = index;
    this.nodesStale = true;
    this.indexedNodeIds = new Set(index.indexedNodeIds());
    return true;
  }

  /** Saves the index for the next start, when it was built or changed since it was loaded. */
  async save(): Promise<void> {
    if (!this.index || !this.dirty || !this.snapshotFile) return;
    const generation = this.library.generation();
    await saveSearchIndex(this.index, this.snapshotFile, { generation });
    this.dirty = false;
  }

  /**
   * An empty index as this service uses it: no kept text; verification and snippets read SQLite, many pages per
   * statement, with the last 24 MB of texts read cached.
   */
  private newIndex(): SearchIndex {
    return new SearchIndex({
      keepText: false,
      getText: (id) => this.library.chunkText(id),
      getTexts: (ids) => this.library.chunkTexts(ids),
    });
  }

  /** Where the index stands; see {@link SearchIndexStatus}. */
  status(): SearchIndexStatus {
    if (this.index) return { state: 'ready', done: 0, total: 0 };
    if (this.building) return { state: 'building', done: this.building.done, total: this.building.total };
    return { state: 'idle', done: 0, total: 0 };
  }

  /**
   * Resolves once a query can be answered without building the index on the calling thread: the snapshot being
   * loaded (`warm`) is awaited; without an index one is built in a worker (one build, shared by every caller;
   * progress in {@link SearchService.status}). Never rejects: when the worker fails (or the library is in memory),
   * the next query builds on the calling thread as before.
   */
  async ready(): Promise<void> {
    if (this.warming) await this.warming.catch(() => false);
    if (this.index) return;
    const file = this.library.file;
    if (!file || file === ':memory:') return;
    this.building ??= this.buildInWorker(file);
    await this.building.promise;
  }

  private buildInWorker(dbFile: string): NonNullable<SearchService['building']> {
    const state: NonNullable<SearchService['building']> = {
      promise: Promise.resolve(),
      done: 0,
      total: 0,
      replay: [],
    };
    state.promise = buildIndexInWorker(
      {
        dbFile,
        pagesSql: 'SELECT id, doc_id, page, text FROM document_pages ORDER BY id',
        countSql: 'SELECT COUNT(*) FROM document_pages',
        generationSql: "SELECT value FROM meta WHERE key = 'library_generation'",
      },
      {
        onProgress: (done, total) => {
          state.done = done;
          state.total = total;
        },
      },
    )
      .then(async (built) => {
        if (this.index || this.building !== state) return; // built on the calling thread meanwhile
        const index = this.newIndex();
        index.importSnapshot(decodeSnapshot(built.bytes));
        for (const apply of state.replay) apply(index);
        this.index = index;
        this.nodesStale = true;
        this.indexedNodeIds = new Set();
        this.changedNodes.clear();
        this.dirty = true;
        // The worker's bytes are the snapshot (without nodes, which are refreshed after every load anyway).
        if (
          this.snapshotFile &&
          state.replay.length === 0 &&
          built.generation === this.library.generation()
        ) {
          await writeSnapshotFile(this.snapshotFile, built.bytes).catch(() => undefined);
          this.dirty = false;
        }
      })
      .catch(() => undefined)
      .finally(() => {
        if (this.building === state) this.building = null;
      });
    return state;
  }

  /** Drops the index; the next query builds it again from SQLite. */
  rebuild(): void {
    this.index = null;
    this.glossaryCache = null;
  }

  /**
   * Marks nodes out of date (the ids of a graph change event); on the next query each is re-indexed, or removed
   * when it no longer exists — O(changed nodes), not O(graph).
   */
  nodesChanged(ids: readonly string[]): void {
    for (const id of ids) this.changedNodes.add(id);
    this.pinyin.changed(ids);
    if (this.glossaryCache) for (const id of ids) this.glossaryChanged.add(id);
  }

  /**
   * The glossary of the workspace's `term` nodes (glossary.ts buildGlossary), as expansion uses it; the same
   * object until a change touches a term, so callers may cache per glossary (findTermMentions does).
   */
  glossary(): Glossary {
    if (this.glossaryCache && this.glossaryChanged.size) {
      const cache = this.glossaryCache;
      for (const id of this.glossaryChanged) {
        if (cache.byId.has(id) || this.graph.findNode(id)?.kind === 'term') {
          this.glossaryCache = null;
          break;
        }
      }
    }
    this.glossaryChanged.clear();
    this.glossaryCache ??= buildGlossary(this.graph.getGraph({ kinds: ['term'] }));
    return this.glossaryCache;
  }

  addPages(pages: readonly PageRow[]): void {
    if (!this.index) {
      this.building?.replay.push((index) => {
        for (const p of pages) index.addChunk({ chunkId: p.id, docId: p.doc_id, page: p.page, text: p.text });
      });
      return;
    }
    this.dirty = true;
    for (const p of pages)
      this.index.addChunk({ chunkId: p.id, docId: p.doc_id, page: p.page, text: p.text });
  }

  removeChunks(chunkIds: readonly number[]): void {
    if (!this.index) {
      this.building?.replay.push((index) => {
        for (const id of chunkIds) index.removeChunk(id);
      });
      return;
    }
    this.dirty = true;
    for (const id of chunkIds) this.index.removeChunk(id);
  }

  /**
   * The index itself, built or refreshed as a query would, for callers that query it directly (the evidence finder).
   * Building it from SQLite blocks for ~0.4 ms per page the first time (see SearchIndex.rebuild).
   */
  searchIndex(): SearchIndex {
    return this.ensureIndex();
  }

  private ensureIndex(): SearchIndex {
    if (!this.index) {
      const index = this.newIndex();
      const library = this.library;
      const nodes = this.graph.getGraph().nodes;
      index.rebuild(
        (function* () {
          for (const p of library.allPages())
            yield { chunkId: p.id, docId: p.doc_id, page: p.page, text: p.text };
        })(),
        nodes.map(nodeEntry),
      );
      this.index = index;
      this.indexedNodeIds = new Set(nodes.map((n) => n.id));
      this.nodesStale = false;
      this.changedNodes.clear();
      this.dirty = true;
    } else if (this.nodesStale) {
      const nodes = this.graph.getGraph().nodes;
      const live = new Set(nodes.map((n) => n.id));
      for (const id of this.index.indexedNodeIds()) if (!live.has(id)) this.index.removeNode(id);
      // Only the nodes that differ from the snapshot's are tokenized again (O(changed), plus a comparison each).
      for (const n of nodes) {
        const entry = nodeEntry(n);
        if (!this.index.hasNode(entry)) this.index.addNode(entry);
      }
      this.indexedNodeIds = live;
      this.nodesStale = false;
      this.changedNodes.clear();
    } else if (this.changedNodes.size) {
      for (const id of this.changedNodes) {
        const node = this.graph.findNode(id);
        if (this.indexedNodeIds.has(id)) this.index.removeNode(id);
        if (node) {
          this.index.addNode(nodeEntry(node));
          this.indexedNodeIds.add(id);
        } else this.indexedNodeIds.delete(id);
      }
      this.changedNodes.clear();
      this.dirty = true;
    }
    return this.index;
  }

  /**
   * Searches documents and nodes. Filters (file type, folder, modification date, document ids) restrict the
   * documents; `filters.nodes === false` leaves nodes out. Results are grouped by document, best first, with their
   * best pages (at most `pagesPerDoc`, default 3) and highlighted snippets; at most `limit` documents (default
   * 20) and `nodeLimit` nodes (default 10). `total` counts matching documents, `totalNodes` matching nodes.
   *
   * With `expand` (default true) a query that names a glossary term also runs as each of its alternatives (the
   * term's other names as phrases, glossary.ts expandQuery), with the same options: documents by how close their
   * terms lie (one page, adjacent pages, apart), and within that the original query's hits first, in its order, then
   * hits only the alternatives found, best first (nodes: original first), up to the limits (expanded-search.ts
   * mergeHits); each hit lists the
   * forms that found it (`matchedForms`), and `alsoSearched` the names added. `expand: false`, or a query naming
   * no term, gives exactly the original query's results (with `matchedForms: [query]` and empty lists added).
   * `tookMs` covers every search run.
   *
   * With `convertScript` (default true) the query's Simplified / Taiwan / Hong Kong forms (and those of the glossary
   * names) run too, merged the same way, listed in `scriptForms`; see script-variants.ts planSearch for the order and
   * the bound on the number of searches. `convertScript: false` and `expand: false` together give exactly the
   * original query's results.
   */
  query(
    query: string,
    options: {
      limit?: number;
      nodeLimit?: number;
      pagesPerDoc?: number;
      filters?: SearchFilters;
      expand?: boolean;
      convertScript?: boolean;
    } = {},
  ): ExpandedSearchResult {
    const t0 = performance.now();
    const docIds = this.filteredDocIds(options.filters ?? {});
    const base = this.runQuery(query, options, docIds);
    const expanded = this.planOf(query, options);
    const alternatives = expanded.alternatives.map((a) => ({
      forms: a.forms,
      result: this.runQuery(a.query, options, docIds),
    }));
    const forms = [query.trim()];
    const docs = mergeHits(
      { forms, hits: base.docs },
      alternatives.map((a) => ({ forms: a.forms, hits: a.result.docs })),
      (d) => d.doc.id,
      options.limit ?? 20,
    );
    const nodeLimit = options.filters?.nodes === false ? 0 : (options.nodeLimit ?? 10);
    const merged = mergeHits(
      { forms, hits: base.nodes },
      alternatives.map((a) => ({ forms: a.forms, hits: a.result.nodes })),
      (n) => n.node.id,
      nodeLimit,
    );
    const byPinyin = nodeLimit ? this.withPinyin(query, merged.hits, nodeLimit) : { hits: [], extra: 0 };
    const nodes = { hits: byPinyin.hits, extra: merged.extra + byPinyin.extra };
    const most = (pick: (r: SearchResultDto) => number, extra: number) =>
      Math.max(pick(base) + extra, ...alternatives.map((a) => pick(a.result)));
    return {
      ...base,
      docs: docs.hits,
      nodes: nodes.hits,
      total: most((r) => r.total, docs.extra),
      totalNodes: most((r) => r.totalNodes, nodes.extra),
      tookMs: alternatives.length ? Math.round((performance.now() - t0) * 100) / 100 : base.tookMs,
      alsoSearched: expanded.alsoSearched,
      expansions: expanded.expansions,
      scriptForms: expanded.scriptForms,
    };
  }

  /** The searches `query` runs besides itself: glossary expansion unless `expand` is false, script conversion unless `convertScript` is. */
  private planOf(query: string, options: { expand?: boolean; convertScript?: boolean }): SearchPlan {
    // Glossary expansion cuts at whitespace: punctuation that separates terms (打包、上传) is blanked for it first.
    return planSearch(blankSeparators(query), {
      glossary: options.expand === false ? null : this.glossary(),
      convertScript: options.convertScript !== false,
    });
  }

  /**
   * One search as the contract has always answered it (the body of `query` before glossary expansion), within
   * `docIds` (the filters' documents, see filteredDocIds; undefined: all).
   */
  private runQuery(
    query: string,
    options: { limit?: number; nodeLimit?: number; pagesPerDoc?: number; filters?: SearchFilters },
    docIds: Set<number> | undefined,
  ): SearchResultDto {
    const index = this.ensureIndex();
    const f = options.filters ?? {};
    const r = index.search(query, {
      limit: options.limit ?? 20,
      nodeLimit: f.nodes === false ? 0 : (options.nodeLimit ?? 10),
      pagesPerDoc: options.pagesPerDoc ?? 3,
      filter: docIds ? { docIds } : undefined,
    });
    const docs: SearchResultDto['docs'] = [];
    for (const d of r.docs) {
      let doc;
      try {
        doc = this.library.document(d.docId);
      } catch {
        continue; // removed since it was indexed
      }
      docs.push({
        doc,
        score: d.score,
        matchingPages: d.matchingPages,
        ...(d.together ? { together: d.together } : {}),
        pages: d.pages.map((p) => ({
          page: p.page,
          score: p.score,
          snippets: p.snippets.map((s) => ({ text: s.text, highlights: s.highlights })),
        })),
      });
    }
    const nodes = this.nodeResults(r.nodes);
    return { query, docs, nodes, total: r.total, totalNodes: r.totalNodes, tookMs: r.tookMs };
  }

  /**
   * Graph nodes matching `query` (the map's search box): same tokenizer and verification as `query`, best first,
   * at most `limit` (default 20), only of `kinds` when given; `total` counts every match. Highlights are offsets
   * into the node's label. Glossary expansion as in {@link SearchService.query} (`options.expand`, default true):
   * the original query's nodes first, then those only the term's other names found; `total` then counts the
   * original's matches plus those others (a lower bound of the union). Script conversion as in `query`
   * (`options.convertScript`, default true).
   */
  nodes(
    query: string,
    limit = 20,
    kinds?: readonly string[],
    options: { expand?: boolean; convertScript?: boolean } = {},
  ): ExpandedNodesResult {
    const index = this.ensureIndex();
    const run = (q: string) => {
      const { hits, total } = index.searchNodes(q, limit, kinds);
      return { nodes: this.nodeResults(hits), total };
    };
    const base = run(query);
    const expanded = this.planOf(query, options);
    const alternatives = expanded.alternatives.map((a) => ({ forms: a.forms, result: run(a.query) }));
    const merged = mergeHits(
      { forms: [query.trim()], hits: base.nodes },
      alternatives.map((a) => ({ forms: a.forms, hits: a.result.nodes })),
      (n) => n.node.id,
      limit,
    );
    const byPinyin = this.withPinyin(query, merged.hits, limit, kinds);
    return {
      nodes: byPinyin.hits,
      total: Math.max(base.total + merged.extra, ...alternatives.map((a) => a.result.total)) + byPinyin.extra,
      alsoSearched: expanded.alsoSearched,
      expansions: expanded.expansions,
      scriptForms: expanded.scriptForms,
    };
  }

  /**
   * `hits` followed by the nodes `query` finds only as pinyin (pinyin-index.ts appendPinyinHits: ranked below every
   * text hit, with `matchedBy: 'pinyin'` and why), up to `limit`; `extra` counts those nodes.
   */
  private withPinyin(query: string, hits: ExpandedNodeHit[], limit: number, kinds?: readonly string[]) {
    return appendPinyinHits(this.pinyin, query, hits, limit, kinds, (id) => this.graph.findNode(id));
  }

  /** Index hits → wire results with the current node; nodes deleted since they were indexed are left out. */
  private nodeResults(hits: ReadonlyArray<NodeHit>): SearchResultDto['nodes'] {
    const nodes: SearchResultDto['nodes'] = [];
    for (const n of hits) {
      const node = this.graph.findNode(n.nodeId);
      // Highlights are offsets in the NFKC label; they fit the stored label when NFKC leaves it unchanged.
      if (node) nodes.push({ node, score: n.score, highlights: node.label === n.label ? n.highlights : [] });
    }
    return nodes;
  }

  private filteredDocIds(f: SearchFilters): Set<number> | undefined {
    if (!f.types?.length && f.folderId === undefined && !f.from && !f.to)
      return f.docIds ? new Set(f.docIds) : undefined;
    const only = f.docIds ? new Set(f.docIds) : null;
    const from = f.from ? Date.parse(`${f.from}T00:00:00`) : -Infinity;
    const to = f.to ? Date.parse(`${f.to}T23:59:59.999`) : Infinity;
    const types = f.types?.length ? new Set(f.types.map((t) => t.toLowerCase())) : null;
    const ids = new Set<number>();
    for (const d of this.library.documents({ folderId: f.folderId, limit: 1_000_000 }).docs) {
      if (only && !only.has(d.id)) continue;
      if (types && !types.has(d.ext)) continue;
      if (d.mtimeMs < from || d.mtimeMs > to) continue;
      ids.add(d.id);
    }
    return ids;
  }
}
