/**
 * The inventory's bar and donut charts as ECharts options (pure: no React, no DOM). Each data item carries the
 * bucket `key` that `inventory:list` takes back, so a click on a bar or slice knows which list to open; the grid
 * sits exactly at the margins of chart-layout.ts.
 */
import type { ChartColours } from '../../ui/charts/use-chart-colours';
import type { ChartOption } from '../../ui/charts/useEChart';
import { HORIZONTAL_GRID, HORIZONTAL_LABEL_WIDTH } from './chart-layout';
import { topBuckets } from './top-buckets';

/** One bar or slice: the bucket key (null: "none recorded"), the translated name, the count. */
export interface ChartDatum {
  key: string | null;
  name: string;
  value: number;
  /** True for the "others" bar of a chart cut to its top buckets; it has no list of its own. */
  others?: boolean;
  /** A colour of its own (the donut's slices); bars take the chart's colour otherwise. */
  colour?: string;
}

export type { ChartColours } from '../../ui/charts/use-chart-colours';

/** What a data item looks like inside the option: ECharts keeps unknown fields, so the click gets `key` back. */
export interface DataItem {
  value: number;
  name: string;
  key: string | null;
  others: boolean;
  itemStyle?: { color: string };
}

function item(d: ChartDatum): DataItem {
  return {
    value: d.value,
    name: d.name,
    key: d.key,
    others: d.others ?? false,
    ...(d.colour ? { itemStyle: { color: d.colour } } : {}),
  };
}

/** The bucket of a clicked data item, or null when the item is not one of ours (or is an "others" bar). */
export function clickedBucket(data: unknown): { key: string | null; name: string } | null {
  if (typeof data !== 'object' || data === null || !('key' in data) || !('name' in data)) return null;
  const d = data as Partial<DataItem>;
  if (d.others) return null;
  if (d.key !== null && typeof d.key !== 'string') return null;
  return { key: d.key ?? null, name: String(d.name) };
}

/** True when the clicked data item is the "others" bar. */
export function clickedOthers(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as Partial<DataItem>).others === true;
}

/**
 * A bar chart of `data` in one colour, bars lying down (first bucket on top, labels cut with "…" at
 * HORIZONTAL_LABEL_WIDTH px, the whole label in the tooltip and on the bucket's button), each bar labelled with
 * its count. `seriesName` is what the tooltip calls the series.
 */
export function barOption(
  data: readonly ChartDatum[],
  opts: { colour: string; colours: ChartColours; seriesName: string },
): ChartOption {
  const { colours: c } = opts;
  return {
    // No animation: the hook sets every option with notMerge, so each graph change (live refetch) or language
    // switch would grow every chart again from zero, and a click during that growth misses its bar.
    animation: false,
    grid: { ...HORIZONTAL_GRID, outerBoundsMode: 'none' },
    tooltip: {
      trigger: 'item',
      backgroundColor: c.panel,
      borderColor: c.border,
      textStyle: { color: c.text },
    },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: c.muted },
      splitLine: { lineStyle: { color: c.border } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: data.map((d) => d.name),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: c.border } },
      axisLabel: { color: c.text, width: HORIZONTAL_LABEL_WIDTH, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: opts.seriesName,
        data: data.map(item),
        itemStyle: { color: opts.colour, borderRadius: [0, 3, 3, 0] },
        barMaxWidth: 22,
        cursor: 'pointer',
        label: { show: true, position: 'right', color: c.text, fontSize: 11 },
      },
    ],
  };
}

/**
 * A donut of `data` (each datum in its own `colour`), legend-free, each slice labelled with its name over its
 * count (two short lines fit beside the ring where "explicit: 77" on one line was cut at the card's edge).
 */
export function donutOption(
  data: readonly ChartDatum[],
  opts: { colours: ChartColours; seriesName: string },
): ChartOption {
  const { colours: c } = opts;
  return {
    // No animation: the hook sets every option with notMerge, so each graph change (live refetch) or language
    // switch would grow every chart again from zero, and a click during that growth misses its bar.
    animation: false,
    tooltip: {
      trigger: 'item',
      backgroundColor: c.panel,
      borderColor: c.border,
      textStyle: { color: c.text },
    },
    series: [
      {
        type: 'pie',
        name: opts.seriesName,
        radius: ['36%', '60%'],
        center: ['50%', '50%'],
        avoidLabelOverlap: true,
        cursor: 'pointer',
        itemStyle: { borderColor: c.panel, borderWidth: 2 },
        label: { color: c.text, formatter: '{b}\n{c}', lineHeight: 15 },
        labelLine: { lineStyle: { color: c.muted } },
        data: data.map(item),
      },
    ],
  };
}

/**
 * The owners' bars: the first `top` (the core sends them by count, highest first), then one "others" bar
 * summing the rest (topBuckets), the "unowned" bucket (key null) last and never folded. Counts are summed as
 * they are: an item with two owners counts in both, as in the other bars.
 */
export function topWithOthers(
  data: readonly ChartDatum[],
  top: number,
  othersName: (count: number) => string,
): ChartDatum[] {
  return topBuckets(
    data,
    top,
    (rest) => ({
      key: null,
      name: othersName(rest.length),
      value: rest.reduce((s, d) => s + d.value, 0),
      others: true,
    }),
    (d) => d.key === null,
  );
}
