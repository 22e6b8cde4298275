import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { userDataDir } from '../workspace/paths';
import {
  assertOutsideLibrary,
  backupFolder,
  libraryFolders,
  listBackups,
  newBackupTarget,
} from './backup-location';
import { backupWorkspace, type BackupResult } from './backup-workspace';
import { backupsToKeep, localDay } from './retention';
import { removeDatabaseFiles } from './durable-files';

/** Options of runDailyBackup. */
export interface DailyBackupOptions {
  /** The workspace file (names the backup folder and the files). */
  workspaceFile: string;
  /** The workspace's open connection, when there is one (the app's): the copy then never restarts. */
  db?: Database.Database;
  /** The user data folder (default `userDataDir()`). */
  dataDir?: string;
  /** The time to judge "today" and retention by (default: now). */
  now?: Date;
}

/** What one daily run did. */
export interface DailyBackupResult {
  /** The backup taken, or null when today's existed already. */
  taken: BackupResult | null;
  /** Daily backups deleted by retention (absolute paths). */
  pruned: string[];
}

/**
 * The automatic daily backup: when the workspace has no daily backup dated today (local calendar day of `now`), one
 * is taken into `daily/` of its backup folder (backupWorkspace: online, checked); then retention
 * (`backupsToKeep`: 7 daily, 4 weekly) deletes the daily backups it does not keep. Manual, before-restore and
 * before-migration backups are never deleted automatically. When the backup fails nothing is pruned.
 * Call it when a workspace is opened and from time to time while it is open (BackupScheduler does both).
 * @throws WellspringError of backupWorkspace, or `invalid_input` (backup:errors.insideLibrary) when the backup folder
 *   lies inside one of the workspace's library folders (`assertOutsideLibrary`)
 */
export async function runDailyBackup(options: DailyBackupOptions): Promise<DailyBackupResult> {
  const now = options.now ?? new Date();
  const dataDir = options.dataDir ?? userDataDir();
  const workspace = path.resolve(options.workspaceFile);
  const folder = backupFolder(workspace, dataDir);
  assertOutsideLibrary(workspace, folder, readLibraryFolders(options.db ?? workspace));

  const today = localDay(now);
  const daily = () => listBackups(workspace, dataDir).filter((b) => b.kind === 'daily');
  let taken: BackupResult | null = null;
  if (!daily().some((b) => localDay(new Date(b.takenAt)) === today)) {
    const target = newBackupTarget(workspace, 'daily', now, dataDir);
    taken = await backupWorkspace(options.db ?? workspace, target);
  }
  const all = daily();
  const keep = new Set(backupsToKeep(all, now).map((b) => b.file));
  const pruned: string[] = [];
  for (const b of all) {
    if (keep.has(b.file)) continue;
    removeDatabaseFiles(b.file);
    pruned.push(b.file);
  }
  return { taken, pruned };
}

function readLibraryFolders(source: Database.Database | string): string[] {
  if (typeof source !== 'string') return libraryFolders(source);
  if (!fs.existsSync(source)) return []; // backupWorkspace says it is missing
  let db: Database.Database | null = null;
  try {
    db = new Database(source, { fileMustExist: true });
    return libraryFolders(db);
  } catch {
    return []; // not readable: backupWorkspace names the problem
  } finally {
    db?.close();
  }
}

/** Options of BackupScheduler. */
export interface BackupSchedulerOptions {
  workspaceFile: string;
  /** The workspace's open connection (the app's), read at each run; undefined: the file gets its own. */
  db?: () => Database.Database | undefined;
  dataDir?: string;
  /** The clock (default `() => new Date()`); tests pass their own. */
  now?: () => Date;
  /** How often to look whether a new day began, in ms (default one hour). */
  intervalMs?: number;
  /** Told after every run that did something. */
  onResult?: (result: DailyBackupResult) => void;
  /** Told when a run failed (default: printed to stderr); the next run tries again. */
  onError?: (error: unknown) => void;
}

const HOUR_MS = 3_600_000;

/**
 * Runs runDailyBackup for one open workspace: once at `start()` (the workspace was just opened) and then every
 * `intervalMs` (an hour), so a workspace left open over midnight gets the new day's backup within the hour. An
 * hourly look, rather than a timer set for midnight, survives sleep, hibernation and clock changes. The timer does
 * not keep Node alive. Runs never overlap: a check while one is running returns that run.
 *
 * Wiring (the lead's): after `WorkspaceService.open(file)`, `new BackupScheduler({ workspaceFile: file }).start()`;
 * before closing or restoring the workspace, `await scheduler.stop()` — closing the connection under a running
 * backup would abort it (better-sqlite3 aborts pending backups on close).
 */
export class BackupScheduler {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<DailyBackupResult | null> | null = null;
  private stopped = false;

  constructor(private readonly options: BackupSchedulerOptions) {}

  /** Runs the first check now and starts the hourly one; returns the first check's run. */
  start(): Promise<DailyBackupResult | null> {
    this.stopped = false;
    this.timer ??= setInterval(() => void this.check(), this.options.intervalMs ?? HOUR_MS);
    this.timer.unref?.();
    return this.check();
  }

  /**
   * One check: takes the day's backup when it is due and prunes. Resolves to the run's result, or null when it
   * failed (onError was told) or the scheduler is stopped. Never rejects.
   */
  check(): Promise<DailyBackupResult | null> {
    if (this.stopped) return Promise.resolve(null);
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Stops the hourly check and waits for a run in progress to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async run(): Promise<DailyBackupResult | null> {
    const { workspaceFile, dataDir } = this.options;
    try {
      const result = await runDailyBackup({
        workspaceFile,
        db: this.options.db?.(),
        dataDir,
        now: (this.options.now ?? (() => new Date()))(),
      });
      if (result.taken || result.pruned.length) this.options.onResult?.(result);
      return result;
    } catch (e) {
      const onError =
        this.options.onError ??
        ((err: unknown) =>
          console.error(
            `wellspring: the daily backup of ${workspaceFile} failed: ${(err as Error).message}`,
          ));
      onError(e);
      return null;
    }
  }
}
