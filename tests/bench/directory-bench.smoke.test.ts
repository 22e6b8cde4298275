import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_DIR, RENDERER_DIR } from '../e2e/paths';
import type { DirectoryBenchResults } from './directory-bench';
import { SMOKE_RESULTS_DIR, isPositiveFinite, runBench } from './run-bench';

// The directory-scroll benchmark at a tiny size (`--tiny`: 200 experts), run as `npm run bench:analytics` runs
// it. It checks that the benchmark still works and writes sane numbers, never how fast anything is.

const RESULTS = path.join(SMOKE_RESULTS_DIR, 'directory.json');

beforeAll(() => {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html')))
    throw new Error(`No built renderer in ${BUILD_DIR}: run \`npm run build\` first.`);
});

describe('directory benchmark (smoke run: 200 experts)', () => {
  it('scrolls every row into view and writes finite frame times for the app and the baseline', async () => {
    fs.rmSync(RESULTS, { force: true });
    const run = await runBench(
      'tests/bench/directory-bench.ts',
      { DIRECTORY_BENCH_EXPERTS: '200', DIRECTORY_BENCH_RESULTS: RESULTS },
      120_000,
    );
    // runBench passes no arguments: the size comes from the environment here.
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('app/baseline');
    const json = JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as DirectoryBenchResults;
    expect(json.benchmark).toBe('directory-scroll');
    expect(json.rowsRendered).toBe(json.experts);
    for (const side of [json.app, json.baseline]) {
      expect(side.frames).toBeGreaterThan(2);
      expect(side.medianMs).toSatisfy(isPositiveFinite);
      expect(side.p95Ms).toBeGreaterThanOrEqual(side.medianMs);
      expect(side.maxMs).toBeGreaterThanOrEqual(side.p95Ms);
    }
    expect(json.ratio).toSatisfy(isPositiveFinite);
    expect(json.goal.met).toBe(
      json.app.medianMs <= json.goal.budgetMs + 0.5 && json.app.p95Ms <= 2 * json.goal.budgetMs,
    );
  });
});
