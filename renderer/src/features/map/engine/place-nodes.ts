/**
 * Places nodes that have no position without moving any other node (issue #6: one new node re-ran a force layout
 * of the whole map). A node goes to the first free spot on an Archimedean spiral (r = b·θ) around the centroid of
 * its placed neighbours, or around a given point (the view's centre, or where it was asked to go), where "free"
 * means its labelled box, grown by a margin, overlaps no other node's labelled box. Pure: no Cytoscape.
 */

/** An axis-aligned box in model px (x grows right, y down). */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Model point (px). */
export interface Point {
  x: number;
  y: number;
}

/** A node to place. */
export interface PlaceItem {
  id: string;
  /**
   * Its labelled box relative to its position: the box is (x − left, y − top) to (x + right, y + bottom).
   * Labels hang below nodes, so `bottom` is usually larger than `top`.
   */
  extent: { left: number; right: number; top: number; bottom: number };
  /** Ids of its neighbours (any order; unplaced ones are ignored until they are placed). */
  neighbours: readonly string[];
  /** Start the spiral here instead of at the neighbours' centroid (e.g. a stored position that overlaps). */
  near?: Point;
}

/** Options of {@link placeNodes}. */
export interface PlaceOptions {
  /** Labelled boxes of every node that stays where it is. */
  obstacles: readonly Box[];
  /** Positions of nodes already placed, for the neighbours' centroids. */
  placed: ReadonlyMap<string, Point>;
  /** Where a node with no placed neighbour (and no `near`) starts looking: the view's centre. */
  centre: Point;
  /** Free space kept around every box (model px, default 12). */
  margin?: number;
  /** Distance between successive spiral turns (model px, default 18). */
  pitch?: number;
  /** Distance between tried spots along the spiral near its start (model px, default 10; far out it grows to 5 % of the radius, so a search across a big map stays around 100 tries per turn). */
  step?: number;
  /** Largest radius searched; beyond it the node goes to its start point (model px, default 50,000). */
  maxRadius?: number;
  /** If given, receives the ids that found no free spot within `maxRadius` (they were put at their start). */
  failed?: Set<string>;
}

/** Cell size of the spatial hash (model px): about one labelled node. */
const CELL = 128;

/**
 * Positions (model px) for `items`. Deterministic: items with a start point (`near` or a placed neighbour) go
 * first, in id order, and each
 * placed item counts as placed (and as an obstacle) for the next, so a chain of new nodes grows outwards from the
 * placed map; an item with no placed neighbour is placed only when no such item is left.
 */
export function placeNodes(items: readonly PlaceItem[], options: PlaceOptions): Map<string, Point> {
  const { margin = 12, pitch = 18, step = 10, maxRadius = 50_000 } = options;
  const grid = new SpatialHash();
  for (const b of options.obstacles) grid.add(b);
  const placed = new Map(options.placed);
  const out = new Map<string, Point>();
  const pending = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  while (pending.length) {
    let i = pending.findIndex((it) => it.near !== undefined || it.neighbours.some((n) => placed.has(n)));
    if (i < 0) i = 0;
    const item = pending.splice(i, 1)[0]!;
    const start = item.near ?? centroid(item.neighbours, placed) ?? options.centre;
    const found = firstFreeSpot(item, start, grid, { margin, pitch, step, maxRadius });
    if (!found) options.failed?.add(item.id);
    const p = found ?? start;
    out.set(item.id, p);
    placed.set(item.id, p);
    grid.add(boxAt(item, p));
  }
  return out;
}

/** The labelled box of `item` at position `p`. */
export function boxAt(item: Pick<PlaceItem, 'extent'>, p: Point): Box {
  const e = item.extent;
  return { x1: p.x - e.left, y1: p.y - e.top, x2: p.x + e.right, y2: p.y + e.bottom };
}

/** Whether two boxes overlap once each is grown by `margin` / 2 on every side. */
export function overlaps(a: Box, b: Box, margin = 0): boolean {
  return a.x1 < b.x2 + margin && b.x1 < a.x2 + margin && a.y1 < b.y2 + margin && b.y1 < a.y2 + margin;
}

/** Centroid of the placed ones among `ids`, or null if none is placed. */
export function centroid(ids: readonly string[], placed: ReadonlyMap<string, Point>): Point | null {
  let x = 0;
  let y = 0;
  let n = 0;
  for (const id of new Set(ids)) {
    const p = placed.get(id);
    if (!p) continue;
    x += p.x;
    y += p.y;
    n++;
  }
  return n ? { x: x / n, y: y / n } : null;
}

function firstFreeSpot(
  item: PlaceItem,
  start: Point,
  grid: SpatialHash,
  o: { margin: number; pitch: number; step: number; maxRadius: number },
): Point | null {
  const b = o.pitch / (2 * Math.PI);
  // θ advances so that successive spots are about `step` apart along the spiral (arc length ≈ r·dθ), but by at
  // least 0.05 rad: beyond r = 20·step the spots thin out to 5 % of the radius.
  for (
    let theta = 0;
    b * theta <= o.maxRadius;
    theta += Math.max(o.step / Math.max(b * theta, o.step), 0.05)
  ) {
    const r = b * theta;
    const p = { x: start.x + r * Math.cos(theta), y: start.y + r * Math.sin(theta) };
    if (!grid.hits(boxAt(item, p), o.margin)) return p;
  }
  return null;
}

/** Boxes hashed by the grid cells they cover, so that a free-spot test looks only at nearby boxes. */
class SpatialHash {
  private readonly cells = new Map<string, Box[]>();

  add(b: Box): void {
    for (const key of this.keys(b, 0)) (this.cells.get(key) ?? this.cells.set(key, []).get(key)!).push(b);
  }

  hits(b: Box, margin: number): boolean {
    for (const key of this.keys(b, margin))
      for (const other of this.cells.get(key) ?? []) if (overlaps(b, other, margin)) return true;
    return false;
  }

  private *keys(b: Box, margin: number): Generator<string> {
    const x1 = Math.floor((b.x1 - margin) / CELL);
    const x2 = Math.floor((b.x2 + margin) / CELL);
    const y1 = Math.floor((b.y1 - margin) / CELL);
    const y2 = Math.floor((b.y2 + margin) / CELL);
    for (let x = x1; x <= x2; x++) for (let y = y1; y <= y2; y++) yield `${x},${y}`;
  }
}
