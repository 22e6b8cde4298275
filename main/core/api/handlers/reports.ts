import type { REPORTS_CHANNELS } from '../../../../preload/contract';
import { exportReport } from '../../reports/export-report';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/** Report files (CSV with a BOM, XLSX) of the gaps report and the step × knowledge matrix. */
export function reportsHandlers(ws: WorkspaceService): DomainHandlers<typeof REPORTS_CHANNELS> {
  return {
    'reports:export': ({ request, format, language }) =>
      exportReport(ws.knowledge, request, format, language),
  };
}
