/**
 * The parts of a map that a hierarchical layout ranks: a spanning forest of the hierarchy edges, cut into
 * components that are laid out one by one and then packed (see hierarchical-layout.ts).
 *
 * Why a forest and not the whole hierarchy graph: in the sample every knowledge item is `classified_as` a
 * category AND `supports` a competency, so the hierarchy graph is one 147-node DAG whose bottom rank holds 114
 * items side by side (issue #6: dagre drew it as a 2228 × 10443 px strip). Giving each node at most one parent
 * splits it into trees of a few dozen nodes that pack into a window-shaped box. The other hierarchy edges inside
 * a tree still rank (a process's `next` chain keeps its order); hierarchy edges between trees and all other
 * edges are drawn but do not rank.
 */

/** Edge kinds that rank a hierarchical layout, in the order a node picks its one parent. */
export const HIERARCHY_KINDS = ['part_of', 'classified_as', 'next', 'supports'] as const;

/** A node in the layout request: only its id matters here. */
export interface ForestNode {
  id: string;
}

/** An edge in the layout request. */
export interface ForestEdge {
  id: string;
  source: string;
  target: string;
  kind: string;
}

/** A ranked edge, directed from the upper rank to the lower one. */
export interface RankEdge {
  id: string;
  from: string;
  to: string;
}

/** One tree of the forest: its nodes (sorted by id) and every hierarchy edge between them, directed downwards. */
export interface HierarchyComponent {
  nodes: string[];
  edges: RankEdge[];
}

/** Result of {@link hierarchyForest}. */
export interface HierarchyForest {
  /** Trees with two or more nodes, largest first (ties by the smallest node id). */
  components: HierarchyComponent[];
  /** Nodes with no hierarchy edge to any other node, sorted by id. */
  loose: string[];
}

/**
 * Upper and lower end of a hierarchy edge: `part_of`, `classified_as` and `supports` point from the child to
 * its parent (a step is part of its process), `next` from the earlier step to the later one. Null for edges that
 * do not rank.
 */
export function rankDirection(e: ForestEdge): { upper: string; lower: string } | null {
  if (e.kind === 'next') return { upper: e.source, lower: e.target };
  if ((HIERARCHY_KINDS as readonly string[]).includes(e.kind)) return { upper: e.target, lower: e.source };
  return null;
}

/**
 * Spanning forest of the hierarchy edges, chosen like Kruskal's algorithm with union–find (Cormen et al.,
 * "Introduction to Algorithms", §21.3 and §23.2): edges in HIERARCHY_KINDS order, then by lower and upper node id,
 * are taken when the lower node has no parent yet and the edge joins two different trees. The result depends only
 * on the ids and kinds, never on input order, so the layout is deterministic.
 *
 * @param nodes every node of the map; edges to ids not in `nodes` and self-loops are ignored.
 * @returns the trees (with all hierarchy edges inside each) and the nodes outside any tree.
 */
export function hierarchyForest(nodes: readonly ForestNode[], edges: readonly ForestEdge[]): HierarchyForest {
  const ids = new Set(nodes.map((n) => n.id));
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r)) r = parent.get(r)!;
    // Path compression keeps later finds near constant.
    for (let y = x; y !== r;) {
      const next = parent.get(y)!;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  const ranked = edges
    .map((e) => ({ e, dir: rankDirection(e), order: (HIERARCHY_KINDS as readonly string[]).indexOf(e.kind) }))
    .filter(
      (r): r is { e: ForestEdge; dir: { upper: string; lower: string }; order: number } =>
        r.dir !== null && r.dir.upper !== r.dir.lower && ids.has(r.dir.upper) && ids.has(r.dir.lower),
    )
    .sort(
      (a, b) =>
        a.order - b.order ||
        cmp(a.dir.lower, b.dir.lower) ||
        cmp(a.dir.upper, b.dir.upper) ||
        cmp(a.e.id, b.e.id),
    );
  const hasParent = new Set<string>();
  for (const { dir } of ranked) {
    if (hasParent.has(dir.lower)) continue;
    const a = find(dir.lower);
    const b = find(dir.upper);
    if (a === b) continue;
    hasParent.add(dir.lower);
    // Union by id keeps the representative independent of edge order.
    if (a < b) parent.set(b, a);
    else parent.set(a, b);
  }
  const groups = new Map<string, string[]>();
  for (const id of [...ids].sort(cmp)) {
    const root = find(id);
    (groups.get(root) ?? groups.set(root, []).get(root)!).push(id);
  }
  const rootOf = new Map<string, string>();
  for (const [root, members] of groups) for (const m of members) rootOf.set(m, root);
  const edgesOf = new Map<string, RankEdge[]>();
  for (const { e, dir } of ranked) {
    const root = rootOf.get(dir.lower)!;
    if (rootOf.get(dir.upper) !== root) continue;
    (edgesOf.get(root) ?? edgesOf.set(root, []).get(root)!).push({
      id: e.id,
      from: dir.upper,
      to: dir.lower,
    });
  }
  const components: HierarchyComponent[] = [];
  const loose: string[] = [];
  for (const [root, members] of groups) {
    if (members.length === 1) loose.push(members[0]!);
    else
      components.push({ nodes: members, edges: (edgesOf.get(root) ?? []).sort((a, b) => cmp(a.id, b.id)) });
  }
  components.sort((a, b) => b.nodes.length - a.nodes.length || cmp(a.nodes[0]!, b.nodes[0]!));
  return { components, loose };
}

/** Code-unit order (not locale order): the same on every machine. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
