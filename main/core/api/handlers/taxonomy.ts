import type { TAXONOMY_CHANNELS } from '../../../../preload/contract';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/** The taxonomy channels (issue 10). */
export function taxonomyHandlers(ws: WorkspaceService): DomainHandlers<typeof TAXONOMY_CHANNELS> {
  void ws;
  return {};
}
