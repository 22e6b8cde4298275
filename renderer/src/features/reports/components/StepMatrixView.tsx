import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatrixCell, StepMatrix } from '../../../../../preload/contract';
import { call } from '../../../api/client';
import { useAppStore } from '../../../app/store';
import { CELL_SYMBOL, nextCell } from '../bands';
import { useMatrix, useProcessList } from '../queries';
import { ExportButtons } from './ExportButtons';
import { MatrixPrint } from './MatrixPrint';
import '../reports.css';

type Rows = 'all' | 'templates';

/**
 * The step × knowledge matrix (issue 7 item 6): columns the process's steps in order, rows its knowledge items
 * (all, or templates and forms only). A cell shows requires ●, produces ▲, both ◆ or nothing; a click, Space or
 * Enter cycles it none → requires → produces → both (one `processes:set-cell`, one undo step each), shown at once
 * and reverted with an error toast when main refuses (e.g. the item was deleted). Arrow keys, Home and End move
 * the focused cell (one tab stop for the whole grid). Header row and item column stay in view; Print prints only
 * the matrix on A4 landscape (MatrixPrint).
 */
export function StepMatrixView({ processId }: { processId: string | null }) {
  const { t } = useTranslation('reports');
  const [rows, setRows] = useState<Rows>('all');
  const matrix = useMatrix(processId, rows);
  const processes = useProcessList();
  const qc = useQueryClient();
  const notify = useAppStore((s) => s.notify);
  /** Cells written but not answered yet, by `stepId|itemId`. */
  const [pending, setPending] = useState<ReadonlyMap<string, MatrixCell>>(new Map());
  const [focus, setFocus] = useState({ r: 0, c: 0 });
  const cells = useRef(new Map<string, HTMLTableCellElement>());

  if (processId === null) return <p className="report-state muted">{t('matrix.chooseProcess')}</p>;
  if (matrix.isPending) return <p className="report-state muted">{t('matrix.loading')}</p>;
  if (matrix.isError)
    return (
      <p className="report-state error-text">{t('matrix.loadFailed', { message: matrix.error.message })}</p>
    );
  const m = matrix.data;
  const processLabel = processes.data?.find((p) => p.id === processId)?.label ?? '';
  const r0 = Math.min(focus.r, m.items.length - 1);
  const c0 = Math.min(focus.c, m.steps.length - 1);

  const valueAt = (r: number, c: number): MatrixCell => {
    const key = `${m.steps[c]!.id}|${m.items[r]!.id}`;
    return pending.get(key) ?? m.cells[r]?.[c] ?? 'none';
  };
  const withPending = (key: string, cell: MatrixCell | null) =>
    setPending((prev) => {
      const next = new Map(prev);
      if (cell === null) next.delete(key);
      else next.set(key, cell);
      return next;
    });

  const toggle = async (r: number, c: number) => {
    const step = m.steps[c]!;
    const item = m.items[r]!;
    const key = `${step.id}|${item.id}`;
    const cell = nextCell(valueAt(r, c));
    withPending(key, cell);
    try {
      const res = await call('processes:set-cell', { stepId: step.id, knowledgeId: item.id, cell });
      // The answer goes into the cache now, so the cell does not flicker back before the refetch.
      qc.setQueryData<StepMatrix>(['processes:matrix', processId, rows], (old) =>
        setCellIn(old, step.id, item.id, res.cell),
      );
    } catch (e) {
      notify(t('matrix.setFailed', { message: (e as Error).message }), 'error');
      void qc.invalidateQueries({ queryKey: ['processes:matrix', processId] });
    } finally {
      setPending((prev) => {
        if (prev.get(key) !== cell) return prev;
        const next = new Map(prev);
        next.delete(key);
        return next;
      });
    }
  };

  const moveTo = (r: number, c: number) => {
    const r1 = Math.max(0, Math.min(m.items.length - 1, r));
    const c1 = Math.max(0, Math.min(m.steps.length - 1, c));
    setFocus({ r: r1, c: c1 });
    cells.current.get(`${r1}|${c1}`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [r0 - 1, c0],
      ArrowDown: [r0 + 1, c0],
      ArrowLeft: [r0, c0 - 1],
      ArrowRight: [r0, c0 + 1],
      Home: [r0, 0],
      End: [r0, m.steps.length - 1],
      PageUp: [0, c0],
      PageDown: [m.items.length - 1, c0],
    };
    const to = moves[e.key];
    if (to) moveTo(to[0], to[1]);
    else if (e.key === ' ' || e.key === 'Enter') void toggle(r0, c0);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const empty =
    m.steps.length === 0
      ? 'noSteps'
      : m.items.length === 0
        ? rows === 'all'
          ? 'empty'
          : 'emptyTemplates'
        : null;
  return (
    <section className="report matrix-report" data-testid="matrix-report" aria-label={t('matrix.title')}>
      <div className="report-toolbar">
        <span className="seg" role="group" aria-label={t('matrix.rows')}>
          {(['all', 'templates'] as const).map((mode) => (
            <button
              key={mode}
              className={rows === mode ? 'pressed' : undefined}
              aria-pressed={rows === mode}
              onClick={() => setRows(mode)}
              data-testid={`matrix-rows-${mode}`}
            >
              {t(mode === 'all' ? 'matrix.rowsAll' : 'matrix.rowsTemplates')}
            </button>
          ))}
        </span>
        <span className="muted small">{`${t('matrix.symbols')} — ${t('matrix.legend')}`}</span>
        <span className="spacer" />
        <ExportButtons request={{ report: 'matrix', processId, rows }} />
        <button onClick={() => window.print()} disabled={empty !== null} data-testid="matrix-print">
          {t('matrix.print')}
        </button>
      </div>
      {empty ? (
        <p className="report-state muted">{t(`matrix.${empty}`)}</p>
      ) : (
        <div className="report-scroll">
          <table
            className="report-table matrix-table"
            role="grid"
            aria-label={t('matrix.gridLabel', { process: processLabel })}
            onKeyDown={onKeyDown}
            data-testid="matrix-table"
          >
            <thead>
              <tr>
                <th scope="col" className="corner">
                  {t('columns.item')}
                </th>
                {m.steps.map((s) => (
                  <th key={s.id} scope="col" data-step-id={s.id}>
                    <span className="step-order">{s.order}</span>
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {m.items.map((item, r) => (
                <tr key={item.id} data-item-id={item.id}>
                  <th scope="row">
                    {item.label}
                    {item.template && <span className="template-mark muted">{t('matrix.template')}</span>}
                  </th>
                  {m.steps.map((step, c) => {
                    const cell = valueAt(r, c);
                    const isPending = pending.has(`${step.id}|${item.id}`);
                    return (
                      <td
                        key={step.id}
                        ref={(el) => {
                          if (el) cells.current.set(`${r}|${c}`, el);
                          else cells.current.delete(`${r}|${c}`);
                        }}
                        role="gridcell"
                        tabIndex={r === r0 && c === c0 ? 0 : -1}
                        className={`cell cell-${cell}${isPending ? ' pending' : ''}`}
                        aria-label={t('matrix.cellLabel', {
                          step: step.label,
                          item: item.label,
                          cell: t(`cells.${cell}`),
                        })}
                        aria-busy={isPending || undefined}
                        data-cell={cell}
                        data-step-id={step.id}
                        onClick={() => {
                          setFocus({ r, c });
                          void toggle(r, c);
                        }}
                      >
                        {cell !== 'none' && (
                          <>
                            <span aria-hidden="true">{CELL_SYMBOL[cell]}</span>
                            <span className="cell-word" aria-hidden="true">
                              {t(`cells.${cell}`)}
                            </span>
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!empty && <MatrixPrint matrix={m} processLabel={processLabel} rows={rows} valueAt={valueAt} />}
    </section>
  );
}

/** `old` with the cell of (stepId, itemId) set to `cell` (unchanged when either is not in it). */
function setCellIn(
  old: StepMatrix | undefined,
  stepId: string,
  itemId: string,
  cell: MatrixCell,
): StepMatrix | undefined {
  if (!old) return old;
  const c = old.steps.findIndex((s) => s.id === stepId);
  const r = old.items.findIndex((i) => i.id === itemId);
  if (c < 0 || r < 0) return old;
  return {
    ...old,
    cells: old.cells.map((row, i) => (i === r ? row.map((v, j) => (j === c ? cell : v)) : row)),
  };
}
