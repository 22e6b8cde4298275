import fs from 'node:fs';
import type { DocumentDto, LIBRARY_CHANNELS } from '../../../../preload/contract';
import { WellspringError } from '../../util/errors';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/** The viewer reads whole files over the API; larger ones are opened with the system viewer instead. */
export const MAX_VIEW_BYTES = 100 * 1024 * 1024;

function readFileData(doc: DocumentDto): { mime: string | null; base64: string } {
  let size: number;
  try {
    size = fs.statSync(doc.path).size;
  } catch {
    throw new WellspringError('not_found', `${doc.path} is no longer there.`, ['id'], {
      key: 'library:errors.fileGone',
      params: { path: doc.path },
    });
  }
  if (size > MAX_VIEW_BYTES) {
    throw new WellspringError(
      'unsupported',
      `${doc.path} is larger than ${MAX_VIEW_BYTES / 1024 / 1024} MB.`,
      ['id'],
      {
        key: 'library:errors.tooLargeToView',
        params: { path: doc.path, limit: MAX_VIEW_BYTES / 1024 / 1024 },
      },
    );
  }
  return { mime: doc.mime, base64: fs.readFileSync(doc.path).toString('base64') };
}

/** The document library: folders, files, statuses, page text, and links of pages to knowledge items. */
export function libraryHandlers(ws: WorkspaceService): DomainHandlers<typeof LIBRARY_CHANNELS> {
  return {
    'library:folders': () => ws.library.folders(),
    'library:add-folder': ({ path }) => ws.library.addFolder(path),
    'library:remove-folder': async ({ id }) => {
      await ws.library.removeFolder(id);
      return { ok: true };
    },
    'library:reindex': ({ folderId }) => ws.library.reindex(folderId),
    'library:set-folder-ocr': ({ id, ocr }) => ws.library.setFolderOcr(id, ocr),
    'library:cancel': () => ws.library.cancel(),
    'library:progress': () => ws.library.progress(),
    'library:documents': (input) => ws.libraryStore.documents(input),
    'library:document': ({ id }) => ws.libraryStore.document(id),
    'library:unlock': ({ id, password }) => ws.library.unlock(id, password),
    'library:page-text': ({ id, page }) => {
      const p = ws.libraryStore.page(id, page);
      return { page: p.page, label: p.label, text: p.text, ...(p.ocr ? { ocr: true } : {}) };
    },
    'library:file-data': ({ id }) => readFileData(ws.libraryStore.document(id)),
    'library:find-by-path': ({ path }) => ws.libraryStore.documentByPath(path),
    'library:link': ({ docId, page, knowledgeId }) =>
      ws.store.linkDocument(knowledgeId, ws.libraryStore.document(docId), page),
  };
}
