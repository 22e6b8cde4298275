/**
 * Packs rectangles (laid-out components of a map) so that the whole approaches a window's shape.
 *
 * Two packers run and the better result is kept: ELK's `rectpacking` algorithm (Eclipse Layout Kernel; rows and
 * stacks after Bin Packing literature, see its documentation) and, as a plain fallback, next-fit decreasing height (NFDH; Coffman, Garey, Johnson & Tarjan, "Performance bounds for
 * level-oriented two-dimensional packing algorithms", SIAM J. Computing 9(4), 1980): boxes sorted by height go
 * left to right into the current shelf, and a box that does not fit opens a new shelf below. The shelf width is
 * chosen among candidates so that the packed box needs the smallest window of the target aspect, i.e. it
 * minimises max(width / aspect, height): that is what makes "fit to window" show it at the largest zoom. The
 * same score compares the two packers.
 */
import ELK from 'elkjs/lib/elk.bundled.js';

let elk: InstanceType<typeof ELK> | null = null;

/** The one ELK instance of this thread (elk.bundled runs the layout in a fake worker, in-thread). */
export function sharedElk(): InstanceType<typeof ELK> {
  elk ??= new ELK();
  return elk;
}

/** A rectangle to pack (model px). */
export interface PackBox {
  id: string;
  w: number;
  h: number;
}

/** Options of {@link packShelves}. */
export interface PackOptions {
  /** Target width ÷ height of the packed box, e.g. 1.6 for a 16:10 window. */
  aspect: number;
  /** Space between boxes and between shelves (model px). */
  gap: number;
}

/** Result of {@link packShelves}: top-left corner of each box, and the size of the packed box (model px). */
export interface PackResult {
  offsets: Map<string, { x: number; y: number }>;
  width: number;
  height: number;
}

/** How large a window of width ÷ height `aspect` must be to hold a `width` × `height` box: its height. */
export function windowHeightFor(width: number, height: number, aspect: number): number {
  return Math.max(width / aspect, height);
}

/** Aspect targets handed to ELK, as factors of the wanted one: its rows come out near, not at, the target. */
const ELK_TARGETS = [0.7, 0.85, 1, 1.2, 1.45];

/**
 * Packs `boxes` with ELK's rectpacking (at a few aspect targets around `options.aspect`) and with
 * {@link packShelves}; returns whichever needs the smallest window of `options.aspect` (ties: the earlier, ELK
 * before NFDH).
 * @throws RangeError when `aspect` is not a positive finite number; whatever ELK throws for malformed input.
 */
export async function packComponents(boxes: readonly PackBox[], options: PackOptions): Promise<PackResult> {
  const shelf = packShelves(boxes, options);
  if (boxes.length === 0) return shelf;
  const score = (r: PackResult) => windowHeightFor(r.width, r.height, options.aspect);
  let best: PackResult | null = null;
  for (const f of ELK_TARGETS) {
    const r = await packWithElk(boxes, options.aspect * f, options.gap);
    if (r.offsets.size === boxes.length && (!best || score(r) < score(best) - 1e-9)) best = r;
  }
  return best && score(best) <= score(shelf) ? best : shelf;
}

/** One run of ELK's rectpacking with aspect target `aspect`; boxes handed over in id order. */
async function packWithElk(boxes: readonly PackBox[], aspect: number, gap: number): Promise<PackResult> {
  const sorted = [...boxes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out = await sharedElk().layout({
    id: 'pack',
    layoutOptions: {
      'elk.algorithm': 'rectpacking',
      'elk.aspectRatio': String(aspect),
      'elk.spacing.nodeNode': String(gap),
      'elk.padding': '[top=0,left=0,bottom=0,right=0]',
    },
    children: sorted.map((b) => ({ id: b.id, width: b.w, height: b.h })),
  });
  const offsets = new Map<string, { x: number; y: number }>();
  let width = 0;
  let height = 0;
  for (const c of out.children ?? []) {
    offsets.set(c.id, { x: c.x ?? 0, y: c.y ?? 0 });
    width = Math.max(width, (c.x ?? 0) + (c.width ?? 0));
    height = Math.max(height, (c.y ?? 0) + (c.height ?? 0));
  }
  return { offsets, width, height };
}

/**
 * Packs `boxes` into shelves approaching `options.aspect`. Deterministic: boxes of equal height keep the order
 * wider first, then by id.
 * @throws RangeError when `aspect` is not a positive finite number.
 */
export function packShelves(boxes: readonly PackBox[], options: PackOptions): PackResult {
  const { aspect, gap } = options;
  if (!(aspect > 0) || !Number.isFinite(aspect)) throw new RangeError(`aspect must be positive: ${aspect}`);
  if (boxes.length === 0) return { offsets: new Map(), width: 0, height: 0 };
  const sorted = [...boxes].sort(
    (a, b) => b.h - a.h || b.w - a.w || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const widest = Math.max(...sorted.map((b) => b.w));
  const total = sorted.reduce((s, b) => s + b.w + gap, 0);
  const area = sorted.reduce((s, b) => s + (b.w + gap) * (b.h + gap), 0);
  const ideal = Math.sqrt(area * aspect);
  // Candidate shelf widths: a geometric sweep around the ideal width, clamped to what can make a difference.
  const candidates = new Set<number>([widest, total]);
  for (let f = 0.35; f <= 3; f *= 1.04) candidates.add(Math.min(total, Math.max(widest, ideal * f)));
  let best: PackResult | null = null;
  let bestScore = Infinity;
  for (const width of [...candidates].sort((a, b) => a - b)) {
    const r = shelves(sorted, width, gap);
    const score = windowHeightFor(r.width, r.height, aspect);
    if (score < bestScore - 1e-9) {
      best = r;
      bestScore = score;
    }
  }
  return best!;
}

/**
 * Boxes flowed into rows (shelves) of at most `maxWidth`, left to right, in the order given: with boxes sorted by
 * decreasing height this is NFDH (next-fit decreasing height; Coffman, Garey, Johnson & Tarjan 1980).
 * Returns each box's offset and the rows' width and height.
 */
export function shelves(sorted: readonly PackBox[], maxWidth: number, gap: number): PackResult {
  const offsets = new Map<string, { x: number; y: number }>();
  let x = 0;
  let y = 0;
  let shelfHeight = 0;
  let width = 0;
  for (const b of sorted) {
    if (x > 0 && x + b.w > maxWidth) {
      y += shelfHeight + gap;
      x = 0;
      shelfHeight = 0;
    }
    offsets.set(b.id, { x, y });
    width = Math.max(width, x + b.w);
    shelfHeight = Math.max(shelfHeight, b.h);
    x += b.w + gap;
  }
  return { offsets, width, height: y + shelfHeight };
}
