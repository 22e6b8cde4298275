import type { STRENGTH_CHANNELS } from '../../../../preload/contract';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/** Knowledge strength, its settings and the gaps report (main/core/processes/knowledge-service.ts). */
export function strengthHandlers(ws: WorkspaceService): DomainHandlers<typeof STRENGTH_CHANNELS> {
  return {
    'strength:settings': () => ws.knowledge.settings(),
    'strength:update-settings': ({ settings }) => ws.knowledge.updateSettings(settings),
    'strength:items': ({ ids }) => ws.knowledge.itemStrengths(ids),
    'strength:steps': ({ processId }) => ws.knowledge.stepStrengths(processId),
    'strength:gaps': ({ processId }) => ws.knowledge.gaps(processId),
  };
}
