import type { GraphDto, GraphFilter, NodeDto } from '../../../preload/contract';
import { matchesQuery } from '../util/text';

/**
 * Keeps the nodes that pass every criterion of `filter` and the edges between kept nodes.
 *
 * - `kinds`: node kind in the list.
 * - `tags`: node carries at least one of the tags.
 * - `forms`, `categoryId`: apply to knowledge items only (other kinds pass); a category keeps the items
 *   `classified_as` it or any category that is `part_of` it, transitively.
 * - `text`: every term occurs in label, aliases or description after NFKC + case folding.
 * Pure; O(nodes + edges).
 */
export function applyFilter(graph: GraphDto, filter: GraphFilter): GraphDto {
  const kinds = filter.kinds?.length ? new Set(filter.kinds) : null;
  const tags = filter.tags?.length ? new Set(filter.tags) : null;
  const forms = filter.forms?.length ? new Set<string>(filter.forms) : null;
  const inCategory = filter.categoryId ? itemsUnderCategory(graph, filter.categoryId) : null;
  const text = filter.text?.trim() ?? '';

  const keep = (n: NodeDto): boolean => {
    if (kinds && !kinds.has(n.kind)) return false;
    if (tags && !n.tags.some((t) => tags.has(t))) return false;
    if (n.kind === 'knowledge') {
      if (forms && !forms.has(String(n.props.form))) return false;
      if (inCategory && !inCategory.has(n.id)) return false;
    }
    if (text && !matchesQuery(text, [n.label, ...n.aliases, n.description])) return false;
    return true;
  };
  const nodes = graph.nodes.filter(keep);
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

/** Knowledge item ids classified under `categoryId` or any of its descendants (via category part_of category). */
function itemsUnderCategory(graph: GraphDto, categoryId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (e.kind === 'part_of')
      (children.get(e.target) ?? children.set(e.target, []).get(e.target)!).push(e.source);
  }
  const cats = new Set([categoryId]);
  const stack = [categoryId];
  while (stack.length) {
    for (const c of children.get(stack.pop()!) ?? []) {
      if (!cats.has(c)) {
        cats.add(c);
        stack.push(c);
      }
    }
  }
  const items = new Set<string>();
  for (const e of graph.edges) if (e.kind === 'classified_as' && cats.has(e.target)) items.add(e.source);
  return items;
}
