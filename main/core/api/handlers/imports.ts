import type { IMPORT_CHANNELS } from '../../../../preload/contract';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/** The imports channels (see preload/contract/imports.ts). */
export function importsHandlers(_ws: WorkspaceService): DomainHandlers<typeof IMPORT_CHANNELS> {
  return {};
}
