import type { EdgeDto, NodeDto } from '../../../preload/contract';

/** Least distance (model px) between neighbours on a ring, and between two rings. */
export const RING_SPACING = 160;
export const RING_GAP = 300;

/**
 * Concentric positions for a competency tree that has none yet: the core competencies in the centre, then a ring
 * of capabilities, one of sub-competencies, and the supporting knowledge items outside (only the rings of levels
 * present). On each ring nodes go clockwise from 12 o'clock, grouped by the capability they belong to (its label),
 * so a capability's subs and items sit beside each other. Ring k (0 = innermost) has radius
 * max(k · RING_GAP, RING_SPACING / (2 sin(π/n)), previous radius + RING_GAP · 2/3): the middle term is the
 * radius at which the chord between neighbours of n evenly spaced nodes is RING_SPACING, so they never touch;
 * a single node on ring 0 sits at 0,0. Then ring k of K moves out to at least k/(K−1) of the outer radius, so the rings
 * stay evenly spaced when the items' ring is large. Coordinates are rounded to whole px.
 * Pure and deterministic. Returns node id → position.
 */
export function concentricCompetencyPlacement(
  nodes: readonly NodeDto[],
  edges: readonly EdgeDto[],
): Map<string, { x: number; y: number }> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map<string, string>();
  const supported = new Map<string, string[]>();
  for (const e of edges) {
    if (e.kind === 'part_of' && !parent.has(e.source)) parent.set(e.source, e.target);
    if (e.kind === 'supports')
      (supported.get(e.source) ?? supported.set(e.source, []).get(e.source)!).push(e.target);
  }
  const level = (n: NodeDto): number =>
    n.kind !== 'competency' ? 3 : n.props.level === 'core' ? 0 : n.props.level === 'capability' ? 1 : 2;
  // The label of the capability above a competency (itself if it is one; '' for a core).
  const capability = (id: string): string => {
    const seen = new Set<string>();
    for (let at: string | undefined = id; at && !seen.has(at); at = parent.get(at)) {
      seen.add(at);
      const n = byId.get(at);
      if (n && level(n) === 1) return n.label;
    }
    return '';
  };
  const group = (n: NodeDto): string =>
    n.kind === 'competency'
      ? capability(n.id)
      : ((supported.get(n.id) ?? []).map(capability).sort((a, b) => a.localeCompare(b, 'zh-CN'))[0] ?? '');
  const rings = [0, 1, 2, 3]
    .map((l) =>
      nodes
        .filter((n) => level(n) === l)
        .map((n) => ({ n, key: group(n) }))
        .sort(
          (a, b) =>
            a.key.localeCompare(b.key, 'zh-CN') ||
            a.n.label.localeCompare(b.n.label, 'zh-CN') ||
            a.n.id.localeCompare(b.n.id),
        )
        .map((r) => r.n),
    )
    .filter((ring) => ring.length > 0);
  const out = new Map<string, { x: number; y: number }>();
  const radii: number[] = [];
  rings.forEach((ring, k) => {
    radii.push(
      k === 0 && ring.length === 1
        ? 0
        : Math.max(k * RING_GAP, chordRadius(ring.length), (radii[k - 1] ?? -Infinity) + (RING_GAP * 2) / 3),
    );
  });
  // A crowded outer ring would squeeze the inner ones into the middle: space the rings evenly out to it.
  const outer = radii[radii.length - 1] ?? 0;
  rings.forEach((ring, k) => {
    const radius = Math.max(radii[k]!, rings.length > 1 ? (outer * k) / (rings.length - 1) : 0);
    ring.forEach((n, j) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * j) / ring.length;
      // `|| 0` turns -0 into 0
      out.set(n.id, {
        x: Math.round(radius * Math.cos(angle)) || 0,
        y: Math.round(radius * Math.sin(angle)) || 0,
      });
    });
  });
  return out;
}

/** Radius at which n ≥ 2 evenly spaced points are RING_SPACING apart (chord 2r·sin(π/n)); 0 for fewer. */
function chordRadius(n: number): number {
  return n < 2 ? 0 : RING_SPACING / (2 * Math.sin(Math.PI / n));
}
