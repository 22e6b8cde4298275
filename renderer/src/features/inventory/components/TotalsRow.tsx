import { useTranslation } from 'react-i18next';
import type { InventorySummary } from '../../../../../preload/contract';
import type { ListRequest } from '../list-request';
import { TOTALS, totalOf } from '../totals';

/** The header row of totals (issue 8 item 5): seven cards, each a button opening its list. */
export function TotalsRow({
  summary,
  onOpen,
}: {
  summary: InventorySummary;
  onOpen(request: ListRequest): void;
}) {
  const { t } = useTranslation('inventory');
  return (
    <ul className="inv-totals" aria-label={t('totals.label')}>
      {TOTALS.map((x) => {
        const label = t(`totals.${x.id}`);
        return (
          <li key={x.id}>
            <button
              className={`inv-total inv-total-${x.id}`}
              data-testid={`total-${x.id}`}
              title={t('totals.open', { what: label })}
              onClick={() => onOpen({ facet: x.facet, key: x.key, label, from: { total: x.id } })}
            >
              <span className="inv-total-value" data-testid={`total-${x.id}-value`}>
                {totalOf(summary, x.id)}
              </span>
              <span className="inv-total-label">{label}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
