import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SearchFilters } from '../../../../../preload/contract';
import { call } from '../../../api/client';
import { useLibraryFolders } from '../../../api/queries';
import { useAppStore } from '../../../app/store';
import { Modal } from '../../../ui/Modal';
import { useMapStore } from '../../map/store';
import { useViewerStore } from '../../viewer/store';
import { DocHit } from './DocHit';
import { Highlighted } from './Highlighted';
import { IndexProgress } from './IndexProgress';
import { PinyinReason } from './PinyinReason';
import { SCRIPT_KEY, scriptConversionOn } from '../search-settings';

const TYPES = ['pdf', 'docx', 'odt', 'pptx', 'xlsx', 'ods', 'odp', 'html', 'md', 'txt', 'csv', 'epub', 'rtf'];
/** Nodes listed at first, and after "show N more" (the channel's `nodeLimit` maximum). */
const NODES_FIRST = 10;
const NODES_ALL = 1000;
/** Where the glossary-expansion switch is remembered. */
const EXPAND_KEY = 'wellspring.search.expand';

/**
 * Global search (Ctrl+K): documents and graph nodes, results as you type (after a short pause, never in the
 * middle of IME composition), grouped by document with page numbers and highlighted snippets. Past the first ten
 * nodes and a document's three best pages, "show N more" asks the search for the rest.
 */
export function SearchDialog() {
  const { t } = useTranslation(['search', 'map']);
  const close = () => useAppStore.getState().setModal(null);
  const [input, setInput] = useState('');
  const [composing, setComposing] = useState(false);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilters>({});
  // The query whose nodes are all shown ("show N more" clicked); a new query starts with the first ten again.
  const [allNodesFor, setAllNodesFor] = useState<string | null>(null);
  const nodeLimit = allNodesFor === query ? NODES_ALL : NODES_FIRST;
  // Glossary expansion (also search a term's synonyms and translations): on unless the user turned it off.
  const [expand, setExpandState] = useState(() => localStorage.getItem(EXPAND_KEY) !== '0');
  const setExpand = (on: boolean) => {
    localStorage.setItem(EXPAND_KEY, on ? '1' : '0');
    setExpandState(on);
  };
  // Simplified ↔ Traditional (also search 軟體 for 软件 and the reverse): on unless the user turned it off.
  const [convertScript, setScriptState] = useState(scriptConversionOn);
  const setConvertScript = (on: boolean) => {
    localStorage.setItem(SCRIPT_KEY, on ? '1' : '0');
    setScriptState(on);
  };
  const folders = useLibraryFolders();
  const openViewer = useViewerStore((s) => s.open);

  // Debounce typing; while an IME composes (拼音 → 汉字) the text is not a query yet.
  useEffect(() => {
    if (composing) return;
    const h = setTimeout(() => setQuery(input.trim()), 120);
    return () => clearTimeout(h);
  }, [input, composing]);

  const results = useQuery({
    queryKey: ['search:query', query, filters, nodeLimit, expand, convertScript],
    queryFn: () => call('search:query', { query, limit: 50, nodeLimit, filters, expand, convertScript }),
    enabled: query.length > 0,
    placeholderData: (prev) => prev,
  });
  const r = query ? results.data : undefined;
  const set = (patch: Partial<SearchFilters>) => {
    const next = { ...filters, ...patch };
    for (const k of Object.keys(next) as Array<keyof SearchFilters>)
      if (next[k] === undefined || next[k] === '') delete next[k];
    setFilters(next);
  };
  const libraryEmpty = folders.data?.length === 0;

  return (
    <Modal title={t('title')} onClose={close} wide testId="search-dialog">
      <input
        autoFocus
        className="search-input"
        value={input}
        placeholder={t('placeholder')}
        data-testid="search-input"
        onChange={(e) => setInput(e.target.value)}
        onCompositionStart={() => setComposing(true)}
        onCompositionEnd={(e) => {
          setComposing(false);
          setInput(e.currentTarget.value);
        }}
      />
      <div className="search-filters">
        <select
          aria-label={t('filters.type')}
          value={filters.types?.[0] ?? ''}
          onChange={(e) => set({ types: e.target.value ? [e.target.value] : undefined })}
        >
          <option value="">{t('filters.allTypes')}</option>
          {TYPES.map((x) => (
            <option key={x} value={x}>
              {x.toUpperCase()}
            </option>
          ))}
        </select>
        <select
          aria-label={t('filters.folder')}
          value={filters.folderId ?? ''}
          onChange={(e) => set({ folderId: e.target.value ? Number(e.target.value) : undefined })}
        >
          <option value="">{t('filters.allFolders')}</option>
          {folders.data?.map((f) => (
            <option key={f.id} value={f.id}>
              {f.path}
            </option>
          ))}
        </select>
        <label className="check" title={t('expand.hint')}>
          <input
            type="checkbox"
            checked={expand}
            data-testid="search-expand"
            onChange={(e) => setExpand(e.target.checked)}
          />
          {t('expand.label')}
        </label>
        <label className="check" title={t('script.hint')}>
          <input
            type="checkbox"
            checked={convertScript}
            data-testid="search-script"
            onChange={(e) => setConvertScript(e.target.checked)}
          />
          {t('script.label')}
        </label>
        <label>
          {t('filters.from')}
          <input
            type="date"
            value={filters.from ?? ''}
            onChange={(e) => set({ from: e.target.value || undefined })}
          />
        </label>
        <label>
          {t('filters.to')}
          <input
            type="date"
            value={filters.to ?? ''}
            onChange={(e) => set({ to: e.target.value || undefined })}
          />
        </label>
      </div>
      {libraryEmpty && <p className="muted small">{t('emptyLibrary')}</p>}
      <IndexProgress waiting={query.length > 0 && results.isFetching} />
      {!query && <p className="muted">{t('hint')}</p>}
      {r && r.total === 0 && r.nodes.length === 0 && <p className="muted">{t('noResults', { query })}</p>}
      {r && (r.total > 0 || r.nodes.length > 0) && (
        <div className="search-results-list" data-testid="search-results">
          <p className="muted small">{t('took', { count: r.total, ms: Math.round(r.tookMs * 10) / 10 })}</p>
          {(r.alsoSearched?.length ?? 0) > 0 && (
            <p className="also-searched small" data-testid="also-searched">
              {t('expand.also', { forms: r.alsoSearched!.join(t('expand.separator')) })}{' '}
              <button className="link" onClick={() => setExpand(false)}>
                {t('expand.off')}
              </button>
            </p>
          )}
          {(r.scriptForms?.length ?? 0) > 0 && (
            <p className="also-searched small" data-testid="script-forms">
              {t('script.also', { forms: r.scriptForms!.join(t('expand.separator')) })}{' '}
              <button className="link" onClick={() => setConvertScript(false)}>
                {t('script.off')}
              </button>
            </p>
          )}
          {r.nodes.length > 0 && (
            <section>
              <h3>{t('nodes', { count: r.totalNodes })}</h3>
              <ul className="node-hits">
                {r.nodes.map((n) => (
                  <li key={n.node.id}>
                    <button
                      className="link"
                      onClick={() => {
                        close();
                        useAppStore.getState().setView('map');
                        useMapStore.getState().set({ selectedId: n.node.id, ego: null });
                      }}
                    >
                      <span className={`kind-dot kind-${n.node.kind}`} />
                      {/* One flex item: marked and unmarked parts would be spaced apart (資料庫 備份流程). */}
                      <span className="node-hit-label">
                        <Highlighted text={n.node.label} ranges={n.highlights} />
                      </span>
                      <span className="muted small"> · {t(`map:kinds.${n.node.kind}`)}</span>
                      <ViaForms forms={n.matchedForms} query={query} />
                      {n.pinyin && (
                        <span className="muted small">
                          {' · '}
                          <PinyinReason pinyin={n.pinyin} />
                        </span>
                      )}
                    </button>
                  </li>
                ))}
              </ul>
              {Math.min(NODES_ALL, r.totalNodes) > r.nodes.length && (
                <button
                  className="link small show-more"
                  data-testid="more-nodes"
                  disabled={results.isFetching}
                  onClick={() => setAllNodesFor(query)}
                >
                  {results.isFetching && allNodesFor === query
                    ? t('loadingMore')
                    : t('moreNodes', { count: Math.min(NODES_ALL, r.totalNodes) - r.nodes.length })}
                </button>
              )}
            </section>
          )}
          {r.docs.length > 0 && (
            <section>
              <h3>{t('documents', { count: r.total })}</h3>
              {r.docs.map((d) => (
                <DocHit
                  key={d.doc.id}
                  hit={d}
                  query={query}
                  filters={filters}
                  expand={expand}
                  convertScript={convertScript}
                  onOpen={(page) => {
                    close();
                    // Found only as another form (軟體 → 软件, a synonym): the viewer marks that form.
                    const form = d.matchedForms?.includes(query) ? query : (d.matchedForms?.[0] ?? query);
                    openViewer({ docId: d.doc.id, page, query: form });
                  }}
                />
              ))}
            </section>
          )}
        </div>
      )}
    </Modal>
  );
}

/** "via 客户档案卡" when only a glossary variant, not the query itself, found a hit. */
function ViaForms({ forms, query }: { forms?: string[]; query: string }) {
  const { t } = useTranslation('search');
  const variants = (forms ?? []).filter((f) => f !== query);
  if (variants.length === 0 || (forms ?? []).includes(query)) return null;
  return (
    <span className="muted small" data-testid="via-forms">
      {' '}
      · {t('expand.via', { forms: variants.join(t('expand.separator')) })}
    </span>
  );
}
