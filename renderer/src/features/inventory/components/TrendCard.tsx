import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartClick } from '../../../ui/charts/useEChart';
import { useEChart } from '../../../ui/charts/useEChart';
import { CHART_HEIGHT_PX } from '../chart-layout';
import { useInventoryTrend } from '../queries';
import { saveSvg } from '../save-svg';
import { TREND_SERIES, trendOption, type TrendSeries } from '../trend-option';
import { useChartColours } from '../../../ui/charts/use-chart-colours';
import type { ListRequest } from '../list-request';

const WEEKS = [12, 26, 52] as const;

/** The list each line leads to today (the documented count has no bucket of its own). */
const SERIES_LIST: Record<TrendSeries, { facet: 'kind' | 'form'; key: string } | null> = {
  knowledge: { facet: 'kind', key: 'knowledge' },
  explicit: { facet: 'form', key: 'explicit' },
  tacit: { facet: 'form', key: 'tacit' },
  documented: null,
  experts: { facet: 'kind', key: 'expert' },
};

/**
 * The weekly trend (`inventory:trend`, rebuilt by the core from the history log): five lines over 12, 26 or 52
 * weeks, a note saying since when the history is kept, an SVG export (with the title, `subtitle` — the count
 * date — and that note above the chart; the lines' legend is the option's own). A click on a point opens today's list of
 * that line (the past weeks' items are not kept as lists).
 */
export function TrendCard({ onOpen, subtitle }: { onOpen(request: ListRequest): void; subtitle: string }) {
  const { t, i18n } = useTranslation('inventory');
  const [weeks, setWeeks] = useState<number>(26);
  const trend = useInventoryTrend(weeks);
  const { colours, dark } = useChartColours();
  const title = t('charts.trend');

  const names = useMemo(
    () => Object.fromEntries(TREND_SERIES.map((s) => [s, t(`trend.${s}`)])) as Record<TrendSeries, string>,
    [t],
  );
  const option = useMemo(() => {
    const fmt = new Intl.DateTimeFormat(i18n.language, { month: 'numeric', day: 'numeric' });
    return {
      ...trendOption(trend.data?.points ?? [], {
        names,
        weekLabel: (w) => fmt.format(new Date(`${w}T00:00:00`)),
        colours,
        dark,
      }),
      backgroundColor: colours.panel,
    };
  }, [trend.data, names, colours, dark, i18n.language]);

  const onClick = useCallback(
    (c: ChartClick) => {
      const s = TREND_SERIES.find((x) => names[x] === c.seriesName);
      const target = s ? SERIES_LIST[s] : null;
      if (s && target) onOpen({ ...target, label: names[s], from: { trend: s } });
    },
    [names, onOpen],
  );
  const { ref, toSvg } = useEChart(option, onClick);

  const historyFrom = trend.data?.historyFrom;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const note =
    trend.data === undefined
      ? t('trend.loading')
      : historyFrom
        ? t('trend.historyFrom', { date: date.format(new Date(historyFrom)) })
        : t('trend.noHistory');

  return (
    <section className="inv-card inv-chart inv-trend" data-testid="chart-trend" aria-label={title}>
      <header className="inv-card-head">
        <h3>{title}</h3>
        <label className="small">
          {t('trend.weeks')}{' '}
          <select value={weeks} onChange={(e) => setWeeks(Number(e.target.value))} data-testid="trend-weeks">
            {WEEKS.map((w) => (
              <option key={w} value={w}>
                {t('trend.weekCount', { count: w })}
              </option>
            ))}
          </select>
        </label>
        <button
          className="small"
          onClick={() =>
            void saveSvg(
              toSvg(Math.round(ref.current?.clientWidth ?? 0) || 800, CHART_HEIGHT_PX, {
                title,
                subtitle,
                caption: note,
                colours: { ...colours, background: colours.panel },
              }),
              'inventory-trend.svg',
            )
          }
          title={t('chart.exportSvgTitle', { chart: title })}
          data-testid="svg-trend"
        >
          {t('chart.exportSvg')}
        </button>
      </header>
      <p className="muted small inv-note" data-testid="trend-note">
        {note}
      </p>
      {trend.isError ? (
        <p className="error-text">{t('trend.loadFailed', { message: trend.error.message })}</p>
      ) : null}
      <div
        ref={ref}
        className="inv-chart-canvas"
        data-testid="canvas-trend"
        style={{ height: CHART_HEIGHT_PX }}
      />
    </section>
  );
}
