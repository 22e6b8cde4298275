import type { ProficiencyHeatmap } from '../../../preload/contract';
import { categorySubtree, itemsInCategories, topCategories } from './category-tree';
import { labelCollator } from './expert-holdings';
import type { GraphIndex } from './graph-index';

/**
 * The experts × categories proficiency heat map (issue 8): one column per top-level category (no `part_of`
 * parent), by label; one row per expert, by label (zh-CN collation). A category's areas are the category, its
 * sub-categories (transitively) and the knowledge items classified in any of them; the cell of an expert is
 *
 *   proficiency = max `knows` proficiency of the expert over those areas,  items = how many of the areas they know
 *
 * (an area reached twice counts once). Only non-empty cells are listed, experts' row order then columns.
 * O(categories' subtrees + knows edges). Never throws.
 */
export function proficiencyHeatmap(index: GraphIndex): ProficiencyHeatmap {
  const byLabel = (ids: readonly string[]) =>
    ids
      .map((id) => ({ id, label: index.node(id)!.label }))
      .sort((a, b) => labelCollator.compare(a.label, b.label) || (a.id < b.id ? -1 : 1));
  const categories = byLabel(topCategories(index));
  const experts = byLabel(index.idsOfKind('expert'));
  // area → the top-level categories it counts under (an item may be classified in two trees).
  const tops = new Map<string, string[]>();
  for (const { id: top } of categories) {
    const subtree = categorySubtree(index, top);
    for (const area of [...subtree, ...itemsInCategories(index, subtree)]) {
      const list = tops.get(area);
      if (!list) tops.set(area, [top]);
      else if (!list.includes(top)) list.push(top);
    }
  }
  const cells: ProficiencyHeatmap['cells'] = [];
  for (const { id: expertId } of experts) {
    const best = new Map<string, Map<string, number>>(); // top → area → best proficiency
    for (const e of index.out(expertId, 'knows'))
      for (const top of tops.get(e.target) ?? []) {
        let areas = best.get(top);
        if (!areas) best.set(top, (areas = new Map()));
        areas.set(e.target, Math.max(areas.get(e.target) ?? 0, e.props.proficiency));
      }
    for (const { id: categoryId } of categories) {
      const areas = best.get(categoryId);
      if (!areas) continue;
      cells.push({ expertId, categoryId, proficiency: Math.max(...areas.values()), items: areas.size });
    }
  }
  return { experts, categories, cells };
}
