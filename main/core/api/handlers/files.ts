import type { FILES_CHANNELS } from '../../../../preload/contract';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/** The files channels (see preload/contract/files.ts). */
export function filesHandlers(_ws: WorkspaceService): DomainHandlers<typeof FILES_CHANNELS> {
  return {};
}
