import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatrixCell, StepMatrix } from '../../../../../preload/contract';
import { CELL_SYMBOL } from '../bands';
import { useMatrix, useProcessList } from '../queries';
import { mergeRows, withRows, type MatrixItem } from '../stable-rows';
import { cellKey, useCellWrites } from '../use-cell-writes';
import { AddItemPicker } from './AddItemPicker';
import { ExportButtons } from './ExportButtons';
import { MatrixPrint } from './MatrixPrint';
import '../reports.css';

type Rows = 'all' | 'templates';

/** The rows on screen for one process and row mode (`key`), and the server's matrix they were merged with. */
interface Shown {
  key: string;
  server: StepMatrix | undefined;
  items: MatrixItem[];
  /** Items a write was refused for (deleted, most likely): their rows go once the server stops listing them. */
  refused: ReadonlySet<string>;
}

/**
 * The step × knowledge matrix (issue 7 item 6): columns the process's steps in order, rows its knowledge items
 * (all, or templates and forms only). A cell shows requires ●, produces ▲, both ◆ or nothing; a click, Space or
 * Enter cycles it none → requires → produces → both (one `processes:set-cell`, one undo step each), shown at once
 * and reverted with an error toast when main refuses (e.g. the item was deleted). Arrow keys, Home and End move
 * the focused cell (one tab stop for the whole grid). Header row and item column stay in view; Print prints only
 * the matrix on A4 landscape (MatrixPrint).
 *
 * Rows are stable while the view is open on one process and row mode (stable-rows.ts): an item no step refers to
 * any more stays as a row of empty cells, and "Add knowledge item" adds a row that is written only when one of
 * its cells is toggled. Focus is kept by item and step id, never by index.
 */
export function StepMatrixView({ processId }: { processId: string | null }) {
  const { t } = useTranslation('reports');
  const [rows, setRows] = useState<Rows>('all');
  const matrix = useMatrix(processId, rows);
  const processes = useProcessList();
  const key = `${processId}|${rows}`;
  const [shown, setShown] = useState<Shown>({ key: '', server: undefined, items: [], refused: new Set() });
  const server = matrix.data;
  const settled = server !== undefined && !matrix.isPlaceholderData;
  if (settled && (shown.key !== key || shown.server !== server)) {
    // Derived state, updated during render (React re-renders at once, before painting).
    const same = shown.key === key;
    const listed = new Set(server.items.map((i) => i.id));
    const kept = same ? shown.items.filter((i) => listed.has(i.id) || !shown.refused.has(i.id)) : [];
    setShown({
      key,
      server,
      items: mergeRows(kept, server.items),
      refused: same ? shown.refused : new Set(),
    });
  }
  const dropRow = (item: MatrixItem) =>
    setShown((s) => {
      const refused = new Set(s.refused).add(item.id);
      const listed = s.server?.items.some((i) => i.id === item.id) ?? false;
      return { ...s, refused, items: listed ? s.items : s.items.filter((i) => i.id !== item.id) };
    });
  const { pending, toggle } = useCellWrites(processId, rows, dropRow);
  const [focus, setFocus] = useState<{ item: string; step: string } | null>(null);
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  /** A cell to focus after the next render (a row just added). */
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    cells.current.get(focusNext.current)?.focus();
    focusNext.current = null;
  });

  if (processId === null) return <p className="report-state muted">{t('matrix.chooseProcess')}</p>;
  if (matrix.isPending) return <p className="report-state muted">{t('matrix.loading')}</p>;
  if (matrix.isError)
    return (
      <p className="report-state error-text">{t('matrix.loadFailed', { message: matrix.error.message })}</p>
    );
  const m = settled && shown.key === key ? withRows(matrix.data, shown.items) : matrix.data;
  const processLabel = processes.data?.find((p) => p.id === processId)?.label ?? '';
  const r0 = Math.max(
    0,
    m.items.findIndex((i) => i.id === focus?.item),
  );
  const c0 = Math.max(
    0,
    m.steps.findIndex((s) => s.id === focus?.step),
  );

  const valueAt = (r: number, c: number): MatrixCell =>
    pending.get(cellKey(m.steps[c]!.id, m.items[r]!.id)) ?? m.cells[r]?.[c] ?? 'none';
  const toggleAt = (r: number, c: number) => void toggle(m.steps[c]!, m.items[r]!, valueAt(r, c));

  const moveTo = (r: number, c: number) => {
    const item = m.items[Math.max(0, Math.min(m.items.length - 1, r))]!;
    const step = m.steps[Math.max(0, Math.min(m.steps.length - 1, c))]!;
    setFocus({ item: item.id, step: step.id });
    cells.current.get(cellKey(step.id, item.id))?.focus();
  };
  const addRow = (item: MatrixItem) => {
    if (!m.items.some((i) => i.id === item.id))
      setShown((s) => (s.key === key ? { ...s, items: [...s.items, item] } : s));
    const step = m.steps[0]!;
    setFocus({ item: item.id, step: step.id });
    focusNext.current = cellKey(step.id, item.id);
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
    else if (e.key === ' ' || e.key === 'Enter') toggleAt(r0, c0);
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
        <AddItemPicker
          templatesOnly={rows === 'templates'}
          rows={new Set(m.items.map((i) => i.id))}
          disabled={m.steps.length === 0 || !settled}
          onPick={addRow}
        />
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
                    const id = cellKey(step.id, item.id);
                    const isPending = pending.has(id);
                    return (
                      <td
                        key={step.id}
                        ref={(el) => {
                          if (el) cells.current.set(id, el);
                          else cells.current.delete(id);
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
                          setFocus({ item: item.id, step: step.id });
                          toggleAt(r, c);
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
