/**
 * Concentric placement of one drill level of the core-competence diagram (issue 9.2): the focus in the centre,
 * each further ring of competencies_diagram on a circle around it. Labels never overlap: every node is given a
 * box (its circle plus its label below it, made symmetric about the centre) and two axis-aligned boxes whose
 * centres are at least the mean of their diagonals apart cannot overlap (|dx| ≥ W or |dy| ≥ H follows from
 * d ≥ √(W² + H²), and √(W² + H²) ≤ (diagA + diagB) / 2 by Minkowski's inequality). So neighbours on a ring get
 * a chord of at least that much, and consecutive rings are at least the sum of their largest half-diagonals apart.
 * Nodes of a ring keep the order of the nodes they hang from, so a group sits near its parent.
 */

/** A node to place: its ring, what it hangs from, and its box in model px. */
export interface RingNode {
  id: string;
  ring: number;
  parentId: string | null;
  /** Width and height of the node with its label (model px). */
  width: number;
  height: number;
}

/** Options of the placement. */
export interface RingOptions {
  /** Free space kept between two boxes (model px). */
  gap: number;
  /** The smallest distance between consecutive rings (model px). */
  minRingGap: number;
}

/** The placement: a position per node id and each ring's radius. */
export interface RingResult {
  positions: Map<string, { x: number; y: number }>;
  radii: number[];
}

const DEFAULTS: RingOptions = { gap: 12, minRingGap: 120 };

const diagonal = (n: RingNode) => Math.hypot(n.width, n.height);

/** Total angle that `needs` (chords, px) take on a circle of radius r; Infinity when a chord exceeds 2r. */
function angleNeeded(needs: number[], r: number): number {
  let sum = 0;
  for (const c of needs) {
    if (c >= 2 * r) return Infinity;
    sum += 2 * Math.asin(c / (2 * r));
  }
  return sum;
}

/**
 * Places `nodes` on concentric rings (ring 0 at the origin). A ring's radius is the smallest that both clears
 * the ring inside it and gives every pair of neighbours its chord; angles left over are shared evenly.
 */
export function layoutRings(nodes: readonly RingNode[], options: Partial<RingOptions> = {}): RingResult {
  const o = { ...DEFAULTS, ...options };
  const byRing = new Map<number, RingNode[]>();
  for (const n of nodes) (byRing.get(n.ring) ?? byRing.set(n.ring, []).get(n.ring)!).push(n);
  const rings = [...byRing.keys()].sort((a, b) => a - b);
  const positions = new Map<string, { x: number; y: number }>();
  const angles = new Map<string, number>();
  const radii: number[] = [];
  let prevRadius = 0;
  let prevHalf = 0;
  rings.forEach((ring, k) => {
    let list = byRing.get(ring)!;
    const half = Math.max(...list.map(diagonal)) / 2;
    const only = list[0]!;
    if (k === 0 && list.length === 1) {
      positions.set(only.id, { x: 0, y: 0 });
      angles.set(only.id, -Math.PI / 2);
      radii.push(0);
      prevHalf = half;
      return;
    }
    // Keep the order of the parents (by their angle), the ring's own order within one parent.
    const order = new Map(list.map((n, i) => [n.id, i]));
    const parentAngle = (n: RingNode) => {
      const a = n.parentId !== null ? angles.get(n.parentId) : undefined;
      return a === undefined ? Infinity : (a + Math.PI / 2 + 2 * Math.PI) % (2 * Math.PI);
    };
    list = [...list].sort((a, b) => parentAngle(a) - parentAngle(b) || order.get(a.id)! - order.get(b.id)!);
    const needs = list.map((n, i) => {
      const next = list[(i + 1) % list.length]!;
      return (diagonal(n) + diagonal(next)) / 2 + o.gap;
    });
    const inner = k === 0 ? 0 : prevRadius + Math.max(o.minRingGap, prevHalf + half + o.gap);
    let r = inner;
    if (list.length > 1) {
      r = Math.max(r, needs[0]! / 2 + 1);
      while (angleNeeded(needs, r) > 2 * Math.PI) r *= 1.05;
    }
    // A crowded ring is staggered over `lanes` sub-rings one box diagonal (plus gap) apart: boxes on other lanes are
    // then at least that far, and neighbours on one lane are `lanes` slots apart, so the ring needs about
    // 1/lanes of the circumference. Taken when its outer lane stays inside the single ring.
    const maxDiag = 2 * half + o.gap;
    let lanes = 1;
    let laneR = r;
    for (let l = 2; l <= 6 && list.length >= 2 * l; l++) {
      // Equal slots, a whole number of rounds of the lanes (else the last and the first node of a lane would
      // meet across the join): lane neighbours are l slots apart, their chord must be at least maxDiag.
      const slots = Math.ceil(list.length / l) * l;
      const minR = maxDiag / (2 * Math.sin((Math.PI * l) / slots));
      const base = Math.max(inner, minR);
      if (base + (l - 1) * maxDiag < laneR + (lanes - 1) * maxDiag) {
        lanes = l;
        laneR = base;
      }
    }
    if (lanes > 1) {
      const slot = (2 * Math.PI) / (Math.ceil(list.length / lanes) * lanes);
      const first = parentAngle(list[0]!);
      const start = (Number.isFinite(first) ? first : 0) - Math.PI / 2;
      list.forEach((n, i) => {
        const a = start + i * slot;
        const rr = laneR + (i % lanes) * maxDiag;
        positions.set(n.id, { x: rr * Math.cos(a), y: rr * Math.sin(a) });
        angles.set(n.id, a);
      });
      const outer = laneR + (lanes - 1) * maxDiag;
      radii.push(outer);
      prevRadius = outer;
      prevHalf = half;
      return;
    }
    const steps = needs.map((c) => 2 * Math.asin(Math.min(1, c / (2 * r))));
    const spare = list.length > 1 ? (2 * Math.PI - steps.reduce((s, a) => s + a, 0)) / list.length : 0;
    // Start so that the ring's first node sits near its parent (or at the top).
    const first = parentAngle(list[0]!);
    let a = (Number.isFinite(first) ? first : 0) - Math.PI / 2;
    list.forEach((n, i) => {
      positions.set(n.id, { x: r * Math.cos(a), y: r * Math.sin(a) });
      angles.set(n.id, a);
      a += steps[i]! + spare;
    });
    radii.push(r);
    prevRadius = r;
    prevHalf = half;
  });
  return { positions, radii };
}
