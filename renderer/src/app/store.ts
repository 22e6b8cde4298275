/**
 * App-wide UI state (zustand): the current view, theme and transient notices. Serialisable values only;
 * data from main lives in the TanStack Query cache (api/queries.ts).
 */
import { create } from 'zustand';

export const VIEWS = [
  'map',
  'processes',
  'competencies',
  'experts',
  'inventory',
  'library',
  'glossary',
] as const;
export type View = (typeof VIEWS)[number];
export type Theme = 'light' | 'dark';

export interface Toast {
  id: number;
  text: string;
  kind: 'info' | 'error';
}

/** Which modal is open, if any. */
export type Modal = null | 'palette' | 'shortcuts' | 'about' | 'search';

interface AppState {
  view: View;
  theme: Theme;
  modal: Modal;
  toasts: Toast[];
  setView(view: View): void;
  setTheme(theme: Theme): void;
  setModal(modal: Modal): void;
  notify(text: string, kind?: Toast['kind']): void;
  dismiss(id: number): void;
}

const THEME_KEY = 'wellspring.theme';

function initialTheme(): Theme {
  const saved = localStorage.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

let toastSeq = 0;

export const useAppStore = create<AppState>((set, get) => ({
  view: 'map',
  theme: initialTheme(),
  modal: null,
  toasts: [],
  setView: (view) => set({ view }),
  setTheme: (theme) => {
    localStorage.setItem(THEME_KEY, theme);
    set({ theme });
  },
  setModal: (modal) => set({ modal }),
  notify: (text, kind = 'info') => {
    const id = ++toastSeq;
    set({ toasts: [...get().toasts, { id, text, kind }].slice(-4) });
    setTimeout(() => get().dismiss(id), kind === 'error' ? 8000 : 3000);
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));
