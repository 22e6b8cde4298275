import type { GraphDto, GraphFilter } from '../../../preload/contract';
import { applyFilter } from '../graph/graph-filter';
import { WellspringError } from '../util/errors';
import type { GraphIndex } from './graph-index';

/**
 * Hop distance from `centreId` to every node within `depth` hops, edges followed in both directions
 * (breadth-first search, so each distance is the shortest path length in the undirected graph).
 *
 * Returns a Map node id → hops (0 for the centre), in breadth-first order; `depth` ≤ 0 gives the centre alone.
 * O(nodes + edges) of the part reached.
 * @throws WellspringError `not_found` (path `['nodeId']`) when the centre is not in the index.
 */
export function egoNodeIds(index: GraphIndex, centreId: string, depth: number): Map<string, number> {
  if (!index.has(centreId))
    throw new WellspringError('not_found', `No node with id ${centreId}.`, ['nodeId'], {
      key: 'errors.nodeNotFound',
      params: { id: centreId },
    });
  const hops = new Map([[centreId, 0]]);
  let frontier = [centreId];
  for (let d = 1; d <= depth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const n of frontier) {
      for (const m of index.neighbourSet(n)) {
        if (!hops.has(m)) {
          hops.set(m, d);
          next.push(m);
        }
      }
    }
    frontier = next;
  }
  return hops;
}

/**
 * The ego graph of `centreId`: every node within `depth` hops (see egoNodeIds) and the edges among them, nodes
 * and edges in the order of `graph`. With a `filter` (graph-filter.ts) the ego graph is filtered afterwards, and
 * the centre is kept (first) even when the filter would drop it, so the view keeps its anchor.
 *
 * `index` must have been built from `graph` (buildGraphIndex); this is GraphStore.egoGraph as a pure function.
 * @throws WellspringError `not_found` (path `['nodeId']`) when the centre is not in the graph.
 */
export function egoGraph(
  graph: GraphDto,
  index: GraphIndex,
  centreId: string,
  depth: number,
  filter?: GraphFilter,
): GraphDto {
  const seen = egoNodeIds(index, centreId, depth);
  const ego: GraphDto = {
    nodes: graph.nodes.filter((n) => seen.has(n.id)),
    edges: graph.edges.filter((e) => seen.has(e.source) && seen.has(e.target)),
  };
  if (!filter) return ego;
  const kept = applyFilter(ego, filter);
  if (!kept.nodes.some((n) => n.id === centreId)) kept.nodes.unshift(index.node(centreId)!);
  return kept;
}
