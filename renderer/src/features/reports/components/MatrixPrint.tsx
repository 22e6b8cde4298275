import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { MatrixCell, StepMatrix } from '../../../../../preload/contract';
import { CELL_SYMBOL } from '../bands';

/**
 * The print copy of the step × knowledge matrix: a plain table in a portal under `<body>`, hidden on screen. When
 * printing, reports.css hides everything else and lays it out on A4 landscape pages (named page
 * `report-landscape`), the table at full width with fixed columns, the header row repeated on each page.
 */
export function MatrixPrint({
  matrix: m,
  processLabel,
  rows,
  valueAt,
}: {
  matrix: StepMatrix;
  processLabel: string;
  rows: 'all' | 'templates';
  valueAt(r: number, c: number): MatrixCell;
}) {
  const { t, i18n } = useTranslation('reports');
  const date = new Date().toLocaleDateString(i18n.language);
  const itemWidth = m.steps.length > 10 ? 18 : 24;
  return createPortal(
    <div className="report-print" aria-hidden="true" data-testid="matrix-print-copy">
      <h1>{t('matrix.printTitle', { process: processLabel })}</h1>
      <p>
        {t('matrix.printedOn', { date, rows: t(rows === 'all' ? 'matrix.rowsAll' : 'matrix.rowsTemplates') })}
        {' · '}
        {t('matrix.symbols')}
      </p>
      <table>
        <colgroup>
          <col style={{ width: `${itemWidth}%` }} />
          {m.steps.map((s) => (
            <col key={s.id} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th>{t('columns.item')}</th>
            {m.steps.map((s) => (
              <th key={s.id}>{`${s.order}. ${s.label}`}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {m.items.map((item, r) => (
            <tr key={item.id}>
              <th>{item.label}</th>
              {m.steps.map((s, c) => {
                const cell = valueAt(r, c);
                return (
                  <td key={s.id} className={`cell-${cell}`}>
                    {cell === 'none' ? '' : `${CELL_SYMBOL[cell]} ${t(`cells.${cell}`)}`}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>,
    document.body,
  );
}
