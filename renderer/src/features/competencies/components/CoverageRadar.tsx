import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompetencyRadar } from '../../../../../preload/contract';
import { useChartColours } from '../../../ui/charts/use-chart-colours';
import { useEChart, type ChartOption } from '../../../ui/charts/useEChart';
import { COVERAGE_COLOURS, percentText } from '../coverage-bands';

/** `name` broken into lines of at most 5 characters (Han) or about 12 (Latin, at a space). */
function wrapAxisName(name: string): string {
  const chars = Array.from(name);
  if (/[\u4e00-\u9fff]/.test(name)) {
    const lines: string[] = [];
    for (let i = 0; i < chars.length; i += 5) lines.push(chars.slice(i, i + 5).join(''));
    return lines.join('\n');
  }
  return name.replace(/(.{8,14}?)\s+/g, '$1\n').trim();
}

/** Axes a radar needs to enclose an area. */
const MIN_AXES = 3;

/**
 * The radar of the capabilities (ECharts through useEChart): one axis per capability on the 0–5 level scale, its
 * target and its achieved level (strength / 20; no point where nothing supports it); below it the same numbers as a
 * table (the percent always shown, and readable without the chart), which alone stays with fewer than three axes. Clicking a row selects the capability.
 */
export function CoverageRadar({ radar, onPick }: { radar: CompetencyRadar; onPick: (id: string) => void }) {
  const { t } = useTranslation('competencies');
  const { colours } = useChartColours();
  // A radar needs three axes to enclose an area (ECharts also fails on none): with fewer, only the table.
  const drawn = radar.axes.length >= MIN_AXES;
  const option = useMemo<ChartOption>(
    () =>
      !drawn
        ? {}
        : {
            animation: false,
            legend: {
              bottom: 0,
              textStyle: { color: colours.text },
              data: [t('radar.target'), t('radar.achieved')],
            },
            tooltip: { trigger: 'item' },
            radar: {
              radius: '52%',
              center: ['50%', '48%'],
              indicator: radar.axes.map((a) => ({ name: a.label, max: 5 })),
              axisName: {
                color: colours.text,
                fontSize: 11,
                // Long names on two lines, so the left and right axes stay inside the panel.
                formatter: (name?: string) => wrapAxisName(name ?? ''),
              },
              splitLine: { lineStyle: { color: colours.border } },
              splitArea: { show: false },
              axisLine: { lineStyle: { color: colours.border } },
            },
            series: [
              {
                type: 'radar',
                data: [
                  {
                    name: t('radar.target'),
                    value: radar.axes.map((a) => a.target),
                    lineStyle: { type: 'dashed', color: colours.muted },
                    itemStyle: { color: colours.muted },
                    areaStyle: { opacity: 0 },
                  },
                  {
                    name: t('radar.achieved'),
                    // No supporting knowledge: no point on that axis (ECharts skips '-'), not a false 0.
                    value: radar.axes.map((a) => a.achievedLevel ?? '-'),
                    lineStyle: { color: COVERAGE_COLOURS.met.fill },
                    itemStyle: { color: COVERAGE_COLOURS.met.fill },
                    areaStyle: { color: COVERAGE_COLOURS.met.fill, opacity: 0.2 },
                  },
                ],
              },
            ],
          },
    [radar, colours, t, drawn],
  );
  const { ref } = useEChart(option);
  return (
    <section className="competency-radar" aria-label={t('radar.title')}>
      <h3>{t('radar.title')}</h3>
      {radar.axes.length === 0 && (
        <p className="muted" data-testid="radar-empty">
          {t('radar.empty')}
        </p>
      )}
      {radar.axes.length > 0 && !drawn && (
        <p className="muted" data-testid="radar-too-few">
          {t('radar.tooFew', { count: radar.axes.length })}
        </p>
      )}
      <div
        ref={ref}
        className="radar-chart"
        hidden={!drawn}
        data-testid="competency-radar"
        data-axes={radar.axes.length}
        role="img"
        aria-label={t('radar.title')}
      />
      {radar.axes.length > 0 && (
        <>
          <table className="radar-table" data-testid="radar-table">
            <thead>
              <tr>
                <th>{t('radar.capability')}</th>
                <th>{t('radar.levels')}</th>
                <th>{t('radar.coverage')}</th>
              </tr>
            </thead>
            <tbody>
              {radar.axes.map((a) => (
                <tr key={a.id} data-testid="radar-row">
                  <td>
                    <button className="link" onClick={() => onPick(a.id)}>
                      {a.label}
                    </button>
                  </td>
                  <td>
                    {a.achievedLevel ?? '—'} / {a.target}
                  </td>
                  <td>
                    <span
                      className="coverage-chip"
                      data-band={a.band}
                      style={{
                        background: COVERAGE_COLOURS[a.band].fill,
                        color: COVERAGE_COLOURS[a.band].text,
                      }}
                    >
                      {percentText(a.coverage)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
