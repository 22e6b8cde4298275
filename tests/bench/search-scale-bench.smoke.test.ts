import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBench } from './run-bench';

// The search-at-scale benchmark at a tiny size (1,500 chunks of the fixture PDFs, as on a clean checkout where the
// corpus folder is missing): it still builds in a worker, loads the snapshot in a fresh process, runs FTS5 and
// prints parseable numbers. No speed or memory is asserted here; `npm run bench:search` prints them at 100k chunks.
describe('search-scale benchmark (smoke run: 1,500 chunks of the fixture PDFs)', () => {
  it('builds in a worker, loads the snapshot, and prints latency, RSS and the goals beside FTS5', async () => {
    const missing = path.join(__dirname, 'no-such-corpus');
    const run = await runBench(
      'tests/bench/search-scale-bench.ts',
      { SEARCH_SCALE_CHUNKS: '1500', SEARCH_SCALE_PDF_DIR: missing },
      150_000,
    );
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain(`PDFs from ${missing} is missing: the repository's fixtures`);
    const build =
      /build in a worker: (\d+) ms in the worker, (\d+) ms wall, (\d+) chunks \(progress reached (\d+)\)/.exec(
        run.output,
      );
    expect(build, run.output).not.toBeNull();
    expect(Number(build![3])).toBe(1500);
    expect(Number(build![4])).toBe(1500);
    expect(run.output).toMatch(/event-loop delay max \d+(\.\d+)? ms/);
    const open = /searchable (\d+) ms after opening .*; (\d+) chunks/.exec(run.output);
    expect(Number(open![2])).toBe(1500);
    const kinds = [
      ...run.output.matchAll(/^(\S+) +(\d+) +[\d.]+ +[\d.]+ +[\d.]+ +[\d.]+ +[\d.]+× +(\d+) +(\d+)$/gm),
    ];
    expect(kinds.map((m) => m[1])).toEqual([
      'zh-word',
      'en-word',
      'symbol',
      'phrase-en',
      'phrase-zh',
      'mixed',
      'miss',
    ]);
    // Misses find nothing in either engine; the words found something.
    const miss = kinds.find((m) => m[1] === 'miss')!;
    expect([miss[3], miss[4]]).toEqual(['0', '0']);
    expect(Number(kinds.find((m) => m[1] === 'en-word')![3])).toBeGreaterThan(0);
    expect(run.output).toMatch(
      /RSS after GC: ours [\d.]+ MB \(loaded, before the queries\), [\d.]+ MB \(after the queries, text cache [\d.]+ MB included; V8 heap [\d.]+ MB used of [\d.]+ MB, external [\d.]+ MB\), [\d.]+ MB \(after the worker build\); FTS5 [\d.]+ MB/,
    );
    // Candidate texts are read in batches: fewer statements than texts.
    const reads = /page texts read from SQLite: (\d+) in (\d+) statements/.exec(run.output);
    expect(reads, run.output).not.toBeNull();
    expect(Number(reads![2])).toBeLessThan(Number(reads![1]));
    expect(run.output).toMatch(
      /goals: p95 ≤ 3 ms (met|NOT met); RSS ≤ 400 MB (met|NOT met); searchable ≤ 2000 ms/,
    );
  });
});
