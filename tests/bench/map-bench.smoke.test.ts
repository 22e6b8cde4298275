import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_DIR, RENDERER_DIR } from '../e2e/paths';
import type { MapBenchResults, Variant } from './map-bench';
import { SMOKE_RESULTS_DIR, isPositiveFinite, runBench } from './run-bench';

// The map benchmark at a tiny size, run as `npm run bench:map` runs it. It checks that the benchmark still
// works and writes sane numbers, never how fast anything is.

const RESULTS = path.join(SMOKE_RESULTS_DIR, 'map.json');
const VARIANTS: readonly Variant[] = ['app', 'bare', 'bareAppStyle'];

beforeAll(() => {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html')))
    throw new Error(`No built renderer in ${BUILD_DIR}: run \`npm run build\` first.`);
});

describe('map benchmark (smoke run: 200 nodes, 1 run, 3 zoom and pan frames)', () => {
  it('runs as a script and writes finite, positive times and ratios for every variant', async () => {
    fs.rmSync(RESULTS, { force: true });
    const run = await runBench(
      'tests/bench/map-bench.ts',
      {
        MAP_BENCH_SIZES: '200',
        MAP_BENCH_RUNS: '1',
        MAP_BENCH_RUN_TIMEOUT_S: '45',
        MAP_BENCH_RESULTS: RESULTS,
        MAP_BENCH_FRAME_SIZE: '200',
        MAP_BENCH_FRAME_STEPS: '3',
        MAP_BENCH_FRAME_WEBGL: '0',
      },
      120_000,
    );
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('app/bare');

    const json = JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as MapBenchResults;
    expect(json.benchmark).toBe('map-first-paint');
    expect(json.runsPerVariant).toBe(1);
    expect(json.sizes.map((s) => s.nodes)).toEqual([200]);
    const [size] = json.sizes;
    // The synthetic workspace links every node to about two others.
    expect(size!.edges).toBeGreaterThan(200);
    for (const variant of VARIANTS) {
      expect(size!.runs[variant], variant).toHaveLength(1);
      expect(size!.runs[variant][0]!.nodes, variant).toBe(200);
      expect(size!.firstPaintMs[variant], variant).toSatisfy(isPositiveFinite);
    }
    for (const [name, ratio] of Object.entries({
      ratio: size!.ratio,
      pairedRatio: size!.pairedRatio,
      ratioToAppStyle: size!.ratioToAppStyle,
    }))
      expect(ratio, name).toSatisfy(isPositiveFinite);
    expect(size!.graphBytes.app).toSatisfy(isPositiveFinite);
    expect(json.goal.met).toBe(size!.ratio <= json.goal.maxRatio);
    // The frame test ran at the same size: zoom and pan frames timed in the app and the baseline.
    expect(json.frames?.nodes).toBe(200);
    for (const variant of ['app', 'bare'] as const) {
      const run = json.frames!.runs[variant]!;
      expect(run.zoom.length, variant).toBeGreaterThan(0);
      expect(run.pan.length, variant).toBeGreaterThan(0);
      expect(json.frames!.summary[variant]!.zoom.median, variant).toSatisfy(isPositiveFinite);
    }
    expect(run.output).toContain('Zoom and pan frames');
  });
});
