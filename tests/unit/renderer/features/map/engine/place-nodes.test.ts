import { describe, expect, it } from 'vitest';
import {
  boxAt,
  centroid,
  overlaps,
  placeNodes,
  type Box,
  type PlaceItem,
} from '../../../../../../renderer/src/features/map/engine/place-nodes';

const EXTENT = { left: 20, right: 20, top: 10, bottom: 30 };
const item = (id: string, neighbours: string[] = [], near?: { x: number; y: number }): PlaceItem => ({
  id,
  extent: EXTENT,
  neighbours,
  near,
});

/** A 3 × 3 block of placed nodes 60 px apart around (0, 0), with their labelled boxes. */
function grid(): { placed: Map<string, { x: number; y: number }>; obstacles: Box[] } {
  const placed = new Map<string, { x: number; y: number }>();
  for (let i = -1; i <= 1; i++)
    for (let j = -1; j <= 1; j++) placed.set(`g${i}${j}`, { x: i * 60, y: j * 60 });
  return { placed, obstacles: [...placed.values()].map((p) => boxAt({ extent: EXTENT }, p)) };
}

describe('placeNodes', () => {
  it('puts a node on the first free spot near its neighbour, clear of every box by the margin', () => {
    const { placed, obstacles } = grid();
    const out = placeNodes([item('new', ['g00'])], { obstacles, placed, centre: { x: 5000, y: 5000 } });
    const p = out.get('new')!;
    const box = boxAt({ extent: EXTENT }, p);
    for (const o of obstacles) expect(overlaps(box, o, 12)).toBe(false);
    // The block is 160 × 160 px: the nearest free ring lies just outside it, far from the view's centre.
    expect(Math.hypot(p.x, p.y)).toBeLessThan(150);
    expect(Math.hypot(p.x, p.y)).toBeGreaterThan(60);
  });

  it('goes to the neighbours’ centroid itself when that spot is free', () => {
    const placed = new Map([
      ['a', { x: -300, y: 0 }],
      ['b', { x: 300, y: 0 }],
    ]);
    const obstacles = [...placed.values()].map((p) => boxAt({ extent: EXTENT }, p));
    const out = placeNodes([item('new', ['a', 'b'])], { obstacles, placed, centre: { x: 999, y: 999 } });
    expect(out.get('new')).toEqual({ x: 0, y: 0 });
  });

  it('places a node without placed neighbours around the centre, and `near` overrides both', () => {
    const out = placeNodes([item('lone'), item('asked', ['x'], { x: -40, y: 70 })], {
      obstacles: [],
      placed: new Map([['x', { x: 900, y: 900 }]]),
      centre: { x: 100, y: 200 },
    });
    expect(out.get('lone')).toEqual({ x: 100, y: 200 });
    expect(out.get('asked')).toEqual({ x: -40, y: 70 });
  });

  it('grows a chain of new nodes out from the placed map, none overlapping another', () => {
    const { placed, obstacles } = grid();
    // c depends on b, b on a, a on the block: placed in that order whatever the input order.
    const items = [item('c', ['b']), item('b', ['a', 'c']), item('a', ['g11', 'b'])];
    const out = placeNodes(items, { obstacles, placed, centre: { x: -5000, y: -5000 } });
    const boxes = ['a', 'b', 'c'].map((id) => boxAt({ extent: EXTENT }, out.get(id)!));
    for (const [i, b] of boxes.entries()) {
      for (const o of obstacles) expect(overlaps(b, o, 12)).toBe(false);
      for (const other of boxes.slice(i + 1)) expect(overlaps(b, other, 12)).toBe(false);
    }
    // None went to the far-away centre: each started from an already placed neighbour.
    for (const id of ['a', 'b', 'c']) expect(Math.hypot(out.get(id)!.x, out.get(id)!.y)).toBeLessThan(400);
  });

  it('is deterministic: the same items in another order give the same positions', () => {
    const { placed, obstacles } = grid();
    const items = [item('n1', ['g00']), item('n2', ['g00']), item('n3', ['g01']), item('n4')];
    const options = { obstacles, placed, centre: { x: 0, y: 0 } };
    const a = placeNodes(items, options);
    const b = placeNodes([...items].reverse(), options);
    expect([...b].sort()).toEqual([...a].sort());
  });

  it('finds space across a crowded area in a bounded number of tries', () => {
    // 40 × 40 nodes, 50 px apart: the nearest free spot is outside the 2,000 px block.
    const placed = new Map<string, { x: number; y: number }>();
    for (let i = 0; i < 40; i++)
      for (let j = 0; j < 40; j++) placed.set(`n${i}-${j}`, { x: i * 50, y: j * 50 });
    const obstacles = [...placed.values()].map((p) => boxAt({ extent: EXTENT }, p));
    const t = performance.now();
    const out = placeNodes([item('new', ['n20-20'])], { obstacles, placed, centre: { x: 0, y: 0 } });
    expect(performance.now() - t).toBeLessThan(2000);
    const box = boxAt({ extent: EXTENT }, out.get('new')!);
    expect(obstacles.some((o) => overlaps(box, o, 12))).toBe(false);
  });

  it('reports the nodes that found no spot within maxRadius, and puts them at their start', () => {
    const { placed, obstacles } = grid();
    const failed = new Set<string>();
    const out = placeNodes([item('boxed', ['g00']), item('free', [], { x: 900, y: 900 })], {
      obstacles,
      placed,
      centre: { x: 0, y: 0 },
      maxRadius: 40,
      failed,
    });
    expect([...failed]).toEqual(['boxed']);
    expect(out.get('boxed')).toEqual({ x: 0, y: 0 });
    expect(out.get('free')).toEqual({ x: 900, y: 900 });
  });
});

describe('centroid and overlaps', () => {
  it('averages only placed ids and counts a repeated id once', () => {
    const placed = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 10, y: 20 }],
    ]);
    expect(centroid(['a', 'b', 'b', 'missing'], placed)).toEqual({ x: 5, y: 10 });
    expect(centroid(['missing'], placed)).toBeNull();
  });

  it('treats boxes closer than the margin as overlapping', () => {
    const a = { x1: 0, y1: 0, x2: 10, y2: 10 };
    const b = { x1: 15, y1: 0, x2: 25, y2: 10 };
    expect(overlaps(a, b)).toBe(false);
    expect(overlaps(a, b, 4)).toBe(false);
    expect(overlaps(a, b, 6)).toBe(true);
  });
});
