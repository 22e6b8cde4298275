import { useEffect, useRef } from 'react';
import {
  chartToSvg,
  createChart,
  type ChartClick,
  type ChartOption,
  type ECharts,
  type SvgHeader,
} from './echarts';

// The option and click types for views, which may not import './echarts' themselves (eslint: only ui/charts may).
export type { ChartClick, ChartOption, SvgHeader } from './echarts';

/**
 * A small hook around one ECharts instance (TECH-NOTES: echarts-for-react throws on unmount, its #522): the
 * chart is created on the element the returned ref is attached to, gets `option` on every change (not merged:
 * `notMerge`, so removed series go), follows the element's size (ResizeObserver), reports clicks on data
 * elements to `onClick`, and is disposed on unmount. Returns the ref, and `toSvg(w, h, header)` for an SVG export
 * of the current option (with `header`: the title, date and legend band above it, see chartToSvg).
 */
export function useEChart(
  option: ChartOption,
  onClick?: (click: ChartClick) => void,
): {
  ref: React.RefObject<HTMLDivElement | null>;
  toSvg: (width: number, height: number, header?: SvgHeader) => string;
} {
  const ref = useRef<HTMLDivElement | null>(null);
  const chart = useRef<ECharts | null>(null);
  const clickRef = useRef(onClick);
  const optionRef = useRef(option);

  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = createChart(el);
    chart.current = c;
    c.on('click', (p) => {
      const e = p as unknown as ChartClick;
      clickRef.current?.({
        seriesIndex: e.seriesIndex,
        seriesName: e.seriesName,
        dataIndex: e.dataIndex,
        name: e.name,
        value: e.value,
        data: e.data,
      });
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    optionRef.current = option;
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return {
    ref,
    toSvg: (width, height, header) => chartToSvg(optionRef.current, width, height, header),
  };
}
