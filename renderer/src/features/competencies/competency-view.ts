/**
 * Each drill level of the core-competence diagram has its own view (DESIGN §4 "views are data"): kind
 * `competency`, with `layout.focusId` naming the level's focus (null for the core). It holds the positions of
 * the nodes the user dragged; everything else comes from the rings. Created on first open, read back with
 * graph:elements in that view, written with views:save-positions (reason `move`: one undo step per drag).
 */
import { useQuery } from '@tanstack/react-query';
import type { ViewDto } from '../../../../preload/contract';
import { call } from '../../api/client';

const creating = new Map<string, Promise<ViewDto>>();

/** The level's view, created (once, even when asked twice at the same time) when it has none yet. */
export async function competencyView(focusId: string | null, name: string): Promise<ViewDto> {
  const views = await call('views:list', {});
  const found = views.find((v) => v.kind === 'competency' && (v.layout.focusId ?? null) === focusId);
  if (found) return found;
  const key = focusId ?? '';
  let p = creating.get(key);
  if (!p) {
    p = call('views:create', { kind: 'competency', name, layout: { focusId } });
    creating.set(key, p);
    p.finally(() => creating.delete(key)).catch(() => undefined);
  }
  return p;
}

/**
 * The stored positions of `nodeIds` in the level's view (only those the user placed). Refetched after every graph
 * change (its key starts with `graph:`), so undoing a drag moves the node back.
 */
export function useLevelPositions(focusId: string | null, name: string | undefined, nodeIds: string[]) {
  return useQuery({
    queryKey: ['graph:elements', 'competency-view', focusId, nodeIds],
    enabled: name !== undefined && nodeIds.length > 0,
    queryFn: async () => {
      const view = await competencyView(focusId, name!);
      const g = await call('graph:elements', { nodeIds, edgeIds: [], viewId: view.id });
      const positions = new Map<string, { x: number; y: number }>();
      for (const n of g.nodes) if (n.x !== null && n.y !== null) positions.set(n.id, { x: n.x, y: n.y });
      return { viewId: view.id, focusId, positions };
    },
    placeholderData: (prev) => prev,
  });
}

/**
 * Stores dragged positions in the level's view (undoable).
 * @throws ApiError (rejects) when the main process refuses them.
 */
export async function saveLevelPositions(
  viewId: string,
  positions: Array<{ id: string; x: number; y: number }>,
): Promise<void> {
  if (positions.length) await call('views:save-positions', { viewId, positions, reason: 'move' });
}
