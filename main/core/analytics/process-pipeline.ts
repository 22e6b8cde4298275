import type {
  ItemStrength,
  Pipeline,
  PipelineItem,
  PipelineStep,
  ProcessSummary,
  StepStrength,
  StrengthSettings,
} from '../../../preload/contract';
import type { GraphIndex } from './graph-index';
import { processSteps, stepItems, type ProcessStepRef } from './process-steps';
import { processStrength } from './step-strength';

/** Column and row of each step, and the `next` edges the layering ignored. */
export interface PipelineLayout {
  /** step id → { layer (0-based column), row (0-based place in the column) }. */
  cells: Map<string, { layer: number; row: number }>;
  /** `next` edges (ids) that close a cycle and were ignored for the layering. */
  backEdges: string[];
}

/**
 * Layered layout of a process's steps, left to right (a longest-path layering, the first phase of Sugiyama,
 * Tagawa & Toda 1981, "Methods for visual understanding of hierarchical system structures"):
 * - layer(v) = length of the longest chain of `next` edges between steps of this process that ends at v;
 * - cycles are broken by a depth-first search from the steps in order (then label): an edge to a step still on
 *   the search path goes back and is ignored (and listed in `backEdges`), so a cycle can never hang the layout;
 * - a process without any `next` edge between its steps is laid out by order: layer = index of the step in order;
 * - row = index within the layer, by order then label.
 * `steps` must be sorted (processSteps). O(steps + next edges), iterative (no recursion depth limit). Never throws.
 */
export function pipelineLayout(index: GraphIndex, steps: readonly ProcessStepRef[]): PipelineLayout {
  const rank = new Map(steps.map((s, i) => [s.id, i]));
  const succ = new Map<string, Array<{ id: string; to: string }>>();
  let edgeCount = 0;
  for (const s of steps) {
    const list = index
      .out(s.id, 'next')
      .filter((e) => rank.has(e.target) && e.target !== s.id)
      .map((e) => ({ id: e.id, to: e.target }))
      .sort((a, b) => rank.get(a.to)! - rank.get(b.to)!);
    edgeCount += list.length;
    succ.set(s.id, list);
  }
  const layer = new Map<string, number>();
  const backEdges: string[] = [];
  if (edgeCount === 0) {
    steps.forEach((s, i) => layer.set(s.id, i));
  } else {
    // 0 unvisited, 1 on the path, 2 done. Post-order gives a topological order of the kept edges.
    const state = new Map<string, 0 | 1 | 2>();
    const postorder: string[] = [];
    const back = new Set<string>();
    for (const root of steps) {
      if (state.get(root.id)) continue;
      const stack: Array<{ id: string; i: number }> = [{ id: root.id, i: 0 }];
      state.set(root.id, 1);
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        const edges = succ.get(top.id)!;
        if (top.i < edges.length) {
          const e = edges[top.i++]!;
          const st = state.get(e.to) ?? 0;
          if (st === 1) back.add(e.id);
          else if (st === 0) {
            state.set(e.to, 1);
            stack.push({ id: e.to, i: 0 });
          }
        } else {
          state.set(top.id, 2);
          postorder.push(top.id);
          stack.pop();
        }
      }
    }
    for (const s of steps) layer.set(s.id, 0);
    for (let k = postorder.length - 1; k >= 0; k--) {
      const u = postorder[k]!;
      for (const e of succ.get(u)!) {
        if (back.has(e.id)) continue;
        layer.set(e.to, Math.max(layer.get(e.to)!, layer.get(u)! + 1));
      }
    }
    for (const s of steps) for (const e of succ.get(s.id)!) if (back.has(e.id)) backEdges.push(e.id);
  }
  const cells = new Map<string, { layer: number; row: number }>();
  const rowsUsed = new Map<number, number>();
  // steps are sorted by order then label, so rows follow that order within each layer.
  for (const s of steps) {
    const l = layer.get(s.id)!;
    const row = rowsUsed.get(l) ?? 0;
    rowsUsed.set(l, row + 1);
    cells.set(s.id, { layer: l, row });
  }
  return { cells, backEdges };
}

/** Strengths a pipeline reads: item strengths, step strength per step, the settings. */
export interface PipelineInputs {
  strengths: ReadonlyMap<string, ItemStrength>;
  stepStrength: (stepId: string) => StepStrength;
  settings: StrengthSettings;
}

/** The list entry of a process: label, aliases, owner unit, step count and strength (processStrength). */
export function processSummary(index: GraphIndex, processId: string, inputs: PipelineInputs): ProcessSummary {
  const node = index.node(processId)!;
  const steps = processSteps(index, processId);
  const { strength, band } = processStrength(
    steps.map((s) => inputs.stepStrength(s.id)),
    inputs.settings,
  );
  return {
    id: processId,
    label: node.label,
    aliases: node.aliases,
    ownerUnit: index.propsOf(processId, 'process')?.ownerUnit ?? null,
    stepCount: steps.length,
    strength,
    band,
  };
}

/** A knowledge item as the pipeline shows it (PipelineItem), or null when `id` is not one. */
export function pipelineItem(
  index: GraphIndex,
  id: string,
  strengths: ReadonlyMap<string, ItemStrength>,
): PipelineItem | null {
  const s = strengths.get(id);
  if (!s) return null;
  return {
    id,
    label: s.label,
    strength: s.strength,
    band: s.band,
    form: s.inputs.form,
    existence: s.inputs.existence,
    template: s.inputs.existence === 'template',
    documents: s.inputs.documents,
  };
}

/** One step as the pipeline shows it: props, layout cell, strength, its items split into required and templates. */
export function pipelineStep(
  index: GraphIndex,
  step: ProcessStepRef,
  cell: { layer: number; row: number },
  stepIds: ReadonlySet<string>,
  inputs: PipelineInputs,
): PipelineStep {
  const props = index.stepProps(step.id)!;
  const requires: string[] = [];
  const templates: string[] = [];
  for (const r of stepItems(index, step.id, 'requires'))
    (index.knowledgeProps(r.id)!.existence === 'template' ? templates : requires).push(r.id);
  return {
    id: step.id,
    label: step.label,
    order: step.order,
    phase: props.phase ?? null,
    responsibleRole: props.responsibleRole ?? null,
    layer: cell.layer,
    row: cell.row,
    strength: inputs.stepStrength(step.id),
    requires,
    produces: stepItems(index, step.id, 'produces').map((r) => r.id),
    templates,
    consults: [
      ...new Set(
        index
          .out(step.id, 'consults')
          .map((e) => e.target)
          .filter((t) => index.kindOf(t) === 'expert'),
      ),
    ],
    next: [...new Set(index.out(step.id, 'next').map((e) => e.target))].filter((t) => stepIds.has(t)),
  };
}

/**
 * The pipeline of one process (DESIGN §5.2): its steps laid out (pipelineLayout), the knowledge items and
 * experts they refer to, the `next` edges between its steps, and the flows: (A, B, X) for every item X that step
 * A produces and another step B of the process requires — knowledge handed on along the pipe. `processId` must
 * name a process. O(steps + their edges + flows). Never throws.
 */
export function buildPipeline(index: GraphIndex, processId: string, inputs: PipelineInputs): Pipeline {
  const refs = processSteps(index, processId);
  const layout = pipelineLayout(index, refs);
  const stepIds = new Set(refs.map((s) => s.id));
  const steps = refs.map((s) => pipelineStep(index, s, layout.cells.get(s.id)!, stepIds, inputs));
  const itemIds = new Set<string>();
  const expertIds = new Set<string>();
  for (const s of steps) {
    for (const id of [...s.requires, ...s.templates, ...s.produces]) itemIds.add(id);
    for (const id of s.consults) expertIds.add(id);
  }
  const requiredBy = new Map<string, string[]>();
  for (const s of steps)
    for (const id of [...s.requires, ...s.templates])
      (requiredBy.get(id) ?? requiredBy.set(id, []).get(id)!).push(s.id);
  const flows: Pipeline['flows'] = [];
  for (const s of steps)
    for (const itemId of s.produces)
      for (const to of requiredBy.get(itemId) ?? []) if (to !== s.id) flows.push({ from: s.id, to, itemId });
  const nextEdges: Pipeline['nextEdges'] = [];
  for (const s of refs)
    for (const e of index.out(s.id, 'next'))
      if (stepIds.has(e.target)) nextEdges.push({ id: e.id, source: e.source, target: e.target });
  return {
    process: processSummary(index, processId, inputs),
    steps,
    items: [...itemIds].map((id) => pipelineItem(index, id, inputs.strengths)!),
    experts: [...expertIds].map((id) => {
      const p = index.expertProps(id)!;
      return {
        id,
        label: index.node(id)!.label,
        attritionRisk: p.attritionRisk,
        availability: p.availability ?? null,
      };
    }),
    flows,
    nextEdges,
  };
}
