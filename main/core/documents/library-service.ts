import fs from 'node:fs';
import path from 'node:path';
import type { DocumentDto, LibraryFolderDto, LibraryProgress } from '../../../preload/contract';
import { WellspringError } from '../util/errors';
import type { EventSink } from '../workspace/event-sink';
import { ExtractProcessPool, type ChildEntry, type ProcessExtractResult } from './extract-process-pool';
import { DEFAULT_MAX_BYTES } from './extract/types';
import { isHiddenName, scanFolder } from './folder-scan';
import type { LibraryStore, PageRow } from './library-store';

/** Where extracted pages go to become searchable; implemented by the search service. */
export interface PageIndex {
  addPages(pages: readonly PageRow[]): void;
  removeChunks(chunkIds: readonly number[]): void;
}

export interface LibraryServiceOptions {
  /** Extraction processes (default: one per core, at lower priority; extract-process-pool.ts). */
  threads?: number;
  /**
   * A file (or page range) whose extraction reports no page for this many seconds is killed and gets "failed:
   * timed out after N s" (default 60).
   */
  extractTimeoutS?: number;
  /** The extraction child entry (default: the built `extract-child.js`, else the source through tsx). */
  extractEntry?: ChildEntry;
  /**
   * Memory for all extraction processes together, MB (default none: each is replaced above 200 MB; 360 keeps the tree near 500 MB); each gets this ÷ `threads` as its heap limit and
   * the RSS at which it is replaced (ProcessPoolOptions.memoryBudgetMb).
   */
  extractMemoryMb?: number;
  /** Files over this many bytes are not read (default 200 MB). */
  maxBytes?: number;
  /** Watch the folders for changes while running (default true; the CLI turns it off). */
  watch?: boolean;
  /** Minimum ms between two progress events (default 100). */
  progressIntervalMs?: number;
}

const IDLE: LibraryProgress = {
  running: false,
  done: 0,
  total: 0,
  current: null,
  pages: 0,
  failed: 0,
  cancelled: false,
};

/**
 * The document library: folders are scanned, new and changed files are extracted in a pool of child processes
 * (extract-process-pool.ts: every core at lower priority, big PDFs in page ranges, a hung file killed), results are
 * stored page by page and handed to the search index. Long work runs in the background and reports
 * `library:did-progress`; it can be cancelled, and files still pending when the app stops are extracted on the
 * next start (`resume`). One bad file never stops the batch: it gets its status and reason.
 */
export class LibraryService {
  private readonly pool: ExtractProcessPool;
  private readonly maxBytes: number;
  private state: LibraryProgress = { ...IDLE };
  private abort: AbortController | null = null;
  private running: Promise<void> | null = null;
  private lastEmit = 0;
  private readonly watchers = new Map<number, fs.FSWatcher>();
  private readonly rescanTimers = new Map<number, NodeJS.Timeout>();

  constructor(
    private readonly store: LibraryStore,
    private readonly index: PageIndex,
    private readonly emit: EventSink,
    private readonly options: LibraryServiceOptions = {},
  ) {
    this.pool = new ExtractProcessPool({
      processes: options.threads,
      timeoutMs: options.extractTimeoutS === undefined ? undefined : options.extractTimeoutS * 1000,
      entry: options.extractEntry,
      memoryBudgetMb: options.extractMemoryMb,
    });
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  /** The current (or last) run's progress. */
  progress(): LibraryProgress {
    const p = { ...this.state };
    if (p.pageProgress) p.pageProgress = { ...p.pageProgress };
    return p;
  }

  folders(): LibraryFolderDto[] {
    return this.store.folders();
  }

  /**
   * Adds a folder (resolved to an absolute path), scans it and starts extracting in the background.
   * @throws WellspringError `not_found` when the path is not a readable folder
   */
  async addFolder(folder: string): Promise<LibraryFolderDto> {
    const abs = path.resolve(folder);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new WellspringError('not_found', `Folder not found: ${abs}`, ['path'], {
        key: 'library:errors.folderNotFound',
        params: { path: abs },
      });
    }
    if (!stat.isDirectory())
      throw new WellspringError('invalid_input', `${abs} is a file, not a folder.`, ['path'], {
        key: 'library:errors.notAFolder',
        params: { path: abs },
      });
    const f = this.store.addFolder(abs);
    await this.rescan(f.id);
    this.watch(f.id, abs);
    this.start();
    return this.store.folder(f.id);
  }

  /** Removes a folder and everything indexed from it. Cancels a run first, so no result lands afterwards. */
  async removeFolder(id: number): Promise<void> {
    await this.cancel();
    this.unwatch(id);
    const chunks = this.store.removeFolder(id);
    this.index.removeChunks(chunks);
    this.emit('library:did-change', { folderId: id });
  }

  /** Rescans one folder or all of them, then extracts what is new or changed (in the background). */
  async reindex(folderId?: number): Promise<LibraryProgress> {
    const ids =
      folderId === undefined ? this.store.folders().map((f) => f.id) : [this.store.folder(folderId).id];
    for (const id of ids) await this.rescan(id);
    this.start();
    return this.progress();
  }

  /**
   * Turns OCR on or off for a folder (stored with it) and extracts again, in the background, the files the change
   * affects (LibraryStore.setFolderOcr): on, files without text; off, files with OCR text and images (which then
   * lose their text and become "no text"). A run in progress goes on; the files join it or the next run.
   *
   * @throws not_found
   */
  setFolderOcr(id: number, ocr: boolean): LibraryFolderDto {
    const changed = this.store.setFolderOcr(id, ocr);
    if (changed.length > 0) {
      this.emit('library:did-change', { folderId: id });
      this.start();
    }
    return this.store.folder(id);
  }

  /** Extracts the files left pending by an earlier run (after a restart) and starts watching every folder. */
  resume(): void {
    if (this.options.watch !== false) for (const f of this.store.folders()) this.watch(f.id, f.path);
    if (this.store.pending().length > 0) this.start();
  }

  /** Stops the run; files not yet done stay pending for the next run. */
  async cancel(): Promise<LibraryProgress> {
    if (this.abort) {
      this.abort.abort();
      this.state.cancelled = true;
    }
    await this.running;
    return this.progress();
  }

  /** Resolves when no run is going on. */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * Tries an encrypted PDF again with a password (used once, never stored).
   * @throws not_found
   */
  async unlock(id: number, password: string): Promise<DocumentDto> {
    const doc = this.store.document(id);
    const ocr = this.store.folder(doc.folderId).ocr !== false;
    const result = await this.pool.run({ path: doc.path, password, maxBytes: this.maxBytes, ocr });
    this.storeResult(id, result);
    this.emit('library:did-change', { folderId: doc.folderId });
    return this.store.document(id);
  }

  /** Stops watching, cancels the run and ends the extraction processes. */
  async close(): Promise<void> {
    for (const id of [...this.watchers.keys()]) this.unwatch(id);
    await this.cancel();
    await this.pool.close();
  }

  private async rescan(folderId: number): Promise<void> {
    const folder = this.store.folder(folderId);
    let files;
    try {
      files = (await scanFolder(folder.path)).files;
    } catch {
      // The folder is gone or unreadable: keep what was indexed from it rather than dropping it all.
      return;
    }
    const r = this.store.applyScan(folderId, files);
    this.index.removeChunks(r.removedChunks);
    if (r.added || r.changed || r.removed) this.emit('library:did-change', { folderId });
  }

  private start(): void {
    if (this.running) return;
    const pending = this.store.pending();
    if (pending.length === 0) return;
    this.abort = new AbortController();
    this.state = { ...IDLE, running: true, total: pending.length };
    this.report(true);
    this.running = this.runQueue(this.abort.signal).finally(() => {
      this.state.running = false;
      this.state.current = null;
      delete this.state.pageProgress;
      this.abort = null;
      this.running = null;
      this.report(true);
      // Files that became pending during the run (a watcher rescan) get their own run.
      if (!this.state.cancelled && this.store.pending().length > 0) this.start();
    });
  }

  /** The extraction processes alive now (their pids), for tests and benchmarks that watch them. */
  extractionPids(): number[] {
    return this.pool.pids();
  }
  /** Extraction processes started so far (a diagnostic for benchmarks: more than `threads` means some were replaced). */
  extractionSpawned(): number {
    return this.pool.spawned;
  }

  private async runQueue(signal: AbortSignal): Promise<void> {
    // Biggest first: the big PDFs are split into page ranges that every process takes a share of, and the small
    // files fill the end of the run.
    const queue = this.store.pending().sort((a, b) => b.size - a.size);
    // One lane more than processes: while a lane waits for the last range of its file, another file is queued.
    const workers = Array.from({ length: Math.max(1, this.pool.threads) + 1 }, async () => {
      for (let doc = queue.shift(); doc && !signal.aborted; doc = queue.shift()) {
        this.state.current = doc.path;
        this.report();
        let result: ProcessExtractResult;
        const file = doc.path;
        // Page progress, shown for a file that takes long (OCR): only once a page took more than a moment.
        const started = Date.now();
        const onPage = (page: number, pages: number): void => {
          if (pages < 2 || Date.now() - started < 1000 || signal.aborted) return;
          this.state.pageProgress = { path: file, page, pages };
          this.report(page === pages);
        };
        try {
          let ocr = true;
          try {
            ocr = this.store.folder(doc.folderId).ocr !== false;
          } catch {
            // The folder was removed meanwhile: the result will not be stored anyway.
          }
          result = await this.pool.run({ path: file, maxBytes: this.maxBytes, ocr }, signal, onPage);
        } catch (e) {
          if (signal.aborted) return;
          result = {
            status: 'failed',
            pages: [],
            pageCount: 0,
            mime: 'application/octet-stream',
            error: `${doc.path}: ${(e as Error).message}`,
          };
        }
        if (this.state.pageProgress?.path === file) delete this.state.pageProgress;
        if (signal.aborted) return;
        try {
          this.storeResult(doc.id, result);
        } catch {
          // The file was removed from the library meanwhile (folder removed): nothing to store.
        }
        this.state.done++;
        this.state.pages += result.pages.length;
        if (result.status !== 'indexed') this.state.failed++;
        this.report();
      }
    });
    await Promise.all(workers);
    this.emit('library:did-change', { folderId: null });
  }

  private storeResult(id: number, result: ProcessExtractResult): void {
    const { removedChunks, pages } = this.store.storeResult(id, result);
    this.index.removeChunks(removedChunks);
    this.index.addPages(pages);
  }

  private report(force = false): void {
    const now = Date.now();
    if (!force && now - this.lastEmit < (this.options.progressIntervalMs ?? 100)) return;
    this.lastEmit = now;
    this.emit('library:did-progress', this.progress());
  }

  /**
   * Watches a folder (recursively) while the app runs; a change to any file not hidden and not in a hidden folder
   * (the library lists every file, unsupported ones too) triggers a rescan after 1 s.
   */
  private watch(folderId: number, folder: string): void {
    if (this.options.watch === false || this.watchers.has(folderId)) return;
    try {
      const w = fs.watch(folder, { recursive: true, persistent: false }, (_event, name) => {
        if (name && String(name).split(/[\\/]/).some(isHiddenName)) return;
        clearTimeout(this.rescanTimers.get(folderId));
        this.rescanTimers.set(
          folderId,
          setTimeout(() => void this.reindex(folderId).catch(() => undefined), 1000),
        );
      });
      w.on('error', () => this.unwatch(folderId));
      this.watchers.set(folderId, w);
    } catch {
      // Watching is a convenience: without it, "re-index" still picks up changes.
    }
  }

  private unwatch(folderId: number): void {
    this.watchers.get(folderId)?.close();
    this.watchers.delete(folderId);
    clearTimeout(this.rescanTimers.get(folderId));
    this.rescanTimers.delete(folderId);
  }
}
