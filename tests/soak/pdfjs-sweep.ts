import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { treeRss } from './process-tree';

/** One file's row at the end of a sweep, as the library stores it. */
export interface SweepDoc {
  /** The file's name (its folder is the sweep's temporary copy). */
  name: string;
  status: string;
  /** The stored reason (English), null for an indexed file. */
  error: string | null;
  /** The reason's message key (reasons.ts), null when none or when no template matched. */
  errorKey: string | null;
  pages: number;
}

/** RSS of the app's process tree (bytes) while `done` files had finished. */
export interface RssSample {
  done: number;
  rss: number;
}

/** The RSS of one stretch of 50 files: the least, the median and the most sampled (bytes). */
export interface RssBucket {
  from: number;
  min: number;
  median: number;
  max: number;
}

/** What a sweep found. */
export interface SweepResult {
  /** Every file copied into the swept folder, with its final row (a file removed after a hang is absent). */
  docs: SweepDoc[];
  /** Files that made no progress for `hangMs`: the app was killed, the file removed, the sweep went on. */
  hangs: string[];
  /** Ends of the app process that the sweep did not cause (exit code or signal, and the end of its stderr). */
  crashes: string[];
  samples: RssSample[];
  /** RSS per 50 files (`from` = files done at the stretch's start). */
  curve: RssBucket[];
  maxRss: number;
  seconds: number;
  /** The slowest files (ms between the progress before them and their own), slowest first. */
  slowest: Array<{ name: string; ms: number }>;
}

export interface SweepOptions {
  /** Files to sweep (copied into a temporary folder, which is indexed as one library folder). */
  files: readonly string[];
  /** No progress for this long (ms) counts as a hang. */
  hangMs: number;
  /** RSS sampling interval (ms, default 250). */
  sampleMs?: number;
  /** Progress lines (every 50 files); default none. */
  log?: (line: string) => void;
}

const DRIVER = path.join(__dirname, 'pdfjs-sweep-driver.ts');
const MAX_STARTS = 20;

/**
 * Indexes `files` through the real library service in a child process (pdfjs-sweep-driver.ts: WorkspaceService,
 * `library.addFolder`, `whenIdle`), as the app does, and watches it from outside: the RSS of the child's process
 * tree (treeRss, every `sampleMs`), the time between files, and how it ends. A child that makes no progress for
 * `hangMs` is SIGKILLed (its process group) and its current file recorded as a hang and removed from the folder; a
 * child that dies by itself is a crash. Either way the child is started again on the same workspace, which resumes
 * the files still pending (at most 20 starts). Linux only (/proc).
 */
export async function runSweep(options: SweepOptions): Promise<SweepResult> {
  const sampleMs = options.sampleMs ?? 250;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-sweep-'));
  const folder = path.join(tmp, 'files');
  fs.mkdirSync(folder);
  for (const f of options.files) fs.copyFileSync(f, path.join(folder, path.basename(f)));
  const workspace = path.join(tmp, 'sweep.wellspring');
  const result: SweepResult = {
    docs: [],
    hangs: [],
    crashes: [],
    samples: [],
    curve: [],
    maxRss: 0,
    seconds: 0,
    slowest: [],
  };
  const started = Date.now();
  const times: Array<{ name: string; ms: number }> = [];
  let doneBefore = 0;
  try {
    for (let start = 0; start < MAX_STARTS; start++) {
      const run = await runOnce(workspace, folder, options, sampleMs, doneBefore, result, times);
      if (run.docs) {
        result.docs = run.docs;
        break;
      }
      doneBefore += run.done;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
  result.seconds = (Date.now() - started) / 1000;
  result.maxRss = Math.max(0, ...result.samples.map((s) => s.rss));
  result.curve = curveOf(result.samples);
  result.slowest = times.sort((a, b) => b.ms - a.ms).slice(0, 8);
  return result;
}

interface Run {
  /** Files finished in this run. */
  done: number;
  /** Set when the driver reported its end. */
  docs?: SweepDoc[];
}

function runOnce(
  workspace: string,
  folder: string,
  options: SweepOptions,
  sampleMs: number,
  doneBefore: number,
  result: SweepResult,
  times: Array<{ name: string; ms: number }>,
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', DRIVER, workspace, folder], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const run: Run = { done: 0 };
    let current: string | null = null;
    let lastProgress = Date.now();
    let buffered = '';
    let stderr = '';
    let hung = false;
    const sampler = setInterval(() => {
      const rss = treeRss(child.pid!);
      if (rss > 0) result.samples.push({ done: doneBefore + run.done, rss });
      if (Date.now() - lastProgress > options.hangMs && !hung) {
        hung = true;
        result.hangs.push(current ? path.basename(current) : '(unknown)');
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // Gone already.
        }
      }
    }, sampleMs);
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const m = JSON.parse(line) as {
          done?: number;
          current?: string | null;
          end?: boolean;
          docs?: Array<SweepDoc & { path: string }>;
        };
        if (m.end) {
          run.docs = m.docs!.map(({ path: p, ...d }) => ({ ...d, name: path.basename(p) }));
          continue;
        }
        const now = Date.now();
        if (m.done! > run.done) {
          if (current) times.push({ name: path.basename(current), ms: now - lastProgress });
          run.done = m.done!;
          lastProgress = now;
          const all = doneBefore + run.done;
          if (all % 50 === 0)
            options.log?.(`${all} files, RSS ${mb(treeRss(child.pid!))} MB, ${new Date().toISOString()}`);
        }
        current = m.current ?? null;
      }
    });
    child.on('close', (code, signal) => {
      clearInterval(sampler);
      if (hung && current) fs.rmSync(path.join(folder, path.basename(current)), { force: true });
      else if (!run.docs) result.crashes.push(`exit ${code ?? signal}: ${stderr.trim().slice(-1500)}`);
      resolve(run);
    });
  });
}

/** The samples in stretches of 50 files. */
function curveOf(samples: readonly RssSample[]): RssBucket[] {
  const buckets = new Map<number, number[]>();
  for (const s of samples) {
    const from = Math.floor(s.done / 50) * 50;
    const list = buckets.get(from) ?? [];
    list.push(s.rss);
    buckets.set(from, list);
  }
  return [...buckets.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([from, list]) => {
      list.sort((a, b) => a - b);
      return { from, min: list[0]!, median: list[Math.floor(list.length / 2)]!, max: list[list.length - 1]! };
    });
}

/** Bytes as whole MB. */
export function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

/** Counts of the docs by status and, for the others than indexed, by reason key ("(no key)" when none matched). */
export function countsOf(docs: readonly SweepDoc[]): {
  byStatus: Record<string, number>;
  byReason: Record<string, number>;
} {
  const byStatus: Record<string, number> = {};
  const byReason: Record<string, number> = {};
  for (const d of docs) {
    byStatus[d.status] = (byStatus[d.status] ?? 0) + 1;
    if (d.status === 'indexed' && !d.error) continue;
    const key = `${d.status}: ${d.errorKey ?? (d.error ? '(no key) ' + d.error.replace(/^[^:]*: /, '') : '(no reason)')}`;
    byReason[key] = (byReason[key] ?? 0) + 1;
  }
  return { byStatus, byReason };
}
