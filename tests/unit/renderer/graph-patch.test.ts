import { describe, expect, it } from 'vitest';
import type { EdgeDto, GraphDto, NodeDto } from '../../../preload/contract';
import { patchGraph, touchedNodeIds } from '../../../renderer/src/api/graph-patch';
import { edge as baseEdge, node as baseNode } from '../helpers';

const node = (id: string, label = id, x: number | null = null): NodeDto => ({
  ...baseNode(id),
  label,
  x,
  y: x,
});
const edge = (id: string, source: string, target: string): EdgeDto => ({ ...baseEdge(source, target), id });

describe('patchGraph', () => {
  const graph: GraphDto = {
    nodes: [node('a'), node('b'), node('c')],
    edges: [edge('ab', 'a', 'b'), edge('bc', 'b', 'c')],
  };

  it('replaces changed elements in place, appends new ones, drops removed ones and their edges', () => {
    const fresh: GraphDto = { nodes: [node('b', 'B2', 5), node('d')], edges: [edge('ad', 'a', 'd')] };
    const out = patchGraph(graph, { nodeIds: ['b', 'c', 'd'], edgeIds: ['ad'] }, fresh);
    expect(out.nodes.map((n) => [n.id, n.label, n.x])).toEqual([
      ['a', 'a', null],
      ['b', 'B2', 5],
      ['d', 'd', null],
    ]);
    // bc lost its end c; ab is untouched; ad is new.
    expect(out.edges.map((e) => e.id)).toEqual(['ab', 'ad']);
    // Untouched elements keep their objects (React and the engine diff by identity and id).
    expect(out.nodes[0]).toBe(graph.nodes[0]);
    expect(graph.nodes).toHaveLength(3);
  });

  it('counts position changes of the view as touched nodes, not those of other views', () => {
    const ids = touchedNodeIds(
      {
        seq: 1,
        reason: 'undo',
        nodeIds: ['a'],
        edgeIds: [],
        positions: [
          { viewId: 'map', nodeIds: ['b'] },
          { viewId: 'pipeline', nodeIds: ['c'] },
        ],
      },
      'map',
    );
    expect(ids.sort()).toEqual(['a', 'b']);
  });
});
