/**
 * UI state of the import wizard (zustand, serialisable values only): whether it is open. The wizard's own steps,
 * session and mapping live in the dialog while it is open; closing it drops them (and the session in main).
 */
import { create } from 'zustand';

interface ImportState {
  open: boolean;
  set(patch: Partial<Omit<ImportState, 'set'>>): void;
}

export const useImportStore = create<ImportState>((set) => ({
  open: false,
  set: (patch) => set(patch),
}));

/** What had the focus when the wizard was opened, to give it back on closing. */
let opener: HTMLElement | null = null;

/** Opens the import wizard (`file.import`, Ctrl+I); an open wizard stays as it is. */
export function openImportWizard(): void {
  const s = useImportStore.getState();
  if (s.open) return;
  opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  s.set({ open: true });
}

/** Closes the wizard and gives the focus back to what had it. */
export function closeImportWizard(): void {
  useImportStore.getState().set({ open: false });
  if (opener?.isConnected) opener.focus();
  opener = null;
}
