import type { INVENTORY_CHANNELS } from '../../../../preload/contract';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/** The knowledge inventory: the dashboard's totals, the list behind each bucket, the weekly trend. */
export function inventoryHandlers(ws: WorkspaceService): DomainHandlers<typeof INVENTORY_CHANNELS> {
  return {
    'inventory:summary': () => ws.inventory.summary(),
    'inventory:list': (query) => ws.inventory.list(query),
    'inventory:trend': ({ weeks }) => ws.inventory.trend(weeks),
  };
}
