/**
 * The process pipeline's part in saved views (features/saved-views/registry.ts): the process shown
 * (`layout.processId`), the steps' positions and the camera. Restoring shows the positions without storing them
 * in the process's own view, so a saved view never moves the pipeline's steps for good.
 */
import { useEffect, type RefObject } from 'react';
import { adaptCamera, CANVAS_KEY, storedCanvas } from '../saved-views/camera';
import { registerViewState } from '../saved-views/registry';
import type { PipelineEngine } from './engine/pipeline-engine';

/** Registers the pipeline of `processId` with saved views while it is mounted. */
export function usePipelineViewState(engineRef: RefObject<PipelineEngine | null>, processId: string): void {
  useEffect(
    () =>
      registerViewState('process', {
        capture() {
          const engine = engineRef.current;
          return {
            filters: {},
            layout: { processId, ...(engine ? { [CANVAS_KEY]: engine.canvasSize() } : {}) },
            positions: engine?.stepPositions() ?? [],
            camera: engine?.camera() ?? null,
          };
        },
        async restore(state, { animate }) {
          // The pipeline draws its data in an effect after mounting: let it paint first.
          await new Promise((r) => setTimeout(r, 150));
          const engine = engineRef.current;
          if (!engine) return;
          engine.showStepPositions(state.positions);
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
      }),
    [engineRef, processId],
  );
}
