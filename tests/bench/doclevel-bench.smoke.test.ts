import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBench } from './run-bench';

// The document- against page-level matching benchmark at a tiny size (1,000 chunks), run as `npm run bench:search`
// runs it, on a clean checkout: the corpus folder is missing, so it reads the repository's fixture PDFs. It checks
// that the benchmark still works and prints parseable numbers, never how fast anything is.
describe('doclevel benchmark (smoke run: 1,000 chunks of the fixture PDFs)', () => {
  it('falls back to the fixtures, measures every kind of query both ways and prints the ratio', async () => {
    const missing = path.join(__dirname, 'no-such-corpus');
    const run = await runBench(
      'tests/bench/doclevel-bench.ts',
      { DOCLEVEL_BENCH_CHUNKS: '1000', DOCLEVEL_BENCH_PDF_DIR: missing },
      120_000,
    );
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain(`6 PDFs from ${missing} is missing: the repository's fixtures`);
    expect(run.output).toMatch(/\d+ pages, 1000 chunks, index built in \d+ ms/);
    const num = '(\\d+(?:\\.\\d+)?)';
    const kinds = [
      ...run.output.matchAll(
        new RegExp(`^(\\S+) +(\\d+) +${num} +${num} +${num} +${num} +${num}× +(\\d+) → (\\d+)$`, 'gm'),
      ),
    ];
    expect(
      kinds.map((m) => m[1]),
      run.output,
    ).toEqual(['en-and', 'en-spread', 'mixed', 'fixed']);
    for (const m of kinds) {
      expect(Number(m[2]), m[0]).toBeGreaterThan(0);
      for (const i of [3, 4, 5, 6]) expect(Number.isFinite(Number(m[i])), m[0]).toBe(true);
      expect(Number(m[7]), m[0]).toBeGreaterThan(0);
      // Document-level matching finds every document page-level matching finds, and the spread queries more.
      expect(Number(m[9]), m[0]).toBeGreaterThanOrEqual(Number(m[8]));
    }
    const spread = kinds.find((m) => m[1] === 'en-spread')!;
    expect(Number(spread[9])).toBeGreaterThan(Number(spread[8]));
    const total = new RegExp(
      `document-level ÷ page-level over (\\d+) queries: p50 ${num}×, p95 ${num}×, total time ${num}× ` +
        `\\(${num} ms against ${num} ms\\); documents found (\\d+) → (\\d+)`,
    ).exec(run.output);
    expect(total, run.output).not.toBeNull();
    expect(Number(total![1])).toBe(kinds.reduce((s, m) => s + Number(m[2]), 0));
    for (const i of [2, 3, 4, 5, 6]) expect(Number(total![i]), total![0]).toBeGreaterThan(0);
    expect(Number(total![8])).toBeGreaterThanOrEqual(Number(total![7]));
  });
});
