import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { ocrLangPath } from './extract/ocr-langdata';
import type { ExtractTask, ExtractTaskResult, PageProgress } from './extract-worker';

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
 * time, at most OCR_MAX_PAGE_PIXELS × 4 bytes). Measured by tests/bench/ocr-bench.ts (built worker, one thread, a
 * 500-page Chinese scan): process RSS 107 MB before, 471 MB after page 1, 508 MB after page 20, peak 523 MB — flat,
 * but ~5 % over the 500 MB indexing budget, and each further thread that meets a scan adds its own engine (~350 MB;
 * the engine ends after OCR_IDLE_MS without a scan, the thread after `idleTimeout`).
 */
export class ExtractPool {
  private readonly pool: Piscina;
  private ocrLangPath: string | null | undefined;

  constructor(threads = defaultThreads()) {
    const { filename, execArgv } = workerEntry();
    this.pool = new Piscina({
      filename,
      execArgv,
      minThreads: 0,
      maxThreads: threads,
      // Threads that sit idle are ended, which also returns pdf.js's caches to the system.
      idleTimeout: 5_000,
      // One task at a time per thread: PDFs are large, and memory must stay flat.
      concurrentTasksPerWorker: 1,
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
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
