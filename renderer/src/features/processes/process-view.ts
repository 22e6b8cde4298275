/**
 * Each process has its own view (DESIGN §4 "views are data"): kind `process`, named after the process, with
 * `layout.processId` naming it. It holds the positions of the steps the user dragged; everything else comes
 * from the maintained layout. Created on first open, read back with graph:elements in that view, written with
 * views:save-positions (reason `move`: one undo step per drag).
 */
import { useQuery } from '@tanstack/react-query';
import type { ViewDto } from '../../../../preload/contract';
import { call } from '../../api/client';

const creating = new Map<string, Promise<ViewDto>>();

/** The process's view, created (once, even when asked twice at the same time) when it has none yet. */
export async function processView(processId: string, name: string): Promise<ViewDto> {
  const views = await call('views:list', {});
  const found = views.find((v) => v.kind === 'process' && v.layout.processId === processId);
  if (found) return found;
  let p = creating.get(processId);
  if (!p) {
    p = call('views:create', { kind: 'process', name, layout: { processId } });
    creating.set(processId, p);
    p.finally(() => creating.delete(processId)).catch(() => undefined);
  }
  return p;
}

/**
 * The stored positions of `stepIds` in the process's view (only those the user placed), with the time they
 * were read. Refetched after every graph change (its key starts with `graph:`), so undoing a drag moves the
 * step back.
 */
export function useStepPositions(processId: string | null, name: string | undefined, stepIds: string[]) {
  return useQuery({
    queryKey: ['graph:elements', 'process-view', processId, stepIds],
    enabled: processId !== null && name !== undefined,
    queryFn: async () => {
      const view = await processView(processId!, name!);
      const g = await call('graph:elements', { nodeIds: stepIds, edgeIds: [], viewId: view.id });
      const positions = new Map<string, { x: number; y: number }>();
      for (const n of g.nodes) if (n.x !== null && n.y !== null) positions.set(n.id, { x: n.x, y: n.y });
      return { viewId: view.id, positions };
    },
    placeholderData: (prev, q) => (q?.queryKey[2] === processId ? prev : undefined),
  });
}

/**
 * Stores dragged step positions in the process's view (undoable).
 * @throws ApiError (rejects) when the main process refuses them.
 */
export async function saveStepPositions(
  viewId: string,
  positions: Array<{ id: string; x: number; y: number }>,
): Promise<void> {
  if (positions.length) await call('views:save-positions', { viewId, positions, reason: 'move' });
}
