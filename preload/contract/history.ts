/** Undo/redo: what one undoable operation list did, and the history's state. Imports only zod. */
import { z } from 'zod';
import type { ChannelMap } from './channel';

/**
 * What one undoable operation list did, so the UI can say it in the user's language ("Undo: edit knowledge item
 * “…”"). `kind` is the node kind, or the edge kind for connect/edit-edge/disconnect; `label` the node's label, or
 * "source → target" for edges. `move` is a drag, `layout` a layout the user ran, `batch` a list of several
 * operations (`count` of them; e.g. an import).
 */
export const EditSummary = z.object({
  action: z.enum(['add', 'edit', 'delete', 'connect', 'edit-edge', 'disconnect', 'move', 'layout', 'batch', 'import']),
  kind: z.string(),
  label: z.string(),
  count: z.number().int().optional(),
});
export type EditSummary = z.infer<typeof EditSummary>;

export const HistoryState = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  undo: EditSummary.nullable(),
  redo: EditSummary.nullable(),
});
export type HistoryState = z.infer<typeof HistoryState>;

const empty = z.strictObject({});

export const HISTORY_CHANNELS = {
  'history:state': { input: empty, output: HistoryState },
  'history:undo': { input: empty, output: HistoryState },
  'history:redo': { input: empty, output: HistoryState },
} as const satisfies ChannelMap;
