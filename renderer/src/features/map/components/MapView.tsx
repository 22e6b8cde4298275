import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EdgeKind } from '../../../../../preload/contract';
import { useMapGraph } from '../../../api/queries';
import { useAppStore } from '../../../app/store';
import { GraphEngine, type Insets } from '../engine/graph-engine';
import { setActiveView } from '../../../commands/registry';
import { saveMapPositions } from '../save-positions';
import { useMapViewState } from '../saved-view-state';
import { usePresenting } from '../../saved-views/store';
import { useLabelMode, useMapStore } from '../store';
import { useEncoding, usePersistedEncoding } from '../use-encoding';
import { ConnectMenu } from './ConnectMenu';
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog';
import { EgoBar } from './EgoBar';
import { FilterPanel } from './FilterPanel';
import { Legend } from './Legend';
import { ZoomControls } from './ZoomControls';
import { MapContextMenu } from './MapContextMenu';
import { MapToolbar } from './MapToolbar';
import { NewNodeDialog } from './NewNodeDialog';
import { NodePanel } from './NodePanel';
import { setScreenCounts } from './screen-counts';
import { useExportSource } from '../../../ui/export/export-sources';
import { mapExportSource } from '../export-map';

declare global {
  interface Window {
    /** Test and benchmark handle: the live engine and the time of the last painted frame (ms). */
    __wellspring?: {
      engine: GraphEngine | null;
      lastPaint: { nodes: number; edges: number; ms: number; at: number } | null;
      /** Engines alive now (GraphEngine.alive): 1 while the map is shown, 0 elsewhere. */
      enginesAlive?: number;
    };
  }
}

/** Margin (px) kept between the map and an overlay when fitting. */
const OVERLAY_GAP = 8;

/**
 * What the legend (bottom-left) and the zoom buttons (bottom-right) cover of the canvas, as the alternatives
 * GraphEngine.fit chooses from: each overlay either takes a column at its side or a band at the bottom.
 */
function overlayInsets(canvas: HTMLElement): Insets[] {
  const wrap = canvas.getBoundingClientRect();
  const rect = (sel: string) => canvas.parentElement?.querySelector(sel)?.getBoundingClientRect() ?? null;
  const legend = rect('[data-testid=legend]');
  const zoom = rect('.zoom-controls');
  const none = { top: 0, right: 0, bottom: 0, left: 0 };
  const ways = (r: DOMRect | null, side: 'left' | 'right') =>
    r
      ? [
          { ...none, [side]: (side === 'left' ? r.right - wrap.left : wrap.right - r.left) + OVERLAY_GAP },
          { ...none, bottom: wrap.bottom - r.top + OVERLAY_GAP },
        ]
      : [none];
  const out: Insets[] = [];
  for (const a of ways(legend, 'left'))
    for (const b of ways(zoom, 'right'))
      out.push({
        top: 0,
        left: Math.max(a.left, b.left),
        right: Math.max(a.right, b.right),
        bottom: Math.max(a.bottom, b.bottom),
      });
  return out;
}

/** The knowledge map: Cytoscape canvas (through GraphEngine), toolbar, filters, legend and the node panel. */
export function MapView() {
  const { t } = useTranslation('map');
  const containerRef = useRef<HTMLDivElement>(null);
  const engineRef = useRef<GraphEngine | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const theme = useAppStore((s) => s.theme);
  const notify = useAppStore((s) => s.notify);
  const { filter, ego, webgl, connectMode, selectedId } = useMapStore();
  const setMap = useMapStore((s) => s.set);
  const graph = useMapGraph(Object.keys(filter).length ? filter : undefined, ego);
  const [layingOut, setLayingOut] = useState(false);
  const layingOutRef = useRef(false);
  const presenting = usePresenting();
  const labelMode = useLabelMode();
  // The filter the map last showed data for: a new one re-fits the view (issue #6).
  const shownFilter = useRef('{}');
  // The view (filter and ego graph) the engine last showed, null for a new engine: leaving a view brings back
  // the stored positions, since a filtered or ego view's layout is only temporary (issue #6).
  const shownView = useRef<string | null>(null);
  const savedView = useMapViewState(engineRef, shownView, layingOutRef);

  // One engine per mount (StrictMode mounts twice: the first is destroyed in cleanup).
  useLayoutEffect(() => {
    const engine = new GraphEngine(containerRef.current!, {
      theme: useAppStore.getState().theme,
      webgl: useMapStore.getState().webgl,
      edgeLabel: (k: EdgeKind) => t(`edgeKinds.${k}`),
    });
    engineRef.current = engine;
    shownView.current = null;
    engine.setInsets(() => overlayInsets(containerRef.current!));
    window.__wellspring = {
      engine,
      lastPaint: null,
      get enginesAlive() {
        return GraphEngine.alive;
      },
    };
    const offs = [
      engine.on('select', (id) => setMap({ selectedId: id })),
      engine.on('positions', ({ positions, reason }) => {
        if (reason === 'move') savedView.placed(positions.map((p) => p.id));
        else if (reason === 'layout') savedView.laidOut();
        saveMapPositions(positions, reason).catch((e: Error) =>
          useAppStore.getState().notify(e.message, 'error'),
        );
      }),
      engine.on('connect', (c) => setMap({ connection: c })),
      engine.on('contextmenu', (m) => setMap({ contextMenu: m })),
      engine.on('layouting', (on) => {
        layingOutRef.current = on;
        setLayingOut(on);
      }),
      engine.on('painted', (p) => {
        setScreenCounts(p.nodes, p.edges);
        if (window.__wellspring) window.__wellspring.lastPaint = p;
      }),
      // Commands (keys, menus, palette) reach this engine through their context while the map is mounted.
      setActiveView({ kind: 'map', engine, focusSearch: () => searchRef.current?.focus() }),
    ];
    return () => {
      offs.forEach((off) => off());
      if (window.__wellspring?.engine === engine) window.__wellspring.engine = null;
      engine.destroy();
      engineRef.current = null;
    };
    // The engine is created once; theme, language and data are pushed in by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [webgl]);

  const exportSource = useCallback(() => (engineRef.current ? mapExportSource(engineRef.current) : null), []);
  useExportSource('map', exportSource);

  useEffect(() => engineRef.current?.setTheme(theme), [theme]);
  useEffect(() => engineRef.current?.setEdgeLabel((k) => t(`edgeKinds.${k}`)), [t]);
  useEffect(() => engineRef.current?.setConnectMode(connectMode), [connectMode, webgl]);
  useEffect(() => engineRef.current?.setLabelMode(labelMode), [labelMode, webgl]);
  // Presentation mode is read-only: nothing can be dragged or drawn.
  useEffect(() => engineRef.current?.setReadOnly(presenting), [presenting, webgl]);

  // Push data into the engine. Nodes without a stored position are placed beside their neighbours and nothing
  // else moves; a full layout runs only when no node has a position yet, or when the user asks for one. A
  // filtered or ego view is a subset: its layouts are temporary, and leaving it shows the stored positions again.
  useEffect(() => {
    const engine = engineRef.current;
    if (!engine || !graph.data || graph.isPlaceholderData) return;
    const filter = useMapStore.getState().filter;
    const filterKey = JSON.stringify(filter);
    const filterChanged = filterKey !== shownFilter.current;
    shownFilter.current = filterKey;
    const viewKey = JSON.stringify([filter, ego]);
    const first = shownView.current === null;
    const viewChanged = !first && viewKey !== shownView.current;
    // A temporary layout belongs to the view it ran in.
    if (viewChanged) useMapStore.getState().set({ subsetLayout: null });
    shownView.current = viewKey;
    engine.setScope(ego || Object.keys(filter).length ? 'subset' : 'whole');
    engine.setFadeOthers(!ego);
    const { needsLayout } = engine.setGraph(graph.data, { resetPositions: viewChanged, place: !ego });
    savedView.shown(viewKey);
    const failed = (e: Error) => notify(e.message, 'error');
    if (ego) {
      engine.runLayout('concentric', ego.nodeId).catch(failed);
    } else if (needsLayout) {
      // A map with no stored position at all (a new workspace, an import): its first arrangement, not undoable.
      engine.runLayout(useMapStore.getState().layout, undefined, 'place').catch(failed);
    } else if (filterChanged && !first) {
      engine.fitWhenPainted();
    } else if (first) {
      engine.fit();
    }
  }, [graph.data, graph.isPlaceholderData, ego, notify, webgl, savedView]);

  // Size and colour as the legend says (after setGraph above, so new nodes get them too).
  usePersistedEncoding();
  useEncoding(engineRef, graph.data, webgl);

  // Keep the engine's selection in step with the store (search, neighbour clicks); a multi-selection that
  // includes the store's node stays as it is.
  useEffect(() => {
    const engine = engineRef.current;
    if (!engine) return;
    const current = engine.selectedIds();
    if (selectedId && !current.includes(selectedId)) engine.focusNode(selectedId);
    if (!selectedId && current.length) engine.unselect();
  }, [selectedId, graph.data]);

  // The map search's Enter: centre the chosen node even when it was already selected.
  const focusRequest = useMapStore((s) => s.focusRequest);
  useEffect(() => {
    if (focusRequest) engineRef.current?.focusNode(focusRequest.id);
  }, [focusRequest]);

  return (
    <div className="map-view">
      <MapToolbar searchRef={searchRef} nodes={graph.data?.nodes ?? []} layingOut={layingOut} />
      <div className="map-body">
        <FilterPanel />
        <div className="map-canvas-wrap">
          <div ref={containerRef} className="map-canvas" data-testid="map-canvas" />
          {graph.isError && <div className="map-overlay error">{String(graph.error.message)}</div>}
          {graph.data && graph.data.nodes.length === 0 && (
            <div className="map-overlay" data-testid="map-empty">
              {Object.keys(filter).length ? t('filter.noMatch') : t('emptyWorkspace')}
            </div>
          )}
          {layingOut && (
            <div className="map-overlay progress" role="progressbar">
              {t('toolbar.layingOut', { count: graph.data?.nodes.length ?? 0 })}
            </div>
          )}
          <EgoBar />
          <Legend />
          <ZoomControls />
        </div>
        <NodePanel />
      </div>
      <NewNodeDialog />
      <ConfirmDeleteDialog />
      <ConnectMenu />
      <MapContextMenu />
    </div>
  );
}
