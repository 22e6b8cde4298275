/**
 * UI state of the competencies view (zustand, serialisable values only): the drill focus (null: the core), the
 * selected competency of the side panel, whether ring 4 shows the experts, and positions a saved view put back
 * (shown until the level changes; never written to the graph).
 */
import { create } from 'zustand';

/** The competencies view's state. */
export interface CompetenciesState {
  focusId: string | null;
  selectedId: string | null;
  withExperts: boolean;
  /** Positions restored from a saved view for the level `restored.focusId`; null otherwise. */
  restored: { focusId: string | null; positions: Array<{ id: string; x: number; y: number }> } | null;
  set(patch: Partial<Omit<CompetenciesState, 'set'>>): void;
}

export const useCompetenciesStore = create<CompetenciesState>((set) => ({
  focusId: null,
  selectedId: null,
  withExperts: false,
  restored: null,
  set: (patch) => set(patch),
}));
