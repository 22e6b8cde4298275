/**
 * Presentation mode (issue 9, item 5): full screen where the browser allows it (else the app's window, the
 * chrome hidden by the `presenting` class on <html>), read-only, large type; the arrow keys step through the
 * sequence of saved views with a smooth camera move; Esc leaves and puts back what was on screen before.
 * Nothing to configure and nothing online: it only reopens saved views.
 */
import type { ViewDto } from '../../../../preload/contract';
import { useAppStore, type View } from '../../app/store';
import { captureOnScreen, inPresentation } from './saved-views';
import { viewStateAdapter, waitForViewState, type SavedViewKind, type SavedViewState } from './registry';
import { useSavedViewsStore } from './store';

/** What was on screen before presenting, put back on leaving. */
let before: { view: View; captured: { kind: SavedViewKind; state: SavedViewState } | null } | null = null;
/** Whether this presentation entered full screen (so leaving full screen by the browser's Esc leaves it too). */
let enteredFullscreen = false;

/** The views a presentation shows: those ticked for it, else all of them; in sidebar order. */
export function presentationSequence(views: ViewDto[]): ViewDto[] {
  const ticked = views.filter(inPresentation);
  return ticked.length ? ticked : views;
}

/** Tells Cytoscape canvases that their container changed size (the chrome came or went). */
const resized = () => requestAnimationFrame(() => window.dispatchEvent(new Event('resize')));

/** Starts presenting `views` (at least one) from the first. */
export function startPresentation(views: ViewDto[]): void {
  if (!views.length || useSavedViewsStore.getState().presenting) return;
  before = { view: useAppStore.getState().view, captured: captureOnScreen() };
  document.documentElement.classList.add('presenting');
  useSavedViewsStore
    .getState()
    .set({ presenting: { ids: views.map((v) => v.id), index: 0 }, panelOpen: false });
  enteredFullscreen = false;
  const root = document.documentElement;
  if (root.requestFullscreen && document.fullscreenEnabled)
    root
      .requestFullscreen()
      .then(() => (enteredFullscreen = true))
      // Not allowed here (no user gesture, a policy): the overlay fills the window instead.
      .catch(() => undefined);
  resized();
}

/** Shows the next (+1) or previous (−1) view of the sequence; stays at either end. */
export function stepPresentation(delta: 1 | -1): void {
  const p = useSavedViewsStore.getState().presenting;
  if (!p) return;
  const index = Math.min(p.ids.length - 1, Math.max(0, p.index + delta));
  if (index !== p.index) useSavedViewsStore.getState().set({ presenting: { ...p, index } });
}

/** Leaves presentation mode: full screen off, the chrome back, and the view shown before as it was. */
export async function stopPresentation(): Promise<void> {
  if (!useSavedViewsStore.getState().presenting) return;
  useSavedViewsStore.getState().set({ presenting: null });
  document.documentElement.classList.remove('presenting');
  if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
  enteredFullscreen = false;
  resized();
  const was = before;
  before = null;
  if (!was) return;
  useAppStore.getState().setView(was.view);
  if (!was.captured) return;
  const adapterKind = was.captured.kind === 'ego' ? 'map' : was.captured.kind;
  const adapter = viewStateAdapter(adapterKind) ?? (await waitForViewState(adapterKind).catch(() => null));
  // After the chrome is back and the canvas has its old size.
  await new Promise((r) => setTimeout(r, 50));
  await adapter?.restore(was.captured.state, { animate: false });
}

/** The browser left full screen (its own Esc): leave presentation mode too. */
export function onFullscreenChange(): void {
  if (enteredFullscreen && !document.fullscreenElement) void stopPresentation();
}
