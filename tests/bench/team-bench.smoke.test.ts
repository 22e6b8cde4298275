import { describe, expect, it } from 'vitest';
import { runBench } from './run-bench';

// The team-workspace benchmark at a tiny size (3 writers × 40 edits, 1 reader, a 300-node workspace to open), run
// as `npm run bench:team` runs it, against the test server. It checks that the benchmark still works, counts
// every write and prints sane numbers, never how fast anything is.
describe('team benchmark (smoke run: 3 writers × 40 edits)', () => {
  it('loads the server, checks for lost writes, and prints latencies and the open ratios', async () => {
    const run = await runBench(
      'tests/bench/team-bench.ts',
      {
        TEAM_BENCH_WRITERS: '3',
        TEAM_BENCH_EDITS: '40',
        TEAM_BENCH_READERS: '1',
        TEAM_BENCH_OPEN_NODES: '300',
      },
      120_000,
    );
    expect(run.code, run.output).toBe(0);
    // 3 × 40 edits acknowledged (conflicts on the shared node are retried until they land), none lost.
    expect(run.output).toMatch(
      /writes: 120 acknowledged · \d+ version conflicts .* 0 unhandled · 0 lost writes/,
    );
    const lat = /write latency \(apply_ops round trip\): p50 ([\d.]+) ms · p95 ([\d.]+) ms/.exec(run.output);
    expect(lat, run.output).not.toBeNull();
    expect(Number(lat![2])).toBeGreaterThanOrEqual(Number(lat![1]));
    // One notification per write reached the listener.
    expect(run.output).toMatch(/over 120 notifications/);
    expect(run.output).toContain('push: 300 nodes');
    const ratios = [...run.output.matchAll(/([\d.]+)× SQLite/g)].map((m) => Number(m[1]));
    expect(ratios).toHaveLength(2);
    for (const r of ratios) expect(r).toBeGreaterThan(0);
  });
});
