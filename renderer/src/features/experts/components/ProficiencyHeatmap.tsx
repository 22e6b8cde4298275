import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspaceInfo } from '../../../api/queries';
import { useChartColours } from '../../../ui/charts/use-chart-colours';
import { useEChart, type ChartClick, type ChartOption } from '../../../ui/charts/useEChart';
import { useHeatmap } from '../queries';
import { saveText } from '../save-text';
import { useExpertsStore } from '../store';

const ROW_PX = 22;

/**
 * The cells' colours for proficiency 1…5 and the number printed on each, per theme. Both ramps run from the
 * panel's own tone towards the most contrast with it, so 5 stands out most: light blue to navy on white, dark
 * blue to pale blue on the dark panel (the light ramp there put 5 near-black, like the empty cells).
 */
const RAMP = {
  light: {
    fill: ['#deebf7', '#9ecae1', '#4292c6', '#2171b5', '#08306b'],
    label: ['#111827', '#111827', '#111827', '#ffffff', '#ffffff'],
  },
  dark: {
    fill: ['#1c3553', '#24568a', '#2f7fc4', '#5fb0f0', '#c6e6ff'],
    label: ['#f1f5f9', '#f1f5f9', '#f1f5f9', '#0b1220', '#0b1220'],
  },
} as const;

const LEVELS = [1, 2, 3, 4, 5] as const;

/**
 * The experts × categories proficiency heat map (best proficiency per top-level category) through the app's
 * ECharts hook: canvas on screen, "Export SVG" through the hook's toSvg (with the title and the date above the
 * map); a click on a cell opens that expert. Colours follow the theme (RAMP, the theme's CSS variables for text
 * and stripes); the legend names each level 1…5, and each cell prints its number.
 */
export function ProficiencyHeatmap() {
  const { t, i18n } = useTranslation('experts');
  const hm = useHeatmap();
  const openProfile = useExpertsStore((s) => s.openProfile);
  const workspace = useWorkspaceInfo().data?.name;
  const { colours, dark } = useChartColours();
  const data = hm.data;
  const option = useMemo<ChartOption>(() => {
    if (!data) return {};
    const ex = new Map(data.experts.map((e, i) => [e.id, i]));
    const ca = new Map(data.categories.map((c, i) => [c.id, i]));
    const ramp = dark ? RAMP.dark : RAMP.light;
    const stripes = { show: true, areaStyle: { color: [colours.panel, colours.panel2] } };
    return {
      backgroundColor: colours.panel,
      tooltip: {
        backgroundColor: colours.panel,
        borderColor: colours.border,
        textStyle: { color: colours.text },
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
        axisLabel: { rotate: 30, color: colours.text, interval: 0 },
        axisLine: { lineStyle: { color: colours.border } },
        splitArea: stripes,
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: data.experts.map((e) => e.label),
        axisLabel: { color: colours.text, interval: 0 },
        axisLine: { lineStyle: { color: colours.border } },
        splitArea: stripes,
      },
      visualMap: {
        type: 'piecewise',
        orient: 'horizontal',
        left: 'center',
        top: 0,
        selectedMode: false,
        itemGap: 14,
        textGap: 6,
        textStyle: { color: colours.text },
        pieces: LEVELS.map((v) => ({ value: v, label: String(v), color: ramp.fill[v - 1] })),
      },
      series: [
        {
          type: 'heatmap',
          name: t('heatmap.title'),
          itemStyle: { borderColor: colours.panel, borderWidth: 1 },
          label: {
            show: true,
            formatter: (p: unknown) => String((p as { value: number[] }).value[2]),
          },
          data: data.cells
            .filter((c) => ex.has(c.expertId) && ca.has(c.categoryId))
            .map((c) => ({
              value: [ca.get(c.categoryId)!, ex.get(c.expertId)!, c.proficiency],
              items: c.items,
              expertId: c.expertId,
              // Each level's number in the colour that reads on its cell.
              label: { color: ramp.label[c.proficiency - 1] },
            })),
        },
      ],
    };
  }, [data, dark, colours, t]);
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
          onClick={() => {
            const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date());
            const header = {
              title: t('heatmap.title'),
              subtitle: [workspace, t('heatmap.asOf', { date })].filter(Boolean).join(' · '),
              colours: { ...colours, background: colours.panel },
            };
            void saveText('proficiency-heatmap.svg', toSvg(width, height, header), 'image/svg+xml');
          }}
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
