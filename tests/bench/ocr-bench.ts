/**
 * `npm run bench:ocr`: OCR accuracy and speed on a test set made from real text, and memory on a 500-page scan.
 *
 * Test set (tests/bench/ocr-testset.ts, from the repository's fixtures, so it runs on a clean checkout): pages of
 * the Simplified Chinese Debian maint-guide (`fixtures/search/maint-guide.zh-cn.pdf`, pages OCR_BENCH_ZH_PAGES,
 * default 8,10,15) and of textract's English `raw_text.pdf` (pages OCR_BENCH_EN_PAGES, default 1,2) are rendered at
 * 150 dpi and wrapped as image-only PDFs, one per language. OCR_BENCH_PAGES=n keeps the first n of each.
 *
 * - **ours**: `extractFile` on each image-only PDF with an OcrEngine, as an extraction thread runs it (pdfjs renders
 *   each page at OCR_DPI, tesseract.js recognises it with chi_sim+chi_tra+eng). The engine is started first on a
 *   blank image and its start timed on its own; pages/s is pages ÷ extraction time. Accuracy per page and per
 *   language = 1 − Levenshtein / length against the original page's text layer (NFKC, whitespace removed;
 *   `charAccuracy`), the language's figure over all its pages' characters. Goals: ≥ 95 % Simplified Chinese,
 *   ≥ 98 % English (issue 11).
 * - **baseline**: `pdftotext` on the ORIGINAL PDFs' same pages (reading their text layers: what a page costs when
 *   it needs no OCR), pages/s; skipped with a message when pdftotext is not on the PATH.
 * - **memory**: a 500-page scanned PDF (one Chinese page image on every page, embedded once) is extracted with OCR
 *   for OCR_BENCH_MEMORY_PAGES pages (default 20) and then cancelled (its AbortSignal); the process RSS (main thread,
 *   pdfjs, the canvas and tesseract's worker thread and WebAssembly memory together) is read after every page.
 *   Goals: peak RSS under the indexing budget of 500 MB (tests/bench/library-bench.ts), and flat: RSS after the
 *   last page within 50 MB of RSS after the second.
 * - **memory, 2 threads**: the same scan twice at once in a pool of two threads: the pool's one OCR engine
 *   (ocr-slot.ts) makes the second wait until the first is cancelled; goal: peak RSS under the same 500 MB.
 *
 * OCR_BENCH_RESULTS writes the results as JSON. A benchmark, not a timed test: it fails only when it cannot run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCanvas } from '@napi-rs/canvas';
import { extractFile } from '../../main/core/documents/extract';
import { OcrEngine } from '../../main/core/documents/extract/ocr';
import { OCR_LANGUAGES, ocrLangPath } from '../../main/core/documents/extract/ocr-langdata';
import { OCR_DPI } from '../../main/core/documents/extract/pdf';
import { charAccuracy, imageOnlyPdf, levenshtein, renderPdfPages } from './ocr-testset';

const REPO = path.resolve(__dirname, '../..');
const pages = (env: string | undefined, dflt: number[]): number[] =>
  (env ? env.split(',').map(Number) : dflt).slice(0, Number(process.env.OCR_BENCH_PAGES ?? 1000));
const SETS = [
  {
    language: 'zh-Hans',
    file: path.join(REPO, 'fixtures/search/maint-guide.zh-cn.pdf'),
    pages: pages(process.env.OCR_BENCH_ZH_PAGES, [8, 10, 15]),
    goal: 0.95,
  },
  {
    language: 'en',
    file: path.join(REPO, 'fixtures/documents/textract/raw_text.pdf'),
    pages: pages(process.env.OCR_BENCH_EN_PAGES, [1, 2]),
    goal: 0.98,
  },
];
const MEMORY_PAGES = Number(process.env.OCR_BENCH_MEMORY_PAGES ?? 20);
const GOALS = { peakRssMb: 500, flatMb: 50 };

/** What one language's run measured. */
export interface OcrLanguageResult {
  language: string;
  pages: number[];
  accuracy: number;
  perPage: Array<{ page: number; accuracy: number; chars: number }>;
  seconds: number;
  pagesPerSecond: number;
  goal: number;
  met: boolean;
  pdftotext?: { seconds: number; pagesPerSecond: number };
  /** Process RSS after the language's run. */
  rssMbAfter?: number;
}

/** The results file (OCR_BENCH_RESULTS). */
export interface OcrBenchResults {
  benchmark: 'ocr';
  languages: string[];
  dpi: number;
  engineStartMs: number;
  rssMb: { start: number; afterEngineStart: number };
  sets: OcrLanguageResult[];
  pdftotextSkipped?: string;
  memory: {
    /** Which extraction worker ran: the built one (as the app runs it) or the TypeScript source through tsx. */
    worker: 'built' | 'source';
    pages: number;
    of: number;
    rssBeforeMb: number;
    /** Process RSS after each page. */
    rssMb: number[];
    peakRssMb: number;
    growthMb: number;
    cancelled: boolean;
    cancelMs: number;
  };
  /**
   * The same scan read twice at once by a pool of two threads: the second thread waits for the pool's one OCR
   * engine (ocr-slot.ts) until the first task is cancelled after MEMORY_PAGES pages, then reads MEMORY_PAGES pages.
   */
  memoryTwoThreads: {
    worker: 'built' | 'source';
    rssBeforeMb: number;
    /** Pages each task read before it was cancelled. */
    pages: [number, number];
    /** Pages the other task had read when the task that got the engine first was cancelled (0: it waited). */
    secondPagesBeforeFirstCancelled: number;
    peakRssMb: number;
    cancelled: boolean;
  };
  goals: Array<{ goal: string; met: boolean }>;
}

const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;

function hasPdftotext(): boolean {
  return spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error === undefined;
}

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-ocr-bench-'));
  try {
    const rssAtStart = mb(process.memoryUsage().rss);
    const engine = new OcrEngine(ocrLangPath());
    const blank = path.join(tmp, 'blank.pdf');
    const white = createCanvas(850, 1100);
    const ctx = white.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, 850, 1100);
    fs.writeFileSync(
      blank,
      imageOnlyPdf([{ png: white.toBuffer('image/png'), widthPt: 612, heightPt: 792 }]),
    );
    let t = performance.now();
    await extractFile(blank, { ocr: engine });
    const engineStartMs = Math.round(performance.now() - t);
    const rssAfterStart = mb(process.memoryUsage().rss);
    console.log(
      `OCR benchmark: tesseract.js ${OCR_LANGUAGES.join('+')}, pages rendered at ${OCR_DPI} dpi; engine start (and one ` +
        `blank page) ${engineStartMs} ms; RSS ${rssAtStart} MB before, ${rssAfterStart} MB after`,
    );

    const pdftotext = hasPdftotext();
    const sets: OcrLanguageResult[] = [];
    for (const set of SETS) {
      const rendered = await renderPdfPages(set.file, set.pages, 150);
      const scan = path.join(tmp, `${set.language}.scan.pdf`);
      fs.writeFileSync(scan, imageOnlyPdf(rendered));
      t = performance.now();
      const r = await extractFile(scan, { ocr: engine });
      const seconds = (performance.now() - t) / 1000;
      const perPage = rendered.map((p, i) => {
        const text = r.pages.find((x) => x.page === i + 1)?.text ?? '';
        return {
          page: p.page,
          accuracy: charAccuracy(p.text, text),
          chars: p.text.replace(/\s+/g, '').length,
        };
      });
      // Over all the language's characters: the edit distances summed over the summed lengths.
      const errors = rendered.reduce((sum, p, i) => {
        const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
        return sum + levenshtein(norm(p.text), norm(r.pages.find((x) => x.page === i + 1)?.text ?? ''));
      }, 0);
      const chars = perPage.reduce((s, p) => s + p.chars, 0);
      const accuracy = 1 - errors / chars;
      const result: OcrLanguageResult = {
        language: set.language,
        pages: set.pages,
        accuracy,
        perPage,
        seconds,
        pagesPerSecond: set.pages.length / seconds,
        goal: set.goal,
        met: accuracy >= set.goal,
      };
      if (pdftotext) {
        t = performance.now();
        for (const n of set.pages) {
          spawnSync('pdftotext', ['-f', String(n), '-l', String(n), set.file, path.join(tmp, `p${n}.txt`)]);
        }
        const s = (performance.now() - t) / 1000;
        result.pdftotext = { seconds: s, pagesPerSecond: set.pages.length / s };
      }
      sets.push(result);
      result.rssMbAfter = mb(process.memoryUsage().rss);
      console.log(
        `${set.language}: ${set.pages.length} pages (${chars.toLocaleString('en-US')} characters), accuracy ${pct(accuracy)} ` +
          `(goal ≥ ${pct(set.goal)}: ${result.met ? 'met' : 'NOT met'}; per page ${perPage.map((p) => pct(p.accuracy)).join(', ')}), ` +
          `${result.pagesPerSecond.toFixed(3)} pages/s` +
          (result.pdftotext
            ? ` · baseline pdftotext on the originals' text layers ${result.pdftotext.pagesPerSecond.toFixed(1)} pages/s`
            : '') +
          ` · RSS ${result.rssMbAfter} MB`,
      );
    }
    if (!pdftotext) console.log('Baseline skipped: pdftotext is not on the PATH (poppler-utils).');

    // Memory: a 500-page scan in the extraction pool of a child process, cancelled after MEMORY_PAGES pages.
    await engine.terminate();
    const [zh] = await renderPdfPages(SETS[0]!.file, [SETS[0]!.pages[0]!], 150);
    const big = path.join(tmp, 'scan-500.pdf');
    fs.writeFileSync(big, imageOnlyPdf(Array.from({ length: 500 }, () => zh!)));
    const childRun = (threads: number): string => {
      const child = spawnSync(process.execPath, [path.join(REPO, 'node_modules/.bin/tsx'), __filename], {
        env: { ...process.env, OCR_BENCH_MEMORY_CHILD: big, OCR_BENCH_MEMORY_THREADS: String(threads) },
        encoding: 'utf8',
        timeout: 30 * 60_000,
      });
      if (child.status !== 0) throw new Error(`memory run (${threads} threads) failed: ${child.stderr}`);
      return child.stdout.trim().split('\n').pop()!;
    };
    const memory = JSON.parse(childRun(1)) as OcrBenchResults['memory'];
    const { rssMb: rss, peakRssMb: peak, growthMb: growth, cancelMs } = memory;
    console.log(
      `memory: 500-page scan in the extraction pool (${memory.worker} worker, 1 thread), ${memory.pages} pages OCRed then ` +
        `cancelled (${memory.cancelled ? `stopped in ${cancelMs} ms` : 'NOT stopped'}): RSS ${memory.rssBeforeMb} MB ` +
        `before, ${rss[0]} MB after page 1, ${rss[rss.length - 1]} MB after page ${rss.length}, peak ${peak} MB ` +
        `(goals: peak < ${GOALS.peakRssMb} MB, growth after page 2 < ${GOALS.flatMb} MB: ${growth} MB)`,
    );

    const two = JSON.parse(childRun(2)) as OcrBenchResults['memoryTwoThreads'];
    console.log(
      `memory, 2 threads: the same scan twice at once (${two.worker} worker); the second task read ` +
        `${two.secondPagesBeforeFirstCancelled} pages while the first held the OCR engine (${two.pages[0]} pages, then ` +
        `cancelled), then ${two.pages[1]} pages (${two.cancelled ? 'cancelled' : 'NOT cancelled'}): RSS ` +
        `${two.rssBeforeMb} MB before, peak ${two.peakRssMb} MB (goal: peak < ${GOALS.peakRssMb} MB)`,
    );

    const goals = [
      ...sets.map((s) => ({ goal: `${s.language} accuracy ≥ ${pct(s.goal)}`, met: s.met })),
      { goal: `peak RSS < ${GOALS.peakRssMb} MB`, met: peak < GOALS.peakRssMb },
      { goal: `RSS flat (growth < ${GOALS.flatMb} MB)`, met: growth < GOALS.flatMb },
      { goal: `peak RSS with 2 threads < ${GOALS.peakRssMb} MB`, met: two.peakRssMb < GOALS.peakRssMb },
    ];
    console.log(`Goals: ${goals.map((g) => `${g.goal}: ${g.met ? 'met' : 'NOT met'}`).join('; ')}`);
    const results: OcrBenchResults = {
      benchmark: 'ocr',
      languages: [...OCR_LANGUAGES],
      dpi: OCR_DPI,
      engineStartMs,
      rssMb: { start: rssAtStart, afterEngineStart: rssAfterStart },
      sets,
      memory,
      memoryTwoThreads: two,
      goals,
    };
    if (!pdftotext) results.pdftotextSkipped = 'pdftotext is not on the PATH';
    if (process.env.OCR_BENCH_RESULTS) {
      fs.mkdirSync(path.dirname(process.env.OCR_BENCH_RESULTS), { recursive: true });
      fs.writeFileSync(process.env.OCR_BENCH_RESULTS, JSON.stringify(results, null, 2));
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The memory run, in a child process of its own so that its RSS is the extraction's, not the test set's rendering:
 * an ExtractPool of one thread running the built worker (`out/main/extract-worker.js` or WELLSPRING_OUT_DIR's; the
 * TypeScript source through tsx when there is no build, whose loader adds memory the app does not have), the file's
 * pages reported through the pool's page progress, the task aborted after MEMORY_PAGES pages. Prints one JSON line.
 */
async function memoryChild(file: string): Promise<void> {
  const { ExtractPool } = await import('../../main/core/documents/extract-pool');
  const buildDir = path.resolve(REPO, process.env.WELLSPRING_OUT_DIR ?? 'out');
  const built = path.join(buildDir, 'main/extract-worker.js');
  const worker: 'built' | 'source' = fs.existsSync(built) ? 'built' : 'source';
  const pool = new ExtractPool(1, worker === 'built' ? { filename: built, execArgv: [] } : undefined);
  const rssBeforeMb = mb(process.memoryUsage().rss);
  const rss: number[] = [];
  const abort = new AbortController();
  let cancelAt = 0;
  let peak = rssBeforeMb;
  const sampler = setInterval(() => (peak = Math.max(peak, mb(process.memoryUsage().rss))), 100);
  const cancelled = await pool
    .run({ path: file }, abort.signal, (done) => {
      rss.push(mb(process.memoryUsage().rss));
      if (done >= MEMORY_PAGES && !abort.signal.aborted) {
        cancelAt = performance.now();
        abort.abort();
      }
    })
    .then(
      () => false,
      (e: Error) => e.name === 'AbortError',
    );
  const cancelMs = Math.round(performance.now() - cancelAt);
  clearInterval(sampler);
  await pool.close();
  peak = Math.max(peak, ...rss);
  const memory: OcrBenchResults['memory'] = {
    worker,
    pages: rss.length,
    of: 500,
    rssBeforeMb,
    rssMb: rss,
    peakRssMb: peak,
    growthMb: rss[rss.length - 1]! - rss[Math.min(1, rss.length - 1)]!,
    cancelled,
    cancelMs,
  };
  console.log(JSON.stringify(memory));
}

/**
 * The two-thread memory run (`memoryTwoThreads`), in a child process like `memoryChild`: a pool of two threads reads
 * the scan twice at once; the first task is cancelled after MEMORY_PAGES pages, the second after MEMORY_PAGES of its
 * own. Its thread waits for the pool's OCR slot until the first thread has ended. Prints one JSON line.
 */
async function memoryTwoThreadsChild(file: string): Promise<void> {
  const { ExtractPool } = await import('../../main/core/documents/extract-pool');
  const built = path.join(
    path.resolve(REPO, process.env.WELLSPRING_OUT_DIR ?? 'out'),
    'main/extract-worker.js',
  );
  const worker: 'built' | 'source' = fs.existsSync(built) ? 'built' : 'source';
  const pool = new ExtractPool(2, worker === 'built' ? { filename: built, execArgv: [] } : undefined);
  const rssBeforeMb = mb(process.memoryUsage().rss);
  let peak = rssBeforeMb;
  const sampler = setInterval(() => (peak = Math.max(peak, mb(process.memoryUsage().rss))), 100);
  const pages: [number, number] = [0, 0];
  let secondBefore = -1;
  const aborts = [new AbortController(), new AbortController()];
  const runs = aborts.map((abort, i) =>
    pool
      .run({ path: file }, abort.signal, (done) => {
        peak = Math.max(peak, mb(process.memoryUsage().rss));
        pages[i] = done;
        if (done >= MEMORY_PAGES && !abort.signal.aborted) {
          // The task that got the engine first is cancelled first: how far had the other come?
          if (secondBefore < 0) secondBefore = pages[1 - i]!;
          abort.abort();
        }
      })
      .then(
        () => false,
        (e: Error) => e.name === 'AbortError',
      ),
  );
  const cancelled = (await Promise.all(runs)).every(Boolean);
  clearInterval(sampler);
  await pool.close();
  const memory: OcrBenchResults['memoryTwoThreads'] = {
    worker,
    rssBeforeMb,
    pages,
    secondPagesBeforeFirstCancelled: secondBefore,
    peakRssMb: peak,
    cancelled,
  };
  console.log(JSON.stringify(memory));
}

(process.env.OCR_BENCH_MEMORY_CHILD
  ? process.env.OCR_BENCH_MEMORY_THREADS === '2'
    ? memoryTwoThreadsChild(process.env.OCR_BENCH_MEMORY_CHILD)
    : memoryChild(process.env.OCR_BENCH_MEMORY_CHILD)
  : main()
).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
