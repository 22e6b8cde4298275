import { describe, expect, it } from 'vitest';
import { runBench } from './run-bench';

// The Simplified ↔ Traditional benchmark with 2 repetitions a query, run as `npm run bench:search` runs it. It
// checks that the benchmark still works and prints sane numbers, never how fast anything is.
describe('script-conversion benchmark (smoke run: 2 repetitions)', () => {
  it('times each query alone and with its converted forms and prints the ratios', async () => {
    const run = await runBench('tests/bench/script-bench.ts', { SCRIPT_BENCH_REPS: '2' }, 60_000);
    expect(run.code, run.output).toBe(0);
    const head = /converters built once: (\d+) ms\nplanSearch per query: ([\d.]+) µs \(mean of (\d+)\)/.exec(
      run.output,
    );
    expect(head, run.output).not.toBeNull();
    expect(Number(head![3])).toBe(20 * 13);
    for (const i of [1, 2]) expect(Number(head![i])).toBeGreaterThan(0);
    // One row per query: alone ms, with forms ms, searches, ratio.
    const rows = [...run.output.matchAll(/^(.+?) +([\d.]+) +([\d.]+) +(\d+) +([\d.]+)$/gm)];
    expect(rows, run.output).toHaveLength(13);
    for (const r of rows) for (const i of [2, 3, 4, 5]) expect(Number(r[i]), r[0]).toBeGreaterThan(0);
    // A Traditional query is searched in its Simplified form too: more than one search.
    expect(Number(rows.find((r) => r[1] === '軟體包')![4])).toBeGreaterThan(1);
    const mean =
      /mean ms per query: alone ([\d.]+), with converted forms ([\d.]+), ratio ([\d.]+) \(with forms ÷ alone, 2 runs/.exec(
        run.output,
      );
    expect(mean, run.output).not.toBeNull();
    for (const i of [1, 2, 3]) expect(Number(mean![i])).toBeGreaterThan(0);
  });
});
