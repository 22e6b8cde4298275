import type { GraphDto, GraphFilter, NodeDto } from '../../../preload/contract';
import { matchesQuery } from '../util/text';

/**
 * Keeps the nodes that pass every criterion of `filter` and the edges between kept nodes.
 *
 * - `kinds`: node kind in the list.
 * - `tags`: node carries at least one of the tags.
 * - `forms`: applies to knowledge items only (other kinds pass).
 * - `categoryId`: the category's neighbourhood, see categoryScope (nodes outside it are dropped, whatever kind).
 * - `text`: every term occurs in label, aliases or description after NFKC + case folding.
 * Pure; O(nodes + edges).
 */
export function applyFilter(graph: GraphDto, filter: GraphFilter): GraphDto {
  const kinds = filter.kinds?.length ? new Set(filter.kinds) : null;
  const tags = filter.tags?.length ? new Set(filter.tags) : null;
  const forms = filter.forms?.length ? new Set<string>(filter.forms) : null;
  const scope = filter.categoryId ? categoryScope(graph, filter.categoryId) : null;
  const text = filter.text?.trim() ?? '';

  const keep = (n: NodeDto): boolean => {
    if (scope && !scope.has(n.id)) return false;
    if (kinds && !kinds.has(n.kind)) return false;
    if (tags && !n.tags.some((t) => tags.has(t))) return false;
    if (forms && n.kind === 'knowledge' && !forms.has(String(n.props.form))) return false;
    if (text && !matchesQuery(text, [n.label, ...n.aliases, n.description])) return false;
    return true;
  };
  const nodes = graph.nodes.filter(keep);
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

/**
 * The node ids a category filter shows (issue #6: the old filter kept every non-knowledge node on screen):
 *
 * 1. the category and its sub-categories: categories that are `part_of` it, transitively;
 * 2. the items `classified_as` any of those categories;
 * 3. the direct neighbours (one hop, any edge kind, either direction) of the nodes of 1 and 2, so the experts who
 *    know an item, the steps that require it and the parent category stay in view, but nothing further out.
 *
 * An unknown `categoryId` gives an empty set. O(nodes + edges).
 */
export function categoryScope(graph: GraphDto, categoryId: string): Set<string> {
  const isCategory = new Set(graph.nodes.filter((n) => n.kind === 'category').map((n) => n.id));
  if (!isCategory.has(categoryId)) return new Set();
  const children = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (e.kind === 'part_of' && isCategory.has(e.source) && isCategory.has(e.target))
      (children.get(e.target) ?? children.set(e.target, []).get(e.target)!).push(e.source);
  }
  const core = new Set([categoryId]);
  const stack = [categoryId];
  while (stack.length) {
    for (const c of children.get(stack.pop()!) ?? []) {
      if (!core.has(c)) {
        core.add(c);
        stack.push(c);
      }
    }
  }
  for (const e of graph.edges) if (e.kind === 'classified_as' && core.has(e.target)) core.add(e.source);
  const scope = new Set(core);
  for (const e of graph.edges) {
    if (core.has(e.source)) scope.add(e.target);
    if (core.has(e.target)) scope.add(e.source);
  }
  return scope;
}
