import type { VIEWS_CHANNELS } from '../../../../preload/contract';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/** Views as data: their settings through ViewStore, their positions through the graph's write path. */
export function viewsHandlers(ws: WorkspaceService): DomainHandlers<typeof VIEWS_CHANNELS> {
  return {
    'views:list': () => ws.views.list(),
    'views:get': ({ id }) => ws.views.get(id),
    'views:create': (input) => ws.views.create(input),
    'views:update': ({ id, patch }) => ws.views.update(id, patch),
    'views:delete': ({ id }) => {
      ws.views.delete(id);
      return { ok: true };
    },
    'views:save-positions': ({ viewId, positions, reason }) => ({
      saved: ws.store.savePositions(viewId, positions, reason),
    }),
  };
}
