import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NODE_KINDS } from '../../../../../preload/contract';
import { useGraph } from '../../../api/queries';
import { KIND_STYLE } from '../engine/styles';
import { useMapStore } from '../store';

/**
 * The kinds on the map (those of the nodes shown, all kinds while nothing is loaded) with their colour and
 * shape, plus the tacit-knowledge border; collapsible. Colours come from KIND_STYLE, the table the canvas and
 * the exports use.
 */
export function Legend() {
  const { t } = useTranslation('map');
  const [open, setOpen] = useState(true);
  const { filter, ego } = useMapStore();
  // The same query as the map's, so this reads the cache.
  const graph = useGraph(Object.keys(filter).length ? filter : undefined, ego);
  const { kinds, tacit } = useMemo(() => {
    const nodes = graph.data?.nodes;
    if (!nodes) return { kinds: NODE_KINDS, tacit: true };
    const present = new Set(nodes.map((n) => n.kind));
    return {
      kinds: NODE_KINDS.filter((k) => present.has(k)),
      tacit: nodes.some((n) => n.kind === 'knowledge' && n.props.form === 'tacit'),
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
              <span className={`kind-dot shape-${k}`} style={{ background: KIND_STYLE[k].color }} />
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
    </div>
  );
}
