/**
 * Library benchmark: PDF extraction throughput, search latency and memory while indexing, each against a
 * baseline measured in the same run. Run with `npm run bench:library` (builds first). The corpus is read from
 * `../shared/corpus` beside the repository; a part whose folder is missing is skipped with a message.
 *
 * The pipeline runs as the app runs it, with one difference made on purpose: its extraction pool loads the built
 * worker (`out/main/extract-worker.js`, or under WELLSPRING_OUT_DIR: what the app's ExtractPool loads) instead of the TypeScript worker through
 * tsx, which ExtractPool falls back to when run from source and whose loader adds memory and start-up time the app
 * does not have. `LIBRARY_BENCH_WORKER=source` measures the source worker instead.
 *
 * (a) Extraction, on `bench-pdf/` (23 real PDFs, 5,446 pages). Every file is read once first, so that all runs
 *     find it in the OS file cache.
 *     - ours: the real pipeline — `LibraryService.addFolder` on a new temporary workspace (openWorkspaceDb,
 *       LibraryStore), the worker pool with its default threads (every core but one), pages written to SQLite —
 *       timed from `addFolder` until the service is idle. pages/s = pages stored / wall time. The search index is
 *       not fed (a no-op PageIndex), as in the app before its first search (SearchService builds its index
 *       lazily). The time spent in `LibraryStore.storeResult` (the SQLite writes) is measured on its own, and so is
 *       each file (from the progress event naming it to its result being stored). Then the same with a pool of 1
 *       (when the default differs) and with a thread for every core (a diagnostic: what the spare core would add).
 *     - baseline: ONE `pdftotext` process at a time over the same files, sequentially, each writing its text to a
 *       file; pages counted with `pdfinfo` (else our page counts). Skipped with a message when `pdftotext` is not on
 *       the PATH. Ratio = our pages/s ÷ pdftotext pages/s; goal ≥ 1.0 (the whole pool at least as fast as one
 *       pdftotext process).
 * (b) Search latency, in a child process (clean memory figures), on `LIBRARY_BENCH_CHUNKS` (default 100,000) chunks
 *     made from the page texts stored in (a): the pages themselves first, then variants of them (the lines of a page
 *     rotated, its second half replaced by the second half of another page; each round a document of its own) until
 *     the count is reached — real text throughout, every chunk different.
 *     - ours: SearchIndex with default options (text kept; 20 documents, snippets), `addChunk` for every chunk.
 *     - baseline: SQLite FTS5 with the `trigram` tokenizer (case-insensitive substrings), a table in a temporary
 *       file (WAL, as workspaces are); each query `ORDER BY rank LIMIT 60` (20 documents × 3 pages) with
 *       `snippet()`. Every term is quoted, so `c++` is literal and a phrase stays a phrase. FTS5 trigram cannot
 *       match a term of fewer than 3 characters (alone it finds nothing, next to other terms it is ignored): such
 *       queries are counted and reported as misses, and timed like the others.
 *     Queries (≥ 200, the same for the same corpus): terms drawn deterministically from the page texts — Chinese
 *     words of 2, 3 and 4 characters (Intl.Segmenter, spread over the frequency ranks), English words, two-word AND
 *     queries and quoted phrases, mixed Chinese/English queries, and terms with symbols (`c++`, `\usepackage`,
 *     `is.na`, `--help`). One warm-up pass over other queries, then one timed pass per engine, wall time around the
 *     call (`performance.now()`). Goal: our p95 < 10 ms and below FTS5's p95. Build time and memory (heapUsed and
 *     RSS after a forced GC, what the build added, FTS5's file size) are reported for both, and the result counts of
 *     some sample queries as a sanity check (ours match whole words, FTS5 trigram substrings).
 * (c) Memory while indexing 1,000 PDFs, in a child process (nothing from (a) and (b) in its memory): the 971 PDFs
 *     of `pdfjs-all/` plus 29 more links to some of them under other names (indexed again), as symbolic links in a
 *     temporary folder, indexed by the real LibraryService with its default threads (or
 *     `LIBRARY_BENCH_MEMORY_THREADS`). The process RSS (the main
 *     thread and the worker threads share it) is sampled every 250 ms; peak and final RSS, files per status and the
 *     slowest files are reported. A run still going after `LIBRARY_BENCH_MEMORY_TIMEOUT_S` (default 200) is
 *     cancelled; the files not reached stay pending. Goal: peak RSS < 500 MB.
 *
 * Results go to test-results/bench/library.json. The exit code is 0 whether the goals are met or not. Other work
 * on the machine slows every part down: the load average is printed and recorded. Without the corpus the whole
 * benchmark is skipped with one line (and no result file); without pdftotext only the extraction baseline is.
 * Environment: LIBRARY_BENCH_PARTS (comma-separated, from `extract,search,memory`; search needs extract's pages),
 * LIBRARY_BENCH_CHUNKS, LIBRARY_BENCH_MEMORY_TIMEOUT_S, LIBRARY_BENCH_MEMORY_THREADS, LIBRARY_BENCH_WORKER
 * (`built` or `source`); for small runs (the smoke test, library-bench.smoke.test.ts) LIBRARY_BENCH_PDF_DIR and
 * LIBRARY_BENCH_MEMORY_DIR replace `bench-pdf/` and `pdfjs-all/` by other folders of PDFs,
 * LIBRARY_BENCH_MEMORY_FILES replaces the 1,000 files of (c) and LIBRARY_BENCH_RESULTS the result file.
 * WELLSPRING_OUT_DIR names the build whose worker is used.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import Database from 'better-sqlite3';
import type { EventName, EventPayload, LibraryProgress } from '../../preload/contract';
import { openWorkspaceDb } from '../../main/core/db/workspace-db';
import { defaultThreads } from '../../main/core/documents/extract-pool';
import { LibraryService, type PageIndex } from '../../main/core/documents/library-service';
import { LibraryStore } from '../../main/core/documents/library-store';
import { SearchIndex } from '../../main/core/search/search-index';
import type { ChunkEntry } from '../../main/core/search/search-types';
import { WORKSPACE_EXT } from '../../main/core/workspace/paths';
import { BUILD_DIR } from '../e2e/paths';

const REPO = path.resolve(__dirname, '../..');
const CORPUS = path.resolve(REPO, '../shared/corpus');
const BENCH_PDF = path.resolve(process.env.LIBRARY_BENCH_PDF_DIR ?? path.join(CORPUS, 'bench-pdf'));
const PDFJS_ALL = path.resolve(process.env.LIBRARY_BENCH_MEMORY_DIR ?? path.join(CORPUS, 'pdfjs-all'));
const RESULTS = path.resolve(
  process.env.LIBRARY_BENCH_RESULTS ?? path.join(REPO, 'test-results/bench/library.json'),
);
/** The worker that the built app's ExtractPool loads. */
const BUILT_WORKER = path.join(BUILD_DIR, 'main/extract-worker.js');

const PARTS = new Set((process.env.LIBRARY_BENCH_PARTS ?? 'extract,search,memory').split(','));
const CHUNKS = Number(process.env.LIBRARY_BENCH_CHUNKS ?? 100_000);
const MEMORY_FILES = Number(process.env.LIBRARY_BENCH_MEMORY_FILES ?? 1000);
const MEMORY_TIMEOUT_MS = Number(process.env.LIBRARY_BENCH_MEMORY_TIMEOUT_S ?? 200) * 1000;
const MEMORY_THREADS = Number(process.env.LIBRARY_BENCH_MEMORY_THREADS ?? 0) || defaultThreads();
const EXTRACT_TIMEOUT_MS = 300_000;
const SAMPLE_MS = 250;
const WORKER: 'built' | 'source' =
  process.env.LIBRARY_BENCH_WORKER !== 'source' && fs.existsSync(BUILT_WORKER) ? 'built' : 'source';

const GOALS = { extractRatio: 1.0, searchP95Ms: 10, peakRssMb: 500 };

const MB = 1024 * 1024;
const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
const mb = (bytes: number) => round1(bytes / MB);

/** `global.gc`, exposed at run time (the npm script passes no node flags). */
const gc = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

function memory(): { heapUsedMb: number; rssMb: number } {
  gc();
  const m = process.memoryUsage();
  return { heapUsedMb: mb(m.heapUsed), rssMb: mb(m.rss) };
}

/** Characters a terminal shows two columns wide (CJK, full-width forms). */
const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60]/u;
const columns = (s: string) => [...s].reduce((w, ch) => w + (WIDE.test(ch) ? 2 : 1), 0);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => columns(r[c]!))));
  return rows
    .map((r) =>
      r
        .map((cell, c) => {
          const fill = ' '.repeat(widths[c]! - columns(cell));
          return c === 0 ? cell + fill : fill + cell;
        })
        .join('  '),
    )
    .join('\n');
}

/** Nearest-rank percentile of unsorted values. */
function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

function latency(values: readonly number[]): { p50: number; p95: number; max: number; mean: number } {
  return {
    p50: round2(percentile(values, 50)),
    p95: round2(percentile(values, 95)),
    max: round2(Math.max(...values)),
    mean: round2(values.reduce((a, b) => a + b, 0) / values.length),
  };
}

const yesNo = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'NOT met');

/** First line of `<tool> -v`, or null when the tool is not on the PATH. */
function toolVersion(tool: string): string | null {
  const r = spawnSync(tool, ['-v'], { encoding: 'utf8' });
  if (r.error) return null;
  return `${r.stderr}${r.stdout}`.split('\n')[0]!.trim();
}

// ---------------------------------------------------------------------------------------------------------------
// The real pipeline, instrumented from outside

/** LibraryStore that times its SQLite writes and notes when each file's result was stored. */
class TimedStore extends LibraryStore {
  sqliteMs = 0;
  readonly storedAt = new Map<number, number>();

  override storeResult(id: number, result: Parameters<LibraryStore['storeResult']>[1]) {
    const t = performance.now();
    try {
      return super.storeResult(id, result);
    } finally {
      const end = performance.now();
      this.sqliteMs += end - t;
      this.storedAt.set(id, end);
    }
  }
}

/**
 * A build outside the repository (WELLSPRING_OUT_DIR=/tmp/…) cannot resolve the worker's external dependencies
 * (pdfjs-dist is an ESM `import()`, which NODE_PATH does not reach) by walking up from its folder: give the build
 * folder a `node_modules` link to the repository's, so it resolves them as `out/` does.
 */
function linkNodeModules(): void {
  const link = path.join(BUILD_DIR, 'node_modules');
  if (!path.relative(REPO, BUILD_DIR).startsWith('..') || fs.existsSync(link)) return;
  fs.symlinkSync(path.join(REPO, 'node_modules'), link, 'junction');
  console.log(`Linked ${link} to the repository's node_modules (the build is outside the repository)`);
}

/**
 * The built extraction child (`out/main/extract-child.js`, beside the built worker), the file the app's
 * ExtractProcessPool forks. Run from source, the pool falls back to the TypeScript child through tsx, whose loader
 * costs memory and start-up time that the app does not have.
 */
function builtChild(): { filename: string; execArgv: string[] } {
  linkNodeModules();
  return { filename: path.join(path.dirname(BUILT_WORKER), 'extract-child.js'), execArgv: [] };
}

/** The search index is built lazily in the app; until the first search the pipeline feeds nothing. */
const NO_INDEX: PageIndex = { addPages: () => undefined, removeChunks: () => undefined };

export interface FileTime {
  file: string;
  ms: number;
  status: string;
  pages: number;
  error: string | null;
}

export interface LibraryRun {
  threads: number;
  files: number;
  wallMs: number;
  pagesStored: number;
  /** Sum of the files' page counts (pages without text included). */
  pagesInFiles: number;
  pagesPerSecond: number;
  sqliteMs: number;
  statuses: Record<string, number>;
  timedOut: boolean;
  /** RSS when the run ended, before the pool was closed. */
  endRssMb: number;
  /** Time per file, slowest first: the `keepTimes` slowest, or all of them when it is 0. */
  fileTimes: FileTime[];
}

/**
 * Indexes `folder` into a new workspace at `workspaceFile` with the real LibraryService and waits until it is idle
 * (or cancels it after `timeoutMs`). Per-file times: from the progress event naming the file (sent when a lane
 * takes it; `progressIntervalMs: 0` sends every one) until its result was stored.
 */
async function runLibrary(
  folder: string,
  workspaceFile: string,
  threads: number,
  timeoutMs: number,
  options: { keepTimes?: number; onProgress?: (p: LibraryProgress) => void } = {},
): Promise<LibraryRun> {
  const { db } = openWorkspaceDb(workspaceFile, { create: true });
  const store = new TimedStore(db);
  const startedAt = new Map<string, number>();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    if (event !== 'library:did-progress') return;
    const p = payload as LibraryProgress;
    if (p.current && !startedAt.has(p.current)) startedAt.set(p.current, performance.now());
    options.onProgress?.(p);
  };
  const library = new LibraryService(store, NO_INDEX, emit, {
    threads,
    watch: false,
    progressIntervalMs: 0,
    extractEntry: WORKER === 'built' ? builtChild() : undefined,
  });
  try {
    const t0 = performance.now();
    await library.addFolder(folder);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      library.whenIdle().then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (timedOut) await library.cancel();
    const wallMs = performance.now() - t0;
    const endRssMb = mb(process.memoryUsage().rss);
    const docs = db
      .prepare(
        `SELECT d.id, d.path, d.status, d.page_count, d.error,
           (SELECT COUNT(*) FROM document_pages p WHERE p.doc_id = d.id) AS stored
         FROM documents d`,
      )
      .all() as Array<{
      id: number;
      path: string;
      status: string;
      page_count: number;
      error: string | null;
      stored: number;
    }>;
    const statuses: Record<string, number> = {};
    for (const d of docs) statuses[d.status] = (statuses[d.status] ?? 0) + 1;
    const pagesStored = docs.reduce((n, d) => n + d.stored, 0);
    const times: FileTime[] = docs.flatMap((d) => {
      const start = startedAt.get(d.path);
      const end = store.storedAt.get(d.id);
      return start === undefined || end === undefined
        ? []
        : [
            {
              file: path.basename(d.path),
              ms: Math.round(end - start),
              status: d.status,
              pages: d.page_count,
              error: d.error,
            },
          ];
    });
    return {
      threads,
      files: docs.length,
      wallMs: Math.round(wallMs),
      pagesStored,
      pagesInFiles: docs.reduce((n, d) => n + d.page_count, 0),
      pagesPerSecond: round1(pagesStored / (wallMs / 1000)),
      sqliteMs: Math.round(store.sqliteMs),
      statuses,
      timedOut,
      endRssMb,
      fileTimes: times.sort((a, b) => b.ms - a.ms).slice(0, options.keepTimes || undefined),
    };
  } finally {
    await library.close();
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// (a) Extraction throughput

export interface PdftotextRun {
  version: string;
  wallMs: number;
  pages: number;
  pagesFrom: 'pdfinfo' | 'our page counts';
  pagesPerSecond: number;
  failures: string[];
  /** Per file: pages (pdfinfo) and ms. */
  perFile: Array<{ file: string; pages: number | null; ms: number }>;
}

export interface ExtractionResult {
  files: number;
  bytes: number;
  pool: LibraryRun;
  singleThread: LibraryRun | null;
  allCores: LibraryRun | null;
  pdftotext: PdftotextRun | null;
  pdftotextSkipped: string | null;
  ratio: number | null;
  goalMet: boolean | null;
  /** The workspace of the pool run: its page texts feed part (b). */
  workspaceFile: string;
}

function runPdftotext(files: string[], outDir: string, ourPages: number): PdftotextRun | string {
  const version = toolVersion('pdftotext');
  if (version === null) return 'pdftotext is not on the PATH (Poppler utilities): the baseline is skipped';
  const infoPages = files.map((f) => {
    const r = spawnSync('pdfinfo', [f], { encoding: 'utf8' });
    const m = r.error ? null : /^Pages:\s+(\d+)/m.exec(r.stdout);
    return m ? Number(m[1]) : null;
  });
  const pagesFrom = infoPages.every((n) => n !== null) ? 'pdfinfo' : 'our page counts';
  const pages = pagesFrom === 'pdfinfo' ? infoPages.reduce<number>((a, n) => a + n!, 0) : ourPages;
  fs.mkdirSync(outDir, { recursive: true });
  const failures: string[] = [];
  const perFile: PdftotextRun['perFile'] = [];
  const t0 = performance.now();
  for (const [i, f] of files.entries()) {
    const t = performance.now();
    const r = spawnSync('pdftotext', ['-enc', 'UTF-8', f, path.join(outDir, `${i}.txt`)]);
    perFile.push({ file: path.basename(f), pages: infoPages[i]!, ms: Math.round(performance.now() - t) });
    if (r.status !== 0) failures.push(`${path.basename(f)}: exit ${r.status ?? r.signal}`);
  }
  const wallMs = performance.now() - t0;
  return {
    version,
    wallMs: Math.round(wallMs),
    pages,
    pagesFrom,
    pagesPerSecond: round1(pages / (wallMs / 1000)),
    failures,
    perFile,
  };
}

async function extractionPart(tmp: string): Promise<ExtractionResult | null> {
  if (!fs.existsSync(BENCH_PDF)) {
    console.log(`(a) Extraction: skipped, ${BENCH_PDF} is missing`);
    return null;
  }
  const files = fs
    .readdirSync(BENCH_PDF)
    .filter((f) => f.toLowerCase().endsWith('.pdf'))
    .sort()
    .map((f) => path.join(BENCH_PDF, f));
  let bytes = 0;
  for (const f of files) bytes += fs.readFileSync(f).length;
  const threads = defaultThreads();
  console.log(
    `(a) Extraction: ${files.length} PDFs, ${mb(bytes)} MB; pool of ${threads} thread${threads === 1 ? '' : 's'}`,
  );

  const workspaceFile = path.join(tmp, `extract-pool${WORKSPACE_EXT}`);
  const pool = await runLibrary(BENCH_PDF, workspaceFile, threads, EXTRACT_TIMEOUT_MS, { keepTimes: 0 });
  if (pool.pagesStored === 0) {
    // Every later number would be 0 or meaningless (and (b) would have no text to index).
    const error = pool.fileTimes.find((f) => f.error)?.error ?? 'no file had a text layer';
    throw new Error(`No page was extracted from ${BENCH_PDF}: ${error}`);
  }
  console.log(`  ours, pool of ${pool.threads}: ${pool.wallMs} ms, ${pool.pagesStored} pages stored`);

  const baseline = runPdftotext(files, path.join(tmp, 'pdftotext'), pool.pagesInFiles);
  const pdftotext = typeof baseline === 'string' ? null : baseline;
  if (typeof baseline === 'string') console.log(`  ${baseline}`);
  else console.log(`  pdftotext, one process at a time: ${baseline.wallMs} ms, ${baseline.pages} pages`);

  let singleThread: LibraryRun | null = null;
  if (threads > 1) {
    singleThread = await runLibrary(
      BENCH_PDF,
      path.join(tmp, `extract-1${WORKSPACE_EXT}`),
      1,
      EXTRACT_TIMEOUT_MS,
    );
    console.log(`  ours, pool of 1: ${singleThread.wallMs} ms`);
  }
  let allCores: LibraryRun | null = null;
  const cores = os.availableParallelism();
  if (cores > threads) {
    allCores = await runLibrary(
      BENCH_PDF,
      path.join(tmp, `extract-all${WORKSPACE_EXT}`),
      cores,
      EXTRACT_TIMEOUT_MS,
      { keepTimes: 0 },
    );
    console.log(`  ours, pool of ${cores} (every core, diagnostic): ${allCores.wallMs} ms`);
  }
  const ratio = pdftotext ? round2(pool.pagesPerSecond / pdftotext.pagesPerSecond) : null;
  return {
    files: files.length,
    bytes,
    pool,
    singleThread,
    allCores,
    pdftotext,
    pdftotextSkipped: typeof baseline === 'string' ? baseline : null,
    ratio,
    goalMet: ratio === null ? null : ratio >= GOALS.extractRatio,
    workspaceFile,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// (b) Search latency

interface PageText {
  docId: number;
  page: number;
  text: string;
}

/**
 * `total` chunks from the page texts: the pages themselves, then per further copy every page with its lines
 * rotated and its second half taken from another page (a different pairing per copy). Each copy is a document
 * of its own. Deterministic.
 */
function* benchChunks(pages: readonly PageText[], total: number): Generator<ChunkEntry> {
  if (pages.length === 0) throw new Error('No page texts to make search chunks from');
  const lines = pages.map((p) => p.text.split('\n'));
  let id = 0;
  for (let copy = 0; id < total; copy++) {
    for (let i = 0; i < pages.length && id < total; i++) {
      const p = pages[i]!;
      let text = p.text;
      if (copy > 0) {
        const a = lines[i]!;
        const b = lines[(i * 31 + copy * 977) % pages.length]!;
        const shift = (copy * 13) % a.length;
        const rotated = a.slice(shift).concat(a.slice(0, shift));
        text = rotated
          .slice(0, Math.ceil(rotated.length / 2))
          .concat(b.slice(Math.floor(b.length / 2)))
          .join('\n');
      }
      yield { chunkId: ++id, docId: copy * 1000 + p.docId, page: p.page, text };
    }
  }
}

export type QueryKind = 'zh-2' | 'zh-3' | 'zh-4' | 'en-word' | 'en-and' | 'en-phrase' | 'mixed' | 'symbol';
const QUERY_PLAN: ReadonlyArray<readonly [QueryKind, number]> = [
  ['zh-2', 40],
  ['zh-3', 30],
  ['zh-4', 30],
  ['en-word', 45],
  ['en-and', 20],
  ['en-phrase', 15],
  ['mixed', 25],
  ['symbol', 25],
];

interface BenchQuery {
  kind: QueryKind;
  /** Terms (AND); a term with a space is a phrase. */
  terms: string[];
}

/** The query as typed into our search box: phrases in double quotes. */
const oursQuery = (q: BenchQuery) => q.terms.map((t) => (t.includes(' ') ? `"${t}"` : t)).join(' ');
/** The FTS5 MATCH expression: every term a quoted string (literal substring for trigram), AND between them. */
const ftsQuery = (q: BenchQuery) => q.terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(' ');
/**
 * FTS5 trigram cannot match a term of fewer than 3 characters: alone it matches nothing; next to longer terms it
 * is ignored (so rows without it match too).
 */
const isShort = (t: string) => [...t].length < 3;

/** mulberry32: a small seeded PRNG, so the query list is the same in every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Keys by descending count (ties by key), keeping those seen at least `min` times. */
function byFrequency(counts: Map<string, number>, min = 2): string[] {
  return [...counts]
    .filter(([, n]) => n >= min)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k]) => k);
}

/** `n` items spread evenly over `list` (frequent and rare ones alike), skipping `exclude`. */
function spread(list: readonly string[], n: number, exclude: ReadonlySet<string> = new Set()): string[] {
  const pool = list.filter((x) => !exclude.has(x));
  if (pool.length <= n) return pool;
  return Array.from({ length: n }, (_, i) => pool[Math.floor((i * pool.length) / n)]!);
}

const HAN_RUN = /^\p{Script=Han}+$/u;
const LATIN_WORD = /\b[A-Za-z][a-z]{2,}\b/g;
const SYMBOL_TERM =
  /(?<![\w\\.+#-])(?:[A-Za-z]\w*(?:\+\+|#)(?![\w#+])|\\[A-Za-z]{3,}|[A-Za-z]\w*(?:\.[A-Za-z]\w*)+|--[a-z][a-z-]{2,}|[a-z]+_[a-z_]+)/g;

const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/**
 * The fixed query list (and a disjoint warm-up list): terms drawn from the page texts, see the file comment.
 * Chinese words come from Intl.Segmenter (full ICU) and must occur at least twice; English words are lower-cased
 * words of 3+ letters; symbol terms are `c++`-style names, LaTeX commands, dotted names and long options.
 */
function buildQueries(pages: readonly PageText[]): { queries: BenchQuery[]; warmup: BenchQuery[] } {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const zh = new Map<number, Map<string, number>>([
    [2, new Map()],
    [3, new Map()],
    [4, new Map()],
  ]);
  const en = new Map<string, number>();
  const symbols = new Map<string, number>();
  const pairs = new Map<string, number>();
  const zhPages: Array<{ zh: string[]; en: string[]; adjacent: string[] }> = [];
  for (const p of pages) {
    const words = (p.text.match(LATIN_WORD) ?? []).map((w) => w.toLowerCase());
    for (const w of words) count(en, w);
    for (const m of p.text.matchAll(/\b([A-Za-z][a-z]{2,})[ ]+([a-z]{3,})\b/g))
      count(pairs, `${m[1]!.toLowerCase()} ${m[2]}`);
    for (const m of p.text.matchAll(SYMBOL_TERM)) count(symbols, m[0].toLowerCase());
    if (!/\p{Script=Han}/u.test(p.text)) continue;
    const pageZh: string[] = [];
    for (const s of segmenter.segment(p.text)) {
      const len = [...s.segment].length;
      if (s.isWordLike && len >= 2 && len <= 4 && HAN_RUN.test(s.segment)) {
        count(zh.get(len)!, s.segment);
        pageZh.push(s.segment);
      }
    }
    const adjacent = [...p.text.matchAll(/[A-Za-z][A-Za-z+#]+\p{Script=Han}{2}/gu)].map((m) => m[0]);
    if (pageZh.length && words.length) zhPages.push({ zh: pageZh, en: words, adjacent });
  }
  const random = rng(20240601);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const lists: Record<QueryKind, string[][]> = {
    'zh-2': byFrequency(zh.get(2)!).map((w) => [w]),
    'zh-3': byFrequency(zh.get(3)!).map((w) => [w]),
    'zh-4': byFrequency(zh.get(4)!).map((w) => [w]),
    'en-word': byFrequency(en).map((w) => [w]),
    'en-and': byFrequency(pairs).map((p) => p.split(' ')),
    'en-phrase': byFrequency(pairs).map((p) => [p]),
    mixed: [],
    symbol: byFrequency(symbols, 3).map((s) => [s]),
  };
  // Mixed: a word of each script from the same page, or a Latin word run into Chinese ("LaTeX宏包").
  const mixedSeen = new Set<string>();
  for (let i = 0; i < 400 && zhPages.length; i++) {
    const page = pick(zhPages);
    const terms =
      i % 3 === 2 && page.adjacent.length ? [pick(page.adjacent)] : [pick(page.en), pick(page.zh)];
    if (!mixedSeen.has(terms.join(' '))) {
      mixedSeen.add(terms.join(' '));
      lists.mixed.push(terms);
    }
  }
  const queries: BenchQuery[] = [];
  const warmup: BenchQuery[] = [];
  for (const [kind, n] of QUERY_PLAN) {
    const keyed = new Map(lists[kind].map((terms) => [terms.join('\u0000'), terms]));
    const chosen = spread([...keyed.keys()], n);
    const warm = spread([...keyed.keys()], 4, new Set(chosen));
    queries.push(...chosen.map((k) => ({ kind, terms: keyed.get(k)! })));
    warmup.push(...warm.map((k) => ({ kind, terms: keyed.get(k)! })));
  }
  if (!queries.some((q) => q.terms[0] === 'c++') && (symbols.get('c++') ?? 0) > 0)
    queries.push({ kind: 'symbol', terms: ['c++'] });
  return { queries, warmup };
}

export interface EngineStats {
  buildMs: number;
  memory: { heapUsedMb: number; rssMb: number; heapDeltaMb: number; rssDeltaMb: number; diskMb?: number };
  latencyMs: ReturnType<typeof latency>;
  byKind: Record<string, ReturnType<typeof latency>>;
  /** Queries that found nothing. */
  empty: number;
}

export interface SearchResultSummary {
  chunks: number;
  sourcePages: number;
  characters: number;
  queries: number;
  ours: EngineStats;
  fts5: EngineStats & {
    sqlite: string;
    /** Queries with a term under 3 characters (FTS5 trigram cannot match it). */
    shortQueries: number;
    /** …of which every term is that short: FTS5 finds nothing. */
    shortOnly: number;
    /** …of which ours found something. */
    shortQueriesOursFound: number;
    errors: string[];
  };
  /** Our p95 ÷ FTS5's p95, from the unrounded times, 3 significant digits (below 1: ours is faster). */
  p95Ratio: number;
  /** Queries ours answered and FTS5 did not (short ones included), and the reverse. */
  onlyOurs: number;
  onlyFts5: number;
  samples: Array<{
    query: string;
    kind: QueryKind;
    oursChunks: number;
    oursExhaustive: boolean;
    oursDocs: number;
    fts5Chunks: number;
  }>;
  goalMet: boolean;
  perQuery: Array<{ query: string; kind: QueryKind; oursMs: number; fts5Ms: number; oursChunks: number }>;
}

function byKind(queries: readonly BenchQuery[], times: readonly number[]) {
  const out: Record<string, ReturnType<typeof latency>> = {};
  for (const [kind] of QUERY_PLAN) {
    const t = times.filter((_, i) => queries[i]!.kind === kind);
    if (t.length) out[kind] = latency(t);
  }
  return out;
}

function searchPart(tmp: string, workspaceFile: string): SearchResultSummary {
  const source = new Database(workspaceFile, { readonly: true });
  const pages = source
    .prepare('SELECT doc_id AS docId, page, text FROM document_pages ORDER BY id')
    .all() as PageText[];
  source.close();
  let characters = 0;
  for (const c of benchChunks(pages, CHUNKS)) characters += c.text.length;
  console.log(
    `\n(b) Search: ${CHUNKS} chunks (${round1(characters / CHUNKS)} characters on average) from ${pages.length} pages`,
  );
  const { queries, warmup } = buildQueries(pages);

  // Ours.
  const before = memory();
  const index = new SearchIndex();
  let t0 = performance.now();
  for (const c of benchChunks(pages, CHUNKS)) index.addChunk(c);
  const oursBuildMs = Math.round(performance.now() - t0);
  const oursMem = memory();
  console.log(
    `  SearchIndex built in ${oursBuildMs} ms; heap ${oursMem.heapUsedMb} MB, RSS ${oursMem.rssMb} MB`,
  );

  // FTS5 trigram.
  const ftsFile = path.join(tmp, 'fts5-trigram.sqlite');
  const fts = new Database(ftsFile);
  fts.pragma('journal_mode = WAL');
  fts.pragma('synchronous = NORMAL');
  const sqlite = fts.prepare('SELECT sqlite_version()').pluck().get() as string;
  fts.exec("CREATE VIRTUAL TABLE pages USING fts5(text, tokenize = 'trigram')");
  const insert = fts.prepare('INSERT INTO pages (rowid, text) VALUES (?, ?)');
  const insertAll = fts.transaction((rows: ChunkEntry[]) => {
    for (const r of rows) insert.run(r.chunkId, r.text);
  });
  t0 = performance.now();
  let batch: ChunkEntry[] = [];
  for (const c of benchChunks(pages, CHUNKS)) {
    batch.push(c);
    if (batch.length === 5000) {
      insertAll(batch);
      batch = [];
    }
  }
  insertAll(batch);
  fts.pragma('wal_checkpoint(TRUNCATE)');
  const ftsBuildMs = Math.round(performance.now() - t0);
  const ftsMem = memory();
  const diskMb = mb(fs.statSync(ftsFile).size);
  console.log(`  FTS5 trigram built in ${ftsBuildMs} ms; ${diskMb} MB on disk, RSS ${ftsMem.rssMb} MB`);

  const select = fts.prepare(
    "SELECT rowid, snippet(pages, 0, '[', ']', '…', 16) AS snippet FROM pages WHERE pages MATCH ? ORDER BY rank LIMIT 60",
  );
  const countFts = fts.prepare('SELECT COUNT(*) FROM pages WHERE pages MATCH ?').pluck();
  const errors: string[] = [];
  const runFts = (q: BenchQuery): number => {
    try {
      return select.all(ftsQuery(q)).length;
    } catch (e) {
      errors.push(`${ftsQuery(q)}: ${(e as Error).message}`);
      return 0;
    }
  };
  for (const q of warmup) {
    index.search(oursQuery(q));
    runFts(q);
  }
  const oursMs: number[] = [];
  const oursChunks: number[] = [];
  const oursExhaustive: boolean[] = [];
  const oursDocs: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    const r = index.search(oursQuery(q));
    oursMs.push(performance.now() - t);
    oursChunks.push(r.totalChunks);
    oursExhaustive.push(r.exhaustive);
    oursDocs.push(r.docs.length);
  }
  const ftsMs: number[] = [];
  const ftsRows: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    const rows = runFts(q);
    ftsMs.push(performance.now() - t);
    ftsRows.push(rows);
  }
  const short = queries.map((q) => q.terms.some(isShort));
  const sampleIdx = QUERY_PLAN.flatMap(([kind]) => {
    const i = queries.findIndex((q) => q.kind === kind);
    const j = queries.findLastIndex((q) => q.kind === kind);
    return i < 0 ? [] : i === j ? [i] : [i, j];
  });
  const cpp = queries.findIndex((q) => q.terms[0] === 'c++');
  if (cpp >= 0 && !sampleIdx.includes(cpp)) sampleIdx.push(cpp);
  const samples = sampleIdx.map((i) => {
    const q = queries[i]!;
    return {
      query: oursQuery(q),
      kind: q.kind,
      oursChunks: oursChunks[i]!,
      oursExhaustive: oursExhaustive[i]!,
      oursDocs: oursDocs[i]!,
      fts5Chunks: countFts.get(ftsQuery(q)) as number,
    };
  });
  fts.close();
  const oursLatency = latency(oursMs);
  const ftsLatency = latency(ftsMs);
  return {
    chunks: CHUNKS,
    sourcePages: pages.length,
    characters,
    queries: queries.length,
    ours: {
      buildMs: oursBuildMs,
      memory: {
        ...oursMem,
        heapDeltaMb: round1(oursMem.heapUsedMb - before.heapUsedMb),
        rssDeltaMb: round1(oursMem.rssMb - before.rssMb),
      },
      latencyMs: oursLatency,
      byKind: byKind(queries, oursMs),
      empty: oursChunks.filter((n) => n === 0).length,
    },
    fts5: {
      sqlite,
      buildMs: ftsBuildMs,
      memory: {
        ...ftsMem,
        heapDeltaMb: round1(ftsMem.heapUsedMb - oursMem.heapUsedMb),
        rssDeltaMb: round1(ftsMem.rssMb - oursMem.rssMb),
        diskMb,
      },
      latencyMs: ftsLatency,
      byKind: byKind(queries, ftsMs),
      empty: ftsRows.filter((n) => n === 0).length,
      shortQueries: short.filter(Boolean).length,
      shortOnly: queries.filter((q) => q.terms.every(isShort)).length,
      shortQueriesOursFound: short.filter((s, i) => s && oursChunks[i]! > 0).length,
      errors,
    },
    p95Ratio: Number((percentile(oursMs, 95) / percentile(ftsMs, 95)).toPrecision(3)),
    onlyOurs: queries.filter((_, i) => oursChunks[i]! > 0 && ftsRows[i] === 0).length,
    onlyFts5: queries.filter((_, i) => oursChunks[i] === 0 && ftsRows[i]! > 0).length,
    samples,
    goalMet: oursLatency.p95 < GOALS.searchP95Ms && oursLatency.p95 < ftsLatency.p95,
    perQuery: queries.map((q, i) => ({
      query: oursQuery(q),
      kind: q.kind,
      oursMs: round2(oursMs[i]!),
      fts5Ms: round2(ftsMs[i]!),
      oursChunks: oursChunks[i]!,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// (c) Memory while indexing 1,000 PDFs (in a child process)

export interface MemoryResult {
  files: number;
  extraLinks: number;
  run: LibraryRun;
  baselineRssMb: number;
  peakRssMb: number;
  finalRssMb: number;
  afterCloseRssMb: number;
  /** Peak of the main thread's V8 heap (heapUsed + external): the rest of the RSS is the workers and native code. */
  peakMainHeapMb: number;
  worker: typeof WORKER;
  /** [seconds since start, RSS MB] every second. */
  timeline: Array<[number, number]>;
  goalMet: boolean;
}

/** Runs in the child: links 1,000 PDFs into a temporary folder, indexes it, samples RSS, writes the result. */
async function memoryChild(): Promise<MemoryResult> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-bench-memory-'));
  try {
    const folder = path.join(tmp, 'pdfs');
    fs.mkdirSync(folder);
    const pdfs = fs
      .readdirSync(PDFJS_ALL)
      .filter((f) => f.toLowerCase().endsWith('.pdf'))
      .sort()
      .slice(0, MEMORY_FILES);
    for (const f of pdfs) fs.symlinkSync(path.join(PDFJS_ALL, f), path.join(folder, f));
    const extra = Math.max(0, MEMORY_FILES - pdfs.length);
    const step = Math.max(1, Math.floor(pdfs.length / Math.max(1, extra)));
    for (let i = 0; i < extra; i++) {
      const f = pdfs[(i * step) % pdfs.length]!;
      fs.symlinkSync(path.join(PDFJS_ALL, f), path.join(folder, `copy-${i + 1}-${f}`));
    }
    const samples: Array<[number, number]> = [];
    let peakMainHeap = 0;
    const t0 = performance.now();
    const sample = () => {
      const m = process.memoryUsage();
      samples.push([(performance.now() - t0) / 1000, m.rss]);
      peakMainHeap = Math.max(peakMainHeap, m.heapUsed + m.external);
    };
    const baselineRssMb = mb(process.memoryUsage().rss);
    sample();
    const timer = setInterval(sample, SAMPLE_MS);
    let lastLog = 0;
    const run = await runLibrary(
      folder,
      path.join(tmp, `memory${WORKSPACE_EXT}`),
      MEMORY_THREADS,
      MEMORY_TIMEOUT_MS,
      {
        keepTimes: 5,
        onProgress: (p) => {
          const now = performance.now();
          if (now - lastLog < 15_000) return;
          lastLog = now;
          const rss = mb(process.memoryUsage().rss);
          console.log(`  ${Math.round((now - t0) / 1000)} s: ${p.done}/${p.total} files, RSS ${rss} MB`);
        },
      },
    );
    sample();
    clearInterval(timer);
    const afterCloseRssMb = mb(process.memoryUsage().rss);
    const peakRssMb = mb(Math.max(...samples.map(([, rss]) => rss)));
    const timeline: Array<[number, number]> = [];
    for (const [s, rss] of samples) {
      const sec = Math.floor(s);
      if (timeline.length === 0 || timeline[timeline.length - 1]![0] !== sec) timeline.push([sec, mb(rss)]);
    }
    return {
      files: pdfs.length + extra,
      extraLinks: extra,
      run,
      baselineRssMb,
      peakRssMb,
      finalRssMb: run.endRssMb,
      afterCloseRssMb,
      peakMainHeapMb: mb(peakMainHeap),
      worker: WORKER,
      timeline,
      goalMet: peakRssMb < GOALS.peakRssMb,
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Runs this file again in a child process for one part (same Node, same loader flags), so that the part's memory
 * is measured without what earlier parts left in this process. The child writes its result to a JSON file.
 */
function runChild<T>(part: 'search' | 'memory', tmp: string, input: string, timeoutMs: number): T | null {
  const out = path.join(tmp, `${part}.json`);
  const r = spawnSync(process.execPath, [...process.execArgv, __filename], {
    env: {
      ...process.env,
      LIBRARY_BENCH_CHILD: part,
      LIBRARY_BENCH_CHILD_INPUT: input,
      LIBRARY_BENCH_CHILD_OUT: out,
    },
    stdio: 'inherit',
    timeout: timeoutMs,
  });
  if (!fs.existsSync(out)) {
    console.log(`  the child process ended without a result (exit ${r.status ?? r.signal})`);
    return null;
  }
  return JSON.parse(fs.readFileSync(out, 'utf8')) as T;
}

/** What the child process of a part does: runs it and writes the result to `LIBRARY_BENCH_CHILD_OUT`. */
async function childMain(part: string): Promise<void> {
  let result: unknown;
  if (part === 'memory') result = await memoryChild();
  else {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-bench-search-'));
    try {
      result = searchPart(tmp, process.env.LIBRARY_BENCH_CHILD_INPUT!);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  fs.writeFileSync(process.env.LIBRARY_BENCH_CHILD_OUT!, JSON.stringify(result));
}

function memoryPart(tmp: string): MemoryResult | null {
  if (!fs.existsSync(PDFJS_ALL)) {
    console.log(`\n(c) Memory: skipped, ${PDFJS_ALL} is missing`);
    return null;
  }
  console.log(
    `\n(c) Memory: indexing ${MEMORY_FILES} PDFs in a child process (time limit ${MEMORY_TIMEOUT_MS / 1000} s)`,
  );
  return runChild<MemoryResult>('memory', tmp, '', MEMORY_TIMEOUT_MS + 120_000);
}

// ---------------------------------------------------------------------------------------------------------------

function printExtraction(e: ExtractionResult): void {
  const pagesTotal = e.pdftotext?.pages ?? e.pool.pagesInFiles;
  console.log(
    `\n(a) PDF extraction, ${e.files} PDFs, ${pagesTotal} pages (${e.pdftotext?.pagesFrom ?? 'our page counts'}), ` +
      `${mb(e.bytes)} MB\n`,
  );
  const base = e.pdftotext?.pagesPerSecond;
  const vs = (rate: number) => (base ? (rate / base).toFixed(2) : '–');
  const ours = (title: string, r: LibraryRun) => [
    title,
    String(r.threads),
    (r.wallMs / 1000).toFixed(1),
    String(r.pagesStored),
    r.pagesPerSecond.toFixed(1),
    (r.sqliteMs / 1000).toFixed(2),
    vs(r.pagesPerSecond),
  ];
  const rows = [
    ['run', 'threads', 'wall s', 'pages', 'pages/s', 'SQLite s', 'vs pdftotext'],
    ours('ours: LibraryService, default pool', e.pool),
  ];
  if (e.singleThread) rows.push(ours('ours: pool of 1', e.singleThread));
  if (e.allCores) rows.push(ours('ours: every core (diagnostic)', e.allCores));
  if (e.pdftotext) {
    const p = e.pdftotext;
    rows.push([
      'pdftotext, one process, sequential',
      '1',
      (p.wallMs / 1000).toFixed(1),
      String(p.pages),
      p.pagesPerSecond.toFixed(1),
      '–',
      '1.00',
    ]);
  }
  console.log(table(rows));
  console.log(
    '(ours: pages stored (pages with text) / wall time from addFolder to idle, SQLite writes included; ' +
      `pages in the files: ${e.pool.pagesInFiles})`,
  );
  if (!e.singleThread)
    console.log(
      `(pool of 1: the default pool already has 1 thread on this ${os.availableParallelism()}-core machine)`,
    );
  if (e.pdftotextSkipped) console.log(e.pdftotextSkipped);
  if (e.pdftotext?.failures.length) console.log(`pdftotext failures: ${e.pdftotext.failures.join('; ')}`);
  if (!e.pdftotext) return;
  console.log('\nPer file (pages/s; the first file of a run includes starting the worker thread):\n');
  const ourTimes = new Map(e.pool.fileTimes.map((f) => [f.file, f]));
  const diag = new Map((e.allCores?.fileTimes ?? []).map((f) => [f.file, f]));
  console.log(
    table([
      [
        'file',
        'pages',
        'ours s',
        'ours p/s',
        ...(e.allCores ? ['every core s'] : []),
        'pdftotext s',
        'pdftotext p/s',
        'ratio',
      ],
      ...e.pdftotext.perFile.map((p) => {
        const ours = ourTimes.get(p.file);
        const pages = p.pages ?? ours?.pages ?? 0;
        const oursRate = ours ? pages / (ours.ms / 1000) : NaN;
        const baseRate = pages / (p.ms / 1000);
        const d = diag.get(p.file);
        return [
          p.file,
          String(pages),
          ours ? (ours.ms / 1000).toFixed(2) : '–',
          oursRate.toFixed(0),
          ...(e.allCores ? [d ? (d.ms / 1000).toFixed(2) : '–'] : []),
          (p.ms / 1000).toFixed(2),
          baseRate.toFixed(0),
          (oursRate / baseRate).toFixed(2),
        ];
      }),
    ]),
  );
}

function printSearch(s: SearchResultSummary): void {
  console.log(
    `\n(b) Search latency, ${s.chunks} chunks (${round1(s.characters / s.chunks)} characters each on average, ` +
      `from ${s.sourcePages} pages), ${s.queries} queries, ms\n`,
  );
  const o = s.ours;
  const f = s.fts5;
  console.log(
    table([
      [
        'engine',
        'p50',
        'p95',
        'max',
        'mean',
        'empty',
        'build s',
        'heap MB',
        'RSS MB',
        'Δ heap',
        'Δ RSS',
        'disk MB',
      ],
      [
        'SearchIndex (ours)',
        o.latencyMs.p50.toFixed(2),
        o.latencyMs.p95.toFixed(2),
        o.latencyMs.max.toFixed(2),
        o.latencyMs.mean.toFixed(2),
        String(o.empty),
        (o.buildMs / 1000).toFixed(1),
        o.memory.heapUsedMb.toFixed(0),
        o.memory.rssMb.toFixed(0),
        o.memory.heapDeltaMb.toFixed(0),
        o.memory.rssDeltaMb.toFixed(0),
        '–',
      ],
      [
        `SQLite ${f.sqlite} FTS5 trigram`,
        f.latencyMs.p50.toFixed(2),
        f.latencyMs.p95.toFixed(2),
        f.latencyMs.max.toFixed(2),
        f.latencyMs.mean.toFixed(2),
        String(f.empty),
        (f.buildMs / 1000).toFixed(1),
        f.memory.heapUsedMb.toFixed(0),
        f.memory.rssMb.toFixed(0),
        f.memory.heapDeltaMb.toFixed(0),
        f.memory.rssDeltaMb.toFixed(0),
        f.memory.diskMb!.toFixed(0),
      ],
    ]),
  );
  console.log(
    '(empty: queries with no result; heap/RSS after the build and a forced GC, Δ: what the build added; ' +
      'FTS5 after ours, in the same process)',
  );
  console.log(
    `FTS5 misses: ${f.shortQueries} queries have a term under 3 characters, which trigram cannot match ` +
      `(ours found ${f.shortQueriesOursFound} of them): ${f.shortOnly} consist of such terms and get nothing, ` +
      `in ${f.shortQueries - f.shortOnly} FTS5 ignores the short term (false matches).\n` +
      `Ours found something where FTS5 found nothing in ${s.onlyOurs} queries, FTS5 where ours found nothing ` +
      `in ${s.onlyFts5}` +
      (f.errors.length ? `; FTS5 errors: ${f.errors.length}` : ''),
  );
  console.log('\nBy kind (p50 / p95 ms):\n');
  console.log(
    table([
      ['kind', 'queries', 'ours p50', 'ours p95', 'FTS5 p50', 'FTS5 p95'],
      ...Object.keys(o.byKind).map((k) => [
        k,
        String(s.perQuery.filter((q) => q.kind === k).length),
        o.byKind[k]!.p50.toFixed(2),
        o.byKind[k]!.p95.toFixed(2),
        f.byKind[k]!.p50.toFixed(2),
        f.byKind[k]!.p95.toFixed(2),
      ]),
    ]),
  );
  console.log('\nSample queries (matching chunks; ours: whole words, a lower bound when not exhaustive):\n');
  console.log(
    table([
      ['query', 'kind', 'ours chunks', 'ours docs shown', 'FTS5 chunks'],
      ...s.samples.map((x) => [
        x.query,
        x.kind,
        `${x.oursChunks}${x.oursExhaustive ? '' : '+'}`,
        String(x.oursDocs),
        String(x.fts5Chunks),
      ]),
    ]),
  );
}

function printMemory(m: MemoryResult): void {
  console.log(
    `\n(c) RSS while indexing ${m.files} PDFs (${path.basename(PDFJS_ALL)} + ${m.extraLinks} links), pool of ${m.run.threads}, ` +
      `${m.worker} worker\n`,
  );
  console.log(
    table([
      [
        'wall s',
        'baseline MB',
        'peak MB',
        'final MB',
        'after close MB',
        'main heap peak MB',
        'pages stored',
        'timed out',
      ],
      [
        (m.run.wallMs / 1000).toFixed(1),
        m.baselineRssMb.toFixed(0),
        m.peakRssMb.toFixed(0),
        m.finalRssMb.toFixed(0),
        m.afterCloseRssMb.toFixed(0),
        m.peakMainHeapMb.toFixed(0),
        String(m.run.pagesStored),
        m.run.timedOut ? 'yes' : 'no',
      ],
    ]),
  );
  const statuses = Object.entries(m.run.statuses)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  console.log(`statuses: ${statuses}`);
  console.log('slowest files:');
  for (const s of m.run.fileTimes)
    console.log(
      `  ${(s.ms / 1000).toFixed(1)} s  ${s.file} (${s.status}, ${s.pages} pages${s.error ? `: ${s.error}` : ''})`,
    );
}

/** The extraction result without the temporary workspace's path (deleted by then). */
function withoutWorkspace(e: ExtractionResult): Omit<ExtractionResult, 'workspaceFile'> {
  const { workspaceFile: _, ...rest } = e;
  return rest;
}

/** The result file (test-results/bench/library.json or LIBRARY_BENCH_RESULTS); a part not run is null. */
export interface LibraryBenchResults {
  benchmark: 'library';
  /** ISO 8601. */
  date: string;
  /** One per part; `met` is null when the part was not measured. */
  goals: Array<{ goal: string; met: boolean | null; value: string }>;
  environment: Record<string, unknown>;
  durationSeconds: number;
  extraction: Omit<ExtractionResult, 'workspaceFile'> | null;
  search: SearchResultSummary | null;
  memory: MemoryResult | null;
}

async function main(): Promise<void> {
  const child = process.env.LIBRARY_BENCH_CHILD;
  if (child) return childMain(child);
  const folders = [
    ...(PARTS.has('extract') || PARTS.has('search') ? [BENCH_PDF] : []),
    ...(PARTS.has('memory') ? [PDFJS_ALL] : []),
  ];
  if (!folders.some((f) => fs.existsSync(f))) {
    console.log(`Library benchmark skipped: its PDFs are missing (${folders.join(', ')})`);
    return;
  }
  const started = Date.now();
  const loadBefore = os.loadavg().map(round1);
  const cpus = os.availableParallelism();
  console.log(
    `Load average ${loadBefore.join(' ')} on ${cpus} CPUs` +
      (loadBefore[0]! > cpus / 2 ? ' — the machine is busy; expect slow, scattered times' : ''),
  );
  if (WORKER === 'built') {
    const docs = path.join(REPO, 'main/core/documents');
    const newest = Math.max(
      ...['extract-worker.ts', ...fs.readdirSync(path.join(docs, 'extract')).map((f) => `extract/${f}`)].map(
        (f) => fs.statSync(path.join(docs, f)).mtimeMs,
      ),
    );
    const stale = fs.statSync(BUILT_WORKER).mtimeMs < newest;
    console.log(
      `Extraction worker: ${path.relative(REPO, BUILT_WORKER)} (as built for the app)` +
        (stale ? ' — older than its sources: run `npm run build`' : ''),
    );
  } else console.log('Extraction worker: the TypeScript source through tsx (no build found, or asked for)');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-bench-library-'));
  let extraction: ExtractionResult | null = null;
  let search: SearchResultSummary | null = null;
  let mem: MemoryResult | null = null;
  try {
    if (PARTS.has('extract') || PARTS.has('search')) extraction = await extractionPart(tmp);
    if (PARTS.has('search')) {
      if (extraction) {
        search = runChild<SearchResultSummary>('search', tmp, extraction.workspaceFile, 900_000);
      } else console.log('(b) Search: skipped, it needs the page texts of (a)');
    }
    gc();
    if (PARTS.has('memory')) mem = memoryPart(tmp);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  if (extraction && PARTS.has('extract')) printExtraction(extraction);
  if (search) printSearch(search);
  if (mem) printMemory(mem);

  const goals = [
    {
      goal: `extraction: our whole pool ≥ ${GOALS.extractRatio.toFixed(1)}× one pdftotext process`,
      met: extraction?.goalMet ?? null,
      value: extraction?.ratio === null || !extraction ? '–' : `${extraction.ratio.toFixed(2)}×`,
    },
    {
      goal: `search: our p95 < ${GOALS.searchP95Ms} ms and below FTS5 trigram's p95`,
      met: search?.goalMet ?? null,
      value: search ? `${search.ours.latencyMs.p95} ms vs ${search.fts5.latencyMs.p95} ms` : '–',
    },
    {
      goal: `memory: peak RSS < ${GOALS.peakRssMb} MB while indexing ${MEMORY_FILES} PDFs`,
      met: mem?.goalMet ?? null,
      value: mem ? `${mem.peakRssMb} MB` : '–',
    },
  ];
  console.log('\nGoals:');
  for (const g of goals) console.log(`  ${g.goal}: ${yesNo(g.met)} (${g.value})`);

  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(
    RESULTS,
    JSON.stringify(
      {
        benchmark: 'library',
        date: new Date().toISOString(),
        goals,
        environment: {
          node: process.version,
          worker: WORKER,
          cpus,
          cpuModel: os.cpus()[0]?.model ?? '',
          totalMemoryMb: mb(os.totalmem()),
          loadAverageBefore: loadBefore,
          loadAverageAfter: os.loadavg().map(round1),
        },
        durationSeconds: Math.round((Date.now() - started) / 1000),
        extraction: extraction && PARTS.has('extract') ? withoutWorkspace(extraction) : null,
        search,
        memory: mem,
      } satisfies LibraryBenchResults,
      null,
      2,
    ) + '\n',
  );
  console.log(
    `Results: ${path.relative(process.cwd(), RESULTS)} (${Math.round((Date.now() - started) / 1000)} s)`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
