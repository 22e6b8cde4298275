import type {
  CompetencyDetail,
  CompetencyLevel,
  CompetencyRadar,
  CompetencyTreeNode,
  CoverageInput,
  ItemStrength,
} from '../../../preload/contract';
import {
  competencyItems,
  competencyStrengths,
  coverageAgainstTarget,
  subtreeSupports,
} from '../analytics/competency-coverage';
import { CAPABLE, itemHolders, labelCollator } from '../analytics/expert-holdings';
import type { GraphIndex } from '../analytics/graph-index';
import { WellspringError } from '../util/errors';
import { preorderForest } from '../util/forest';

const LEVEL_ORDER: Record<CompetencyLevel, number> = { core: 0, capability: 1, sub: 2 };

/**
 * The competency tree's shape: each competency hangs under ONE parent, its first `part_of` edge to a competency
 * (graph order); children by label (zh-CN collation). Roots are the competencies without such a parent, by level
 * (core first), then the larger subtree first (a core just added stays behind the tree the user built), then label; a competency that only a cycle of `part_of` edges reaches (the write path refuses to
 * make one, an import might not) becomes a root where the cycle is entered, so every competency appears once.
 * The roll-up (competencyItems) follows every `part_of` edge; the tree shows each competency once.
 */
export interface CompetencyHierarchy {
  /** Root ids in order. */
  roots: string[];
  /** Every competency in depth-first pre-order (a root, then its subtree). */
  order: string[];
  parentOf: Map<string, string | null>;
  childrenOf: Map<string, string[]>;
  depthOf: Map<string, number>;
}

/** Builds the CompetencyHierarchy of an index. O(competencies · log + their part_of edges). Never throws. */
export function competencyHierarchy(index: GraphIndex): CompetencyHierarchy {
  const ids = index.idsOfKind('competency');
  const parentOf = new Map<string, string | null>();
  const childrenOf = new Map<string, string[]>(ids.map((c) => [c, []]));
  const label = (c: string) => index.node(c)!.label;
  for (const c of ids) {
    const up = index.out(c, 'part_of').find((e) => e.target !== c && index.kindOf(e.target) === 'competency');
    parentOf.set(c, up?.target ?? null);
    if (up) childrenOf.get(up.target)!.push(c);
  }
  for (const list of childrenOf.values()) list.sort((a, b) => labelCollator.compare(label(a), label(b)));
  const levelOf = (c: string) => LEVEL_ORDER[index.competencyProps(c)?.level ?? 'sub'];
  // How many competencies hang below c (each counted once, a cycle ends the count).
  const size = new Map<string, number>();
  const below = (c: string): number => {
    const seen = new Set<string>([c]);
    const stack = [...childrenOf.get(c)!];
    while (stack.length) {
      const x = stack.pop()!;
      if (seen.has(x)) continue;
      seen.add(x);
      stack.push(...childrenOf.get(x)!);
    }
    return seen.size - 1;
  };
  const sizeOf = (c: string) => size.get(c) ?? size.set(c, below(c)).get(c)!;
  const byLevel = (a: string, b: string) =>
    levelOf(a) - levelOf(b) || sizeOf(b) - sizeOf(a) || labelCollator.compare(label(a), label(b));
  const roots = ids.filter((c) => parentOf.get(c) === null).sort(byLevel);
  // Only a cycle reaches a competency no root does: it is cut there (a root of its own).
  const { order, depthOf } = preorderForest(roots, childrenOf, parentOf, [...ids].sort(byLevel), (c) =>
    parentOf.set(c, null),
  );
  return { roots, order, parentOf, childrenOf, depthOf };
}

/** Everything the tree, detail, radar and diagram read, computed once per graph index and item strengths. */
export interface CompetencyModel {
  index: GraphIndex;
  hierarchy: CompetencyHierarchy;
  strengths: ReadonlyMap<string, ItemStrength>;
  /** competency → item → weight (competencyItems). */
  items: Map<string, Map<string, number>>;
  nodes: Map<string, CompetencyTreeNode>;
}

/**
 * The tree with coverage (coverageAgainstTarget over competencyStrengths, the item strengths being the process
 * views' `strengths`), counts and shape. O(Σ subtree supports + knows of their items). Never throws.
 */
export function competencyModel(
  index: GraphIndex,
  strengths: ReadonlyMap<string, ItemStrength>,
): CompetencyModel {
  const hierarchy = competencyHierarchy(index);
  const items = competencyItems(index);
  const s = competencyStrengths(index, (id) => strengths.get(id)?.strength, items);
  const holders = itemHolders(index);
  const nodes = new Map<string, CompetencyTreeNode>();
  const descendants = new Map<string, number>();
  for (const c of [...hierarchy.order].reverse())
    descendants.set(
      c,
      hierarchy.childrenOf.get(c)!.reduce((n, k) => n + 1 + descendants.get(k)!, 0),
    );
  for (const c of hierarchy.order) {
    const node = index.node(c)!;
    const props = index.competencyProps(c) ?? { level: 'sub' as const, target: 3 };
    const subtreeItems = items.get(c)!;
    const experts = new Set<string>();
    for (const itemId of subtreeItems.keys())
      for (const [expertId, p] of holders.get(itemId) ?? []) if (p >= CAPABLE) experts.add(expertId);
    const direct = new Set(
      index
        .in(c, 'supports')
        .filter((e) => index.kindOf(e.source) === 'knowledge')
        .map((e) => e.source),
    );
    nodes.set(c, {
      id: c,
      label: node.label,
      level: props.level,
      target: props.target,
      parentId: hierarchy.parentOf.get(c)!,
      childIds: hierarchy.childrenOf.get(c)!,
      depth: hierarchy.depthOf.get(c)!,
      ...coverageAgainstTarget(s.get(c) ?? null, props.target),
      counts: {
        items: subtreeItems.size,
        directItems: direct.size,
        subCompetencies: descendants.get(c)!,
        holders: experts.size,
      },
    });
  }
  return { index, hierarchy, strengths, items, nodes };
}

/** Ids from the root down to `id` (itself last). */
export function pathFromRoot(model: CompetencyModel, id: string): string[] {
  const path: string[] = [];
  for (let c: string | null = id; c !== null; c = model.hierarchy.parentOf.get(c) ?? null) path.unshift(c);
  return path;
}

/**
 * The competency `id` of the model, or the error the channels throw.
 * @throws WellspringError not_found `errors.nodeNotFound` {id}; invalid_input `errors.notCompetency` {label}
 */
export function requireCompetency(model: CompetencyModel, id: string, path: Array<string | number> = ['id']) {
  const node = model.index.node(id);
  if (!node)
    throw new WellspringError('not_found', `No node with id ${id}.`, path, {
      key: 'errors.nodeNotFound',
      params: { id },
    });
  const c = model.nodes.get(id);
  if (!c)
    throw new WellspringError('invalid_input', `“${node.label}” is not a competency.`, path, {
      key: 'errors.notCompetency',
      params: { label: node.label },
    });
  return c;
}

/**
 * The inputs of one competency's number ("how is this computed?"): every item of its roll-up with weight,
 * strength and the edge the weight comes from, the sums the strength is their quotient of, and its children.
 * Items by contribution (weight × strength) then label; items without strength last.
 * @throws as requireCompetency
 */
export function competencyDetail(model: CompetencyModel, id: string): CompetencyDetail {
  const competency = requireCompetency(model, id);
  const { index } = model;
  let weightedSum = 0;
  let weightTotal = 0;
  const items: CoverageInput[] = [];
  for (const [itemId, { weight, viaId }] of subtreeSupports(index, id)) {
    const s = model.strengths.get(itemId);
    const strength = s?.strength ?? null;
    if (strength !== null) {
      weightedSum += weight * strength;
      weightTotal += weight;
    }
    items.push({
      id: itemId,
      label: index.node(itemId)!.label,
      weight,
      strength,
      band: s?.band ?? 'none',
      viaId,
      viaLabel: index.node(viaId)!.label,
      direct: viaId === id,
      contribution: strength === null ? null : weight * strength,
    });
  }
  items.sort(
    (a, b) => (b.contribution ?? -1) - (a.contribution ?? -1) || labelCollator.compare(a.label, b.label),
  );
  return {
    competency,
    path: pathFromRoot(model, id).map((c) => ({ id: c, label: model.nodes.get(c)!.label })),
    weightedSum,
    weightTotal,
    items,
    children: competency.childIds.map((c) => model.nodes.get(c)!),
  };
}

/**
 * The radar: the children of the first root (the core) as axes, in tree order, each with its coverage against
 * its target. No competency: no core, no axes. Never throws.
 */
export function competencyRadar(model: CompetencyModel): CompetencyRadar {
  const coreId = model.hierarchy.roots[0] ?? null;
  if (coreId === null) return { coreId, axes: [] };
  const axes = model.hierarchy.childrenOf.get(coreId)!.map((c) => {
    const n = model.nodes.get(c)!;
    return {
      id: n.id,
      label: n.label,
      target: n.target,
      strength: n.strength,
      requiredStrength: n.requiredStrength,
      achievedLevel: n.achievedLevel,
      coverage: n.coverage,
      percent: n.percent,
      band: n.band,
    };
  });
  return { coreId, axes };
}
