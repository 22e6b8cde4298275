import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaxonomyNode } from '../../../../../preload/contract';

/** NFKC and case folded, so `ＳＡＬＥＳ` finds "Sales" (as the core compares names). */
const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/**
 * A searchable select over the categories (a combobox with its listbox always shown): typing filters by name and
 * alias; the list keeps tree order and shows each category's path depth by indentation. ↑/↓ choose, Enter picks.
 * Categories in `exclude` are not offered.
 */
export function CategoryPicker(props: {
  nodes: readonly TaxonomyNode[];
  exclude: ReadonlySet<string>;
  value: string | null;
  onPick: (id: string) => void;
  label: string;
}) {
  const { t } = useTranslation('taxonomy');
  const [q, setQ] = useState('');
  const [at, setAt] = useState(0);
  const terms = fold(q).split(/\s+/).filter(Boolean);
  const offered = props.nodes.filter(
    (n) =>
      !props.exclude.has(n.id) &&
      terms.every((term) => [n.label, ...n.aliases].some((name) => fold(name).includes(term))),
  );
  const parentLabel = new Map(props.nodes.map((n) => [n.id, n.label]));
  const active = offered[Math.min(at, offered.length - 1)];
  return (
    <div className="tx-picker" data-testid="tx-picker">
      <input
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls="tx-picker-list"
        aria-activedescendant={active ? `tx-pick-${active.id}` : undefined}
        aria-label={props.label}
        placeholder={t('merge.search')}
        value={q}
        data-testid="tx-picker-search"
        onChange={(e) => {
          setQ(e.target.value);
          setAt(0);
        }}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const n = offered.length;
            if (n) setAt((i) => (Math.min(i, n - 1) + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            if (active) props.onPick(active.id);
          }
        }}
      />
      <ul role="listbox" id="tx-picker-list" aria-label={props.label}>
        {offered.map((n) => (
          <li
            key={n.id}
            id={`tx-pick-${n.id}`}
            role="option"
            aria-selected={n.id === props.value}
            className={`${n === active ? 'active' : ''}${n.id === props.value ? ' picked' : ''}`}
            style={{ paddingLeft: 6 + (terms.length ? 0 : n.depth * 14) }}
            data-testid="tx-picker-option"
            data-id={n.id}
            onMouseDown={(e) => {
              e.preventDefault();
              props.onPick(n.id);
            }}
          >
            <span className="kind-dot kind-category" /> {n.label}
            {terms.length > 0 && n.parentId && (
              <span className="muted small"> · {parentLabel.get(n.parentId)}</span>
            )}
          </li>
        ))}
      </ul>
      {offered.length === 0 && <p className="muted small">{t('merge.noMatch')}</p>}
    </div>
  );
}
