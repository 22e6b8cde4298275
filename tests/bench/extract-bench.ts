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
 * Ratios: our pages/s ÷ pdftotext's and ÷ recollindex's (pages in the files ÷ wall time). Goals: every-core run ≥
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
  pdftotext: ExtractRun | null;
  recoll: ExtractRun | null;
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

const NO_INDEX: PageIndex = { addPages: () => undefined, removeChunks: () => undefined };

async function ours(name: string, processes: number, tmp: string, pages: number, entry?: ChildEntry) {
  const { db } = openWorkspaceDb(path.join(tmp, `${processes}.wellspring`), { create: true });
  const store = new LibraryStore(db);
  const library = new LibraryService(store, NO_INDEX, () => undefined, {
    threads: processes,
    watch: false,
    extractEntry: entry,
  });
  let peak = 0;
  const sample = setInterval(() => {
    const sum = [process.pid, ...library.extractionPids()].reduce((n, pid) => n + rssOf(pid), 0);
    peak = Math.max(peak, sum);
  }, SAMPLE_MS);
  const t = performance.now();
  await library.addFolder(FOLDER);
  await library.whenIdle();
  const wallMs = performance.now() - t;
  clearInterval(sample);
  await library.close();
  const rows = db.prepare('SELECT status, COUNT(*) AS n FROM documents GROUP BY status').all() as Array<{
    status: string;
    n: number;
  }>;
  const stored = (db.prepare('SELECT COUNT(*) AS n FROM document_pages').get() as { n: number }).n;
  db.close();
  return {
    name,
    wallMs: Math.round(wallMs),
    pagesPerSecond: round1(pages / (wallMs / 1000)),
    peakRssMb: Math.round(peak / 1024 / 1024),
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
    const pdftotextMs = files.reduce((ms, f) => ms + timed('pdftotext', ['-enc', 'UTF-8', f, out]), 0);
    const pdftotext: ExtractRun = {
      name: 'pdftotext (one process)',
      wallMs: Math.round(pdftotextMs),
      pagesPerSecond: round1(pages / (pdftotextMs / 1000)),
    };
    let recoll: ExtractRun | null = null;
    let recollSkipped: string | null = null;
    if (!fs.existsSync(RECOLLINDEX)) {
      recollSkipped = 'recoll not installed: apt-get install recollcmd';
      console.log(recollSkipped);
    } else {
      const conf = path.join(tmp, 'recoll');
      fs.mkdirSync(conf);
      fs.writeFileSync(path.join(conf, 'recoll.conf'), `topdirs = ${FOLDER}\n`);
      const ms = timed(RECOLLINDEX, ['-c', conf], { ...process.env, RECOLL_CONFDIR: conf });
      recoll = { name: 'recollindex', wallMs: Math.round(ms), pagesPerSecond: round1(pages / (ms / 1000)) };
    }
    const one = await ours('ours, 1 process', 1, tmp, pages, entry);
    const all = await ours(`ours, ${cpus} processes`, cpus, tmp, pages, entry);
    const after = os.loadavg().map(round1);
    const ratio = (a: ExtractRun, b: ExtractRun | null) =>
      b ? round2(a.pagesPerSecond / b.pagesPerSecond) : null;
    const ratios = {
      vsPdftotext: ratio(all, pdftotext),
      vsRecoll: ratio(all, recoll),
      oneProcessVsPdftotext: ratio(one, pdftotext),
    };
    console.log('\nrun                          wall s   pages/s   peak RSS MB   statuses');
    for (const r of [pdftotext, recoll, one, all].filter((x): x is ExtractRun => x !== null)) {
      console.log(
        `${r.name.padEnd(28)} ${(r.wallMs / 1000).toFixed(1).padStart(6)} ${r.pagesPerSecond
          .toFixed(1)
          .padStart(9)} ${(r.peakRssMb === undefined ? '–' : String(r.peakRssMb)).padStart(13)}   ${
          r.statuses ? JSON.stringify(r.statuses) : ''
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
