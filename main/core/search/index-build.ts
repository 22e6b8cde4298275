import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { WellspringError } from '../util/errors';
import type { IndexBuildData, IndexBuildMessage } from './index-build-worker';

/**
 * Where the worker entry is: `index-build-worker.js` in the built `out/main` (this module may sit in a chunk folder
 * below it), or the TypeScript source when running from source (tests, CLI, benchmarks), loaded through tsx.
 */
function workerEntry(): { filename: string; execArgv: string[] } {
  const built = [
    path.join(__dirname, 'index-build-worker.js'),
    path.join(__dirname, '..', 'index-build-worker.js'),
  ];
  const found = built.find((f) => fs.existsSync(f));
  if (found) return { filename: found, execArgv: [] };
  return { filename: path.join(__dirname, 'index-build-worker.ts'), execArgv: ['--import', 'tsx'] };
}

/** The result of {@link buildIndexInWorker}. */
export interface BuiltIndex {
  /** Snapshot bytes (`snapshot.ts` format 2): decode with `decodeSnapshot`, or write as they are. */
  bytes: Uint8Array;
  chunks: number;
  /** The generation read in the same transaction as the pages (null without `generationSql`). */
  generation: number | null;
  /** Time in the worker, ms. */
  buildMs: number;
}

/**
 * Builds the chunk index of the pages in `data.dbFile` in a worker thread (`index-build-worker.ts`); the main thread
 * only receives the bytes (transferred). `onProgress(done, total)` is called with pages indexed so far. Rejects with
 * `WellspringError` `io_error` when the worker fails (database missing or unreadable) and also `io_error` ("cancelled") when `signal`
 * aborts (the worker is terminated).
 */
export function buildIndexInWorker(
  data: IndexBuildData,
  options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<BuiltIndex> {
  const entry = workerEntry();
  return new Promise<BuiltIndex>((resolve, reject) => {
    const worker = new Worker(entry.filename, { workerData: data, execArgv: entry.execArgv });
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', abort);
      f();
      void worker.terminate();
    };
    const abort = () => finish(() => reject(new WellspringError('io_error', 'search index build cancelled')));
    if (options.signal?.aborted) return abort();
    options.signal?.addEventListener('abort', abort);
    worker.on('message', (m: IndexBuildMessage) => {
      if (m.type === 'progress') options.onProgress?.(m.done, m.total);
      else if (m.type === 'done')
        finish(() =>
          resolve({ bytes: m.bytes, chunks: m.chunks, generation: m.generation, buildMs: m.buildMs }),
        );
      else
        finish(() =>
          reject(
            new WellspringError(
              'io_error',
              `cannot build the search index from ${data.dbFile}: ${m.message}`,
            ),
          ),
        );
    });
    worker.on('error', (e) =>
      finish(() => reject(new WellspringError('io_error', `search index worker failed: ${e.message}`))),
    );
    worker.on('exit', (code) =>
      finish(() => reject(new WellspringError('io_error', `search index worker exited (${code})`))),
    );
  });
}
