import fs from 'node:fs';
import path from 'node:path';
import { backupError, workspaceNotFound } from '../core/backup/backup-errors';
import { backupFolder, listBackups, newBackupTarget, type BackupEntry } from '../core/backup/backup-location';
import { backupWorkspace, type BackupProgress } from '../core/backup/backup-workspace';
import { restoreWorkspace } from '../core/backup/restore-workspace';
import { userDataDir } from '../core/workspace/paths';
import type { Out } from './library-commands';

/**
 * `backup --workspace FILE [--out FILE]`: a checked online backup of the workspace (it may be open in the app
 * meanwhile), to `--out` or, by default, a new file in `manual/` of the workspace's backup folder
 * (`<userData>/backups/<name>-<hash>/manual/<name>-YYYY-MM-DDTHHmm.wellspring`). A terminal sees the progress on
 * stderr. Prints where the backup went, its size and schema version.
 * @returns 0
 * @throws WellspringError of backupWorkspace (missing workspace, existing --out, unwritable folder, failed check)
 */
export async function backupCommand(
  workspaceFile: string,
  options: { out?: string; dataDir?: string; now?: Date },
  out: Out,
): Promise<number> {
  const workspace = path.resolve(workspaceFile);
  // Before the default target's folder is made for a workspace that does not exist.
  if (!fs.existsSync(workspace)) throw workspaceNotFound(workspace);
  const target = options.out
    ? path.resolve(options.out)
    : newBackupTarget(workspace, 'manual', options.now ?? new Date(), options.dataDir ?? userDataDir());
  const bar = progressLine();
  const result = await backupWorkspace(workspace, target, { onProgress: bar.update });
  bar.done();
  out(
    `Backed up ${workspace} to ${result.file} (${formatBytes(result.bytes)}, schema ${result.schemaVersion}; ` +
      `integrity check passed).`,
  );
  return 0;
}

/**
 * `restore --workspace FILE --from BACKUP|latest`: replaces the workspace with a backup (restoreWorkspace: checked
 * first, migrated when older, the current file kept as a `before-restore` backup, replaced atomically). `latest`
 * is the newest daily or manual backup of the workspace — not a before-restore copy, so that restoring `latest`
 * twice does not undo the first restore. The workspace must be closed in the app.
 * @returns 0
 * @throws WellspringError of restoreWorkspace; `not_found` (backup:errors.noBackups) for `latest` without backups
 */
export async function restoreCommand(
  workspaceFile: string,
  options: { from: string; dataDir?: string; now?: Date },
  out: Out,
): Promise<number> {
  const workspace = path.resolve(workspaceFile);
  const dataDir = options.dataDir ?? userDataDir();
  let from = options.from;
  if (from === 'latest') {
    const newest = listBackups(workspace, dataDir).find((b) => b.kind === 'daily' || b.kind === 'manual');
    if (!newest) {
      const folder = backupFolder(workspace, dataDir);
      throw backupError(
        'not_found',
        `${workspace} has no backups yet (they are kept in ${folder}).`,
        'noBackups',
        { workspace, folder },
        ['from'],
      );
    }
    from = newest.file;
  }
  const result = await restoreWorkspace(from, workspace, { dataDir, now: options.now });
  out(`Restored ${result.workspace} from ${result.restoredFrom}.`);
  out(
    result.safetyBackup
      ? `The workspace as it was is kept in ${result.safetyBackup}.`
      : 'There was no workspace file before, so no copy of it was kept.',
  );
  return 0;
}

/**
 * `list-backups --workspace FILE [--json]`: the workspace's backups, newest first (listBackups): local time taken,
 * kind, size and path; with --json the entries as they are (takenAt in UTC).
 * @returns 0 (also when there are none: says where they would be)
 */
export async function listBackupsCommand(
  workspaceFile: string,
  options: { json?: boolean; dataDir?: string },
  out: Out,
): Promise<number> {
  const workspace = path.resolve(workspaceFile);
  const dataDir = options.dataDir ?? userDataDir();
  const list = listBackups(workspace, dataDir);
  if (options.json) {
    out(JSON.stringify(list, null, 2));
    return 0;
  }
  if (list.length === 0) {
    out(`${workspace} has no backups yet (they are kept in ${backupFolder(workspace, dataDir)}).`);
    return 0;
  }
  out(`${list.length} backup${list.length === 1 ? '' : 's'} of ${workspace}, newest first:`);
  for (const b of list) out(row(b));
  return 0;
}

function row(b: BackupEntry): string {
  const d = new Date(b.takenAt);
  const p = (n: number) => String(n).padStart(2, '0');
  const local = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
  return `  ${local}  ${b.kind.padEnd(16)} ${formatBytes(b.size).padStart(9)}  ${b.file}`;
}

/** `446 KB`, `12.5 MB`: sizes in the units a file manager shows (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** A percentage redrawn in place on a terminal's stderr; nothing elsewhere (pipes, CI logs, tests). */
function progressLine(stream: NodeJS.WriteStream = process.stderr): {
  update: (p: BackupProgress) => void;
  done: () => void;
} {
  const tty = stream.isTTY === true;
  let drawn = false;
  return {
    update: (p) => {
      if (!tty || p.pagesTotal === 0) return;
      drawn = true;
      stream.write(
        `\rBacking up… ${Math.floor((100 * p.pagesDone) / p.pagesTotal)}% (${p.pagesTotal} pages)`,
      );
    },
    done: () => {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
