/**
 * The one place that stores the knowledge map's node positions (drags, layouts the user ran, placed new nodes),
 * so that the channel and the view it writes to can change here alone.
 *
 * The query cache is not patched here: the change event of the save brings the stored x/y back into it
 * (api/queries.ts), and until then the engine ignores older positions in the data (GraphEngine's `echo`).
 * Patching it here as well made a read that started before the save look like a later change.
 */
import { MAP_VIEW_ID } from '../../../../preload/contract';
import { call } from '../../api/client';
import type { PositionReason } from './engine/graph-engine';

/**
 * Stores `positions` (model px) in the knowledge map's view with `reason` (`move` and `layout` are undoable,
 * `place` is not).
 * @returns the number of positions stored.
 * @throws ApiError (rejects) when the main process refuses them.
 */
export async function saveMapPositions(
  positions: ReadonlyArray<{ id: string; x: number; y: number }>,
  reason: PositionReason,
): Promise<number> {
  if (positions.length === 0) return 0;
  const r = await call('views:save-positions', { viewId: MAP_VIEW_ID, positions: [...positions], reason });
  return r.saved;
}
