import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { LibraryStore } from '../../../../main/core/documents/library-store';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { fixture, tempDir } from '../../helpers';

async function indexed(dir: string, file: string): Promise<WorkspaceService> {
  const ws = new WorkspaceService(path.dirname(file), 'node', { watch: false, threads: 1 });
  ws.open(file, { create: true, sample: true });
  await ws.library.addFolder(dir);
  await ws.library.whenIdle();
  return ws;
}

describe('SearchService', () => {
  it('finds documents and nodes, filters by type, and reloads its saved index while the library is unchanged', async () => {
    const dir = tempDir();
    fs.copyFileSync(
      fixture('documents/derived-zh/maint-guide.first.zh-cn.md'),
      path.join(dir, '维护指南.md'),
    );
    fs.copyFileSync(fixture('documents/pdfjs/issue12823.pdf'), path.join(dir, 'kb.pdf'));
    const file = path.join(tempDir(), 'w.wellspring');
    const ws = await indexed(dir, file);
    const r = ws.search.query('知识库');
    expect(r.docs.map((d) => d.doc.name)).toEqual(['kb.pdf']);
    expect(r.docs[0]!.pages[0]!.snippets[0]!.highlights.length).toBeGreaterThan(0);
    // Graph nodes come in the same results (the sample has knowledge items about 版型).
    expect(ws.search.query('版型').nodes.length).toBeGreaterThan(0);
    expect(ws.search.query('软件包', { filters: { types: ['pdf'] } }).total).toBe(0);
    expect(ws.search.query('软件包', { filters: { types: ['md'] } }).total).toBe(1);
    // A node edited after the index was built is found under its new label.
    const node = ws.store.getGraph().nodes.find((n) => n.kind === 'knowledge')!;
    // No notify call: the store's change event reaches search through the workspace's subscription.
    ws.store.updateNode(node.id, { label: '独一无二的标签词' });
    expect(ws.search.query('独一无二').nodes.map((n) => n.node.id)).toEqual([node.id]);
    await ws.shutdown();
    expect(fs.existsSync(`${file}.search-index`)).toBe(true);

    const again = new WorkspaceService(path.dirname(file), 'node', { watch: false });
    again.open(file);
    expect(await again.search.warm()).toBe(true); // open() started loading the saved index; it was current
    expect(again.search.query('知识库').docs.map((d) => d.doc.name)).toEqual(['kb.pdf']);
    expect(again.search.query('独一无二').nodes.map((n) => n.node.id)).toEqual([node.id]);
    await again.shutdown();
  });

  it('does not load a saved index that no longer matches the library', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.md'), '# 甲\n\n第一份文件：质量检验');
    const file = path.join(tempDir(), 'w.wellspring');
    const ws = await indexed(dir, file);
    expect(ws.search.query('质量检验').total).toBe(1);
    await ws.shutdown();
    // Another program changes the stored text behind the saved index's back (and bumps the generation, as every
    // library write does).
    const { db } = openWorkspaceDb(file);
    const store = new LibraryStore(db);
    const doc = store.documents({}).docs[0]!;
    store.storeResult(doc.id, {
      status: 'indexed',
      pages: [{ page: 1, text: '第一份文件：返工记录' }],
      pageCount: 1,
      mime: 'text/markdown',
    });
    db.close();
    const app = new WorkspaceService(path.dirname(file), 'node', { watch: false });
    app.open(file);
    expect(await app.search.warm()).toBe(false);
    expect(app.search.query('质量检验').total).toBe(0);
    expect(app.search.query('返工').total).toBe(1);
    await app.shutdown();
  });
});
