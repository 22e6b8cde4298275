import type { COMPETENCIES_CHANNELS } from '../../../../preload/contract';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/** The core-competence tree: tree, detail ("how is this computed?"), radar, edits, and the diagram's layers. */
export function competenciesHandlers(ws: WorkspaceService): DomainHandlers<typeof COMPETENCIES_CHANNELS> {
  return {
    // The tree and the radar come from the analytics worker (issue 12); detail and diagram are one focus each.
    'competencies:tree': () => ws.metrics.report('competencyTree'),
    'competencies:detail': ({ id }) => ws.competencies.detail(id),
    'competencies:radar': () => ws.metrics.report('competencyRadar'),
    'competencies:edit': ({ edits }) => ws.competencies.edit(edits),
    'competencies:diagram': ({ focusId, withExperts }) =>
      ws.competencies.diagram({
        ...(focusId !== undefined ? { focusId } : {}),
        ...(withExperts !== undefined ? { withExperts } : {}),
      }),
  };
}
