import { randomUUID } from 'node:crypto';
import type { EditSummary, GraphOp, NodeKind, ProcessEdit, StepRelation } from '../../../preload/contract';
import type { GraphIndex } from '../analytics/graph-index';
import { processSteps } from '../analytics/process-steps';
import { WellspringError } from '../util/errors';

/** The write-path operations of a list of process edits, the ids of the steps it adds, and its undo label. */
export interface ProcessEditPlan {
  ops: GraphOp[];
  addedStepIds: string[];
  summary: EditSummary;
}

interface WorkStep {
  label: string;
  order: number;
  responsibleRole: string | undefined;
  phase: string | undefined;
  isNew: boolean;
}

interface WorkEdge {
  /** Id of the stored edge, null for one this list adds. */
  id: string | null;
  kind: 'next' | StepRelation;
  source: string;
  target: string;
  importance: number | undefined;
}

const TARGET_KIND: Record<StepRelation, NodeKind> = {
  requires: 'knowledge',
  produces: 'knowledge',
  consults: 'expert',
};

/**
 * Turns high-level process edits (contract ProcessEdit) into ONE list of write-path operations, so the whole list
 * is one undo step and, as GraphStore.apply is all or nothing, nothing is written when any edit is refused.
 *
 * The edits are simulated in order on a working copy of the process (its steps, the `next` edges between them,
 * their requires / produces / consults edges), so a later edit sees what an earlier one did; the operations are
 * then the difference between the copy and the graph (an edge removed and added again is left alone):
 * - addStep: a step (order, responsibleRole, phase) and its `part_of`; `after` X: right behind X (X's `next`
 *   successors move behind the new step, later orders shift by one); `parallelTo` Y: same order, predecessors and
 *   successors as Y (a branch that joins); neither: at the end, `next` from the last steps without successors
 *   (none when the process uses no `next` edges: it is then laid out by order).
 * - moveStep: to 0-based position `index` among the order slots (steps sharing an order are one slot); orders
 *   renumbered 1…k; a straight sequence (one step per slot, `next` exactly from each to the following) is rewired
 *   to follow the new order; a process without `next` edges (laid out by order) just gets new orders; a process
 *   that branches or joins is refused (errors.moveNeedsStraightProcess), since its orders would no longer match
 *   its flow.
 * - removeStep: deletes the step (with its edges), joins each predecessor to each successor, renumbers.
 * - updateStep: label, responsibleRole, phase (null removes it).
 * - connect / disconnect: a `next` edge between two steps of the process.
 * - attach / detach: requires / produces (to a knowledge item, optional importance 1–3) or consults (an expert).
 *
 * @param newId makes the ids of new steps and edges (tests pin it)
 * @throws WellspringError, path `['edits', i, field]`: not_found (a node that does not exist), invalid_input
 *   (a step of another process or not a step: errors.stepNotInProcess / errors.notAStep; `after` with
 *   `parallelTo`; disconnect / detach of what is not there), edge_kind_mismatch (a self-loop; attaching a node of
 *   the wrong kind: errors.attachWrongKind), duplicate_edge (connect / attach what is there already)
 */
export function planProcessEdits(
  index: GraphIndex,
  processId: string,
  edits: readonly ProcessEdit[],
  newId: () => string = randomUUID,
): ProcessEditPlan {
  const processLabel = index.node(processId)!.label;
  const steps = new Map<string, WorkStep>();
  for (const s of processSteps(index, processId)) {
    const p = index.stepProps(s.id)!;
    steps.set(s.id, {
      label: s.label,
      order: p.order,
      responsibleRole: p.responsibleRole,
      phase: p.phase,
      isNew: false,
    });
  }
  const original = new Map<string, WorkEdge>();
  for (const id of steps.keys()) {
    for (const e of index.out(id, 'next'))
      if (steps.has(e.target))
        original.set(key('next', id, e.target), edgeOf(e.id, 'next', id, e.target, undefined));
    for (const kind of ['requires', 'produces', 'consults'] as const)
      for (const e of index.out(id, kind))
        original.set(
          key(kind, id, e.target),
          edgeOf(e.id, kind, id, e.target, (e.props as { importance?: number }).importance),
        );
  }
  const edges = new Map(original);
  const removed = new Set<string>();
  const added: string[] = [];
  const labelOf = (id: string) => steps.get(id)?.label ?? index.node(id)?.label ?? id;

  edits.forEach((edit, i) => {
    const at = (field: string) => ['edits', i, field];
    const requireStep = (id: string, field: string) => {
      if (steps.has(id)) return steps.get(id)!;
      const node = removed.has(id) ? null : index.node(id);
      if (!node)
        throw new WellspringError('not_found', `No node with id ${id}.`, at(field), {
          key: 'errors.nodeNotFound',
          params: { id },
        });
      if (node.kind !== 'step')
        throw new WellspringError('invalid_input', `“${node.label}” is not a process step.`, at(field), {
          key: 'errors.notAStep',
          params: { label: node.label },
        });
      throw new WellspringError(
        'invalid_input',
        `The step “${node.label}” is not part of the process “${processLabel}”.`,
        at(field),
        { key: 'errors.stepNotInProcess', params: { step: node.label, process: processLabel } },
      );
    };
    const succs = (id: string) =>
      [...edges.values()].filter((e) => e.kind === 'next' && e.source === id).map((e) => e.target);
    const preds = (id: string) =>
      [...edges.values()].filter((e) => e.kind === 'next' && e.target === id).map((e) => e.source);
    const addNext = (s: string, t: string) => {
      const k = key('next', s, t);
      if (s !== t && !edges.has(k)) edges.set(k, original.get(k) ?? edgeOf(null, 'next', s, t, undefined));
    };
    const dropNext = (s: string, t: string) => edges.delete(key('next', s, t));

    switch (edit.op) {
      case 'addStep': {
        if (edit.after !== undefined && edit.parallelTo !== undefined)
          throw new WellspringError(
            'invalid_input',
            'A new step goes after a step or in parallel, not both.',
            at('parallelTo'),
            {
              key: 'errors.afterAndParallel',
            },
          );
        const id = newId();
        const step: WorkStep = {
          label: edit.label,
          order: 1,
          responsibleRole: edit.responsibleRole,
          phase: edit.phase,
          isNew: true,
        };
        if (edit.after !== undefined) {
          const x = requireStep(edit.after, 'after');
          step.order = x.order + 1;
          for (const s of steps.values()) if (s.order > x.order) s.order++;
          for (const t of succs(edit.after)) {
            dropNext(edit.after, t);
            addNext(id, t);
          }
          steps.set(id, step);
          addNext(edit.after, id);
        } else if (edit.parallelTo !== undefined) {
          const y = requireStep(edit.parallelTo, 'parallelTo');
          step.order = y.order;
          const p = preds(edit.parallelTo);
          const s = succs(edit.parallelTo);
          steps.set(id, step);
          for (const from of p) addNext(from, id);
          for (const to of s) addNext(id, to);
        } else {
          const usesNext = [...edges.values()].some((e) => e.kind === 'next');
          const sinks = [...steps.keys()].filter((s) => succs(s).length === 0);
          const maxOrder = Math.max(0, ...[...steps.values()].map((s) => s.order));
          const lastSink = Math.max(0, ...sinks.map((s) => steps.get(s)!.order));
          step.order = maxOrder + 1;
          steps.set(id, step);
          if (usesNext) for (const s of sinks) if (steps.get(s)!.order === lastSink) addNext(s, id);
        }
        added.push(id);
        renumber(steps);
        break;
      }
      case 'moveStep': {
        requireStep(edit.stepId, 'stepId');
        const slots = orderSlots(steps);
        const straight =
          slots.every((slot) => slot.length === 1) &&
          [...edges.values()].filter((e) => e.kind === 'next').length === slots.length - 1 &&
          slots.slice(1).every((slot, k) => edges.has(key('next', slots[k]![0]!, slot[0]!)));
        // A process that branches or joins has no one sequence to move along: its orders would stop matching
        // what the pipeline draws. It is reshaped with connect / disconnect instead.
        const hasNext = [...edges.values()].some((e) => e.kind === 'next');
        if (hasNext && !straight)
          throw new WellspringError(
            'invalid_input',
            `“${steps.get(edit.stepId)!.label}” cannot be moved: the process branches or joins (connect or disconnect steps instead).`,
            at('stepId'),
            { key: 'errors.moveNeedsStraightProcess', params: { step: steps.get(edit.stepId)!.label } },
          );
        const rest = slots
          .map((slot) => slot.filter((s) => s !== edit.stepId))
          .filter((slot) => slot.length > 0);
        rest.splice(Math.min(edit.index, rest.length), 0, [edit.stepId]);
        rest.forEach((slot, k) => slot.forEach((s) => (steps.get(s)!.order = k + 1)));
        if (straight) {
          for (const [k, e] of edges) if (e.kind === 'next') edges.delete(k);
          for (let k = 1; k < rest.length; k++) addNext(rest[k - 1]![0]!, rest[k]![0]!);
        }
        break;
      }
      case 'removeStep': {
        const step = requireStep(edit.stepId, 'stepId');
        const p = preds(edit.stepId);
        const s = succs(edit.stepId);
        for (const [k, e] of edges) if (e.source === edit.stepId || e.target === edit.stepId) edges.delete(k);
        steps.delete(edit.stepId);
        if (!step.isNew) removed.add(edit.stepId);
        else added.splice(added.indexOf(edit.stepId), 1);
        for (const from of p) for (const to of s) addNext(from, to);
        renumber(steps);
        break;
      }
      case 'updateStep': {
        const step = requireStep(edit.stepId, 'stepId');
        if (edit.label !== undefined) step.label = edit.label;
        if (edit.responsibleRole !== undefined) step.responsibleRole = edit.responsibleRole ?? undefined;
        if (edit.phase !== undefined) step.phase = edit.phase ?? undefined;
        break;
      }
      case 'connect': {
        requireStep(edit.from, 'from');
        requireStep(edit.to, 'to');
        if (edit.from === edit.to)
          throw new WellspringError('edge_kind_mismatch', 'A step cannot follow itself.', at('to'), {
            key: 'errors.selfLoop',
          });
        if (edges.has(key('next', edit.from, edit.to)))
          throw duplicate('next', labelOf(edit.from), labelOf(edit.to), at('to'));
        addNext(edit.from, edit.to);
        break;
      }
      case 'disconnect': {
        requireStep(edit.from, 'from');
        requireStep(edit.to, 'to');
        if (!edges.has(key('next', edit.from, edit.to)))
          throw new WellspringError(
            'invalid_input',
            `The step “${labelOf(edit.from)}” is not followed by “${labelOf(edit.to)}”.`,
            at('to'),
            { key: 'errors.notConnected', params: { source: labelOf(edit.from), target: labelOf(edit.to) } },
          );
        dropNext(edit.from, edit.to);
        break;
      }
      case 'attach': {
        const step = requireStep(edit.stepId, 'stepId');
        const target = index.node(edit.targetId);
        if (!target)
          throw new WellspringError('not_found', `No node with id ${edit.targetId}.`, at('targetId'), {
            key: 'errors.nodeNotFound',
            params: { id: edit.targetId },
          });
        const expected = TARGET_KIND[edit.relation];
        if (target.kind !== expected)
          throw new WellspringError(
            'edge_kind_mismatch',
            `“${target.label}” cannot be attached to a step as ${edit.relation}: it must be a ${expected}.`,
            at('targetId'),
            {
              key: 'errors.attachWrongKind',
              params: { label: target.label, relation: edit.relation, expected },
            },
          );
        if (edit.relation === 'consults' && edit.importance !== undefined)
          throw new WellspringError(
            'invalid_input',
            'An expert to consult has no importance.',
            at('importance'),
            {
              key: 'errors.invalidInput',
              params: { field: 'importance' },
            },
          );
        const k = key(edit.relation, edit.stepId, edit.targetId);
        if (edges.has(k)) throw duplicate(edit.relation, step.label, target.label, at('targetId'));
        const had = original.get(k);
        edges.set(k, edgeOf(had?.id ?? null, edit.relation, edit.stepId, edit.targetId, edit.importance));
        break;
      }
      case 'detach': {
        const step = requireStep(edit.stepId, 'stepId');
        const k = key(edit.relation, edit.stepId, edit.targetId);
        if (!edges.has(k)) {
          const target = labelOf(edit.targetId);
          throw new WellspringError(
            'invalid_input',
            `“${target}” is not attached to the step “${step.label}” as ${edit.relation}.`,
            at('targetId'),
            { key: 'errors.notAttached', params: { target, step: step.label, relation: edit.relation } },
          );
        }
        edges.delete(k);
        break;
      }
    }
  });

  return {
    ops: diffOps(index, processId, steps, original, edges, removed, newId),
    addedStepIds: added,
    summary: summarise(edits, processLabel, labelOf),
  };
}

/** The operations that turn the graph into the working copy. */
function diffOps(
  index: GraphIndex,
  processId: string,
  steps: Map<string, WorkStep>,
  original: Map<string, WorkEdge>,
  edges: Map<string, WorkEdge>,
  removed: Set<string>,
  newId: () => string,
): GraphOp[] {
  const ops: GraphOp[] = [];
  for (const [id, s] of steps) {
    if (!s.isNew) continue;
    ops.push({ op: 'addNode', id, node: { kind: 'step', label: s.label, props: stepProps(s) } });
    ops.push({ op: 'addEdge', id: newId(), edge: { kind: 'part_of', source: id, target: processId } });
  }
  for (const [k, e] of original)
    if (!edges.has(k) && !removed.has(e.source) && !removed.has(e.target))
      ops.push({ op: 'deleteEdge', id: e.id! });
  for (const id of removed) ops.push({ op: 'deleteNode', id });
  for (const [id, s] of steps) {
    if (s.isNew) continue;
    const node = index.node(id)!;
    const p = index.stepProps(id)!;
    const props: Record<string, unknown> = {};
    if (p.order !== s.order) props.order = s.order;
    if (p.responsibleRole !== s.responsibleRole) props.responsibleRole = s.responsibleRole ?? null;
    if (p.phase !== s.phase) props.phase = s.phase ?? null;
    const patch: { label?: string; props?: Record<string, unknown> } = {};
    if (node.label !== s.label) patch.label = s.label;
    if (Object.keys(props).length) patch.props = props;
    if (patch.label !== undefined || patch.props) ops.push({ op: 'updateNode', id, patch });
  }
  for (const [k, e] of edges) {
    const had = original.get(k);
    const props = e.importance !== undefined ? { importance: e.importance } : {};
    if (!had)
      ops.push({
        op: 'addEdge',
        id: newId(),
        edge: { kind: e.kind, source: e.source, target: e.target, props },
      });
    else if (had.importance !== e.importance) ops.push({ op: 'updateEdge', id: had.id!, props });
  }
  return ops;
}

/** The undo label: the one edit's own, or a batch named after the process. */
function summarise(
  edits: readonly ProcessEdit[],
  processLabel: string,
  labelOf: (id: string) => string,
): EditSummary {
  if (edits.length !== 1)
    return { action: 'batch', kind: 'process', label: processLabel, count: edits.length };
  const e = edits[0]!;
  switch (e.op) {
    case 'addStep':
      return { action: 'add', kind: 'step', label: e.label };
    case 'removeStep':
      return { action: 'delete', kind: 'step', label: labelOf(e.stepId) };
    case 'moveStep':
    case 'updateStep':
      return {
        action: 'edit',
        kind: 'step',
        label: e.op === 'updateStep' && e.label ? e.label : labelOf(e.stepId),
      };
    case 'connect':
    case 'disconnect':
      return { action: e.op, kind: 'next', label: `${labelOf(e.from)} → ${labelOf(e.to)}` };
    case 'attach':
    case 'detach':
      return {
        action: e.op === 'attach' ? 'connect' : 'disconnect',
        kind: e.relation,
        label: `${labelOf(e.stepId)} → ${labelOf(e.targetId)}`,
      };
  }
}

/** Steps grouped by order, slots in ascending order (steps of one slot by label). */
function orderSlots(steps: Map<string, WorkStep>): string[][] {
  const byOrder = new Map<number, string[]>();
  for (const [id, s] of steps) (byOrder.get(s.order) ?? byOrder.set(s.order, []).get(s.order)!).push(id);
  return [...byOrder.keys()]
    .sort((a, b) => a - b)
    .map((o) => byOrder.get(o)!.sort((a, b) => steps.get(a)!.label.localeCompare(steps.get(b)!.label)));
}

/** Orders renumbered 1…k over the distinct orders, keeping steps that share an order together. */
function renumber(steps: Map<string, WorkStep>): void {
  orderSlots(steps).forEach((slot, k) => slot.forEach((id) => (steps.get(id)!.order = k + 1)));
}

function stepProps(s: WorkStep): Record<string, unknown> {
  return {
    order: s.order,
    ...(s.responsibleRole !== undefined ? { responsibleRole: s.responsibleRole } : {}),
    ...(s.phase !== undefined ? { phase: s.phase } : {}),
  };
}

function key(kind: string, source: string, target: string): string {
  return `${kind}\u0000${source}\u0000${target}`;
}

function edgeOf(
  id: string | null,
  kind: WorkEdge['kind'],
  source: string,
  target: string,
  importance: number | undefined,
): WorkEdge {
  return { id, kind, source, target, importance };
}

function duplicate(
  kind: string,
  source: string,
  target: string,
  path: Array<string | number>,
): WellspringError {
  return new WellspringError(
    'duplicate_edge',
    `“${source}” already has a ${kind} edge to “${target}”.`,
    path,
    {
      key: 'errors.duplicateEdge',
      params: { kind, source, target },
    },
  );
}

/**
 * The operations of a new process (one undo step): the process node (label, aliases, ownerUnit) and, when
 * given, its steps in sequence (orders 1…n, `part_of`, `next` from each to the following).
 */
export function planCreateProcess(
  input: { label: string; aliases?: string[]; ownerUnit?: string; steps?: string[] },
  newId: () => string = randomUUID,
): { processId: string; stepIds: string[]; ops: GraphOp[]; summary: EditSummary } {
  const processId = newId();
  const ops: GraphOp[] = [
    {
      op: 'addNode',
      id: processId,
      node: {
        kind: 'process',
        label: input.label,
        ...(input.aliases ? { aliases: input.aliases } : {}),
        props:
          input.ownerUnit !== undefined && input.ownerUnit.trim()
            ? { ownerUnit: input.ownerUnit.trim() }
            : {},
      },
    },
  ];
  const stepIds: string[] = [];
  (input.steps ?? []).forEach((label, i) => {
    const id = newId();
    ops.push({ op: 'addNode', id, node: { kind: 'step', label, props: { order: i + 1 } } });
    ops.push({ op: 'addEdge', id: newId(), edge: { kind: 'part_of', source: id, target: processId } });
    if (i > 0)
      ops.push({ op: 'addEdge', id: newId(), edge: { kind: 'next', source: stepIds[i - 1]!, target: id } });
    stepIds.push(id);
  });
  return { processId, stepIds, ops, summary: { action: 'add', kind: 'process', label: input.label } };
}
