import type { AreaChange, EditSummary, GraphOp } from '../../../preload/contract';
import type { GraphIndex } from '../analytics/graph-index';
import { expertNotFound } from '../analytics/position-risk';
import { WellspringError } from '../util/errors';

/** A planned "my areas" edit: the operations for ONE GraphStore.apply and the undo entry's summary. */
export interface AreaEditPlan {
  ops: GraphOp[];
  summary: EditSummary;
}

/**
 * Plans the "my areas" changes of one expert (issue 8) as one operation list, all or nothing:
 * - `proficiency` on a knowledge item or category: the expert's `knows` edge to it is updated (a second edge to
 *   the same target is deleted, so one proficiency remains), added when missing, deleted for `null`;
 * - `description` of the expert or of one of their areas (a target they know before the list, or after an
 *   earlier change of the same list set a proficiency on it): updateNode description.
 * Changes apply in list order and the last one per target wins; a change that leaves the graph as it is adds no
 * operation (a list of only such changes makes GraphStore.apply refuse with errors.noOps).
 *
 * @throws WellspringError not_found `errors.expertNotFound` {value} (no such expert), `errors.nodeNotFound` {id}
 *   (no such target); invalid_input `errors.areaTargetKind` {label, nodeKind} (a proficiency on something other than
 *   a knowledge item or category), `errors.proficiencyOutOfRange` {value} (not an integer 1–5: the service may
 *   be called without the zod boundary), `errors.descriptionTarget` {label} (neither the expert nor an area).
 *   The error's path is `['changes', i, field]`.
 */
export function planAreaEdits(
  index: GraphIndex,
  expertId: string,
  changes: readonly AreaChange[],
): AreaEditPlan {
  const expert = index.node(expertId);
  if (!expert || expert.kind !== 'expert') throw expertNotFound(expertId);

  const existing = new Map<string, { id: string; proficiency: number }[]>();
  for (const e of index.out(expertId, 'knows')) {
    const list = existing.get(e.target);
    const edge = { id: e.id, proficiency: e.props.proficiency };
    if (list) list.push(edge);
    else existing.set(e.target, [edge]);
  }
  /** target → the proficiency it ends with (null: no edge). */
  const proficiency = new Map<string, number | null>();
  const description = new Map<string, string>();
  const isArea = (t: string) => (proficiency.has(t) ? proficiency.get(t) !== null : existing.has(t));

  changes.forEach((c, i) => {
    const target = index.node(c.targetId);
    if (!target)
      throw new WellspringError('not_found', `No node with id ${c.targetId}.`, ['changes', i, 'targetId'], {
        key: 'errors.nodeNotFound',
        params: { id: c.targetId },
      });
    if (c.change === 'proficiency') {
      if (target.kind !== 'knowledge' && target.kind !== 'category')
        throw new WellspringError(
          'invalid_input',
          `“${target.label}” is of the kind ${target.kind}: an expert's areas are knowledge items and categories.`,
          ['changes', i, 'targetId'],
          { key: 'errors.areaTargetKind', params: { label: target.label, nodeKind: target.kind } },
        );
      const p: unknown = c.proficiency;
      if (p !== null && !(typeof p === 'number' && Number.isInteger(p) && p >= 1 && p <= 5))
        throw new WellspringError(
          'invalid_input',
          `A proficiency must be a whole number from 1 to 5, not ${String(p)}.`,
          ['changes', i, 'proficiency'],
          { key: 'errors.proficiencyOutOfRange', params: { value: String(p) } },
        );
      proficiency.set(c.targetId, c.proficiency);
    } else {
      if (c.targetId !== expertId && !isArea(c.targetId))
        throw new WellspringError(
          'invalid_input',
          `“${target.label}” is not one of this expert's areas.`,
          ['changes', i, 'targetId'],
          { key: 'errors.descriptionTarget', params: { label: target.label } },
        );
      description.set(c.targetId, c.description);
    }
  });

  const ops: GraphOp[] = [];
  const summaries: EditSummary[] = [];
  const ends = (t: string) => `${expert.label} → ${index.node(t)!.label}`;
  for (const [targetId, p] of proficiency) {
    const edges = existing.get(targetId) ?? [];
    if (p === null) {
      for (const e of edges) ops.push({ op: 'deleteEdge', id: e.id });
      if (edges.length) summaries.push({ action: 'disconnect', kind: 'knows', label: ends(targetId) });
    } else if (edges.length === 0) {
      ops.push({
        op: 'addEdge',
        edge: { kind: 'knows', source: expertId, target: targetId, props: { proficiency: p } },
      });
      summaries.push({ action: 'connect', kind: 'knows', label: ends(targetId) });
    } else {
      const [first, ...extra] = edges;
      if (first!.proficiency !== p) ops.push({ op: 'updateEdge', id: first!.id, props: { proficiency: p } });
      for (const e of extra) ops.push({ op: 'deleteEdge', id: e.id });
      if (first!.proficiency !== p || extra.length)
        summaries.push({ action: 'edit-edge', kind: 'knows', label: ends(targetId) });
    }
  }
  for (const [targetId, text] of description) {
    const node = index.node(targetId)!;
    if (node.description === text) continue;
    ops.push({ op: 'updateNode', id: targetId, patch: { description: text } });
    summaries.push({ action: 'edit', kind: node.kind, label: node.label });
  }
  const summary: EditSummary =
    summaries.length === 1 && ops.length === 1
      ? summaries[0]!
      : { action: 'batch', kind: 'expert', label: expert.label, count: ops.length };
  return { ops, summary };
}
