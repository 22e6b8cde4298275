/** Knowledge-map UI state: filters, ego graph, selection and the open dialogs. Serialisable values only. */
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import type { GraphFilter, NodeKind } from '../../../../preload/contract';
import type { LayoutName } from './engine/layout-options';
import type { ColourBy, SizeBy } from './engine/node-encoding';
import { LABEL_MODES, type LabelMode } from './engine/node-label';
import { preferWebgl } from './engine/renderer-choice';

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
  /** What node size and colour stand for (the legend's choice, kept in the map view's layout settings). */
  sizeBy: SizeBy;
  colourBy: ColourBy;
  /** Centre the view on this node (bumped `seq` repeats it, also for the node already selected). */
  focusRequest: { id: string; seq: number } | null;
  /** The layout the whole map was last arranged with (the toolbar shows it pressed). */
  layout: LayoutName;
  /** A temporary layout of a filtered or ego view, or null: it never changes the whole map's arrangement. */
  subsetLayout: LayoutName | null;
  connectMode: boolean;
  webgl: boolean;
  /** Which name node labels show, as chosen in the toolbar; null follows the UI language (see useLabelMode). */
  labelMode: LabelMode | null;
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
  focusRequest: null,
  sizeBy: 'kind',
  colourBy: 'kind',
  layout: 'force',
  subsetLayout: null,
  connectMode: false,
  webgl: savedWebgl(),
  labelMode: savedLabelMode(),
  filtersOpen: false,
  newNode: null,
  confirmDelete: null,
  connection: null,
  contextMenu: null,
  set: (patch) => set(patch),
}));

/**
 * The renderer: the toolbar's choice ('1' WebGL, '0' canvas, remembered), else WebGL only where the browser has a
 * hardware WebGL2 renderer (engine/renderer-choice.ts).
 */
function savedWebgl(): boolean {
  const saved = localStorage.getItem('wellspring.webgl');
  return saved === null ? preferWebgl() : saved === '1';
}

const LABEL_MODE_KEY = 'wellspring.labelMode';

function savedLabelMode(): LabelMode | null {
  const saved = localStorage.getItem(LABEL_MODE_KEY);
  return (LABEL_MODES as readonly string[]).includes(saved ?? '') ? (saved as LabelMode) : null;
}

/** Chooses the label mode (remembered across sessions); null goes back to following the UI language. */
export function setLabelMode(mode: LabelMode | null): void {
  if (mode) localStorage.setItem(LABEL_MODE_KEY, mode);
  else localStorage.removeItem(LABEL_MODE_KEY);
  useMapStore.getState().set({ labelMode: mode });
}

/** The label mode in effect: the toolbar's choice, else English names in the English UI and Chinese otherwise. */
export function useLabelMode(): LabelMode {
  const chosen = useMapStore((s) => s.labelMode);
  const { i18n } = useTranslation();
  return chosen ?? (i18n.language === 'en' ? 'en' : 'zh');
}

/** Selects `id` and centres the view on it, even when it is already selected (the map search's Enter). */
export function focusNode(id: string): void {
  const prev = useMapStore.getState().focusRequest;
  useMapStore.getState().set({ selectedId: id, focusRequest: { id, seq: (prev?.seq ?? 0) + 1 } });
}

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
