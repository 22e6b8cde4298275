import type { GLOSSARY_CHANNELS } from '../../../../preload/contract';
import type { GraphStore } from '../../graph/graph-store';
import { GlossaryService } from '../../glossary/glossary-service';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/**
 * One GlossaryService per open workspace, keyed by its store (a workspace opened again gets a new store, so a new
 * service); it reads the knowledge service's graph index and the search's glossary, both rebuilt after changes.
 */
const services = new WeakMap<GraphStore, GlossaryService>();

function glossaryOf(ws: WorkspaceService): GlossaryService {
  const store = ws.store;
  let service = services.get(store);
  if (!service) {
    service = new GlossaryService({
      store,
      index: () => ws.knowledge.index(),
      glossary: () => ws.search.glossary(),
    });
    services.set(store, service);
  }
  return service;
}

/** The glossary channels (see preload/contract/glossary.ts): terms, mentions, edits, CSV import and export. */
export function glossaryHandlers(ws: WorkspaceService): DomainHandlers<typeof GLOSSARY_CHANNELS> {
  return {
    'glossary:terms': () => ({ terms: glossaryOf(ws).terms() }),
    'glossary:mentions': ({ texts }) => ({ mentions: glossaryOf(ws).mentions(texts) }),
    'glossary:edit': ({ edits, dryRun }) => glossaryOf(ws).edit(edits, { dryRun: dryRun ?? false }),
    'glossary:import-csv': ({ fileName, data, dryRun }) => glossaryOf(ws).importCsv(fileName, data, dryRun),
    'glossary:export-csv': () => glossaryOf(ws).exportCsv(`${ws.info().name}-glossary.csv`),
  };
}
