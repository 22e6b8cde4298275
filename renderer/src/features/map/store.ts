/** Knowledge-map UI state: filters, ego graph, selection and the open dialogs. Serialisable values only. */
import { create } from 'zustand';
import type { GraphFilter, NodeKind } from '../../../../preload/contract';
import type { LayoutName } from './engine/layout-options';

export interface PendingConnection {
  source: string;
  target: string;
  clientX: number;
  clientY: number;
}

export interface ContextMenuState {
  nodeId: string | null;
  clientX: number;
  clientY: number;
  modelX: number;
  modelY: number;
}

interface MapState {
  filter: GraphFilter;
  /** Ego graph around a node, or null for the whole map. */
  ego: { nodeId: string; depth: number } | null;
  selectedId: string | null;
  layout: LayoutName;
  connectMode: boolean;
  webgl: boolean;
  filtersOpen: boolean;
  newNode: null | { kind: NodeKind; x?: number; y?: number };
  confirmDelete: string | null;
  connection: PendingConnection | null;
  contextMenu: ContextMenuState | null;
  set(patch: Partial<Omit<MapState, 'set'>>): void;
}

export const useMapStore = create<MapState>((set) => ({
  filter: {},
  ego: null,
  selectedId: null,
  layout: 'force',
  connectMode: false,
  webgl: localStorage.getItem('wellspring.webgl') === '1',
  filtersOpen: false,
  newNode: null,
  confirmDelete: null,
  connection: null,
  contextMenu: null,
  set: (patch) => set(patch),
}));

/** Number of active filter criteria. */
export function activeFilterCount(f: GraphFilter): number {
  return (
    (f.kinds?.length ? 1 : 0) +
    (f.tags?.length ? 1 : 0) +
    (f.forms?.length ? 1 : 0) +
    (f.categoryId ? 1 : 0) +
    (f.text ? 1 : 0)
  );
}
