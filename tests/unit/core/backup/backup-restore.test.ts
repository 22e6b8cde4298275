import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupWorkspace, checkBackupFile } from '../../../../main/core/backup/backup-workspace';
import { listBackups } from '../../../../main/core/backup/backup-location';
import { restoreWorkspace } from '../../../../main/core/backup/restore-workspace';
import { LATEST_VERSION, openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { fixture, tempDir } from '../../helpers';
import { graphOf, openSample, sha } from './sample-workspace';

const NOW = new Date(2026, 11, 3, 9, 15);

describe('backupWorkspace', () => {
  it('copies an open workspace to a checked single file, reporting progress up to every page', async () => {
    const { dir, file, ws } = await openSample();
    try {
      const target = path.join(dir, 'copy.wellspring');
      const seen: Array<[number, number]> = [];
      const result = await backupWorkspace(file, target, {
        pagesPerStep: 10,
        onProgress: (p) => seen.push([p.pagesDone, p.pagesTotal]),
      });
      expect(result).toMatchObject({ file: target, schemaVersion: LATEST_VERSION, restarts: 0 });
      expect(result.bytes).toBe(fs.statSync(target).size);
      expect(result.pages * 4096).toBe(result.bytes); // SQLite's default page size
      // 10 pages a step: the counts climb by 10 and end at every page.
      expect(seen.length).toBeGreaterThan(result.pages / 10);
      for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
      expect(seen[seen.length - 1]).toEqual([result.pages, result.pages]);
      // One self-contained file in rollback-journal mode: no -wal, nothing half-written left in the folder.
      expect(fs.readFileSync(target).subarray(18, 20)).toEqual(Buffer.from([1, 1]));
      expect(fs.readdirSync(dir).filter((f) => f.startsWith('copy') || f.endsWith('.partial'))).toEqual([
        'copy.wellspring',
      ]);
      expect(checkBackupFile(target)).toEqual({ ok: true, schemaVersion: LATEST_VERSION });
      expect(graphOf(target)).toEqual(ws.store.getGraph());
    } finally {
      await ws.shutdown();
    }
  });

  it('finishes, as one consistent snapshot, while another connection writes between its steps', async () => {
    const { dir, file, ws } = await openSample();
    try {
      let written = 0;
      const result = await backupWorkspace(file, path.join(dir, 'busy.wellspring'), {
        pagesPerStep: 5,
        // The app's connection (not the backup's) adds a knowledge item after every step but the last report.
        onProgress: (p) => {
          if (p.pagesDone < p.pagesTotal)
            ws.store.addNode({ kind: 'knowledge', label: `写入中 ${++written}` });
        },
      });
      expect(result.restarts).toBeGreaterThanOrEqual(1);
      expect(written).toBeGreaterThanOrEqual(3);
      // The last step ran after the last write: the backup holds every item written, and equals the workspace.
      const copy = graphOf(result.file);
      expect(copy.nodes.filter((n) => n.label.startsWith('写入中')).length).toBe(written);
      expect(copy).toEqual(ws.store.getGraph());
    } finally {
      await ws.shutdown();
    }
  });

  it('takes writes of its own connection into the copy without starting over', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'own.wellspring');
    fs.copyFileSync(fixture('workspace-v3.wellspring'), file);
    const { db } = openWorkspaceDb(file);
    try {
      const store = new GraphStore(db);
      let written = 0;
      const result = await backupWorkspace(db, path.join(dir, 'own-copy.wellspring'), {
        pagesPerStep: 1,
        onProgress: (p) => {
          if (p.pagesDone < p.pagesTotal) store.addNode({ kind: 'expert', label: `专家 ${++written}` });
        },
      });
      expect(written).toBeGreaterThanOrEqual(2);
      expect(result.restarts).toBe(0);
      expect(graphOf(result.file)).toEqual(store.getGraph());
    } finally {
      db.close();
    }
  });

  it('never overwrites a file, names a missing folder, and refuses a source that is not a workspace', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.wellspring');
    openWorkspaceDb(file, { create: true }).db.close();
    const taken = path.join(dir, 'taken.wellspring');
    fs.writeFileSync(taken, 'keep me');
    await expect(backupWorkspace(file, taken)).rejects.toMatchObject({
      code: 'invalid_input',
      key: 'backup:errors.targetExists',
      message: expect.stringContaining(taken),
    });
    expect(fs.readFileSync(taken, 'utf8')).toBe('keep me');
    const nowhere = path.join(dir, 'no-such-folder', 'b.wellspring');
    await expect(backupWorkspace(file, nowhere)).rejects.toMatchObject({
      code: 'io_error',
      key: 'backup:errors.targetUnwritable',
      message: `The backup cannot be written to ${nowhere} (the folder does not exist).`,
    });
    await expect(
      backupWorkspace(path.join(dir, 'missing.wellspring'), path.join(dir, 'm.wellspring')),
    ).rejects.toMatchObject({ code: 'not_found', key: 'errors.workspaceNotFound' });
    // A real PDF from the corpus is not SQLite at all; another program's SQLite file fails the copy's check.
    const pdf = fixture('documents/pdfjs/issue12823.pdf');
    await expect(backupWorkspace(pdf, path.join(dir, 'pdf.wellspring'))).rejects.toMatchObject({
      code: 'io_error',
      key: 'backup:errors.sourceUnreadable',
      message: expect.stringContaining(`${pdf} cannot be backed up: file is not a database`),
    });
    const other = path.join(dir, 'other.db');
    const o = new Database(other);
    o.exec('CREATE TABLE t (a); INSERT INTO t VALUES (1)');
    o.close();
    await expect(backupWorkspace(other, path.join(dir, 'o.wellspring'))).rejects.toMatchObject({
      key: 'backup:errors.verifyFailed',
      message: expect.stringContaining('not a Wellspring workspace (application id 0)'),
    });
    expect(fs.readdirSync(dir).sort()).toEqual(['other.db', 'taken.wellspring', 'w.wellspring']);
  });
});

describe('restoreWorkspace', () => {
  it('gives back the backed-up state after changes, and keeps the changed workspace as a safety backup', async () => {
    const { dir, file, ws } = await openSample();
    const backup = path.join(dir, 'before-changes.wellspring');
    const before = ws.store.getGraph();
    const documents = ws.libraryStore.documents({}).total;
    await backupWorkspace(file, backup);
    // Change through the one write path: two new items, a deleted expert with its edges, a renamed item.
    const expert = before.nodes.find((n) => n.kind === 'expert')!;
    const item = before.nodes.find((n) => n.kind === 'knowledge')!;
    ws.store.apply([
      { op: 'addNode', node: { kind: 'knowledge', label: '恢复后应消失的条目' } },
      { op: 'addNode', node: { kind: 'term', label: 'Backup term' } },
      { op: 'deleteNode', id: expert.id },
      { op: 'updateNode', id: item.id, patch: { label: `${item.label}（已改）` } },
    ]);
    const changed = ws.store.getGraph();
    expect(changed.nodes).toHaveLength(before.nodes.length + 1);
    expect(changed.edges.length).toBeLessThan(before.edges.length);
    await ws.shutdown(); // the File menu's order: close, restore, reopen
    expect(fs.existsSync(`${file}.search-index`)).toBe(true);

    const result = await restoreWorkspace(backup, file, { dataDir: dir, now: NOW });
    expect(result).toMatchObject({
      workspace: file,
      restoredFrom: backup,
      backupSchemaVersion: LATEST_VERSION,
    });
    // The search snapshot of the changed workspace is gone (rebuilt from the restored text); no side files left.
    expect(fs.existsSync(`${file}.search-index`)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.') || /-(wal|shm)$/.test(f))).toEqual([]);

    const again = new WorkspaceService(dir, 'node', { watch: false });
    again.open(file);
    try {
      expect(again.store.getGraph()).toEqual(before);
      expect(again.libraryStore.documents({}).total).toBe(documents);
      // Search, rebuilt from the restored workspace, finds the item's old name and not the deleted new item.
      expect(again.search.query(item.label).nodes.map((n) => n.node.id)).toContain(item.id);
      expect(again.search.query('恢复后应消失的条目').totalNodes).toBe(0);
    } finally {
      await again.shutdown();
    }
    // The safety backup holds the changed workspace, and the restore dialog lists it.
    expect(result.safetyBackup).toBe(
      listBackups(file, dir).find((b) => b.kind === 'before-restore')?.file ?? 'not listed',
    );
    expect(path.basename(result.safetyBackup!)).toBe('sample-2026-12-03T0915.wellspring');
    expect(graphOf(result.safetyBackup!)).toEqual(changed);
  });

  it('refuses a truncated backup with a clear message and leaves the workspace untouched', async () => {
    const { dir, file, ws } = await openSample();
    const backup = path.join(dir, 'cut.wellspring');
    await backupWorkspace(file, backup);
    await ws.shutdown();
    fs.truncateSync(backup, Math.floor(fs.statSync(backup).size / 2));
    const before = sha(file);
    const listing = fs.readdirSync(dir).sort();

    const refused = restoreWorkspace(backup, file, { dataDir: dir, now: NOW });
    await expect(refused).rejects.toMatchObject({
      code: 'not_a_workspace',
      key: 'backup:errors.damaged',
      params: { file: backup },
      message: expect.stringMatching(
        new RegExp(
          `^The backup ${escape(backup)} is damaged \\(.+\\): nothing was restored and the workspace is as it was\\.$`,
        ),
      ),
    });
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(listing);
    expect(listBackups(file, dir).filter((b) => b.kind === 'before-restore')).toEqual([]);
  });

  it('refuses a backup damaged inside, naming what the integrity check found', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.wellspring');
    const backup = path.join(dir, 'flipped.wellspring');
    fs.copyFileSync(fixture('workspace-v3.wellspring'), file);
    openWorkspaceDb(file).db.close(); // at the latest schema, so the restore has nothing to migrate
    await backupWorkspace(file, backup);
    // Overwrite the root page of one index with 0xff: the tables still read, the integrity check finds it.
    const ro = new Database(backup, { readonly: true });
    const page = ro
      .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'documents_status'")
      .pluck()
      .get();
    ro.close();
    const bytes = fs.readFileSync(backup);
    bytes.fill(0xff, ((page as number) - 1) * 4096, (page as number) * 4096);
    fs.writeFileSync(backup, bytes);
    const before = sha(file);
    await expect(restoreWorkspace(backup, file, { dataDir: dir })).rejects.toMatchObject({
      key: 'backup:errors.damaged',
      message: expect.stringContaining(
        `is damaged (integrity check: Tree ${page as number} page ${page as number}: btreeInitPage() returns error code 11)`,
      ),
    });
    expect(sha(file)).toBe(before);
  });

  it('refuses a file that is not a workspace, and one from a newer schema, with workspace-db’s messages', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.wellspring');
    openWorkspaceDb(file, { create: true }).db.close();
    const before = sha(file);
    const pdf = path.join(dir, 'report.wellspring');
    fs.copyFileSync(fixture('documents/pdfjs/issue12823.pdf'), pdf);
    await expect(restoreWorkspace(pdf, file, { dataDir: dir })).rejects.toMatchObject({
      code: 'not_a_workspace',
      key: 'errors.notAWorkspace',
      params: { file: pdf },
      message: `${pdf} is not a Wellspring workspace (not an SQLite database).`,
    });

    const future = path.join(dir, 'future.wellspring');
    await backupWorkspace(file, future);
    const db = new Database(future);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(LATEST_VERSION + 1, '9999-future', 'x');
    db.close();
    await expect(restoreWorkspace(future, file, { dataDir: dir })).rejects.toMatchObject({
      code: 'workspace_too_new',
      key: 'errors.workspaceTooNew',
      params: { file: future, version: LATEST_VERSION + 1, known: LATEST_VERSION },
      message: expect.stringMatching(
        new RegExp(`^${escape(future)} was saved by a newer version of Wellspring`),
      ),
    });
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['future.wellspring', 'report.wellspring', 'w.wellspring']);
  });

  it('migrates a backup of an older schema while restoring it (the version-1 fixture)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.wellspring');
    openWorkspaceDb(file, { create: true }).db.close();
    const old = path.join(dir, 'v1-backup.wellspring');
    fs.copyFileSync(fixture('workspace-v1.wellspring'), old);
    const oldSha = sha(old);
    const result = await restoreWorkspace(old, file, { dataDir: dir });
    expect(result.backupSchemaVersion).toBe(1);
    expect(sha(old)).toBe(oldSha); // the backup itself is only read
    const { db, fromVersion, backupPath } = openWorkspaceDb(file);
    try {
      expect([fromVersion, backupPath]).toEqual([LATEST_VERSION, null]); // already migrated
      const g = new GraphStore(db).getGraph();
      expect(g.nodes.map((n) => n.label).sort()).toEqual(['打样', '样品制作', '版型设计']);
    } finally {
      db.close();
    }
    // No copy of the staged file's migration is left beside the workspace.
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.bak') || f.startsWith('.'))).toEqual([]);
  });

  it('refuses while the workspace is open in the app, changing nothing', async () => {
    const { dir, file, ws } = await openSample();
    const backup = path.join(dir, 'b.wellspring');
    await backupWorkspace(file, backup);
    try {
      ws.store.addNode({ kind: 'knowledge', label: '打开时写入' });
      const graph = ws.store.getGraph();
      await expect(restoreWorkspace(backup, file, { dataDir: dir, now: NOW })).rejects.toMatchObject({
        code: 'invalid_input',
        key: 'backup:errors.inUse',
        message: `${file} is open in Wellspring or in another program: close it there, then restore. Nothing was changed.`,
      });
      expect(ws.store.getGraph()).toEqual(graph);
      expect(listBackups(file, dir).filter((b) => b.kind === 'before-restore')).toEqual([]);
      expect(fs.readdirSync(dir).filter((f) => f.startsWith('.') || f === 'backups')).toEqual([]);
    } finally {
      await ws.shutdown();
    }
    expect(graphOf(file).nodes.some((n) => n.label === '打开时写入')).toBe(true);
  });

  it('refuses the workspace itself and a backup that does not exist', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.wellspring');
    openWorkspaceDb(file, { create: true }).db.close();
    await expect(restoreWorkspace(file, file, { dataDir: dir })).rejects.toMatchObject({
      key: 'backup:errors.sameFile',
      path: ['from'],
    });
    const missing = path.join(dir, 'gone.wellspring');
    await expect(restoreWorkspace(missing, file, { dataDir: dir })).rejects.toMatchObject({
      code: 'not_found',
      key: 'backup:errors.backupNotFound',
      message: `The backup ${missing} does not exist.`,
    });
  });

  it('keeps a workspace SQLite cannot read as a byte copy before replacing it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.wellspring');
    const backup = path.join(dir, 'good.wellspring');
    openWorkspaceDb(file, { create: true }).db.close();
    await backupWorkspace(file, backup);
    // The current workspace is garbage (the usual reason to restore).
    fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
    const result = await restoreWorkspace(backup, file, { dataDir: dir, now: NOW });
    expect(fs.readFileSync(result.safetyBackup!)).toEqual(Buffer.alloc(8192, 0x5a));
    expect(checkBackupFile(file)).toEqual({ ok: true, schemaVersion: LATEST_VERSION });
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
