import { UndirectedGraph } from 'graphology';
import type { EdgeKind, NodeKind } from '../../../preload/contract';
import type { GraphIndex } from './graph-index';

/** Attributes of a node of the analytics graph. */
export interface AnalyticsNodeAttributes {
  /** The node's kind (knowledge item, expert, process step, …). */
  kind: NodeKind;
}

/** Attributes of an edge of the analytics graph: one per pair of adjacent nodes. */
export interface AnalyticsEdgeAttributes {
  /** Kinds of the graph edges merged into this one (e.g. `['knows', 'owns']`), in graph order, with repeats. */
  kinds: EdgeKind[];
}

/** The simple undirected graph the graphology measures run on. Node keys are the node ids. */
export type AnalyticsGraph = UndirectedGraph<AnalyticsNodeAttributes, AnalyticsEdgeAttributes>;

/**
 * Converts the indexed graph to a graphology UndirectedGraph for graphology-metrics and
 * graphology-communities-louvain: one node per node (graph order, so results are reproducible), one undirected
 * edge per pair of adjacent nodes whatever the kinds and directions of the edges between them (parallel edges
 * merged, their kinds kept in `kinds`), self-loops dropped. Edge weights are not set: measures run unweighted.
 *
 * Shapes: n nodes, at most min(edges, n(n−1)/2) edges. O(nodes + edges). Never throws.
 */
export function toGraphology(index: GraphIndex): AnalyticsGraph {
  const g: AnalyticsGraph = new UndirectedGraph({ allowSelfLoops: false });
  for (const n of index.graph.nodes) g.mergeNode(n.id, { kind: n.kind });
  for (const e of index.edges) {
    if (e.source === e.target) continue;
    const key = g.edge(e.source, e.target);
    if (key === undefined) g.addEdge(e.source, e.target, { kinds: [e.kind] });
    else g.getEdgeAttributes(key).kinds.push(e.kind);
  }
  return g;
}
