/** UI state of the Glossary view (zustand, serialisable values only): which tab is open. */
import { create } from 'zustand';

/** The tabs of the Glossary view, in order: the knowledge dictionary, then the taxonomy. */
export const GLOSSARY_TABS = ['glossary', 'taxonomy'] as const;
export type GlossaryTab = (typeof GLOSSARY_TABS)[number];

export interface GlossaryState {
  tab: GlossaryTab;
  set(patch: Partial<Omit<GlossaryState, 'set'>>): void;
}

// The taxonomy tab opens first while the glossary tab is only its placeholder.
export const useGlossaryStore = create<GlossaryState>((set) => ({
  tab: 'taxonomy',
  set: (patch) => set(patch),
}));
