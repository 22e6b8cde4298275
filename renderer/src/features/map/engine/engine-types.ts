/** The public types of GraphEngine: its events, options, scope and the overlay insets `fit` keeps clear of. */
import type { StylesheetJson } from 'cytoscape';
import type { EdgeKind, MapEdgeDto, MapNodeDto } from '../../../../../preload/contract';
import type { Theme } from './styles';

/** Events the engine emits. */
export interface EngineEvents {
  /** Selection changed: the selected node id, or null. */
  select: string | null;
  /**
   * Positions to store (model px), and why: `move` the user dragged nodes, `layout` a layout the user ran on the
   * whole map, `place` nodes without a position were placed beside their neighbours. Never emitted for a
   * temporary view (a filtered or ego view's layout, see `setScope`).
   */
  positions: { positions: Array<{ id: string; x: number; y: number }>; reason: PositionReason };
  /** The user drew a connection from one node to another (not yet stored). */
  connect: { source: string; target: string; clientX: number; clientY: number };
  /** Right-click on a node (id) or the background (null), in client coordinates and model coordinates. */
  contextmenu: { nodeId: string | null; clientX: number; clientY: number; modelX: number; modelY: number };
  /**
   * A frame was painted after the elements changed: counts of visible elements, ms since `setGraph`, and the
   * time of the paint (`performance.now()`, ms since navigation start).
   */
  painted: { nodes: number; edges: number; ms: number; at: number };
  /** A layout started (true) or finished (false). */
  layouting: boolean;
}

/** Why positions are stored (the `reason` of views:save-positions). */
export type PositionReason = 'move' | 'layout' | 'place';

/**
 * What the canvas shows: the `whole` map (layouts and placements are stored) or a `subset` of it (a filter or an
 * ego graph: layouts are temporary and nothing but the user's drags is stored).
 */
export type EngineScope = 'whole' | 'subset';

export interface EngineOptions {
  theme: Theme;
  /**
   * Cytoscape's WebGL renderer (3.31+): faster on real GPUs, slower under software GL (TECH-NOTES); the default
   * comes from renderer-choice.ts.
   */
  webgl: boolean;
  /** Translated label of an edge kind, shown on hovered and selected edges. */
  edgeLabel: (kind: EdgeKind) => string;
  /**
   * The stylesheet for a theme; default: the knowledge map's (styles.ts). Each view (pipeline, competency
   * diagram, snapshot) can bring its own.
   */
  stylesheet?: (theme: Theme) => StylesheetJson;
  /**
   * Element mapping: a node and its degree → Cytoscape node data (must keep `id`; `kind` and `size` feed layouts
   * and placement); default: the knowledge map's.
   */
  nodeData?: (node: MapNodeDto, degree: number) => Record<string, unknown>;
  /** Element mapping for edges (must keep `id`, `source`, `target`); default: the knowledge map's. */
  edgeData?: (edge: MapEdgeDto) => Record<string, unknown>;
}

/** Rendered px an overlay covers from each side of the canvas. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}
