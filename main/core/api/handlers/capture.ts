import type { CAPTURE_CHANNELS } from '../../../../preload/contract';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/** The capture channels (issue 10). */
export function captureHandlers(ws: WorkspaceService): DomainHandlers<typeof CAPTURE_CHANNELS> {
  void ws;
  return {};
}
