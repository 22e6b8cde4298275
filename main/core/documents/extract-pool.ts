import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import type { ExtractTask, ExtractTaskResult } from './extract-worker';

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
 * with an AbortSignal; `close()` ends the threads.
 */
export class ExtractPool {
  private readonly pool: Piscina;

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

  /** Extracts one file in a worker thread. Rejects with AbortError when `signal` aborts. */
  run(task: ExtractTask, signal?: AbortSignal): Promise<ExtractTaskResult> {
    return this.pool.run(task, { signal }) as Promise<ExtractTaskResult>;
  }

  /** Ends the threads (pending tasks are rejected). */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
