import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InventoryFacet } from '../../../../../preload/contract';
import type { ChartClick, ChartOption } from '../../../ui/charts/useEChart';
import { useChartColours } from '../../../ui/charts/use-chart-colours';
import { useEChart } from '../../../ui/charts/useEChart';
import { clickedBucket, clickedOthers, type ChartDatum } from '../chart-options';
import type { ListRequest } from '../list-request';
import { saveSvg } from '../save-svg';

/** How the data-key attribute writes a bucket key (null, the "none recorded" bucket, has no string of its own). */
export const domKey = (key: string | null): string => key ?? '__none__';

/**
 * One chart of the dashboard: a titled card with the chart (canvas, through the charts hook), an SVG export, and
 * the buckets again as buttons under it, so every list behind the chart is reachable with the keyboard and by
 * screen readers. A click on a bar or slice, or on its button, asks for its list (`onOpen`); the bucket whose
 * list is open is pressed (`open`). `collapseAfter` shows only that many buttons until "all" is asked for (the
 * owners; a click on the chart's "others" bar asks for all too). The SVG export carries the title, `subtitle` (the
 * count date), the note and `legend` above the chart.
 */
export function ChartCard({
  facet,
  title,
  option,
  height,
  buckets,
  open,
  onOpen,
  collapseAfter,
  note,
  legend,
  subtitle,
}: {
  facet: InventoryFacet;
  title: string;
  option: ChartOption;
  height: number;
  buckets: readonly ChartDatum[];
  open: { facet: InventoryFacet; key: string | null } | null;
  onOpen(request: ListRequest): void;
  collapseAfter?: number;
  note?: string;
  /** Swatches for the exported SVG, for a chart whose option draws no legend (the donut's slices). */
  legend?: ReadonlyArray<{ label: string; colour: string }>;
  /** The exported SVG's line under the title: workspace and count date. */
  subtitle: string;
}) {
  const { t } = useTranslation('inventory');
  const [all, setAll] = useState(false);
  const onClick = useCallback(
    (c: ChartClick) => {
      if (clickedOthers(c.data)) {
        setAll(true);
        return;
      }
      const b = clickedBucket(c.data);
      if (b) onOpen({ facet, key: b.key, label: b.name, from: 'chart' });
    },
    [facet, onOpen],
  );
  const { ref, toSvg } = useEChart(option, onClick);
  const empty = buckets.every((b) => b.value === 0);
  const shown = collapseAfter && !all ? buckets.slice(0, collapseAfter) : buckets;

  const { colours } = useChartColours();
  const exportSvg = () => {
    const w = Math.round(ref.current?.clientWidth ?? 0) || 640;
    const header = {
      title,
      subtitle,
      caption: note,
      legend,
      colours: { ...colours, background: colours.panel },
    };
    void saveSvg(toSvg(w, height, header), `inventory-${facet}.svg`);
  };

  return (
    <section className="inv-card inv-chart" data-testid={`chart-${facet}`} aria-label={title}>
      <header className="inv-card-head">
        <h3>{title}</h3>
        <button
          className="small"
          onClick={exportSvg}
          title={t('chart.exportSvgTitle', { chart: title })}
          data-testid={`svg-${facet}`}
        >
          {t('chart.exportSvg')}
        </button>
      </header>
      {note && <p className="muted small inv-note">{note}</p>}
      <div className="inv-chart-box" style={{ height }}>
        <div ref={ref} className="inv-chart-canvas" data-testid={`canvas-${facet}`} style={{ height }} />
        {empty && <p className="inv-chart-empty muted">{t('chart.empty')}</p>}
      </div>
      <ul className="inv-buckets" aria-label={t('chart.buckets', { chart: title })}>
        {shown.map((b) =>
          b.others ? null : (
            <li key={domKey(b.key)}>
              <button
                className="inv-bucket"
                aria-pressed={open?.facet === facet && open.key === b.key}
                data-testid="bucket"
                data-facet={facet}
                data-key={domKey(b.key)}
                onClick={() => onOpen({ facet, key: b.key, label: b.name, from: 'chart' })}
              >
                {b.name} <span className="inv-bucket-count">{b.value}</span>
              </button>
            </li>
          ),
        )}
        {collapseAfter !== undefined && buckets.length > collapseAfter && (
          <li>
            <button className="link small" onClick={() => setAll(!all)} aria-expanded={all}>
              {all ? t('chart.fewer') : t('chart.all', { count: buckets.length })}
            </button>
          </li>
        )}
      </ul>
    </section>
  );
}
