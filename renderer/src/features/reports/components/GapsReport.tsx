import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GAP_REASONS, type GapReason, type GapRow } from '../../../../../preload/contract';
import { reasonKey } from '../bands';
import { GAP_COLUMNS, nextSort, sortGaps, type GapColumn, type GapSort } from '../gap-sort';
import { showOnMap } from '../navigate';
import { useGaps } from '../queries';
import { ExportButtons } from './ExportButtons';
import '../reports.css';
import { StrengthChip } from '../../../ui/StrengthChip';

/**
 * The gaps report (issue 7 item 5): required knowledge that is weak, undocumented, held by nobody at proficiency
 * ≥ 3, by one person only, or tacit only, one row per step and item. Sortable by every column (click or Enter on
 * a header; `aria-sort`), filtered by reason, with a count summary; each row goes to the map or the pipeline;
 * exported as CSV or XLSX. `processId` null: every process (a process column is shown). `onOpenStep` is how the
 * view that hosts the report opens a step in its pipeline (the processes view passes it; without it the row has
 * no such action).
 */
export function GapsReport({
  processId,
  onOpenStep,
}: {
  processId: string | null;
  onOpenStep?: (processId: string, stepId: string) => void;
}) {
  const { t, i18n } = useTranslation('reports');
  const gaps = useGaps(processId);
  const [sort, setSort] = useState<GapSort>(null);
  const [reason, setReason] = useState<GapReason | 'all'>('all');

  const collator = useMemo(() => new Intl.Collator(i18n.language), [i18n.language]);
  const rows = useMemo(() => {
    const all = gaps.data ?? [];
    const filtered = reason === 'all' ? all : all.filter((r) => r.reasons.includes(reason));
    return sortGaps(filtered, sort, collator);
  }, [gaps.data, reason, sort, collator]);
  const reasonCounts = useMemo(() => {
    const counts = new Map<GapReason, number>();
    for (const r of gaps.data ?? []) for (const x of r.reasons) counts.set(x, (counts.get(x) ?? 0) + 1);
    return counts;
  }, [gaps.data]);

  if (gaps.isPending) return <p className="report-state muted">{t('gaps.loading')}</p>;
  if (gaps.isError)
    return <p className="report-state error-text">{t('gaps.loadFailed', { message: gaps.error.message })}</p>;

  const columns = GAP_COLUMNS.filter((c) => c !== 'process' || processId === null);
  // Each number takes its own plural form (i18next `_one` / `_other` on `count`).
  const summary = t('gaps.summary', {
    count: rows.length,
    items: t('gaps.summaryItems', { count: new Set(rows.map((r) => r.itemId)).size }),
    steps: t('gaps.summarySteps', { count: new Set(rows.map((r) => r.stepId)).size }),
  });

  return (
    <section className="report gaps-report" data-testid="gaps-report" aria-label={t('gaps.title')}>
      <div className="report-toolbar">
        <label>
          {t('gaps.filterLabel')}{' '}
          <select
            value={reason}
            onChange={(e) => setReason(e.target.value as GapReason | 'all')}
            data-testid="gaps-filter"
          >
            <option value="all">{t('gaps.filterAll')}</option>
            {GAP_REASONS.map((r) => (
              <option key={r} value={r}>
                {`${t(`reasons.${reasonKey(r)}`)} (${reasonCounts.get(r) ?? 0})`}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" data-testid="gaps-summary" role="status">
          {summary}
        </span>
        <span className="spacer" />
        <ExportButtons request={processId ? { report: 'gaps', processId } : { report: 'gaps' }} />
      </div>
      {(gaps.data ?? []).length === 0 ? (
        <p className="report-state muted">{t('gaps.empty')}</p>
      ) : rows.length === 0 ? (
        <p className="report-state muted">{t('gaps.emptyFiltered')}</p>
      ) : (
        <div className="report-scroll">
          <table className="report-table" data-testid="gaps-table">
            <thead>
              <tr>
                {columns.map((c) => (
                  <SortHeader key={c} column={c} sort={sort} onSort={(col) => setSort(nextSort(sort, col))} />
                ))}
                <th scope="col">{t('columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <GapTableRow
                  key={`${r.stepId}|${r.itemId}`}
                  row={r}
                  showProcess={processId === null}
                  onOpenStep={onOpenStep}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const NUMERIC: ReadonlySet<GapColumn> = new Set(['strength', 'holders', 'capableHolders', 'documents']);

/** A column header with a sort button (Enter/Space sort it natively); `aria-sort` on the header cell. */
function SortHeader({
  column,
  sort,
  onSort,
}: {
  column: GapColumn;
  sort: GapSort;
  onSort(c: GapColumn): void;
}) {
  const { t } = useTranslation('reports');
  const active = sort?.column === column;
  const label = t(`columns.${column}`);
  return (
    <th
      scope="col"
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={NUMERIC.has(column) ? 'num' : undefined}
    >
      <button
        className="sort-button"
        onClick={() => onSort(column)}
        title={t('gaps.sortBy', { column: label })}
        data-testid={`sort-${column}`}
      >
        {label}
        <span className="sort-mark" aria-hidden="true">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** One gap: step, item, strength with its band colour, reasons as chips, holders, documents, and two actions. */
function GapTableRow({
  row: r,
  showProcess,
  onOpenStep,
}: {
  row: GapRow;
  showProcess: boolean;
  onOpenStep?: (processId: string, stepId: string) => void;
}) {
  const { t } = useTranslation('reports');
  return (
    <tr data-testid="gap-row" data-item-id={r.itemId} data-step-id={r.stepId}>
      {showProcess && <td>{r.processLabel}</td>}
      <td className="gap-step">
        <span className="muted">{`${r.stepOrder}. `}</span>
        {r.stepLabel}
      </td>
      <td className="gap-item">{r.itemLabel}</td>
      <td className="num">
        <span data-testid="gap-strength">
          <StrengthChip strength={r.strength} band={r.band} />
        </span>
      </td>
      <td>
        <span className="chips">
          {r.reasons.map((x) => (
            <span key={x} className={`chip reason-${x}`}>
              {t(`reasons.${reasonKey(x)}`)}
            </span>
          ))}
        </span>
      </td>
      <td className="num">{r.holders}</td>
      <td className="num">{r.capableHolders}</td>
      <td className="num">
        {r.documents}
        {r.candidatePages > 0 && (
          <div className="candidates small">{t('gaps.candidates', { count: r.candidatePages })}</div>
        )}
      </td>
      <td className="actions">
        <button className="link" onClick={() => showOnMap(r.itemId)} data-testid="gap-show-on-map">
          {t('gaps.showOnMap')}
        </button>
        {onOpenStep && (
          <button
            className="link"
            onClick={() => onOpenStep(r.processId, r.stepId)}
            data-testid="gap-open-step"
          >
            {t('gaps.openInPipeline')}
          </button>
        )}
      </td>
    </tr>
  );
}
