import type Database from 'better-sqlite3';
import type { EdgeDto, EvidenceProgress, EvidenceProposal } from '../../../preload/contract';
import type { LibraryStore } from '../documents/library-store';
import type { GraphStore } from '../graph/graph-store';
import type { SearchService } from '../search/search-service';
import type { EventSink } from '../workspace/event-sink';
import { nowIso } from '../util/clock';
import { WellspringError } from '../util/errors';
import { findEvidence, type FoundEvidence } from './evidence-finder';
import { EvidenceStore, rejectionKey, type ProposalRow } from './evidence-store';

/** What EvidenceService works with. */
export interface EvidenceServiceDeps {
  db: Database.Database;
  store: GraphStore;
  library: LibraryStore;
  search: SearchService;
  emit: EventSink;
  /** Minimum ms between two progress events (default 100). */
  progressIntervalMs?: number;
  /** Work per slice before yielding to the event loop, ms (default 8). */
  sliceMs?: number;
}

/** A proposal's key: the item and the library page. */
export interface EvidenceKey {
  knowledgeId: string;
  docId: number;
  page: number;
}

/** Default number of proposals `proposals(id)` returns (the finder keeps at most 5 per item). */
const DEFAULT_LIMIT = 5;

/**
 * The evidence finder of one workspace (issue 7): which library pages most likely document each knowledge item
 * (ranking in `evidence-finder.ts`), stored per run (`evidence-store.ts`, migration 0005), accepted as a
 * `documented_by` link or rejected for good.
 *
 * Runs: after every indexing run and at open when the library changed since the last run (`refreshIfStale`), or on
 * request (`run`). A run reads the items and exclusions once, then ranks items in slices of about `sliceMs`,
 * yielding with `setImmediate` between slices so the main process keeps answering, and reports
 * `evidence:did-progress` (throttled, plus at start and end). Its proposals replace the stored ones in one
 * transaction at the end; a run asked for while one is going on follows it; `close` stops a run at the next slice
 * and nothing of it is stored.
 *
 * Reads (`proposals`, `candidateCounts`, `progress`) return the stored proposals minus rejected pages and minus
 * documents the item has linked since the run (cached, refreshed on every graph change and rejection).
 */
export class EvidenceService {
  private readonly evidence: EvidenceStore;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private done = 0;
  private total = 0;
  private lastEmit = 0;
  private cache: ProposalRow[] | null = null;
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: EvidenceServiceDeps) {
    this.evidence = new EvidenceStore(deps.db);
    this.unsubscribe = deps.store.onDidChange(() => {
      this.cache = null;
    });
  }

  /** Proposal counts per knowledge item id (items without any are left out), after the filters of `proposals`. */
  candidateCounts(): ReadonlyMap<string, number> {
    const counts = new Map<string, number>();
    for (const p of this.current()) counts.set(p.knowledge_id, (counts.get(p.knowledge_id) ?? 0) + 1);
    return counts;
  }

  /**
   * Proposals of one item (best first, at most `limit`, default 5), or of every item (grouped by item id, best first
   * within each; `limit` then applies per item). An unknown id gives `[]`.
   */
  proposals(knowledgeId?: string, limit = DEFAULT_LIMIT): EvidenceProposal[] {
    const rows = this.current().filter((p) => knowledgeId === undefined || p.knowledge_id === knowledgeId);
    const perItem = new Map<string, number>();
    const out: EvidenceProposal[] = [];
    for (const r of rows) {
      const n = perItem.get(r.knowledge_id) ?? 0;
      if (n >= limit) continue;
      perItem.set(r.knowledge_id, n + 1);
      out.push(toDto(r, this.deps.store.documentNodeByPath(r.doc_path)?.label));
    }
    return out;
  }

  /** Proposal counts per item as a plain object (the `evidence:counts` channel). */
  counts(): Record<string, number> {
    return Object.fromEntries(this.candidateCounts());
  }

  /**
   * Accepts a proposal: links the item to the document at the page with GraphStore.linkDocument (one undoable edit,
   * the document node created on first use). Returns the `documented_by` edge.
   * @throws WellspringError `not_found` (`evidence:errors.proposalGone`) when no such proposal is current — rejected,
   *   already linked, or never proposed — or (`evidence:errors.documentGone`) when the file left the library;
   *   nothing is written then.
   */
  accept(key: EvidenceKey): EdgeDto {
    const row = this.current().find(
      (p) => p.knowledge_id === key.knowledgeId && p.doc_id === key.docId && p.page === key.page,
    );
    if (!row)
      throw new WellspringError(
        'not_found',
        `No current evidence proposal of page ${key.page} of file ${key.docId} for ${key.knowledgeId}.`,
        ['docId'],
        { key: 'evidence:errors.proposalGone', params: { page: key.page } },
      );
    const doc = this.documentOf(key.docId);
    const edge = this.deps.store.linkDocument(key.knowledgeId, doc, key.page);
    this.cache = null;
    return edge;
  }

  /**
   * Rejects a page as evidence of an item: remembered by the file's path, so it is never proposed again (also
   * after the folder is removed and added back). Idempotent.
   * @throws WellspringError `not_found` when the item is not a knowledge item (`evidence:errors.itemMissing`) or the
   *   file is not in the library (`evidence:errors.documentGone`)
   */
  reject(key: EvidenceKey): void {
    const item = this.deps.store.findNode(key.knowledgeId);
    if (!item || item.kind !== 'knowledge')
      throw new WellspringError(
        'not_found',
        `No knowledge item with id ${key.knowledgeId}.`,
        ['knowledgeId'],
        {
          key: 'evidence:errors.itemMissing',
          params: { id: key.knowledgeId },
        },
      );
    const doc = this.documentOf(key.docId);
    this.evidence.reject(key.knowledgeId, doc.path, key.page);
    this.cache = null;
    this.report(true);
  }

  /** The run under way, or the last one; `proposals` and `items` count the current proposals. */
  progress(): EvidenceProgress {
    const list = this.current();
    return {
      running: this.running !== null,
      done: this.done,
      total: this.total,
      proposals: list.length,
      items: new Set(list.map((p) => p.knowledge_id)).size,
      finishedAt: this.evidence.lastRun().finishedAt,
    };
  }

  /** Starts a run now, or another one right after the run under way. Returns the progress at once. */
  run(): EvidenceProgress {
    if (this.closed) return this.progress();
    if (this.running) {
      this.again = true;
      return this.progress();
    }
    this.running = this.loop().finally(() => {
      this.running = null;
      if (!this.closed) this.report(true);
    });
    return this.progress();
  }

  /**
   * Starts a run when the library changed since the last complete run, or when there never was one and the library
   * has had pages (a new, empty workspace does not run).
   */
  refreshIfStale(): void {
    const last = this.evidence.lastRun().generation;
    const now = this.deps.library.generation();
    if (last !== now && !(last === null && now === 0)) this.run();
  }

  /** Resolves when no run is under way (the CLI starts a run and waits for it). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops a run under way (nothing of it is stored) and stops listening to the graph. */
  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe();
    await this.running;
  }

  private async loop(): Promise<void> {
    // A saved search index may be loading: wait for it rather than rebuild the index from SQLite meanwhile.
    await this.deps.search.warming;
    do {
      this.again = false;
      await this.runOnce();
    } while (this.again && !this.closed);
  }

  private async runOnce(): Promise<void> {
    if (this.closed) return;
    const generation = this.deps.library.generation();
    const items = this.evidence.items();
    const paths = this.evidence.docPaths();
    const linked = this.evidence.linkedPaths();
    const rejected = this.evidence.rejections();
    this.done = 0;
    this.total = items.length;
    this.report(true);
    await yieldTurn();
    if (this.closed) return;
    const index = this.deps.search.searchIndex();
    const exclusions = {
      linked: (id: string, docId: number) => {
        const p = paths.get(docId);
        return p !== undefined && (linked.get(id)?.has(p) ?? false);
      },
      rejected: (id: string, docId: number, page: number) => {
        const p = paths.get(docId);
        return p !== undefined && rejected.has(rejectionKey(id, p, page));
      },
    };
    const found: FoundEvidence[] = [];
    const sliceMs = this.deps.sliceMs ?? 8;
    for (let i = 0; i < items.length;) {
      const t0 = performance.now();
      do {
        for (const f of findEvidence(items[i]!, index, exclusions)) found.push(f);
        i++;
      } while (i < items.length && performance.now() - t0 < sliceMs);
      this.done = i;
      this.report();
      if (i < items.length) {
        await yieldTurn();
        if (this.closed) return;
      }
    }
    this.evidence.replace(found, { generation, finishedAt: nowIso() });
    this.cache = null;
  }

  /** The stored proposals minus rejected pages and documents linked since the run (cached). */
  private current(): ProposalRow[] {
    if (this.cache) return this.cache;
    const linked = this.evidence.linkedPaths();
    this.cache = this.evidence
      .proposals()
      .filter((p) => !(linked.get(p.knowledge_id)?.has(p.doc_path) ?? false));
    return this.cache;
  }

  private documentOf(docId: number) {
    try {
      return this.deps.library.document(docId);
    } catch {
      throw new WellspringError('not_found', `File ${docId} is no longer in the library.`, ['docId'], {
        key: 'evidence:errors.documentGone',
        params: { id: docId },
      });
    }
  }

  private report(force = false): void {
    const now = Date.now();
    if (!force && now - this.lastEmit < (this.deps.progressIntervalMs ?? 100)) return;
    this.lastEmit = now;
    this.deps.emit('evidence:did-progress', this.progress());
  }
}

/** A stored proposal as it crosses the boundary; `docName` is the document node's label when the graph has one. */
function toDto(r: ProposalRow, documentLabel?: string): EvidenceProposal {
  let snippet: EvidenceProposal['snippet'] = { text: '', highlights: [] };
  try {
    snippet = JSON.parse(r.snippet) as EvidenceProposal['snippet'];
  } catch {
    // A damaged row shows without its snippet rather than failing the list.
  }
  return {
    knowledgeId: r.knowledge_id,
    knowledgeLabel: r.knowledge_label,
    docId: r.doc_id,
    docName: documentLabel ?? r.doc_name,
    path: r.doc_path,
    page: r.page,
    score: r.score,
    matched: r.matched,
    snippet,
  };
}

/** Lets the event loop run (I/O, IPC, timers) before the next slice. */
function yieldTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
