import type { EVIDENCE_CHANNELS } from '../../../../preload/contract';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/** The evidence finder: proposals of library pages per knowledge item, accepted or rejected by the user. */
export function evidenceHandlers(ws: WorkspaceService): DomainHandlers<typeof EVIDENCE_CHANNELS> {
  return {
    'evidence:proposals': ({ knowledgeId, limit }) => ws.evidence.proposals(knowledgeId, limit),
    'evidence:counts': () => ws.evidence.counts(),
    'evidence:accept': (key) => ws.evidence.accept(key),
    'evidence:reject': (key) => {
      ws.evidence.reject(key);
      return { ok: true };
    },
    'evidence:progress': () => ws.evidence.progress(),
    'evidence:run': () => ws.evidence.run(),
  };
}
