import fs from 'node:fs';
import path from 'node:path';
import type { DocumentDto, LIBRARY_CHANNELS } from '../../../../preload/contract';
import { WellspringError } from '../../util/errors';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/** The viewer reads whole files over the API; larger ones are opened with the system viewer instead. */
export const MAX_VIEW_BYTES = 100 * 1024 * 1024;

/**
 * The file's bytes for the viewer, only from inside the library: its real path (links resolved) must lie in the
 * real path of one of the workspace's library folders. The scan follows links, so a link to a file elsewhere, or a
 * file swapped for such a link after indexing, is searchable but not served (issue 12, browser mode serves no file
 * outside the folders the user added). @throws not_found when the file is gone, unsupported when it lies outside
 * the library folders or is over MAX_VIEW_BYTES.
 */
function readFileData(doc: DocumentDto, folders: readonly string[]): { mime: string | null; base64: string } {
  let size: number;
  let real: string;
  try {
    real = fs.realpathSync(doc.path);
    size = fs.statSync(real).size;
  } catch {
    throw new WellspringError('not_found', `${doc.path} is no longer there.`, ['id'], {
      key: 'library:errors.fileGone',
      params: { path: doc.path },
    });
  }
  if (!folders.some((f) => isInside(real, f))) {
    throw new WellspringError(
      'unsupported',
      `${doc.path} is not shown: it leads to ${real}, outside the library folders.`,
      ['id'],
      { key: 'library:errors.outsideLibrary', params: { path: doc.path, target: real } },
    );
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
  return { mime: doc.mime, base64: fs.readFileSync(real).toString('base64') };
}

/** True when `file` is `folder` itself or below it (both absolute; compared by path segments, not by prefix). */
function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel);
}

/** The real paths of the library folders (a folder that is gone is left out). */
function realFolders(folders: ReadonlyArray<{ path: string }>): string[] {
  return folders.flatMap((f) => {
    try {
      return [fs.realpathSync(f.path)];
    } catch {
      return [];
    }
  });
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
    'library:file-data': ({ id }) =>
      readFileData(ws.libraryStore.document(id), realFolders(ws.library.folders())),
    'library:find-by-path': ({ path }) => ws.libraryStore.documentByPath(path),
    'library:link': ({ docId, page, knowledgeId }) =>
      ws.store.linkDocument(knowledgeId, ws.libraryStore.document(docId), page),
  };
}
