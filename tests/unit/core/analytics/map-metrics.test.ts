import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { egoGraph } from '../../../../main/core/analytics/ego-graph';
import { buildGraphIndex } from '../../../../main/core/analytics/graph-index';
import { computeMapMetrics } from '../../../../main/core/analytics/map-metrics';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { bundledSample, seedSample } from '../../../../main/core/sample/seed-sample';
import { tempDir } from '../../helpers';
import { clique, undirected } from './graphs';

/** The bundled sample workspace seeded into a real database, and its store. */
function sampleStore(): { store: GraphStore; close: () => void } {
  const { db } = openWorkspaceDb(path.join(tempDir(), 's.wellspring'), { create: true });
  seedSample(db, bundledSample());
  return { store: new GraphStore(db), close: () => db.close() };
}

describe('computeMapMetrics', () => {
  it('combines degree, betweenness and communities of one small graph', () => {
    // Two K4 joined by a4–b1: a4 and b1 carry every path between the halves.
    const A = ['a1', 'a2', 'a3', 'a4'];
    const B = ['b1', 'b2', 'b3', 'b4'];
    const m = computeMapMetrics(undirected(`${clique(A)} ${clique(B)} a4-b1`));
    expect(m.degree.a4).toBe(4);
    expect(m.degree.a1).toBe(3);
    // a4 lies on the paths from {a1, a2, a3} to {b1…b4}: 12 of the (n−1)(n−2)/2 = 21 pairs without it.
    expect(m.betweenness.a4).toBeCloseTo(12 / 21, 12);
    expect(m.betweenness.a1).toBe(0);
    expect(m.communityCount).toBe(2);
    expect(m.community.a1).toBe(m.community.a4);
    expect(m.community.a1).not.toBe(m.community.b1);
    // m = 13 edges, each side L_c = 6 and d_c = 13: Q = 2 · (6/13 − 1/4) = 12/13 − 1/2.
    expect(m.modularity).toBeCloseTo(12 / 13 - 1 / 2, 10);
    expect(m.tookMs).toBeGreaterThanOrEqual(0);
  });

  it('is the same for the same seed and graph', () => {
    const g = undirected(`${clique(['a', 'b', 'c'])} ${clique(['d', 'e', 'f'])} c-d`);
    const { tookMs: _a, ...first } = computeMapMetrics(g, { seed: 3 });
    const { tookMs: _b, ...second } = computeMapMetrics(g, { seed: 3 });
    expect(second).toEqual(first);
  });
});

describe('analytics on the sample workspace', () => {
  it('gives finite metrics for every node of the sample', () => {
    const { store, close } = sampleStore();
    const graph = store.getGraph();
    const m = computeMapMetrics(graph);
    console.info(
      `map metrics, sample workspace (${graph.nodes.length} nodes, ${graph.edges.length} edges): ` +
        `${m.tookMs.toFixed(1)} ms, ${m.communityCount} communities, Q = ${m.modularity.toFixed(3)}`,
    );
    expect(graph.nodes).toHaveLength(bundledSample().nodes.length);
    const ids = graph.nodes.map((n) => n.id).sort();
    for (const rec of [m.degree, m.betweenness, m.community]) {
      expect(Object.keys(rec).sort()).toEqual(ids);
      expect(Object.values(rec).every(Number.isFinite)).toBe(true);
    }
    // Each edge adds one to the degree of both its ends (the store refuses self-loops).
    expect(Object.values(m.degree).reduce((a, b) => a + b, 0)).toBe(2 * graph.edges.length);
    expect(Object.values(m.betweenness).every((b) => b >= 0 && b <= 1)).toBe(true);
    expect(
      Object.values(m.community).every((c) => Number.isInteger(c) && c >= 0 && c < m.communityCount),
    ).toBe(true);
    expect(new Set(Object.values(m.community)).size).toBe(m.communityCount);
    // A knowledge graph of processes, experts and items has real structure: several communities, Q well above 0.
    expect(m.communityCount).toBeGreaterThan(1);
    expect(m.modularity).toBeGreaterThan(0.2);
    expect(m.modularity).toBeLessThan(1);
    close();
  });

  it('finds the same ego graphs as GraphStore.egoGraph', () => {
    const { store, close } = sampleStore();
    const graph = store.getGraph();
    const index = buildGraphIndex(graph);
    const centres = [
      graph.nodes.find((n) => n.label === '商机确认')!,
      graph.nodes.find((n) => n.kind === 'expert')!,
      graph.nodes.find((n) => n.kind === 'knowledge')!,
    ];
    for (const centre of centres) {
      for (const depth of [0, 1, 2, 3]) {
        expect(egoGraph(graph, index, centre.id, depth)).toEqual(store.egoGraph(centre.id, depth));
      }
      const filter = { kinds: ['expert' as const] };
      expect(egoGraph(graph, index, centre.id, 2, filter)).toEqual(store.egoGraph(centre.id, 2, filter));
    }
    close();
  });
});
