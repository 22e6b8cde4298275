import type { LayoutOptions } from 'cytoscape';

/** The three layouts the map offers. */
export type LayoutName = 'force' | 'hierarchical' | 'concentric';

/** What the worker computes: a layout of the whole request, or `tidy` (force on the movable nodes only). */
export type LayoutJob = LayoutName | 'tidy';

/** A node in a layout request: its id, kind and drawn size (px), its labelled box and its current position. */
export interface LayoutNode {
  id: string;
  kind: string;
  /** Width and height of the node shape (model px). */
  size: number;
  /** Labelled box (model px): width, height, and the node centre measured from the box's top-left corner. */
  w: number;
  h: number;
  cx: number;
  cy: number;
  x: number;
  y: number;
}

/** Message to the layout worker: plain data, no Cytoscape objects. */
export interface LayoutRequest {
  id: number;
  job: LayoutJob;
  nodes: LayoutNode[];
  edges: Array<{ id: string; source: string; target: string; kind: string }>;
  /** For an ego graph: rings by hop distance from this node instead of by kind. */
  centreId?: string;
  /** For `tidy`: the nodes that may move; every other node is fixed where it is. */
  movable?: string[];
  /** Width ÷ height of the view (for the hierarchical layout's packing); default 1.6. */
  aspect?: number;
}

/** The worker's answer: model positions (px) per node id, or an error. */
export interface LayoutResponse {
  id: number;
  positions: Array<{ id: string; x: number; y: number }>;
  error?: string;
}

/** Hop distance of every node from `centre`, following edges both ways (breadth-first search). */
export function hopDistances(centre: string, edges: LayoutRequest['edges']): Map<string, number> {
  const adj = new Map<string, string[]>();
  for (const e of edges) {
    (adj.get(e.source) ?? adj.set(e.source, []).get(e.source)!).push(e.target);
    (adj.get(e.target) ?? adj.set(e.target, []).get(e.target)!).push(e.source);
  }
  const dist = new Map([[centre, 0]]);
  const queue = [centre];
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i]!;
    for (const m of adj.get(n) ?? []) {
      if (!dist.has(m)) {
        dist.set(m, dist.get(n)! + 1);
        queue.push(m);
      }
    }
  }
  return dist;
}

/**
 * The request with its nodes and edges sorted by id (code-unit order): layouts iterate in element order, so the
 * same graph must arrive in the same order to give the same picture (issue #6). Does not change `req`.
 */
export function sortedRequest(req: LayoutRequest): LayoutRequest {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { ...req, nodes: [...req.nodes].sort(byId), edges: [...req.edges].sort(byId) };
}

/** How far from the centre each kind sits in the concentric layout: competencies in the middle, documents outside. */
const RING: Record<string, number> = {
  competency: 9,
  process: 8,
  step: 7,
  unit: 6,
  expert: 5,
  category: 4,
  knowledge: 3,
  term: 2,
  document: 1,
};

/** fCoSE settings shared by the full force layout and `tidy`. */
const FORCE = {
  name: 'fcose',
  animate: false,
  nodeRepulsion: () => 25000,
  idealEdgeLength: () => 120,
  edgeElasticity: () => 0.3,
  nodeSeparation: 90,
  gravity: 0.2,
  packComponents: true,
};

/**
 * Cytoscape options for the layouts the worker runs with Cytoscape (the hierarchical layout runs ELK directly:
 * hierarchical-layout.ts). Force uses fCoSE (Balci & Dogrusoz, "fCoSE: A Fast Compound Graph Layout Algorithm
 * with Constraint Support", IEEE TVCG 2022) at `draft` quality above 2,000 nodes, where `default` takes minutes
 * (TECH-NOTES); its random start is seeded by the worker (seeded-random.ts). `tidy` starts fCoSE from the current
 * positions and pins every node but the movable ones with its `fixedNodeConstraint`. Concentric: rings by kind,
 * or by hop distance for an ego graph.
 * @param fixed for `tidy`: the pinned nodes and their positions (model px).
 */
export function layoutOptions(
  job: Exclude<LayoutJob, 'hierarchical'>,
  nodeCount: number,
  hops?: Map<string, number>,
  fixed?: Array<{ nodeId: string; position: { x: number; y: number } }>,
): LayoutOptions {
  switch (job) {
    case 'force':
      return { ...FORCE, quality: nodeCount > 2000 ? 'draft' : 'default', randomize: true } as LayoutOptions;
    case 'tidy':
      return {
        ...FORCE,
        quality: 'default',
        randomize: false,
        packComponents: false,
        fixedNodeConstraint: fixed ?? [],
      } as LayoutOptions;
    case 'concentric':
      return {
        name: 'concentric',
        animate: false,
        minNodeSpacing: 12,
        // An ego graph is drawn as rings of hop distance around its centre; the whole map as rings by kind.
        concentric: (n: { id: () => string; data: (k: string) => string }) =>
          hops ? 100 - (hops.get(n.id()) ?? 99) : (RING[n.data('kind')] ?? 0),
        levelWidth: () => 1,
      } as LayoutOptions;
  }
}
