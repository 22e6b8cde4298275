/**
 * Apache ECharts, tree-shaken (TECH-NOTES: import from `echarts/core` with only what is used): the bar, pie,
 * line, heat-map and radar charts with grid, tooltip, legend, title, visual map and dataset components, drawn on
 * canvas on screen and as SVG for export. The only renderer module that imports echarts (eslint enforces it).
 */
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, PieChart, RadarChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { withSvgHeader, type SvgHeader } from './svg-header';
import type { ComposeOption } from 'echarts/core';
import type {
  BarSeriesOption,
  HeatmapSeriesOption,
  LineSeriesOption,
  PieSeriesOption,
  RadarSeriesOption,
} from 'echarts/charts';
import type {
  DatasetComponentOption,
  GridComponentOption,
  LegendComponentOption,
  RadarComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  PieChart,
  RadarChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
  SVGRenderer,
]);

/** The options of the charts registered here (type-checked: a series type not registered is a compile error). */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | RadarSeriesOption
  | DatasetComponentOption
  | GridComponentOption
  | LegendComponentOption
  | RadarComponentOption
  | TitleComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** What a click on a chart element reports: the series' and the data item's name, index and value. */
export interface ChartClick {
  seriesIndex: number;
  seriesName: string;
  dataIndex: number;
  name: string;
  value: unknown;
  /** The data item as given in the option (e.g. `{ value, name, key }`), for the key behind a bar. */
  data: unknown;
}

/** Creates a chart on `el` drawn on canvas. The caller disposes it (useEChart does). */
export function createChart(el: HTMLElement): echarts.ECharts {
  return echarts.init(el, undefined, { renderer: 'canvas' });
}

/**
 * The chart of `option` as a standalone SVG document (real text, searchable), `width` × `height` px, drawn by
 * ECharts' server-side SVG renderer (no DOM element needed); animation is turned off so the SVG is final. With a
 * `header`, the document is `width` px wide and taller by a band above the chart with the title, subtitle (date),
 * caption and legend (svg-header.ts), so the exported file says what it shows.
 */
export function chartToSvg(option: ChartOption, width: number, height: number, header?: SvgHeader): string {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    const svg = chart.renderToSVGString();
    return header ? withSvgHeader(svg, width, height, header) : svg;
  } finally {
    chart.dispose();
  }
}

export type { ECharts } from 'echarts/core';
export type { SvgHeader } from './svg-header';
