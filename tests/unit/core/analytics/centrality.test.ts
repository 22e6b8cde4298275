import { describe, expect, it } from 'vitest';
import { betweennessCentrality } from '../../../../main/core/analytics/betweenness-centrality';
import { degreeCentrality } from '../../../../main/core/analytics/degree-centrality';
import { buildGraphIndex } from '../../../../main/core/analytics/graph-index';
import { toGraphology } from '../../../../main/core/analytics/to-graphology';
import { edge, smallProcess, undirected } from './graphs';
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
