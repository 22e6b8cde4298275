import type { FILES_CHANNELS } from '../../../../preload/contract';
import { WorkspaceBackups } from '../../backup/workspace-backups';
import { exportSourceOf, workspaceExportFile } from '../../transfer/export-files';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/**
 * One WorkspaceBackups per workspace service (not per open workspace: a restore reopens the workspace, and the
 * service's one-at-a-time guard must span that).
 */
const backups = new WeakMap<WorkspaceService, WorkspaceBackups>();

function backupsOf(ws: WorkspaceService): WorkspaceBackups {
  let b = backups.get(ws);
  if (!b) backups.set(ws, (b = new WorkspaceBackups(ws)));
  return b;
}

/**
 * The File menu's workspace files (issue 10 §2, §7): the whole workspace in a transfer format (one file, csv as a
 * zip) for the renderer to save, and the open workspace's backups — list, back up now, restore.
 */
export function filesHandlers(ws: WorkspaceService): DomainHandlers<typeof FILES_CHANNELS> {
  return {
    'files:export': ({ format }) =>
      workspaceExportFile(format, exportSourceOf({ graph: ws.store, views: ws.views }, ws.info().name)),
    'backup:list': () => backupsOf(ws).list(),
    'backup:create': () => backupsOf(ws).create(),
    'backup:restore': ({ file }) => backupsOf(ws).restore(file),
  };
}
