import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeDto } from '../../../../../preload/contract';
import { useGraph, useNodeSearch } from '../../../api/queries';
import { writeDragged } from '../drag-items';

/** Which nodes a finder lists: knowledge items (templates or not), templates only, or experts. */
export type FinderKind = 'knowledge' | 'template' | 'expert';

const isTemplate = (n: NodeDto) => n.kind === 'knowledge' && n.props.existence === 'template';

/**
 * A searchable list of knowledge items, templates or experts: the core's node search (search:nodes with
 * `kinds`, as Ctrl+K finds them) once something is typed, else the first of them by label. Each entry is a
 * button (`onPick`) and can be dragged onto a step of the pipeline.
 */
export function NodeFinder(props: {
  kind: FinderKind;
  onPick?: (node: NodeDto) => void;
  /** Ids already attached: shown, but not offered again. */
  exclude?: ReadonlySet<string>;
  limit?: number;
  autoFocus?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation('processes');
  const graphKind = props.kind === 'expert' ? 'expert' : 'knowledge';
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q), 120);
    return () => clearTimeout(h);
  }, [q]);
  const limit = props.limit ?? 30;
  const all = useGraph({ kinds: [graphKind] }, null);
  const found = useNodeSearch(debounced, { limit: 60, kinds: [graphKind] });
  const nodes = useMemo(() => {
    const base = q.trim() ? (found.data?.nodes ?? []).map((h) => h.node) : (all.data?.nodes ?? []);
    const kept = base.filter((n) => props.kind !== 'template' || isTemplate(n));
    const sorted = q.trim() ? kept : [...kept].sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
    return sorted.slice(0, limit);
  }, [q, found.data, all.data, props.kind, limit]);
  const searching = q.trim() !== '' && (debounced !== q || found.isFetching);
  return (
    <div className="node-finder" data-testid={props.testId}>
      <input
        value={q}
        autoFocus={props.autoFocus}
        placeholder={t(`finder.search.${props.kind}`)}
        aria-label={t(`finder.search.${props.kind}`)}
        data-testid={props.testId ? `${props.testId}-search` : undefined}
        onChange={(e) => setQ(e.target.value)}
      />
      <ul>
        {nodes.map((n) => {
          const taken = props.exclude?.has(n.id) ?? false;
          return (
            <li
              key={n.id}
              draggable
              data-testid="finder-item"
              data-id={n.id}
              title={t('finder.dragHint')}
              onDragStart={(e) => writeDragged(e.dataTransfer, { id: n.id, kind: graphKind, label: n.label })}
            >
              <span className={`kind-dot kind-${props.kind === 'template' ? 'document' : graphKind}`} />
              <button className="link" disabled={taken || !props.onPick} onClick={() => props.onPick?.(n)}>
                {n.label}
              </button>
              {taken && <span className="muted small">{t('finder.attached')}</span>}
            </li>
          );
        })}
      </ul>
      {searching && <p className="muted small">{t('finder.searching')}</p>}
      {!searching && nodes.length === 0 && (
        <p className="muted small">{q.trim() ? t('finder.noMatch') : t(`finder.none.${props.kind}`)}</p>
      )}
    </div>
  );
}
