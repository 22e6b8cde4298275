import type { CompetencyDiagram, DiagramLink, DiagramNode } from '../../../preload/contract';
import { itemHolders, labelCollator } from '../analytics/expert-holdings';
import { pathFromRoot, requireCompetency, type CompetencyModel } from './competency-tree';

/** Options of competencyDiagram. */
export interface DiagramOptions {
  /** The competency at the centre; the first root (the core) when absent. */
  focusId?: string;
  /** Add the experts who know the diagram's items (any proficiency) as the outer ring. */
  withExperts?: boolean;
}

/** How many rings of competencies the diagram shows below the focus (issue 9: children, then their children). */
const COMPETENCY_RINGS = 2;

/**
 * The concentric layers of one drill level of the core-competence diagram (issue 9 §2):
 *   ring 0  the focus;
 *   ring 1  its children; ring 2 their children (deeper competencies are not drawn, their items are);
 *   next    the knowledge items supporting the focus or any competency of its subtree, each hanging from the drawn
 *           competency it reaches first (the deepest drawn ancestor of the competency it supports, direct
 *           supports first), linked to every drawn competency it supports that way;
 *   last    (withExperts) the experts who know those items, hanging from their best-known item.
 * Empty rings are skipped (drilling into a sub-competency puts its items at ring 1), so the numbers stay
 * consecutive. Sizes: a competency's importance is the Σ weight of its subtree's items (competencyItems), an
 * item's its `importance` prop (1–3), an expert's the number of diagram items they know. Order in a ring: by the
 * parent's order, then label. O(subtree items + their holders).
 * @throws WellspringError not_found `errors.nodeNotFound`, invalid_input `errors.notCompetency` for the focus
 */
export function competencyDiagram(model: CompetencyModel, options: DiagramOptions = {}): CompetencyDiagram {
  const { index, hierarchy } = model;
  const focusId = options.focusId ?? hierarchy.roots[0] ?? null;
  if (focusId === null) return { focusId: null, breadcrumbs: [], rings: 0, nodes: [], links: [] };
  requireCompetency(model, focusId, ['focusId']);

  const nodes: DiagramNode[] = [];
  const links: DiagramLink[] = [];
  const focusPath = pathFromRoot(model, focusId);
  /** Drawn competency → its path. */
  const drawn = new Map<string, string[]>();
  let ring = 0;
  let layer = [focusId];
  for (let depth = 0; depth <= COMPETENCY_RINGS && layer.length; depth++) {
    for (const c of layer) {
      const n = model.nodes.get(c)!;
      const parentId = c === focusId ? null : n.parentId;
      const path = parentId === null ? focusPath : [...drawn.get(parentId)!, c];
      drawn.set(c, path);
      const weights = model.items.get(c)!;
      nodes.push({
        id: c,
        kind: 'competency',
        label: n.label,
        ring,
        parentId,
        path,
        strength: n.strength,
        coverage: n.coverage,
        band: n.band,
        target: n.target,
        importance: [...weights.values()].reduce((a, w) => a + w, 0),
      });
      if (parentId !== null) links.push({ source: c, target: parentId, kind: 'part_of', value: 1 });
    }
    ring++;
    layer = layer.flatMap((c) => hierarchy.childrenOf.get(c)!);
  }

  // Every competency of the focus's subtree → the drawn competency it is shown in (itself, or its deepest drawn
  // ancestor), walked in tree order so an item hangs from the first competency it supports.
  const shownIn = new Map<string, string>();
  const stack = [focusId];
  const subtree: string[] = [];
  while (stack.length) {
    const c = stack.pop()!;
    subtree.push(c);
    const kids = hierarchy.childrenOf.get(c)!;
    for (let i = kids.length - 1; i >= 0; i--) {
      shownIn.set(kids[i]!, drawn.has(kids[i]!) ? kids[i]! : shownIn.get(c)!);
      stack.push(kids[i]!);
    }
  }
  shownIn.set(focusId, focusId);
  const itemLinks = new Map<string, Map<string, number>>();
  for (const c of subtree) {
    const at = shownIn.get(c)!;
    for (const e of index.in(c, 'supports')) {
      if (index.kindOf(e.source) !== 'knowledge') continue;
      let to = itemLinks.get(e.source);
      if (!to) itemLinks.set(e.source, (to = new Map()));
      const w = e.props.weight ?? 1;
      if (w > (to.get(at) ?? -1)) to.set(at, w);
    }
  }
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const byParentThenLabel = (a: DiagramNode, b: DiagramNode) =>
    order.get(a.parentId!)! - order.get(b.parentId!)! || labelCollator.compare(a.label, b.label);
  const itemNodes: DiagramNode[] = [];
  for (const [itemId, to] of itemLinks) {
    const parentId = to.keys().next().value!;
    const s = model.strengths.get(itemId);
    itemNodes.push({
      id: itemId,
      kind: 'knowledge',
      label: index.node(itemId)!.label,
      ring,
      parentId,
      path: drawn.get(parentId)!,
      strength: s?.strength ?? null,
      coverage: null,
      band: s?.band ?? 'none',
      target: null,
      importance: index.knowledgeProps(itemId)?.importance ?? 1,
    });
    for (const [c, w] of to) links.push({ source: itemId, target: c, kind: 'supports', value: w });
  }
  itemNodes.sort(byParentThenLabel);
  nodes.push(...itemNodes);
  if (itemNodes.length) ring++;

  if (options.withExperts && itemNodes.length) {
    itemNodes.forEach((n, i) => order.set(n.id, nodes.length - itemNodes.length + i));
    const holders = itemHolders(index);
    const itemPath = new Map(itemNodes.map((n) => [n.id, n.path]));
    const experts = new Map<string, { best: string; bestP: number; known: number }>();
    for (const item of itemNodes)
      for (const [expertId, p] of holders.get(item.id) ?? []) {
        links.push({ source: expertId, target: item.id, kind: 'knows', value: p });
        const e = experts.get(expertId);
        if (!e) experts.set(expertId, { best: item.id, bestP: p, known: 1 });
        else {
          e.known++;
          if (p > e.bestP) Object.assign(e, { best: item.id, bestP: p });
        }
      }
    const expertNodes: DiagramNode[] = [...experts].map(([expertId, e]) => ({
      id: expertId,
      kind: 'expert',
      label: index.node(expertId)!.label,
      ring,
      parentId: e.best,
      path: itemPath.get(e.best)!,
      strength: null,
      coverage: null,
      band: 'none',
      target: null,
      importance: e.known,
    }));
    expertNodes.sort(byParentThenLabel);
    nodes.push(...expertNodes);
    if (expertNodes.length) ring++;
  }

  return {
    focusId,
    breadcrumbs: focusPath.map((c) => ({ id: c, label: model.nodes.get(c)!.label })),
    rings: ring,
    nodes,
    links,
  };
}
