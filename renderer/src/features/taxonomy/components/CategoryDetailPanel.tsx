import { useTranslation } from 'react-i18next';
import type { TaxonomyTree } from '../../../../../preload/contract';
import { showCategoryOnMap, showNodeOnMap } from '../navigate';
import { useTaxonomyDetail } from '../queries';
import { useTaxonomyStore } from '../store';

/**
 * The selected category: its path (each step selects that category), names, description and counts, the knowledge
 * items of its subtree (its own first, the others with the sub-category they are in), each with a button to show
 * it on the map, and the experts who know it and the terms that define it.
 */
export function CategoryDetailPanel({ tree }: { tree: TaxonomyTree }) {
  const { t } = useTranslation('taxonomy');
  const { selectedId, set } = useTaxonomyStore();
  const detail = useTaxonomyDetail(selectedId);
  const labelOf = new Map(tree.nodes.map((n) => [n.id, n.label]));
  if (selectedId === null || !labelOf.has(selectedId))
    return (
      <aside className="tx-detail tx-detail-empty" data-testid="tx-detail-empty">
        <p className="muted">{t('detail.none')}</p>
      </aside>
    );
  const d = detail.data?.category.id === selectedId ? detail.data : undefined;
  if (!d)
    return (
      <aside className="tx-detail">
        <p className={detail.isError ? 'error-text' : 'muted'}>{detail.error?.message ?? t('loading')}</p>
      </aside>
    );
  const c = d.category;
  return (
    <aside className="tx-detail" data-testid="tx-detail" aria-label={c.label}>
      <ol className="tx-path" aria-label={t('detail.path')}>
        {d.path.map((p, i) => (
          <li key={p.id}>
            {i < d.path.length - 1 ? (
              <button className="link" onClick={() => set({ selectedId: p.id })}>
                {p.label}
              </button>
            ) : (
              <span aria-current="true">{p.label}</span>
            )}
          </li>
        ))}
      </ol>
      <h3 data-testid="tx-detail-title">{c.label}</h3>
      {c.aliases.length > 0 && (
        <p className="small">
          <span className="muted">{t('detail.aliases')}: </span>
          {c.aliases.join(' · ')}
        </p>
      )}
      {c.alsoUnder.length > 0 && (
        <p className="small muted">
          {t('detail.alsoUnder', { labels: c.alsoUnder.map((p) => labelOf.get(p) ?? p).join(' · ') })}
        </p>
      )}
      {c.description && <p className="tx-description">{c.description}</p>}
      <p className="small" data-testid="tx-detail-counts">
        {c.counts.subCategories > 0
          ? t('detail.counts', {
              direct: c.counts.directItems,
              items: c.counts.items,
              sub: c.counts.subCategories,
            })
          : t('detail.countsLeaf', { direct: c.counts.directItems })}
      </p>
      <button onClick={() => showCategoryOnMap(c.id)} data-testid="tx-show-category">
        {t('detail.showCategoryOnMap')}
      </button>
      <h4>
        {t('detail.items')} <span className="muted">({d.items.length})</span>
      </h4>
      {d.items.length === 0 ? (
        <p className="muted small">{t('detail.noItems')}</p>
      ) : (
        <ul className="tx-items" data-testid="tx-items">
          {d.items.map((item) => (
            <li key={item.id} data-testid="tx-item" data-id={item.id} data-direct={item.direct}>
              <span className={`kind-dot kind-knowledge${item.form === 'tacit' ? ' tacit' : ''}`} />
              <span className="tx-item-label">
                {item.label}
                {!item.direct && (
                  <span className="muted small"> · {t('detail.via', { label: item.viaLabel })}</span>
                )}
              </span>
              {item.form && <span className="muted small">{t(`detail.form.${item.form}`)}</span>}
              <button
                className="link small"
                title={t('detail.showItemOnMap', { label: item.label })}
                aria-label={t('detail.showItemOnMap', { label: item.label })}
                data-testid="tx-item-show"
                onClick={() => showNodeOnMap(item.id)}
              >
                {t('detail.showOnMap')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {d.experts.length > 0 && (
        <>
          <h4>{t('detail.experts')}</h4>
          <ul className="tx-plain">
            {d.experts.map((e) => (
              <li key={e.id}>
                <span className="kind-dot kind-expert" /> {e.label}{' '}
                <span className="muted small">{t('detail.proficiency', { level: e.proficiency })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {d.terms.length > 0 && (
        <>
          <h4>{t('detail.terms')}</h4>
          <ul className="tx-plain">
            {d.terms.map((term) => (
              <li key={term.id}>
                <span className="kind-dot kind-term" /> {term.label}
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
