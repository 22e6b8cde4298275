import type { NodeKind } from '../../../preload/contract';

/**
 * Colour (CSS hex) and Cytoscape shape per node kind, as the app's knowledge map draws them. A copy of KIND_STYLE
 * in renderer/src/features/map/engine/styles.ts (main may not import renderer code); the unit test
 * tests/unit/core/export/kind-palette.test.ts fails when the two differ, so the copy cannot drift unnoticed.
 */
export const SNAPSHOT_KIND_STYLE: Record<NodeKind, { shape: string; color: string; size: number }> = {
  knowledge: { shape: 'ellipse', color: '#3b82f6', size: 26 },
  expert: { shape: 'diamond', color: '#f97316', size: 32 },
  process: { shape: 'round-rectangle', color: '#7c3aed', size: 44 },
  step: { shape: 'cut-rectangle', color: '#a855f7', size: 34 },
  competency: { shape: 'hexagon', color: '#16a34a', size: 38 },
  category: { shape: 'round-tag', color: '#64748b', size: 28 },
  term: { shape: 'tag', color: '#0891b2', size: 24 },
  document: { shape: 'rhomboid', color: '#ca8a04', size: 28 },
  unit: { shape: 'barrel', color: '#be185d', size: 34 },
};
