import type { GraphIndex } from './graph-index';

/** A step of a process as the process measures read it. */
export interface ProcessStepRef {
  id: string;
  label: string;
  /** `order` prop (≥ 1); steps of one process may share an order (parallel branches). */
  order: number;
}

/** A knowledge item a step requires or produces, once, with the importance (1–3) used as its weight. */
export interface StepItemRef {
  id: string;
  importance: number;
}

/** Sorts steps by order, then label, then id (the order every process view and report uses). */
export function compareSteps(a: ProcessStepRef, b: ProcessStepRef): number {
  return a.order - b.order || a.label.localeCompare(b.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The steps of a process (nodes of kind step with a `part_of` edge to it), by order then label. */
export function processSteps(index: GraphIndex, processId: string): ProcessStepRef[] {
  const steps: ProcessStepRef[] = [];
  const seen = new Set<string>();
  for (const e of index.in(processId, 'part_of')) {
    const props = index.stepProps(e.source);
    if (!props || seen.has(e.source)) continue;
    seen.add(e.source);
    steps.push({ id: e.source, label: index.node(e.source)!.label, order: props.order });
  }
  return steps.sort(compareSteps);
}

/** The process a step is part of (its first `part_of` edge to a process), or null. */
export function processOfStep(index: GraphIndex, stepId: string): string | null {
  for (const e of index.out(stepId, 'part_of')) if (index.kindOf(e.target) === 'process') return e.target;
  return null;
}

/** Process ids sorted by label, then id. */
export function processIdsByLabel(index: GraphIndex): string[] {
  return [...index.idsOfKind('process')].sort(
    (a, b) => index.node(a)!.label.localeCompare(index.node(b)!.label) || (a < b ? -1 : 1),
  );
}

/**
 * The distinct knowledge items a step `requires` (or `produces`), in edge order. An item named twice counts once
 * with the larger importance; the importance of an edge is its own `importance` prop, else the item's
 * `importance`, else 2 (the middle of 1–3).
 */
export function stepItems(index: GraphIndex, stepId: string, kind: 'requires' | 'produces'): StepItemRef[] {
  const byId = new Map<string, StepItemRef>();
  for (const e of index.out(stepId, kind)) {
    const item = index.knowledgeProps(e.target);
    if (!item) continue;
    const importance = e.props.importance ?? item.importance ?? 2;
    const had = byId.get(e.target);
    if (!had) byId.set(e.target, { id: e.target, importance });
    else if (importance > had.importance) had.importance = importance;
  }
  return [...byId.values()];
}
