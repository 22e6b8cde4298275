import { describe, expect, it } from 'vitest';
import graphologyBetweenness from 'graphology-metrics/centrality/betweenness';
import {
  BETWEENNESS_WORK_BUDGET,
  betweennessCentrality,
  defaultPivotCount,
} from '../../../../main/core/analytics/betweenness-centrality';
import { degreeCentrality } from '../../../../main/core/analytics/degree-centrality';
import { buildGraphIndex } from '../../../../main/core/analytics/graph-index';
import { toGraphology } from '../../../../main/core/analytics/to-graphology';
import { edge, sampleGraph, smallProcess, undirected } from './graphs';
import path from 'node:path';
import { createSyntheticWorkspace } from '../../../bench/synthetic-workspace';
import { tempDir } from '../../helpers';
import type { GraphDto } from '../../../../preload/contract';

const betweennessOf = (g: GraphDto, normalised = true) =>
  betweennessCentrality(toGraphology(buildGraphIndex(g)), { normalised }).betweenness;

describe('degreeCentrality', () => {
  it('counts edges on a path of five nodes, normalised by n − 1 = 4', () => {
    const r = degreeCentrality(buildGraphIndex(undirected('a-b b-c c-d d-e')));
    expect(r.degree).toEqual({ a: 1, b: 2, c: 2, d: 2, e: 1 });
    expect(r.normalised).toEqual({ a: 0.25, b: 0.5, c: 0.5, d: 0.5, e: 0.25 });
  });

  it('gives the hub of a star normalised degree 1', () => {
    const r = degreeCentrality(buildGraphIndex(undirected('h-a h-b h-c h-d')));
    expect(r.degree.h).toBe(4);
    expect(r.normalised.h).toBe(1);
    expect(r.normalised.a).toBe(0.25);
  });

  it('counts parallel edges of different kinds, and can count one kind only', () => {
    const idx = buildGraphIndex(smallProcess());
    // E1: consults (from S2), knows and owns (to K1) → 3 edges over n − 1 = 7 other nodes.
    const all = degreeCentrality(idx);
    expect(all.degree.E1).toBe(3);
    expect(all.normalised.E1).toBeCloseTo(3 / 7, 12);
    const knows = degreeCentrality(idx, { kinds: ['knows'] });
    expect(knows.degree.E1).toBe(1);
    expect(knows.degree.K1).toBe(1);
    expect(knows.degree.S2).toBe(0);
  });

  it('gives 0, not NaN, for a graph of one node', () => {
    const g = undirected('a-b');
    g.nodes.pop();
    g.edges.length = 0;
    expect(degreeCentrality(buildGraphIndex(g)).normalised).toEqual({ a: 0 });
  });
});

describe('betweennessCentrality', () => {
  it('gives the middle of a path of five 2/3', () => {
    // Pairs not containing v: (n−1)(n−2)/2 = 6. c lies on a–d, a–e, b–d, b–e → 4/6; b on a–c, a–d, a–e → 3/6.
    const b = betweennessOf(undirected('a-b b-c c-d d-e'));
    expect(b.c).toBeCloseTo(2 / 3, 12);
    expect(b.b).toBeCloseTo(0.5, 12);
    expect(b.d).toBeCloseTo(0.5, 12);
    expect(b.a).toBe(0);
    expect(b.e).toBe(0);
    // Raw: the same counts, not normalised.
    const raw = betweennessOf(undirected('a-b b-c c-d d-e'), false);
    expect(raw.c).toBeCloseTo(4, 12);
    expect(raw.b).toBeCloseTo(3, 12);
  });

  it('gives the hub of a star 1 and the leaves 0', () => {
    // Every one of the C(4,2) = 6 leaf pairs goes through h only.
    const b = betweennessOf(undirected('h-a h-b h-c h-d'));
    expect(b.h).toBeCloseTo(1, 12);
    for (const leaf of ['a', 'b', 'c', 'd']) expect(b[leaf]).toBe(0);
  });

  it('ranks the two ends of a bridge between triangles highest', () => {
    // Triangles a-b-c and d-e-f, bridge c–d. c lies on every path from {a, b} to {d, e, f}: 2 × 3 = 6 pairs of
    // the (n−1)(n−2)/2 = 10 → 0.6; d likewise; a, b, e, f lie on no shortest path between others.
    const b = betweennessOf(undirected('a-b b-c a-c d-e e-f d-f c-d'));
    expect(b.c).toBeCloseTo(0.6, 12);
    expect(b.d).toBeCloseTo(0.6, 12);
    for (const v of ['a', 'b', 'e', 'f']) expect(b[v]).toBe(0);
  });

  it('counts two edges between one pair as one path', () => {
    // a-b twice and b-c: b is on the only a–c path, with σ = 1 (merged), so 1 of 1 pair → 1.
    const g = undirected('a-b b-c');
    g.edges.push(edge('b', 'a', 'related'));
    expect(betweennessOf(g).b).toBeCloseTo(1, 12);
  });

  it('splits credit between equal shortest paths', () => {
    // A square a-b-c-d-a: a–c has two shortest paths (via b, via d), so b gets 1/2 for that pair, and the same
    // for no other pair; of the 3 pairs without b, 0.5 / 3 = 1/6.
    const b = betweennessOf(undirected('a-b b-c c-d d-a'));
    for (const v of ['a', 'b', 'c', 'd']) expect(b[v]).toBeCloseTo(1 / 6, 12);
  });
});

describe('betweennessCentrality: exact against graphology-metrics, and the pivot estimate', () => {
  // graphology-metrics' Brandes 2001, the library this file used before it got its own loop (needed for pivots).
  const reference = (g: GraphDto) =>
    graphologyBetweenness(toGraphology(buildGraphIndex(g)), { getEdgeWeight: null, normalized: true });
  // A generated workspace (the benchmarks' generator, written through the real core): 1,500 nodes, ~3,000 edges.
  let generatedGraph: GraphDto | null = null;
  const generated = () =>
    (generatedGraph ??= createSyntheticWorkspace(path.join(tempDir(), 'generated.wellspring'), 1_500));

  it('equals graphology-metrics on the sample workspace and on a generated 1.5k-node workspace', () => {
    for (const g of [sampleGraph(), generated()]) {
      const r = betweennessCentrality(toGraphology(buildGraphIndex(g)));
      expect(r.exact).toBe(true);
      expect(r.pivots).toBe(g.nodes.length);
      const ref = reference(g);
      expect(Object.keys(r.betweenness)).toEqual(Object.keys(ref));
      for (const [id, v] of Object.entries(ref)) expect(r.betweenness[id]).toBeCloseTo(v, 10);
    }
  });

  it('with every node a pivot is the exact value; with fewer, a repeatable estimate close to it', () => {
    const g = toGraphology(buildGraphIndex(generated()));
    const exact = betweennessCentrality(g, { pivots: 'all' }).betweenness;
    expect(betweennessCentrality(g, { pivots: g.order }).betweenness).toEqual(exact);
    const est = betweennessCentrality(g, { pivots: 300, seed: 5 });
    expect(est.exact).toBe(false);
    expect(est.pivots).toBe(300);
    expect(betweennessCentrality(g, { pivots: 300, seed: 5 }).betweenness).toEqual(est.betweenness);
    // Unbiased: the totals agree within 10 %, and the 20 most central nodes are mostly the estimate's top 40.
    const total = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    expect(total(est.betweenness) / total(exact)).toBeGreaterThan(0.9);
    expect(total(est.betweenness) / total(exact)).toBeLessThan(1.1);
    const top = (r: Record<string, number>, k: number) =>
      Object.entries(r)
        .sort((a, b) => b[1] - a[1])
        .slice(0, k)
        .map(([id]) => id);
    const estTop = new Set(top(est.betweenness, 40));
    expect(top(exact, 20).filter((id) => estTop.has(id)).length).toBeGreaterThanOrEqual(15);
  });

  it('samples by default only above the work budget', () => {
    expect(defaultPivotCount(2_000, 8_000)).toBe(2_000);
    expect(defaultPivotCount(50_000, 100_000)).toBe(Math.ceil(BETWEENNESS_WORK_BUDGET / 250_000));
    expect(defaultPivotCount(1_000_000, 10)).toBe(64);
  });
});
