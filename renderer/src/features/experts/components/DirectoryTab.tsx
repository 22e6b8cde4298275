import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpertRow, RiskBand } from '../../../../../preload/contract';
import { DataTable, type DataTableColumn } from '../../../ui/table/DataTable';
import { tableCollator } from '../../../ui/table/compare';
import { departmentsOf, filterExperts } from '../filter';
import { useDirectory } from '../queries';
import { RISK_BANDS } from '../risk-bands';
import { useExpertsStore } from '../store';
import { ExpertCards } from './ExpertCards';
import { RiskChip } from './RiskChip';

/**
 * The expert directory: a filter box (name, alias, title, department), department and risk-band filters, and the
 * experts as a sortable virtualised table or as cards; a row or card opens the profile. With no sort chosen the
 * rows keep the API's order, which is the risk ranking's (experts:risk rank: total, then its tie-breaks), so the
 * default "by risk" order is the ranking's; nothing here re-sorts by total (ties would then differ).
 */
export function DirectoryTab() {
  const { t, i18n } = useTranslation('experts');
  const dir = useDirectory();
  const { filter, department, band, layout, profileId, sort, set, openProfile } = useExpertsStore();
  const all = useMemo(() => dir.data ?? [], [dir.data]);
  const rows = useMemo(
    () => filterExperts(all, { text: filter, department, band }),
    [all, filter, department, band],
  );
  const departments = useMemo(() => departmentsOf(all, tableCollator(i18n.language)), [all, i18n.language]);
  const columns = useColumns();

  if (dir.isError) return <p className="error-text">{dir.error.message}</p>;
  if (dir.isPending)
    return (
      <p className="muted" role="progressbar">
        {t('loading')}
      </p>
    );
  if (all.length === 0)
    return (
      <div className="empty-view" data-testid="experts-empty">
        <div className="empty-card">
          <h2>{t('directory.emptyTitle')}</h2>
          <p>{t('directory.emptyHint')}</p>
        </div>
      </div>
    );

  return (
    <div className="experts-directory">
      <div className="experts-toolbar">
        <input
          type="search"
          value={filter}
          placeholder={t('directory.filter')}
          aria-label={t('directory.filter')}
          data-testid="directory-filter"
          onChange={(e) => set({ filter: e.target.value })}
        />
        <select
          value={department}
          aria-label={t('directory.department')}
          data-testid="directory-department"
          onChange={(e) => set({ department: e.target.value })}
        >
          <option value="">{t('directory.allDepartments')}</option>
          {departments.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        <select
          value={band}
          aria-label={t('directory.band')}
          data-testid="directory-band"
          onChange={(e) => set({ band: e.target.value as RiskBand | '' })}
        >
          <option value="">{t('directory.allBands')}</option>
          {RISK_BANDS.map((b) => (
            <option key={b} value={b}>
              {t(`band.${b}`)}
            </option>
          ))}
        </select>
        <span className="muted" data-testid="directory-count">
          {t('directory.count', { shown: rows.length, total: all.length })}
        </span>
        <span className="spacer" />
        <div className="group" role="group" aria-label={t('directory.layout')}>
          {(['table', 'cards'] as const).map((l) => (
            <button
              key={l}
              className={layout === l ? 'pressed' : ''}
              aria-pressed={layout === l}
              data-testid={`layout-${l}`}
              onClick={() => set({ layout: l })}
            >
              {t(`directory.${l}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="experts-directory-body">
        {layout === 'table' ? (
          <DataTable
            rows={rows}
            columns={columns}
            getRowId={(r) => r.id}
            onOpen={(r) => openProfile(r.id)}
            ariaLabel={t('directory.title')}
            testId="directory"
            rowHeight={44}
            fixedRows
            selectedId={profileId}
            initialSort={sort}
            onSortChange={(s) => set({ sort: s })}
            empty={t('directory.noMatch')}
          />
        ) : (
          <ExpertCards rows={rows} onOpen={(r) => openProfile(r.id)} selectedId={profileId} />
        )}
      </div>
    </div>
  );
}

/** The directory's columns in the UI language. */
function useColumns(): DataTableColumn<ExpertRow>[] {
  const { t, i18n } = useTranslation('experts');
  return useMemo<DataTableColumn<ExpertRow>[]>(
    () => [
      {
        id: 'name',
        header: t('col.name'),
        width: 'minmax(150px, 2fr)',
        minWidth: 150,
        sortValue: (r) => r.label,
        cell: (r) => (
          <span className="expert-name">
            <span className="kind-dot kind-expert" />
            <span>
              <strong>{r.label}</strong>
              {r.aliases.length > 0 && <span className="muted small aliases"> {r.aliases.join(' · ')}</span>}
            </span>
          </span>
        ),
      },
      {
        id: 'title',
        header: t('col.title'),
        width: 'minmax(90px, 1.2fr)',
        sortValue: (r) => r.title,
        cell: (r) => r.title ?? '—',
      },
      {
        id: 'department',
        header: t('col.department'),
        width: 'minmax(90px, 1.2fr)',
        minWidth: 90,
        sortValue: (r) => r.department,
        cell: (r) => r.department ?? '—',
      },
      ...(
        [
          ['items', (r: ExpertRow) => r.items],
          ['capableItems', (r: ExpertRow) => r.capableItems],
          ['soleItems', (r: ExpertRow) => r.soleItems],
          ['consultedBy', (r: ExpertRow) => r.consultedBy],
          ['attrition', (r: ExpertRow) => r.attrition],
          ['position', (r: ExpertRow) => r.position],
        ] as const
      ).map(([id, get]) => ({
        id,
        header: t(`col.${id}`),
        headerTitle: t(`colTitle.${id}`),
        width: '64px',
        minWidth: 64,
        align: 'end' as const,
        descFirst: true,
        sortValue: get,
        cell: (r: ExpertRow) => get(r),
      })),
      {
        id: 'total',
        header: t('col.total'),
        headerTitle: t('colTitle.total'),
        width: '72px',
        minWidth: 72,
        align: 'end',
        descFirst: true,
        sortValue: (r) => r.total,
        cell: (r) => <RiskChip total={r.total} band={r.band} />,
      },
    ],
    // The language is a dependency: headers are translated strings.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language],
  );
}
