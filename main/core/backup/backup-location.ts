import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { userDataDir, WORKSPACE_EXT } from '../workspace/paths';
import { backupError } from './backup-errors';

/**
 * Why a backup was taken: the automatic one of the day, one the user asked for, the copy openWorkspaceDb writes
 * before migrating a file to a newer schema, the copy of the workspace a restore replaced.
 */
export const BACKUP_KINDS = ['daily', 'manual', 'before-migration', 'before-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** The kinds this module writes into the backup folder (before-migration copies are workspace-db's). */
export type WrittenBackupKind = Exclude<BackupKind, 'before-migration'>;

/** One backup of a workspace, as the File menu's restore dialog lists it. */
export interface BackupEntry {
  /** Absolute path of the backup file. */
  file: string;
  /** When it was taken, ISO-8601 UTC (minute precision: from the file name; before-migration copies: file time). */
  takenAt: string;
  /** Size in bytes. */
  size: number;
  kind: BackupKind;
}

/**
 * The folder that holds a workspace's backups: `<userData>/backups/<name>-<hash>/`, with one subfolder per kind
 * (`daily/`, `manual/`, `before-restore/`). `<name>` is the workspace's file name without `.wellspring`; `<hash>`
 * is the first 8 hex digits of the SHA-256 of its absolute path (case-folded on Windows and macOS, whose file
 * systems ignore case), so two workspaces of the same name never share a folder.
 *
 * Why the user data folder and not beside the workspace: a workspace often sits in a folder its document library
 * indexes (Documents, a team share), and backups there would be listed and watched as library files; in the user
 * data folder they also survive the workspace's folder being deleted, and never travel to a synced share. The
 * price: a workspace moved to another path starts a new folder (its old backups stay under the old name).
 * The before-migration copies stay where openWorkspaceDb writes them, beside the workspace (`<file>.v<N>.bak`).
 */
export function backupFolder(workspaceFile: string, dataDir: string = userDataDir()): string {
  const abs = path.resolve(workspaceFile);
  const caseless = process.platform === 'win32' || process.platform === 'darwin';
  const hash = crypto
    .createHash('sha256')
    .update(caseless ? abs.toLowerCase() : abs)
    .digest('hex')
    .slice(0, 8);
  return path.join(dataDir, 'backups', `${workspaceName(abs)}-${hash}`);
}

/** The workspace's file name without its extension: `D:\km\销售知识.wellspring` → `销售知识`. */
export function workspaceName(workspaceFile: string): string {
  const base = path.basename(workspaceFile);
  return base.toLowerCase().endsWith(WORKSPACE_EXT) ? base.slice(0, -WORKSPACE_EXT.length) : base;
}

const p2 = (n: number) => String(n).padStart(2, '0');

/**
 * The file name of a backup taken at `takenAt` (local time, the user's calendar): `<workspace>-YYYY-MM-DDTHHmm.wellspring`,
 * e.g. `sample-2026-12-03T0915.wellspring`; `seq` > 1 appends `-<seq>` for a second backup within the same minute.
 */
export function backupFileName(workspaceFile: string, takenAt: Date, seq = 1): string {
  const d = takenAt;
  const stamp = `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}T${p2(d.getHours())}${p2(d.getMinutes())}`;
  return `${workspaceName(workspaceFile)}-${stamp}${seq > 1 ? `-${seq}` : ''}${WORKSPACE_EXT}`;
}

/**
 * A path for a new backup of `kind` taken at `now` in the workspace's backup folder, creating the folder; the
 * first free name of `backupFileName` (never an existing file).
 * @throws the file system's error when the folder cannot be created
 */
export function newBackupTarget(
  workspaceFile: string,
  kind: WrittenBackupKind,
  now: Date,
  dataDir: string = userDataDir(),
): string {
  const dir = path.join(backupFolder(workspaceFile, dataDir), kind);
  fs.mkdirSync(dir, { recursive: true });
  for (let seq = 1; ; seq++) {
    const file = path.join(dir, backupFileName(workspaceFile, now, seq));
    if (!fs.existsSync(file)) return file;
  }
}

const STAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(?:-(\d+))?$/;

/** The local time and sequence number a backup's file name records, or null when it is not one of ours. */
export function parseBackupName(
  workspaceFile: string,
  fileName: string,
): { takenAt: Date; seq: number } | null {
  const prefix = `${workspaceName(workspaceFile)}-`;
  if (!fileName.startsWith(prefix) || !fileName.endsWith(WORKSPACE_EXT)) return null;
  const m = STAMP.exec(fileName.slice(prefix.length, -WORKSPACE_EXT.length));
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const takenAt = new Date(y, mo - 1, d, h, mi);
  // Reject impossible stamps (2026-02-30 would roll over to March).
  if (takenAt.getMonth() !== mo - 1 || takenAt.getDate() !== d || h > 23 || mi > 59) return null;
  return { takenAt, seq: m[6] ? Number(m[6]) : 1 };
}

/**
 * Every backup of a workspace, newest first: the daily, manual and before-restore copies in its backup folder
 * (`backupFolder`; files whose names `backupFileName` did not make are ignored, and so are half-written ones,
 * which are hidden `.partial` files) and the before-migration copies openWorkspaceDb left beside it
 * (`<file>.v<N>.bak`, `<file>.v<N>.<ms>.bak`). Nothing is opened: listing is cheap; restoreWorkspace checks a
 * backup before it uses it. A missing folder lists nothing.
 */
export function listBackups(workspaceFile: string, dataDir: string = userDataDir()): BackupEntry[] {
  const abs = path.resolve(workspaceFile);
  const found: Array<BackupEntry & { seq: number }> = [];
  const folder = backupFolder(abs, dataDir);
  for (const kind of ['daily', 'manual', 'before-restore'] as const) {
    const dir = path.join(folder, kind);
    for (const name of readdir(dir)) {
      const parsed = parseBackupName(abs, name);
      const file = path.join(dir, name);
      const stat = parsed && statFile(file);
      if (stat)
        found.push({ file, takenAt: parsed.takenAt.toISOString(), size: stat.size, kind, seq: parsed.seq });
    }
  }
  const base = path.basename(abs);
  const migration = /^\.v(\d+)(?:\.(\d+))?\.bak$/;
  for (const name of readdir(path.dirname(abs))) {
    if (!name.startsWith(base)) continue;
    const m = migration.exec(name.slice(base.length));
    const file = path.join(path.dirname(abs), name);
    const stat = m && statFile(file);
    if (!stat) continue;
    const takenAt = new Date(m[2] ? Number(m[2]) : stat.mtimeMs);
    found.push({ file, takenAt: takenAt.toISOString(), size: stat.size, kind: 'before-migration', seq: 1 });
  }
  found.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.seq - a.seq || a.file.localeCompare(b.file));
  return found.map(({ seq: _seq, ...entry }) => entry);
}

function readdir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function statFile(file: string): fs.Stats | null {
  try {
    const s = fs.statSync(file);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

/** The folders of a workspace's document library (absolute paths); none for a schema without a library. */
export function libraryFolders(db: Database.Database): string[] {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'library_folders'")
    .get();
  if (!table) return [];
  return db.prepare('SELECT path FROM library_folders ORDER BY id').pluck().all() as string[];
}

/** True when `inner` is `outer` or lies below it (case-folded on Windows and macOS). */
export function isInside(inner: string, outer: string): boolean {
  const caseless = process.platform === 'win32' || process.platform === 'darwin';
  const fold = (p: string) => (caseless ? path.resolve(p).toLowerCase() : path.resolve(p));
  const rel = path.relative(fold(outer), fold(inner));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Refuses a backup folder that lies inside one of the workspace's library folders: the library would list the
 * backups as documents and its watcher would wake on every one (the user data folder is inside a library only
 * when someone indexes their whole home folder on macOS or Windows, where that folder is not hidden).
 * @throws WellspringError `invalid_input` (key backup:errors.insideLibrary) naming both folders
 */
export function assertOutsideLibrary(
  workspaceFile: string,
  folder: string,
  library: readonly string[],
): void {
  const holder = library.find((lib) => isInside(folder, lib));
  if (holder === undefined) return;
  throw backupError(
    'invalid_input',
    `Backups of ${workspaceFile} would be written to ${folder}, inside the library folder ${holder}: remove that folder from the library, or point WELLSPRING_USER_DATA at a folder outside it.`,
    'insideLibrary',
    { workspace: workspaceFile, folder, library: holder },
  );
}
