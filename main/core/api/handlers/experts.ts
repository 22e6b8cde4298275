import type { EXPERTS_CHANNELS } from '../../../../preload/contract';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/** Experts: directory, profiles, areas, locator, key-person risk, heat map, departure simulation, author proposals. */
export function expertsHandlers(ws: WorkspaceService): DomainHandlers<typeof EXPERTS_CHANNELS> {
  return {
    'experts:directory': () => ws.experts.directory(),
    'experts:profile': ({ id }) => ws.experts.profile(id),
    'experts:edit-areas': ({ expertId, changes }) => ws.experts.editAreas(expertId, changes),
    'experts:set-risk': ({ expertId, patch }) => ws.experts.setRisk(expertId, patch),
    'experts:locate': (input) => ws.experts.locate(input),
    'experts:risk': () => ws.experts.risk(),
    'experts:heatmap': () => ws.experts.heatmap(),
    'experts:simulate': ({ expertIds }) => ws.experts.simulate(expertIds),
    'experts:author-proposals': ({ expertId }) => ws.authorship.proposals(expertId),
    'experts:accept-author': (key) => ws.authorship.accept(key),
    'experts:reject-author': (key) => ws.authorship.reject(key),
  };
}
