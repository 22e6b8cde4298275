import path from 'node:path';
import type { BackupItem, BackupListing, BackupTaken, RestoreDone } from '../../../preload/contract';
import type { WorkspaceService } from '../workspace/workspace-service';
import { backupError } from './backup-errors';
import { backupFolder, listBackups, newBackupTarget, type BackupEntry } from './backup-location';
import { backupWorkspace, checkBackupFile, type BackupProgress } from './backup-workspace';
import { restoreWorkspace } from './restore-workspace';
import { retentionRoles } from './retention';

/** What WorkspaceBackups needs of the app's WorkspaceService (the tests pass the real one). */
export type BackupHost = Pick<WorkspaceService, 'dataDir' | 'info' | 'emit' | 'reopenAround'>;

/**
 * The File menu's backups of the OPEN workspace (issue 10 §7): its list, a manual backup now, and a restore that
 * closes, replaces and reopens it. Backups live where backup-location.ts puts them, under the data folder the
 * workspace service uses (WELLSPRING_USER_DATA in the tests), in every mode: 'node' has no daily scheduler but
 * these still work. One operation at a time: a second one while a restore or backup runs is refused
 * (`backup:errors.busyRestoring`, `busyBackingUp`) rather than queued, so a double click never restores twice.
 */
export class WorkspaceBackups {
  private busy: 'backup' | 'restore' | null = null;

  constructor(
    private readonly host: BackupHost,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * The open workspace's backups, newest first (listBackups), a daily one that retention keeps as its week's
   * shown as `weekly` (retentionRoles), and their folder. Nothing is opened: listing is cheap.
   * @throws not_found when no workspace is open
   */
  list(): BackupListing {
    const workspace = this.host.info().path;
    const entries = listBackups(workspace, this.host.dataDir);
    const roles = retentionRoles(
      entries.filter((b) => b.kind === 'daily'),
      this.clock(),
    );
    return {
      workspace,
      folder: backupFolder(workspace, this.host.dataDir),
      backups: entries.map((b) => item(b, roles.get(b) === 'week' ? 'weekly' : b.kind)),
    };
  }

  /**
   * A manual backup of the open workspace now, into `manual/` (backupWorkspace: online, from a connection of its
   * own while the app keeps its — a write of the app meanwhile restarts the copy at most twice, then the rest is
   * copied in one step — checked, fsynced, renamed). Emits `backup:did-change`.
   * @param onProgress pages copied of the workspace's pages, after every 100-page step
   * @throws backupWorkspace's WellspringErrors (backup:errors.*); invalid_input backup:errors.busyRestoring, busyBackingUp
   */
  async create(onProgress?: (p: BackupProgress) => void): Promise<BackupTaken> {
    return this.exclusive('backup', async () => {
      const workspace = this.host.info().path;
      const target = newBackupTarget(workspace, 'manual', this.clock(), this.host.dataDir);
      const done = await backupWorkspace(workspace, target, { onProgress });
      this.host.emit('backup:did-change', {});
      const listed = this.list().backups.find((b) => b.file === done.file);
      return {
        backup: listed ?? {
          file: done.file,
          name: path.basename(done.file),
          kind: 'manual',
          takenAt: this.clock().toISOString(),
          size: done.bytes,
        },
        folder: backupFolder(workspace, this.host.dataDir),
        ms: done.ms,
      };
    });
  }

  /**
   * Replaces the open workspace with one of its backups:
   * 1. `file` must be one of `list()`'s (the dialog offers nothing else; a path from elsewhere is refused as
   *    not found), and must pass `checkBackupFile` (integrity check, application id, a schema version) BEFORE
   *    the workspace is closed — a damaged backup is refused with nothing changed and the app never blinks.
   * 2. The workspace is closed (WorkspaceService.reopenAround: the daily scheduler stopped, the search snapshot
   *    written), restoreWorkspace runs (checks the backup again, migrates an older one, keeps the current file
   *    as a `before-restore` backup, replaces the file atomically), and the workspace is opened again — also when
   *    the restore failed, then as it was. Opening emits `workspace:did-open`: the renderer refetches the map,
   *    views, library and search.
   * Undo: the history lives in the workspace file, so after a restore it is the backup's own, recorded against
   * exactly the state restored — Ctrl+Z steps back through the backup's edits and can never replay an edit of the
   * replaced state onto it. Going back to before the restore is restoring its `before-restore` backup.
   * @throws not_found backup:errors.backupNotFound; not_a_workspace backup:errors.damaged; restoreWorkspace's
   *   errors (backup:errors.inUse, restoreFailed, openWorkspaceDb's naming the backup); backup:errors.busyRestoring, busyBackingUp
   */
  async restore(file: string): Promise<RestoreDone> {
    const wanted = path.resolve(file);
    return this.exclusive('restore', async () => {
      const entry = this.list().backups.find((b) => b.file === wanted);
      if (!entry)
        throw backupError(
          'not_found',
          `The backup ${wanted} does not exist.`,
          'backupNotFound',
          { file: wanted },
          ['file'],
        );
      const check = checkBackupFile(entry.file);
      if (!check.ok)
        throw backupError(
          'not_a_workspace',
          `The backup ${entry.file} is damaged (${check.problem}): nothing was restored and the workspace is as it was.`,
          'damaged',
          { file: entry.file, detail: check.problem },
          ['file'],
        );
      try {
        const done = await this.host.reopenAround((workspace) =>
          restoreWorkspace(entry.file, workspace, { dataDir: this.host.dataDir, now: this.clock() }),
        );
        return {
          restoredFrom: done.restoredFrom,
          safetyBackup: done.safetyBackup,
          backupSchemaVersion: done.backupSchemaVersion,
          workspace: this.host.info(),
        };
      } finally {
        // A refused restore may still have written the before-restore copy's folder: the list is read again.
        this.host.emit('backup:did-change', {});
      }
    });
  }

  /**
   * Runs `work` unless another operation runs; checked before anything else, since the workspace is closed for a
   * moment during a restore (a call then would otherwise meet `errors.noWorkspace`).
   */
  private async exclusive<T>(what: 'backup' | 'restore', work: () => Promise<T>): Promise<T> {
    if (this.busy)
      throw backupError(
        'invalid_input',
        this.busy === 'restore'
          ? 'A restore is under way: wait until it has finished.'
          : 'A backup is under way: wait until it has finished.',
        this.busy === 'restore' ? 'busyRestoring' : 'busyBackingUp',
        {},
      );
    this.busy = what;
    try {
      return await work();
    } finally {
      this.busy = null;
    }
  }
}

function item(b: BackupEntry, kind: BackupItem['kind']): BackupItem {
  return { file: b.file, name: path.basename(b.file), kind, takenAt: b.takenAt, size: b.size };
}
