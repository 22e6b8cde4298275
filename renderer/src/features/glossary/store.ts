/** UI state of the Glossary view (zustand, serialisable values only): the open tab and the glossary tab's state. */
import { create } from 'zustand';

/** The tabs of the Glossary view, in order: the knowledge dictionary, then the taxonomy. */
export const GLOSSARY_TABS = ['glossary', 'taxonomy'] as const;
export type GlossaryTab = (typeof GLOSSARY_TABS)[number];

/** How the term list is ordered: by term (grouped by initial: A–Z, Chinese by pinyin), by last change, by use. */
export const TERM_SORTS = ['label', 'updated', 'mentions'] as const;
export type TermSort = (typeof TERM_SORTS)[number];

/** The open dialog of the glossary tab. */
export type GlossaryDialog = { kind: 'delete'; id: string } | { kind: 'import' } | null;

export interface GlossaryState {
  tab: GlossaryTab;
  /** The term shown in the editor panel, `new` for a term being created, null for none. */
  selectedId: string | null;
  /** The list's filter text (matches every name and the definition, NFKC and case folded). */
  query: string;
  sort: TermSort;
  dialog: GlossaryDialog;
  /** True while the editor panel holds changes not saved yet. */
  dirty: boolean;
  /** A term (or NEW_TERM, or null) asked for while the panel was dirty: the discard question is open. */
  pending: string | null | undefined;
  set(patch: Partial<Omit<GlossaryState, 'set'>>): void;
}

export const useGlossaryStore = create<GlossaryState>((set) => ({
  tab: 'glossary',
  selectedId: null,
  query: '',
  sort: 'label',
  dialog: null,
  dirty: false,
  pending: undefined,
  set: (patch) => set(patch),
}));

/**
 * Shows `id` (a term, NEW_TERM, or null for none) in the editor panel; with unsaved changes in the panel it asks
 * first (the discard question), unless it is the term already shown.
 */
export function selectTerm(id: string | null): void {
  const s = useGlossaryStore.getState();
  if (id === s.selectedId) return;
  if (s.dirty) s.set({ pending: id });
  else s.set({ selectedId: id, tab: 'glossary' });
}

/** The id the editor panel uses for a term not created yet. */
export const NEW_TERM = 'new';
