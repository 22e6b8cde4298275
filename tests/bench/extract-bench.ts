/**
 * Extraction benchmark (issue 12, goal 2): indexing a folder of PDFs through the real library pipeline
 * (LibraryService → the extraction process pool → SQLite), against ONE pdftotext process and recollindex, measured in
 * the same run. Run with `npm run bench:extract` (builds first; part of `npm run bench`).
 *
 * Folder: `../shared/corpus/bench-pdf` (23 PDFs, 5,446 pages) or EXTRACT_BENCH_PDF_DIR. Every file is read once
 * first so that every run finds it in the OS file cache. Pages are counted with `pdfinfo`.
 * - pdftotext: one process at a time over the files, each writing its text to a file.
 * - recollindex (Debian's recollcmd): a fresh RECOLL_CONFDIR per run whose recoll.conf has `topdirs = <folder>`,
 *   `recollindex -c <dir>` timed to its end. Skipped with "recoll not installed: apt-get install recollcmd" when
 *   /usr/bin/recollindex (or EXTRACT_BENCH_RECOLLINDEX) is missing.
 * - ours: a new temporary workspace, `LibraryService.addFolder` until idle, with 1 process and with one per core
 *   (the default), the built child (`<build>/main/extract-child.js`, WELLSPRING_OUT_DIR) when it exists, else the
 *   source through tsx. OCR is on, as a new folder has it. Peak RSS: the sum of VmRSS (/proc/<pid>/status) of this
 *   process and every extraction process, sampled every 100 ms.
 * Priority: our extraction processes run at niceness 10; the baselines are run at the same niceness (`nice -n`),
 * so that other work on the machine slows both alike. EXTRACT_BENCH_NICE=0 runs the baselines at the app's.
 *
 * Order: the baselines, ours at 1 process and at every core, the baselines again; the load average is printed
 * before and after each part. Ratios: our pages/s ÷ the baselines' (pages in the files ÷ wall time, the baseline's
 * wall time the mean of its two runs). Goals: every-core run ≥
 * 1.0× recollindex (and so ≥ 1.0× pdftotext), peak RSS < 500 MB. Results go to test-results/bench/extract.json (or
 * EXTRACT_BENCH_RESULTS); the exit code is 0 whether the goals are met or not. The load average is printed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkspaceDb } from '../../main/core/db/workspace-db';
import type { ChildEntry } from '../../main/core/documents/extract-process-pool';
import { LibraryService, type PageIndex } from '../../main/core/documents/library-service';
import { LibraryStore } from '../../main/core/documents/library-store';
import { BUILD_DIR } from '../e2e/paths';

const REPO = path.resolve(__dirname, '../..');
const FOLDER = path.resolve(
  process.env.EXTRACT_BENCH_PDF_DIR ?? path.join(REPO, '../shared/corpus/bench-pdf'),
);
const RESULTS = path.resolve(
  process.env.EXTRACT_BENCH_RESULTS ?? path.join(REPO, 'test-results/bench/extract.json'),
);
const RECOLLINDEX = process.env.EXTRACT_BENCH_RECOLLINDEX ?? '/usr/bin/recollindex';
const NICE = Number(process.env.EXTRACT_BENCH_NICE ?? 10);
const BUILT_CHILD = path.join(BUILD_DIR, 'main/extract-child.js');
const SAMPLE_MS = 100;
const GOALS = { ratio: 1.0, peakRssMb: 500 };

const round1 = (n: number): number => Math.round(n * 10) / 10;
const round2 = (n: number): number => Math.round(n * 100) / 100;

/** One measured run. */
export interface ExtractRun {
  name: string;
  wallMs: number;
  pagesPerSecond: number;
  /** Peak RSS of the process tree, MB (ours only). */
  peakRssMb?: number;
  /** Peak RSS of this (the parent) process and of the largest single extraction process, MB (ours only). */
  peakParentRssMb?: number;
  peakChildRssMb?: number;
  /** Extraction processes started (ours only; more than the processes means some were replaced). */
  spawned?: number;
  /** Load average (1, 5, 15 min) just before and just after this part. */
  load?: { before: number[]; after: number[] };
  statuses?: Record<string, number>;
  pagesStored?: number;
}

/** The result file. */
export interface ExtractBenchResults {
  benchmark: 'extract';
  date: string;
  files: number;
  pages: number;
  loadAverage: { before: number[]; after: number[] };
  cpus: number;
  child: 'built' | 'source';
  /** The mean of the two runs of each baseline (before and after ours): the ratios' denominators. */
  pdftotext: ExtractRun | null;
  recoll: ExtractRun | null;
  /** Each baseline's run before and after ours. */
  baselineRuns: Array<{ pdftotext: ExtractRun; recoll: ExtractRun | null }>;
  recollSkipped: string | null;
  oneProcess: ExtractRun;
  everyCore: ExtractRun;
  ratios: { vsPdftotext: number | null; vsRecoll: number | null; oneProcessVsPdftotext: number | null };
  goals: Array<{ goal: string; met: boolean | null; value: string }>;
}

function pdfPages(file: string): number {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(r.stdout ?? '')?.[1] ?? 0);
}

/** Runs a command at the baselines' niceness; returns its wall time in ms. */
function timed(cmd: string, args: string[], env?: NodeJS.ProcessEnv): number {
  const t = performance.now();
  const r = spawnSync('nice', ['-n', String(NICE), cmd, ...args], {
    env: env ?? process.env,
    stdio: 'ignore',
  });
  if (r.error) throw r.error;
  return performance.now() - t;
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return Number(m?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** A build outside the repository resolves the child's dependencies through a node_modules link (as library-bench). */
function linkNodeModules(): void {
  const link = path.join(BUILD_DIR, 'node_modules');
  if (!path.relative(REPO, BUILD_DIR).startsWith('..') || fs.existsSync(link)) return;
  fs.symlinkSync(path.join(REPO, 'node_modules'), link, 'junction');
}

const load = (): number[] => os.loadavg().map(round1);

/** Runs a baseline command with the load average around it. */
function baseline(name: string, pages: number, run: () => number): ExtractRun {
  const before = load();
  const ms = run();
  const after = load();
  console.log(`${name}: ${(ms / 1000).toFixed(1)} s (load ${before.join(' ')} → ${after.join(' ')})`);
  return {
    name,
    wallMs: Math.round(ms),
    pagesPerSecond: round1(pages / (ms / 1000)),
    load: { before, after },
  };
}

/** A baseline's two runs as one: their mean wall time. */
function mean(name: string, pages: number, a: ExtractRun, b: ExtractRun): ExtractRun {
  const ms = (a.wallMs + b.wallMs) / 2;
  return {
    name,
    wallMs: Math.round(ms),
    pagesPerSecond: round1(pages / (ms / 1000)),
    load: { before: a.load!.before, after: b.load!.after },
  };
}

const NO_INDEX: PageIndex = { addPages: () => undefined, removeChunks: () => undefined };

async function ours(name: string, processes: number, tmp: string, pages: number, entry?: ChildEntry) {
  const { db } = openWorkspaceDb(path.join(tmp, `${processes}.wellspring`), { create: true });
  const store = new LibraryStore(db);
  const library = new LibraryService(store, NO_INDEX, () => undefined, {
    threads: processes,
    watch: false,
    extractEntry: entry,
    // EXTRACT_BENCH_MEMORY_MB: the pool's memory budget (LibraryServiceOptions.extractMemoryMb), e.g. 360.
    extractMemoryMb: process.env.EXTRACT_BENCH_MEMORY_MB
      ? Number(process.env.EXTRACT_BENCH_MEMORY_MB)
      : undefined,
  });
  let peak = 0;
  let peakParent = 0;
  let peakChild = 0;
  const sample = setInterval(() => {
    const parent = rssOf(process.pid);
    const children = library.extractionPids().map(rssOf);
    peak = Math.max(
      peak,
      children.reduce((n, r) => n + r, parent),
    );
    peakParent = Math.max(peakParent, parent);
    peakChild = Math.max(peakChild, ...children);
  }, SAMPLE_MS);
  const before = load();
  const t = performance.now();
  await library.addFolder(FOLDER);
  await library.whenIdle();
  const wallMs = performance.now() - t;
  const after = load();
  clearInterval(sample);
  await library.close();
  const rows = db.prepare('SELECT status, COUNT(*) AS n FROM documents GROUP BY status').all() as Array<{
    status: string;
    n: number;
  }>;
  const stored = (db.prepare('SELECT COUNT(*) AS n FROM document_pages').get() as { n: number }).n;
  db.close();
  console.log(
    `${name}: ${(wallMs / 1000).toFixed(1)} s, peak RSS ${Math.round(peak / 1048576)} MB (parent ` +
      `${Math.round(peakParent / 1048576)}, largest child ${Math.round(peakChild / 1048576)}; ` +
      `load ${before.join(' ')} → ${after.join(' ')})`,
  );
  return {
    name,
    wallMs: Math.round(wallMs),
    pagesPerSecond: round1(pages / (wallMs / 1000)),
    peakRssMb: Math.round(peak / 1024 / 1024),
    peakParentRssMb: Math.round(peakParent / 1024 / 1024),
    peakChildRssMb: Math.round(peakChild / 1024 / 1024),
    spawned: library.extractionSpawned(),
    load: { before, after },
    statuses: Object.fromEntries(rows.map((r) => [r.status, r.n])),
    pagesStored: stored,
  } satisfies ExtractRun;
}

async function main(): Promise<void> {
  if (!fs.existsSync(FOLDER)) {
    console.log(`Extraction benchmark skipped: its PDFs are missing (${FOLDER})`);
    return;
  }
  const files = fs
    .readdirSync(FOLDER)
    .filter((f) => f.toLowerCase().endsWith('.pdf'))
    .map((f) => path.join(FOLDER, f));
  for (const f of files) fs.readFileSync(f);
  const pages = files.reduce((n, f) => n + pdfPages(f), 0);
  const before = os.loadavg().map(round1);
  const cpus = os.availableParallelism();
  console.log(`Load average ${before.join(' ')} on ${cpus} CPUs; ${files.length} PDFs, ${pages} pages`);
  const child = fs.existsSync(BUILT_CHILD) ? 'built' : 'source';
  if (child === 'built') linkNodeModules();
  const entry: ChildEntry | undefined =
    child === 'built' ? { filename: BUILT_CHILD, execArgv: [] } : undefined;
  console.log(
    `Extraction child: ${child === 'built' ? path.relative(REPO, BUILT_CHILD) : 'the source through tsx'}`,
  );
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-bench-extract-'));
  try {
    const out = path.join(tmp, 'text.txt');
    // Baselines before and after ours (baseline, ours, baseline), so that a load that changes during the run (the
    // machine is shared) weighs on both sides; the ratios use the mean of each baseline's two wall times.
    let recollRun = 0;
    const baselines = (when: string): { pdftotext: ExtractRun; recoll: ExtractRun | null } => {
      const pdftotext = baseline(`pdftotext (one process, ${when})`, pages, () =>
        files.reduce((ms, f) => ms + timed('pdftotext', ['-enc', 'UTF-8', f, out]), 0),
      );
      if (!fs.existsSync(RECOLLINDEX)) return { pdftotext, recoll: null };
      // A fresh configuration folder each time: a second run in the same one would only check for changes.
      const conf = path.join(tmp, `recoll-${++recollRun}`);
      fs.mkdirSync(conf);
      fs.writeFileSync(path.join(conf, 'recoll.conf'), `topdirs = ${FOLDER}\n`);
      const recoll = baseline(`recollindex (${when})`, pages, () =>
        timed(RECOLLINDEX, ['-c', conf], { ...process.env, RECOLL_CONFDIR: conf }),
      );
      return { pdftotext, recoll };
    };
    const recollSkipped = fs.existsSync(RECOLLINDEX)
      ? null
      : 'recoll not installed: apt-get install recollcmd';
    if (recollSkipped) console.log(recollSkipped);
    const first = baselines('before');
    const one = await ours('ours, 1 process', 1, tmp, pages, entry);
    const all = await ours(`ours, ${cpus} processes`, cpus, tmp, pages, entry);
    const second = baselines('after');
    const pdftotext = mean('pdftotext (one process, mean)', pages, first.pdftotext, second.pdftotext);
    const recoll =
      first.recoll && second.recoll ? mean('recollindex (mean)', pages, first.recoll, second.recoll) : null;
    const after = os.loadavg().map(round1);
    const ratio = (a: ExtractRun, b: ExtractRun | null) =>
      b ? round2(a.pagesPerSecond / b.pagesPerSecond) : null;
    const ratios = {
      vsPdftotext: ratio(all, pdftotext),
      vsRecoll: ratio(all, recoll),
      oneProcessVsPdftotext: ratio(one, pdftotext),
    };
    console.log(
      '\nrun                          wall s   pages/s   peak RSS MB (tree/parent/1 child)   load before → after   statuses',
    );
    const table = [
      first.pdftotext,
      first.recoll,
      one,
      all,
      second.pdftotext,
      second.recoll,
      pdftotext,
      recoll,
    ];
    for (const r of table.filter((x): x is ExtractRun => x !== null)) {
      const rss = r.peakRssMb === undefined ? '–' : `${r.peakRssMb}/${r.peakParentRssMb}/${r.peakChildRssMb}`;
      const ld = r.load ? `${r.load.before[0]} → ${r.load.after[0]}` : '';
      console.log(
        `${r.name.padEnd(28)} ${(r.wallMs / 1000).toFixed(1).padStart(6)} ${r.pagesPerSecond
          .toFixed(1)
          .padStart(9)} ${rss.padStart(36)}   ${ld.padStart(19)}   ${
          r.statuses ? JSON.stringify({ ...r.statuses, spawned: r.spawned }) : ''
        }`,
      );
    }
    console.log(
      `\nRatios (pages/s): every core ÷ pdftotext ${ratios.vsPdftotext}×, every core ÷ recollindex ` +
        `${ratios.vsRecoll ?? '– (not run)'}×, 1 process ÷ pdftotext ${ratios.oneProcessVsPdftotext}×` +
        ` (baselines at nice ${NICE}; load average after ${after.join(' ')})`,
    );
    const goals = [
      {
        goal: `every core ≥ ${GOALS.ratio.toFixed(1)}× recollindex`,
        met: ratios.vsRecoll === null ? null : ratios.vsRecoll >= GOALS.ratio,
        value: ratios.vsRecoll === null ? '–' : `${ratios.vsRecoll}×`,
      },
      {
        goal: `every core ≥ ${GOALS.ratio.toFixed(1)}× one pdftotext process`,
        met: ratios.vsPdftotext === null ? null : ratios.vsPdftotext >= GOALS.ratio,
        value: `${ratios.vsPdftotext}×`,
      },
      {
        goal: `peak RSS (process tree) < ${GOALS.peakRssMb} MB with every core busy`,
        met: all.peakRssMb < GOALS.peakRssMb,
        value: `${all.peakRssMb} MB`,
      },
    ];
    console.log('\nGoals:');
    for (const g of goals)
      console.log(`  ${g.goal}: ${g.met === null ? 'not measured' : g.met ? 'met' : 'NOT met'} (${g.value})`);
    const results: ExtractBenchResults = {
      benchmark: 'extract',
      date: new Date().toISOString(),
      files: files.length,
      pages,
      loadAverage: { before, after },
      cpus,
      child,
      pdftotext,
      recoll,
      baselineRuns: [first, second],
      recollSkipped,
      oneProcess: one,
      everyCore: all,
      ratios,
      goals,
    };
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
    console.log(`Results: ${path.relative(process.cwd(), RESULTS)}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
