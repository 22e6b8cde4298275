import type { INVENTORY_CHANNELS } from '../../../../preload/contract';
import { DEFAULT_TREND_WEEKS } from '../../inventory/inventory-service';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/** The knowledge inventory: the dashboard's totals, the list behind each bucket, the weekly trend. */
export function inventoryHandlers(ws: WorkspaceService): DomainHandlers<typeof INVENTORY_CHANNELS> {
  return {
    // The summary and the default trend come from the analytics worker (issue 12); other spans and lists here.
    'inventory:summary': () => ws.metrics.report('inventory'),
    'inventory:list': (query) => ws.inventory.list(query),
    'inventory:trend': async ({ weeks }) =>
      weeks === undefined || weeks === DEFAULT_TREND_WEEKS
        ? await ws.metrics.report('inventoryTrend')
        : ws.inventory.trend(weeks),
  };
}
