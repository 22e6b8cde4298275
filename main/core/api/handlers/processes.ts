import type { PROCESSES_CHANNELS } from '../../../../preload/contract';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/** Process knowledge: pipelines, step details, process edits, the matrix and the journey map. */
export function processesHandlers(ws: WorkspaceService): DomainHandlers<typeof PROCESSES_CHANNELS> {
  return {
    // From the analytics worker (issue 12): every process's strength reads every step's.
    'processes:list': () => ws.metrics.report('processes'),
    'processes:create': (input) => ws.knowledge.createProcess(input),
    'processes:pipeline': ({ processId }) => ws.knowledge.pipeline(processId),
    'processes:step': ({ stepId }) => ws.knowledge.stepDetail(stepId),
    'processes:edit': ({ processId, edits }) => ws.knowledge.editProcess(processId, edits),
    'processes:matrix': ({ processId, rows }) => ws.knowledge.matrix(processId, rows ?? 'all'),
    'processes:set-cell': ({ stepId, knowledgeId, cell }) => ws.knowledge.setCell(stepId, knowledgeId, cell),
    'processes:journey': ({ processId }) => ws.knowledge.journey(processId),
  };
}
