import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EdgeKind } from '../../../../../preload/contract';
import { call, isElectron } from '../../../api/client';
import { useGraph } from '../../../api/queries';
import { useAppStore } from '../../../app/store';
import { GraphEngine } from '../engine/graph-engine';
import { mapController } from '../map-controller';
import { useMapStore } from '../store';
import { ConnectMenu } from './ConnectMenu';
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog';
import { EgoBar } from './EgoBar';
import { FilterPanel } from './FilterPanel';
import { Legend } from './Legend';
import { MapContextMenu } from './MapContextMenu';
import { MapToolbar } from './MapToolbar';
import { NewNodeDialog } from './NewNodeDialog';
import { NodePanel } from './NodePanel';
import { setScreenCounts } from './screen-counts';

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
  const graph = useGraph(Object.keys(filter).length ? filter : undefined, ego);
  const [layingOut, setLayingOut] = useState(false);

  // One engine per mount (StrictMode mounts twice: the first is destroyed in cleanup).
  useLayoutEffect(() => {
    const engine = new GraphEngine(containerRef.current!, {
      theme: useAppStore.getState().theme,
      webgl: useMapStore.getState().webgl,
      edgeLabel: (k: EdgeKind) => t(`edgeKinds.${k}`),
    });
    engineRef.current = engine;
    window.__wellspring = {
      engine,
      lastPaint: null,
      get enginesAlive() {
        return GraphEngine.alive;
      },
    };
    const offs = [
      engine.on('select', (id) => setMap({ selectedId: id })),
      engine.on('positions', (positions) => void call('graph:save-positions', { positions })),
      engine.on('connect', (c) => setMap({ connection: c })),
      engine.on('contextmenu', (m) => setMap({ contextMenu: m })),
      engine.on('layouting', setLayingOut),
      engine.on('painted', (p) => {
        setScreenCounts(p.nodes, p.edges);
        if (window.__wellspring) window.__wellspring.lastPaint = p;
      }),
    ];
    mapController.current = {
      fit: () => engine.fit(),
      layout: async (name) => {
        setMap({ layout: name });
        await engine.runLayout(name);
      },
      exportImage: async (format) => {
        const bg =
          getComputedStyle(document.documentElement).getPropertyValue('--canvas-bg').trim() || '#ffffff';
        const name = `wellspring-map.${format}`;
        const content = format === 'png' ? engine.exportPng(bg) : await engine.exportSvg(bg);
        if (isElectron) {
          const r = await call('export:save-file', {
            suggestedName: name,
            content,
            encoding: format === 'png' ? 'dataUrl' : 'utf8',
          });
          if (!r.saved) return;
        } else {
          const a = document.createElement('a');
          a.href =
            format === 'png' ? content : URL.createObjectURL(new Blob([content], { type: 'image/svg+xml' }));
          a.download = name;
          a.click();
        }
        useAppStore.getState().notify(t('toast.exported', { name }));
      },
      focusSearch: () => searchRef.current?.focus(),
      centre: () => engine.viewportCentre(),
    };
    return () => {
      offs.forEach((off) => off());
      mapController.current = null;
      if (window.__wellspring?.engine === engine) window.__wellspring.engine = null;
      engine.destroy();
      engineRef.current = null;
    };
    // The engine is created once; theme, language and data are pushed in by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [webgl]);

  useEffect(() => engineRef.current?.setTheme(theme), [theme]);
  useEffect(() => engineRef.current?.setEdgeLabel((k) => t(`edgeKinds.${k}`)), [t]);
  useEffect(() => engineRef.current?.setConnectMode(connectMode), [connectMode, webgl]);

  // Push data into the engine; lay out nodes that have no stored position yet.
  useEffect(() => {
    const engine = engineRef.current;
    if (!engine || !graph.data) return;
    engine.setFadeOthers(!ego);
    engine.setGraph(graph.data);
    const unplaced = engine.unplacedIds(graph.data);
    if (unplaced.length > 0 && !ego) {
      engine.runLayout(useMapStore.getState().layout).catch((e: Error) => notify(e.message, 'error'));
    } else if (ego) {
      engine.runLayout('concentric', ego.nodeId).catch((e: Error) => notify(e.message, 'error'));
    } else if (!engine.cy.extent() || engine.cy.zoom() === 1) {
      engine.fit();
    }
  }, [graph.data, ego, notify, webgl]);

  // Keep the engine's selection in step with the store (search, neighbour clicks).
  useEffect(() => {
    const engine = engineRef.current;
    if (!engine) return;
    const current = engine.cy.$('node:selected');
    if (selectedId && (current.length !== 1 || current[0]!.id() !== selectedId)) engine.focusNode(selectedId);
    if (!selectedId && current.length) engine.unselect();
  }, [selectedId, graph.data]);

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
