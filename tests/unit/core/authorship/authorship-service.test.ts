import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { LibraryService } from '../../../../main/core/documents/library-service';
import { LibraryStore } from '../../../../main/core/documents/library-store';
import { AuthorshipService, type AuthorKey } from '../../../../main/core/experts/authorship-service';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { SearchService } from '../../../../main/core/search/search-service';
import { WellspringError } from '../../../../main/core/util/errors';
import { tempDir } from '../../helpers';
import { writeDocx } from './make-office';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A workspace with a real library: Markdown with front matter and a DOCX of our own, indexed by the worker pool. */
async function setup() {
  const dir = tempDir();
  const docs = path.join(dir, 'docs');
  fs.mkdirSync(docs);
  const file = (name: string) => path.join(docs, name);
  fs.writeFileSync(
    file('pattern.md'),
    '---\ntitle: 排料\nauthor: 陈 建国\n---\n# 排料要点\n先排大片，再排小片。\n',
  );
  fs.writeFileSync(file('fabric.md'), '---\nauthors: [Nobody Known]\n---\n# 面料\n面料检验。\n');
  fs.writeFileSync(file('unlinked.md'), '---\nauthor: 李凌\n---\n# 杂记\n无关内容。\n');
  writeDocx(file('grading.docx'), '放码规则：按号型逐档放缩。', 'Li Ling; Chen Jianguo');

  const { db } = openWorkspaceDb(path.join(dir, 'w.wellspring'), { create: true });
  const store = new GraphStore(db);
  const libraryStore = new LibraryStore(db);
  const search = new SearchService(libraryStore, store);
  const library = new LibraryService(libraryStore, search, () => undefined, { threads: 1, watch: false });
  cleanups.push(async () => {
    await library.close();
    db.close();
  });
  await library.addFolder(docs);
  await library.whenIdle();

  const chen = store.addNode({ kind: 'expert', label: '陈建国', aliases: ['Master Chen', 'Jianguo Chen'] });
  const li = store.addNode({ kind: 'expert', label: '李凌', aliases: ['Ling Li'] });
  store.addNode({ kind: 'expert', label: '王伟' });
  const pattern = store.addNode({ kind: 'knowledge', label: '排料' });
  const cutting = store.addNode({ kind: 'knowledge', label: '裁剪' });
  const grading = store.addNode({ kind: 'knowledge', label: '放码' });
  const fabric = store.addNode({ kind: 'knowledge', label: '面料' });
  const lib = (name: string) => libraryStore.documentByPath(file(name))!;
  store.linkDocument(pattern.id, lib('pattern.md'), 1);
  store.linkDocument(cutting.id, lib('pattern.md'), 1);
  store.linkDocument(grading.id, lib('grading.docx'), 1);
  store.linkDocument(fabric.id, lib('fabric.md'), 1);
  // 陈建国 already holds 裁剪 (at 2): the document proposes nothing for it.
  store.addEdge({ kind: 'knows', source: chen.id, target: cutting.id, props: { proficiency: 2 } });

  const authorship = new AuthorshipService({ db, store, library: libraryStore });
  return {
    db,
    store,
    libraryStore,
    library,
    authorship,
    file,
    lib,
    chen,
    li,
    pattern,
    cutting,
    grading,
    fabric,
  };
}

const brief = (p: {
  expertLabel: string;
  knowledgeLabel: string;
  docName: string;
  author: string;
  matched: string;
}) => [p.expertLabel, p.knowledgeLabel, p.docName, p.author, p.matched].join(' | ');

function expectGone(f: () => unknown) {
  let error: unknown;
  try {
    f();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(WellspringError);
  expect((error as WellspringError).code).toBe('not_found');
  expect((error as WellspringError).key).toBe('errors.authorProposalGone');
}

describe('AuthorshipService on a real library', () => {
  it('stores the recorded authors and proposes (expert, item, file) by label, alias and name order', async () => {
    const ctx = await setup();
    expect(ctx.libraryStore.authoredFiles().map((f) => [path.basename(f.path), f.authors])).toEqual([
      ['fabric.md', ['Nobody Known']],
      ['grading.docx', ['Li Ling', 'Chen Jianguo']],
      ['pattern.md', ['陈 建国']],
      ['unlinked.md', ['李凌']],
    ]);
    // zh-CN collation: 陈 (chen) before 李 (li); 放码 (fang) before 排料 (pai). 裁剪: 陈建国 already knows it;
    // 面料: its author is nobody we know; unlinked.md documents nothing.
    const all = ctx.authorship.proposals();
    expect(all.map(brief)).toEqual([
      '陈建国 | 放码 | grading.docx | Chen Jianguo | Jianguo Chen',
      '陈建国 | 排料 | pattern.md | 陈 建国 | 陈建国',
      '李凌 | 放码 | grading.docx | Li Ling | Ling Li',
    ]);
    expect(all.every((p) => p.proficiency === 3)).toBe(true);
    const first = all[0]!;
    expect(first.docId).toBe(ctx.lib('grading.docx').id);
    expect(first.documentId).toBe(ctx.store.documentNodeByPath(ctx.file('grading.docx'))!.id);
    expect(first.knowledgeId).toBe(ctx.grading.id);

    expect(ctx.authorship.proposals(ctx.li.id).map(brief)).toEqual([
      '李凌 | 放码 | grading.docx | Li Ling | Ling Li',
    ]);
    expect(ctx.authorship.proposals('no-such-expert')).toEqual([]);
  });

  it('accept writes ONE undoable knows edge at proficiency 3; undo brings the proposal back', async () => {
    const ctx = await setup();
    const key: AuthorKey = {
      expertId: ctx.chen.id,
      knowledgeId: ctx.pattern.id,
      docId: ctx.lib('pattern.md').id,
    };
    const knowsBefore = ctx.store.stats().edges.knows ?? 0;
    const edgesBefore = ctx.store.stats().edgeTotal;
    const summary = ctx.authorship.accept(key);
    expect(summary).toEqual({ action: 'connect', kind: 'knows', label: '陈建国 → 排料' });
    expect(ctx.store.stats().edgeTotal).toBe(edgesBefore + 1);
    expect(ctx.store.stats().edges.knows).toBe(knowsBefore + 1);
    const edge = ctx.store.getNodeDetail(ctx.chen.id).edges.find((e) => e.target === ctx.pattern.id)!;
    expect(edge).toMatchObject({ kind: 'knows', source: ctx.chen.id, props: { proficiency: 3 } });
    expect(ctx.store.history.state().undo).toEqual(summary);
    expect(ctx.authorship.proposals(ctx.chen.id).map((p) => p.knowledgeLabel)).toEqual(['放码']);

    ctx.store.undo();
    expect(ctx.store.stats().edgeTotal).toBe(edgesBefore);
    expect(ctx.authorship.proposals(ctx.chen.id).map((p) => p.knowledgeLabel)).toEqual(['放码', '排料']);
  });

  it('refuses a stale proposal with authorProposalGone and writes nothing', async () => {
    const ctx = await setup();
    const grading = ctx.lib('grading.docx').id;
    const accepted: AuthorKey = {
      expertId: ctx.chen.id,
      knowledgeId: ctx.pattern.id,
      docId: ctx.lib('pattern.md').id,
    };
    ctx.authorship.accept(accepted);
    const before = { stats: ctx.store.stats(), undo: ctx.store.history.state().undo };
    const unchanged = () => {
      expect(ctx.store.stats()).toEqual(before.stats);
      expect(ctx.store.history.state().undo).toEqual(before.undo);
    };
    // Accepted already (the expert now knows the item).
    expectGone(() => ctx.authorship.accept(accepted));
    unchanged();
    // The document no longer documents the item: the documented_by edge removed.
    const link = ctx.store.getNodeDetail(ctx.grading.id).edges.find((e) => e.kind === 'documented_by')!;
    ctx.store.deleteEdge(link.id);
    const afterUnlink = ctx.store.stats();
    expectGone(() =>
      ctx.authorship.accept({ expertId: ctx.li.id, knowledgeId: ctx.grading.id, docId: grading }),
    );
    expect(ctx.store.stats()).toEqual(afterUnlink);
    // Never proposed: the author of fabric.md is nobody; an id that is no expert.
    expectGone(() =>
      ctx.authorship.accept({
        expertId: ctx.li.id,
        knowledgeId: ctx.fabric.id,
        docId: ctx.lib('fabric.md').id,
      }),
    );
    expectGone(() => ctx.authorship.accept({ expertId: 'nobody', knowledgeId: ctx.pattern.id, docId: 1 }));
    expect(ctx.store.stats()).toEqual(afterUnlink);
  });

  it('reject remembers the triple (also in a new service on the same file), idempotently', async () => {
    const ctx = await setup();
    const key: AuthorKey = {
      expertId: ctx.li.id,
      knowledgeId: ctx.grading.id,
      docId: ctx.lib('grading.docx').id,
    };
    const edges = ctx.store.stats().edgeTotal;
    expect(ctx.authorship.reject(key)).toEqual({ ok: true });
    expect(ctx.authorship.reject(key)).toEqual({ ok: true });
    expect(ctx.db.prepare('SELECT COUNT(*) FROM author_rejections').pluck().get()).toBe(1);
    expect(ctx.store.stats().edgeTotal).toBe(edges);
    expect(ctx.authorship.proposals(ctx.li.id)).toEqual([]);
    // The other expert's proposals from the same file stay.
    expect(ctx.authorship.proposals().map((p) => `${p.expertLabel} ${p.knowledgeLabel}`)).toEqual([
      '陈建国 放码',
      '陈建国 排料',
    ]);
    const again = new AuthorshipService({ db: ctx.db, store: ctx.store, library: ctx.libraryStore });
    expect(again.proposals(ctx.li.id)).toEqual([]);
    expectGone(() => again.accept(key));
    expectGone(() => again.reject({ ...key, expertId: ctx.grading.id }));
    expectGone(() => again.reject({ ...key, docId: 9999 }));
    expect(ctx.db.prepare('SELECT COUNT(*) FROM author_rejections').pluck().get()).toBe(1);
  });

  it('a file extracted before migration 0006 (no authors stored) proposes nothing until its next extraction', async () => {
    const ctx = await setup();
    const pattern = ctx.lib('pattern.md').id;
    ctx.db.prepare('UPDATE documents SET authors = NULL WHERE id = ?').run(pattern);
    expect(ctx.authorship.proposals(ctx.chen.id).map((p) => p.knowledgeLabel)).toEqual(['放码']);
    ctx.libraryStore.markPending(pattern);
    await ctx.library.reindex();
    await ctx.library.whenIdle();
    expect(ctx.authorship.proposals(ctx.chen.id).map((p) => p.knowledgeLabel)).toEqual(['放码', '排料']);
  });
});
