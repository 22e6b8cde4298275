import type { GraphChange } from '../../../preload/contract';
import type { GraphStore } from '../graph/graph-store';
import { importError } from './messages';
import type { ImportPlan } from './plan';

/** What applyImport wrote. */
export interface ImportResult {
  newNodes: number;
  updatedNodes: number;
  newEdges: number;
  updatedEdges: number;
  /** The operations applied (0: the file changed nothing). */
  ops: number;
  /** The change event of the write (null when nothing was written). */
  change: GraphChange | null;
}

/**
 * Applies a clean import plan through the one write path: ONE `store.apply` — one transaction (all or nothing: an
 * operation that fails rolls every other back, and the workspace stays exactly as it was), one undo step named
 * `{action: 'import', kind: 'import', label, count}` ("import of “teams.csv” (1,448 changes)"), one change event
 * with reason `import`. A plan with no operations (the file changes nothing) writes nothing.
 *
 * @param label what the undo step is called: the file's name
 * @throws WellspringError invalid_input `planHasProblems` when the plan lists problems (nothing is written);
 *   the write path's error of the failing operation (its path starts `['ops', index]`)
 */
export function applyImport(store: GraphStore, plan: ImportPlan, label: string): ImportResult {
  if (plan.problems.length > 0)
    throw importError(
      'invalid_input',
      'planHasProblems',
      `The import of ${plan.fileName} has ${plan.problems.length} problems; nothing was imported.`,
      { count: plan.problems.length, file: plan.fileName },
    );
  const result: ImportResult = {
    newNodes: 0,
    updatedNodes: 0,
    newEdges: 0,
    updatedEdges: 0,
    ops: plan.ops.length,
    change: null,
  };
  if (plan.ops.length === 0) return result;
  for (const op of plan.ops) {
    if (op.op === 'addNode') result.newNodes++;
    else if (op.op === 'updateNode') result.updatedNodes++;
    else if (op.op === 'addEdge') result.newEdges++;
    else if (op.op === 'updateEdge') result.updatedEdges++;
  }
  const { change } = store.apply(plan.ops, {
    reason: 'import',
    summary: { action: 'import', kind: 'import', label, count: plan.ops.length },
  });
  result.change = change;
  return result;
}
