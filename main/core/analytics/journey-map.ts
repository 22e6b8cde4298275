import type { JourneyMap } from '../../../preload/contract';
import type { GraphIndex } from './graph-index';
import { processSteps, stepItems } from './process-steps';

/**
 * The knowledge journey map (知识历程图; DESIGN §2) of a process used as a project template: one lane per phase
 * (the steps' `phase` prop, lanes in the order of their first step; every step without a phase in one lane of
 * phase null), each with its steps, the distinct knowledge its steps require (uses) and produce, and the lessons
 * learned at them (knowledge items `learned_at` one of its steps, After Action Review style); lessons
 * `learned_at` the process itself are processLessons. `processId` must name a process. Never throws.
 */
export function journeyMap(index: GraphIndex, processId: string): JourneyMap {
  type Lane = JourneyMap['lanes'][number];
  const lanes = new Map<string | null, Lane & { seen: Set<string> }>();
  const ref = (id: string) => ({ id, label: index.node(id)!.label });
  for (const s of processSteps(index, processId)) {
    const phase = index.stepProps(s.id)!.phase ?? null;
    let lane = lanes.get(phase);
    if (!lane)
      lanes.set(phase, (lane = { phase, steps: [], uses: [], produces: [], lessons: [], seen: new Set() }));
    lane.steps.push({ id: s.id, label: s.label, order: s.order });
    for (const [kind, list] of [
      ['requires', lane.uses],
      ['produces', lane.produces],
    ] as const) {
      for (const r of stepItems(index, s.id, kind)) {
        const key = `${kind}:${r.id}`;
        if (lane.seen.has(key)) continue;
        lane.seen.add(key);
        list.push(ref(r.id));
      }
    }
    for (const e of index.in(s.id, 'learned_at'))
      if (index.kindOf(e.source) === 'knowledge') lane.lessons.push({ ...ref(e.source), stepId: s.id });
  }
  return {
    processId,
    processLabel: index.node(processId)!.label,
    lanes: [...lanes.values()].map(({ seen: _seen, ...lane }) => lane),
    processLessons: index
      .in(processId, 'learned_at')
      .filter((e) => index.kindOf(e.source) === 'knowledge')
      .map((e) => ref(e.source)),
  };
}
