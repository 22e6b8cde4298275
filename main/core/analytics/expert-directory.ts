import type { ExpertArea, ExpertProfile, ExpertRow, ItemStrength, RiskRow } from '../../../preload/contract';
import { WellspringError } from '../util/errors';
import { BACKUP, CAPABLE, holdersAtLeast, itemHolders, labelCollator } from './expert-holdings';
import type { GraphIndex } from './graph-index';
import { expertNotFound } from './position-risk';
import { processOfStep } from './process-steps';

const byLabel = <T extends { label: string }>(a: T, b: T) => labelCollator.compare(a.label, b.label);

function riskOf(risk: ReadonlyMap<string, RiskRow>, id: string): RiskRow {
  const r = risk.get(id);
  if (!r)
    throw new WellspringError(
      'internal',
      `No risk row for expert ${id}: pass keyPersonRisk of the same graph.`,
    );
  return r;
}

/** The distinct steps naming the expert (`consults`), in edge order. */
function consultingSteps(index: GraphIndex, expertId: string): string[] {
  return [...new Set(index.in(expertId, 'consults').map((e) => e.source))].filter(
    (s) => index.kindOf(s) === 'step',
  );
}

/**
 * The directory row of one expert: who they are (title, department, the units they are `part_of`, contact,
 * availability), what they hold (distinct knowledge items and categories they know; items at proficiency ≥ 3;
 * `soleItems` = items only they hold at ≥ 3, the position-risk criteria), how many steps consult them, and the
 * risk factors of `risk` (keyPersonRisk of the same index).
 * @throws WellspringError not_found `errors.expertNotFound` {value}; internal when `risk` lacks the expert
 */
export function expertRow(index: GraphIndex, id: string, risk: ReadonlyMap<string, RiskRow>): ExpertRow {
  const node = index.node(id);
  const props = index.expertProps(id);
  if (!node || !props) throw expertNotFound(id);
  const r = riskOf(risk, id);
  const holders = itemHolders(index);
  const items = new Set<string>();
  const categories = new Set<string>();
  for (const e of index.out(id, 'knows')) {
    const kind = index.kindOf(e.target);
    if (kind === 'knowledge') items.add(e.target);
    else if (kind === 'category') categories.add(e.target);
  }
  const units = [...new Set(index.out(id, 'part_of').map((e) => e.target))]
    .filter((u) => index.kindOf(u) === 'unit')
    .map((u) => index.node(u)!.label);
  return {
    id,
    label: node.label,
    aliases: node.aliases,
    title: props.title ?? null,
    department: props.department ?? null,
    units,
    contact: props.contact ?? null,
    availability: props.availability ?? null,
    items: items.size,
    categories: categories.size,
    capableItems: [...items].filter((i) => holders.get(i)!.get(id)! >= CAPABLE).length,
    soleItems: r.position.criteria.length,
    consultedBy: consultingSteps(index, id).length,
    attrition: r.attrition.factor,
    position: r.position.factor,
    total: r.total,
    band: r.band,
  };
}

/**
 * The expert directory (issue 8): expertRow of every expert in the order of the key-person risk ranking (its
 * `rank`: total, position factor, attrition factor, position score, label), so the directory and the ranking
 * never disagree on who comes first. O(knows edges).
 * @throws WellspringError internal when `risk` lacks an expert of the index
 */
export function expertRows(index: GraphIndex, risk: ReadonlyMap<string, RiskRow>): ExpertRow[] {
  return index
    .idsOfKind('expert')
    .map((id) => expertRow(index, id, risk))
    .sort((a, b) => risk.get(a.id)!.rank - risk.get(b.id)!.rank);
}

/** Inputs of expertProfile: the risk ranking and item strengths of the same index. */
export interface ExpertProfileOptions {
  risk: ReadonlyMap<string, RiskRow>;
  strengths: ReadonlyMap<string, ItemStrength>;
}

/**
 * The profile of one expert (ExpertProfile):
 * - areas: every knowledge item or category they know (`knows`; two edges to one target → the higher one),
 *   with its form, importance and strength (items), its categories (items: the categories it is classified in;
 *   a category: its parent), and how many OTHER experts hold it at ≥ 3 and at ≥ 2; sorted by proficiency
 *   descending, then label;
 * - owns: the items they `own`, by label;
 * - documents: the documents linked (`documented_by`) from their knowledge-item areas, each document once with
 *   its items, its `path` and the lowest page any of those links names (null when none does), by label;
 * - steps: the steps that `consults` them, with their process (processOfStep), by process label, then step
 *   order, then label.
 * @throws WellspringError not_found `errors.expertNotFound` {value} when `id` is not an expert
 */
export function expertProfile(index: GraphIndex, id: string, options: ExpertProfileOptions): ExpertProfile {
  const expert = expertRow(index, id, options.risk);
  const node = index.node(id)!;
  const props = index.expertProps(id)!;
  const holders = itemHolders(index);
  const me = new Set([id]);

  const best = new Map<string, { edgeId: string; proficiency: number }>();
  for (const e of index.out(id, 'knows')) {
    const had = best.get(e.target);
    if (!had || e.props.proficiency > had.proficiency)
      best.set(e.target, { edgeId: e.id, proficiency: e.props.proficiency });
  }
  const areas: ExpertArea[] = [];
  for (const [targetId, { edgeId, proficiency }] of best) {
    const target = index.node(targetId)!;
    if (target.kind === 'knowledge') {
      const item = index.knowledgeProps(targetId)!;
      areas.push({
        id: targetId,
        kind: 'knowledge',
        label: target.label,
        description: target.description,
        edgeId,
        proficiency,
        form: item.form,
        importance: item.importance,
        strength: options.strengths.get(targetId)?.strength ?? null,
        categories: labelsOf(
          index,
          index.out(targetId, 'classified_as').map((e) => e.target),
          'category',
        ),
        othersCapable: holdersAtLeast(holders, targetId, CAPABLE, me),
        othersAtTwo: holdersAtLeast(holders, targetId, BACKUP, me),
      });
    } else if (target.kind === 'category') {
      const others = new Map<string, number>();
      for (const k of index.in(targetId, 'knows'))
        if (k.source !== id) others.set(k.source, Math.max(others.get(k.source) ?? 0, k.props.proficiency));
      areas.push({
        id: targetId,
        kind: 'category',
        label: target.label,
        description: target.description,
        edgeId,
        proficiency,
        form: null,
        importance: null,
        strength: null,
        categories: labelsOf(
          index,
          index.out(targetId, 'part_of').map((e) => e.target),
          'category',
        ),
        othersCapable: [...others.values()].filter((p) => p >= CAPABLE).length,
        othersAtTwo: [...others.values()].filter((p) => p >= BACKUP).length,
      });
    }
  }
  areas.sort((a, b) => b.proficiency - a.proficiency || byLabel(a, b));

  const owns = [...new Set(index.out(id, 'owns').map((e) => e.target))]
    .filter((t) => index.kindOf(t) === 'knowledge')
    .map((t) => ({ id: t, label: index.node(t)!.label }))
    .sort(byLabel);

  const docs = new Map<string, ExpertProfile['documents'][number]>();
  for (const area of areas) {
    if (area.kind !== 'knowledge') continue;
    for (const e of index.out(area.id, 'documented_by')) {
      const doc = index.propsOf(e.target, 'document');
      if (!doc) continue;
      let d = docs.get(e.target);
      if (!d)
        docs.set(
          e.target,
          (d = {
            documentId: e.target,
            label: index.node(e.target)!.label,
            path: doc.path,
            page: null,
            items: [],
          }),
        );
      const page = e.props.page ?? null;
      if (page !== null && (d.page === null || page < d.page)) d.page = page;
      if (!d.items.some((i) => i.id === area.id)) d.items.push({ id: area.id, label: area.label });
    }
  }
  const documents = [...docs.values()].sort(byLabel);

  const steps = consultingSteps(index, id)
    .map((stepId) => {
      const processId = processOfStep(index, stepId);
      return {
        stepId,
        label: index.node(stepId)!.label,
        processId,
        processLabel: processId ? index.node(processId)!.label : null,
        order: index.stepProps(stepId)!.order,
      };
    })
    .sort(
      (a, b) =>
        labelCollator.compare(a.processLabel ?? '', b.processLabel ?? '') ||
        a.order - b.order ||
        byLabel(a, b),
    )
    .map(({ order: _order, ...s }) => s);

  return {
    expert,
    description: node.description,
    expectedLeaving: props.expectedLeaving ?? null,
    enteredAttritionRisk: props.attritionRisk,
    areas,
    owns,
    documents,
    steps,
    risk: riskOf(options.risk, id),
  };
}

/** Labels of the distinct nodes of `kind` among `ids`, by label. */
function labelsOf(index: GraphIndex, ids: readonly string[], kind: 'category'): string[] {
  return [...new Set(ids)]
    .filter((t) => index.kindOf(t) === kind)
    .map((t) => index.node(t)!.label)
    .sort((a, b) => labelCollator.compare(a, b));
}
