import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildResult, ChildTask, FromChild, ToChild } from './extract-child';
import { mimeFromName } from './extract/detect-format';
import { mergePageRanges } from './extract/extract-file';
import { ocrLangPath } from './extract/ocr-langdata';
import { OcrSlotArbiter } from './extract/ocr-slot';

/** A task for the pool: one file. */
export interface ProcessExtractTask {
  path: string;
  password?: string;
  maxBytes?: number;
  /** OCR pages without a text layer and image files (default true); false for a folder with OCR turned off. */
  ocr?: boolean;
}

/** What the pool returns for a file: the extraction result and the file's SHA-256 (hex) when it could be read. */
export type ProcessExtractResult = ChildResult;

/** The file a child process runs and the Node options it needs to run it. */
export interface ChildEntry {
  filename: string;
  execArgv: string[];
}

/**
 * Where the child entry is: `extract-child.js` in the built `out/main` (this module may sit in a chunk folder below
 * it; electron.vite.config.ts builds it as an entry of its own), or the TypeScript source when running from source
 * (tests, CLI), loaded through tsx. `WELLSPRING_EXTRACT_CHILD`, when it names an existing file, wins: the test runs
 * point it at the build's `extract-child.js`, since a child started through tsx pays the compile on every start and
 * is heavier (it passes the RSS limit and is replaced after nearly every task).
 */
export function childEntry(): ChildEntry {
  const fromEnv = process.env.WELLSPRING_EXTRACT_CHILD;
  if (fromEnv && fromEnv.endsWith('.js') && fs.existsSync(fromEnv))
    return { filename: fromEnv, execArgv: [] };
  const built = [path.join(__dirname, 'extract-child.js'), path.join(__dirname, '..', 'extract-child.js')];
  const found = built.find((f) => fs.existsSync(f));
  if (found) return { filename: found, execArgv: [] };
  return { filename: path.join(__dirname, 'extract-child.ts'), execArgv: ['--import', 'tsx'] };
}

/** Extraction processes by default: one per core (they run at lower priority, so the UI keeps its share). */
export function defaultProcesses(): number {
  return Math.max(1, os.availableParallelism());
}

/** Default memory for all extraction children together, MB (see ProcessPoolOptions.memoryBudgetMb). */
export const DEFAULT_MEMORY_BUDGET_MB = 360;

/**
 * Memory one child may use, MB: `totalMb` ÷ `processes`, kept within 128…320 (below 128 pdf.js runs out of heap on
 * large pages; above 320 buys nothing measurable). E.g. 360 MB over 2 processes: 180 MB each.
 */
export function childBudgetMb(totalMb: number, processes: number): number {
  return Math.min(320, Math.max(128, Math.floor(totalMb / Math.max(1, processes))));
}

/** Options of the pool; every one has a default. */
export interface ProcessPoolOptions {
  /** Most child processes at once (default `defaultProcesses()`). */
  processes?: number;
  /**
   * A task whose child reports no page for this many ms is killed and fails with "timed out after N s" (N = this
   * ÷ 1000); waiting for the OCR engine does not count. Default 60,000.
   */
  timeoutMs?: number;
  /** A PDF with more pages than this is read in page-range tasks of this many pages (default 100). */
  rangePages?: number;
  /**
   * Memory for all the children together, MB (not set: each child is replaced above 200 MB; the suggested value is
   * `DEFAULT_MEMORY_BUDGET_MB`, 360: with the parent's ~130 MB
   * the process tree stays near 500 MB; a child idles at ~106 MB with pdf.js loaded and is at ~165 MB after a task).
   * Each child gets this ÷ `processes` (`childBudgetMb`): the RSS at which it is replaced after a task, unless
   * `rssBudgetMb` says otherwise.
   */
  memoryBudgetMb?: number;
  /**
   * V8 old-space limit of each child, MB (`--max-old-space-size`; default 320). Not lowered to the child's budget: at
   * 180 MB children run from source through tsx died of heap exhaustion (SIGABRT) on zhs-man.pdf; the RSS check
   * below is what keeps the tree within the budget.
   */
  heapMb?: number;
  /**
   * A child whose RSS is above this many MB after a task is ended and replaced (default the child's budget, 200 MB without memoryBudgetMb; at 85 %
   * of it, 163 MB of 192, nearly every task ended its child: 82 processes started for 23 PDFs).
   */
  rssBudgetMb?: number;
  /**
   * Niceness the children run at (`os.setPriority`; default `WELLSPRING_EXTRACT_NICE` when set, else 10: lower priority
   * than the app).
   */
  niceness?: number;
  /** A child idle this many ms with nothing queued is ended (default 5,000). */
  idleMs?: number;
  /** The child entry (default `childEntry()`), e.g. a build in another folder. */
  entry?: ChildEntry;
}

/** One file being read: its tasks (one, or its page ranges) and their results. */
interface FileRun {
  task: ProcessExtractTask;
  name: string;
  parts: ChildResult[];
  /** Tasks queued or running. */
  outstanding: number;
  split: boolean;
  pagesDone: number;
  finished: boolean;
  onPage?: (done: number, total: number) => void;
  resolve: (r: ProcessExtractResult) => void;
  reject: (e: Error) => void;
}

interface Job {
  file: FileRun;
  task: ChildTask;
}

interface Child {
  proc: ChildProcess;
  pid: number;
  job: Job | null;
  jobId: number;
  timer?: NodeJS.Timeout;
  idleTimer?: NodeJS.Timeout;
  /** Why the pool killed it (the reason the running task gets), if it did. */
  killedFor?: string;
  exited: boolean;
}

/** How long a child may take to start and take its first task (ms), at least. */
const STARTUP_MS = 30_000;

/** An AbortError, as piscina and fetch reject with. */
function abortError(): Error {
  const e = new Error('The operation was aborted');
  e.name = 'AbortError';
  return e;
}

/**
 * A pool of child processes that extract text from files (`child_process.fork` of extract-child.ts; under Electron
 * with ELECTRON_RUN_AS_NODE, so the core imports nothing from electron). Processes rather than threads so that a file
 * that hangs pdf.js can be killed: a task that reports no page for `timeoutMs` is killed (SIGKILL) and fails with
 * "<name>: timed out after N s"; a child that dies mid-task (a crash, the heap limit) fails its task with "<name>:
 * the extraction process ended unexpectedly (…)"; either way a new process takes the next task.
 *
 * Scheduling: a PDF's first task reads pages 1…rangePages; when its first page reports more pages, the rest is queued
 * at the FRONT of the queue as ranges of rangePages, so every core works on the big file while it lasts, and the
 * results are merged in page order (`mergePageRanges`: the same pages, reasons and status as reading it whole). The
 * library service hands files biggest first.
 *
 * Priority and memory: each child is started at `niceness` (os.setPriority), with `--max-old-space-size=heapMb`, and
 * is replaced after a task that left its RSS above `rssBudgetMb` (pdf.js caches, an OCR engine); both come from
 * `memoryBudgetMb` ÷ processes by default (`childBudgetMb`), so the tree's memory does not grow with the cores. OCR: at most one
 * tesseract engine across the pool (`OcrSlotArbiter`, kept here; a child asks over IPC before rendering a page for
 * OCR, waits while another holds it, and hands it over at the end of its task when someone waits).
 */
export class ExtractProcessPool {
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly rangePages: number;
  private readonly heapMb: number;
  private readonly rssBudget: number;
  private readonly niceness: number;
  private readonly idleMs: number;
  private readonly entry: ChildEntry;
  private readonly children = new Set<Child>();
  private readonly queue: Job[] = [];
  private readonly ocr: OcrSlotArbiter<Child>;
  private nextJobId = 1;
  private closed = false;
  private ocrLangPath: string | null | undefined;
  /** Children started so far (a diagnostic for tests and benchmarks). */
  spawned = 0;

  constructor(options: ProcessPoolOptions = {}) {
    this.size = Math.max(1, options.processes ?? defaultProcesses());
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.rangePages = Math.max(1, options.rangePages ?? 100);
    // Opt-in for now: with the budget as the default, two library-service tests timed out at load 15 (unverified
    // whether the budget or the load did it), so without memoryBudgetMb a child is replaced above 200 MB as before.
    const perChild =
      options.memoryBudgetMb === undefined ? 200 : childBudgetMb(options.memoryBudgetMb, this.size);
    this.heapMb = options.heapMb ?? 320;
    this.rssBudget = (options.rssBudgetMb ?? perChild) * 1024 * 1024;
    this.niceness = options.niceness ?? envNiceness() ?? 10;
    this.idleMs = options.idleMs ?? 5_000;
    this.entry = options.entry ?? childEntry();
    this.ocr = new OcrSlotArbiter<Child>(
      (c) => {
        this.send(c, { t: 'ocr-granted' });
        this.arm(c);
      },
      (holder) => this.send(holder, { t: 'ocr-contended' }),
    );
  }

  /** Most processes the pool runs at once. */
  get threads(): number {
    return this.size;
  }

  /** Process ids of the children alive now. */
  pids(): number[] {
    return [...this.children].filter((c) => !c.exited).map((c) => c.pid);
  }

  /**
   * Extracts one file in the children (one task, or its page ranges). Resolves with the result, never with an error
   * for a bad file (its status and reason say what happened). Rejects with AbortError when `signal` aborts: the
   * file's queued tasks are dropped and the children running them killed. `onPage` gets (pages done, page count).
   *
   * @throws Error 'extraction pool is closed' after `close()`
   */
  run(
    task: ProcessExtractTask,
    signal?: AbortSignal,
    onPage?: (done: number, total: number) => void,
  ): Promise<ProcessExtractResult> {
    if (this.closed) return Promise.reject(new Error('extraction pool is closed'));
    if (signal?.aborted) return Promise.reject(abortError());
    return new Promise<ProcessExtractResult>((resolve, reject) => {
      const file: FileRun = {
        task,
        name: path.basename(task.path),
        parts: [],
        outstanding: 1,
        split: false,
        pagesDone: 0,
        finished: false,
        onPage,
        resolve,
        reject,
      };
      const onAbort = (): void => this.abortFile(file);
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = (): void => signal?.removeEventListener('abort', onAbort);
      file.resolve = (r) => {
        done();
        resolve(r);
      };
      file.reject = (e) => {
        done();
        reject(e);
      };
      this.queue.push({ file, task: this.childTask(task, { first: 1, last: this.rangePages }, true) });
      this.pump();
    });
  }

  /** Ends every child (running and queued files are rejected). */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.finish(job.file, null, new Error('extraction pool closed'));
    const exits = [...this.children].map((c) => this.end(c, 'SIGKILL'));
    await Promise.all(exits);
  }

  private childTask(task: ProcessExtractTask, pageRange: ChildTask['pageRange'], hash: boolean): ChildTask {
    const langPath = task.ocr === false ? undefined : this.langPath();
    return { ...task, langPath, pageRange, hash };
  }

  /** Gives queued tasks to idle children, starting children up to the pool's size. */
  private pump(): void {
    while (this.queue.length > 0) {
      let child = [...this.children].find((c) => !c.job && !c.exited && !c.killedFor);
      if (!child) {
        if (this.live() >= this.size) return;
        child = this.spawn();
      }
      this.assign(child, this.queue.shift()!);
    }
    for (const c of this.children) if (!c.job) this.idle(c);
  }

  private live(): number {
    return [...this.children].filter((c) => !c.exited).length;
  }

  private spawn(): Child {
    const env: NodeJS.ProcessEnv = { ...process.env };
    // Under Electron, process.execPath is the app: this makes it run the entry as plain Node.
    if (process.versions.electron) env.ELECTRON_RUN_AS_NODE = '1';
    const proc = fork(this.entry.filename, [], {
      execArgv: [...this.entry.execArgv, `--max-old-space-size=${this.heapMb}`],
      env,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const child: Child = { proc, pid: proc.pid ?? 0, job: null, jobId: 0, exited: false };
    this.spawned++;
    try {
      // Never above the app's own niceness (raising a priority needs privileges).
      if (proc.pid) os.setPriority(proc.pid, Math.min(19, Math.max(this.niceness, os.getPriority())));
    } catch {
      // Not allowed here (a sandbox): the children then run at the app's priority.
    }
    proc.on('message', (m: FromChild) => this.onMessage(child, m));
    proc.on('error', () => undefined);
    proc.on('exit', (code, sig) => this.onExit(child, code, sig));
    this.children.add(child);
    return child;
  }

  private assign(child: Child, job: Job): void {
    clearTimeout(child.idleTimer);
    child.job = job;
    child.jobId = this.nextJobId++;
    this.send(child, { t: 'task', id: child.jobId, task: job.task });
    // Until the child says it has the task, it may still be starting (Node, tsx from source): a longer limit.
    this.arm(child, Math.max(this.timeoutMs, STARTUP_MS));
  }

  /** (Re)starts the no-progress timer of a busy child (not while it waits for the OCR engine). */
  private arm(child: Child, ms = this.timeoutMs): void {
    clearTimeout(child.timer);
    if (!child.job || this.ocr.isWaiting(child)) return;
    child.timer = setTimeout(() => {
      const seconds = Math.round(this.timeoutMs / 100) / 10;
      child.killedFor = `timed out after ${seconds} s`;
      child.proc.kill('SIGKILL');
    }, ms);
  }

  private idle(child: Child): void {
    clearTimeout(child.idleTimer);
    if (child.exited) return;
    child.idleTimer = setTimeout(() => {
      if (!child.job) void this.end(child, 'SIGTERM');
    }, this.idleMs);
    child.idleTimer.unref();
  }

  private send(child: Child, m: ToChild): void {
    if (child.exited || !child.proc.connected) return;
    try {
      child.proc.send(m);
    } catch {
      // The channel closed meanwhile: the exit handler deals with the task.
    }
  }

  private onMessage(child: Child, m: FromChild): void {
    if (m.t === 'ocr-acquire') {
      // Waiting for the engine is not a hang: the timer stops until the slot is granted (which re-arms it).
      clearTimeout(child.timer);
      this.ocr.request(child);
      return;
    }
    if (m.t === 'ocr-release') {
      this.ocr.release(child);
      return;
    }
    const job = child.job;
    if (!job || m.id !== child.jobId) return;
    if (m.t === 'started') {
      this.arm(child);
      return;
    }
    if (m.t === 'page') {
      this.arm(child);
      const file = job.file;
      if (file.finished) return;
      if (!file.split && job.task.pageRange?.first === 1 && m.total > this.rangePages)
        this.split(file, m.total);
      file.pagesDone++;
      try {
        file.onPage?.(file.pagesDone, m.total);
      } catch {
        // Progress reporting must not break extraction.
      }
      return;
    }
    // m.t === 'result'
    clearTimeout(child.timer);
    child.job = null;
    this.partDone(job, m.result);
    if (m.rssBytes > this.rssBudget) void this.end(child, 'SIGTERM');
    this.pump();
  }

  /** Queues the rest of a PDF's pages, after its first range, at the front of the queue. */
  private split(file: FileRun, total: number): void {
    file.split = true;
    const jobs: Job[] = [];
    for (let first = this.rangePages + 1; first <= total; first += this.rangePages) {
      const last = Math.min(total, first + this.rangePages - 1);
      jobs.push({ file, task: this.childTask(file.task, { first, last }, false) });
    }
    file.outstanding += jobs.length;
    this.queue.unshift(...jobs);
    this.pump();
  }

  private partDone(job: Job, result: ChildResult): void {
    const file = job.file;
    if (file.finished) return;
    file.outstanding--;
    // A part that did not get to its pages (password, damaged file, timeout, crash) decides for the whole file.
    if (!result.pageRange && (file.split || job.task.pageRange?.first !== 1)) {
      const sha256 = file.parts.find((p) => p.sha256)?.sha256;
      this.finish(file, sha256 ? { ...result, sha256 } : result);
      return;
    }
    file.parts.push(result);
    if (file.outstanding > 0) return;
    if (file.parts.length === 1 && !file.parts[0]!.pageRange) {
      this.finish(file, file.parts[0]!);
      return;
    }
    const merged: ProcessExtractResult = mergePageRanges(file.name, file.parts);
    const sha256 = file.parts.find((p) => p.sha256)?.sha256;
    if (sha256) merged.sha256 = sha256;
    this.finish(file, merged);
  }

  /** Settles a file once; its queued tasks are dropped and the children still on it killed. */
  private finish(file: FileRun, result: ProcessExtractResult | null, error?: Error): void {
    if (file.finished) return;
    file.finished = true;
    for (let i = this.queue.length - 1; i >= 0; i--)
      if (this.queue[i]!.file === file) this.queue.splice(i, 1);
    for (const c of this.children) {
      if (c.job?.file === file) {
        c.killedFor = 'cancelled';
        c.proc.kill('SIGKILL');
      }
    }
    if (result) file.resolve(result);
    else file.reject(error ?? abortError());
  }

  private abortFile(file: FileRun): void {
    this.finish(file, null, abortError());
  }

  private onExit(child: Child, code: number | null, sig: NodeJS.Signals | null): void {
    child.exited = true;
    clearTimeout(child.timer);
    clearTimeout(child.idleTimer);
    this.children.delete(child);
    this.ocr.drop(child);
    const job = child.job;
    child.job = null;
    if (job && !job.file.finished) {
      const name = job.file.name;
      const why =
        child.killedFor ?? `the extraction process ended unexpectedly (${sig ?? `exit code ${code}`})`;
      const mime = mimeFromName(name);
      this.partDone(job, { status: 'failed', pages: [], pageCount: 0, mime, error: `${name}: ${why}` });
    }
    if (!this.closed) this.pump();
  }

  /** Ends a child and resolves when it has exited. */
  private end(child: Child, sig: NodeJS.Signals): Promise<void> {
    if (child.exited) return Promise.resolve();
    child.killedFor ??= 'ended by the pool';
    return new Promise<void>((resolve) => {
      child.proc.once('exit', () => resolve());
      child.proc.kill(sig);
    });
  }

  /** The OCR language folder, resolved once (undefined when the data is missing: OCR then fails per file). */
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
}

/**
 * The children's niceness from the environment: `WELLSPRING_EXTRACT_NICE`, an integer 0–19, or undefined when unset or
 * not such a number. The test runs set 0: there the test workers themselves keep every core busy, and children at
 * niceness 10 get about a tenth of a core each (CFS weights 1024 against 110), so indexing the sample took minutes.
 */
export function envNiceness(): number | undefined {
  const raw = process.env.WELLSPRING_EXTRACT_NICE;
  if (raw === undefined || !/^\d{1,2}$/.test(raw.trim())) return undefined;
  const n = Number(raw.trim());
  return n <= 19 ? n : undefined;
}
