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
    fs.writeFileSync(path.join(dir, 'a.md'), '# 甲\n\n第一份文件：甲乙检验');
    const file = path.join(tempDir(), 'w.wellspring');
    const ws = await indexed(dir, file);
    expect(ws.search.query('甲乙检验').total).toBe(1);
    await ws.shutdown();
    // Another program changes the stored text behind the saved index's back (and bumps the generation, as every
    // library write does).
    const { db } = openWorkspaceDb(file);
    const store = new LibraryStore(db);
    const doc = store.documents({}).docs.find((d) => d.name === 'a.md')!;
    store.storeResult(doc.id, {
      status: 'indexed',
      pages: [{ page: 1, text: '第一份文件：丙丁返工记录' }],
      pageCount: 1,
      mime: 'text/markdown',
    });
    db.close();
    const app = new WorkspaceService(path.dirname(file), 'node', { watch: false });
    app.open(file);
    expect(await app.search.warm()).toBe(false);
    expect(app.search.query('甲乙检验').total).toBe(0);
    expect(app.search.query('丙丁返工').total).toBe(1);
    await app.shutdown();
  });

  it('says how many nodes and pages matched, and returns more of them when asked', async () => {
    const dir = tempDir();
    // Six pages of about 2,900 characters each (a page is about 3,000), every one mentioning 蓝鲸计划.
    const filler = '流程说明与检查要点，'.repeat(280);
    const pages = Array.from({ length: 6 }, (_, i) => `第 ${i + 1} 节：蓝鲸计划。${filler}`);
    fs.writeFileSync(path.join(dir, 'plan.txt'), pages.join('\n\n'));
    fs.writeFileSync(path.join(dir, 'other.txt'), '蓝鲸计划的另一份文件');
    const file = path.join(tempDir(), 'w.wellspring');
    const ws = await indexed(dir, file);
    for (let i = 1; i <= 14; i++) ws.store.addNode({ kind: 'knowledge', label: `蓝鲸计划 第${i}项` });

    const r = ws.search.query('蓝鲸计划');
    expect(r.nodes).toHaveLength(10);
    expect(r.totalNodes).toBe(14);
    const plan = r.docs.find((d) => d.doc.name === 'plan.txt')!;
    expect(plan.pages).toHaveLength(3);
    expect(plan.matchingPages).toBe(6);
    expect(r.docs.find((d) => d.doc.name === 'other.txt')!.matchingPages).toBe(1);

    expect(ws.search.query('蓝鲸计划', { nodeLimit: 100 }).nodes).toHaveLength(14);
    // All pages of one document: the other document and the nodes are left out.
    const one = ws.search.query('蓝鲸计划', {
      limit: 1,
      pagesPerDoc: plan.matchingPages,
      filters: { docIds: [plan.doc.id], nodes: false },
    });
    expect(one.docs.map((d) => d.doc.name)).toEqual(['plan.txt']);
    expect(one.docs[0]!.pages.map((p) => p.page).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(one.nodes).toEqual([]);
    // docIds combines with the other filters.
    expect(ws.search.query('蓝鲸计划', { filters: { docIds: [plan.doc.id], types: ['md'] } }).total).toBe(0);
    await ws.shutdown();
  });
});
