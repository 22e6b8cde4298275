import type { LayoutOptions } from 'cytoscape';

/** The three layouts the map offers. */
export type LayoutName = 'force' | 'hierarchical' | 'concentric';

/** Message to the layout worker: plain data, no Cytoscape objects. */
export interface LayoutRequest {
  id: number;
  name: LayoutName;
  nodes: Array<{ id: string; kind: string; size: number; x?: number; y?: number }>;
  edges: Array<{ id: string; source: string; target: string; kind: string }>;
}

/** The worker's answer: model positions (px) per node id, or an error. */
export interface LayoutResponse {
  id: number;
  positions: Array<{ id: string; x: number; y: number }>;
  error?: string;
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
export function layoutOptions(name: LayoutName, nodeCount: number): LayoutOptions {
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
        concentric: (n: { data: (k: string) => string }) => RING[n.data('kind')] ?? 0,
        levelWidth: () => 1,
      } as LayoutOptions;
  }
}
