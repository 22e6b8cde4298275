import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvidenceBenchResults } from './evidence-bench';
import { SMOKE_RESULTS_DIR, isPositiveFinite, runBench } from './run-bench';

// The evidence benchmark at a tiny size (300 nodes, 2,000 pages), run as `npm run bench:analytics` runs it. It
// checks that the benchmark works and writes sane numbers, never how fast anything is.

const RESULTS = path.join(SMOKE_RESULTS_DIR, 'evidence.json');

describe('evidence benchmark (smoke run: 300 nodes, 2,000 pages)', () => {
  it('runs as a script and measures the finder and the FTS5 baseline with finite, positive numbers', async () => {
    fs.rmSync(RESULTS, { force: true });
    const run = await runBench(
      'tests/bench/evidence-bench.ts',
      { EVIDENCE_BENCH_NODES: '300', EVIDENCE_BENCH_PAGES: '2000', EVIDENCE_BENCH_RESULTS: RESULTS },
      120_000,
    );
    expect(run.code, run.output).toBe(0);
    const json = JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as EvidenceBenchResults;
    expect(json.benchmark).toBe('evidence');
    expect(json.pages).toBe(2000);
    expect(json.knowledgeItems).toBeGreaterThan(100);
    expect(json.ours.msPerItem).toSatisfy(isPositiveFinite);
    expect(json.ours.proposals).toBeGreaterThan(0);
    expect(json.ours.proposals).toBeLessThanOrEqual(json.knowledgeItems * 5);
    expect(json.fts5.totalMs).toSatisfy(isPositiveFinite);
    expect(json.fts5.hits).toBeGreaterThan(0);
    expect(json.ratio).toSatisfy(isPositiveFinite);
    expect(json.goals.map((g) => typeof g.met)).toEqual(['boolean']);
  });
});
