/** UI state of the File menu's dialogs (zustand, serialisable values only): which one is open. */
import { create } from 'zustand';

/** The File menu's dialogs: Export workspace, Restore from a backup. */
export type FilesDialog = 'export' | 'restore';

interface FilesState {
  dialog: FilesDialog | null;
  set(patch: Partial<Omit<FilesState, 'set'>>): void;
}

export const useFilesStore = create<FilesState>((set) => ({
  dialog: null,
  set: (patch) => set(patch),
}));

/** What had the focus when a dialog was opened (the File menu's button, a palette row…), to give it back. */
let opener: HTMLElement | null = null;

/** Opens one of the File menu's dialogs (another one open is replaced). */
export function openFilesDialog(dialog: FilesDialog): void {
  opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  useFilesStore.getState().set({ dialog });
}

/** Closes the open dialog and gives the focus back to what had it, if it is still on the page. */
export function closeFilesDialog(): void {
  useFilesStore.getState().set({ dialog: null });
  if (opener?.isConnected) opener.focus();
  opener = null;
}
