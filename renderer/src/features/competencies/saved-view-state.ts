/**
 * The competency diagram's part in saved views (features/saved-views/registry.ts): the drill level
 * (`layout.focusId`, the level's focus id), the experts toggle, every drawn position, the canvas size and the
 * camera. Restoring shows the positions without storing them in the level's own view, so a saved view never
 * moves the diagram's nodes for good.
 */
import { useEffect, type RefObject } from 'react';
import { adaptCamera, CANVAS_KEY, storedCanvas } from '../saved-views/camera';
import { registerViewState } from '../saved-views/registry';
import type { CompetencyEngine } from './engine/competency-engine';
import { useCompetenciesStore } from './store';

/** How long a restore waits for the level to be drawn (ms). */
const RESTORE_WAIT_MS = 10_000;

/** Registers the competency diagram with saved views while it is mounted; `title` names the level shown. */
export function useCompetencyViewState(engineRef: RefObject<CompetencyEngine | null>, title: string): void {
  useEffect(
    () =>
      registerViewState('competency', {
        capture() {
          const s = useCompetenciesStore.getState();
          const engine = engineRef.current;
          return {
            filters: {},
            layout: {
              focusId: engine?.snapshot().focusId ?? s.focusId,
              withExperts: s.withExperts,
              ...(engine ? { [CANVAS_KEY]: engine.canvasSize() } : {}),
            },
            positions: engine?.positions() ?? [],
            camera: engine?.camera() ?? null,
          };
        },
        async restore(state, { animate }) {
          const focusId = typeof state.layout.focusId === 'string' ? state.layout.focusId : null;
          useCompetenciesStore.getState().set({
            focusId,
            withExperts: state.layout.withExperts === true,
            restored: { focusId, positions: state.positions },
          });
          // The level arrives through a query and is drawn in an effect: wait until the engine shows it.
          const deadline = Date.now() + RESTORE_WAIT_MS;
          for (;;) {
            const snap = engineRef.current?.snapshot();
            if (snap && snap.nodes.length > 0 && (focusId === null || snap.focusId === focusId)) break;
            if (Date.now() > deadline) return;
            await new Promise((r) => setTimeout(r, 50));
          }
          const engine = engineRef.current;
          if (!engine) return;
          await engine.settled();
          if (state.camera) {
            const camera = adaptCamera(
              state.camera,
              storedCanvas(state.layout),
              engine.canvasSize(),
              animate,
            );
            await engine.setCamera(camera, animate);
          }
        },
        title: () => title,
      }),
    [engineRef, title],
  );
}
