import type {
  NodeDto,
  TaxonomyDetail,
  TaxonomyItem,
  TaxonomyNode,
  TaxonomyTree,
} from '../../../preload/contract';
import { categorySubtree, itemsInCategories } from '../analytics/category-tree';
import { labelCollator } from '../analytics/expert-holdings';
import type { GraphIndex } from '../analytics/graph-index';
import { WellspringError } from '../util/errors';
import { taxonomyError } from './taxonomy-messages';
import { preorderForest } from '../util/forest';

/**
 * The taxonomy's shape: each category hangs under ONE parent, its first `part_of` edge to another category (graph
 * order); roots (no such edge) and children by label (zh-CN collation, pinyin for Chinese). A category that only a
 * cycle of `part_of` edges reaches (the editor refuses to make one, an import might not) becomes a root where the
 * cycle is entered, so every category appears exactly once — as competency-tree.ts does for competencies.
 * The counts (taxonomyTree) follow every `part_of` edge; the tree shows each category once.
 */
export interface TaxonomyHierarchy {
  /** Root ids in order. */
  roots: string[];
  /** Every category in depth-first pre-order (a root, then its subtree). */
  order: string[];
  parentOf: Map<string, string | null>;
  /** The further categories each is `part_of`, besides the one it is shown under, in graph order. */
  alsoUnder: Map<string, string[]>;
  childrenOf: Map<string, string[]>;
  depthOf: Map<string, number>;
}

/** Builds the TaxonomyHierarchy of an index. O(categories · log + their part_of edges). Never throws. */
export function taxonomyHierarchy(index: GraphIndex): TaxonomyHierarchy {
  const ids = index.idsOfKind('category');
  const label = (c: string) => index.node(c)!.label;
  const byLabel = (a: string, b: string) => labelCollator.compare(label(a), label(b)) || (a < b ? -1 : 1);
  const parentOf = new Map<string, string | null>();
  const alsoUnder = new Map<string, string[]>();
  const childrenOf = new Map<string, string[]>(ids.map((c) => [c, []]));
  for (const c of ids) {
    const ups = [
      ...new Set(
        index
          .out(c, 'part_of')
          .filter((e) => e.target !== c && index.kindOf(e.target) === 'category')
          .map((e) => e.target),
      ),
    ];
    parentOf.set(c, ups[0] ?? null);
    alsoUnder.set(c, ups.slice(1));
    if (ups[0] !== undefined) childrenOf.get(ups[0])!.push(c);
  }
  for (const list of childrenOf.values()) list.sort(byLabel);
  const roots = ids.filter((c) => parentOf.get(c) === null).sort(byLabel);
  const { order, depthOf } = preorderForest(roots, childrenOf, parentOf, [...ids].sort(byLabel), (c) => {
    // Only a cycle reaches c: cut it here, and say where it was.
    alsoUnder.get(c)!.unshift(parentOf.get(c)!);
    parentOf.set(c, null);
  });
  return { roots, order, parentOf, alsoUnder, childrenOf, depthOf };
}

/** Distinct ids of the sources of `kind` edges into `id` whose node is of `sourceKind`. */
function sourcesOf(
  index: GraphIndex,
  id: string,
  kind: 'classified_as' | 'knows' | 'defines',
  sourceKind: 'knowledge' | 'expert' | 'term',
): Set<string> {
  return new Set(
    index
      .in(id, kind)
      .filter((e) => index.kindOf(e.source) === sourceKind)
      .map((e) => e.source),
  );
}

/** One category of the tree with its counts (see TaxonomyNode). O(its subtree and their classified_as edges). */
function taxonomyNode(index: GraphIndex, h: TaxonomyHierarchy, c: string): TaxonomyNode {
  const node = index.node(c)!;
  const subtree = categorySubtree(index, c);
  return {
    id: c,
    label: node.label,
    aliases: node.aliases,
    description: node.description,
    parentId: h.parentOf.get(c)!,
    alsoUnder: h.alsoUnder.get(c)!,
    childIds: h.childrenOf.get(c)!,
    depth: h.depthOf.get(c)!,
    counts: {
      directItems: sourcesOf(index, c, 'classified_as', 'knowledge').size,
      items: itemsInCategories(index, subtree).length,
      subCategories: subtree.length - 1,
      experts: sourcesOf(index, c, 'knows', 'expert').size,
      terms: sourcesOf(index, c, 'defines', 'term').size,
    },
  };
}

/**
 * The whole taxonomy in tree order (taxonomyHierarchy) with each category's counts, and the totals: categories,
 * knowledge items classified somewhere, items in no category. Subtree counts follow every `part_of` edge and count
 * each item once per subtree (analytics/category-tree.ts, as the map's category filter and the inventory do).
 * O(Σ subtree sizes + their classified_as edges): categories × depth. Never throws.
 */
export function taxonomyTree(index: GraphIndex): TaxonomyTree {
  const h = taxonomyHierarchy(index);
  const classified = itemsInCategories(index, index.idsOfKind('category')).length;
  return {
    nodes: h.order.map((c) => taxonomyNode(index, h, c)),
    totals: {
      categories: h.order.length,
      classifiedItems: classified,
      unclassifiedItems: index.idsOfKind('knowledge').length - classified,
    },
  };
}

/**
 * The category `id` of the index, or the error the channels throw.
 * @throws WellspringError not_found `errors.nodeNotFound` {id}; invalid_input `taxonomy:errors.notCategory` {label}
 */
export function requireCategory(
  index: GraphIndex,
  id: string,
  path: Array<string | number> = ['id'],
): NodeDto {
  const node = index.node(id);
  if (!node)
    throw new WellspringError('not_found', `No node with id ${id}.`, path, {
      key: 'errors.nodeNotFound',
      params: { id },
    });
  if (node.kind !== 'category')
    throw taxonomyError(
      'invalid_input',
      'notCategory',
      `“${node.label}” is not a category.`,
      { label: node.label },
      path,
    );
  return node;
}

/**
 * One category's contents: its path from the root, the items of its whole subtree (each once; direct ones first,
 * then the rest, each group by label; `via` the category nearest to it, breadth first, it is classified in), the
 * experts who know it (best proficiency first, then label) and the terms that define it (by label).
 * @throws as requireCategory
 */
export function taxonomyDetail(index: GraphIndex, id: string): TaxonomyDetail {
  requireCategory(index, id);
  const h = taxonomyHierarchy(index);
  const path: Array<{ id: string; label: string }> = [];
  for (let c: string | null = id; c !== null; c = h.parentOf.get(c) ?? null)
    path.unshift({ id: c, label: index.node(c)!.label });
  const via = new Map<string, string>();
  for (const c of categorySubtree(index, id))
    for (const e of index.in(c, 'classified_as'))
      if (index.kindOf(e.source) === 'knowledge' && !via.has(e.source)) via.set(e.source, c);
  const items: TaxonomyItem[] = [...via].map(([itemId, c]) => ({
    id: itemId,
    label: index.node(itemId)!.label,
    form: index.knowledgeProps(itemId)?.form ?? null,
    direct: c === id,
    viaId: c,
    viaLabel: index.node(c)!.label,
  }));
  items.sort((a, b) => Number(b.direct) - Number(a.direct) || labelCollator.compare(a.label, b.label));
  const best = new Map<string, number>();
  for (const e of index.in(id, 'knows'))
    if (index.kindOf(e.source) === 'expert')
      best.set(e.source, Math.max(best.get(e.source) ?? 0, e.props.proficiency));
  const experts = [...best]
    .map(([expertId, proficiency]) => ({ id: expertId, label: index.node(expertId)!.label, proficiency }))
    .sort((a, b) => b.proficiency - a.proficiency || labelCollator.compare(a.label, b.label));
  const terms = [...sourcesOf(index, id, 'defines', 'term')]
    .map((t) => ({ id: t, label: index.node(t)!.label }))
    .sort((a, b) => labelCollator.compare(a.label, b.label));
  return { category: taxonomyNode(index, h, id), path, items, experts, terms };
}
