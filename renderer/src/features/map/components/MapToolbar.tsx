import { useEffect, useMemo, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapNodeDto, NodeDto } from '../../../../../preload/contract';
import { runCommand } from '../../../commands/registry';
import { call } from '../../../api/client';
import { useNodeSearch } from '../../../api/queries';
import { activeFilterCount, focusNode, setLabelMode, useLabelMode, useMapStore } from '../store';
import type { LabelMode } from '../engine/node-label';
import { ExportMenu } from '../../../ui/export/ExportMenu';
import { Highlighted } from '../../search/components/Highlighted';
import { PinyinReason } from '../../search/components/PinyinReason';
import { scriptConversionOn } from '../../search/search-settings';
import { exportSourceOf } from '../../../ui/export/export-sources';

/** How many matches the search box lists. */
const SEARCH_LIMIT = 8;

/**
 * Search box (the core's node search: label, aliases, description; Chinese, English, mixed, full-width), layouts,
 * fit, new node, connect mode, export, filters. Matches are listed as you type (not while an IME composes); Enter
 * centres the best one, also when it is already selected. Only nodes on the canvas are offered. Simplified ↔
 * Traditional follows Ctrl+K's switch (search-settings.ts).
 */
export function MapToolbar({
  searchRef,
  nodes,
  layingOut,
}: {
  searchRef: RefObject<HTMLInputElement | null>;
  nodes: MapNodeDto[];
  layingOut: boolean;
}) {
  const { t } = useTranslation('map');
  const { layout, subsetLayout, ego, connectMode, filtersOpen, filter, webgl, set } = useMapStore();
  // A filtered or ego view shows its own temporary layout, if one ran; the whole map its stored one.
  const shownLayout = ego || Object.keys(filter).length ? (subsetLayout ?? layout) : layout;
  const labelMode = useLabelMode();
  const [query, setQuery] = useState('');
  const [composing, setComposing] = useState(false);
  const [active, setActive] = useState(0);
  // One request per pause in typing, as Ctrl+K does.
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(composing ? '' : query), 120);
    return () => clearTimeout(h);
  }, [query, composing]);
  // Simplified ↔ Traditional as set in Ctrl+K (off there: off here too).
  const convertScript = scriptConversionOn();
  const search = useNodeSearch(debounced, { limit: 50, convertScript });
  const onCanvas = useMemo(() => new Set(nodes.map((n) => n.id)), [nodes]);
  const settled = debounced === query && !search.isFetching;
  // Only the answer to what is typed now: an older query's matches would point at the wrong nodes.
  const current = settled && !search.isPlaceholderData;
  const results = useMemo(
    () =>
      composing || !query.trim() || !current
        ? []
        : (search.data?.nodes ?? []).filter((h) => onCanvas.has(h.node.id)).slice(0, SEARCH_LIMIT),
    [search.data, onCanvas, composing, query, current],
  );

  const choose = (n: NodeDto) => {
    focusNode(n.id);
    setQuery('');
    searchRef.current?.blur();
  };

  return (
    <div className="map-toolbar" role="toolbar">
      <div className="search">
        <input
          ref={searchRef}
          type="search"
          value={query}
          placeholder={t('toolbar.search')}
          aria-label={t('toolbar.search')}
          data-testid="map-search"
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onCompositionStart={() => setComposing(true)}
          onCompositionEnd={() => setComposing(false)}
          onKeyDown={(e) => {
            if (e.nativeEvent.isComposing) return;
            if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, results.length - 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
            else if (e.key === 'Enter' && settled && results[active]) choose(results[active].node);
            else if (e.key === 'Enter' && query.trim()) {
              // Typed faster than the debounce: ask now and take the best match on the canvas.
              void call('search:nodes', { query, limit: 50, convertScript }).then((r) => {
                const best = r.nodes.find((h) => onCanvas.has(h.node.id));
                if (best) choose(best.node);
              });
            } else if (e.key === 'Escape') setQuery('');
            else return;
            e.preventDefault();
          }}
        />
        {query.trim() && !composing && (
          <ul className="search-results" role="listbox" data-testid="map-search-results">
            {results.length === 0 && settled && (
              <li className="muted">{t('toolbar.noResults', { query })}</li>
            )}
            {results.map(({ node: n, highlights, pinyin }, i) => (
              <li
                key={n.id}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : ''}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(n);
                }}
              >
                <span className={`kind-dot kind-${n.kind}`} />
                <span className="label">
                  <Highlighted text={n.label} ranges={highlights} />
                </span>
                {pinyin ? (
                  // A pinyin hit says why it matched, in place of the alias.
                  <PinyinReason pinyin={pinyin} className="alias" />
                ) : (
                  n.aliases[0] && <span className="alias">{n.aliases[0]}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="group" role="group" aria-label={t('toolbar.layout')}>
        {(['force', 'hierarchical', 'concentric'] as const).map((name) => (
          <button
            key={name}
            className={shownLayout === name ? 'pressed' : ''}
            disabled={layingOut}
            onClick={() =>
              runCommand(
                name === 'force'
                  ? 'map.layoutForce'
                  : name === 'hierarchical'
                    ? 'map.layoutHierarchical'
                    : 'map.layoutConcentric',
                'button',
              )
            }
          >
            {t(`toolbar.${name}`)}
          </button>
        ))}
      </div>
      <button onClick={() => runCommand('map.fit', 'button')}>{t('toolbar.fit')}</button>
      <button data-testid="new-node" onClick={() => runCommand('map.addNode', 'button')}>
        ＋ {t('toolbar.newNode')}
      </button>
      <button
        className={connectMode ? 'pressed' : ''}
        aria-pressed={connectMode}
        data-testid="connect-mode"
        title={t('panel.empty')}
        onClick={() => set({ connectMode: !connectMode })}
      >
        ⤳ {t('connect.mode')}
      </button>
      <button className={filtersOpen ? 'pressed' : ''} onClick={() => set({ filtersOpen: !filtersOpen })}>
        {t('toolbar.filters')}
        {activeFilterCount(filter) > 0 && <span className="badge">{activeFilterCount(filter)}</span>}
      </button>
      <span className="spacer" />
      <label className="check" title={t('toolbar.labelsHint')}>
        {t('toolbar.labels')}
        <select
          value={labelMode}
          data-testid="label-mode"
          onChange={(e) => setLabelMode(e.target.value as LabelMode)}
        >
          <option value="zh">{t('toolbar.labelsZh')}</option>
          <option value="en">{t('toolbar.labelsEn')}</option>
          <option value="both">{t('toolbar.labelsBoth')}</option>
        </select>
      </label>
      <label className="check" title={t('toolbar.webglHint')}>
        <input
          type="checkbox"
          checked={webgl}
          onChange={(e) => {
            localStorage.setItem('wellspring.webgl', e.target.checked ? '1' : '0');
            set({ webgl: e.target.checked });
          }}
        />
        {t('toolbar.webgl')}
      </label>
      <ExportMenu testId="map-export" source={() => exportSourceOf('map')} />
    </div>
  );
}
