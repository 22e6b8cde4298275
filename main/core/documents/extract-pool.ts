import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { ocrLangPath } from './extract/ocr-langdata';
import { createOcrSlot, releaseOcrSlotOf } from './extract/ocr-slot';
import type { ExtractTask, ExtractTaskResult, ExtractWorkerData, PageProgress } from './extract-worker';

/**
 * Where the worker entry is: `extract-worker.js` in the built `out/main` (this module may sit in a chunk folder
 * below it), or the TypeScript source when running from source (tests, CLI), loaded through tsx.
 */
function workerEntry(): { filename: string; execArgv: string[] } {
  const built = [path.join(__dirname, 'extract-worker.js'), path.join(__dirname, '..', 'extract-worker.js')];
  const found = built.find((f) => fs.existsSync(f));
  if (found) return { filename: found, execArgv: [] };
  return { filename: path.join(__dirname, 'extract-worker.ts'), execArgv: ['--import', 'tsx'] };
}

/** Threads for extraction: every core but one, at least one (the UI and the database keep a core). */
export function defaultThreads(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

/**
 * A pool of worker threads that extract text from files (piscina). One task = one file. Tasks can be aborted
 * with an AbortSignal; `close()` ends the threads. Each thread keeps one tesseract worker for OCR across its files
 * (extract-worker.ts); it ends with the thread, when the thread idles for `idleTimeout` or the pool closes.
 *
 * Memory: `maxOldGenerationSizeMb` bounds each thread's V8 heap only. OCR's memory lies outside it: tesseract's
 * WebAssembly memory with the three languages loaded and the rendered page (@napi-rs/canvas, native; one page at a
 * time, at most OCR_MAX_PAGE_PIXELS × 4 bytes). At most ONE tesseract engine is alive across the pool
 * (ocr-slot.ts: a second thread that meets a scan waits for it; the holder hands it over at the end of its file).
 * Measured by tests/bench/ocr-bench.ts (built worker, a 500-page Chinese scan, 12 pages then cancelled), process RSS:
 * - one thread, before: 107 MB before, 471 after page 1, peak 523 MB (over the 500 MB indexing budget);
 * - one thread, now (the trained data in its LSTM-only form, ocr-langdata.ts `lstmOnlyTraineddata`; the files
 *   deleted from tesseract's in-memory file system after start; the legacy dictionaries not loaded, ocr.ts
 *   OCR_INIT_CONFIG): 104 MB before, 381 after page 1, 428–442 after pages 2–12, peak 442 MB;
 * - two threads reading the scan at once (5 pages each): the second waited (0 pages) until the first was cancelled,
 *   123 MB before, peak 511 MB: the engine is not doubled, but the waiting thread's own isolate and pdfjs document
 *   (~60 MB) still put two threads ~2 % over the budget. Not yet met; the bench prints it.
 */
export class ExtractPool {
  private readonly pool: Piscina;
  private ocrLangPath: string | null | undefined;

  /**
   * @param threads the most threads the pool runs
   * @param entry the worker entry to run instead of the one found (`workerEntry()`), e.g. a build in another
   *   folder (the OCR benchmark)
   */
  constructor(threads = defaultThreads(), entry = workerEntry()) {
    const { filename, execArgv } = entry;
    const ocrSlot = createOcrSlot();
    this.pool = new Piscina({
      filename,
      execArgv,
      workerData: { ocrSlot } satisfies ExtractWorkerData,
      minThreads: 0,
      maxThreads: threads,
      // Threads that sit idle are ended, which also returns pdf.js's caches to the system.
      idleTimeout: 5_000,
      // One task at a time per thread: PDFs are large, and memory must stay flat.
      concurrentTasksPerWorker: 1,
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    // A thread ended while it held the OCR engine (a cancelled task) frees the slot for the others.
    this.pool.on('workerDestroy', (w: { id: number }) => releaseOcrSlotOf(ocrSlot, w.id));
  }

  /** Number of threads the pool may use. */
  get threads(): number {
    return this.pool.options.maxThreads;
  }

  /**
   * Extracts one file in a worker thread. Rejects with AbortError when `signal` aborts (the thread is ended, and with
   * it its tesseract worker: an OCR page stops at once). `onPage` gets (pages done, page count) after each page.
   */
  run(
    task: ExtractTask,
    signal?: AbortSignal,
    onPage?: (done: number, total: number) => void,
  ): Promise<ExtractTaskResult> {
    const langPath = task.ocr === false ? undefined : this.langPath();
    if (!onPage) return this.pool.run({ ...task, langPath }, { signal }) as Promise<ExtractTaskResult>;
    const channel = new MessageChannel();
    channel.port1.on('message', (m: PageProgress) => onPage(m.done, m.total));
    channel.port1.unref();
    return (
      this.pool.run(
        { ...task, langPath, progress: channel.port2 },
        { signal, transferList: [channel.port2] },
      ) as Promise<ExtractTaskResult>
    ).finally(() => channel.port1.close());
  }

  /** The OCR language folder, resolved once in this thread (undefined when the data is missing: the task fails). */
  private langPath(): string | undefined {
    if (this.ocrLangPath === undefined) {
      try {
        this.ocrLangPath = ocrLangPath();
      } catch {
        this.ocrLangPath = null;
      }
    }
    return this.ocrLangPath ?? undefined;
  }

  /** Ends the threads (pending tasks are rejected). */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
