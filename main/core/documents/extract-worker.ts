/**
 * Worker-thread entry of the extraction pool (piscina): extracts one file and hashes it. Runs the same code as
 * the main thread would, so it is plain Node and imports nothing from electron.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { threadId, workerData, type MessagePort } from 'node:worker_threads';
import { extractFile } from './extract/extract-file';
import { currentOcrEngine, sharedOcrEngine, type OcrEngine } from './extract/ocr';
import { ocrLangPath } from './extract/ocr-langdata';
import { OcrSlot } from './extract/ocr-slot';
import type { ExtractResult } from './extract/types';

/** A task for the pool. */
export interface ExtractTask {
  path: string;
  password?: string;
  maxBytes?: number;
  /** OCR pages without a text layer and image files (default true); false for a folder with OCR turned off. */
  ocr?: boolean;
  /** The OCR language folder (default `ocrLangPath()`, resolved in this thread). */
  langPath?: string;
  /** Receives `{ done, total }` after each page (transferred to the thread), for page-level progress. */
  progress?: MessagePort;
}

/** A progress message on `ExtractTask.progress`: pages done and the file's page count. */
export interface PageProgress {
  done: number;
  total: number;
}

/** What the pool returns: the extraction result, the file's SHA-256 (hex) when it could be read. */
export type ExtractTaskResult = ExtractResult & { sha256?: string };

async function sha256(file: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (d) => h.update(d))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', () => resolve(undefined));
  });
}

/** What the pool gives every thread (piscina's `workerData`): the pool-wide OCR slot (ocr-slot.ts). */
export interface ExtractWorkerData {
  ocrSlot?: SharedArrayBuffer;
}

const shared = (workerData as ExtractWorkerData | undefined)?.ocrSlot;
/** This thread's handle on the pool's OCR slot (none when run outside a pool made by ExtractPool). */
const slot = shared && threadId > 0 ? new OcrSlot(shared, threadId) : undefined;

/** This thread's OCR engine, or false when the trained data cannot be found (the other files are still read). */
function threadEngine(langPath: string | undefined): OcrEngine | false {
  try {
    return sharedOcrEngine(langPath ?? ocrLangPath(), slot);
  } catch {
    return false;
  }
}

/**
 * Extracts one file; never throws (a failure is a result with status `failed` and the reason). OCR uses this
 * thread's tesseract worker (`sharedOcrEngine`), created on the first page that needs it and kept for the next
 * files; it ends with the thread (the pool ends idle threads, and a cancelled task's thread). At most one thread
 * of the pool has an engine at a time (ocr-slot.ts): when another thread waits for it at the end of a file, this
 * thread's engine is ended so the other can start its own.
 */
export default async function run(task: ExtractTask): Promise<ExtractTaskResult> {
  let result: ExtractResult;
  try {
    const ocr = task.ocr === false ? false : threadEngine(task.langPath);
    const onPage = task.progress
      ? (done: number, total: number): void =>
          task.progress?.postMessage({ done, total } satisfies PageProgress)
      : undefined;
    result = await extractFile(task.path, { password: task.password, maxBytes: task.maxBytes, ocr, onPage });
  } catch (e) {
    result = {
      status: 'failed',
      pages: [],
      pageCount: 0,
      mime: 'application/octet-stream',
      error: `${task.path}: ${(e as Error).message}`,
    };
  }
  task.progress?.close();
  const engine = currentOcrEngine();
  if (engine?.running && engine.slot?.contended) await engine.terminate();
  const hash =
    result.status === 'unsupported' && /limit/.test(result.error ?? '') ? undefined : await sha256(task.path);
  return { ...result, sha256: hash };
}
