/**
 * UI state of the taxonomy editor (zustand, serialisable values only): the selected category, the collapsed
 * rows, the row being renamed or the place a new category is being typed, and the open dialog.
 */
import { create } from 'zustand';

/** What is being typed in the tree: a new name for a category, or a new category under a parent (null: a root). */
export type TaxonomyEditing =
  { mode: 'rename'; id: string } | { mode: 'add'; parentId: string | null } | null;

/** The open confirmation: merging or deleting one category. */
export type TaxonomyDialog = { kind: 'merge'; id: string } | { kind: 'delete'; id: string } | null;

export interface TaxonomyState {
  selectedId: string | null;
  /** Ids of the categories whose sub-categories are hidden (every row starts expanded). */
  collapsed: string[];
  editing: TaxonomyEditing;
  dialog: TaxonomyDialog;
  set(patch: Partial<Omit<TaxonomyState, 'set'>>): void;
}

export const useTaxonomyStore = create<TaxonomyState>((set) => ({
  selectedId: null,
  collapsed: [],
  editing: null,
  dialog: null,
  set: (patch) => set(patch),
}));

/** Collapses or expands the row of `id`. */
export function setCollapsed(id: string, collapsed: boolean): void {
  const s = useTaxonomyStore.getState();
  const without = s.collapsed.filter((c) => c !== id);
  s.set({ collapsed: collapsed ? [...without, id] : without });
}
