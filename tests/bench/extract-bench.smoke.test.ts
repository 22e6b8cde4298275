import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractBenchResults } from './extract-bench';
import { SMOKE_RESULTS_DIR, isPositiveFinite, runBench } from './run-bench';

// The extraction benchmark on two of the repository's PDFs (17 pages) instead of ../shared/corpus, run as
// `npm run bench:extract` runs it. It checks that every run is measured with sane numbers, never how fast anything
// is. recollindex is optional: without it the benchmark must say how to install it and go on.

const FIXTURES = path.resolve(__dirname, '../../fixtures/documents');
const PDFS = ['bench-pdf/zhs-man.pdf', 'textract/raw_text.pdf'];
const RESULTS = path.join(SMOKE_RESULTS_DIR, 'extract.json');

let tmp = '';
let pdfDir = '';

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-bench-smoke-extract-'));
  pdfDir = path.join(tmp, 'pdfs');
  fs.mkdirSync(pdfDir);
  for (const f of PDFS) fs.copyFileSync(path.join(FIXTURES, f), path.join(pdfDir, path.basename(f)));
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('extraction benchmark (smoke run: 2 PDFs, 17 pages)', () => {
  it('measures pdftotext, recollindex (when installed) and ours at 1 process and every core', async () => {
    fs.rmSync(RESULTS, { force: true });
    const run = await runBench(
      'tests/bench/extract-bench.ts',
      { EXTRACT_BENCH_PDF_DIR: pdfDir, EXTRACT_BENCH_RESULTS: RESULTS },
      120_000,
    );
    expect(run.code, run.output).toBe(0);
    const json = JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as ExtractBenchResults;
    expect(json.pages).toBe(17);
    for (const r of [json.oneProcess, json.everyCore]) {
      expect(r.statuses).toEqual({ indexed: 2 });
      expect(r.pagesStored).toBe(17);
      expect(r.pagesPerSecond).toSatisfy(isPositiveFinite);
      expect(r.peakRssMb).toSatisfy(isPositiveFinite);
      expect(r.peakChildRssMb).toSatisfy(isPositiveFinite);
      expect(r.peakRssMb).toBeGreaterThanOrEqual(r.peakChildRssMb!);
      expect(r.load?.before).toHaveLength(3);
    }
    // Each baseline ran before and after ours; the ratios use their mean.
    expect(json.baselineRuns).toHaveLength(2);
    for (const b of json.baselineRuns) expect(b.pdftotext.pagesPerSecond).toSatisfy(isPositiveFinite);
    expect(json.pdftotext?.pagesPerSecond).toSatisfy(isPositiveFinite);
    expect(json.ratios.vsPdftotext).toSatisfy(isPositiveFinite);
    if (fs.existsSync('/usr/bin/recollindex')) {
      expect(json.recoll?.pagesPerSecond).toSatisfy(isPositiveFinite);
      expect(json.ratios.vsRecoll).toSatisfy(isPositiveFinite);
    }
  });

  it('says how to install recoll when recollindex is missing, and measures the rest', async () => {
    const results = path.join(tmp, 'no-recoll.json');
    const run = await runBench(
      'tests/bench/extract-bench.ts',
      {
        EXTRACT_BENCH_PDF_DIR: pdfDir,
        EXTRACT_BENCH_RESULTS: results,
        EXTRACT_BENCH_RECOLLINDEX: path.join(tmp, 'no-recollindex'),
      },
      120_000,
    );
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('recoll not installed: apt-get install recollcmd');
    const json = JSON.parse(fs.readFileSync(results, 'utf8')) as ExtractBenchResults;
    expect(json.recoll).toBeNull();
    expect(json.everyCore.statuses).toEqual({ indexed: 2 });
  });
});
