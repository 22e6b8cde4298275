/**
 * Search at scale (issue 12 §3): the chunk index at 100k page chunks, built in a worker, saved and loaded, against
 * SQLite FTS5 with the trigram tokenizer on the same chunks (as `library-bench.ts` (b) measures it), each measured
 * in a fresh process of its own so that RSS is honest.
 *
 * Corpus: the PDFs of `SEARCH_SCALE_PDF_DIR` (default `../shared/corpus/bench-pdf`, 5,446 pages; the repository's
 * fixture PDFs when it is missing), read with `pdftotext`, cut at form feeds. `SEARCH_SCALE_CHUNKS` chunks (default
 * 100,000) are made from those pages as `library-bench.ts` makes them: the pages, then per further copy every page
 * with its lines rotated and its second half taken from another page, each copy a document of its own. They are
 * stored in a workspace-like SQLite table (`document_pages`), which both engines read.
 *
 * Steps, each a child process (`SEARCH_SCALE_STEP`), printing one JSON line the parent reads:
 * - build: the index built in a worker thread (`index-build.ts`) while the main thread measures its event-loop delay
 *   (`perf_hooks.monitorEventLoopDelay`, 10 ms resolution) and counts 10 ms timer ticks; then the bytes decoded into
 *   a SearchIndex without kept text (`getText` reads SQLite), written beside the database as the snapshot.
 * - load: a fresh process opens the database and loads the snapshot: time until the first query answered
 *   ("searchable after open"), RSS after a forced GC, then the query set (p50, p95, max). Verification reads the
 *   candidate's text from SQLite (`SELECT text FROM document_pages WHERE id = ?`).
 * - fts5: a fresh process opens the FTS5 trigram table (built by the parent, timed) and runs the same queries
 *   (`MATCH` of every term quoted, `ORDER BY rank LIMIT 60`, with `snippet()`); RSS after a GC.
 * Query set (fixed seed): Chinese words (Intl.Segmenter), English words, symbols (`C++`, `.NET`, `ISO-9001`, `50%`
 * and symbol-like names from the text), quoted English and Chinese phrases, Chinese + English pairs, and misses.
 * Goals printed: p95 ≤ 3 ms, index RSS ≤ 400 MB, searchable ≤ 2 s after open; the ratios against FTS5 in the same run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import Database from 'better-sqlite3';
import { buildIndexInWorker } from '../../main/core/search/index-build';
import { SearchIndex } from '../../main/core/search/search-index';
import { decodeSnapshot, loadSearchIndex, writeSnapshotFile } from '../../main/core/search/snapshot';

const REPO = path.resolve(__dirname, '../..');
const CORPUS = path.resolve(
  process.env.SEARCH_SCALE_PDF_DIR ?? path.join(REPO, '../shared/corpus/bench-pdf'),
);
const CHUNKS = Number(process.env.SEARCH_SCALE_CHUNKS ?? 100_000);
const GOALS = { p95Ms: 3, rssMb: 400, openMs: 2000 };
const FIXTURE_PDFS = [
  'fixtures/search/maint-guide.zh-cn.pdf',
  'fixtures/documents/textract/raw_text.pdf',
  'fixtures/documents/pdfjs/issue12823.pdf',
  'fixtures/documents/pdfjs/issue15340.pdf',
].map((f) => path.join(REPO, f));

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** RSS after a full GC (V8's `gc` exposed at run time), in MB. */
function rssAfterGc(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
  return mb(process.memoryUsage().rss);
}

function latency(ms: number[]): { p50: number; p95: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  return { p50: round2(at(0.5)), p95: round2(at(0.95)), max: round2(s[s.length - 1] ?? 0) };
}

// ---------------------------------------------------------------------------------------------------------------
// Corpus and queries (parent)

interface PageText {
  docId: number;
  page: number;
  text: string;
}

function pdfPages(): { pages: PageText[]; source: string } {
  const files = fs.existsSync(CORPUS)
    ? fs
        .readdirSync(CORPUS)
        .filter((f) => f.toLowerCase().endsWith('.pdf'))
        .sort()
        .map((f) => path.join(CORPUS, f))
    : FIXTURE_PDFS.filter((f) => fs.existsSync(f));
  const source = fs.existsSync(CORPUS) ? CORPUS : `${CORPUS} is missing: the repository's fixtures`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'search-scale-pdf-'));
  const pages: PageText[] = [];
  try {
    files.forEach((file, d) => {
      const txt = path.join(tmp, `${d}.txt`);
      spawnSync('pdftotext', ['-enc', 'UTF-8', file, txt], { stdio: 'ignore' });
      if (!fs.existsSync(txt)) return;
      fs.readFileSync(txt, 'utf8')
        .split('\f')
        .forEach((text, i) => {
          if (text.trim()) pages.push({ docId: d + 1, page: i + 1, text });
        });
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { pages, source: `${files.length} PDFs from ${source}` };
}

/** The chunks of `library-bench.ts` (b): see the file comment. Deterministic. */
function* benchChunks(
  pages: readonly PageText[],
  total: number,
): Generator<[number, number, number, string]> {
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
      yield [++id, copy * 1000 + p.docId, p.page, text];
    }
  }
}

/** mulberry32, so that the query list is the same in every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Kind = 'zh-word' | 'en-word' | 'symbol' | 'phrase-en' | 'phrase-zh' | 'mixed' | 'miss';

interface BenchQuery {
  kind: Kind;
  /** Terms (AND); a term with a space, or of kind phrase-zh, is quoted. */
  terms: string[];
  quoted: boolean;
}

const ours = (q: BenchQuery) => (q.quoted ? `"${q.terms[0]}"` : q.terms.join(' '));
const fts = (q: BenchQuery) => q.terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(' ');

function spread(counts: Map<string, number>, n: number, min = 2): string[] {
  const list = [...counts]
    .filter(([, c]) => c >= min)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k]) => k);
  if (list.length <= n) return list;
  return Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]!);
}

function buildQueries(pages: readonly PageText[], small: boolean): BenchQuery[] {
  const seg = new Intl.Segmenter('zh', { granularity: 'word' });
  const zh = new Map<string, number>();
  const zhLong = new Map<string, number>();
  const en = new Map<string, number>();
  const pairs = new Map<string, number>();
  const symbols = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const p of pages) {
    for (const s of seg.segment(p.text)) {
      if (s.isWordLike && /^\p{Script=Han}{2,4}$/u.test(s.segment)) inc(zh, s.segment);
      if (s.isWordLike && /^\p{Script=Han}{4,6}$/u.test(s.segment)) inc(zhLong, s.segment);
    }
    const words = p.text.toLowerCase().match(/\b[a-z]{3,}\b/g) ?? [];
    for (const w of words) inc(en, w);
    for (const m of p.text.matchAll(/\b([a-z]{3,}) ([a-z]{3,})\b/g)) inc(pairs, `${m[1]} ${m[2]}`);
    for (const m of p.text.matchAll(/(?<![\w.+#-])[A-Za-z]\w*(?:\+\+|#|(?:\.[A-Za-z]\w+)+)(?![\w#+])/g))
      inc(symbols, m[0]);
  }
  const n = small ? 5 : 1;
  const per = (k: number) => Math.max(2, Math.round(k / n));
  const zhWords = spread(zh, per(60));
  const enWords = spread(en, per(60));
  const random = rng(12);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const qs: BenchQuery[] = [
    ...zhWords.map((w) => ({ kind: 'zh-word' as const, terms: [w], quoted: false })),
    ...enWords.map((w) => ({ kind: 'en-word' as const, terms: [w], quoted: false })),
    ...['C++', '.NET', 'ISO-9001', '50%', 'C#', 'node.js', ...spread(symbols, per(24))].map((s) => ({
      kind: 'symbol' as const,
      terms: [s],
      quoted: false,
    })),
    ...spread(pairs, per(30)).map((p) => ({ kind: 'phrase-en' as const, terms: [p], quoted: true })),
    ...spread(zhLong, per(20)).map((p) => ({ kind: 'phrase-zh' as const, terms: [p], quoted: true })),
    ...Array.from({ length: per(25) }, () => ({
      kind: 'mixed' as const,
      terms: [pick(zhWords), pick(enWords)],
      quoted: false,
    })),
    ...Array.from({ length: per(20) }, (_, i) => ({
      kind: 'miss' as const,
      terms: [i % 2 ? `qzx${'vkjw'.slice(i % 4)}${i}` : `龘靐${'齉爩'.slice(i % 2)}`],
      quoted: false,
    })),
  ];
  return qs;
}

// ---------------------------------------------------------------------------------------------------------------
// Child steps

interface StepInput {
  dbFile: string;
  ftsFile: string;
  snapshotFile: string;
  queries: BenchQuery[];
}

function queryTimes(
  run: (q: BenchQuery) => number,
  queries: readonly BenchQuery[],
  afterWarmUp?: () => void,
) {
  for (const q of queries.slice(0, 20)) run(q); // warm-up
  afterWarmUp?.();
  const ms: number[] = [];
  const found: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    found.push(run(q));
    ms.push(performance.now() - t);
  }
  return { ms, found };
}

/** Page text readers as SearchService's: one page by id, and many in one statement (rowid lookups via json_each). */
function textReaders(db: Database.Database) {
  const one = db.prepare('SELECT text FROM document_pages WHERE id = ?').pluck();
  const many = db.prepare('SELECT id, text FROM document_pages WHERE id IN (SELECT value FROM json_each(?))');
  return {
    getText: (id: number) => one.get(id) as string | undefined,
    getTexts: (ids: readonly number[]) => {
      const out = new Map<number, string>();
      for (const r of many.all(JSON.stringify(ids)) as Array<{ id: number; text: string }>)
        out.set(r.id, r.text);
      return out;
    },
  };
}

async function stepBuild(input: StepInput) {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  let lastProgress = 0;
  const t0 = performance.now();
  const built = await buildIndexInWorker(
    {
      dbFile: input.dbFile,
      pagesSql: 'SELECT id, doc_id, page, text FROM document_pages ORDER BY id',
      countSql: 'SELECT COUNT(*) FROM document_pages',
      generationSql: "SELECT value FROM meta WHERE key = 'library_generation'",
    },
    { onProgress: (done) => (lastProgress = done) },
  );
  const wallMs = performance.now() - t0;
  clearInterval(timer);
  h.disable();
  const t1 = performance.now();
  const db = new Database(input.dbFile, { readonly: true });
  const index = new SearchIndex({ keepText: false, ...textReaders(db) });
  index.importSnapshot(decodeSnapshot(built.bytes));
  const importMs = performance.now() - t1;
  await writeSnapshotFile(input.snapshotFile, built.bytes);
  return {
    chunks: built.chunks,
    lastProgress,
    workerMs: built.buildMs,
    wallMs: Math.round(wallMs),
    importMs: Math.round(importMs),
    expectedTicks: Math.floor(wallMs / 10),
    ticks,
    loopDelayMaxMs: round2(h.max / 1e6),
    loopDelayP99Ms: round2(h.percentile(99) / 1e6),
    snapshotMb: mb(fs.statSync(input.snapshotFile).size),
    rssMb: rssAfterGc(),
  };
}

async function stepLoad(input: StepInput) {
  const t0 = performance.now();
  const db = new Database(input.dbFile, { readonly: true });
  // SEARCH_SCALE_READS=single: the earlier way (one statement per candidate, no text cache), for comparison.
  const single = process.env.SEARCH_SCALE_READS === 'single';
  const readers = textReaders(db);
  const index = new SearchIndex(
    single
      ? { keepText: false, getText: readers.getText, textCacheBytes: 0 }
      : { keepText: false, ...readers },
  );
  await loadSearchIndex(index, input.snapshotFile);
  index.search(ours(input.queries[0]!));
  const openMs = Math.round(performance.now() - t0);
  const rssOpenMb = rssAfterGc();
  // The warm-up queries' texts are dropped from the text cache, so that every measured query reads what it needs.
  const { ms, found } = queryTimes(
    (q) => index.search(ours(q)).totalChunks,
    input.queries,
    () => index.dropTextCache(),
  );
  const reads = { ...index.textReads };
  const cache = index.textCache;
  const rssMb = rssAfterGc();
  const { heapUsed, heapTotal, external } = process.memoryUsage();
  const heap = { usedMb: mb(heapUsed), totalMb: mb(heapTotal), externalMb: mb(external) };
  return { openMs, ms, found, stats: index.stats, rssMb, rssOpenMb, heap, reads, cacheMb: mb(cache.bytes) };
}

function stepFts(input: StepInput) {
  const db = new Database(input.ftsFile, { readonly: true });
  const select = db.prepare(
    "SELECT rowid, snippet(pages, 0, '[', ']', '…', 16) AS snippet FROM pages WHERE pages MATCH ? ORDER BY rank LIMIT 60",
  );
  const count = db.prepare('SELECT COUNT(*) FROM pages WHERE pages MATCH ?').pluck();
  const run = (q: BenchQuery) => {
    try {
      return select.all(fts(q)).length;
    } catch {
      return 0;
    }
  };
  const { ms } = queryTimes(run, input.queries);
  const found = input.queries.map((q) => {
    try {
      return count.get(fts(q)) as number;
    } catch {
      return 0;
    }
  });
  return { ms, found, rssMb: rssAfterGc() };
}

function child<T>(step: string, inputFile: string): T {
  const r = spawnSync(process.execPath, [...process.execArgv, __filename], {
    env: { ...process.env, SEARCH_SCALE_STEP: step, SEARCH_SCALE_INPUT: inputFile },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  if (r.status !== 0 || !line) throw new Error(`step ${step} failed (exit ${r.status}): ${r.stdout}`);
  return JSON.parse(line) as T;
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const step = process.env.SEARCH_SCALE_STEP;
  if (step) {
    const input = JSON.parse(fs.readFileSync(process.env.SEARCH_SCALE_INPUT!, 'utf8')) as StepInput;
    const out =
      step === 'build' ? await stepBuild(input) : step === 'load' ? await stepLoad(input) : stepFts(input);
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  if (spawnSync('pdftotext', ['-v']).error)
    throw new Error('pdftotext is missing (apt-get install poppler-utils)');
  console.log(
    `Search at scale: ${CHUNKS} chunks; load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  // SEARCH_SCALE_DIR: a folder kept after the run; a second run with the same chunk count reuses its databases,
  // snapshot and build figures (only the load and FTS5 steps run again), for quick loops on query speed.
  const keep = process.env.SEARCH_SCALE_DIR ? path.resolve(process.env.SEARCH_SCALE_DIR) : undefined;
  const tmp = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'search-scale-'));
  const reuseFile = path.join(tmp, `reuse-${CHUNKS}.json`);
  if (keep && fs.existsSync(reuseFile)) {
    console.log(`reusing ${tmp} (SEARCH_SCALE_DIR): databases, snapshot and build figures of an earlier run`);
    const { inputFile, build } = JSON.parse(fs.readFileSync(reuseFile, 'utf8')) as {
      inputFile: string;
      build: Awaited<ReturnType<typeof stepBuild>>;
    };
    report(JSON.parse(fs.readFileSync(inputFile, 'utf8')) as StepInput, inputFile, build);
    return;
  }
  if (keep) {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.mkdirSync(tmp, { recursive: true });
  }
  const { pages, source } = pdfPages();
  try {
    const input: StepInput = {
      dbFile: path.join(tmp, 'workspace.sqlite'),
      ftsFile: path.join(tmp, 'fts5-trigram.sqlite'),
      snapshotFile: path.join(tmp, 'workspace.search-index'),
      queries: buildQueries(pages, CHUNKS < 10_000),
    };
    const db = new Database(input.dbFile);
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE document_pages (id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL, page INTEGER NOT NULL,
               text TEXT NOT NULL);
             CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
             INSERT INTO meta VALUES ('library_generation', '1');`);
    const fdb = new Database(input.ftsFile);
    fdb.pragma('journal_mode = WAL');
    fdb.exec("CREATE VIRTUAL TABLE pages USING fts5(text, tokenize = 'trigram')");
    const ins = db.prepare('INSERT INTO document_pages VALUES (?, ?, ?, ?)');
    const fins = fdb.prepare('INSERT INTO pages (rowid, text) VALUES (?, ?)');
    let characters = 0;
    let ftsMs = 0;
    let batch: Array<[number, number, number, string]> = [];
    const flush = () => {
      db.transaction(() => batch.forEach((c) => ins.run(...c)))();
      const t = performance.now();
      fdb.transaction(() => batch.forEach((c) => fins.run(c[0], c[3])))();
      ftsMs += performance.now() - t;
      batch = [];
    };
    for (const c of benchChunks(pages, CHUNKS)) {
      characters += c[3].length;
      batch.push(c);
      if (batch.length === 5000) flush();
    }
    flush();
    const t = performance.now();
    fdb.pragma('wal_checkpoint(TRUNCATE)');
    ftsMs += performance.now() - t;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    fdb.close();
    console.log(
      `${pages.length} pages (${source}), ${CHUNKS} chunks of ${Math.round(characters / CHUNKS)} characters on ` +
        `average; ${input.queries.length} queries; FTS5 trigram built in ${Math.round(ftsMs)} ms ` +
        `(${mb(fs.statSync(input.ftsFile).size)} MB)`,
    );
    const inputFile = path.join(tmp, 'input.json');
    fs.writeFileSync(inputFile, JSON.stringify(input));

    const build = child<Awaited<ReturnType<typeof stepBuild>>>('build', inputFile);
    console.log(
      `build in a worker: ${build.workerMs} ms in the worker, ${build.wallMs} ms wall, ${build.chunks} chunks ` +
        `(progress reached ${build.lastProgress}); main thread meanwhile: event-loop delay max ` +
        `${build.loopDelayMaxMs} ms, p99 ${build.loopDelayP99Ms} ms, ${build.ticks} of ${build.expectedTicks} ` +
        `10 ms ticks; decode + import on the main thread ${build.importMs} ms; snapshot ${build.snapshotMb} MB; ` +
        `RSS after GC ${build.rssMb} MB`,
    );
    if (keep) fs.writeFileSync(reuseFile, JSON.stringify({ inputFile, build }));
    report(input, inputFile, build);
  } finally {
    if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Runs the load and FTS5 steps and prints the comparison and the goals. */
function report(input: StepInput, inputFile: string, build: Awaited<ReturnType<typeof stepBuild>>): void {
  {
    const load = child<Awaited<ReturnType<typeof stepLoad>>>('load', inputFile);
    const fts5 = child<ReturnType<typeof stepFts>>('fts5', inputFile);
    const o = latency(load.ms);
    const f = latency(fts5.ms);
    console.log(
      `open: searchable ${load.openMs} ms after opening (snapshot read + first query); ${load.stats.chunks} chunks`,
    );
    console.log('\nkind          queries   ours p50   p95    FTS5 p50   p95   p95 ratio   found: ours  FTS5');
    const kinds = [...new Set(input.queries.map((q) => q.kind))];
    for (const kind of kinds) {
      const idx = input.queries.flatMap((q, i) => (q.kind === kind ? [i] : []));
      const a = latency(idx.map((i) => load.ms[i]!));
      const b = latency(idx.map((i) => fts5.ms[i]!));
      const sum = (xs: number[]) => idx.reduce((s, i) => s + xs[i]!, 0);
      console.log(
        `${kind.padEnd(14)}${String(idx.length).padStart(7)}  ${a.p50.toFixed(2).padStart(8)} ${a.p95
          .toFixed(2)
          .padStart(6)}  ${b.p50.toFixed(2).padStart(9)} ${b.p95.toFixed(2).padStart(6)}  ${(
          a.p95 / (b.p95 || 1e-9)
        )
          .toFixed(3)
          .padStart(9)}×  ${String(sum(load.found)).padStart(11)} ${String(sum(fts5.found)).padStart(6)}`,
      );
    }
    console.log(
      `\nall ${input.queries.length} queries: ours p50 ${o.p50} ms, p95 ${o.p95} ms, max ${o.max} ms; ` +
        `FTS5 trigram p50 ${f.p50} ms, p95 ${f.p95} ms, max ${f.max} ms; p95 ratio ${round2(o.p95 / (f.p95 || 1e-9))}×`,
    );
    console.log(
      `RSS after GC: ours ${load.rssOpenMb} MB (loaded, before the queries), ${load.rssMb} MB (after the queries, ` +
        `text cache ${load.cacheMb} MB included; V8 heap ${load.heap.usedMb} MB used of ${load.heap.totalMb} MB, ` +
        `external ${load.heap.externalMb} MB), ` +
        `${build.rssMb} MB (after the worker build); FTS5 ${fts5.rssMb} MB`,
    );
    console.log(
      `page texts read from SQLite: ${load.reads.texts} in ${load.reads.calls} statements (warm-up and first query included)`,
    );
    console.log(
      `goals: p95 ≤ ${GOALS.p95Ms} ms ${o.p95 <= GOALS.p95Ms ? 'met' : 'NOT met'}; RSS ≤ ${GOALS.rssMb} MB ` +
        `${Math.max(load.rssMb, build.rssMb) <= GOALS.rssMb ? 'met' : 'NOT met'}; searchable ≤ ${GOALS.openMs} ms ` +
        `after open ${load.openMs <= GOALS.openMs ? 'met' : 'NOT met'}`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
