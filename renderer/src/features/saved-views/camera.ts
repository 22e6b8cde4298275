/**
 * A saved camera on a canvas of another size (presentation mode hides the app's chrome, a window was resized):
 * Cytoscape's pan is in rendered px from the canvas's top-left corner, so the same zoom and pan would show the
 * saved picture off-centre. This keeps the model point that was at the canvas centre at the centre and, when
 * asked, scales the zoom with the canvas (the picture fills a larger canvas: large type when presenting).
 */
import type { Camera } from '../../../../preload/contract';

/** A canvas size in CSS px. */
export interface CanvasSize {
  width: number;
  height: number;
}

/** Layout key under which graph views store the canvas size their camera was captured on. */
export const CANVAS_KEY = 'canvas';

/** The canvas size stored in layout settings, or null. */
export function storedCanvas(layout: Record<string, unknown>): CanvasSize | null {
  const c = layout[CANVAS_KEY] as Partial<CanvasSize> | undefined;
  return c && typeof c.width === 'number' && typeof c.height === 'number' && c.width > 0 && c.height > 0
    ? { width: c.width, height: c.height }
    : null;
}

/**
 * `camera`, captured on a canvas of size `from`, for a canvas of size `to`: unchanged when the sizes are equal
 * (or `from` is unknown); else centred on the same model point, zoom × min(to/from) when `scale`.
 */
export function adaptCamera(camera: Camera, from: CanvasSize | null, to: CanvasSize, scale: boolean): Camera {
  if (!from || (from.width === to.width && from.height === to.height)) return camera;
  const k = scale ? Math.min(to.width / from.width, to.height / from.height) : 1;
  const zoom = camera.zoom * k;
  const mx = (from.width / 2 - camera.pan.x) / camera.zoom;
  const my = (from.height / 2 - camera.pan.y) / camera.zoom;
  return { zoom, pan: { x: to.width / 2 - mx * zoom, y: to.height / 2 - my * zoom } };
}
