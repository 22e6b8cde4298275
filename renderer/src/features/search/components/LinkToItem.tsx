import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDto } from '../../../../../preload/contract';
import { ApiError, call } from '../../../api/client';
import { useGraph, useNodeSearch } from '../../../api/queries';
import { useAppStore } from '../../../app/store';

/**
 * "Link to knowledge item…": a small picker of knowledge items (the core's node search over label, aliases and
 * description, knowledge items only); choosing one creates the `documented_by` edge to this page of the file, as
 * one undoable edit.
 */
export function LinkToItem({ doc, page }: { doc: DocumentDto; page: number }) {
  const { t } = useTranslation('search');
  const notify = useAppStore((s) => s.notify);
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const graph = useGraph({ kinds: ['knowledge'] }, null);
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q), 120);
    return () => clearTimeout(h);
  }, [q]);
  const found = useNodeSearch(debounced, { limit: 12, kinds: ['knowledge'] });
  const items = useMemo(
    () => (q.trim() ? (found.data?.nodes ?? []).map((h) => h.node) : (graph.data?.nodes ?? []).slice(0, 12)),
    [graph.data, found.data, q],
  );
  const link = async (id: string, label: string) => {
    try {
      await call('library:link', { docId: doc.id, page, knowledgeId: id });
      notify(t('linked', { item: label, page, name: doc.name }));
      setOpen(false);
    } catch (e) {
      notify(e instanceof ApiError ? e.message : String(e), 'error');
    }
  };
  return (
    <span className="link-to-item">
      <button onClick={() => setOpen(!open)} data-testid="link-to-item">
        {t('linkToItem')}
      </button>
      {open && (
        <div className="link-picker" role="dialog" aria-label={t('linkPick', { page, name: doc.name })}>
          <div className="muted small">{t('linkPick', { page, name: doc.name })}</div>
          <input
            autoFocus
            value={q}
            placeholder={t('linkSearch')}
            onChange={(e) => setQ(e.target.value)}
            data-testid="link-search"
          />
          <ul>
            {items.map((n) => (
              <li key={n.id}>
                <button className="link" onClick={() => void link(n.id, n.label)}>
                  {n.label}
                  {n.aliases[0] && <span className="muted small"> · {n.aliases[0]}</span>}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </span>
  );
}
