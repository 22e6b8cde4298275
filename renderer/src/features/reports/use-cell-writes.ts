import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatrixCell, StepMatrix } from '../../../../preload/contract';
import { call } from '../../api/client';
import { useAppStore } from '../../app/store';
import { nextCell } from './bands';
import { setCellIn, type MatrixItem } from './stable-rows';

/** The key of a cell in `pending`: `stepId|itemId`. */
export const cellKey = (stepId: string, itemId: string) => `${stepId}|${itemId}`;

/**
 * The matrix's writes: `toggle(step, item, shown)` moves a cell one step along the cycle from what it shows
 * (`pending` first: a toggle not answered yet) and writes it with `processes:set-cell` (one undo step each).
 * A cell has at most one write in flight; toggles of it meanwhile only change the value wanted, and the write
 * loop sends the latest one when the previous answer is in, so fast clicks never race each other on the server.
 * Each answer goes into the query cache (no flicker before the refetch). A refusal shows the translated message
 * as a toast, reverts the cell and calls `onRefused(item)` (the item may have been deleted).
 */
export function useCellWrites(
  processId: string | null,
  rows: 'all' | 'templates',
  onRefused: (item: MatrixItem) => void,
) {
  const { t } = useTranslation('reports');
  const qc = useQueryClient();
  const notify = useAppStore((s) => s.notify);
  /** Cells written but not answered yet, by cellKey: the value shown. */
  const [pending, setPending] = useState<ReadonlyMap<string, MatrixCell>>(new Map());
  /** The same for the write loops, read synchronously (two key presses may come before one render). */
  const wanted = useRef(new Map<string, { want: MatrixCell }>());

  const withPending = (key: string, cell: MatrixCell | null) =>
    setPending((prev) => {
      const next = new Map(prev);
      if (cell === null) next.delete(key);
      else next.set(key, cell);
      return next;
    });

  const toggle = async (step: { id: string }, item: MatrixItem, shown: MatrixCell) => {
    const key = cellKey(step.id, item.id);
    const running = wanted.current.get(key);
    const cell = nextCell(running?.want ?? shown);
    withPending(key, cell);
    if (running) {
      running.want = cell;
      return;
    }
    const w = { want: cell };
    wanted.current.set(key, w);
    try {
      for (let sent: MatrixCell | null = null; sent !== w.want;) {
        sent = w.want;
        const res = await call('processes:set-cell', { stepId: step.id, knowledgeId: item.id, cell: sent });
        qc.setQueryData<StepMatrix>(['processes:matrix', processId, rows], (old) =>
          setCellIn(old, step.id, item, res.cell),
        );
      }
    } catch (e) {
      notify(t('matrix.setFailed', { message: (e as Error).message }), 'error');
      void qc.invalidateQueries({ queryKey: ['processes:matrix', processId] });
      onRefused(item);
    } finally {
      wanted.current.delete(key);
      withPending(key, null);
    }
  };

  return { pending, toggle };
}
