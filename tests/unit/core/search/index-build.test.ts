import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIndexInWorker } from '../../../../main/core/search/index-build';
import { SearchIndex } from '../../../../main/core/search/search-index';
import { decodeSnapshot } from '../../../../main/core/search/snapshot';
import { chunkText } from './quality-oracle';

// The index built in a worker thread (issue 12 §3) from pages in SQLite, on the Debian maint-guide (zh-CN): the
// same hits as the index built on this thread, progress up to the page count, the generation read with the pages,
// and a clear error for a missing database.
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const text = fs.readFileSync(
  path.join(__dirname, '../../../../fixtures/search/maint-guide.zh-cn.txt'),
  'utf8',
);
const pages = chunkText(text).map((t, i) => ({
  id: i + 1,
  doc_id: 1 + Math.floor(i / 10),
  page: (i % 10) + 1,
  text: t,
}));

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'index-build-'));
  dirs.push(dir);
  const file = path.join(dir, 'w.sqlite');
  const db = new Database(file);
  db.exec(`CREATE TABLE document_pages (id INTEGER PRIMARY KEY, doc_id INTEGER, page INTEGER, text TEXT);
           CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
           INSERT INTO meta VALUES ('library_generation', '7');`);
  const ins = db.prepare('INSERT INTO document_pages VALUES (@id, @doc_id, @page, @text)');
  db.transaction(() => pages.forEach((p) => ins.run(p)))();
  db.close();
  return file;
}

const SQL = {
  pagesSql: 'SELECT id, doc_id, page, text FROM document_pages ORDER BY id',
  countSql: 'SELECT COUNT(*) FROM document_pages',
  generationSql: "SELECT value FROM meta WHERE key = 'library_generation'",
};

describe('buildIndexInWorker', () => {
  it('builds in a worker what this thread builds, reporting progress and the generation', async () => {
    const dbFile = workspace();
    const progress: Array<[number, number]> = [];
    const built = await buildIndexInWorker(
      { dbFile, ...SQL },
      { onProgress: (d, t) => progress.push([d, t]) },
    );
    expect(built.chunks).toBe(pages.length);
    expect(built.generation).toBe(7);
    expect(progress[0]).toEqual([0, pages.length]);
    expect(progress.every(([d, t]) => d <= t && t === pages.length)).toBe(true);

    const byId = new Map(pages.map((p) => [p.id, p.text]));
    const fromWorker = new SearchIndex({ keepText: false, getText: (id) => byId.get(id) });
    fromWorker.importSnapshot(decodeSnapshot(built.bytes));
    const here = new SearchIndex();
    here.rebuild(pages.map((p) => ({ chunkId: p.id, docId: p.doc_id, page: p.page, text: p.text })));
    expect(fromWorker.stats).toEqual(here.stats);
    const queries = [
      '软件包',
      '维护者 邮件列表',
      'debian/rules',
      '"make install"',
      'C++',
      '上游',
      '包',
      'lintian 警告',
    ];
    for (const q of queries) {
      const a = fromWorker.search(q);
      const b = here.search(q);
      expect(a.total, q).toBeGreaterThan(q === 'C++' ? -1 : 0);
      expect(a.docs, q).toEqual(b.docs);
      expect(a.totalChunks, q).toBe(b.totalChunks);
    }
  });

  it('rejects with io_error naming the file when the database is missing', async () => {
    const missing = path.join(os.tmpdir(), 'no-such-dir-index-build', 'w.sqlite');
    await expect(buildIndexInWorker({ dbFile: missing, ...SQL })).rejects.toMatchObject({
      code: 'io_error',
      message: expect.stringContaining(missing),
    });
  });
});
