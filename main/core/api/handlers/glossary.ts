import type { GLOSSARY_CHANNELS } from '../../../../preload/contract';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/** The glossary channels (see preload/contract/glossary.ts). */
export function glossaryHandlers(_ws: WorkspaceService): DomainHandlers<typeof GLOSSARY_CHANNELS> {
  return {};
}
