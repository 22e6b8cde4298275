import type { GraphIndex } from './graph-index';

/**
 * The categories below `categoryId` (`part_of` category → category, followed transitively), the category
 * itself first; a cycle is walked once. Empty when `categoryId` is not a category. O(the subtree).
 */
export function categorySubtree(index: GraphIndex, categoryId: string): string[] {
  if (index.kindOf(categoryId) !== 'category') return [];
  const out = [categoryId];
  const seen = new Set(out);
  for (let i = 0; i < out.length; i++)
    for (const e of index.in(out[i]!, 'part_of'))
      if (index.kindOf(e.source) === 'category' && !seen.has(e.source)) {
        seen.add(e.source);
        out.push(e.source);
      }
  return out;
}

/**
 * The knowledge items classified (`classified_as`) in any of `categoryIds`, each once, in the order first met.
 */
export function itemsInCategories(index: GraphIndex, categoryIds: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const c of categoryIds)
    for (const e of index.in(c, 'classified_as'))
      if (index.kindOf(e.source) === 'knowledge' && !seen.has(e.source)) {
        seen.add(e.source);
        out.push(e.source);
      }
  return out;
}

/** The top-level categories: those with no `part_of` edge to another category, in graph order. */
export function topCategories(index: GraphIndex): string[] {
  return index
    .idsOfKind('category')
    .filter((c) => !index.out(c, 'part_of').some((e) => index.kindOf(e.target) === 'category'));
}
