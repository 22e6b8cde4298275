import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryBenchResults } from './library-bench';
import { SMOKE_RESULTS_DIR, isPositiveFinite, runBench } from './run-bench';

// The library benchmark on a handful of the repository's own PDFs instead of ../shared/corpus, run as
// `npm run bench:library` runs it: every part, every baseline (pdftotext included: the preflight check makes
// sure it is installed). It checks that the benchmark works and writes sane numbers, never how fast anything is.

const FIXTURES = path.resolve(__dirname, '../../fixtures/documents');
/** Small PDFs with a text layer, 7 pages in all (one page that pdf.js cannot read). */
const PDFS = [
  'textract/raw_text.pdf',
  'pdfjs/issue9972-1.pdf',
  'pdfjs/issue12823.pdf',
  'pdfjs/issue15340.pdf',
  'pdfjs/Pages-tree-refs.pdf',
];
const RESULTS = path.join(SMOKE_RESULTS_DIR, 'library.json');

let tmp = '';
let pdfDir = '';

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-bench-smoke-'));
  pdfDir = path.join(tmp, 'pdfs');
  fs.mkdirSync(pdfDir);
  for (const f of PDFS) fs.copyFileSync(path.join(FIXTURES, f), path.join(pdfDir, path.basename(f)));
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('library benchmark (smoke run: 5 PDFs, 300 chunks, 8 files for memory)', () => {
  it('runs as a script and measures every part against its baseline with finite, positive numbers', async () => {
    fs.rmSync(RESULTS, { force: true });
    const run = await runBench(
      'tests/bench/library-bench.ts',
      {
        LIBRARY_BENCH_PDF_DIR: pdfDir,
        LIBRARY_BENCH_MEMORY_DIR: pdfDir,
        LIBRARY_BENCH_MEMORY_FILES: '8',
        LIBRARY_BENCH_CHUNKS: '300',
        LIBRARY_BENCH_RESULTS: RESULTS,
      },
      120_000,
    );
    expect(run.code, run.output).toBe(0);

    const json = JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as LibraryBenchResults;
    expect(json.benchmark).toBe('library');
    // Every part measured: no goal is left "not measured".
    expect(json.goals.map((g) => typeof g.met)).toEqual(['boolean', 'boolean', 'boolean']);

    const extraction = json.extraction!;
    expect(extraction.files).toBe(PDFS.length);
    expect(extraction.pool.statuses).toEqual({ indexed: PDFS.length });
    expect(extraction.pool.pagesStored).toBeGreaterThan(0);
    expect(extraction.pool.pagesPerSecond).toSatisfy(isPositiveFinite);
    expect(extraction.pdftotext?.pagesPerSecond, extraction.pdftotextSkipped ?? '').toSatisfy(
      isPositiveFinite,
    );
    expect(extraction.ratio).toSatisfy(isPositiveFinite);

    const search = json.search!;
    expect(search.chunks).toBe(300);
    expect(search.queries).toBeGreaterThan(0);
    expect(search.p95Ratio).toSatisfy(isPositiveFinite);
    expect(search.fts5.errors).toEqual([]);

    const memory = json.memory!;
    expect(memory.files).toBe(8);
    expect(memory.run.timedOut).toBe(false);
    expect(memory.run.statuses.indexed).toBe(8);
    expect(memory.baselineRssMb).toSatisfy(isPositiveFinite);
    expect(memory.peakRssMb).toBeGreaterThanOrEqual(memory.baselineRssMb);
  });

  it('skips with one line and writes no result when its PDFs are missing', async () => {
    const results = path.join(tmp, 'skipped.json');
    const run = await runBench(
      'tests/bench/library-bench.ts',
      {
        LIBRARY_BENCH_PDF_DIR: path.join(tmp, 'no-such-folder'),
        LIBRARY_BENCH_MEMORY_DIR: path.join(tmp, 'no-such-folder'),
        LIBRARY_BENCH_RESULTS: results,
      },
      60_000,
    );
    expect(run.code, run.output).toBe(0);
    expect(run.output.trim().split('\n')).toEqual([
      expect.stringMatching(/^Library benchmark skipped: its PDFs are missing \(.*no-such-folder/),
    ]);
    expect(fs.existsSync(results)).toBe(false);
  });
});
