import type { Channel, OutputOf, ParsedInputOf } from '../../../preload/contract';
import type { WorkspaceService } from '../workspace/workspace-service';
import fs from 'node:fs';
import type { DocumentDto } from '../../../preload/contract';
import { WellspringError } from '../util/errors';

/** The viewer reads whole files over the API; larger ones are opened with the system viewer instead. */
export const MAX_VIEW_BYTES = 100 * 1024 * 1024;

function readFileData(doc: DocumentDto): { mime: string | null; base64: string } {
  let size: number;
  try {
    size = fs.statSync(doc.path).size;
  } catch {
    throw new WellspringError('not_found', `${doc.path} is no longer there.`, ['id']);
  }
  if (size > MAX_VIEW_BYTES) {
    throw new WellspringError(
      'unsupported',
      `${doc.path} is larger than ${MAX_VIEW_BYTES / 1024 / 1024} MB.`,
      ['id'],
    );
  }
  return { mime: doc.mime, base64: fs.readFileSync(doc.path).toString('base64') };
}

/** One handler per channel; a channel of the contract without a handler here is a compile error. */
export type Handlers = {
  [C in Channel]: (input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
};

/** What differs between hosts (Electron shell, browser mode, CLI): native dialogs and the system browser. */
export interface HostHooks {
  /** Saves content where the user chooses; null path when cancelled. Browser mode downloads in the page instead. */
  saveFile?(suggestedName: string, data: Buffer): Promise<string | null>;
  /** Opens an http(s) URL in the system browser. */
  openExternal?(url: string): Promise<void>;
  /** Asks the user for a folder (native dialog); null when cancelled. */
  pickFolder?(): Promise<string | null>;
}

/**
 * The API handlers, shared by Electron IPC and browser mode. Inputs arrive already validated by `dispatch`.
 * Every handler that changes the graph emits `graph:did-change` and `history:did-change` afterwards.
 */
export function createHandlers(ws: WorkspaceService, host: HostHooks = {}): Handlers {
  const changed = (reason: string, nodeIds?: string[]) => {
    ws.search.graphChanged();
    ws.emit('graph:did-change', { reason, nodeIds });
    ws.emit('history:did-change', ws.store.history.state());
  };
  return {
    'workspace:info': () => ws.info(),
    'workspace:stats': () => ws.store.stats(),
    'workspace:recent': () => ws.recent(),
    'workspace:open': ({ path }) => ws.open(path),
    'workspace:create': ({ path, sample }) => {
      const info = ws.open(path, { create: true, sample });
      return info;
    },
    'graph:get': ({ filter }) => ws.store.getGraph(filter),
    'graph:ego': ({ nodeId, depth, filter }) => ws.store.egoGraph(nodeId, depth, filter),
    'graph:get-node': ({ id }) => ws.store.getNodeDetail(id),
    'graph:add-node': (input) => {
      const node = ws.store.addNode(input);
      changed('add-node', [node.id]);
      return node;
    },
    'graph:update-node': ({ id, patch }) => {
      const node = ws.store.updateNode(id, patch);
      changed('update-node', [id]);
      return node;
    },
    'graph:delete-node': ({ id }) => {
      ws.store.deleteNode(id);
      changed('delete-node', [id]);
      return { ok: true };
    },
    'graph:add-edge': (input) => {
      const edge = ws.store.addEdge(input);
      changed('add-edge', [edge.source, edge.target]);
      return edge;
    },
    'graph:update-edge': ({ id, props }) => {
      const edge = ws.store.updateEdge(id, props);
      changed('update-edge', [edge.source, edge.target]);
      return edge;
    },
    'graph:delete-edge': ({ id }) => {
      ws.store.deleteEdge(id);
      changed('delete-edge');
      return { ok: true };
    },
    'graph:save-positions': ({ positions }) => ({ saved: ws.store.savePositions(positions) }),
    'history:state': () => ws.store.history.state(),
    'history:undo': () => {
      const state = ws.store.undo();
      changed('undo');
      return state;
    },
    'history:redo': () => {
      const state = ws.store.redo();
      changed('redo');
      return state;
    },
    'library:folders': () => ws.library.folders(),
    'library:add-folder': ({ path }) => ws.library.addFolder(path),
    'library:remove-folder': async ({ id }) => {
      await ws.library.removeFolder(id);
      return { ok: true };
    },
    'library:reindex': ({ folderId }) => ws.library.reindex(folderId),
    'library:cancel': () => ws.library.cancel(),
    'library:progress': () => ws.library.progress(),
    'library:documents': (input) => ws.libraryStore.documents(input),
    'library:document': ({ id }) => ws.libraryStore.document(id),
    'library:unlock': ({ id, password }) => ws.library.unlock(id, password),
    'library:page-text': ({ id, page }) => {
      const p = ws.libraryStore.page(id, page);
      return { page: p.page, label: p.label, text: p.text };
    },
    'library:file-data': ({ id }) => readFileData(ws.libraryStore.document(id)),
    'library:find-by-path': ({ path }) => ws.libraryStore.documentByPath(path),
    'library:link': ({ docId, page, knowledgeId }) => {
      const doc = ws.libraryStore.document(docId);
      const edge = ws.store.linkDocument(knowledgeId, doc, page);
      changed('link-document', [knowledgeId, edge.target]);
      return edge;
    },
    'search:query': ({ query, limit, filters }) => ws.search.query(query, { limit, filters }),
    'dialog:pick-folder': async () => {
      if (!host.pickFolder) throw new WellspringError('unsupported', 'Type the folder path in browser mode.');
      return { path: await host.pickFolder() };
    },
    'export:save-file': async ({ suggestedName, content, encoding }) => {
      if (!host.saveFile)
        throw new WellspringError('unsupported', 'Saving files is done by the page in browser mode.');
      const data =
        encoding === 'dataUrl'
          ? Buffer.from(content.slice(content.indexOf(',') + 1), 'base64')
          : Buffer.from(content);
      const path = await host.saveFile(suggestedName, data);
      return { saved: path !== null, path };
    },
    'shell:open-external': async ({ url }) => {
      if (!host.openExternal)
        throw new WellspringError('unsupported', 'Opening links is done by the page in browser mode.');
      await host.openExternal(url);
      return { ok: true };
    },
  };
}
