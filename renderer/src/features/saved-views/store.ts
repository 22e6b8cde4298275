/** Saved-views UI state (zustand, serialisable values only): the sidebar, presentation mode and its step. */
import { create } from 'zustand';

interface SavedViewsState {
  /** The saved-views sidebar is open. */
  panelOpen: boolean;
  /** Presentation mode: the ids of the views presented, in order, and which one is shown; null when not presenting. */
  presenting: { ids: string[]; index: number } | null;
  /** A saved view is being opened (the sidebar shows progress, the presentation waits). */
  opening: string | null;
  /** Bumped by "Save view" (Ctrl+Shift+S): the sidebar opens and focuses the name field. */
  saveRequest: number;
  set(patch: Partial<Omit<SavedViewsState, 'set'>>): void;
}

/** The saved-views store. */
export const useSavedViewsStore = create<SavedViewsState>((set) => ({
  panelOpen: false,
  presenting: null,
  opening: null,
  saveRequest: 0,
  set: (patch) => set(patch),
}));

/** Whether presentation mode is on (graph views are read-only then). */
export function usePresenting(): boolean {
  return useSavedViewsStore((s) => s.presenting !== null);
}
