/**
 * UI state of the experts view (zustand, serialisable values only): the tab, the directory's layout and filters,
 * whose profile is open (and whether in "my areas" editing), and the experts chosen for the departure simulation.
 * The tab and the directory layout are remembered across sessions in localStorage.
 */
import { create } from 'zustand';
import type { RiskBand } from '../../../../preload/contract';

/** The tabs of the experts view, in order. */
export const EXPERT_TABS = ['directory', 'locator', 'risk', 'simulation'] as const;
export type ExpertTab = (typeof EXPERT_TABS)[number];

/** How the directory shows experts. */
export type DirectoryLayout = 'table' | 'cards';

interface ExpertsState {
  tab: ExpertTab;
  layout: DirectoryLayout;
  /** Directory filters: free text, department ('' = all), risk band ('' = all). */
  filter: string;
  department: string;
  band: RiskBand | '';
  /** The directory table's sort (kept while the cards are shown); empty: the API's order, the risk ranking's. */
  sort: Array<{ id: string; desc: boolean }>;
  /** The expert whose profile is open, and whether it is in "my areas" editing mode. */
  profileId: string | null;
  editing: boolean;
  /** The experts of the departure simulation. */
  leavers: string[];
  set(patch: Partial<Omit<ExpertsState, 'set' | 'openProfile' | 'simulate'>>): void;
  /** Opens an expert's profile (read mode unless `editing`). */
  openProfile(id: string, editing?: boolean): void;
  /** Switches to the simulation tab with these experts chosen. */
  simulate(ids: string[]): void;
}

const KEY = 'wellspring.experts';

function restored(): { tab: ExpertTab; layout: DirectoryLayout } {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as { tab?: unknown; layout?: unknown };
    return {
      tab: EXPERT_TABS.includes(v.tab as ExpertTab) ? (v.tab as ExpertTab) : 'directory',
      layout: v.layout === 'cards' ? 'cards' : 'table',
    };
  } catch {
    return { tab: 'directory', layout: 'table' };
  }
}

function persist(s: { tab: ExpertTab; layout: DirectoryLayout }): void {
  localStorage.setItem(KEY, JSON.stringify({ tab: s.tab, layout: s.layout }));
}

/** The experts view's store; `set` persists the tab and layout. */
export const useExpertsStore = create<ExpertsState>((set, get) => ({
  ...restored(),
  filter: '',
  department: '',
  band: '',
  sort: [],
  profileId: null,
  editing: false,
  leavers: [],
  set: (patch) => {
    set(patch);
    if ('tab' in patch || 'layout' in patch) persist(get());
  },
  openProfile: (id, editing = false) => set({ profileId: id, editing }),
  simulate: (ids) => {
    set({ tab: 'simulation', leavers: [...new Set(ids)], profileId: null, editing: false });
    persist(get());
  },
}));
