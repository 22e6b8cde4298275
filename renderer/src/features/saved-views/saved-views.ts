/**
 * Saving, opening, renaming, reordering and deleting saved views (views of kind `saved`, preload/contract/views.ts).
 * A saved view keeps the captured state of a graph view (registry.ts): filters and camera in their own fields,
 * layout settings plus `savedFrom` (the kind of view it came from) and `present` (whether presentation mode shows
 * it) in `layout`, and node positions as the view's own positions (views:save-positions, reason `place`, so
 * saving is not a graph edit on the undo stack).
 */
import i18n from '../../i18n';
import { call } from '../../api/client';
import { useAppStore, type View } from '../../app/store';
import type { ViewDto } from '../../../../preload/contract';
import { useProcessesStore } from '../processes/store';
import { reorder } from './reorder';
import {
  BASE_KIND_KEY,
  viewStateAdapter,
  waitForViewState,
  type SavedViewKind,
  type SavedViewState,
} from './registry';

/** Layout key: this saved view is part of the presentation sequence. */
export const PRESENT_KEY = 'present';

const SCREEN: Record<SavedViewKind, View> = {
  map: 'map',
  ego: 'map',
  process: 'processes',
  competency: 'competencies',
};
/** The adapter that restores a kind: an ego graph is the knowledge map with an ego centre. */
const ADAPTER: Record<SavedViewKind, SavedViewKind> = {
  map: 'map',
  ego: 'map',
  process: 'process',
  competency: 'competency',
};
const ON_SCREEN: Partial<Record<View, SavedViewKind>> = {
  map: 'map',
  processes: 'process',
  competencies: 'competency',
};

/** The graph view on screen that can be saved, or null (e.g. the library is shown). */
export function kindOnScreen(): SavedViewKind | null {
  const kind = ON_SCREEN[useAppStore.getState().view];
  return kind && viewStateAdapter(kind) ? kind : null;
}

/** The kind of view a saved view came from (`map` for one without, e.g. written by another build). */
export function baseKind(view: ViewDto): SavedViewKind {
  const k = view.layout[BASE_KIND_KEY];
  return k === 'ego' || k === 'process' || k === 'competency' ? k : 'map';
}

/** Whether the view is in the presentation sequence (new views are). */
export const inPresentation = (view: ViewDto): boolean => view.layout[PRESENT_KEY] !== false;

/** Captures the graph view on screen (null when none is). */
export function captureOnScreen(): { kind: SavedViewKind; state: SavedViewState } | null {
  const kind = kindOnScreen();
  if (!kind) return null;
  const state = viewStateAdapter(kind)!.capture();
  return { kind: kind === 'map' && typeof state.layout.egoNodeId === 'string' ? 'ego' : kind, state };
}

/**
 * Saves the graph view on screen as a saved view named `name` (trimmed, 1–200 characters).
 * @throws Error when no graph view is on screen; ApiError from views:create / views:save-positions.
 */
export async function saveCurrentView(name: string): Promise<ViewDto> {
  const captured = captureOnScreen();
  if (!captured) throw new Error(i18n.t('views:errors.nothingToSave'));
  const { kind, state } = captured;
  const view = await call('views:create', {
    kind: 'saved',
    name: name.trim(),
    filters: state.filters,
    layout: { ...state.layout, [BASE_KIND_KEY]: kind, [PRESENT_KEY]: true },
    camera: state.camera,
  });
  if (state.positions.length)
    await call('views:save-positions', { viewId: view.id, positions: state.positions, reason: 'place' });
  return view;
}

/** The state stored in a saved view, with its positions read back (graph:get with the view's id). */
export async function savedState(view: ViewDto): Promise<SavedViewState> {
  const g = await call('graph:get', { viewId: view.id });
  const positions = g.nodes.flatMap((n) =>
    n.x !== null && n.y !== null ? [{ id: n.id, x: n.x, y: n.y }] : [],
  );
  return { filters: view.filters, layout: view.layout, positions, camera: view.camera };
}

/**
 * Opens a saved view: goes to its screen (and process), waits for the graph view to register, then restores
 * filters, layout settings, positions and camera (`animate`: a smooth camera move, for presentation mode).
 * @throws Error when the view does not come up within 10 s.
 */
export async function openSavedView(view: ViewDto, animate: boolean): Promise<void> {
  const kind = baseKind(view);
  const processId = typeof view.layout.processId === 'string' ? view.layout.processId : null;
  if (kind === 'process' && processId) useProcessesStore.getState().set({ processId, tab: 'pipeline' });
  useAppStore.getState().setView(SCREEN[kind]);
  const [adapter, state] = await Promise.all([
    waitForViewState(
      ADAPTER[kind],
      10_000,
      (a) => kind !== 'process' || !processId || a.capture().layout.processId === processId,
    ),
    savedState(view),
  ]);
  await adapter.restore(state, { animate });
}

/** Renames a saved view. */
export async function renameSavedView(view: ViewDto, name: string): Promise<void> {
  await call('views:update', { id: view.id, patch: { name: name.trim() } });
}

/** Puts the view in or out of the presentation sequence. */
export async function setInPresentation(view: ViewDto, on: boolean): Promise<void> {
  await call('views:update', { id: view.id, patch: { layout: { ...view.layout, [PRESENT_KEY]: on } } });
}

/** Moves `views[from]` to index `to` in the sidebar (views in sidebar order; see reorder.ts). */
export async function moveSavedView(views: ViewDto[], from: number, to: number): Promise<void> {
  await Promise.all(
    reorder(views, from, to).map(({ id, order }) => call('views:update', { id, patch: { order } })),
  );
}

/** Deletes a saved view (with its positions). */
export async function deleteSavedView(view: ViewDto): Promise<void> {
  await call('views:delete', { id: view.id });
}
