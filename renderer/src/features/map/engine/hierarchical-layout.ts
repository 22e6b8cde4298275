/**
 * Hierarchical layout of a whole map: every tree of the hierarchy forest (hierarchy-forest.ts) is laid out by
 * ELK's layered algorithm (Sugiyama, Tagawa & Toda, "Methods for visual understanding of hierarchical system
 * structures", IEEE SMC 1981, as implemented by the Eclipse Layout Kernel), then the trees and the nodes outside
 * any tree are packed into shelves approaching the window's shape (pack-components.ts).
 *
 * Runs in the layout worker and in Node (unit tests): `elkjs/lib/elk.bundled.js` carries its own fake worker.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import { hierarchyForest, type ForestEdge } from './hierarchy-forest';
import { bundleLeaves, type BundledComponent } from './leaf-blocks';
import { packComponents, sharedElk } from './pack-components';

/**
 * A node to lay out: the size of its box including its label (model px), and where the node's centre sits in
 * that box, measured from the box's top-left corner (labels hang below nodes, so the centre is not the box's).
 */
export interface BoxedNode {
  id: string;
  w: number;
  h: number;
  cx: number;
  cy: number;
}

/** Options of {@link hierarchicalLayout}. */
export interface HierarchicalOptions {
  /** Width ÷ height of the window the map is shown in (default 1.6, i.e. 16:10). */
  aspect?: number;
  /** Space between nodes of one rank and between cells of a leaf grid (model px, default 4). */
  nodeSpacing?: number;
  /** Space between ranks (model px, default 20). */
  rankSpacing?: number;
  /** Space between packed trees (model px, default 20). */
  gap?: number;
  /** Fewest leaves under one parent that are drawn as a grid (leaf-blocks.ts; default 2). */
  minLeaves?: number;
}

/** A laid-out tree: top-left corners of its nodes' boxes relative to the tree's, and its size (model px). */
interface Tree {
  id: string;
  w: number;
  h: number;
  at: Map<string, { x: number; y: number }>;
}

/**
 * The variants tried for every tree; the one with the smallest bounding box wins (ties: the earlier). Ranks left
 * to right want wide leaf grids, ranks top to bottom tall ones.
 */
const VARIANTS = [
  { direction: 'RIGHT', blockAspect: 3 },
  { direction: 'RIGHT', blockAspect: 1.5 },
  { direction: 'DOWN', blockAspect: 1.5 },
  { direction: 'DOWN', blockAspect: 0.75 },
] as const;

/**
 * Positions of the node centres (model px), the packed box starting at (0, 0). Deterministic: the same nodes and
 * edges give the same positions whatever their order.
 * @param nodes every node of the map with its labelled box; edges to unknown ids are ignored.
 * @throws whatever ELK throws for a malformed graph (not expected for well-formed input).
 */
export async function hierarchicalLayout(
  nodes: readonly BoxedNode[],
  edges: readonly ForestEdge[],
  options: HierarchicalOptions = {},
): Promise<Array<{ id: string; x: number; y: number }>> {
  const { aspect = 1.6, nodeSpacing = 4, rankSpacing = 20, gap = 20, minLeaves = 2 } = options;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const size = (id: string) => byId.get(id)!;
  const forest = hierarchyForest(nodes, edges);
  const trees: Tree[] = [];
  for (const [i, comp] of forest.components.entries()) {
    let best: Tree | null = null;
    for (const v of VARIANTS) {
      const bundled = bundleLeaves(comp, size, { minLeaves, gap: nodeSpacing, aspect: v.blockAspect });
      const tree = await layoutTree(`tree-${i}`, bundled, size, {
        direction: v.direction,
        nodeSpacing,
        rankSpacing,
      });
      if (!best || tree.w * tree.h < best.w * best.h - 1e-6) best = tree;
    }
    trees.push(best!);
  }
  for (const id of forest.loose) {
    const n = byId.get(id)!;
    trees.push({ id: `loose-${id}`, w: n.w, h: n.h, at: new Map([[id, { x: 0, y: 0 }]]) });
  }
  const packed = await packComponents(trees, { aspect, gap });
  const positions: Array<{ id: string; x: number; y: number }> = [];
  for (const t of trees) {
    const o = packed.offsets.get(t.id)!;
    for (const [id, p] of t.at) {
      const n = byId.get(id)!;
      positions.push({ id, x: o.x + p.x + n.cx, y: o.y + p.y + n.cy });
    }
  }
  return positions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One ELK layered run on a tree whose crowded leaves are already bundled into grids. */
async function layoutTree(
  id: string,
  bundled: BundledComponent,
  size: (id: string) => BoxedNode,
  o: { direction: string; nodeSpacing: number; rankSpacing: number },
): Promise<Tree> {
  const blockById = new Map(bundled.blocks.map((b) => [b.id, b]));
  const dims = (n: string) => blockById.get(n) ?? size(n);
  const graph: ElkNode = {
    id,
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': o.direction,
      'elk.spacing.nodeNode': String(o.nodeSpacing),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(o.rankSpacing),
      'elk.padding': '[top=0,left=0,bottom=0,right=0]',
      'elk.randomSeed': '1',
    },
    children: bundled.nodes.map((n) => ({ id: n, width: dims(n).w, height: dims(n).h })),
    edges: bundled.edges.map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
  };
  const out = await sharedElk().layout(graph);
  const at = new Map<string, { x: number; y: number }>();
  let w = 0;
  let h = 0;
  for (const c of out.children ?? []) {
    const x = c.x ?? 0;
    const y = c.y ?? 0;
    const block = blockById.get(c.id);
    if (block) for (const [leaf, p] of block.cells) at.set(leaf, { x: x + p.x, y: y + p.y });
    else at.set(c.id, { x, y });
    w = Math.max(w, x + (c.width ?? 0));
    h = Math.max(h, y + (c.height ?? 0));
  }
  return { id, w, h, at };
}
