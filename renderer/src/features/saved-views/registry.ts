/**
 * Saved views: the registration API graph views implement so their state can be saved under a name and restored
 * exactly (issue 9, item 4) and stepped through in presentation mode (item 5).
 *
 * A graph view (map, ego, pipeline, competency) registers while it is mounted:
 *
 *   useEffect(() => registerViewState('competency', { capture, restore }), [deps]);
 *
 * `registerViewState` returns the unregister function, so it fits a React effect directly. Only the last
 * registration of a kind is live; unregistering a stale one is a no-op.
 *
 * Saving: the saved-views sidebar calls `capture()` of the view on screen and stores the result with
 * `views:create` (kind `saved`, `layout` = `{ ...state.layout, [BASE_KIND_KEY]: kind, [BASE_VIEW_KEY]: … }`,
 * `filters`, `camera`) and then `views:save-positions` with `state.positions` (reason `place`, so saving a view
 * is not an undo step for the graph). Opening: the sidebar switches to the base view's screen, waits until it has
 * registered, then calls `restore(state, { animate })` with the positions read back for the saved view.
 */
import type { Camera, GraphFilter, Position } from '../../../../preload/contract';

/** The graph views that can be saved. `ego` is the knowledge map with an ego centre (kept in `layout`). */
export type SavedViewKind = 'map' | 'ego' | 'process' | 'competency';

/** Layout key naming which kind of view a saved view belongs to (a SavedViewKind). */
export const BASE_KIND_KEY = 'savedFrom';
/** Layout key naming the base view's id (e.g. the process id for a pipeline, `map` for the map). */
export const BASE_VIEW_KEY = 'baseViewId';

/**
 * Everything needed to put a graph view back exactly as it was. Serialisable (stored through views:create /
 * views:update / views:save-positions).
 */
export interface SavedViewState {
  /** The view's filters (the knowledge map's GraphFilter; `{}` for views without filters). */
  filters: GraphFilter;
  /**
   * Free-form layout settings: which layout ran and its options, plus anything view-specific that the
   * contract has no field for — e.g. an ego graph's `{ egoNodeId, egoDepth }`, a pipeline's `processId`,
   * a competency diagram's drill path. At most ~40 keys (the store allows 50, two are used by the sidebar).
   */
  layout: Record<string, unknown>;
  /** Node positions in model coordinates, as drawn when captured (all nodes on screen). */
  positions: Position[];
  /** Zoom and pan as Cytoscape reports them; null when the view has no camera yet. */
  camera: Camera | null;
}

/** Options of a restore. */
export interface RestoreOptions {
  /**
   * Presentation mode: move the camera smoothly (cy.animate with a duration, ~400–600 ms) instead of jumping, and
   * scale it to the (larger) canvas — see camera.ts `adaptCamera`, with the canvas size kept in `layout.canvas`.
   */
  animate: boolean;
}

/** What a graph view implements so it can be saved and restored. */
export interface ViewStateAdapter {
  /** The view's current state (synchronous: read from the store and the Cytoscape instance). */
  capture(): SavedViewState;
  /**
   * Puts `state` back: filters and layout settings first, then positions (only nodes that still exist; no
   * graph write — positions of a saved view are its own), then the camera. Resolves once the view shows it
   * (after the camera animation when `animate`).
   */
  restore(state: SavedViewState, options: RestoreOptions): Promise<void>;
  /** Optional: a human title of what is on screen (used as the default name when saving). */
  title?(): string;
}

const adapters = new Map<SavedViewKind, ViewStateAdapter>();
const listeners = new Set<() => void>();

/**
 * Registers the adapter of a graph view kind while it is on screen; returns the unregister function.
 * The map registers as `map` (an ego graph is the map with `layout.egoNodeId`/`egoDepth` and kind `ego` captured
 * by the map itself), the pipeline as `process`, the competency diagram as `competency`.
 */
export function registerViewState(kind: SavedViewKind, adapter: ViewStateAdapter): () => void {
  adapters.set(kind, adapter);
  listeners.forEach((l) => l());
  return () => {
    if (adapters.get(kind) === adapter) {
      adapters.delete(kind);
      listeners.forEach((l) => l());
    }
  };
}

/** The adapter registered for `kind`, if that view is mounted. */
export function viewStateAdapter(kind: SavedViewKind): ViewStateAdapter | undefined {
  return adapters.get(kind);
}

/** The kinds registered now (the views on screen). */
export function registeredKinds(): SavedViewKind[] {
  return [...adapters.keys()];
}

/** Calls `listener` whenever a registration changes; returns the unsubscribe function. */
export function onRegistrationChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Resolves with the adapter of `kind` once it is registered (e.g. after switching screens) and `accept` takes it
 * (e.g. the pipeline of the right process), or rejects after `timeoutMs`.
 */
export function waitForViewState(
  kind: SavedViewKind,
  timeoutMs = 10_000,
  accept: (adapter: ViewStateAdapter) => boolean = () => true,
): Promise<ViewStateAdapter> {
  const now = adapters.get(kind);
  if (now && accept(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`view ${kind} did not register within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = onRegistrationChange(() => {
      const a = adapters.get(kind);
      if (a && accept(a)) {
        clearTimeout(timer);
        off();
        resolve(a);
      }
    });
  });
}
