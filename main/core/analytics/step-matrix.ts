import type { MatrixCell, StepMatrix } from '../../../preload/contract';
import type { GraphIndex } from './graph-index';
import { processSteps } from './process-steps';

/** The cell of one step and item: what the step's `requires` / `produces` edges to the item say. */
export function matrixCell(index: GraphIndex, stepId: string, itemId: string): MatrixCell {
  const req = index.out(stepId, 'requires').some((e) => e.target === itemId);
  const prod = index.out(stepId, 'produces').some((e) => e.target === itemId);
  return req && prod ? 'both' : req ? 'requires' : prod ? 'produces' : 'none';
}

/**
 * The step × knowledge matrix of a process (the sales stages × forms table of the seed article; DESIGN §5.2):
 * columns its steps by order then label; rows the knowledge items any of its steps requires or produces
 * (`templates`: only those whose existence is template), sorted by the first step that uses them, then label;
 * `cells[row][column]` requires / produces / both / none. `processId` must name a process.
 * O(steps × their edges + rows × steps). Never throws.
 */
export function stepMatrix(index: GraphIndex, processId: string, rows: 'all' | 'templates'): StepMatrix {
  const steps = processSteps(index, processId);
  const firstUse = new Map<string, number>();
  const cellsOf = new Map<string, MatrixCell[]>();
  steps.forEach((s, col) => {
    for (const kind of ['requires', 'produces'] as const) {
      for (const e of index.out(s.id, kind)) {
        const props = index.knowledgeProps(e.target);
        if (!props || (rows === 'templates' && props.existence !== 'template')) continue;
        if (!firstUse.has(e.target)) firstUse.set(e.target, col);
        let cells = cellsOf.get(e.target);
        if (!cells) cellsOf.set(e.target, (cells = steps.map(() => 'none' as MatrixCell)));
        const had = cells[col]!;
        cells[col] = had === 'none' || had === kind ? kind : 'both';
      }
    }
  });
  const itemIds = [...firstUse.keys()].sort(
    (a, b) => firstUse.get(a)! - firstUse.get(b)! || index.node(a)!.label.localeCompare(index.node(b)!.label),
  );
  return {
    processId,
    steps: steps.map((s) => ({ id: s.id, label: s.label, order: s.order })),
    items: itemIds.map((id) => {
      const existence = index.knowledgeProps(id)!.existence;
      return { id, label: index.node(id)!.label, existence, template: existence === 'template' };
    }),
    cells: itemIds.map((id) => cellsOf.get(id)!),
  };
}
