// What the page exposes to tests and benchmarks (set by renderer/src/features/map/components/MapView.tsx).
import type { Core } from 'cytoscape';

declare global {
  interface Window {
    __wellspring?: {
      engine: { cy: Core } | null;
      lastPaint: { nodes: number; edges: number; ms: number; at: number } | null;
      enginesAlive?: number;
    };
  }
}
export {};
