import type { GraphDto } from '../../../preload/contract';
import { betweennessCentrality } from './betweenness-centrality';
import { degreeCentrality } from './degree-centrality';
import { buildGraphIndex, type GraphIndex } from './graph-index';
import { DEFAULT_LOUVAIN_SEED, louvainCommunities } from './louvain-communities';
import { toGraphology } from './to-graphology';

/** Options of computeMapMetrics. */
export interface MapMetricsOptions {
  /** Seed of the Louvain run (louvain-communities.ts); default DEFAULT_LOUVAIN_SEED. */
  seed?: number;
}

/**
 * What the knowledge map needs to size nodes by degree or betweenness and colour them by community. Every
 * record has one entry per node id of the graph, and every number is finite.
 */
export interface MapMetrics {
  /** Node id → number of edges touching it, every kind, both directions (degree-centrality.ts). */
  degree: Record<string, number>;
  /**
   * Node id → normalised betweenness in [0, 1] on the undirected simple graph (betweenness-centrality.ts): exact
   * (Brandes 2001) up to its work budget, above it the Brandes & Pich 2007 pivot estimate (≈ 200 pivots at 50k).
   */
  betweenness: Record<string, number>;
  /** Node id → Louvain community 0 … communityCount − 1, 0 the largest (louvain-communities.ts). */
  community: Record<string, number>;
  /** Number of communities (isolated nodes count one each). */
  communityCount: number;
  /** Modularity Q of the communities; 0 for a graph without edges. */
  modularity: number;
  /** Wall-clock time of the computation in milliseconds (index and conversion included). */
  tookMs: number;
}

/**
 * Computes degree, normalised betweenness and Louvain communities of `graph` in one pass: one GraphIndex and one
 * graphology conversion shared by the three measures. Deterministic for a given graph (node and edge order) and
 * seed, `tookMs` aside. Cost is dominated by betweenness, O(n·m) exact, O(k·m) with k pivots above its work
 * budget (so about 2 s at 50k nodes / 100k edges here): run it in a worker (metrics-service.ts) on large graphs. Edges whose ends are missing from `graph.nodes` are ignored. Never throws.
 *
 * @param index the GraphIndex of `graph` when the caller already has one (saves one build); must match `graph`.
 */
export function computeMapMetrics(
  graph: GraphDto,
  options: MapMetricsOptions = {},
  index?: GraphIndex,
): MapMetrics {
  const started = performance.now();
  index ??= buildGraphIndex(graph);
  const g = toGraphology(index);
  const { degree } = degreeCentrality(index);
  const { betweenness } = betweennessCentrality(g, { seed: options.seed ?? DEFAULT_LOUVAIN_SEED });
  const louvain = louvainCommunities(g, { seed: options.seed ?? DEFAULT_LOUVAIN_SEED });
  return {
    degree,
    betweenness,
    community: louvain.community,
    communityCount: louvain.count,
    modularity: louvain.modularity,
    tookMs: performance.now() - started,
  };
}
