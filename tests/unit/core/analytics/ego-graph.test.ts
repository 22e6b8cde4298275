import { describe, expect, it } from 'vitest';
import { egoGraph, egoNodeIds } from '../../../../main/core/analytics/ego-graph';
import { buildGraphIndex } from '../../../../main/core/analytics/graph-index';
import { smallProcess } from './graphs';

describe('egoNodeIds', () => {
  const graph = smallProcess();
  const idx = buildGraphIndex(graph);

  it('gives the hop distance of every node within depth, edges followed both ways', () => {
    // From K2: S2 (requires, against the arrow) and C1 (supports) at 1; S2's other ends P, S1, K1, E1 at 2;
    // D1 only through K1 at 3.
    expect(Object.fromEntries(egoNodeIds(idx, 'K2', 3))).toEqual({
      K2: 0,
      S2: 1,
      C1: 1,
      P: 2,
      S1: 2,
      K1: 2,
      E1: 2,
      D1: 3,
    });
    expect([...egoNodeIds(idx, 'K2', 1).keys()]).toEqual(['K2', 'S2', 'C1']);
    expect(egoNodeIds(idx, 'K2', 0)).toEqual(new Map([['K2', 0]]));
    // Depth beyond the graph's reach changes nothing.
    expect(egoNodeIds(idx, 'K2', 6).size).toBe(8);
  });

  it('takes the shortest distance when a node is reachable by several paths', () => {
    // D1 → K1 (1); S1 by K1 (2) although also P–S1 and S2–S1 paths exist; P at 3 through S1 or S2.
    const hops = egoNodeIds(idx, 'D1', 4);
    expect(hops.get('K1')).toBe(1);
    expect(hops.get('S1')).toBe(2);
    expect(hops.get('E1')).toBe(2);
    expect(hops.get('P')).toBe(3);
    expect(hops.get('C1')).toBe(4); // D1–K1–S2–K2–C1
  });

  it('throws not_found for an unknown centre', () => {
    expect(() => egoNodeIds(idx, 'nope', 2)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});

describe('egoGraph', () => {
  const graph = smallProcess();
  const idx = buildGraphIndex(graph);

  it('keeps the nodes within depth and the edges among them, in graph order', () => {
    const ego = egoGraph(graph, idx, 'K2', 1);
    expect(ego.nodes.map((n) => n.id)).toEqual(['S2', 'K2', 'C1']);
    expect(ego.edges.map((e) => `${e.source}-${e.kind}-${e.target}`)).toEqual([
      'S2-requires-K2',
      'K2-supports-C1',
    ]);
  });

  it('applies a filter and keeps the centre first even when the filter drops it', () => {
    const ego = egoGraph(graph, idx, 'K2', 2, { kinds: ['step'] });
    // Steps within 2 hops of K2: S2 (1) and S1 (2); the centre K2 is not a step but stays.
    expect(ego.nodes.map((n) => n.id)).toEqual(['K2', 'S1', 'S2']);
    expect(ego.edges.map((e) => e.kind)).toEqual(['next']);
  });
});
