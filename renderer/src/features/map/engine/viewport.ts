/** Camera moves of an engine's canvas: fitting around the overlays, and zoom steps about the centre. */
import type { Core } from 'cytoscape';
import type { Insets } from './engine-types';

/**
 * Fits every element into the canvas with `padding` (rendered px) and out of the way of the overlays: Cytoscape's
 * own fit centres on the whole canvas, but a legend or zoom buttons cover part of it. `insets` are alternatives
 * (a column beside an overlay, or a band below it); the one that allows the largest zoom wins. Zoom stays within
 * the core's min/max; `animate` eases there in 300 ms. With no elements or no room, Cytoscape's fit is used.
 */
export function fitViewport(cy: Core, padding: number, insets: readonly Insets[], animate: boolean): void {
  // A panel opening beside the canvas resizes it before Cytoscape notices: read the size now.
  cy.resize();
  const box = cy.elements().boundingBox();
  let best: { zoom: number; pan: { x: number; y: number } } | null = null;
  for (const inset of insets) {
    const w = cy.width() - inset.left - inset.right - 2 * padding;
    const h = cy.height() - inset.top - inset.bottom - 2 * padding;
    if (box.w <= 0 || box.h <= 0 || w <= 0 || h <= 0) continue;
    const zoom = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), Math.min(w / box.w, h / box.h)));
    if (best && best.zoom >= zoom) continue;
    best = {
      zoom,
      pan: {
        x: inset.left + padding + (w - zoom * box.w) / 2 - zoom * box.x1,
        y: inset.top + padding + (h - zoom * box.h) / 2 - zoom * box.y1,
      },
    };
  }
  if (!best) {
    if (animate) cy.animate({ fit: { eles: cy.elements(), padding } }, { duration: 300 });
    else cy.fit(undefined, padding);
  } else if (animate) cy.animate(best, { duration: 300 });
  else cy.viewport(best);
}

/**
 * Zooms to `level` (clamped to the core's min/max) about the centre of the canvas, animated (200 ms), after
 * stopping any camera move under way; `done` runs when it has arrived. Returns the clamped level.
 */
export function zoomViewport(cy: Core, level: number, done: () => void): number {
  const clamped = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), level));
  const box = cy.container()!.getBoundingClientRect();
  cy.stop();
  cy.animate(
    { zoom: { level: clamped, renderedPosition: { x: box.width / 2, y: box.height / 2 } } },
    { duration: 200, complete: done },
  );
  return clamped;
}

/** A camera as Cytoscape reports it: zoom factor and pan in rendered px (a saved view stores it). */
export interface CameraState {
  zoom: number;
  pan: { x: number; y: number };
}

/** The camera of `cy` now (a copy). */
export function cameraOf(cy: Core): CameraState {
  const pan = cy.pan();
  return { zoom: cy.zoom(), pan: { x: pan.x, y: pan.y } };
}

/**
 * The canvas size in CSS px, from the container itself: Cytoscape's cached size lags a layout change (a sidebar
 * opening) until it resizes. Saved views adapt a camera saved on another size with it.
 */
export function canvasSizeOf(cy: Core): { width: number; height: number } {
  const el = cy.container();
  return { width: el?.clientWidth ?? cy.width(), height: el?.clientHeight ?? cy.height() };
}

/**
 * Moves the camera of `cy` to `camera`, stopping a move under way; with `animate` it eases there in 500 ms
 * (presentation mode's step between saved views). Resolves when the camera is there.
 */
export function moveCamera(cy: Core, camera: CameraState, animate: boolean): Promise<void> {
  cy.resize();
  cy.stop(true, false);
  if (!animate) {
    cy.viewport({ zoom: camera.zoom, pan: camera.pan });
    return Promise.resolve();
  }
  return new Promise((resolve) =>
    cy.animate(
      { zoom: camera.zoom, pan: camera.pan },
      { duration: 500, easing: 'ease-in-out-cubic', complete: () => resolve() },
    ),
  );
}
