import type { EdgeKind } from '../../../preload/contract';
import type { GraphIndex } from './graph-index';

/** Options of degreeCentrality. */
export interface DegreeCentralityOptions {
  /** Count only edges of these kinds (e.g. `['knows']`: how many items an expert knows); default every kind. */
  kinds?: readonly EdgeKind[];
}

/** Result of degreeCentrality, keyed by node id; every node of the graph has an entry. */
export interface DegreeCentralityResult {
  /** Number of edges touching the node, both directions (an integer ≥ 0). */
  degree: Record<string, number>;
  /** degree / (n − 1), 0 when the graph has one node; in [0, 1] unless parallel edges join the same pair. */
  normalised: Record<string, number>;
}

/**
 * Degree centrality: the number of edges a node has, direction ignored, C_D(v) = deg(v), and its normalised form
 * C'_D(v) = deg(v) / (n − 1), the share of the other n − 1 nodes it could be tied to (Freeman 1978, "Centrality
 * in social networks: conceptual clarification", Social Networks 1(3); Opsahl, Agneessens & Skvoretz 2010,
 * "Node centrality in weighted networks", Social Networks 32(3), whose α = 0 case this is).
 *
 * The knowledge graph is a multigraph (an expert can both `knows` and `owns` one knowledge item): every edge
 * counts, so two edges between the same pair count two. O(nodes + edges of the kinds asked). Never throws.
 */
export function degreeCentrality(
  index: GraphIndex,
  options: DegreeCentralityOptions = {},
): DegreeCentralityResult {
  const kinds = options.kinds ? new Set(options.kinds) : null;
  const n = index.nodeCount;
  const degree: Record<string, number> = {};
  const normalised: Record<string, number> = {};
  for (const node of index.graph.nodes) {
    let d = 0;
    if (!kinds) d = index.degree(node.id);
    else for (const e of index.incidentEdges(node.id)) if (kinds.has(e.kind)) d++;
    degree[node.id] = d;
    normalised[node.id] = n > 1 ? d / (n - 1) : 0;
  }
  return { degree, normalised };
}
