/**
 * The knowledge map's part in saved views (features/saved-views/registry.ts): it captures and restores the
 * filters, the ego graph (centre and depth, kept in the layout settings as `egoNodeId`/`egoDepth`), the layout
 * last run, every node's position and the camera. Restoring positions only shows them — a saved view's positions
 * are its own and never overwrite the map's.
 */
import { useEffect, type RefObject } from 'react';
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

/**
 * Registers the map with saved views while it is mounted. `shownView` is MapView's key of the filter and ego
 * graph the engine last showed (JSON of `[filter, ego]`), `layingOut` whether a layout is running: restore waits
 * until the map shows the restored filter and its layout has finished before it puts positions and camera back.
 */
export function useMapViewState(
  engineRef: RefObject<GraphEngine | null>,
  shownView: RefObject<string | null>,
  layingOut: RefObject<boolean>,
): void {
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
        useMapStore.getState().set({ filter, ego, selectedId: null, ...(whole ? { layout: whole } : {}) });
        await settled(JSON.stringify([filter, ego]));
        const engine = engineRef.current;
        if (!engine) return;
        useMapStore.getState().set({ subsetLayout: layoutName(state.layout.subsetLayout) });
        engine.showPositions(state.positions);
        if (state.camera) {
          const camera = adaptCamera(state.camera, storedCanvas(state.layout), engine.canvasSize(), animate);
          await engine.setCamera(camera, animate);
        }
      },
    });
  }, [engineRef, shownView, layingOut]);
}
