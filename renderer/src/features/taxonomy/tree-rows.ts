import type { TaxonomyNode } from '../../../../preload/contract';

/**
 * The rows the tree shows: the nodes in tree order, without the subtrees of collapsed rows. O(nodes).
 * (Rows arrive depth first, so a subtree is the run of rows after its root that are deeper than it.)
 */
export function visibleRows(nodes: readonly TaxonomyNode[], collapsed: ReadonlySet<string>): TaxonomyNode[] {
  const out: TaxonomyNode[] = [];
  let hideBelow = Infinity;
  for (const n of nodes) {
    if (n.depth > hideBelow) continue;
    hideBelow = collapsed.has(n.id) && n.childIds.length > 0 ? n.depth : Infinity;
    out.push(n);
  }
  return out;
}

/** The ids of `id` and every category below it in the tree (as shown: each under one parent). */
export function shownSubtree(nodes: readonly TaxonomyNode[], id: string): Set<string> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const c = stack.pop()!;
    if (out.has(c)) continue;
    out.add(c);
    stack.push(...(byId.get(c)?.childIds ?? []));
  }
  return out;
}

/**
 * Where a tree key moves the selection (WAI-ARIA tree pattern): ↑/↓ the previous/next visible row, Home/End the
 * first/last, → the first child of an expanded row, ← the parent of a collapsed row or a leaf. Returns the row to
 * select, `{ toggle }` when ←/→ should collapse or expand the row instead, or null when the key does nothing.
 */
export function treeKeyTarget(
  key: string,
  rows: readonly TaxonomyNode[],
  selectedId: string | null,
  collapsed: ReadonlySet<string>,
): { select: string } | { toggle: string; collapse: boolean } | null {
  if (rows.length === 0) return null;
  const i = rows.findIndex((r) => r.id === selectedId);
  const row = rows[i];
  switch (key) {
    case 'ArrowDown':
      return { select: rows[i < 0 ? 0 : Math.min(rows.length - 1, i + 1)]!.id };
    case 'ArrowUp':
      return { select: rows[i < 0 ? 0 : Math.max(0, i - 1)]!.id };
    case 'Home':
      return { select: rows[0]!.id };
    case 'End':
      return { select: rows.at(-1)!.id };
    case 'ArrowRight':
      if (!row || row.childIds.length === 0) return null;
      if (collapsed.has(row.id)) return { toggle: row.id, collapse: false };
      return { select: row.childIds[0]! };
    case 'ArrowLeft':
      if (!row) return null;
      if (row.childIds.length > 0 && !collapsed.has(row.id)) return { toggle: row.id, collapse: true };
      return row.parentId ? { select: row.parentId } : null;
    default:
      return null;
  }
}
