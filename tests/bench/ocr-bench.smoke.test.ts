import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OcrBenchResults } from './ocr-bench';
import { SMOKE_RESULTS_DIR, isPositiveFinite, runBench } from './run-bench';

// The OCR benchmark at its smallest, run as `npm run bench:ocr` runs it: one page of each language (page 8 of the
// Simplified maint-guide, page 1 of textract's raw_text.pdf, scanned at 150 dpi into image-only PDFs), the
// pdftotext baseline (the preflight check makes sure it is installed), and 1 page of the 500-page scan before it is
// cancelled. The accuracy thresholds of issue 11 are asserted on those pages; no speed is.
const RESULTS = path.join(SMOKE_RESULTS_DIR, 'ocr.json');

describe('OCR benchmark (smoke run: 1 page per language, 1 page of the 500-page scan)', () => {
  it('measures accuracy per language against the text layers, pages/s, the baseline and memory', async () => {
    fs.rmSync(RESULTS, { force: true });
    const run = await runBench(
      'tests/bench/ocr-bench.ts',
      { OCR_BENCH_PAGES: '1', OCR_BENCH_MEMORY_PAGES: '1', OCR_BENCH_RESULTS: RESULTS },
      300_000,
    );
    expect(run.code, run.output).toBe(0);
    const json = JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as OcrBenchResults;
    expect(json.benchmark).toBe('ocr');
    expect(json.languages).toEqual(['chi_sim', 'chi_tra', 'eng']);
    const [zh, en] = json.sets;
    expect(zh).toMatchObject({ language: 'zh-Hans', pages: [8] });
    expect(en).toMatchObject({ language: 'en', pages: [1] });
    expect(zh!.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(en!.accuracy).toBeGreaterThanOrEqual(0.98);
    for (const s of json.sets) {
      expect(s.pagesPerSecond).toSatisfy(isPositiveFinite);
      expect(s.pdftotext?.pagesPerSecond, json.pdftotextSkipped ?? '').toSatisfy(isPositiveFinite);
    }
    expect(json.memory).toMatchObject({ pages: 1, of: 500, cancelled: true });
    expect(json.memory.peakRssMb).toBeGreaterThanOrEqual(json.memory.rssBeforeMb);
    expect(json.goals.map((g) => typeof g.met)).toEqual([
      'boolean',
      'boolean',
      'boolean',
      'boolean',
      'boolean',
    ]);
    expect(json.memoryTwoThreads).toMatchObject({ pages: [1, 1], cancelled: true });
    // The pool's one OCR engine: the task that did not get it first had read nothing when the other was cancelled.
    expect(json.memoryTwoThreads.secondPagesBeforeFirstCancelled).toBe(0);
    expect(run.output).toMatch(/memory, 2 threads: .* peak \d+ MB \(goal: peak < 500 MB\)/);
    expect(run.output).toMatch(/zh-Hans: 1 pages .* accuracy \d+\.\d+ %/);
  });
});
