import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNodeSearch } from '../../../api/queries';
import type { MatrixItem } from '../stable-rows';

/**
 * "Add knowledge item" of the matrix: a button that opens a search of knowledge items (`search:nodes` with
 * kinds ['knowledge'], as Ctrl+K finds them; only templates and forms when `templatesOnly`). Picking one calls
 * `onPick` with it as a matrix row; nothing is written until one of its cells is toggled. Items already rows are
 * listed but not offered again. Written here rather than reusing the processes feature's NodeFinder, so that
 * reports do not import processes (which mounts them).
 */
export function AddItemPicker(props: {
  templatesOnly: boolean;
  /** Ids of the rows on screen. */
  rows: ReadonlySet<string>;
  disabled?: boolean;
  onPick(item: MatrixItem): void;
}) {
  const { t } = useTranslation('reports');
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q), 120);
    return () => clearTimeout(h);
  }, [q]);
  const found = useNodeSearch(open ? debounced : '', { limit: 60, kinds: ['knowledge'] });
  const items = useMemo(
    () =>
      (found.data?.nodes ?? [])
        .map(({ node }): MatrixItem => {
          const existence = typeof node.props.existence === 'string' ? node.props.existence : '';
          return { id: node.id, label: node.label, existence, template: existence === 'template' };
        })
        .filter((i) => !props.templatesOnly || i.template)
        .slice(0, 20),
    [found.data, props.templatesOnly],
  );
  const close = () => {
    setOpen(false);
    setQ('');
    setDebounced('');
  };
  const searching = q.trim() !== '' && (debounced !== q || found.isFetching);
  const message =
    q.trim() === ''
      ? t('matrix.add.hint')
      : searching
        ? t('matrix.add.searching')
        : items.length === 0
          ? t('matrix.add.noMatch')
          : null;
  const search = t(props.templatesOnly ? 'matrix.add.searchTemplates' : 'matrix.add.search');

  return (
    <span
      className="matrix-add"
      onBlur={(e) => {
        // Focus leaving the button and the popover (a click elsewhere, Tab away) closes it.
        if (open && !e.currentTarget.contains(e.relatedTarget)) close();
      }}
    >
      <button
        onClick={() => (open ? close() : setOpen(true))}
        aria-expanded={open}
        disabled={props.disabled}
        data-testid="matrix-add-item"
      >
        {t('matrix.add.button')}
      </button>
      {open && (
        <div
          className="matrix-add-popover"
          role="dialog"
          aria-label={t('matrix.add.button')}
          data-testid="matrix-add-popover"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            close();
          }}
        >
          <input
            autoFocus
            value={q}
            placeholder={search}
            aria-label={search}
            onChange={(e) => setQ(e.target.value)}
            data-testid="matrix-add-search"
          />
          <ul>
            {q.trim() !== '' &&
              items.map((item) => {
                const taken = props.rows.has(item.id);
                return (
                  <li key={item.id}>
                    <button
                      className="link"
                      disabled={taken}
                      onClick={() => {
                        props.onPick(item);
                        close();
                      }}
                      data-testid="matrix-add-option"
                      data-id={item.id}
                    >
                      {item.label}
                    </button>
                    {item.template && <span className="template-mark muted">{t('matrix.template')}</span>}
                    {taken && <span className="muted small">{t('matrix.add.already')}</span>}
                  </li>
                );
              })}
          </ul>
          {message && <p className="muted small">{message}</p>}
        </div>
      )}
    </span>
  );
}
