import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../../preload/contract';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { LibraryService } from '../../../../main/core/documents/library-service';
import { LibraryStore } from '../../../../main/core/documents/library-store';
import { fixture, tempDir } from '../../helpers';
import { RecordingIndex } from './recording-index';

const services: LibraryService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
});

function setup(dbFile?: string, watch = false) {
  const file = dbFile ?? path.join(tempDir(), 'lib.wellspring');
  const { db } = openWorkspaceDb(file, { create: true });
  const store = new LibraryStore(db);
  const index = new RecordingIndex();
  const events: Array<{ event: EventName; payload: unknown }> = [];
  const service = new LibraryService(store, index, (event, payload) => events.push({ event, payload }), {
    threads: 2,
    watch,
    progressIntervalMs: 0,
  });
  services.push(service);
  return { file, db, store, index, service, events };
}

/** A folder of real files and traps: Chinese names with spaces, bad files, a symlink loop. */
function makeFolder(): string {
  const dir = path.join(tempDir(), '知识 文档');
  fs.mkdirSync(path.join(dir, '子 目录'), { recursive: true });
  fs.copyFileSync(fixture('documents/pdfjs/issue12823.pdf'), path.join(dir, '知识库 模板.pdf'));
  fs.copyFileSync(fixture('documents/textract/raw_text.docx'), path.join(dir, '子 目录', 'raw text.docx'));
  fs.copyFileSync(fixture('documents/derived-zh/maint-guide.first.zh-cn.md'), path.join(dir, '维护指南.md'));
  fs.copyFileSync(fixture('documents/pdfjs/issue6010_1.pdf'), path.join(dir, 'locked.pdf'));
  fs.copyFileSync(fixture('documents/pdf-parse/03-invalid.pdf'), path.join(dir, 'corrupt.pdf'));
  fs.copyFileSync(fixture('documents/pdfjs/issue7200.pdf'), path.join(dir, 'scan.pdf'));
  fs.writeFileSync(path.join(dir, 'empty.txt'), '');
  fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 255, 0, 7, 8, 0, 0, 1]));
  fs.writeFileSync(path.join(dir, 'old.doc'), 'not really a doc');
  fs.writeFileSync(
    path.join(dir, 'picture.png'),
    'not a PNG: read by OCR since issue 11, fails on its header',
  );
  fs.writeFileSync(path.join(dir, '.hidden.md'), '# hidden files stay out');
  fs.symlinkSync(dir, path.join(dir, '子 目录', 'loop'));
  return dir;
}

describe('LibraryService', () => {
  it('indexes a folder in the pool: every file gets a status, one bad file never stops the batch', async () => {
    const { store, index, service, events } = setup();
    const dir = makeFolder();
    const folder = await service.addFolder(dir);
    await service.whenIdle();
    const docs = store.documents({ limit: 100 }).docs;
    const byName = Object.fromEntries(docs.map((d) => [d.name, d]));
    expect(Object.keys(byName).sort()).toEqual(
      [
        'binary.txt',
        'corrupt.pdf',
        'empty.txt',
        'locked.pdf',
        'old.doc',
        'picture.png',
        'raw text.docx',
        'scan.pdf',
        '知识库 模板.pdf',
        '维护指南.md',
      ].sort(),
    );
    expect(byName['知识库 模板.pdf']!.status).toBe('indexed');
    expect(byName['维护指南.md']!.status).toBe('indexed');
    expect(byName['raw text.docx']!.status).toBe('indexed');
    expect(byName['locked.pdf']!.status).toBe('needs-password');
    expect(byName['corrupt.pdf']).toMatchObject({ status: 'failed' });
    expect(byName['corrupt.pdf']!.error).toMatch(/not a valid PDF/);
    // An image-only page (pdf.js's issue7200.pdf, Lorem ipsum): recognised by OCR, on by default.
    expect(byName['scan.pdf']!.status).toBe('indexed');
    expect(store.document(byName['scan.pdf']!.id).ocrPages).toEqual([1]);
    expect(store.page(byName['scan.pdf']!.id, 1).text).toMatch(/Lorem ipsum dolor sit amet/);
    expect(byName['empty.txt']!.status).toBe('failed');
    expect(byName['binary.txt']).toMatchObject({ status: 'unsupported' });
    expect(byName['binary.txt']!.error).toMatch(/binary/);
    expect(byName['old.doc']).toMatchObject({
      status: 'unsupported',
      error: 'old.doc: Word 97–2003 (.doc) is not supported: save it as .docx',
    });
    expect(byName['picture.png']).toMatchObject({
      status: 'failed',
      error: 'picture.png: damaged image (no PNG header)',
    });
    // Pages are stored and handed to the index.
    const pdf = byName['知识库 模板.pdf']!;
    expect(store.page(pdf.id, 1).text).toContain('知识库');
    expect([...index.chunks.values()].some((c) => c.doc_id === pdf.id && c.text.includes('知识库'))).toBe(
      true,
    );
    // Progress went from 0 to all files read (unsupported ones are never read), with the last event not running.
    const progress = events
      .filter((e) => e.event === 'library:did-progress')
      .map((e) => e.payload as { done: number; total: number; running: boolean });
    expect(progress[0]).toMatchObject({ done: 0, total: 9, running: true });
    expect(progress[progress.length - 1]).toMatchObject({ done: 9, total: 9, running: false });
    expect(store.folder(folder.id).counts).toEqual({
      indexed: 4,
      failed: 3,
      'needs-password': 1,
      unsupported: 2,
    });
  });

  it('lists files it cannot read as unsupported, naming the format, and a rescan does not duplicate them', async () => {
    const { store, service } = setup();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '电子书.mobi'), 'BOOKMOBI');
    fs.writeFileSync(path.join(dir, 'old.doc'), 'not really a doc');
    fs.writeFileSync(path.join(dir, 'notes.md'), '# 笔记\n\n知识管理');
    const folder = await service.addFolder(dir);
    await service.whenIdle();
    const rows = () =>
      store.documents({}).docs.map((d) => ({ name: d.name, status: d.status, error: d.error }));
    const expected = [
      { name: 'notes.md', status: 'indexed', error: null },
      {
        name: 'old.doc',
        status: 'unsupported',
        error: 'old.doc: Word 97–2003 (.doc) is not supported: save it as .docx',
      },
      {
        name: '电子书.mobi',
        status: 'unsupported',
        error: '电子书.mobi: Kindle e-book (.mobi) is not supported',
      },
    ];
    expect(rows()).toEqual(expected);
    expect(store.pending()).toEqual([]);

    await service.reindex();
    await service.whenIdle();
    expect(rows()).toEqual(expected);
    // A changed unsupported file stays unsupported, once, and is still never queued for extraction.
    fs.appendFileSync(path.join(dir, 'old.doc'), ' — edited');
    fs.utimesSync(path.join(dir, 'old.doc'), new Date(), new Date(Date.now() + 5000));
    await service.reindex(folder.id);
    expect(store.pending()).toEqual([]);
    await service.whenIdle();
    expect(rows()).toEqual(expected);
    expect(store.folder(folder.id).counts).toEqual({ indexed: 1, unsupported: 2 });
  });

  it('unlocks an encrypted PDF with its password, and says so when the password is wrong', async () => {
    const { store, service } = setup();
    const dir = tempDir();
    fs.copyFileSync(fixture('documents/pdfjs/issue6010_2.pdf'), path.join(dir, 'secret.pdf'));
    await service.addFolder(dir);
    await service.whenIdle();
    const doc = store.documents({}).docs[0]!;
    expect(doc.status).toBe('needs-password');
    const wrong = await service.unlock(doc.id, 'nope');
    expect(wrong.status).toBe('needs-password');
    expect(wrong.error).toMatch(/wrong password|incorrect/i);
    const ok = await service.unlock(doc.id, 'æøå');
    expect(ok.status).toBe('indexed');
    expect(ok.pageCount).toBeGreaterThan(0);
  });

  it('re-indexes incrementally: unchanged files are skipped, changed ones re-extracted, deleted ones removed', async () => {
    const { store, index, service } = setup();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), '第一版：知识管理');
    fs.writeFileSync(path.join(dir, 'b.txt'), '不会改变的文件');
    fs.writeFileSync(path.join(dir, 'c.txt'), '将被删除');
    await service.addFolder(dir);
    await service.whenIdle();
    const before = Object.fromEntries(store.documents({}).docs.map((d) => [d.name, d]));
    fs.writeFileSync(path.join(dir, 'a.txt'), '第二版：知识地图与专家');
    fs.utimesSync(path.join(dir, 'a.txt'), new Date(), new Date(Date.now() + 5000));
    fs.rmSync(path.join(dir, 'c.txt'));
    await service.reindex();
    await service.whenIdle();
    const after = Object.fromEntries(store.documents({}).docs.map((d) => [d.name, d]));
    expect(Object.keys(after).sort()).toEqual(['a.txt', 'b.txt']);
    expect(after['b.txt']!.indexedAt).toBe(before['b.txt']!.indexedAt);
    expect(store.page(after['a.txt']!.id, 1).text).toContain('知识地图');
    const texts = [...index.chunks.values()].map((c) => c.text);
    expect(texts.some((t) => t.includes('第一版'))).toBe(false);
    expect(texts.some((t) => t.includes('将被删除'))).toBe(false);
    expect(texts.some((t) => t.includes('第二版'))).toBe(true);
  });

  it('cancels a run, keeps what was done, and resumes the rest after a restart', async () => {
    const first = setup();
    const dir = tempDir();
    for (let i = 0; i < 24; i++)
      fs.copyFileSync(fixture('documents/pdfjs/issue12823.pdf'), path.join(dir, `copy-${i}.pdf`));
    await first.service.addFolder(dir);
    // Cancel once a few files are done, while most are still waiting.
    while (first.service.progress().done < 3) await new Promise((r) => setTimeout(r, 20));
    const stopped = await first.service.cancel();
    expect(stopped.cancelled).toBe(true);
    const pendingAfterCancel = first.store.pending().length;
    expect(pendingAfterCancel).toBeGreaterThan(0);
    expect(pendingAfterCancel).toBeLessThan(24);
    await first.service.close();
    first.db.close();

    const second = setup(first.file);
    second.service.resume();
    await second.service.whenIdle();
    expect(second.store.pending()).toEqual([]);
    expect(second.store.documents({ limit: 100 }).docs.every((d) => d.status === 'indexed')).toBe(true);
  });

  it('watches folders while running: a new file is indexed without asking', async () => {
    const { store, service } = setup(undefined, true);
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'first.md'), '# 第一\n\n内容');
    await service.addFolder(dir);
    await service.whenIdle();
    fs.writeFileSync(path.join(dir, 'second.md'), '# 第二\n\n新来的文件');
    const deadline = Date.now() + 15_000;
    while (
      Date.now() < deadline &&
      store.documents({}).docs.find((d) => d.name === 'second.md')?.status !== 'indexed'
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(store.documents({}).docs.map((d) => [d.name, d.status])).toEqual([
      ['first.md', 'indexed'],
      ['second.md', 'indexed'],
    ]);
  });

  it('refuses a folder that does not exist, and removing a folder removes its files and pages', async () => {
    const { store, index, service } = setup();
    await expect(service.addFolder(path.join(tempDir(), 'nope'))).rejects.toMatchObject({
      code: 'not_found',
    });
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'x.md'), '# 标题\n\n内容');
    const f = await service.addFolder(dir);
    await service.whenIdle();
    expect(index.chunks.size).toBe(1);
    await service.removeFolder(f.id);
    expect(store.documents({}).total).toBe(0);
    expect(index.chunks.size).toBe(0);
  });
});
