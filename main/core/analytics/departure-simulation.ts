import type {
  CaptureForm,
  DepartureSimulation,
  GraphDto,
  ItemStrength,
  StepStrength,
  StrengthSettings,
} from '../../../preload/contract';
import { competencyItems, competencyStrengths } from './competency-coverage';
import { CAPABLE, bestOther, holdersAtLeast, itemHolders, labelCollator } from './expert-holdings';
import { buildGraphIndex, type GraphIndex } from './graph-index';
import { allKnowledgeStrengths, knowledgeStrength } from './knowledge-strength';
import { expertNotFound } from './position-risk';
import { processOfStep } from './process-steps';
import { stepStrength } from './step-strength';

/** Options of simulateDeparture. */
export interface DepartureOptions {
  /** The workspace's strength settings (weights, target holders, …). */
  settings: StrengthSettings;
  /** Today as YYYY-MM-DD (freshness of the item strengths). */
  today: string;
  /** The item strengths of `index` with these settings and day, when the caller has them (else computed). */
  strengths?: ReadonlyMap<string, ItemStrength>;
}

/** Proficiency of a successor: already at 2 on an item nobody left holds at 3 (the IAEA "could take over"). */
const SUCCESSOR_PROFICIENCY = 2;

type Drop = { before: number | null; after: number | null };

/**
 * The part of "the graph without the leavers" that an item strength reads, for the items the leavers know or
 * own: those items, their `documented_by`, `knows` and `owns` edges (minus the leavers' own) and the nodes at
 * the other end. knowledgeStrength of such an item over this index equals its strength over the whole graph
 * without the leavers, because the measure reads nothing else; every other item keeps its strength.
 */
function affectedAfter(
  index: GraphIndex,
  leavers: ReadonlySet<string>,
): { graph: GraphDto; items: string[] } {
  const items = new Set<string>();
  for (const expertId of leavers)
    for (const kind of ['knows', 'owns'] as const)
      for (const e of index.out(expertId, kind))
        if (index.kindOf(e.target) === 'knowledge') items.add(e.target);
  const nodes = new Map<string, GraphDto['nodes'][number]>();
  const edges: GraphDto['edges'] = [];
  for (const itemId of items) {
    nodes.set(itemId, index.node(itemId)!);
    const linked = [
      ...index.out(itemId, 'documented_by'),
      ...index.in(itemId, 'knows'),
      ...index.in(itemId, 'owns'),
    ];
    for (const e of linked) {
      const other = e.source === itemId ? e.target : e.source;
      if (leavers.has(other)) continue;
      nodes.set(other, index.node(other)!);
      edges.push(e);
    }
  }
  return { graph: { nodes: [...nodes.values()], edges }, items: [...items] };
}

/** Entries whose value fell, biggest drop first, then label. */
function drops<T extends Drop & { label: string }>(rows: T[]): T[] {
  return rows
    .filter((r) => r.before !== null && r.after !== null && r.after < r.before)
    .sort((a, b) => b.before! - b.after! - (a.before! - a.after!) || labelCollator.compare(a.label, b.label));
}

/**
 * How to externalise a tacit item (SECI externalisation; issue 10 builds the forms): an After Action Review
 * when it is learned from cases (existence `case`, or a `learned_at` edge to a step or process); master–apprentice
 * recording when it lives in a person or in training; else a structured expert interview.
 */
export function captureFormOf(index: GraphIndex, itemId: string): CaptureForm {
  const existence = index.knowledgeProps(itemId)?.existence;
  if (existence === 'case' || index.out(itemId, 'learned_at').length > 0) return 'after-action-review';
  if (existence === 'person' || existence === 'training') return 'master-apprentice';
  return 'expert-interview';
}

/**
 * Departure simulation (DESIGN §3; issue 8): what the organisation loses when the experts `expertIds` leave,
 * after the IAEA / TVA knowledge-loss risk assessment (IAEA STI/PUB/1248, 2006). "After" is the graph without the
 * leavers (their `knows`, `owns` and `consults` edges go with them); strengths before and after come from
 * knowledgeStrength / allKnowledgeStrengths, stepStrength and competencyStrengths. Only the items the leavers
 * know or own are recomputed, over a GraphIndex of the part of the graph without the leavers that their strength
 * reads (affectedAfter); the rest keep their strength, so the result equals a full recomputation over the
 * graph minus the leavers at a fraction of the cost (a test checks the equality on the sample).
 *
 * - uncovered: items some leaver holds at proficiency ≥ 3 and no remaining expert does; sorted importance desc,
 *   tacit first, label. `bestLeft` = the best remaining proficiency (0: nobody left knows it).
 * - items / steps / competencies: only those whose strength drops (0–100), biggest drop first, then label;
 *   steps carry their process.
 * - successors: remaining experts at proficiency exactly 2 on uncovered items; score = Σ importance of those
 *   items; sorted score desc, item count desc, label.
 * - tasks: tacit items a leaver holds at ≥ 3, uncovered first, then importance desc, then fewer remaining
 *   capable (≥ 3) holders, then label; captureForm by captureFormOf; from the leaver with the best proficiency;
 *   reason `experts:task.noHolderLeft` {bestLeft} when uncovered, else `experts:task.fewHolders` {holders}.
 *
 * O(nodes + edges) (two strength passes over two indexes). Duplicate ids count once.
 * @throws WellspringError not_found `errors.expertNotFound` {value} for an id that is not an expert
 */
export function simulateDeparture(
  index: GraphIndex,
  expertIds: readonly string[],
  options: DepartureOptions,
): DepartureSimulation {
  const leavers = new Set<string>();
  for (const id of expertIds) {
    if (index.kindOf(id) !== 'expert') throw expertNotFound(id);
    leavers.add(id);
  }
  const { settings, today } = options;
  const holders = itemHolders(index);
  const label = (id: string) => index.node(id)!.label;

  const sBefore = options.strengths ?? allKnowledgeStrengths(index, { settings, today });
  const affected = affectedAfter(index, leavers);
  const sub = buildGraphIndex(affected.graph);
  const changed = new Map<string, ItemStrength>();
  for (const id of affected.items) changed.set(id, knowledgeStrength(sub, id, { settings, today })!);
  const sAfter: ReadonlyMap<string, ItemStrength> = new Map([...sBefore, ...changed]);
  const strengthOf = (m: ReadonlyMap<string, ItemStrength>, id: string): number | null =>
    m.get(id)?.strength ?? null;

  // Items a leaver holds at ≥ 3, with the best leaver.
  const leaverBest = new Map<string, { expertId: string; proficiency: number }>();
  for (const expertId of leavers)
    for (const e of index.out(expertId, 'knows')) {
      if (index.kindOf(e.target) !== 'knowledge') continue;
      const p = holders.get(e.target)!.get(expertId)!;
      if (p < CAPABLE) continue;
      const had = leaverBest.get(e.target);
      if (
        !had ||
        p > had.proficiency ||
        (p === had.proficiency && labelCollator.compare(label(expertId), label(had.expertId)) < 0)
      )
        leaverBest.set(e.target, { expertId, proficiency: p });
    }

  const uncovered: DepartureSimulation['uncovered'] = [];
  const bestLeftOf = new Map<string, number>();
  for (const itemId of leaverBest.keys()) {
    const bestLeft = bestOther(holders, itemId, leavers);
    bestLeftOf.set(itemId, bestLeft);
    if (bestLeft >= CAPABLE) continue;
    const props = index.knowledgeProps(itemId)!;
    uncovered.push({
      id: itemId,
      label: label(itemId),
      importance: props.importance,
      form: props.form,
      documents: new Set(index.out(itemId, 'documented_by').map((e) => e.target)).size,
      bestLeft,
      before: strengthOf(sBefore, itemId),
      after: strengthOf(sAfter, itemId),
    });
  }
  uncovered.sort(
    (a, b) =>
      b.importance - a.importance ||
      (a.form === b.form ? 0 : a.form === 'tacit' ? -1 : 1) ||
      labelCollator.compare(a.label, b.label),
  );
  const uncoveredIds = new Set(uncovered.map((u) => u.id));

  const items = drops(
    affected.items
      .map((id) => sBefore.get(id)!)
      .map((s) => ({
        id: s.id,
        label: s.label,
        before: s.strength,
        after: strengthOf(sAfter, s.id),
      })),
  );

  const steps = drops(
    // Only steps requiring an affected item can change: a step's strength reads its requires edges (which no
    // expert is on) and its items' strengths.
    [
      ...new Set(
        affected.items.flatMap((id) =>
          index
            .in(id, 'requires')
            .map((e) => e.source)
            .filter((s) => index.kindOf(s) === 'step'),
        ),
      ),
    ].map((stepId) => {
      const processId = processOfStep(index, stepId);
      const b: StepStrength = stepStrength(index, stepId, sBefore, settings)!;
      const a: StepStrength = stepStrength(index, stepId, sAfter, settings)!;
      return {
        id: stepId,
        label: b.label,
        processId,
        processLabel: processId ? label(processId) : null,
        before: b.strength,
        after: a.strength,
      };
    }),
  );

  const supportItems = competencyItems(index);
  const cBefore = competencyStrengths(index, (id) => sBefore.get(id)?.strength, supportItems);
  const cAfter = competencyStrengths(index, (id) => sAfter.get(id)?.strength, supportItems);
  const competencies = drops(
    [...cBefore].map(([id, before]) => ({ id, label: label(id), before, after: cAfter.get(id) ?? null })),
  );

  const successorItems = new Map<string, DepartureSimulation['successors'][number]['items']>();
  for (const u of uncovered)
    for (const [expertId, p] of holders.get(u.id) ?? []) {
      if (leavers.has(expertId) || p !== SUCCESSOR_PROFICIENCY) continue;
      let list = successorItems.get(expertId);
      if (!list) successorItems.set(expertId, (list = []));
      list.push({ id: u.id, label: u.label, proficiency: p });
    }
  const importanceOf = (id: string) => index.knowledgeProps(id)!.importance;
  const successors = [...successorItems].map(([id, list]) => ({
    id,
    label: label(id),
    department: index.expertProps(id)!.department ?? null,
    items: list,
    score: list.reduce((s, i) => s + importanceOf(i.id), 0),
  }));
  successors.sort(
    (a, b) => b.score - a.score || b.items.length - a.items.length || labelCollator.compare(a.label, b.label),
  );

  const tasks = [...leaverBest]
    .filter(([itemId]) => index.knowledgeProps(itemId)!.form === 'tacit')
    .map(([itemId, from]) => {
      const isUncovered = uncoveredIds.has(itemId);
      const capableLeft = holdersAtLeast(holders, itemId, CAPABLE, leavers);
      const reason: DepartureSimulation['tasks'][number]['reason'] = isUncovered
        ? { key: 'experts:task.noHolderLeft', params: { bestLeft: bestLeftOf.get(itemId)! } }
        : { key: 'experts:task.fewHolders', params: { holders: capableLeft } };
      return {
        itemId,
        label: label(itemId),
        importance: importanceOf(itemId),
        uncovered: isUncovered,
        captureForm: captureFormOf(index, itemId),
        fromId: from.expertId,
        fromLabel: label(from.expertId),
        reason,
        capableLeft,
      };
    })
    .sort(
      (a, b) =>
        Number(b.uncovered) - Number(a.uncovered) ||
        b.importance - a.importance ||
        a.capableLeft - b.capableLeft ||
        labelCollator.compare(a.label, b.label),
    )
    .map(({ capableLeft: _capableLeft, ...task }) => task);

  return {
    experts: [...leavers].map((id) => ({ id, label: label(id) })),
    uncovered,
    items,
    steps,
    competencies,
    successors,
    tasks,
  };
}
