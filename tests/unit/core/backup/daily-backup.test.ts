import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  backupFileName,
  backupFolder,
  listBackups,
  newBackupTarget,
} from '../../../../main/core/backup/backup-location';
import { BackupScheduler, runDailyBackup } from '../../../../main/core/backup/daily-backup';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { LibraryStore } from '../../../../main/core/documents/library-store';
import { fixture, tempDir } from '../../helpers';
import { graphOf } from './sample-workspace';

/** A small real workspace (the version-3 fixture brought to the latest schema) in a temporary folder. */
function smallWorkspace(): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'team.wellspring');
  fs.copyFileSync(fixture('workspace-v3.wellspring'), file);
  openWorkspaceDb(file).db.close();
  return { dir, file };
}

const at = (y: number, m: number, d: number, h = 9) => new Date(y, m - 1, d, h);
const dailyNames = (file: string, data: string) =>
  listBackups(file, data)
    .filter((b) => b.kind === 'daily')
    .map((b) => path.basename(b.file));

describe('runDailyBackup', () => {
  it('takes one backup a local day and, used every day for ten weeks, keeps 7 daily and 4 weekly', async () => {
    const { dir, file } = smallWorkspace();
    const manual = newBackupTarget(file, 'manual', at(2026, 11, 2), dir);
    fs.copyFileSync(file, manual);
    for (
      let t = at(2026, 11, 1);
      t <= at(2027, 1, 13);
      t = at(t.getFullYear(), t.getMonth() + 1, t.getDate() + 1)
    ) {
      const morning = await runDailyBackup({ workspaceFile: file, dataDir: dir, now: t });
      expect(morning.taken?.file, localName(t)).toMatch(/T0900\.wellspring$/);
      const evening = await runDailyBackup({
        workspaceFile: file,
        dataDir: dir,
        now: at(t.getFullYear(), t.getMonth() + 1, t.getDate(), 17),
      });
      expect(evening, localName(t)).toEqual({ taken: null, pruned: [] });
    }
    // Now Wednesday 13 January 2027. Daily: 13 … 7 January. Weekly beyond them: Jan 6 (2027-W01, 4–10 Jan),
    // Jan 3 (2026-W53, 28 Dec – 3 Jan), Dec 27 (W52), Dec 20 (W51). Everything older was pruned on the way.
    expect(dailyNames(file, dir)).toEqual(
      [
        at(2027, 1, 13),
        at(2027, 1, 12),
        at(2027, 1, 11),
        at(2027, 1, 10),
        at(2027, 1, 9),
        at(2027, 1, 8),
        at(2027, 1, 7),
        at(2027, 1, 6),
        at(2027, 1, 3),
        at(2026, 12, 27),
        at(2026, 12, 20),
      ].map((t) => backupFileName(file, t)),
    );
    // A manual backup is never pruned; the pruned files are really gone.
    expect(fs.existsSync(manual)).toBe(true);
    expect(fs.readdirSync(path.join(backupFolder(file, dir), 'daily'))).toHaveLength(11);
  });

  it('backs up through the app’s own connection when given one', async () => {
    const { dir, file } = smallWorkspace();
    const { db } = openWorkspaceDb(file);
    try {
      const store = new GraphStore(db);
      store.addNode({ kind: 'knowledge', label: '今天的新条目' });
      const run = await runDailyBackup({ workspaceFile: file, db, dataDir: dir, now: at(2026, 12, 3) });
      expect(graphOf(run.taken!.file)).toEqual(store.getGraph());
    } finally {
      db.close();
    }
  });

  it('refuses to write backups inside a folder of the workspace’s library, before making any folder', async () => {
    const { dir, file } = smallWorkspace();
    const { db } = openWorkspaceDb(file);
    new LibraryStore(db).addFolder(dir);
    db.close();
    const data = path.join(dir, 'userdata');
    await expect(
      runDailyBackup({ workspaceFile: file, dataDir: data, now: at(2026, 12, 3) }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      key: 'backup:errors.insideLibrary',
      params: { workspace: file, library: dir },
    });
    expect(fs.existsSync(data)).toBe(false);
  });
});

describe('BackupScheduler', () => {
  it('backs up at start, again when the clock reaches a new day, never twice at once, and stops', async () => {
    const { dir, file } = smallWorkspace();
    let now = at(2026, 12, 31, 22);
    const results: string[] = [];
    const scheduler = new BackupScheduler({
      workspaceFile: file,
      dataDir: dir,
      now: () => now,
      intervalMs: 10 * 3_600_000, // the test drives check() itself
      onResult: (r) => results.push(path.basename(r.taken!.file)),
    });
    const first = await scheduler.start();
    expect(path.basename(first!.taken!.file)).toBe('team-2026-12-31T2200.wellspring');
    now = at(2026, 12, 31, 23);
    expect((await scheduler.check())?.taken).toBeNull();
    now = at(2027, 1, 1, 0);
    const [a, b] = [scheduler.check(), scheduler.check()];
    expect(a).toBe(b); // the second check joins the run in progress
    expect(path.basename((await a)!.taken!.file)).toBe('team-2027-01-01T0000.wellspring');
    await scheduler.stop();
    now = at(2027, 1, 2);
    expect(await scheduler.check()).toBeNull();
    expect(results).toEqual(['team-2026-12-31T2200.wellspring', 'team-2027-01-01T0000.wellspring']);
    expect(dailyNames(file, dir)).toHaveLength(2);
  });

  it('reports a failed run and tries again at the next check', async () => {
    const { dir, file } = smallWorkspace();
    const onError = vi.fn();
    const scheduler = new BackupScheduler({
      workspaceFile: file,
      dataDir: dir,
      now: () => at(2026, 12, 3),
      onError,
    });
    const moved = `${file}.away`;
    fs.renameSync(file, moved);
    expect(await scheduler.check()).toBeNull();
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'not_found', key: 'errors.workspaceNotFound' }),
    );
    fs.renameSync(moved, file);
    expect((await scheduler.check())?.taken).not.toBeNull();
    await scheduler.stop();
  });
});

function localName(t: Date): string {
  return t.toDateString();
}
