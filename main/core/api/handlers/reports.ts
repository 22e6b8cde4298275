import type { REPORTS_CHANNELS } from '../../../../preload/contract';
import { exportReport } from '../../reports/export-report';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/**
 * Report files (CSV with a BOM, XLSX): the gaps report, the step × knowledge matrix, the key-person risk ranking,
 * a departure simulation and the inventory lists.
 */
export function reportsHandlers(ws: WorkspaceService): DomainHandlers<typeof REPORTS_CHANNELS> {
  return {
    'reports:export': ({ request, format, language }) =>
      exportReport(
        { knowledge: ws.knowledge, experts: ws.experts, inventory: ws.inventory },
        request,
        format,
        language,
      ),
  };
}
