/**
 * The knowledge map's part in saved views (features/saved-views/registry.ts): it captures and restores the
 * filters, the ego graph (centre and depth, kept in the layout settings as `egoNodeId`/`egoDepth`), the layout
 * last run, every node's position and the camera. Restoring positions only shows them — a saved view's positions
 * are its own and never overwrite the map's. They stay shown while the restored view is (a refetch of the graph,
 * e.g. after an edit, would otherwise put the map's stored positions back), until the user drags those nodes
 * or runs a layout.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { GraphFilter } from '../../../../preload/contract';
import { adaptCamera, CANVAS_KEY, storedCanvas } from '../saved-views/camera';
import { registerViewState, type SavedViewState } from '../saved-views/registry';
import type { GraphEngine } from './engine/graph-engine';
import type { LayoutName } from './engine/layout-options';
import { useMapStore } from './store';

/** How long restore waits at most for the map to show the restored filter or ego graph (ms). */
const SETTLE_TIMEOUT = 10_000;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The ego graph a saved state names, or null. */
function egoOf(layout: Record<string, unknown>): { nodeId: string; depth: number } | null {
  if (typeof layout.egoNodeId !== 'string') return null;
  const depth = typeof layout.egoDepth === 'number' && layout.egoDepth >= 1 ? layout.egoDepth : 1;
  return { nodeId: layout.egoNodeId, depth };
}

const LAYOUTS: readonly LayoutName[] = ['force', 'hierarchical', 'concentric'];
const layoutName = (v: unknown): LayoutName | null =>
  (LAYOUTS as readonly unknown[]).includes(v) ? (v as LayoutName) : null;

/** What MapView tells the saved-view state about the map (see useMapViewState). */
export interface MapSavedViewHooks {
  /** The engine was given data for the view `key` (JSON of `[filter, ego]`): re-show restored positions. */
  shown(key: string): void;
  /** The user placed these nodes (a drag): they no longer show the saved view's positions. */
  placed(ids: string[]): void;
  /** The user ran a layout: no restored position is shown any more. */
  laidOut(): void;
}

/**
 * Registers the map with saved views while it is mounted. `shownView` is MapView's key of the filter and ego
 * graph the engine last showed (JSON of `[filter, ego]`), `layingOut` whether a layout is running: restore waits
 * until the map shows the restored filter and its layout has finished before it puts positions and camera back.
 */
export function useMapViewState(
  engineRef: RefObject<GraphEngine | null>,
  shownView: RefObject<string | null>,
  layingOut: RefObject<boolean>,
): MapSavedViewHooks {
  // The positions of the saved view last restored, for the view key it was restored in.
  const override = useRef<{ key: string; positions: Map<string, { x: number; y: number }> } | null>(null);
  // One object per mount, so MapView's effects can depend on it without re-running.
  const [hooks] = useState<MapSavedViewHooks>(() => ({
    shown(key) {
      const o = override.current;
      if (!o) return;
      if (o.key !== key) override.current = null;
      else engineRef.current?.showPositions([...o.positions].map(([id, p]) => ({ id, ...p })));
    },
    placed(ids) {
      for (const id of ids) override.current?.positions.delete(id);
    },
    laidOut() {
      override.current = null;
    },
  }));
  useEffect(() => {
    const settled = async (key: string) => {
      const until = Date.now() + SETTLE_TIMEOUT;
      let calm = 0;
      // Two calm checks in a row: a layout starts right after the data is shown, and a re-fit after its paint.
      while (calm < 2 && Date.now() < until) {
        await sleep(100);
        calm = shownView.current === key && !layingOut.current ? calm + 1 : 0;
      }
    };
    return registerViewState('map', {
      capture(): SavedViewState {
        const engine = engineRef.current;
        const m = useMapStore.getState();
        return {
          filters: m.filter,
          layout: {
            layout: m.layout,
            ...(engine ? { [CANVAS_KEY]: engine.canvasSize() } : {}),
            ...(m.subsetLayout ? { subsetLayout: m.subsetLayout } : {}),
            ...(m.ego ? { egoNodeId: m.ego.nodeId, egoDepth: m.ego.depth } : {}),
          },
          positions: engine?.nodePositions() ?? [],
          camera: engine?.camera() ?? null,
        };
      },
      async restore(state, { animate }) {
        const filter: GraphFilter = state.filters;
        const ego = egoOf(state.layout);
        const whole = layoutName(state.layout.layout);
        override.current = null;
        useMapStore.getState().set({ filter, ego, selectedId: null, ...(whole ? { layout: whole } : {}) });
        const key = JSON.stringify([filter, ego]);
        await settled(key);
        const engine = engineRef.current;
        if (!engine) return;
        useMapStore.getState().set({ subsetLayout: layoutName(state.layout.subsetLayout) });
        override.current = {
          key,
          positions: new Map(state.positions.map((p) => [p.id, { x: p.x, y: p.y }])),
        };
        engine.showPositions(state.positions);
        if (state.camera) {
          const camera = adaptCamera(state.camera, storedCanvas(state.layout), engine.canvasSize(), animate);
          await engine.setCamera(camera, animate);
        }
      },
    });
  }, [engineRef, shownView, layingOut]);
  return hooks;
}
