/**
 * Visual encodings of the knowledge map: what a node's size and colour stand for. Pure functions over the
 * graph and the analytics of main/core/analytics (degree, betweenness, Louvain communities; contract MapMetrics).
 */
import type { MapMetrics, MapNodeDto, NodeKind, StrengthBand } from '../../../../../preload/contract';

/** What node size stands for: the kind alone, degree, betweenness centrality, or a knowledge item's importance. */
export type SizeBy = 'kind' | 'degree' | 'betweenness' | 'importance';
/**
 * What node colour stands for: the kind, the Louvain community, or knowledge strength (knowledge items and
 * process steps by their band, everything else neutral).
 */
export type ColourBy = 'kind' | 'community' | 'strength';

/** The largest extra diameter (px) a measure adds to a node's base size. */
export const MAX_EXTRA = 30;

/**
 * Diameter (px) of each node: its kind's base size plus up to MAX_EXTRA by the measure, on a square-root scale so
 * that the area, not the diameter, grows with the value (Tufte's lie factor; how Gephi and Kumu size nodes):
 * size = base + MAX_EXTRA × √(value / max value). `degree` without metrics counts edges in `degree`; `importance`
 * (knowledge items, 1–3) maps 1 → base, 3 → base + MAX_EXTRA; other kinds keep their base size.
 * Returns node id → diameter.
 */
export function nodeSizes(
  nodes: readonly MapNodeDto[],
  by: SizeBy,
  base: (kind: NodeKind) => number,
  degree: ReadonlyMap<string, number>,
  metrics?: MapMetrics,
): Map<string, number> {
  const value = (n: MapNodeDto): number => {
    switch (by) {
      case 'kind':
        return 0;
      case 'degree':
        return metrics?.degree[n.id] ?? degree.get(n.id) ?? 0;
      case 'betweenness':
        return metrics?.betweenness[n.id] ?? 0;
      case 'importance':
        return n.kind === 'knowledge' ? Math.max(0, Number(n.importance ?? 1) - 1) : 0;
    }
  };
  const values = nodes.map(value);
  const max = by === 'importance' ? 2 : Math.max(0, ...values);
  const out = new Map<string, number>();
  nodes.forEach((n, i) => {
    const extra = max > 0 ? MAX_EXTRA * Math.sqrt(values[i]! / max) : 0;
    out.set(n.id, Math.round(base(n.kind) + extra));
  });
  return out;
}

/**
 * Tableau 10 (Tableau Software, 2016; the default categorical palette of Tableau and of d3-scale-chromatic's
 * schemeTableau10): ten hues told apart by most readers, also in print.
 */
export const COMMUNITY_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
] as const;

/** Colour of a community number (0 = the largest); past ten, the palette repeats. */
export function communityColour(community: number): string {
  return COMMUNITY_PALETTE[
    ((community % COMMUNITY_PALETTE.length) + COMMUNITY_PALETTE.length) % COMMUNITY_PALETTE.length
  ]!;
}

/** The fill of nodes that have no band while colour stands for strength (or a community they lack). */
export const NEUTRAL_COLOUR = '#94a3b8';

/**
 * Node id → fill colour: the kind's colour; or the node's community's (nodes without one keep the kind's); or,
 * by strength, `bandColour(band)` for nodes that have a band in `bands` (knowledge items and steps) and
 * NEUTRAL_COLOUR for every other node, so that only what has a strength carries colour.
 */
export function nodeColours(
  nodes: readonly MapNodeDto[],
  by: ColourBy,
  kindColour: (kind: NodeKind) => string,
  metrics?: MapMetrics,
  strength?: { bands: ReadonlyMap<string, StrengthBand>; bandColour: (band: StrengthBand) => string },
): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of nodes) {
    if (by === 'strength') {
      const band = strength?.bands.get(n.id);
      out.set(n.id, band && strength ? strength.bandColour(band) : NEUTRAL_COLOUR);
      continue;
    }
    const c = by === 'community' ? metrics?.community[n.id] : undefined;
    out.set(n.id, c === undefined ? kindColour(n.kind) : communityColour(c));
  }
  return out;
}
