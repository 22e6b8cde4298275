import type { STRENGTH_CHANNELS } from '../../../../preload/contract';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/** Knowledge strength, its settings and the gaps report (main/core/processes/knowledge-service.ts). */
export function strengthHandlers(ws: WorkspaceService): DomainHandlers<typeof STRENGTH_CHANNELS> {
  return {
    'strength:settings': () => ws.knowledge.settings(),
    'strength:update-settings': ({ settings }) => ws.knowledge.updateSettings(settings),
    // Whole-workspace answers come from the analytics worker (issue 12); one process or some ids are cheap here.
    'strength:items': async ({ ids }) =>
      ids === undefined ? await ws.metrics.report('itemStrengths') : ws.knowledge.itemStrengths(ids),
    'strength:steps': async ({ processId }) =>
      processId === undefined
        ? await ws.metrics.report('stepStrengths')
        : ws.knowledge.stepStrengths(processId),
    'strength:gaps': async ({ processId }) =>
      processId === undefined ? await ws.metrics.report('gaps') : ws.knowledge.gaps(processId),
  };
}
