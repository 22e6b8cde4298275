import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { LATEST_VERSION } from '../../../../main/core/db/migrations';
import { EvidenceStore } from '../../../../main/core/evidence/evidence-store';
import { fixture, tempDir } from '../../helpers';

/** Row counts of the tables a version-3 workspace has. */
function counts(db: Database.Database): Record<string, number> {
  const tables = ['nodes', 'edges', 'library_folders', 'documents', 'document_pages', 'history'];
  return Object.fromEntries(
    tables.map((t) => [t, db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number]),
  );
}

describe('migration 0005 (evidence)', () => {
  it('upgrades the version-3 fixture to the latest version without losing rows, and the tables work', () => {
    const file = path.join(tempDir(), 'v3.wellspring');
    fs.copyFileSync(fixture('workspace-v3.wellspring'), file);
    const raw = new Database(file, { readonly: true });
    const before = counts(raw);
    raw.close();
    expect(before.nodes).toBeGreaterThan(0);

    const { db, fromVersion } = openWorkspaceDb(file);
    expect(fromVersion).toBe(3);
    expect(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(LATEST_VERSION);
    expect(counts(db)).toEqual(before);

    const store = new EvidenceStore(db);
    expect(store.proposals()).toEqual([]);
    expect(store.lastRun()).toEqual({ generation: null, finishedAt: null });
    store.reject('k1', '/docs/a.md', 2);
    store.reject('k1', '/docs/a.md', 2);
    expect([...store.rejections()]).toHaveLength(1);
    db.close();
  });

  it('drops a proposal with its library file (ON DELETE CASCADE)', () => {
    const { db } = openWorkspaceDb(path.join(tempDir(), 'w.wellspring'), { create: true });
    db.prepare("INSERT INTO library_folders (id, path, added_at) VALUES (1, '/d', 'x')").run();
    db.prepare(
      "INSERT INTO documents (id, folder_id, path, name, ext, size, mtime_ms, status) VALUES (7, 1, '/d/a.md', 'a.md', 'md', 1, 1, 'indexed')",
    ).run();
    new EvidenceStore(db).replace(
      [
        {
          knowledgeId: 'k',
          docId: 7,
          page: 1,
          rank: 0,
          score: 1,
          matched: 'a',
          snippet: { text: 'a', highlights: [] },
        },
      ],
      { generation: 1, finishedAt: 'now' },
    );
    expect(db.prepare('SELECT COUNT(*) FROM evidence_proposals').pluck().get()).toBe(1);
    db.prepare('DELETE FROM documents WHERE id = 7').run();
    expect(db.prepare('SELECT COUNT(*) FROM evidence_proposals').pluck().get()).toBe(0);
    db.close();
  });
});
