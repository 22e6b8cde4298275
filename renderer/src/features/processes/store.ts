/**
 * UI state of the processes view (zustand, serialisable values only): which process and tab are shown, which
 * step is selected and whether its panel is open, and which dialog is open. The selected process and tab are
 * remembered across sessions in localStorage.
 */
import { create } from 'zustand';

/** The tabs of the processes view. */
export const PROCESS_TABS = ['pipeline', 'matrix', 'journey', 'gaps'] as const;
export type ProcessTab = (typeof PROCESS_TABS)[number];

/** Which dialog of the processes view is open. */
export type ProcessDialog =
  null | 'newProcess' | 'addStep' | 'settings' | 'cards' | { confirmRemove: string };

interface ProcessesState {
  processId: string | null;
  tab: ProcessTab;
  stepId: string | null;
  panelOpen: boolean;
  /** The panel was opened from the keyboard: it takes the focus once it is shown (then this goes back to false). */
  focusPanel: boolean;
  /** The side list of knowledge, experts and templates to drag onto steps. */
  paletteOpen: boolean;
  dialog: ProcessDialog;
  set(patch: Partial<Omit<ProcessesState, 'set'>>): void;
}

const KEY = 'wellspring.processes';

function restored(): { processId: string | null; tab: ProcessTab } {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as { processId?: unknown; tab?: unknown };
    return {
      processId: typeof v.processId === 'string' ? v.processId : null,
      tab: PROCESS_TABS.includes(v.tab as ProcessTab) ? (v.tab as ProcessTab) : 'pipeline',
    };
  } catch {
    return { processId: null, tab: 'pipeline' };
  }
}

/** The processes view's store; `set` persists the process and tab. */
export const useProcessesStore = create<ProcessesState>((set, get) => ({
  ...restored(),
  stepId: null,
  panelOpen: false,
  focusPanel: false,
  paletteOpen: false,
  dialog: null,
  set: (patch) => {
    set(patch);
    if ('processId' in patch || 'tab' in patch) {
      const { processId, tab } = get();
      localStorage.setItem(KEY, JSON.stringify({ processId, tab }));
    }
  },
}));
