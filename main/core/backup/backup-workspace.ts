import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { APPLICATION_ID } from '../db/workspace-db';
import { WellspringError } from '../util/errors';
import { backupError, ioReason, sqliteCode, workspaceNotFound } from './backup-errors';
import { removeDatabaseFiles, syncFile, syncFolder } from './durable-files';

/** How far a backup is: pages copied of the source's pages (SQLite pages, 4 KiB in our workspaces). */
export interface BackupProgress {
  pagesDone: number;
  pagesTotal: number;
}

/** Options of backupWorkspace. */
export interface BackupOptions {
  /** Called after every step, and once at the end with pagesDone = pagesTotal. */
  onProgress?: (p: BackupProgress) => void;
  /** Pages copied per step, between which the event loop (and the app's own writes) run. Default 100. */
  pagesPerStep?: number;
}

/** A finished, checked backup. */
export interface BackupResult {
  /** Absolute path of the backup file. */
  file: string;
  /** Its size in bytes. */
  bytes: number;
  /** SQLite pages copied. */
  pages: number;
  /** The schema version the copy records (`schema_migrations`). */
  schemaVersion: number;
  /** How often another connection's write made SQLite start the copy over. */
  restarts: number;
  /** Wall time of copy and check, in milliseconds. */
  ms: number;
}

/** The result of checking a backup file: its schema version, or what is wrong with it. */
export type BackupCheck = { ok: true; schemaVersion: number } | { ok: false; problem: string };

const DEFAULT_PAGES_PER_STEP = 100; // better-sqlite3's own default, "a strong compromise" (its api.md)
const RESTARTS_BEFORE_ONE_STEP = 2;
const ALL_PAGES = 0x7fffffff; // the largest step better-sqlite3 accepts

/**
 * Copies a workspace into `targetFile` with SQLite's online backup API (better-sqlite3 `db.backup()`, which
 * drives sqlite3_backup_init/step/finish: https://www.sqlite.org/backup.html, "Example 2: Online Backup of a
 * Running Database"), so the workspace may be open and being written meanwhile:
 * - `source` is an open connection (the app's own: its writes during the copy go into the copy, with no restart)
 *   or a workspace file, which gets a connection of its own for the copy. A write through ANOTHER connection
 *   makes SQLite start the copy over at the next step (better-sqlite3 docs, `.backup()`); after two restarts the
 *   rest is copied in one step, inside one read transaction, which writers in WAL mode do not wait for — so a
 *   busy workspace is still backed up, as one consistent snapshot.
 * - The copy is written to a hidden `.…partial` file beside the target, switched to a rollback journal (one
 *   self-contained file: opening it read-only leaves no -wal/-shm beside it), checked (`checkBackupFile`:
 *   read-only, `PRAGMA integrity_check`, application id, schema version), flushed to disk and only then renamed
 *   to `targetFile`. A failure at any point deletes the partial file; the workspace itself is only read.
 *
 * Cost, measured here (warm page cache, Node 24, one core): the 27 MB sample with 5,400 indexed PDF pages and 20k
 * nodes in 0.11 s, a 127 MB workspace in 0.27 s (of which the integrity check 0.05 s), the event loop never paused
 * over 2 ms between 100-page steps. See this folder's README.
 *
 * @param source an open workspace connection, or the path of a workspace file
 * @param targetFile where the backup goes; its folder must exist; an existing file is never overwritten
 * @throws WellspringError `not_found` (key errors.workspaceNotFound: the source file is missing),
 *   `invalid_input` (backup:errors.targetExists), `io_error` (backup:errors.targetUnwritable: folder missing,
 *   permission, disk full; backup:errors.sourceUnreadable: the source is not a readable SQLite database;
 *   backup:errors.backupFailed: SQLite failed otherwise; backup:errors.verifyFailed: the copy failed its check)
 */
export async function backupWorkspace(
  source: Database.Database | string,
  targetFile: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const started = Date.now();
  const target = path.resolve(targetFile);
  const workspace = typeof source === 'string' ? path.resolve(source) : source.name;
  checkTarget(target);
  const db = typeof source === 'string' ? openSource(workspace) : source;
  const dir = path.dirname(target);
  const partial = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.partial`);
  try {
    const { pages, restarts } = await copyPages(db, workspace, partial, target, options);
    const schemaVersion = seal(workspace, partial, target);
    if (fs.existsSync(target)) throw targetExists(target);
    try {
      fs.renameSync(partial, target);
    } catch (e) {
      throw unwritable(target, ioReason(e));
    }
    syncFolder(dir);
    return {
      file: target,
      bytes: fs.statSync(target).size,
      pages,
      schemaVersion,
      restarts,
      ms: Date.now() - started,
    };
  } catch (e) {
    removeDatabaseFiles(partial);
    throw e;
  } finally {
    if (db !== source) db.close();
  }
}

/**
 * Checks a backup (or any workspace) file without writing to it: opens it read-only, runs `PRAGMA integrity_check`
 * (https://www.sqlite.org/pragma.html#pragma_integrity_check: every page, index and constraint), and reads the
 * application id and the newest schema version. Never throws: a file that cannot be opened is a problem too.
 * A file in WAL mode may get -wal/-shm files from the read-only open (our own backups are not in WAL mode).
 */
export function checkBackupFile(file: string): BackupCheck {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    return { ok: false, problem: (e as Error).message };
  }
  try {
    const problem = integrityProblem(db);
    if (problem) return { ok: false, problem };
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID)
      return { ok: false, problem: `not a Wellspring workspace (application id ${appId})` };
    const version = db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get();
    if (typeof version !== 'number') return { ok: false, problem: 'it records no schema version' };
    return { ok: true, schemaVersion: version };
  } catch (e) {
    return { ok: false, problem: (e as Error).message };
  } finally {
    db.close();
  }
}

/**
 * Runs `PRAGMA integrity_check` and returns null when SQLite answers `ok`, else its first three findings on one
 * line (`integrity check: Tree 5 page 50: btreeInitPage() returns error code 11; … (and 2 more)`).
 * @throws the SqliteError of a file too damaged to be checked at all (`database disk image is malformed`)
 */
export function integrityProblem(db: Database.Database): string | null {
  const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  const findings = rows
    .flatMap((r) => r.integrity_check.split('\n'))
    .filter((line) => line !== 'ok' && line.trim() !== '' && !line.startsWith('*** in database'));
  if (findings.length === 0) return null;
  const more = findings.length > 3 ? ` (and ${findings.length - 3} more)` : '';
  return `integrity check: ${findings.slice(0, 3).join('; ')}${more}`;
}

function checkTarget(target: string): void {
  if (fs.existsSync(target)) throw targetExists(target);
  const dir = path.dirname(target);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw unwritable(target, 'the folder does not exist');
}

function openSource(file: string): Database.Database {
  if (!fs.existsSync(file)) throw workspaceNotFound(file);
  try {
    // Read-write but writing nothing, so that as the last connection it removes the -wal/-shm it opened.
    return new Database(file, { fileMustExist: true });
  } catch (e) {
    throw sourceUnreadable(file, (e as Error).message);
  }
}

async function copyPages(
  db: Database.Database,
  workspace: string,
  partial: string,
  target: string,
  options: BackupOptions,
): Promise<{ pages: number; restarts: number }> {
  const step = Math.max(1, Math.round(options.pagesPerStep ?? DEFAULT_PAGES_PER_STEP));
  let restarts = 0;
  let lastDone = 0;
  try {
    const result = await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        const done = totalPages - remainingPages;
        // Every step copies `step` more pages; after a restart the count starts again from one step.
        if (lastDone > 0 && done <= lastDone) restarts++;
        lastDone = done;
        options.onProgress?.({ pagesDone: done, pagesTotal: totalPages });
        return restarts >= RESTARTS_BEFORE_ONE_STEP ? ALL_PAGES : step;
      },
    });
    options.onProgress?.({ pagesDone: result.totalPages, pagesTotal: result.totalPages });
    return { pages: result.totalPages, restarts };
  } catch (e) {
    const code = sqliteCode(e);
    const detail = (e as Error).message;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw sourceUnreadable(workspace, detail);
    if (
      code === 'SQLITE_FULL' ||
      code === 'SQLITE_CANTOPEN' ||
      code === 'SQLITE_READONLY' ||
      e instanceof TypeError
    )
      throw unwritable(target, code === 'SQLITE_FULL' ? 'disk full' : detail);
    throw backupError('io_error', `Backing up ${workspace} to ${target} failed: ${detail}`, 'backupFailed', {
      workspace,
      file: target,
      detail,
    });
  }
}

/** Makes the partial copy one self-contained file, checks it and flushes it; returns its schema version. */
function seal(workspace: string, partial: string, target: string): number {
  try {
    // The copy carries the source's WAL flag in its header (file format bytes 18–19).
    const w = new Database(partial, { fileMustExist: true });
    try {
      w.pragma('journal_mode = DELETE');
    } finally {
      w.close();
    }
  } catch (e) {
    throw unwritable(target, ioReason(e));
  }
  const check = checkBackupFile(partial);
  if (!check.ok)
    throw backupError(
      'io_error',
      `The copy of ${workspace} did not pass its check (${check.problem}) and was deleted; the workspace is unchanged.`,
      'verifyFailed',
      { workspace, detail: check.problem },
    );
  try {
    syncFile(partial);
  } catch (e) {
    throw unwritable(target, ioReason(e));
  }
  return check.schemaVersion;
}

function targetExists(file: string): WellspringError {
  return backupError(
    'invalid_input',
    `${file} already exists: choose another name for the backup (an existing file is never overwritten).`,
    'targetExists',
    { file },
    ['out'],
  );
}

function unwritable(file: string, reason: string): WellspringError {
  return backupError('io_error', `The backup cannot be written to ${file} (${reason}).`, 'targetUnwritable', {
    file,
    reason,
  });
}

function sourceUnreadable(workspace: string, detail: string): WellspringError {
  return backupError('io_error', `${workspace} cannot be backed up: ${detail}`, 'sourceUnreadable', {
    workspace,
    detail,
  });
}
