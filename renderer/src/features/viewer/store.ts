/** Which document the viewer shows, at which page, highlighting which query. Null when closed. */
import { create } from 'zustand';

export interface ViewerTarget {
  docId: number;
  page: number;
  query: string;
}

interface ViewerState {
  target: ViewerTarget | null;
  open(target: ViewerTarget): void;
  setPage(page: number): void;
  close(): void;
}

export const useViewerStore = create<ViewerState>((set, get) => ({
  target: null,
  open: (target) => set({ target }),
  setPage: (page) => {
    const t = get().target;
    if (t) set({ target: { ...t, page } });
  },
  close: () => set({ target: null }),
}));
