import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InventoryBucket, InventoryFacet, InventorySummary } from '../../../../../preload/contract';
import { useWorkspaceInfo } from '../../../api/queries';
import { useAppStore } from '../../../app/store';
import type { ChartOption } from '../../../ui/charts/useEChart';
import { useBucketName } from '../bucket-names';
import { CHART_HEIGHT_PX, horizontalChartHeight } from '../chart-layout';
import { barOption, donutOption, topWithOthers, type ChartColours, type ChartDatum } from '../chart-options';
import { barColour, formColour, HEALTH_COLOUR } from '../palette';
import { useInventorySummary } from '../queries';
import { useChartColours } from '../../../ui/charts/use-chart-colours';
import type { ListRequest } from '../list-request';
import { ChartCard } from './ChartCard';
import { InventoryList } from './InventoryList';
import { TotalsRow } from './TotalsRow';
import { TrendCard } from './TrendCard';
import '../inventory.css';

/** Owners drawn one by one before the rest are summed into "others". */
const TOP_OWNERS = 10;

interface ChartSpec {
  facet: InventoryFacet;
  title: string;
  option: ChartOption;
  height: number;
  buckets: ChartDatum[];
  collapseAfter?: number;
  note?: string;
  legend?: Array<{ label: string; colour: string }>;
}

/**
 * The knowledge inventory dashboard (知识盘点, issue 8 item 5): totals as cards; charts by kind, category, form,
 * existence, owner, SECI stage and health, and the weekly trend; a click on any bar, slice, card or bucket button
 * opens the list behind it in a panel docked under the charts. Empty, loading and error states of its own.
 */
export function InventoryView() {
  const { t, i18n } = useTranslation('inventory');
  const summary = useInventorySummary();
  const [open, setOpen] = useState<ListRequest | null>(null);
  const close = useCallback(() => setOpen(null), []);
  const setView = useAppStore((s) => s.setView);
  const workspace = useWorkspaceInfo().data?.name;
  const { colours, dark } = useChartColours();
  const name = useBucketName();

  const charts = useMemo(
    () => (summary.data ? chartSpecs(summary.data, { t, name, colours, dark }) : []),
    [summary.data, t, name, colours, dark],
  );

  if (summary.isPending)
    return (
      <div className="inventory-view" data-testid="inventory-view">
        <p className="muted inv-state" data-testid="inventory-loading">
          {t('loading')}
        </p>
      </div>
    );
  if (summary.isError)
    return (
      <div className="inventory-view" data-testid="inventory-view">
        <div className="inv-state">
          <p className="error-text">{t('loadFailed', { message: summary.error.message })}</p>
          <button onClick={() => void summary.refetch()}>{t('retry')}</button>
        </div>
      </div>
    );

  const s = summary.data;
  // asOf is the day counted (YYYY-MM-DD, local), or an ISO time: a day is shown without a time of day.
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(s.asOf)
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(`${s.asOf}T00:00:00`))
    : new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(
        new Date(s.asOf),
      );
  // The exported charts' line under their title: which workspace, counted when.
  const subtitle = [workspace, t('asOf', { date: asOf })].filter(Boolean).join(' · ');
  return (
    <div className={`inventory-view${open ? ' with-list' : ''}`} data-testid="inventory-view">
      <div className="inv-dashboard">
        <header className="inv-head">
          <h2>{t('title')}</h2>
          <span className="muted" data-testid="inventory-as-of">
            {t('asOf', { date: asOf })}
          </span>
          {/* The last counts stay on screen while the analytics worker counts the changed graph (issue 12). */}
          {summary.isFetching ? (
            <span className="muted" role="status" data-testid="inventory-computing">
              {t('computing')}
            </span>
          ) : null}
        </header>
        <TotalsRow summary={s} onOpen={setOpen} />
        {s.knowledgeItems === 0 ? (
          <div className="inv-empty empty-card" data-testid="inventory-empty">
            <h3>{t('empty.title')}</h3>
            <p>{t('empty.body')}</p>
            <button className="primary" onClick={() => setView('map')}>
              {t('empty.goMap')}
            </button>
          </div>
        ) : (
          <div className="inv-charts">
            {charts.map((c) => (
              <ChartCard key={c.facet} {...c} subtitle={subtitle} open={open} onOpen={setOpen} />
            ))}
            <TrendCard onOpen={setOpen} subtitle={subtitle} />
          </div>
        )}
      </div>
      {open && <InventoryList request={open} onClose={close} />}
    </div>
  );
}

/** The seven bucket charts of one summary, named and coloured. */
function chartSpecs(
  s: InventorySummary,
  ctx: {
    t: ReturnType<typeof useTranslation<'inventory'>>['t'];
    name: ReturnType<typeof useBucketName>;
    colours: ChartColours;
    dark: boolean;
  },
): ChartSpec[] {
  const { t, name, colours, dark } = ctx;
  const data = (facet: InventoryFacet, buckets: InventoryBucket[]): ChartDatum[] =>
    buckets.map((b) => ({ key: b.key, name: name(facet, b), value: b.count }));
  const bar = (facet: InventoryFacet, d: ChartDatum[], colour = barColour(dark)) => ({
    ...barOption(d, { colour, colours, seriesName: t(`charts.${facet}`) }),
    backgroundColor: colours.panel,
  });

  const kind = data('kind', s.byKind);
  const category = data('category', s.byCategory);
  const form = data('form', s.byForm).map((d) => ({ ...d, colour: formColour(d.key, dark) }));
  const existence = data('existence', s.byExistence);
  const owner = data('owner', s.byOwner);
  const ownerBars = topWithOthers(owner, TOP_OWNERS, (count) => t('chart.others', { count }));
  const seci = data('seci', s.bySeci);
  const health = data('health', s.health);

  // Column order (the cards flow down CSS columns): the small charts first, the tall owners chart last.
  return [
    {
      facet: 'kind',
      title: t('charts.kind'),
      option: bar('kind', kind),
      height: horizontalChartHeight(kind.length),
      buckets: kind,
    },
    {
      facet: 'form',
      title: t('charts.form'),
      option: {
        ...donutOption(form, { colours, seriesName: t('charts.form') }),
        backgroundColor: colours.panel,
      },
      height: CHART_HEIGHT_PX,
      buckets: form,
      legend: form.map((d) => ({ label: `${d.name} ${d.value}`, colour: d.colour ?? colours.text })),
    },
    {
      facet: 'category',
      title: t('charts.category'),
      option: bar('category', category),
      height: horizontalChartHeight(category.length),
      buckets: category,
      note: t('notes.category'),
    },
    {
      facet: 'existence',
      title: t('charts.existence'),
      option: bar('existence', existence),
      height: horizontalChartHeight(existence.length),
      buckets: existence,
    },
    {
      facet: 'seci',
      title: t('charts.seci'),
      option: bar('seci', seci),
      height: horizontalChartHeight(seci.length),
      buckets: seci,
    },
    {
      facet: 'health',
      title: t('charts.health'),
      option: bar('health', health, HEALTH_COLOUR),
      height: horizontalChartHeight(health.length),
      buckets: health,
      note: t('notes.health'),
    },
    {
      facet: 'owner',
      title: t('charts.owner'),
      option: bar('owner', ownerBars),
      height: horizontalChartHeight(ownerBars.length),
      buckets: owner,
      collapseAfter: TOP_OWNERS,
      note: t('notes.owner'),
    },
  ];
}
