import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { NODE_KINDS, type GraphFilter, type NodeKind } from '../../../../../preload/contract';
import { useMapGraph } from '../../../api/queries';
import { activeFilterCount, useMapStore } from '../store';

/** Filters by kind, category (with sub-categories), tag, knowledge form and text; applied by the core. */
export function FilterPanel() {
  const { t } = useTranslation('map');
  const { filter, filtersOpen, set } = useMapStore();
  const all = useMapGraph(undefined, null);
  const categories = useMemo(() => (all.data?.nodes ?? []).filter((n) => n.kind === 'category'), [all.data]);
  const tags = useMemo(() => [...new Set((all.data?.nodes ?? []).flatMap((n) => n.tags))].sort(), [all.data]);
  if (!filtersOpen) return null;

  const update = (patch: Partial<GraphFilter>) => {
    const next: GraphFilter = { ...filter, ...patch };
    for (const k of Object.keys(next) as Array<keyof GraphFilter>) {
      const v = next[k];
      if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete next[k];
    }
    set({ filter: next });
  };
  const toggle = <T,>(list: T[] | undefined, v: T): T[] =>
    list?.includes(v) ? list.filter((x) => x !== v) : [...(list ?? []), v];

  return (
    <aside className="filter-panel" aria-label={t('filter.title')} data-testid="filter-panel">
      <h3>{t('filter.title')}</h3>
      <fieldset>
        <legend>{t('filter.kinds')}</legend>
        {NODE_KINDS.map((k: NodeKind) => (
          <label key={k} className="check">
            <input
              type="checkbox"
              checked={filter.kinds?.includes(k) ?? false}
              onChange={() => update({ kinds: toggle(filter.kinds, k) })}
            />
            <span className={`kind-dot kind-${k}`} />
            {t(`kinds.${k}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('filter.category')}
        <select
          data-testid="filter-category"
          value={filter.categoryId ?? ''}
          onChange={(e) => update({ categoryId: e.target.value || undefined })}
        >
          <option value="">{t('filter.anyCategory')}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filter.tags')}
        <select
          value={filter.tags?.[0] ?? ''}
          onChange={(e) => update({ tags: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">{t('filter.anyTag')}</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t('filter.form')}</legend>
        {(['explicit', 'tacit'] as const).map((f) => (
          <label key={f} className="check">
            <input
              type="checkbox"
              checked={filter.forms?.includes(f) ?? false}
              onChange={() => update({ forms: toggle(filter.forms, f) })}
            />
            {t(`values.${f}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('filter.text')}
        <input type="text" value={filter.text ?? ''} onChange={(e) => update({ text: e.target.value })} />
      </label>
      <button disabled={activeFilterCount(filter) === 0} onClick={() => set({ filter: {} })}>
        {t('filter.clear')}
      </button>
    </aside>
  );
}
