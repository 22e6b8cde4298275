/**
 * Applies one graph change to a cached graph by id (DESIGN §4, one write path): what the change names is replaced
 * with its current state, added when new, and removed when the fresh read no longer has it. The rest of the graph
 * keeps its objects, so editing one label on a 10k-node map costs one `graph:elements` request and a pass over the
 * cached arrays, not a new `graph:get`.
 */
import type { GraphChange } from '../../../preload/contract';

/** A graph of any shape with ids and edge ends: GraphDto (`graph:get`) or MapGraphDto (`graph:map`). */
interface PatchableGraph<N extends { id: string }, E extends { id: string; source: string; target: string }> {
  nodes: N[];
  edges: E[];
}

/**
 * Returns `graph` with the elements named by `change` replaced by their versions in `fresh` (the answer of
 * `graph:elements` for the change's ids): changed ones in place, new ones appended, missing ones dropped, and
 * edges whose ends are gone dropped too. Pure; `graph` is not mutated.
 */
export function patchGraph<
  N extends { id: string },
  E extends { id: string; source: string; target: string },
>(
  graph: PatchableGraph<N, E>,
  change: Pick<GraphChange, 'nodeIds' | 'edgeIds'>,
  fresh: PatchableGraph<N, E>,
): PatchableGraph<N, E> {
  const nodeIds = new Set(change.nodeIds);
  const edgeIds = new Set(change.edgeIds);
  const freshNodes = new Map(fresh.nodes.map((n) => [n.id, n]));
  const freshEdges = new Map(fresh.edges.map((e) => [e.id, e]));
  const nodes: N[] = [];
  for (const n of graph.nodes) {
    if (!nodeIds.has(n.id)) nodes.push(n);
    else if (freshNodes.has(n.id)) {
      nodes.push(freshNodes.get(n.id)!);
      freshNodes.delete(n.id);
    }
  }
  nodes.push(...freshNodes.values());
  const live = new Set(nodes.map((n) => n.id));
  const edges: E[] = [];
  for (const e of graph.edges) {
    if (!edgeIds.has(e.id)) {
      if (live.has(e.source) && live.has(e.target)) edges.push(e);
    } else if (freshEdges.has(e.id)) {
      edges.push(freshEdges.get(e.id)!);
      freshEdges.delete(e.id);
    }
  }
  for (const e of freshEdges.values()) if (live.has(e.source) && live.has(e.target)) edges.push(e);
  return { nodes, edges };
}

/** The node ids whose data or map position a change touched (positions of `viewId` only). */
export function touchedNodeIds(change: GraphChange, viewId: string): string[] {
  const ids = new Set(change.nodeIds);
  for (const p of change.positions) if (p.viewId === viewId) for (const id of p.nodeIds) ids.add(id);
  return [...ids];
}
