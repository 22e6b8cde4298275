import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { LATEST_VERSION, MIGRATIONS } from '../../../../main/core/db/migrations';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { fixture, tempDir } from '../../helpers';

function sha(file: string): string {
  return require('node:crypto').createHash('sha256').update(fs.readFileSync(file)).digest('hex') as string;
}

describe('openWorkspaceDb', () => {
  it('creates a fresh workspace with WAL, foreign keys and every migration recorded', () => {
    const file = path.join(tempDir(), 'new.wellspring');
    const { db, fromVersion, backupPath } = openWorkspaceDb(file, { create: true });
    expect(fromVersion).toBe(0);
    expect(backupPath).toBeNull();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    db.close();
  });

  it('refuses a missing file unless asked to create it', () => {
    const file = path.join(tempDir(), 'missing.wellspring');
    expect(() => openWorkspaceDb(file)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(fs.existsSync(file)).toBe(false);
  });

  it('upgrades the version-1 fixture, keeping its data and making a backup first', () => {
    const dir = tempDir();
    const file = path.join(dir, 'v1.wellspring');
    fs.copyFileSync(fixture('workspace-v1.wellspring'), file);
    const { db, fromVersion, backupPath } = openWorkspaceDb(file);
    expect(fromVersion).toBe(1);
    expect(backupPath).toBe(`${file}.v1.bak`);
    const versions = db.prepare('SELECT version FROM schema_migrations').pluck().all();
    expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
    const store = new GraphStore(db);
    const g = store.getGraph();
    expect(g.nodes.map((n) => n.label).sort()).toEqual(['打样', '样品制作', '版型设计']);
    expect(g.edges).toHaveLength(2);
    expect(g.nodes.every((n) => n.x === null)).toBe(true);
    // The new schema works: undo log and positions.
    store.updateNode(g.nodes[0]!.id, { label: '改名' });
    expect(store.history.state().canUndo).toBe(true);
    db.close();
    // The backup is a version-1 database with the same rows.
    const bak = new Database(backupPath!, { readonly: true });
    expect(bak.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(1);
    expect(bak.prepare('SELECT COUNT(*) FROM nodes').pluck().get()).toBe(3);
    bak.close();
  });

  it('refuses a file that is not SQLite and leaves it untouched', () => {
    const file = path.join(tempDir(), 'notes.wellspring');
    fs.writeFileSync(file, '这不是数据库 — plain text\n');
    const before = sha(file);
    expect(() => openWorkspaceDb(file)).toThrow(/not a Wellspring workspace/);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['notes.wellspring']);
  });

  it('refuses an empty file and another program’s SQLite database, untouched', () => {
    const dir = tempDir();
    const empty = path.join(dir, 'empty.wellspring');
    fs.writeFileSync(empty, '');
    expect(() => openWorkspaceDb(empty)).toThrow(expect.objectContaining({ code: 'not_a_workspace' }));
    const other = path.join(dir, 'other.db');
    const o = new Database(other);
    o.exec('CREATE TABLE t (a); INSERT INTO t VALUES (1)');
    o.close();
    const before = sha(other);
    expect(() => openWorkspaceDb(other)).toThrow(expect.objectContaining({ code: 'not_a_workspace' }));
    expect(sha(other)).toBe(before);
    expect(fs.existsSync(`${other}-wal`)).toBe(false);
  });

  it('refuses a workspace from a newer version, untouched', () => {
    const file = path.join(tempDir(), 'future.wellspring');
    openWorkspaceDb(file, { create: true }).db.close();
    const db = new Database(file);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(LATEST_VERSION + 1, '9999-future', 'x');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = sha(file);
    expect(() => openWorkspaceDb(file)).toThrow(expect.objectContaining({ code: 'workspace_too_new' }));
    expect(sha(file)).toBe(before);
  });

  it('refuses a history whose migration names it does not know', () => {
    const file = path.join(tempDir(), 'forked.wellspring');
    openWorkspaceDb(file, { create: true }).db.close();
    const db = new Database(file);
    db.prepare("UPDATE schema_migrations SET name = '0002-someone-elses' WHERE version = 2").run();
    db.close();
    const before = sha(file);
    expect(() => openWorkspaceDb(file)).toThrow(expect.objectContaining({ code: 'unknown_history' }));
    expect(sha(file)).toBe(before);
  });
});
