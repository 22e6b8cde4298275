import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossaryDefined } from '../../../../../preload/contract';
import { useNodeSearch } from '../../../api/queries';

/** What the editor's draft keeps of a defined node (the edge is made on save). */
export type DefinedTarget = Pick<GlossaryDefined, 'id' | 'kind' | 'label'>;

/**
 * Finds a knowledge item or category to link (search:nodes, the search of Ctrl+K, 200 ms after typing stops) and
 * adds it: ↑/↓ choose, Enter adds, Esc clears. Nodes already linked are not offered.
 */
export function DefinesPicker(props: {
  linked: readonly DefinedTarget[];
  onAdd: (t: DefinedTarget) => void;
}) {
  const { t } = useTranslation('glossary');
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(0);
  useEffect(() => {
    const h = setTimeout(() => setQuery(text), 200);
    return () => clearTimeout(h);
  }, [text]);
  const found = useNodeSearch(query, { kinds: ['knowledge', 'category'], limit: 8 });
  const linked = new Set(props.linked.map((l) => l.id));
  const offered = text.trim()
    ? (found.data?.nodes ?? []).map((n) => n.node).filter((n) => !linked.has(n.id))
    : [];
  const active = offered[Math.min(at, offered.length - 1)];
  const add = (n: (typeof offered)[number]) => {
    props.onAdd({ id: n.id, kind: n.kind as DefinedTarget['kind'], label: n.label });
    setText('');
    setQuery('');
    setAt(0);
  };
  return (
    <div className="gl-picker">
      <input
        role="combobox"
        aria-expanded={offered.length > 0}
        aria-controls="gl-picker-list"
        aria-activedescendant={active ? `gl-pick-${active.id}` : undefined}
        aria-label={t('defines.add')}
        placeholder={t('defines.add')}
        value={text}
        data-testid="gl-defines-search"
        onChange={(e) => {
          setText(e.target.value);
          setAt(0);
        }}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setAt((a) => Math.max(0, Math.min(offered.length - 1, a + (e.key === 'ArrowDown' ? 1 : -1))));
          } else if (e.key === 'Enter' && active && !e.ctrlKey && !e.metaKey) {
            e.preventDefault();
            add(active);
          } else if (e.key === 'Escape' && text) {
            e.stopPropagation();
            setText('');
          }
        }}
      />
      {text.trim() && query === text && found.data && offered.length === 0 && (
        <p className="small muted">{t('defines.noResults')}</p>
      )}
      {offered.length > 0 && (
        <ul className="gl-picker-list" id="gl-picker-list" role="listbox" data-testid="gl-defines-results">
          {offered.map((n) => (
            <li
              key={n.id}
              id={`gl-pick-${n.id}`}
              role="option"
              aria-selected={n.id === active?.id}
              className={n.id === active?.id ? 'active' : ''}
              data-testid="gl-defines-result"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => add(n)}
            >
              <span className={`kind-dot kind-${n.kind}`} />
              {n.label}
              <span className="small muted">{t(`defines.kinds.${n.kind as DefinedTarget['kind']}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
