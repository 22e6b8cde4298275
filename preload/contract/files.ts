/**
 * Whole-workspace files from the File menu (issue 10 §2, §7): exports in every transfer format, backups and restore.
 * Computed in main/core/transfer/ and main/core/backup/. Imports only zod.
 */
import { z } from 'zod';
import type { ChannelMap } from './channel';
import { WorkspaceInfo } from './workspace';

/** The workspace export formats (main/core/transfer/workspace-export.ts TRANSFER_FORMATS). */
export const WorkspaceExportFormat = z.enum(['json', 'graphml', 'gexf', 'csv', 'cypher', 'cyjs']);
export type WorkspaceExportFormat = z.infer<typeof WorkspaceExportFormat>;

/** One workspace export, ready for `export:save-file` (renderer/src/ui/export/save-file.ts). */
export const WorkspaceExport = z.object({
  format: WorkspaceExportFormat,
  /** Suggested name: `<workspace>-<yyyy-mm-dd>.<ext>`; csv: `<workspace>-csv-<yyyy-mm-dd>.zip`. */
  fileName: z.string(),
  /** The file: UTF-8 text, or for csv a `data:application/zip;base64,…` URL of a zip of the CSV files. */
  content: z.string(),
  encoding: z.enum(['utf8', 'dataUrl']),
  /** The file's MIME type (browser mode's download). */
  mime: z.string(),
  /** The names of the files inside a zip (csv: `nodes-knowledge.csv` …); the file's own name otherwise. */
  entries: z.array(z.string()),
  /** Size of the file in bytes (the zip's, not its base64). */
  bytes: z.number().int().nonnegative(),
  nodes: z.number().int().nonnegative(),
  edges: z.number().int().nonnegative(),
});
export type WorkspaceExport = z.infer<typeof WorkspaceExport>;

/**
 * Why a backup exists: the automatic one of a day (`daily`), a daily one that retention now keeps as its ISO
 * week's (`weekly`: older than the 7 most recent days), one the user took (`manual`), the copy a restore made of
 * the workspace it replaced (`before-restore`), the copy taken before an upgrade of the schema (`before-migration`).
 */
export const BackupItemKind = z.enum(['daily', 'weekly', 'manual', 'before-restore', 'before-migration']);
export type BackupItemKind = z.infer<typeof BackupItemKind>;

/** One backup of the open workspace. */
export const BackupItem = z.object({
  /** Absolute path: what `backup:restore` takes. */
  file: z.string(),
  /** Its file name. */
  name: z.string(),
  kind: BackupItemKind,
  /** When it was taken, ISO-8601 UTC (minute precision). */
  takenAt: z.string(),
  /** Bytes. */
  size: z.number().int().nonnegative(),
});
export type BackupItem = z.infer<typeof BackupItem>;

export const BackupListing = z.object({
  /** The workspace file the backups are of. */
  workspace: z.string(),
  /** The folder that holds them (`<userData>/backups/<name>-<hash>/`, one subfolder per kind). */
  folder: z.string(),
  /** Newest first. */
  backups: z.array(BackupItem),
});
export type BackupListing = z.infer<typeof BackupListing>;

export const BackupTaken = z.object({
  backup: BackupItem,
  folder: z.string(),
  /** Wall time of copy and integrity check, milliseconds. */
  ms: z.number().nonnegative(),
});
export type BackupTaken = z.infer<typeof BackupTaken>;

export const RestoreDone = z.object({
  /** The backup restored from. */
  restoredFrom: z.string(),
  /** The workspace as it was before, now listed as kind `before-restore`; null when there was no file. */
  safetyBackup: z.string().nullable(),
  /** The schema version the backup was written with (an older one was brought up to date). */
  backupSchemaVersion: z.number().int(),
  /** The workspace, open again with the backup's content. */
  workspace: WorkspaceInfo,
});
export type RestoreDone = z.infer<typeof RestoreDone>;

const empty = z.strictObject({});

export const FILES_CHANNELS = {
  /**
   * The whole workspace in one format (main/core/transfer/export-files.ts): one text file, or the CSV files (one
   * per node kind and per edge kind, UTF-8 with BOM) in one zip. Nothing is written: the renderer saves it.
   */
  'files:export': { input: z.strictObject({ format: WorkspaceExportFormat }), output: WorkspaceExport },
  /** The open workspace's backups, newest first, and the folder they live in. */
  'backup:list': { input: empty, output: BackupListing },
  /**
   * A manual backup now (SQLite's online backup API, checked, into `manual/`); emits `backup:did-change`.
   * @throws backupWorkspace's errors (backup:errors.*); invalid_input backup:errors.busyRestoring or busyBackingUp
   */
  'backup:create': { input: empty, output: BackupTaken },
  /**
   * Replaces the open workspace with one of its backups (`file` from `backup:list`): the backup is checked first
   * (a damaged one is refused, nothing changes), the current state is kept as a `before-restore` backup, the
   * workspace is closed, replaced and opened again; emits `workspace:did-open` (the renderer refetches everything)
   * and `backup:did-change`. Undo history is the backup's own, which matches its content.
   * @throws not_found backup:errors.backupNotFound (not one of its backups); not_a_workspace backup:errors.damaged;
   *   restoreWorkspace's errors; invalid_input backup:errors.busyRestoring or busyBackingUp
   */
  'backup:restore': {
    input: z.strictObject({ file: z.string().min(1).max(4096) }),
    output: RestoreDone,
  },
} as const satisfies ChannelMap;
