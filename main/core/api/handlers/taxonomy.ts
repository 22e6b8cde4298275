import type { TAXONOMY_CHANNELS } from '../../../../preload/contract';
import type { GraphStore } from '../../graph/graph-store';
import { TaxonomyService } from '../../taxonomy/taxonomy-service';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/**
 * One TaxonomyService per open workspace, keyed by its store (a workspace opened again gets a new store, so a new
 * service); it reads the knowledge service's graph index, which the workspace rebuilds after every change.
 */
const services = new WeakMap<GraphStore, TaxonomyService>();

function taxonomyOf(ws: WorkspaceService): TaxonomyService {
  const store = ws.store;
  let service = services.get(store);
  if (!service) {
    service = new TaxonomyService({ store, index: () => ws.knowledge.index() });
    services.set(store, service);
  }
  return service;
}

/** The taxonomy editor (issue 10 §4): the category tree with counts, one category's contents, and the edits. */
export function taxonomyHandlers(ws: WorkspaceService): DomainHandlers<typeof TAXONOMY_CHANNELS> {
  return {
    'taxonomy:tree': () => taxonomyOf(ws).tree(),
    'taxonomy:detail': ({ id }) => taxonomyOf(ws).detail(id),
    'taxonomy:edit': ({ edits, dryRun }) => taxonomyOf(ws).edit(edits, { dryRun: dryRun ?? false }),
  };
}
