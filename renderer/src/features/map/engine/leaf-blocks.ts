/**
 * Leaf blocks: the leaves under one parent drawn as a grid instead of one long rank.
 *
 * A layered layout puts all children of a node into the next rank, one after the other: a category with 40
 * knowledge items becomes a 2,300 px column (measured on the sample), and the whole map then fits the window only
 * at a zoom where no label is drawn. Before ELK runs, the leaves of each parent with at least `minLeaves` of them
 * are replaced by one block node the size of their grid; ELK ranks the block like any other child, and the grid
 * is filled in afterwards, in id order, row by row.
 */
import type { HierarchyComponent, RankEdge } from './hierarchy-forest';
import { shelves } from './pack-components';

/** A node's labelled box (model px). */
export interface CellSize {
  w: number;
  h: number;
}

/** Options of {@link bundleLeaves}. */
export interface LeafBlockOptions {
  /** Fewest leaves under one parent that make a block (default 6). */
  minLeaves?: number;
  /** Wanted width ÷ height of a block (default 1.2). */
  aspect?: number;
  /** Space between cells of a block (model px, default 8). */
  gap?: number;
}

/** A block: its id (`block:<parent id>`), its leaves with their boxes' top-left corners in it, and its size. */
export interface LeafBlock {
  id: string;
  /** Leaf id → top-left corner of its box, relative to the block's top-left corner (model px). */
  cells: Map<string, { x: number; y: number }>;
  w: number;
  h: number;
}

/** Result of {@link bundleLeaves}: what ELK lays out, and the blocks to expand afterwards. */
export interface BundledComponent {
  /** Node ids left as they are, plus the block ids. */
  nodes: string[];
  edges: RankEdge[];
  blocks: LeafBlock[];
}

/**
 * Replaces the leaves of crowded parents by blocks. A leaf is a node whose only ranking edge in the component
 * comes from its parent (nothing below it, no second parent).
 * @param size labelled box of every node of `comp`.
 */
export function bundleLeaves(
  comp: HierarchyComponent,
  size: (id: string) => CellSize,
  options: LeafBlockOptions = {},
): BundledComponent {
  const { minLeaves = 6, aspect = 1.2, gap = 8 } = options;
  const into = new Map<string, RankEdge[]>();
  const outOf = new Map<string, RankEdge[]>();
  for (const e of comp.edges) {
    (into.get(e.to) ?? into.set(e.to, []).get(e.to)!).push(e);
    (outOf.get(e.from) ?? outOf.set(e.from, []).get(e.from)!).push(e);
  }
  const leavesOf = new Map<string, string[]>();
  for (const id of comp.nodes) {
    const up = into.get(id) ?? [];
    if (up.length !== 1 || (outOf.get(id)?.length ?? 0) > 0) continue;
    const parent = up[0]!.from;
    (leavesOf.get(parent) ?? leavesOf.set(parent, []).get(parent)!).push(id);
  }
  const bundled = new Set<string>();
  const blocks: LeafBlock[] = [];
  for (const [parent, leaves] of [...leavesOf].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (leaves.length < minLeaves) continue;
    leaves.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    blocks.push({
      id: `block:${parent}`,
      ...flowBlock(
        leaves.map((id) => ({ id, ...size(id) })),
        aspect,
        gap,
      ),
    });
    for (const l of leaves) bundled.add(l);
  }
  const blockOf = new Map<string, string>();
  for (const b of blocks) for (const l of b.cells.keys()) blockOf.set(l, b.id);
  const edges: RankEdge[] = [];
  const seen = new Set<string>();
  for (const e of comp.edges) {
    const to = blockOf.get(e.to);
    if (!to) edges.push(e);
    else if (!seen.has(to)) {
      seen.add(to);
      edges.push({ id: `edge:${to}`, from: e.from, to });
    }
  }
  return {
    nodes: [...comp.nodes.filter((id) => !bundled.has(id)), ...blocks.map((b) => b.id)],
    edges,
    blocks,
  };
}

/**
 * Flows boxes into rows, like words into lines: left to right in the given order, a new row when the next box
 * would pass the row width. The row width is picked among candidates so that the block's width ÷ height comes
 * closest to `aspect` (on a log scale).
 */
export function flowBlock(
  boxes: ReadonlyArray<{ id: string; w: number; h: number }>,
  aspect: number,
  gap: number,
): Omit<LeafBlock, 'id'> {
  const area = boxes.reduce((s, b) => s + (b.w + gap) * (b.h + gap), 0);
  const widest = Math.max(...boxes.map((b) => b.w));
  let best: Omit<LeafBlock, 'id'> | null = null;
  let bestScore = Infinity;
  for (let f = 0.6; f <= 1.6; f += 0.05) {
    const r = flow(boxes, Math.max(widest, Math.sqrt(area * aspect) * f), gap);
    const score = Math.abs(Math.log(r.w / r.h / aspect)) + Math.log((r.w * r.h) / area);
    if (score < bestScore - 1e-9) {
      best = r;
      bestScore = score;
    }
  }
  return best!;
}

/** The leaves flowed into rows of at most `maxWidth` (pack-components' shelves, in the leaves' order). */
function flow(
  boxes: ReadonlyArray<{ id: string; w: number; h: number }>,
  maxWidth: number,
  gap: number,
): Omit<LeafBlock, 'id'> {
  const { offsets, width, height } = shelves(boxes, maxWidth, gap);
  return { cells: offsets, w: width, h: height };
}
