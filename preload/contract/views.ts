/**
 * Views as data (DESIGN §4): a view — the knowledge map, an ego graph, a process pipeline, a competency diagram,
 * a saved view — has its own filters, layout settings, camera and node positions, so laying out one view never
 * moves another's nodes. Imports only zod.
 */
import { z } from 'zod';
import type { ChannelMap } from './channel';
import { GraphFilter, id } from './model';
import { Position } from './graph';

/** The knowledge map's view id: every workspace has it (migration 0004). */
export const MAP_VIEW_ID = 'map';

export const VIEW_KINDS = ['map', 'ego', 'process', 'competency', 'saved'] as const;
export const ViewKind = z.enum(VIEW_KINDS);
export type ViewKind = z.infer<typeof ViewKind>;

/** Camera of a view: zoom factor (1 = 100 %) and pan in rendered px, as Cytoscape reports them. */
export const Camera = z.strictObject({
  zoom: z.number().positive().finite(),
  pan: z.strictObject({ x: z.number().finite(), y: z.number().finite() }),
});
export type Camera = z.infer<typeof Camera>;

/** Layout settings of a view: which layout last ran and its options (free-form per layout, at most 50 keys). */
export const LayoutSettings = z.record(z.string(), z.unknown());

export const ViewDto = z.object({
  id,
  kind: ViewKind,
  name: z.string(),
  filters: GraphFilter,
  layout: LayoutSettings,
  camera: Camera.nullable(),
  /** Order in the sidebar (ascending). */
  order: z.number().int(),
  /** Nodes with a stored position in this view. */
  positionCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ViewDto = z.infer<typeof ViewDto>;

export const ViewPatch = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  filters: GraphFilter.optional(),
  layout: LayoutSettings.optional(),
  camera: Camera.nullable().optional(),
  order: z.number().int().optional(),
});
export type ViewPatch = z.infer<typeof ViewPatch>;

/**
 * Why positions are saved: `move` (the user dragged nodes) and `layout` (a layout the user ran) are undoable;
 * `place` (nodes without a position placed beside their neighbours) is not, so undo never stops at it.
 */
export const PositionReason = z.enum(['move', 'layout', 'place']);
export type PositionReason = z.infer<typeof PositionReason>;

export const VIEWS_CHANNELS = {
  'views:list': { input: z.strictObject({}), output: z.array(ViewDto) },
  'views:get': { input: z.strictObject({ id }), output: ViewDto },
  'views:create': {
    input: z.strictObject({
      kind: ViewKind,
      name: z.string().trim().min(1).max(200),
      filters: GraphFilter.optional(),
      layout: LayoutSettings.optional(),
      camera: Camera.nullable().optional(),
      /** Start with a copy of another view's positions. */
      copyPositionsFrom: id.optional(),
    }),
    output: ViewDto,
  },
  'views:update': { input: z.strictObject({ id, patch: ViewPatch }), output: ViewDto },
  'views:delete': { input: z.strictObject({ id }), output: z.object({ ok: z.literal(true) }) },
  /** Stores node positions of one view through the write path (undoable unless `reason` is `place`). */
  'views:save-positions': {
    input: z.strictObject({
      viewId: id,
      positions: z.array(Position).max(200_000),
      reason: PositionReason.optional(),
    }),
    output: z.object({ saved: z.number().int() }),
  },
} as const satisfies ChannelMap;
