import { describe, expect, it } from 'vitest';
import { runBench } from './run-bench';

// The spreadsheet-import benchmark at a tiny size (1,000 rows), run as `npm run bench:import` runs it. It checks
// that the benchmark still works and prints sane numbers, never how fast anything is.
describe('import benchmark (smoke run: 1,000 rows)', () => {
  it('reads, plans and applies the synthetic GB18030 CSV and prints rows/s and the peak RSS', async () => {
    const run = await runBench('tests/bench/import-bench.ts', { IMPORT_BENCH_ROWS: '1000' }, 120_000);
    expect(run.code, run.output).toBe(0);
    const m = /([\d,]+) rows\/s · peak RSS (\d+) MB/.exec(run.output);
    expect(m, run.output).not.toBeNull();
    expect(Number(m![1]!.replaceAll(',', ''))).toBeGreaterThan(0);
    expect(Number(m![2])).toBeGreaterThan(0);
  });
});
