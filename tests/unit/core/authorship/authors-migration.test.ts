import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { LibraryStore } from '../../../../main/core/documents/library-store';
import { fixture, tempDir } from '../../helpers';

describe('migration 0006 (document authors)', () => {
  it('adds documents.authors (NULL for files indexed before it) and author_rejections to an old workspace', () => {
    const file = path.join(tempDir(), 'v3.wellspring');
    fs.copyFileSync(fixture('workspace-v3.wellspring'), file);
    const { db, fromVersion } = openWorkspaceDb(file);
    expect(fromVersion).toBe(3);
    const columns = db.prepare('PRAGMA table_info(documents)').all() as Array<{ name: string }>;
    expect(columns.map((c) => c.name)).toContain('authors');
    const docs = db.prepare('SELECT COUNT(*) FROM documents').pluck().get() as number;
    expect(db.prepare('SELECT COUNT(*) FROM documents WHERE authors IS NULL').pluck().get()).toBe(docs);
    // Not yet extracted again: no file lists authors.
    expect(new LibraryStore(db).authoredFiles()).toEqual([]);
    const insert = db.prepare(
      "INSERT INTO author_rejections (expert_id, knowledge_id, doc_id, rejected_at) VALUES ('e', 'k', 1, 'x')",
    );
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE|PRIMARY KEY/);
    db.close();
  });

  it('reads a damaged authors value as none', () => {
    const { db } = openWorkspaceDb(path.join(tempDir(), 'w.wellspring'), { create: true });
    db.prepare("INSERT INTO library_folders (id, path, added_at) VALUES (1, '/d', 'x')").run();
    const add = db.prepare(
      "INSERT INTO documents (folder_id, path, name, ext, size, mtime_ms, status, authors) VALUES (1, ?, ?, 'md', 1, 1, 'indexed', ?)",
    );
    add.run('/d/a.md', 'a.md', '["李凌", "", 3]');
    add.run('/d/b.md', 'b.md', '{not json');
    add.run('/d/c.md', 'c.md', '[]');
    expect(new LibraryStore(db).authoredFiles()).toEqual([
      { id: 1, path: '/d/a.md', name: 'a.md', authors: ['李凌'] },
    ]);
    db.close();
  });
});
