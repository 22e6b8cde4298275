import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../../preload/contract';
import { runDailyBackup } from '../../../../main/core/backup/daily-backup';
import { WorkspaceBackups } from '../../../../main/core/backup/workspace-backups';
import { graphOf, openSample, sha } from './sample-workspace';

/** The sample opened as the app opens it, with the File menu's backups on it and the events it emits. */
async function sampleWithBackups(clock?: () => Date) {
  const s = await openSample();
  const events: EventName[] = [];
  s.ws.onEvent((e) => events.push(e));
  return { ...s, events, backups: new WorkspaceBackups(s.ws, clock) };
}

describe('WorkspaceBackups (the File menu’s backups of the open workspace)', () => {
  it('back up → change → restore gives the backed-up graph; the changed state is kept; undo cannot bring it back', async () => {
    const { ws, backups, events, dir } = await sampleWithBackups();
    try {
      const before = ws.store.addNode({ kind: 'knowledge', label: '备份前的编辑' });
      const backedUp = ws.store.getGraph();
      const taken = await backups.create();
      expect(taken.backup).toMatchObject({ kind: 'manual', name: path.basename(taken.backup.file) });
      expect(taken.backup.file.startsWith(path.join(dir, 'backups'))).toBe(true);
      expect(taken.folder).toBe(path.dirname(path.dirname(taken.backup.file)));
      expect(events).toContain('backup:did-change');

      const added = ws.store.addNode({ kind: 'knowledge', label: '恢复前新增的知识条目' });
      expect(ws.store.getGraph().nodes).toHaveLength(backedUp.nodes.length + 1);
      events.length = 0;

      const done = await backups.restore(taken.backup.file);
      expect(done.restoredFrom).toBe(taken.backup.file);
      expect(done.workspace.nodeCount).toBe(backedUp.nodes.length);
      // The app's store is the reopened workspace's, holding exactly what was backed up.
      expect(ws.store.getGraph()).toEqual(backedUp);
      expect(events).toContain('workspace:did-open');
      expect(events).toContain('backup:did-change');

      // Nothing is lost: the state the restore replaced is listed as a before-restore backup and holds the node.
      const list = backups.list();
      const safety = list.backups.find((b) => b.kind === 'before-restore');
      expect(safety?.file).toBe(done.safetyBackup);
      expect(graphOf(safety!.file).nodes.map((n) => n.id)).toContain(added.id);

      // Undo steps through the backup's own history (its newest edit is the one made before the backup): it
      // never replays the replaced state's edit, and leaves a graph the write path can still read and change.
      expect(ws.store.history.state()).toMatchObject({ canUndo: true, canRedo: false });
      ws.store.undo();
      const undone = ws.store.getGraph().nodes.map((n) => n.id);
      expect(undone).not.toContain(before.id);
      expect(undone).not.toContain(added.id);
      expect(undone).toHaveLength(backedUp.nodes.length - 1);
    } finally {
      await ws.shutdown();
    }
  });

  it('refuses a damaged backup before closing anything: the workspace, its file and the list stay as they were', async () => {
    const { ws, file, backups, events } = await sampleWithBackups();
    try {
      const taken = await backups.create();
      // Overwrite the root page of an index with 0xff: the file still opens, the integrity check finds it.
      const ro = new Database(taken.backup.file, { readonly: true });
      const page = ro
        .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'documents_status'")
        .pluck()
        .get() as number;
      ro.close();
      const bytes = fs.readFileSync(taken.backup.file);
      bytes.fill(0xff, (page - 1) * 4096, page * 4096);
      fs.writeFileSync(taken.backup.file, bytes);

      ws.store.addNode({ kind: 'expert', label: '留在原处的专家' });
      const before = ws.store.getGraph();
      const store = ws.store;
      const listed = backups.list();
      const fileSha = sha(file);
      events.length = 0;

      await expect(backups.restore(taken.backup.file)).rejects.toMatchObject({
        code: 'not_a_workspace',
        key: 'backup:errors.damaged',
        params: { file: taken.backup.file },
        message: `The backup ${taken.backup.file} is damaged (database disk image is malformed): nothing was restored and the workspace is as it was.`,
      });
      expect(ws.store).toBe(store); // never closed
      expect(ws.store.getGraph()).toEqual(before);
      expect(sha(file)).toBe(fileSha);
      expect(backups.list()).toEqual(listed);
      expect(events).not.toContain('workspace:did-open');
    } finally {
      await ws.shutdown();
    }
  });

  it('does one thing at a time: a backup or a second restore while a restore runs is refused, not queued', async () => {
    const { ws, backups } = await sampleWithBackups();
    try {
      const taken = await backups.create();
      const restoring = backups.restore(taken.backup.file);
      await expect(backups.create()).rejects.toMatchObject({
        code: 'invalid_input',
        key: 'backup:errors.busyRestoring',
      });
      await expect(backups.restore(taken.backup.file)).rejects.toMatchObject({
        key: 'backup:errors.busyRestoring',
      });
      await restoring;
      // Once it is done, the next one runs.
      expect((await backups.create()).backup.kind).toBe('manual');
      expect(
        backups
          .list()
          .backups.map((b) => b.kind)
          .sort(),
      ).toEqual(['before-restore', 'manual', 'manual']);
    } finally {
      await ws.shutdown();
    }
  });

  it('refuses a file that is not one of the workspace’s backups', async () => {
    const { ws, dir, backups } = await sampleWithBackups();
    try {
      const elsewhere = path.join(dir, 'other.wellspring');
      fs.copyFileSync(ws.info().path, elsewhere);
      await expect(backups.restore(elsewhere)).rejects.toMatchObject({
        code: 'not_found',
        key: 'backup:errors.backupNotFound',
        params: { file: elsewhere },
      });
    } finally {
      await ws.shutdown();
    }
  });

  it('lists every kind newest first: daily, the older dailies kept as weekly, manual, before-restore, before-migration', async () => {
    const now = new Date(2027, 0, 13, 10, 0); // a Wednesday
    const { ws, file, dir, backups } = await sampleWithBackups(() => now);
    try {
      // Daily backups on 12 days in a row, Jan 2 … Jan 13, pruned as the app prunes them on each day.
      for (let day = 2; day <= 13; day++)
        await runDailyBackup({ workspaceFile: file, dataDir: dir, now: new Date(2027, 0, day, 9, 0) });
      const manual = await backups.create();
      fs.copyFileSync(file, `${file}.v3.bak`); // what openWorkspaceDb leaves before a migration
      fs.utimesSync(`${file}.v3.bak`, new Date(2026, 11, 1), new Date(2026, 11, 1));

      const list = backups.list();
      expect(list.workspace).toBe(file);
      const days = (kind: string) =>
        list.backups.filter((b) => b.kind === kind).map((b) => new Date(b.takenAt).getDate());
      // The 7 newest days are daily; of the older ones retention keeps the newest of each ISO week: Jan 4 – 10
      // is 2027-W01 (Jan 6 is its newest older than the seven), Jan 1 – 3 belong to 2026-W53 (Jan 3).
      expect(days('daily')).toEqual([13, 12, 11, 10, 9, 8, 7]);
      expect(days('weekly')).toEqual([6, 3]);
      expect(list.backups.filter((b) => b.kind === 'manual').map((b) => b.file)).toEqual([
        manual.backup.file,
      ]);
      expect(list.backups.filter((b) => b.kind === 'before-migration')).toHaveLength(1);
      const times = list.backups.map((b) => b.takenAt);
      expect([...times].sort().reverse()).toEqual(times);
      expect(list.backups.every((b) => b.size > 0 && b.name === path.basename(b.file))).toBe(true);
    } finally {
      await ws.shutdown();
    }
  });
});
