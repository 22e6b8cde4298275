import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NODE_KINDS } from '../../../../../preload/contract';
import { useMapGraph, useMapMetrics } from '../../../api/queries';
import { BAND_COLOURS, BANDS } from '../../../ui/strength-bands';
import { NEUTRAL_COLOUR, communityColour, type ColourBy, type SizeBy } from '../engine/node-encoding';
import { KIND_STYLE } from '../engine/styles';
import { useMapStore } from '../store';

const SIZE_BY: readonly SizeBy[] = ['kind', 'degree', 'betweenness', 'importance'];
const COLOUR_BY: readonly ColourBy[] = ['kind', 'community', 'strength'];
/** Communities listed in the legend; the rest are summed up in one line. */
const COMMUNITIES_SHOWN = 8;

/**
 * The kinds on the map (those of the nodes shown, all kinds while nothing is loaded) with their colour and
 * shape, plus the tacit-knowledge border; collapsible. Colours come from KIND_STYLE, the table the canvas and
 * the exports use. Below them, what node size and colour stand for (kind, degree, betweenness, importance;
 * kind, Louvain community or knowledge strength); coloured by community, the legend lists the largest communities
 * with their colour; by strength, the bands (the pipeline's colours: knowledge items and steps carry them).
 */
export function Legend() {
  const { t } = useTranslation('map');
  const [open, setOpen] = useState(true);
  const { filter, ego, sizeBy, colourBy, set } = useMapStore();
  const metrics = useMapMetrics(colourBy === 'community');
  // The same query as the map's, so this reads the cache.
  const graph = useMapGraph(Object.keys(filter).length ? filter : undefined, ego);
  const { kinds, tacit } = useMemo(() => {
    const nodes = graph.data?.nodes;
    if (!nodes) return { kinds: NODE_KINDS, tacit: true };
    const present = new Set(nodes.map((n) => n.kind));
    return {
      kinds: NODE_KINDS.filter((k) => present.has(k)),
      tacit: nodes.some((n) => n.kind === 'knowledge' && n.form === 'tacit'),
    };
  }, [graph.data]);
  return (
    <div className="legend" data-testid="legend">
      <button className="legend-title" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('legend.title')} {open ? '▾' : '▸'}
      </button>
      {open && (
        <ul>
          {kinds.map((k) => (
            <li key={k}>
              <span
                className={`kind-dot shape-${k}`}
                // Coloured by community or strength, colour no longer tells the kind: the shapes do, in grey.
                style={{ background: colourBy === 'kind' ? KIND_STYLE[k].color : NEUTRAL_COLOUR }}
              />
              {t(`kinds.${k}`)}
            </li>
          ))}
          {tacit && (
            <li>
              <span className="kind-dot tacit" style={{ borderColor: KIND_STYLE.knowledge.color }} />
              {t('kinds.knowledge')} · {t('values.tacit')}
            </li>
          )}
        </ul>
      )}
      {open && colourBy === 'community' && <Communities community={metrics.data?.community} />}
      {open && colourBy === 'strength' && (
        <ul className="legend-communities" data-testid="legend-strength">
          {BANDS.filter((b) => b !== 'none').map((b) => (
            <li key={b}>
              <span className="kind-dot" style={{ background: BAND_COLOURS[b].fill }} />
              {t(`legend.band.${b}`)}
            </li>
          ))}
          <li className="muted">{t('legend.strengthOf')}</li>
        </ul>
      )}
      {open && (
        <div className="legend-encoding">
          <label>
            {t('legend.sizeBy')}
            <select
              value={sizeBy}
              data-testid="size-by"
              onChange={(e) => set({ sizeBy: e.target.value as SizeBy })}
            >
              {SIZE_BY.map((b) => (
                <option key={b} value={b}>
                  {t(`legend.size.${b}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('legend.colourBy')}
            <select
              value={colourBy}
              data-testid="colour-by"
              onChange={(e) => set({ colourBy: e.target.value as ColourBy })}
            >
              {COLOUR_BY.map((b) => (
                <option key={b} value={b}>
                  {t(`legend.colour.${b}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
    </div>
  );
}

/** The largest Louvain communities (0 = largest) with their colour and size; shapes still tell the kinds. */
function Communities({ community }: { community: Record<string, number> | undefined }) {
  const { t } = useTranslation('map');
  const counts = useMemo(() => {
    const c = new Map<number, number>();
    for (const n of Object.values(community ?? {})) c.set(n, (c.get(n) ?? 0) + 1);
    return [...c].sort((a, b) => a[0] - b[0]);
  }, [community]);
  if (!community) return <div className="muted small">{t('legend.computing')}</div>;
  const rest = counts.slice(COMMUNITIES_SHOWN).reduce((sum, [, n]) => sum + n, 0);
  return (
    <ul className="legend-communities" data-testid="legend-communities">
      {counts.slice(0, COMMUNITIES_SHOWN).map(([c, n]) => (
        <li key={c}>
          <span className="kind-dot" style={{ background: communityColour(c) }} />
          {t('legend.community', { n: c + 1, count: n })}
        </li>
      ))}
      {rest > 0 && <li className="muted">{t('legend.moreCommunities', { count: rest })}</li>}
    </ul>
  );
}
