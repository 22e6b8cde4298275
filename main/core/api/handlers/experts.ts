import type { EXPERTS_CHANNELS } from '../../../../preload/contract';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/** Experts: directory, profiles, areas, locator, key-person risk, heat map, departure simulation, author proposals. */
export function expertsHandlers(ws: WorkspaceService): DomainHandlers<typeof EXPERTS_CHANNELS> {
  return {
    // The three whole-workspace reports come from the analytics worker (issue 12), the main thread stays free.
    'experts:directory': () => ws.metrics.report('directory'),
    'experts:profile': ({ id }) => ws.experts.profile(id),
    'experts:edit-areas': ({ expertId, changes }) => ws.experts.editAreas(expertId, changes),
    'experts:set-risk': ({ expertId, patch }) => ws.experts.setRisk(expertId, patch),
    'experts:locate': (input) => ws.experts.locate(input),
    'experts:risk': () => ws.metrics.report('risk'),
    'experts:heatmap': () => ws.metrics.report('heatmap'),
    'experts:simulate': ({ expertIds }) => ws.experts.simulate(expertIds),
    'experts:author-proposals': ({ expertId }) => ws.authorship.proposals(expertId),
    'experts:accept-author': (key) => ws.authorship.accept(key),
    'experts:reject-author': (key) => ws.authorship.reject(key),
  };
}
