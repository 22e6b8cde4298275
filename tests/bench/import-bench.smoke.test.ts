import { describe, expect, it } from 'vitest';
import { runBench } from './run-bench';

// The spreadsheet-import benchmark at a tiny size (1,000 rows), run as `npm run bench:import` runs it. It checks
// that the benchmark still works and prints sane numbers, never how fast anything is.
describe('import benchmark (smoke run: 1,000 rows)', () => {
  it('imports the synthetic GB18030 CSV and its baseline, and prints rows/s, the ratio and peak RSS', async () => {
    const run = await runBench('tests/bench/import-bench.ts', { IMPORT_BENCH_ROWS: '1000' }, 120_000);
    expect(run.code, run.output).toBe(0);
    // 1,000 rows: 750 nodes (37 experts) and 250 knows edges, by the import and by the baseline alike.
    expect(run.output).toContain('750 nodes + 250 edges in one operation list');
    expect(run.output).toContain('750 + 250 rows');
    const m =
      /([\d,]+) rows\/s · ([\d.]+)× the baseline's time · peak RSS (\d+) MB with the core's Node flags .*?, (\d+) MB with Node's defaults, baseline (\d+) MB/.exec(
        run.output,
      );
    expect(m, run.output).not.toBeNull();
    for (const i of [1, 2, 3, 4, 5]) expect(Number(m![i]!.replaceAll(',', ''))).toBeGreaterThan(0);
  });
});
