/**
 * The weekly trend of the inventory (`inventory:trend`) as an ECharts line chart: one line per count, each with
 * its own symbol and dash as well as its Okabe–Ito colour, the weeks (their Mondays) along the bottom.
 */
import type { TrendPoint } from '../../../../preload/contract';
import type { ChartOption } from '../../ui/charts/useEChart';
import type { ChartColours } from './chart-options';
import { trendColours } from './palette';

/** The counts drawn, in legend order. */
export const TREND_SERIES = ['knowledge', 'explicit', 'tacit', 'documented', 'experts'] as const;
export type TrendSeries = (typeof TREND_SERIES)[number];

const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'roundRect'] as const;
const DASHES = ['solid', 'solid', 'dashed', 'dotted', 'solid'] as const;

/**
 * The line chart of `points` (oldest first). `names` translates each series; `weekLabel` formats a week's Monday
 * (YYYY-MM-DD) for the axis. The legend sits on top; the grid leaves room for the rotated-free week labels.
 */
export function trendOption(
  points: readonly TrendPoint[],
  opts: {
    names: Record<TrendSeries, string>;
    weekLabel: (week: string) => string;
    colours: ChartColours;
    dark: boolean;
  },
): ChartOption {
  const { colours: c } = opts;
  const palette = trendColours(opts.dark);
  return {
    // No animation: the hook sets every option with notMerge, so each graph change (live refetch) or language
    // switch would grow every chart again from zero, and a click during that growth misses its bar.
    animation: false,
    grid: { left: 44, right: 28, top: 40, bottom: 28, outerBoundsMode: 'none' },
    legend: { top: 4, textStyle: { color: c.text }, itemGap: 14 },
    tooltip: {
      trigger: 'axis',
      backgroundColor: c.panel,
      borderColor: c.border,
      textStyle: { color: c.text },
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: points.map((p) => opts.weekLabel(p.week)),
      axisLabel: { color: c.muted, hideOverlap: true },
      axisLine: { lineStyle: { color: c.border } },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: c.muted },
      splitLine: { lineStyle: { color: c.border } },
    },
    series: TREND_SERIES.map((s, i) => ({
      type: 'line' as const,
      name: opts.names[s],
      data: points.map((p) => p[s]),
      symbol: SYMBOLS[i],
      symbolSize: 6,
      lineStyle: { width: 2, type: DASHES[i], color: palette[i] },
      itemStyle: { color: palette[i] },
    })),
  };
}
