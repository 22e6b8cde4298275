import fs from 'node:fs';
import Database from 'better-sqlite3';
import { WellspringError } from '../util/errors';
import { nowIso } from '../util/clock';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';

/** `PRAGMA application_id` of every Wellspring workspace: ASCII "WSPR". Tells our files from other SQLite files. */
export const APPLICATION_ID = 0x57535052;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** An open workspace database and what opening it did. */
export interface OpenedWorkspace {
  db: Database.Database;
  /** Schema version before opening (0 for a new file). */
  fromVersion: number;
  /** Copy made before migrating an existing file, or null when nothing was migrated. */
  backupPath: string | null;
}

export interface OpenWorkspaceOptions {
  /** Create the file when it does not exist (default false: a missing file is `not_found`). */
  create?: boolean;
  /** Migrations to apply; tests pass a prefix to build old-version files. Default: all of MIGRATIONS. */
  migrations?: readonly Migration[];
}

/**
 * Opens (or creates) a workspace file: WAL journal, foreign keys on, migrated to the latest schema.
 *
 * A file is inspected read-only before anything is written, so a file that is refused is left byte-for-byte
 * untouched. Before pending migrations run on an existing file, a consistent copy is written beside it with
 * `VACUUM INTO` (`<file>.v<from>.bak`). Each migration runs in its own transaction and is recorded in
 * `schema_migrations` (Actual Budget's scheme: refuse histories the code does not know).
 *
 * @throws WellspringError `not_found` (missing and `create` false), `not_a_workspace` (not SQLite, empty, or another
 *   program's database), `workspace_too_new` (written by a newer build), `unknown_history` (migration names differ),
 *   `io_error` (unreadable file, or one SQLite cannot open or create: a name too long, a folder it may not write),
 *   `invalid_input` (a NUL character in the path: SQLite would open the path cut at the NUL, another file).
 */
export function openWorkspaceDb(file: string, options: OpenWorkspaceOptions = {}): OpenedWorkspace {
  const migrations = options.migrations ?? MIGRATIONS;
  if (file.includes('\0'))
    throw new WellspringError(
      'invalid_input',
      `Workspace path contains a NUL character: ${JSON.stringify(file)}`,
      ['path'],
      {
        key: 'errors.invalidInputValue',
        params: { field: 'path', value: file.replaceAll('\0', '\\0') },
      },
    );
  const exists = fs.existsSync(file);
  if (!exists && !options.create)
    throw new WellspringError('not_found', `Workspace file not found: ${file}`, [], {
      key: 'errors.workspaceNotFound',
      params: { file },
    });

  let fromVersion = 0;
  if (exists) fromVersion = inspectExisting(file, migrations);

  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (e) {
    const detail = (e as Error).message;
    throw new WellspringError('io_error', `Cannot open ${file}: ${detail}`, [], {
      key: 'errors.workspaceUnreadable',
      params: { file, detail },
    });
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    let backupPath: string | null = null;
    const pending = migrations.filter((m) => m.version > fromVersion);
    if (exists && fromVersion > 0 && pending.length > 0) backupPath = backup(db, file, fromVersion);
    if (!exists || fromVersion === 0) {
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      );
    }
    for (const m of pending) {
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          m.version,
          m.name,
          nowIso(),
        );
      })();
    }
    return { db, fromVersion, backupPath };
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Reads an existing file read-only and returns its schema version, or throws why it cannot be opened. */
function inspectExisting(file: string, migrations: readonly Migration[]): number {
  let header: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      header = Buffer.alloc(16);
      const n = fs.readSync(fd, header, 0, 16, 0);
      header = header.subarray(0, n);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    const detail = (e as Error).message;
    throw new WellspringError('io_error', `Cannot read ${file}: ${detail}`, [], {
      key: 'errors.workspaceUnreadable',
      params: { file, detail },
    });
  }
  if (header.length === 0)
    throw new WellspringError('not_a_workspace', `${file} is empty: it is not a Wellspring workspace.`, [], {
      key: 'errors.workspaceEmpty',
      params: { file },
    });
  if (!header.equals(SQLITE_MAGIC)) {
    throw new WellspringError(
      'not_a_workspace',
      `${file} is not a Wellspring workspace (not an SQLite database).`,
      [],
      { key: 'errors.notAWorkspace', params: { file } },
    );
  }
  const ro = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const appId = ro.pragma('application_id', { simple: true }) as number;
    const hasTable = ro
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
      .get();
    if (appId !== APPLICATION_ID || !hasTable) {
      throw new WellspringError(
        'not_a_workspace',
        `${file} is an SQLite database of another program, not a Wellspring workspace; it was left untouched.`,
        [],
        { key: 'errors.otherProgramDb', params: { file } },
      );
    }
    const rows = ro.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as Array<{
      version: number;
      name: string;
    }>;
    const known = migrations[migrations.length - 1]?.version ?? 0;
    let version = 0;
    for (const row of rows) {
      if (row.version > known) {
        const newest = rows[rows.length - 1]!.version;
        throw new WellspringError(
          'workspace_too_new',
          `${file} was saved by a newer version of Wellspring (schema ${newest}; this version knows up to ${known}). Update Wellspring to open it; the file was left untouched.`,
          [],
          { key: 'errors.workspaceTooNew', params: { file, version: newest, known } },
        );
      }
      const expected = migrations.find((m) => m.version === row.version);
      if (!expected || expected.name !== row.name || row.version !== version + 1) {
        throw new WellspringError(
          'unknown_history',
          `${file} has a schema history this version does not know (migration ${row.version} "${row.name}"); it was left untouched.`,
          [],
          { key: 'errors.unknownHistory', params: { file, version: row.version, name: row.name } },
        );
      }
      version = row.version;
    }
    return version;
  } catch (e) {
    if (e instanceof WellspringError) throw e;
    const detail = (e as Error).message;
    throw new WellspringError('not_a_workspace', `${file} cannot be read as a workspace: ${detail}`, [], {
      key: 'errors.workspaceCorrupt',
      params: { file, detail },
    });
  } finally {
    ro.close();
  }
}

function backup(db: Database.Database, file: string, fromVersion: number): string {
  let target = `${file}.v${fromVersion}.bak`;
  if (fs.existsSync(target)) target = `${file}.v${fromVersion}.${Date.now()}.bak`;
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

export { LATEST_VERSION };
