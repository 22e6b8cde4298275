import type { LayoutOptions } from 'cytoscape';

/** The three layouts the map offers. */
export type LayoutName = 'force' | 'hierarchical' | 'concentric';

/** Message to the layout worker: plain data, no Cytoscape objects. */
export interface LayoutRequest {
  id: number;
  name: LayoutName;
  nodes: Array<{ id: string; kind: string; size: number; x?: number; y?: number }>;
  edges: Array<{ id: string; source: string; target: string; kind: string }>;
  /** For an ego graph: rings by hop distance from this node instead of by kind. */
  centreId?: string;
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

/**
 * Options per layout. Force uses fCoSE (Balci & Dogrusoz, "fCoSE: A Fast Compound Graph Layout Algorithm with
 * Constraint Support", IEEE TVCG 2022) at `draft` quality above 2,000 nodes, where `default` takes minutes
 * (TECH-NOTES); hierarchical uses dagre (Sugiyama-style layering) left to right; concentric rings by kind.
 */
export function layoutOptions(
  name: LayoutName,
  nodeCount: number,
  hops?: Map<string, number>,
): LayoutOptions {
  switch (name) {
    case 'force':
      return {
        name: 'fcose',
        quality: nodeCount > 2000 ? 'draft' : 'default',
        randomize: true,
        animate: false,
        nodeRepulsion: () => 25000,
        idealEdgeLength: () => 120,
        edgeElasticity: () => 0.3,
        nodeSeparation: 90,
        gravity: 0.2,
        packComponents: true,
      } as LayoutOptions;
    case 'hierarchical':
      return { name: 'dagre', rankDir: 'LR', nodeSep: 12, rankSep: 90, animate: false } as LayoutOptions;
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
