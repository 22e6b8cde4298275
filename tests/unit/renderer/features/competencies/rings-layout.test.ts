import { describe, expect, it } from 'vitest';
import {
  layoutRings,
  type RingNode,
} from '../../../../../renderer/src/features/competencies/engine/rings-layout';

/** Deterministic pseudo-random numbers (mulberry32), so a failure repeats. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A tree of rings: one focus, `counts[i]` nodes on ring i + 1, each hanging from a random node of the ring inside. */
function rings(counts: number[], seed: number): RingNode[] {
  const r = rng(seed);
  const nodes: RingNode[] = [{ id: 'f', ring: 0, parentId: null, width: 90, height: 110 }];
  let inside = ['f'];
  counts.forEach((n, i) => {
    const ring: string[] = [];
    for (let k = 0; k < n; k++) {
      const id = `r${i + 1}-${k}`;
      nodes.push({
        id,
        ring: i + 1,
        parentId: inside[Math.floor(r() * inside.length)]!,
        width: 30 + r() * 120,
        height: 50 + r() * 40,
      });
      ring.push(id);
    }
    inside = ring;
  });
  return nodes;
}

/** Pairs of boxes (centred on their positions) that intersect. */
function overlapping(nodes: RingNode[], pos: Map<string, { x: number; y: number }>): string[] {
  const bad: string[] = [];
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!;
      const b = nodes[j]!;
      const pa = pos.get(a.id)!;
      const pb = pos.get(b.id)!;
      if (
        Math.abs(pa.x - pb.x) < (a.width + b.width) / 2 &&
        Math.abs(pa.y - pb.y) < (a.height + b.height) / 2
      )
        bad.push(`${a.id}×${b.id}`);
    }
  return bad;
}

describe('concentric rings of the competency diagram', () => {
  it('puts the focus at the origin and every node on its ring, radii growing outwards', () => {
    const nodes = rings([4, 12, 40], 1);
    const { positions, radii } = layoutRings(nodes);
    expect(positions.get('f')).toEqual({ x: 0, y: 0 });
    expect(positions.size).toBe(nodes.length);
    for (let i = 1; i < radii.length; i++) expect(radii[i]!).toBeGreaterThan(radii[i - 1]!);
  });

  it('never lets two boxes overlap, with small and crowded (staggered) rings alike', () => {
    // Sizes like the sample's levels: 4 capabilities, 12 subs, ~130 items, ~40 experts; and some odd shapes.
    const shapes = [[4, 12, 130], [4, 12, 130, 40], [1, 1, 1], [2, 3], [3, 38], [8, 200], [50]];
    shapes.forEach((counts, s) => {
      for (let seed = 0; seed < 5; seed++) {
        const nodes = rings(counts, 100 * s + seed);
        expect(overlapping(nodes, layoutRings(nodes).positions)).toEqual([]);
      }
    });
  });

  it('staggers a crowded ring so it is far narrower than one circle of the same boxes', () => {
    const nodes = rings([4, 12, 130], 7);
    const { radii } = layoutRings(nodes);
    // One circle of 130 boxes each at least ~60 px apart needs a radius of at least 130 · 60 / 2π ≈ 1240 px.
    const items = nodes.filter((n) => n.ring === 3);
    const oneCircle = items.reduce((s, n) => s + Math.hypot(n.width, n.height), 0) / (2 * Math.PI);
    expect(radii.at(-1)!).toBeLessThan(oneCircle * 0.75);
  });
});
