/**
 * The map's imperative actions, registered by MapView while it is mounted, so that commands (keyboard, menu,
 * palette) can drive the engine without holding it. Null when the map is not on screen.
 */
import type { LayoutName } from './engine/layout-options';

export interface MapController {
  fit(): void;
  layout(name: LayoutName): Promise<void>;
  exportImage(format: 'png' | 'svg'): Promise<void>;
  focusSearch(): void;
  /** Centre of the viewport in model coordinates, where new nodes go. */
  centre(): { x: number; y: number };
}

export const mapController: { current: MapController | null } = { current: null };
