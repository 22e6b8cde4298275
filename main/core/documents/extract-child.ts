/**
 * Child-process entry of the extraction process pool (extract-process-pool.ts): started with
 * `child_process.fork` (under Electron with ELECTRON_RUN_AS_NODE, so it is plain Node), it extracts one task at a
 * time — a file, or a page range of a PDF — and answers over the IPC channel. It imports nothing from electron.
 *
 * Messages (structured clone, `serialization: 'advanced'`):
 * - parent → child: `{ t: 'task', id, task }` (ChildTask), `{ t: 'ocr-granted' }`, `{ t: 'ocr-contended' }`;
 * - child → parent: `{ t: 'started', id }` when a task arrives (the process is up), `{ t: 'page', id, done, total }` after each page (done = the page number for a PDF, whose page
 *   count is `total`), `{ t: 'result', id, result, rssBytes }` at the end (ChildResult; rssBytes is this process's RSS
 *   after the task, for the pool's memory budget), `{ t: 'ocr-acquire' }` / `{ t: 'ocr-release' }` for the
 *   pool-wide OCR slot (ocr-slot.ts `OcrSlotArbiter`, kept by the parent).
 *
 * Test hooks (read from the environment at start, used by tests/unit/core/documents/extract-process-pool.test.ts):
 * WELLSPRING_EXTRACT_TEST_HANG=<text> makes a task whose file name contains <text> spin forever on the event loop
 * (a hang in pdf.js, which no message can interrupt); WELLSPRING_EXTRACT_TEST_CRASH=<text> makes this process kill
 * itself (SIGKILL) after the first page of such a file.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { extractFile } from './extract/extract-file';
import { preloadPdfJs } from './extract/pdf';
import { currentOcrEngine, sharedOcrEngine, type OcrEngine } from './extract/ocr';
import { ocrLangPath } from './extract/ocr-langdata';
import type { OcrSlotHandle } from './extract/ocr-slot';
import type { ExtractResult, PageRange } from './extract/types';

/** One task for a child: a file, or pages of a PDF. */
export interface ChildTask {
  path: string;
  password?: string;
  maxBytes?: number;
  /** OCR pages without a text layer and image files (default true); false for a folder with OCR turned off. */
  ocr?: boolean;
  /** The OCR language folder (resolved by the parent; default `ocrLangPath()`). */
  langPath?: string;
  /** For a PDF: the pages to read (see ExtractResult.pageRange); other formats ignore it. */
  pageRange?: PageRange;
  /** Hash the file (SHA-256) into the result; the pool asks for it once per file. */
  hash?: boolean;
}

/** What a child returns for a task: the extraction result and the file's SHA-256 (hex) when asked and readable. */
export type ChildResult = ExtractResult & { sha256?: string };

/** Messages from the parent. */
export type ToChild =
  { t: 'task'; id: number; task: ChildTask } | { t: 'ocr-granted' } | { t: 'ocr-contended' };

/** Messages to the parent. */
export type FromChild =
  | { t: 'started'; id: number }
  | { t: 'page'; id: number; done: number; total: number }
  | { t: 'result'; id: number; result: ChildResult; rssBytes: number }
  | { t: 'ocr-acquire' }
  | { t: 'ocr-release' };

const send = (m: FromChild): void => {
  process.send?.(m);
};

/** This process's handle on the pool-wide OCR slot: asks the parent and waits for its answer. */
class IpcOcrSlot implements OcrSlotHandle {
  private held = false;
  private waiting: Promise<void> | null = null;
  private granted: (() => void) | null = null;
  /** Set when the parent says another process waits; cleared when this one lets go. */
  contended = false;

  get holding(): boolean {
    return this.held;
  }

  acquire(): Promise<void> {
    if (this.held) return Promise.resolve();
    this.waiting ??= new Promise<void>((resolve) => {
      this.granted = resolve;
      send({ t: 'ocr-acquire' });
    });
    return this.waiting;
  }

  /** The parent granted the slot. */
  onGranted(): void {
    this.held = true;
    this.waiting = null;
    const g = this.granted;
    this.granted = null;
    g?.();
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    this.contended = false;
    send({ t: 'ocr-release' });
  }
}

const slot = new IpcOcrSlot();

function engine(langPath: string | undefined): OcrEngine | false {
  try {
    return sharedOcrEngine(langPath ?? ocrLangPath(), slot);
  } catch {
    return false;
  }
}

async function sha256(file: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (d) => h.update(d))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', () => resolve(undefined));
  });
}

const HANG = process.env.WELLSPRING_EXTRACT_TEST_HANG;
const CRASH = process.env.WELLSPRING_EXTRACT_TEST_CRASH;

/** Runs one task; never throws (a failure is a result with status `failed`). */
async function runTask(id: number, task: ChildTask): Promise<ChildResult> {
  const name = path.basename(task.path);
  if (HANG && name.includes(HANG)) for (;;) Date.now();
  let result: ExtractResult;
  try {
    const ocr = task.ocr === false ? false : engine(task.langPath);
    const onPage = (done: number, total: number): void => {
      send({ t: 'page', id, done, total });
      if (CRASH && name.includes(CRASH)) process.kill(process.pid, 'SIGKILL');
    };
    result = await extractFile(task.path, {
      password: task.password,
      maxBytes: task.maxBytes,
      ocr,
      onPage,
      pageRange: task.pageRange,
    });
  } catch (e) {
    result = {
      status: 'failed',
      pages: [],
      pageCount: 0,
      mime: 'application/octet-stream',
      error: `${name}: ${(e as Error).message}`,
    };
  }
  // Another process waits for the OCR engine: end ours at the end of this task, so that it can start its own.
  const current = currentOcrEngine();
  if (current?.running && slot.contended) await current.terminate();
  const tooLarge = result.status === 'unsupported' && /limit/.test(result.error ?? '');
  const hash = task.hash && !tooLarge ? await sha256(task.path) : undefined;
  return hash ? { ...result, sha256: hash } : result;
}

// pdf.js is loaded before the first task says it started, so that its load is not counted in the task's time limit.
const ready = preloadPdfJs().catch(() => undefined);

process.on('message', (m: ToChild) => {
  if (m.t === 'ocr-granted') slot.onGranted();
  else if (m.t === 'ocr-contended') slot.contended = true;
  else if (m.t === 'task') {
    void ready.then(async () => {
      send({ t: 'started', id: m.id });
      const result = await runTask(m.id, m.task);
      send({ t: 'result', id: m.id, result, rssBytes: process.memoryUsage.rss() });
    });
  }
});
// The parent is gone (it crashed, or closed the channel): nothing more to do. It may have gone while this process
// was still loading, before the listener existed.
process.on('disconnect', () => process.exit(0));
if (!process.connected) process.exit(0);
