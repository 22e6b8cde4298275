import type { EditSummary, GraphOp, MatrixCell } from '../../../preload/contract';
import type { GraphIndex } from '../analytics/graph-index';
import { matrixCell } from '../analytics/step-matrix';
import { WellspringError } from '../util/errors';

/**
 * The operations that make the `requires` / `produces` edges from a step to a knowledge item match one cell of
 * the step × knowledge matrix (`both`: both edges; `none`: neither). An edge that stays keeps its props (its
 * importance). Null when the cell already says so (nothing to write).
 * @throws WellspringError not_found (the step or item does not exist, e.g. deleted meanwhile:
 *   errors.nodeNotFound), invalid_input (the step is not a step: errors.notAStep; the item not a knowledge item:
 *   errors.notAKnowledgeItem)
 */
export function planSetCell(
  index: GraphIndex,
  stepId: string,
  knowledgeId: string,
  cell: MatrixCell,
): { ops: GraphOp[]; summary: EditSummary } | null {
  const step = index.node(stepId);
  const item = index.node(knowledgeId);
  for (const [node, id, field] of [
    [step, stepId, 'stepId'],
    [item, knowledgeId, 'knowledgeId'],
  ] as const)
    if (!node)
      throw new WellspringError('not_found', `No node with id ${id}.`, [field], {
        key: 'errors.nodeNotFound',
        params: { id },
      });
  if (step!.kind !== 'step')
    throw new WellspringError('invalid_input', `“${step!.label}” is not a process step.`, ['stepId'], {
      key: 'errors.notAStep',
      params: { label: step!.label },
    });
  if (item!.kind !== 'knowledge')
    throw new WellspringError('invalid_input', `“${item!.label}” is not a knowledge item.`, ['knowledgeId'], {
      key: 'errors.notAKnowledgeItem',
      params: { label: item!.label },
    });
  const now = matrixCell(index, stepId, knowledgeId);
  if (now === cell) return null;
  const ops: GraphOp[] = [];
  const want = {
    requires: cell === 'requires' || cell === 'both',
    produces: cell === 'produces' || cell === 'both',
  };
  for (const kind of ['requires', 'produces'] as const) {
    const have = index.out(stepId, kind).filter((e) => e.target === knowledgeId);
    if (want[kind] && have.length === 0)
      ops.push({ op: 'addEdge', edge: { kind, source: stepId, target: knowledgeId, props: {} } });
    if (!want[kind]) for (const e of have) ops.push({ op: 'deleteEdge', id: e.id });
  }
  const adds = ops.some((o) => o.op === 'addEdge');
  const kind =
    cell === 'none'
      ? now === 'produces'
        ? 'produces'
        : 'requires'
      : cell === 'produces'
        ? 'produces'
        : 'requires';
  return {
    ops,
    summary: {
      action: ops.length > 1 ? 'batch' : adds ? 'connect' : 'disconnect',
      kind,
      label: `${step!.label} → ${item!.label}`,
      ...(ops.length > 1 ? { count: ops.length } : {}),
    },
  };
}
