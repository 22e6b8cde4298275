import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEChart, type ChartClick, type ChartOption } from '../../../ui/charts/useEChart';
import { useHeatmap } from '../queries';
import { saveText } from '../save-text';
import { useExpertsStore } from '../store';

const ROW_PX = 22;

/**
 * The experts × categories proficiency heat map (best proficiency per top-level category) through the app's
 * ECharts hook: canvas on screen, "Export SVG" through the hook's toSvg; a click on a cell opens that expert.
 * Colours run from light to dark blue (sequential, colour-blind safe), and each cell prints its number.
 */
export function ProficiencyHeatmap() {
  const { t } = useTranslation('experts');
  const hm = useHeatmap();
  const openProfile = useExpertsStore((s) => s.openProfile);
  const dark = document.documentElement.dataset.theme === 'dark';
  const data = hm.data;
  const option = useMemo<ChartOption>(() => {
    if (!data) return {};
    const ex = new Map(data.experts.map((e, i) => [e.id, i]));
    const ca = new Map(data.categories.map((c, i) => [c.id, i]));
    const text = dark ? '#e5e7eb' : '#1f2937';
    const stripes = { show: true, areaStyle: { color: dark ? ['#171a21', '#1e222b'] : ['#ffffff', '#f1f3f6'] } };
    return {
      tooltip: {
        formatter: (p: unknown) => {
          const d = (p as { data: { value: [number, number, number]; items: number } }).data;
          return t('heatmap.tooltip', {
            expert: data.experts[d.value[1]]?.label ?? '',
            category: data.categories[d.value[0]]?.label ?? '',
            value: d.value[2],
            items: d.items,
          });
        },
      },
      grid: { left: 8, right: 16, top: 70, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        position: 'top',
        data: data.categories.map((c) => c.label),
        axisLabel: { rotate: 30, color: text, interval: 0 },
        splitArea: stripes,
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: data.experts.map((e) => e.label),
        axisLabel: { color: text, interval: 0 },
        splitArea: stripes,
      },
      visualMap: {
        min: 1,
        max: 5,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        top: 0,
        itemHeight: 120,
        textStyle: { color: text },
        inRange: { color: ['#deebf7', '#9ecae1', '#4292c6', '#2171b5', '#08306b'] },
      },
      series: [
        {
          type: 'heatmap',
          name: t('heatmap.title'),
          label: {
            show: true,
            color: '#111827',
            formatter: (p: unknown) => String((p as { value: number[] }).value[2]),
          },
          data: data.cells
            .filter((c) => ex.has(c.expertId) && ca.has(c.categoryId))
            .map((c) => ({
              value: [ca.get(c.categoryId)!, ex.get(c.expertId)!, c.proficiency],
              items: c.items,
              expertId: c.expertId,
              // Dark text on the light cells, white on the dark ones (4 and 5), so every number reads.
              label: { color: c.proficiency >= 4 ? '#ffffff' : '#111827' },
            })),
        },
      ],
    };
  }, [data, dark, t]);
  const onClick = useCallback(
    (c: ChartClick) => {
      const id = (c.data as { expertId?: string } | null)?.expertId;
      if (id) openProfile(id);
    },
    [openProfile],
  );
  const { ref, toSvg } = useEChart(option, onClick);
  const height = Math.max(240, (data?.experts.length ?? 0) * ROW_PX + 120);
  const width = Math.max(640, (data?.categories.length ?? 0) * 90 + 200);

  return (
    <section className="risk-heatmap">
      <div className="experts-toolbar">
        <h3>{t('heatmap.title')}</h3>
        <span className="muted small">{t('heatmap.hint')}</span>
        <span className="spacer" />
        <button
          data-testid="heatmap-svg"
          disabled={!data || data.cells.length === 0}
          onClick={() => void saveText('proficiency-heatmap.svg', toSvg(width, height), 'image/svg+xml')}
        >
          {t('heatmap.exportSvg')}
        </button>
      </div>
      {hm.isError && <p className="error-text">{hm.error.message}</p>}
      {data && data.cells.length === 0 && <p className="muted">{t('heatmap.empty')}</p>}
      <div
        ref={ref}
        className="heatmap-canvas"
        data-testid="heatmap"
        style={{ height, display: data && data.cells.length > 0 ? 'block' : 'none' }}
      />
    </section>
  );
}
