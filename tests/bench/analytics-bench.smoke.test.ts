import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalyticsBenchResults } from './analytics-bench';
import { SMOKE_RESULTS_DIR, isPositiveFinite, runBench } from './run-bench';

// The analytics benchmark at 300 nodes and 2 runs (its issue 12 scale part at 1,000 nodes), run as
// `npm run bench:analytics` runs it. It checks that the benchmark works and writes sane numbers, never how fast
// anything is.
const RESULTS = path.join(SMOKE_RESULTS_DIR, 'analytics.json');

describe('analytics benchmark (smoke run: 300 nodes)', () => {
  it('runs as a script and measures every report against its baseline', async () => {
    fs.rmSync(RESULTS, { force: true });
    const run = await runBench(
      'tests/bench/analytics-bench.ts',
      {
        ANALYTICS_BENCH_NODES: '300',
        ANALYTICS_BENCH_RUNS: '2',
        ANALYTICS_SCALE_NODES: '1000',
        ANALYTICS_BENCH_RESULTS: RESULTS,
      },
      60_000,
    );
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/^Analytics benchmark: \d+ nodes/);
    const json = JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as AnalyticsBenchResults;
    expect(json.benchmark).toBe('analytics');
    expect(json.nodes).toBeGreaterThan(250);
    expect(json.counts.step).toBe(30);
    expect(json.goals.map((g) => [g.name, typeof g.met])).toEqual([
      ['all item strengths', 'boolean'],
      ['step strengths', 'boolean'],
      ['gaps report', 'boolean'],
      ['key-person risk', 'boolean'],
      ['departure of the top expert', 'boolean'],
      ['departure of the top 3', 'boolean'],
      ['inventory summary', 'boolean'],
      ['inventory trend', 'boolean'],
    ]);
    for (const p of [json.index, json.itemStrengths, json.stepStrengths, json.gaps]) {
      expect(p.runsMs).toHaveLength(2);
      expect(p.ratio).toSatisfy(isPositiveFinite);
    }
    expect(json.gaps.rows).toBeGreaterThan(0);
    const issue8 = [
      json.keyPersonRisk,
      json.departureTop,
      json.departureTop3,
      json.inventorySummary,
      json.inventoryTrend,
    ];
    for (const p of issue8) {
      expect(p.runsMs).toHaveLength(2);
      expect(p.ratioToIndex).toSatisfy(isPositiveFinite);
    }
    // The measures did real work: every expert ranked, the top three leave something uncovered, a full history.
    expect(json.keyPersonRisk.experts).toBe(json.counts.expert);
    expect(json.departureTop3.uncovered).toBeGreaterThanOrEqual(json.departureTop.uncovered);
    expect(json.departureTop3.uncovered).toBeGreaterThan(0);
    expect(json.inventoryTrend.historyRows).toBeGreaterThan(100);
    expect(run.output).toMatch(/inventory trend \(\d+ entries\)\s+[\d.]+ ms/);
    // Issue 12: the generated workspace measured on the main thread and in the worker, with the same results.
    const scale = json.scale!;
    expect(scale.nodes).toBe(1000);
    expect(scale.edges).toBeGreaterThan(1500);
    expect(scale.sameReports).toBe(true);
    expect(scale.sameMapMetrics).toBe(true);
    expect(scale.mainThread.betweennessExact).toBe(true);
    for (const x of [
      scale.mainThread.maxDelayMs,
      scale.mainThread.mapMs.betweenness,
      scale.mainThread.reportsMs.total,
      scale.worker.wallMs,
      scale.worker.mapTookMs,
      scale.worker.reportsTookMs,
      scale.delayRatio,
    ])
      expect(x).toSatisfy(isPositiveFinite);
    expect(scale.worker.maxDelayMs).toBeGreaterThanOrEqual(0);
    expect(typeof scale.goal.met).toBe('boolean');
    expect(run.output).toMatch(/Analytics at scale \(issue 12\): 1000 nodes/);
    expect(run.output).toMatch(/worker: map metrics\s+\d+ ms, reports\s+\d+ ms/);
    expect(run.output).toMatch(/largest event-loop delay\s+\d+ ms \(mean [\d.]+ ms\)\s+×[\d.]+ main thread/);
  });
});
