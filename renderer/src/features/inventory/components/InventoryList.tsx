import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { InventoryItem, NodeKind } from '../../../../../preload/contract';
import { useStrengthBands } from '../../../api/queries';
import enMap from '../../../i18n/locales/en/map.json';
import { StrengthChip } from '../../../ui/StrengthChip';
import { DataTable, type DataTableColumn } from '../../../ui/table/DataTable';
import { ExportButtons } from '../../reports/components/ExportButtons';
import { showOnMap } from '../../reports/navigate';
import { useInventoryList } from '../queries';
import { useListTitle, type ListRequest } from '../list-request';

type MapValue = keyof typeof enMap.values;

/**
 * The list behind one bucket (issue 8 item 5): `inventory:list` for the bucket's facet and key in the shared
 * virtualised table, sortable by every column, titled with the chart and the bucket clicked. A row (click, or
 * Enter on the active row) shows the node on the map, selected. Exported as CSV or XLSX through
 * `reports:export` { report: 'inventory', query }. Escape or the close button closes it.
 */
export function InventoryList({ request, onClose }: { request: ListRequest; onClose(): void }) {
  const { t, i18n } = useTranslation(['inventory', 'map', 'reports']);
  const query = useMemo(() => ({ facet: request.facet, key: request.key }), [request.facet, request.key]);
  const list = useInventoryList(query);
  const bands = useStrengthBands(true);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !document.querySelector('[aria-modal="true"]')) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const columns = useMemo<DataTableColumn<InventoryItem>[]>(() => {
    const value = (v: string | null) =>
      v === null ? '' : Object.hasOwn(enMap.values, v) ? t(`map:values.${v as MapValue}`) : v;
    const kind = (k: string) => (Object.hasOwn(enMap.kinds, k) ? t(`map:kinds.${k as NodeKind}`) : k);
    const today = new Date().toISOString().slice(0, 10);
    const list = (xs: string[]) => xs.join(i18n.language === 'zh-CN' ? '、' : ', ');
    const num = (
      id: 'importance' | 'holders' | 'capableHolders' | 'documents',
      width: string,
    ): DataTableColumn<InventoryItem> => ({
      id,
      header: t(`reports:columns.${id}`),
      cell: (r) => r[id] ?? '',
      sortValue: (r) => r[id],
      descFirst: true,
      width,
      align: 'end',
    });
    return [
      {
        id: 'label',
        header: t('reports:columns.name'),
        cell: (r) => (
          <span className="inv-label" title={r.label}>
            {r.label}
          </span>
        ),
        sortValue: (r) => r.label,
        width: 'minmax(120px, 1.5fr)',
      },
      {
        id: 'kind',
        header: t('reports:columns.kind'),
        cell: (r) => kind(r.kind),
        sortValue: (r) => kind(r.kind),
        width: 'minmax(0, 1.1fr)',
      },
      {
        id: 'form',
        header: t('reports:columns.form'),
        cell: (r) => value(r.form),
        sortValue: (r) => r.form && value(r.form),
        width: 'minmax(0, 0.7fr)',
      },
      {
        id: 'existence',
        header: t('reports:columns.existence'),
        cell: (r) => value(r.existence),
        sortValue: (r) => r.existence && value(r.existence),
        width: 'minmax(0, 0.9fr)',
      },
      {
        id: 'seci',
        header: t('reports:columns.seciStage'),
        cell: (r) => value(r.seciStage),
        sortValue: (r) => r.seciStage && value(r.seciStage),
        width: 'minmax(0, 0.9fr)',
      },
      num('importance', 'minmax(0, 0.9fr)'),
      {
        id: 'categories',
        header: t('reports:columns.categories'),
        cell: (r) => <span title={list(r.categories)}>{list(r.categories)}</span>,
        sortValue: (r) => (r.categories.length ? list(r.categories) : null),
        width: 'minmax(0, 1.1fr)',
      },
      {
        id: 'owners',
        header: t('reports:columns.owners'),
        cell: (r) => <span title={list(r.owners)}>{list(r.owners)}</span>,
        sortValue: (r) => (r.owners.length ? list(r.owners) : null),
        width: 'minmax(0, 1fr)',
      },
      num('holders', 'minmax(0, 0.7fr)'),
      num('capableHolders', 'minmax(0, 0.8fr)'),
      num('documents', 'minmax(0, 0.95fr)'),
      {
        id: 'reviewDue',
        header: t('reports:columns.reviewDue'),
        cell: (r) =>
          r.reviewDue === null ? (
            ''
          ) : (
            <span className={r.reviewDue < today ? 'inv-overdue' : undefined}>
              {r.reviewDue.slice(0, 10)}
            </span>
          ),
        sortValue: (r) => r.reviewDue,
        width: 'minmax(0, 1fr)',
      },
      {
        id: 'strength',
        header: t('reports:columns.strength'),
        cell: (r) =>
          r.strength === null ? (
            ''
          ) : (
            <StrengthChip strength={r.strength} band={bands.data?.get(r.id) ?? 'none'} />
          ),
        sortValue: (r) => r.strength,
        descFirst: true,
        width: 'minmax(0, 0.7fr)',
        align: 'center',
      },
      {
        id: 'health',
        header: t('reports:columns.health'),
        cell: (r) => (
          <span className="chips">
            {r.health.map((h) => (
              <span key={h} className={`chip inv-health-${h}`}>
                {t(`reports:inventory.health.${h}`)}
              </span>
            ))}
          </span>
        ),
        sortValue: (r) => (r.health.length ? r.health.length : null),
        descFirst: true,
        width: 'minmax(0, 1.9fr)',
      },
    ];
  }, [t, i18n.language, bands.data]);

  // Columns with nothing in any row (an expert list has no form, no holders…) and the kind of a kind's list are
  // left out, so the columns that say something get the room; every header carries its full text as a title.
  const shown = useMemo(() => {
    const rows = list.data ?? [];
    return columns
      .filter((c) => (c.id === 'kind' ? request.facet !== 'kind' : rows.some((r) => !blank(c.id, r))))
      .map((c) => ({ ...c, headerTitle: typeof c.header === 'string' ? c.header : undefined }));
  }, [columns, list.data, request.facet]);

  const title = useListTitle(request);
  return (
    <section className="inv-list" data-testid="inventory-list" aria-label={title}>
      <header className="inv-list-head">
        <h3 data-testid="inventory-list-title">{title}</h3>
        {list.data && (
          <span className="muted" role="status" data-testid="inventory-list-count">
            {t('inventory:list.count', { count: list.data.length })}
          </span>
        )}
        <span className="muted small">{t('inventory:list.rowHint')}</span>
        <span className="spacer" />
        <ExportButtons request={{ report: 'inventory', query }} />
        <button onClick={onClose} data-testid="inventory-list-close" title={t('inventory:list.closeHint')}>
          {t('inventory:list.close')}
        </button>
      </header>
      {list.isPending ? (
        <p className="muted inv-state">{t('inventory:list.loading')}</p>
      ) : list.isError ? (
        <p className="error-text inv-state">
          {t('inventory:list.loadFailed', { message: list.error.message })}
        </p>
      ) : (
        <div className="inv-list-table">
          <DataTable
            rows={list.data}
            columns={shown}
            getRowId={rowId}
            onOpen={openOnMap}
            ariaLabel={title}
            rowHeight={36}
            empty={t('inventory:list.empty')}
            testId="inventory-table"
          />
        </div>
      )}
    </section>
  );
}

/** True when row `r` has nothing to show in column `id` (null, or an empty list). */
function blank(id: string, r: InventoryItem): boolean {
  if (id === 'label') return false;
  if (id === 'seci') return r.seciStage === null;
  const v = (r as unknown as Record<string, unknown>)[id];
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0);
}

// Module-level, so the table's memoised rows keep their props from one render to the next.
const rowId = (r: InventoryItem) => r.id;
const openOnMap = (r: InventoryItem) => showOnMap(r.id);
