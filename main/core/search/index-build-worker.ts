import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { SearchIndex } from './search-index';
import { encodeSnapshot } from './snapshot';

/**
 * Worker-thread entry that builds the chunk search index from the pages stored in SQLite (issue 12 §3: not on the
 * main thread). It opens the database read-only, reads the generation and every page in one read transaction (so
 * they agree), tokenizes and indexes each page without keeping its text, and answers with the snapshot bytes
 * (`snapshot.ts` format, the `ArrayBuffer` transferred, not copied), which the main thread decodes in place and may
 * write beside the workspace as they are. Started by `index-build.ts`; built as `out/main/index-build-worker.js`.
 */

/** What the worker is started with. */
export interface IndexBuildData {
  /** The workspace database file. */
  dbFile: string;
  /** `SELECT id, doc_id, page, text …` of every page, in id order. */
  pagesSql: string;
  /** `SELECT COUNT(*) …` of the same pages (for progress). */
  countSql: string;
  /** A query of one value saved as the snapshot's `{ generation }` meta; none: meta null. */
  generationSql?: string;
  /** Impact buckets (SearchIndex `resolution`), default 8. */
  resolution?: number;
}

/** Messages from the worker: progress at the start, every 1,000 pages and at the end, then the result or the error. */
export type IndexBuildMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; bytes: Uint8Array; chunks: number; generation: number | null; buildMs: number }
  | { type: 'error'; message: string };

function run(data: IndexBuildData): void {
  const post = (m: IndexBuildMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);
  const t0 = performance.now();
  const db = new Database(data.dbFile, { readonly: true, fileMustExist: true });
  try {
    const index = new SearchIndex({ keepText: false, resolution: data.resolution });
    db.exec('BEGIN');
    const generation = data.generationSql ? Number(db.prepare(data.generationSql).pluck().get() ?? 0) : null;
    const total = Number(db.prepare(data.countSql).pluck().get() ?? 0);
    post({ type: 'progress', done: 0, total });
    let done = 0;
    const pages = db.prepare(data.pagesSql).iterate() as IterableIterator<{
      id: number;
      doc_id: number;
      page: number;
      text: string;
    }>;
    for (const p of pages) {
      index.addChunk({ chunkId: p.id, docId: p.doc_id, page: p.page, text: p.text });
      if (++done % 1000 === 0) post({ type: 'progress', done, total });
    }
    db.exec('COMMIT');
    post({ type: 'progress', done, total });
    const snapshot = index.exportSnapshot();
    const bytes = encodeSnapshot({ ...snapshot, meta: generation === null ? null : { generation } });
    const buildMs = Math.round(performance.now() - t0);
    // encodeSnapshot allocates the whole file: its buffer is the message's alone, so it can be transferred.
    post({ type: 'done', bytes, chunks: done, generation, buildMs }, [bytes.buffer as ArrayBuffer]);
  } finally {
    db.close();
  }
}

if (parentPort) {
  try {
    run(workerData as IndexBuildData);
  } catch (e) {
    parentPort.postMessage({ type: 'error', message: (e as Error).message } satisfies IndexBuildMessage);
  }
}
