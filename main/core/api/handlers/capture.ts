import type { CAPTURE_CHANNELS } from '../../../../preload/contract';
import { CaptureService } from '../../capture/capture-service';
import type { GraphStore } from '../../graph/graph-store';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/**
 * The capture forms: their templates (get, set, reset) and the two submissions. The service is built here from
 * the open workspace's store, one per workspace (a WeakMap on its GraphStore, so a workspace opened again gets a
 * fresh one and a closed one is not kept alive).
 */
export function captureHandlers(ws: WorkspaceService): DomainHandlers<typeof CAPTURE_CHANNELS> {
  const services = new WeakMap<GraphStore, CaptureService>();
  const capture = (): CaptureService => {
    const store = ws.store;
    let service = services.get(store);
    if (!service) {
      service = new CaptureService({ store, meta: ws.meta, index: () => ws.knowledge.index() });
      services.set(store, service);
    }
    return service;
  };
  return {
    'capture:template': ({ form }) => capture().template(form),
    'capture:set-template': ({ template }) => capture().setTemplate(template),
    'capture:reset-template': ({ form }) => capture().resetTemplate(form),
    'capture:submit-aar': (input) => capture().submitAar(input),
    'capture:submit-apprentice': (input) => capture().submitApprentice(input),
  };
}
