import { describe, expect, it } from 'vitest';
import { buildGraphIndex, GraphIndexCache } from '../../../../main/core/analytics/graph-index';
import { toGraphology } from '../../../../main/core/analytics/to-graphology';
import { edge, node, smallProcess } from './graphs';

describe('GraphIndex', () => {
  it('indexes outgoing and incoming edges by kind, with typed props', () => {
    const idx = buildGraphIndex(smallProcess());
    // S2 requires K1 and K2, in graph order.
    expect(idx.out('S2', 'requires').map((e) => e.target)).toEqual(['K1', 'K2']);
    // K1 is required by S1 and S2; nothing leaves K1 as `requires`.
    expect(idx.in('K1', 'requires').map((e) => e.source)).toEqual(['S1', 'S2']);
    expect(idx.out('K1', 'requires')).toEqual([]);
    expect(idx.out('E1', 'knows')[0]!.props.proficiency).toBe(4);
    expect(idx.out('K1', 'documented_by')[0]!.props.page).toBe(3);
    expect(idx.in('C1', 'supports')[0]!.props.weight).toBe(0.5);
    expect(idx.out('nobody', 'knows')).toEqual([]);
  });

  it('gives distinct undirected neighbours and a degree that counts every edge', () => {
    const idx = buildGraphIndex(smallProcess());
    // K1: requires ×2 (S1, S2), knows + owns (E1 twice), documented_by (D1) → 5 edges, 4 neighbours.
    expect(idx.degree('K1')).toBe(5);
    expect([...idx.neighbours('K1')].sort()).toEqual(['D1', 'E1', 'S1', 'S2']);
    // P is only a target: S1 and S2 are part_of it.
    expect(idx.degree('P')).toBe(2);
    expect(idx.neighbours('P')).toEqual(['S1', 'S2']);
    expect(idx.degree('unknown')).toBe(0);
    expect(idx.neighbours('unknown')).toEqual([]);
  });

  it('types props per kind and answers null for another kind', () => {
    const idx = buildGraphIndex(smallProcess());
    expect(idx.knowledgeProps('K1')?.importance).toBe(3);
    expect(idx.knowledgeProps('E1')).toBeNull();
    expect(idx.expertProps('E1')?.attritionRisk).toBe(4);
    expect(idx.stepProps('S2')?.responsibleRole).toBe('sales rep');
    expect(idx.competencyProps('C1')?.target).toBe(3);
    expect(idx.kindOf('D1')).toBe('document');
    expect(idx.kindOf('missing')).toBeNull();
    expect(idx.idsOfKind('step')).toEqual(['S1', 'S2']);
    expect(idx.idsOfKind('term')).toEqual([]);
    expect(idx.nodeCount).toBe(8);
  });

  it('leaves out edges whose ends are not in the graph', () => {
    const g = smallProcess();
    g.edges.push(edge('K2', 'gone', 'related'));
    const idx = buildGraphIndex(g);
    expect(idx.edges).toHaveLength(11);
    expect(idx.degree('K2')).toBe(2);
    expect(idx.neighbours('K2')).not.toContain('gone');
  });
});

describe('GraphIndexCache', () => {
  it('builds on first get, reuses the index, and rebuilds after invalidate', () => {
    let reads = 0;
    let graph = { nodes: [node('a'), node('b')], edges: [edge('a', 'b')] };
    const cache = new GraphIndexCache(() => {
      reads++;
      return graph;
    });
    expect(reads).toBe(0);
    const first = cache.get();
    expect(cache.get()).toBe(first);
    expect(reads).toBe(1);
    graph = { nodes: [node('a'), node('b'), node('c')], edges: [edge('a', 'b'), edge('b', 'c')] };
    expect(cache.get().nodeCount).toBe(2); // not invalidated: still the old graph
    cache.invalidate();
    expect(cache.get().nodeCount).toBe(3);
    expect(cache.get().degree('b')).toBe(2);
    expect(reads).toBe(2);
  });
});

describe('toGraphology', () => {
  it('makes one undirected edge per adjacent pair and drops self-loops', () => {
    const g = smallProcess();
    g.edges.push(edge('K2', 'K2', 'related'));
    const ug = toGraphology(buildGraphIndex(g));
    expect(ug.type).toBe('undirected');
    expect(ug.order).toBe(8);
    // 12 edges: knows + owns E1–K1 merge into one, the self-loop goes → 10.
    expect(ug.size).toBe(10);
    expect(ug.getEdgeAttributes(ug.edge('K1', 'E1')!).kinds).toEqual(['knows', 'owns']);
    expect(ug.hasEdge('K2', 'K2')).toBe(false);
    expect(ug.getNodeAttribute('E1', 'kind')).toBe('expert');
  });
});
