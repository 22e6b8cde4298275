import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeDto } from '../../../../../preload/contract';
import { useNodeSearch } from '../../../api/queries';
import { PinyinReason } from '../../search/components/PinyinReason';

/**
 * Search-as-you-type over knowledge items and categories through the core's node search (search:nodes, as
 * Ctrl+K finds them: Chinese, English, mixed). ↑/↓ choose, Enter picks, Escape closes. Nodes in `exclude` are
 * listed but not offered again. A node found by pinyin says so ("拼音 fygl → 封样管理").
 */
export function AddAreaPicker(props: {
  onPick: (node: NodeDto) => void;
  onClose: () => void;
  exclude?: ReadonlySet<string>;
  placeholder: string;
  testId?: string;
}) {
  const { t } = useTranslation('experts');
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  const [at, setAt] = useState(0);
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q), 120);
    return () => clearTimeout(h);
  }, [q]);
  const found = useNodeSearch(debounced, { limit: 30, kinds: ['knowledge', 'category'] });
  const hits = q.trim() ? (found.data?.nodes ?? []) : [];
  const nodes = hits.map((h) => h.node);
  const pickable = nodes.filter((n) => !props.exclude?.has(n.id));
  const pick = (n: NodeDto | undefined) => {
    if (!n || props.exclude?.has(n.id)) return;
    props.onPick(n);
  };
  return (
    <div className="area-picker" data-testid={props.testId ?? 'area-picker'}>
      <input
        autoFocus
        value={q}
        placeholder={props.placeholder}
        aria-label={props.placeholder}
        data-testid={`${props.testId ?? 'area-picker'}-search`}
        onChange={(e) => {
          setQ(e.target.value);
          setAt(0);
        }}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            props.onClose();
          } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const n = pickable.length;
            if (n) setAt((i) => (i + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            // Wait for the search to catch up with what was typed, so Enter picks what the user sees.
            if (debounced === q) pick(pickable[Math.min(at, pickable.length - 1)]);
          }
        }}
      />
      <ul role="listbox" aria-label={props.placeholder}>
        {hits.map(({ node: n, pinyin }) => {
          const taken = props.exclude?.has(n.id) ?? false;
          const active = !taken && pickable[at]?.id === n.id;
          return (
            <li
              key={n.id}
              role="option"
              aria-selected={active}
              aria-disabled={taken}
              className={active ? 'active' : ''}
              data-testid="picker-option"
              data-id={n.id}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(n);
              }}
            >
              <span className={`kind-dot kind-${n.kind}`} /> {n.label}
              <span className="muted small">
                {' '}
                {t(`kind.${n.kind === 'category' ? 'category' : 'knowledge'}`)}
              </span>
              {pinyin && (
                <span className="muted small">
                  {' · '}
                  <PinyinReason pinyin={pinyin} />
                </span>
              )}
              {taken && <span className="muted small"> · {t('picker.already')}</span>}
            </li>
          );
        })}
      </ul>
      {q.trim() !== '' && debounced === q && !found.isFetching && nodes.length === 0 && (
        <p className="muted small">{t('picker.noMatch')}</p>
      )}
      {q.trim() === '' && <p className="muted small">{t('picker.hint')}</p>}
    </div>
  );
}
