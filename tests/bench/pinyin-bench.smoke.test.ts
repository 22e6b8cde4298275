import { describe, expect, it } from 'vitest';
import { runBench } from './run-bench';

// The pinyin benchmark at a tiny size (500 nodes, 3 repetitions a query), run as `npm run bench:search` runs it. It
// checks that the benchmark still works and prints sane numbers, never how fast anything is.
describe('pinyin benchmark (smoke run: 500 nodes)', () => {
  it('builds the index, times every query against the match() baseline and prints the ratios', async () => {
    const run = await runBench(
      'tests/bench/pinyin-bench.ts',
      { PINYIN_BENCH_SIZES: '500', PINYIN_BENCH_REPS: '3' },
      60_000,
    );
    expect(run.code, run.output).toBe(0);
    const build =
      /500 nodes: build ([\d.]+) ms \((\d+) with a Chinese name\) = ([\d.e+-]+) baseline queries/.exec(
        run.output,
      );
    expect(build, run.output).not.toBeNull();
    for (const i of [1, 2, 3]) expect(Number(build![i])).toBeGreaterThan(0);
    // One row per query: matched, baseline matched, index only, baseline only, index ms, baseline ms, ratio.
    const rows = [
      ...run.output.matchAll(/^([a-z]+) +(\d+) +(\d+) +(\d+) +(\d+) +([\d.]+) +([\d.]+) +([\d.e+-]+)$/gm),
    ];
    expect(rows.map((r) => r[1])).toEqual([
      'kh',
      'khbfjl',
      'kehubaifangjilu',
      'kehubfjl',
      'zl',
      'zhiliang',
      'zs',
      'gysczgc',
      'shchgl',
    ]);
    for (const r of rows) {
      for (const i of [6, 7, 8]) expect(Number(r[i]), r[0]).toBeGreaterThan(0);
      // Both sides read the same names: every node found is found by one side or both.
      expect(Number(r[2]) - Number(r[4]), r[0]).toBe(Number(r[3]) - Number(r[5]));
    }
    // 客户拜访记录 … by its initials: both sides find some (the synthetic graph has them at every size).
    const kh = rows.find((r) => r[1] === 'khbfjl')!;
    expect(Number(kh[2])).toBeGreaterThan(0);
    expect(Number(kh[3])).toBeGreaterThan(0);
    const all =
      /all queries \(500 nodes\): index ([\d.]+) ms, baseline ([\d.]+) ms per query, ratio ([\d.e+-]+)/.exec(
        run.output,
      );
    expect(all, run.output).not.toBeNull();
    for (const i of [1, 2, 3]) expect(Number(all![i])).toBeGreaterThan(0);
  });
});
