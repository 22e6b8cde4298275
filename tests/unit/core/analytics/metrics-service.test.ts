import { afterEach, describe, expect, it } from 'vitest';
import { computeMapMetrics, type MapMetrics } from '../../../../main/core/analytics/map-metrics';
import { MetricsService } from '../../../../main/core/analytics/metrics-service';
import type { GraphDto } from '../../../../preload/contract';
import { clique, sampleGraph, undirected } from './graphs';

const services: MetricsService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
});

function service(getGraph: () => GraphDto, mode?: 'worker' | 'inline'): MetricsService {
  const s = new MetricsService(getGraph, { mode });
  services.push(s);
  return s;
}

const withoutTime = ({ tookMs: _t, ...rest }: MapMetrics) => rest;

describe('MetricsService', () => {
  it('computes in a worker thread the same metrics as computeMapMetrics', async () => {
    const graph = sampleGraph();
    const s = service(() => graph);
    expect(s.mode).toBe('worker');
    const started = performance.now();
    const m = await s.mapMetrics();
    console.info(
      `metrics worker, first call (thread start included): ${(performance.now() - started).toFixed(0)} ms; ` +
        `in the worker ${m.tookMs.toFixed(1)} ms`,
    );
    expect(withoutTime(m)).toEqual(withoutTime(computeMapMetrics(graph)));
    expect(Object.keys(m.degree)).toHaveLength(graph.nodes.length);
  });

  it('caches until invalidate(), then reads the graph again and recomputes', async () => {
    let graph = undirected('a-b b-c');
    let reads = 0;
    const s = service(() => {
      reads++;
      return graph;
    });
    const first = await s.mapMetrics();
    expect(first.betweenness.b).toBeCloseTo(1, 12); // b is on the only a–c path
    expect(await s.mapMetrics()).toBe(first);
    expect(reads).toBe(1);

    // Close the triangle: nobody lies between anyone any more.
    graph = undirected(`${clique(['a', 'b', 'c'])}`);
    expect(await s.mapMetrics()).toBe(first); // not invalidated yet
    s.invalidate();
    const second = await s.mapMetrics();
    expect(reads).toBe(2);
    expect(second.betweenness.b).toBe(0);
    expect(second.degree).toEqual({ a: 2, b: 2, c: 2 });
  });

  it('shares one computation between calls made while it runs', async () => {
    let reads = 0;
    const s = service(() => {
      reads++;
      return undirected('a-b');
    });
    const [x, y] = await Promise.all([s.mapMetrics(), s.mapMetrics()]);
    expect(x).toBe(y);
    expect(reads).toBe(1);
  });

  it('computes inline when asked to, with the same result', async () => {
    const graph = undirected('a-b b-c c-d d-e');
    const s = service(() => graph, 'inline');
    expect(s.mode).toBe('inline');
    expect(withoutTime(await s.mapMetrics())).toEqual(withoutTime(computeMapMetrics(graph)));
  });

  it('rejects after close()', async () => {
    const s = service(() => undirected('a-b'));
    await s.close();
    await expect(s.mapMetrics()).rejects.toThrow(/closed/);
  });
});
