/**
 * The editor's actions, shared by the tree's keys, its drag and drop, the toolbar and the detail panel. Each write
 * is one taxonomy:edit call (one undo step); a refusal shows the core's reason as a toast.
 */
import type { TaxonomyNode } from '../../../../preload/contract';
import { editTaxonomy } from './queries';
import { setCollapsed, useTaxonomyStore } from './store';

const store = useTaxonomyStore.getState;

/** Opens the inline field for a new category under `parentId` (null: a root), expanding the parent. */
export function startAdd(parentId: string | null): void {
  if (parentId) setCollapsed(parentId, false);
  store().set({ editing: { mode: 'add', parentId }, dialog: null });
}

/** Opens the inline field for a new name of `id`. */
export function startRename(id: string): void {
  store().set({ selectedId: id, editing: { mode: 'rename', id }, dialog: null });
}

/** Adds the category and selects it. */
export async function addCategory(label: string, parentId: string | null): Promise<void> {
  store().set({ editing: null });
  const r = await editTaxonomy([{ edit: 'add', label, parentId }]);
  if (r?.addedIds[0]) store().set({ selectedId: r.addedIds[0] });
}

/** Renames the category. */
export async function renameCategory(id: string, label: string): Promise<void> {
  store().set({ editing: null });
  await editTaxonomy([{ edit: 'rename', id, label }]);
}

/**
 * Moves `id` under `parentId` (null: to the top). Nothing happens when it is there already or dropped on itself;
 * the core refuses a move into its own subtree with a message naming both.
 */
export async function moveCategory(
  nodes: readonly TaxonomyNode[],
  id: string,
  parentId: string | null,
): Promise<void> {
  const node = nodes.find((n) => n.id === id);
  if (!node || id === parentId || (node.parentId === parentId && node.alsoUnder.length === 0)) return;
  if (parentId) setCollapsed(parentId, false);
  await editTaxonomy([{ edit: 'reparent', id, parentId }]);
}

/** Opens the merge or the delete confirmation of `id`. */
export function openDialog(kind: 'merge' | 'delete', id: string): void {
  store().set({ selectedId: id, editing: null, dialog: { kind, id } });
}
