import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openWorkspaceDb } from '../db/workspace-db';
import { isWellspringError, WellspringError } from '../util/errors';
import { userDataDir } from '../workspace/paths';
import type { MessageParams } from '../../../preload/contract';
import { backupError, hasBackupKey, ioReason, sqliteCode } from './backup-errors';
import { newBackupTarget } from './backup-location';
import { backupWorkspace, integrityProblem } from './backup-workspace';
import { hasWalFiles, removeDatabaseFiles, SIDECAR_SUFFIXES, syncFile, syncFolder } from './durable-files';

/** Options of restoreWorkspace. */
export interface RestoreOptions {
  /** The user data folder the safety backup goes to (default `userDataDir()`). */
  dataDir?: string;
  /** The time the safety backup is named after (default: now). */
  now?: Date;
}

/** What a restore did. */
export interface RestoreResult {
  /** The workspace file, now holding the backup's content. */
  workspace: string;
  /** The backup it came from. */
  restoredFrom: string;
  /** The schema version the backup was written with; an older one was migrated during the restore. */
  backupSchemaVersion: number;
  /**
   * The workspace as it was before, in the `before-restore` folder (listBackups kind `before-restore`); null when
   * there was no workspace file. A workspace SQLite could not read is kept as a byte copy (with its -wal file).
   */
  safetyBackup: string | null;
}

/**
 * Replaces `workspaceFile` with the content of `backupFile`, so that a failure at any step leaves the workspace
 * exactly as it was:
 * 1. The backup is copied beside the workspace into a hidden staging file (same folder, so the final rename is
 *    atomic) and opened there with openWorkspaceDb — its checks and messages, naming the backup file: not SQLite,
 *    another program's database, a newer schema (`workspace_too_new`), an unknown history — which also migrates an
 *    older backup to this version's schema, so a backup that cannot be brought up to date is refused here rather
 *    than when the app opens it. Then `PRAGMA integrity_check` on the staged copy.
 * 2. The workspace must not be open anywhere: switching it out of WAL mode needs every other connection gone
 *    (https://www.sqlite.org/wal.html, "Persistence of WAL mode"), so a SQLITE_BUSY answer means the app or
 *    another program has it open, and nothing is done. The switch also folds a left-over -wal into the file.
 * 3. A safety backup of the current workspace goes to `before-restore/` in its backup folder (backupWorkspace:
 *    checked like every backup).
 * 4. The staged file is flushed to disk (fsync) and renamed over the workspace, and the folder flushed; no
 *    -wal/-shm is left that could be replayed into the new file. The search-index snapshot beside the workspace
 *    (`<file>.search-index`, a cache) is deleted, so the app rebuilds it from the restored text.
 *
 * When the workspace is open in the app, the caller closes it first (stop the BackupScheduler, then
 * `await WorkspaceService.shutdown()`, which waits for the search snapshot to be written), restores, and opens it
 * again (`WorkspaceService.open(file)`); undo history is the backup's. Another process that opens the file between
 * steps 2 and 4 is not stopped (SQLite has no lock that outlives a rename); the File menu's restore closes the
 * workspace in this process first, which covers the app.
 *
 * @throws WellspringError `not_found` (backup:errors.backupNotFound), `invalid_input` (backup:errors.sameFile;
 *   backup:errors.inUse), openWorkspaceDb's `not_a_workspace` / `workspace_too_new` / `unknown_history` naming the
 *   backup file, `not_a_workspace` (backup:errors.damaged: integrity check failed or the migration met a damaged
 *   page), `io_error` (backup:errors.restoreFailed, and backupWorkspace's errors for the safety backup)
 */
export async function restoreWorkspace(
  backupFile: string,
  workspaceFile: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const backup = path.resolve(backupFile);
  const workspace = path.resolve(workspaceFile);
  if (!fs.existsSync(backup) || !fs.statSync(backup).isFile())
    throw backupError(
      'not_found',
      `The backup ${backup} does not exist.`,
      'backupNotFound',
      { file: backup },
      ['from'],
    );
  if (sameFile(backup, workspace))
    throw backupError(
      'invalid_input',
      `${backup} is the workspace itself: pick one of its backups.`,
      'sameFile',
      { file: backup },
      ['from'],
    );
  const dir = path.dirname(workspace);
  const staged = path.join(dir, `.${path.basename(workspace)}.restore-${process.pid}-${Date.now()}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    stage(backup, staged, workspace);
    const backupSchemaVersion = verifyStaged(backup, staged, workspace);
    const safety = fs.existsSync(workspace)
      ? await safetyCopy(workspace, options.dataDir ?? userDataDir(), options.now ?? new Date())
      : null;
    replace(staged, workspace, safety?.byteCopy ?? false);
    fs.rmSync(`${workspace}.search-index`, { force: true });
    return { workspace, restoredFrom: backup, backupSchemaVersion, safetyBackup: safety?.file ?? null };
  } finally {
    // The staged file, its -wal/-shm, and a before-migration copy a failed migration of it may have left.
    const prefix = path.basename(staged);
    for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : [])
      if (name.startsWith(prefix)) fs.rmSync(path.join(dir, name), { force: true });
  }
}

function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** Copies the backup (and a -wal of it, whose pages belong to it) to the staging name. */
function stage(backup: string, staged: string, workspace: string): void {
  try {
    fs.copyFileSync(backup, staged, fs.constants.COPYFILE_EXCL);
    if (fs.existsSync(`${backup}-wal`)) fs.copyFileSync(`${backup}-wal`, `${staged}-wal`);
  } catch (e) {
    throw restoreFailed(workspace, ioReason(e));
  }
}

/** Opens, migrates and checks the staged copy; returns the schema version the backup had. */
function verifyStaged(backup: string, staged: string, workspace: string): number {
  let db: Database.Database;
  let fromVersion: number;
  let migrationCopy: string | null;
  try {
    ({ db, fromVersion, backupPath: migrationCopy } = openWorkspaceDb(staged));
  } catch (e) {
    throw renamed(e, staged, backup, workspace);
  }
  // The before-migration copy of the staged file is the backup itself: not kept twice.
  if (migrationCopy) fs.rmSync(migrationCopy, { force: true });
  try {
    const problem = integrityProblem(db);
    if (problem) throw damaged(backup, problem);
  } catch (e) {
    throw isWellspringError(e) ? e : damaged(backup, (e as Error).message);
  } finally {
    db.close(); // the last connection: checkpoints the staged WAL into the file and removes -wal/-shm
  }
  return fromVersion;
}

/**
 * openWorkspaceDb's errors name the file it opened, the staging copy: name the backup the user chose instead
 * (workspace-db's file checks are not exported on their own, so they run on the copy). A SQLite error met while
 * migrating a damaged page is the backup's damage; any other error is the file system's.
 */
function renamed(e: unknown, staged: string, backup: string, workspace: string): Error {
  if (!isWellspringError(e))
    return sqliteCode(e) ? damaged(backup, (e as Error).message) : restoreFailed(workspace, ioReason(e));
  const message = e.message.split(staged).join(backup);
  const t = e.translated;
  const params: MessageParams | undefined = t?.params ? { ...t.params } : undefined;
  if (params?.file === staged) params.file = backup;
  const detail = typeof params?.detail === 'string' ? params.detail : '';
  // A file so damaged that SQLite cannot read its schema comes back as errors.workspaceCorrupt: say "damaged".
  if (t?.key === 'errors.workspaceCorrupt') return damaged(backup, detail || message);
  return new WellspringError(
    e.code,
    message,
    ['from'],
    t ? { key: t.key, ...(params ? { params } : {}) } : undefined,
  );
}

function damaged(backup: string, detail: string): WellspringError {
  return backupError(
    'not_a_workspace',
    `The backup ${backup} is damaged (${detail}): nothing was restored and the workspace is as it was.`,
    'damaged',
    { file: backup, detail },
    ['from'],
  );
}

function restoreFailed(workspace: string, reason: string): WellspringError {
  return backupError(
    'io_error',
    `The workspace ${workspace} could not be replaced (${reason}); it was left as it was.`,
    'restoreFailed',
    { file: workspace, reason },
  );
}

function inUse(workspace: string): WellspringError {
  return backupError(
    'invalid_input',
    `${workspace} is open in Wellspring or in another program: close it there, then restore. Nothing was changed.`,
    'inUse',
    { file: workspace },
  );
}

/**
 * Makes sure no one else has the workspace open, then backs it up to `before-restore/`. A workspace SQLite cannot
 * read or whose copy fails its check (the usual reason to restore) is copied byte for byte instead, with its -wal,
 * so that nothing is lost; `byteCopy` says so.
 */
async function safetyCopy(
  workspace: string,
  dataDir: string,
  now: Date,
): Promise<{ file: string; byteCopy: boolean }> {
  // Named once it is known to be needed: a refused restore leaves no empty folder behind.
  const target = () => newBackupTarget(workspace, 'before-restore', now, dataDir);
  let db: Database.Database | null = null;
  try {
    db = new Database(workspace, { fileMustExist: true, timeout: 0 });
    try {
      db.pragma('journal_mode = DELETE');
    } catch (e) {
      if (sqliteCode(e) === 'SQLITE_BUSY' || sqliteCode(e) === 'SQLITE_LOCKED') throw inUse(workspace);
      throw e;
    }
    const done = await backupWorkspace(db, target());
    db.pragma('journal_mode = WAL'); // as the app keeps it, should the rename below fail
    return { file: done.file, byteCopy: false };
  } catch (e) {
    const damagedSource = isWellspringError(e)
      ? hasBackupKey(e, 'sourceUnreadable', 'verifyFailed')
      : sqliteCode(e) !== undefined;
    if (damagedSource) return { file: byteCopy(workspace, target()), byteCopy: true };
    if (isWellspringError(e)) throw e;
    throw restoreFailed(workspace, ioReason(e));
  } finally {
    db?.close();
  }
}

function byteCopy(workspace: string, target: string): string {
  try {
    fs.copyFileSync(workspace, target, fs.constants.COPYFILE_EXCL);
    if (fs.existsSync(`${workspace}-wal`)) fs.copyFileSync(`${workspace}-wal`, `${target}-wal`);
    syncFile(target);
    return target;
  } catch (e) {
    removeDatabaseFiles(target);
    throw restoreFailed(workspace, ioReason(e));
  }
}

/**
 * Flushes the staged file and renames it over the workspace. No -wal/-shm of the old file may meet the new one:
 * after a checked safety backup, whose connection was the last, there are none — one now means someone opened the
 * workspace meanwhile; after a byte copy they are stale leftovers (kept in the copy) and are removed.
 */
function replace(staged: string, workspace: string, byteCopied: boolean): void {
  try {
    syncFile(staged);
  } catch (e) {
    throw restoreFailed(workspace, ioReason(e));
  }
  if (hasWalFiles(workspace) && !byteCopied) throw inUse(workspace);
  try {
    for (const s of SIDECAR_SUFFIXES) fs.rmSync(workspace + s, { force: true });
    fs.renameSync(staged, workspace);
  } catch (e) {
    throw restoreFailed(workspace, ioReason(e));
  }
  syncFolder(path.dirname(workspace));
}
