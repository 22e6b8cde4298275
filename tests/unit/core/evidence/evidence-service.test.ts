import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName, EvidenceProgress } from '../../../../preload/contract';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { LibraryService } from '../../../../main/core/documents/library-service';
import { LibraryStore } from '../../../../main/core/documents/library-store';
import { EvidenceService } from '../../../../main/core/evidence/evidence-service';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { SearchService } from '../../../../main/core/search/search-service';
import { tempDir } from '../../helpers';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Real Markdown files: every `##` section is a page of its own (extractMarkdown). */
const DOCS: Record<string, string> = {
  'cutting.md': [
    '# Cutting SOP',
    'The cutting SOP describes how the fabric is laid, marked and cut.',
    '## Safety',
    'Wear the steel-mesh glove. The cutting sop applies to every shift.',
  ].join('\n'),
  'notes.md': [
    '# Workshop notes',
    'Many things happened this week on the floor of the workshop, in the canteen and in the office.',
    'Line 3 was slow, line 4 had a new lead, and the boiler was serviced again on Friday morning.',
    'Among the rest we discussed whether the Cutting SOP still fits the new laser table.',
  ].join('\n'),
  'zh.md': [
    '# 车间记录',
    '本周讨论了裁剪作业的改进，以及客户的反馈。',
    '## 销售',
    '客户说这次拜访很有帮助。',
    '## 拜访',
    '客户拜访记录表已经更新。',
  ].join('\n'),
  'display.md': ['# Store display', 'The store display guideline for the spring season.'].join('\n'),
  'other-display.md': ['# Window', 'Store display ideas for the window.'].join('\n'),
};

async function setup(opts: { dir?: string } = {}) {
  const dir = opts.dir ?? tempDir();
  const docs = path.join(dir, 'docs');
  if (!fs.existsSync(docs)) {
    fs.mkdirSync(docs);
    for (const [name, text] of Object.entries(DOCS)) fs.writeFileSync(path.join(docs, name), text);
  }
  const { db } = openWorkspaceDb(path.join(dir, 'w.wellspring'), { create: true });
  const store = new GraphStore(db);
  const libraryStore = new LibraryStore(db);
  const search = new SearchService(libraryStore, store);
  const events: Array<{ event: EventName; payload: unknown }> = [];
  const emit = <E extends EventName>(event: E, payload: unknown) => void events.push({ event, payload });
  const library = new LibraryService(libraryStore, search, emit, { threads: 1, watch: false });
  const evidence = new EvidenceService({ db, store, library: libraryStore, search, emit, sliceMs: 1 });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await evidence.close();
    await library.close();
    db.close();
  };
  cleanups.push(close);
  return { dir, docs, db, store, libraryStore, search, library, evidence, events, close };
}

type Ctx = Awaited<ReturnType<typeof setup>>;

/** Adds the folder, waits for indexing, then runs the finder to the end. */
async function indexAndRun(ctx: Ctx): Promise<void> {
  await ctx.library.addFolder(ctx.docs);
  await ctx.library.whenIdle();
  ctx.evidence.run();
  await ctx.evidence.whenIdle();
}

function items(store: GraphStore) {
  const cutting = store.addNode({ kind: 'knowledge', label: 'Cutting SOP', aliases: ['裁剪作业'] });
  const visit = store.addNode({ kind: 'knowledge', label: '客户拜访', aliases: ['X'] });
  const short = store.addNode({ kind: 'knowledge', label: 'X', aliases: ['知', '2024'] });
  const display = store.addNode({ kind: 'knowledge', label: 'Store display' });
  return { cutting, visit, short, display };
}

const docName = (p: { docName: string }) => p.docName;

describe('EvidenceService on a real small library', () => {
  it('proposes only pages that contain a name, best first, one page per document, with a snippet', async () => {
    const ctx = await setup();
    const { cutting, visit, short, display } = items(ctx.store);
    await indexAndRun(ctx);

    const ps = ctx.evidence.proposals(cutting.id);
    // The label in the heading and twice on a short page first; the alias in the opening line of a short page
    // beats one mention of the label in the fourth line of a long one (the finder test checks each factor alone).
    expect(ps.map(docName)).toEqual(['cutting.md', 'zh.md', 'notes.md']);
    expect(ps.map((p) => p.matched)).toEqual(['Cutting SOP', '裁剪作业', 'Cutting SOP']);
    expect(ps[0]!.page).toBe(1);
    expect(ps[0]!.score).toBeGreaterThan(ps[1]!.score);
    expect(ps[1]!.score).toBeGreaterThan(ps[2]!.score);
    const s = ps[2]!.snippet;
    expect(s.highlights).toHaveLength(1);
    const [a, b] = s.highlights[0]!;
    expect(s.text.slice(a, b)).toBe('Cutting SOP');

    // 客户 and 拜访 apart on page 2 of zh.md do not count; 客户拜访 in 客户拜访记录表 on page 3 does.
    const vs = ctx.evidence.proposals(visit.id);
    expect(vs.map((p) => [p.docName, p.page])).toEqual([['zh.md', 3]]);
    expect(ctx.libraryStore.page(vs[0]!.docId, 3).text).toContain('客户拜访');

    // One Latin letter, one CJK character, digits only: not searched.
    expect(ctx.evidence.proposals(short.id)).toEqual([]);
    expect(Object.fromEntries(ctx.evidence.candidateCounts())).toEqual({
      [cutting.id]: 3,
      [visit.id]: 1,
      [display.id]: 2,
    });
  });

  it('never proposes a document the item links (any page), also when it was linked after the run', async () => {
    const ctx = await setup();
    const { display, cutting } = items(ctx.store);
    await ctx.library.addFolder(ctx.docs);
    await ctx.library.whenIdle();
    const displayDoc = ctx.libraryStore.documentByPath(path.join(ctx.docs, 'display.md'))!;
    ctx.store.linkDocument(display.id, displayDoc, 1);
    ctx.evidence.run();
    await ctx.evidence.whenIdle();
    expect(ctx.evidence.proposals(display.id).map(docName)).toEqual(['other-display.md']);

    // Linked after the run: gone from the list at once, back when the link is undone.
    const notes = ctx.libraryStore.documentByPath(path.join(ctx.docs, 'notes.md'))!;
    ctx.store.linkDocument(cutting.id, notes, 1);
    expect(ctx.evidence.proposals(cutting.id).map(docName)).toEqual(['cutting.md', 'zh.md']);
    ctx.store.undo();
    expect(ctx.evidence.proposals(cutting.id).map(docName)).toEqual(['cutting.md', 'zh.md', 'notes.md']);
  });

  it('accept links the page as one undoable edit; a stale proposal is refused with nothing written', async () => {
    const ctx = await setup();
    const { cutting } = items(ctx.store);
    await indexAndRun(ctx);
    const [best] = ctx.evidence.proposals(cutting.id);
    const edge = ctx.evidence.accept({ knowledgeId: cutting.id, docId: best!.docId, page: best!.page });
    expect(edge).toMatchObject({ kind: 'documented_by', source: cutting.id, props: { page: 1 } });
    const docNode = ctx.store.findNode(edge.target)!;
    expect(docNode).toMatchObject({ kind: 'document', label: 'cutting.md', props: { path: best!.path } });
    expect(ctx.evidence.proposals(cutting.id).map(docName)).toEqual(['zh.md', 'notes.md']);

    // Accepting it again: no longer a proposal, so a translated error and no second edit.
    const edges = ctx.store.getGraph().edges.length;
    expect(() => ctx.evidence.accept({ knowledgeId: cutting.id, docId: best!.docId, page: 1 })).toThrow(
      expect.objectContaining({ code: 'not_found', key: 'evidence:errors.proposalGone' }),
    );
    expect(ctx.store.getGraph().edges.length).toBe(edges);

    ctx.store.undo();
    expect(ctx.store.findNode(edge.target)).toBeNull();
    expect(ctx.evidence.proposals(cutting.id)[0]!.docName).toBe('cutting.md');
  });

  it('reject is remembered across a new run and a restart, and is idempotent', async () => {
    const ctx = await setup();
    const { cutting } = items(ctx.store);
    await indexAndRun(ctx);
    const [best] = ctx.evidence.proposals(cutting.id);
    const key = { knowledgeId: cutting.id, docId: best!.docId, page: best!.page };
    ctx.evidence.reject(key);
    ctx.evidence.reject(key);
    expect(ctx.evidence.proposals(cutting.id).map(docName)).toEqual(['zh.md', 'notes.md']);
    expect(() => ctx.evidence.accept(key)).toThrow(
      expect.objectContaining({ key: 'evidence:errors.proposalGone' }),
    );
    ctx.evidence.run();
    await ctx.evidence.whenIdle();
    // The rejected page is out; the document's other page (Safety, one mention) is not rejected and comes in,
    // after the meeting notes: one mention each, and the Safety section is under 200 characters, so its first
    // lines earn no heading bonus (a one-line note must not outrank a page of substance).
    const afterRun = [
      ['zh.md', 1],
      ['notes.md', 1],
      ['cutting.md', 2],
    ];
    expect(ctx.evidence.proposals(cutting.id).map((p) => [p.docName, p.page])).toEqual(afterRun);

    // A restart: the stored proposals are there without a run, the rejection too.
    await ctx.close();
    const again = await setup({ dir: ctx.dir });
    expect(again.evidence.proposals(cutting.id).map((p) => [p.docName, p.page])).toEqual(afterRun);
    expect(again.evidence.progress()).toMatchObject({ running: false, proposals: 6, items: 3 });
  });

  it('reject and accept refuse unknown items and files with translated errors', async () => {
    const ctx = await setup();
    const { cutting } = items(ctx.store);
    await indexAndRun(ctx);
    expect(() => ctx.evidence.reject({ knowledgeId: 'nope', docId: 1, page: 1 })).toThrow(
      expect.objectContaining({ code: 'not_found', key: 'evidence:errors.itemMissing' }),
    );
    expect(() => ctx.evidence.reject({ knowledgeId: cutting.id, docId: 999, page: 1 })).toThrow(
      expect.objectContaining({ code: 'not_found', key: 'evidence:errors.documentGone' }),
    );
    expect(() => ctx.evidence.accept({ knowledgeId: cutting.id, docId: 999, page: 1 })).toThrow(
      expect.objectContaining({ key: 'evidence:errors.proposalGone' }),
    );
  });

  it('reports progress from start to end and refreshes only when the library changed', async () => {
    const ctx = await setup();
    items(ctx.store);
    for (let i = 0; i < 40; i++) ctx.store.addNode({ kind: 'knowledge', label: `Filler item ${i}` });
    await indexAndRun(ctx);
    const progress = ctx.events
      .filter((e) => e.event === 'evidence:did-progress')
      .map((e) => e.payload as EvidenceProgress);
    expect(progress[0]).toMatchObject({ running: true, done: 0, total: 44 });
    expect(progress.at(-1)).toMatchObject({ running: false, done: 44, total: 44, proposals: 6, items: 3 });
    expect(progress.at(-1)!.finishedAt).toMatch(/^\d{4}-/);

    const before = ctx.events.length;
    ctx.evidence.refreshIfStale();
    await ctx.evidence.whenIdle();
    expect(ctx.events.length).toBe(before);
    fs.writeFileSync(path.join(ctx.docs, 'new.md'), '# Filler item 7\nAbout filler item 7.');
    await ctx.library.reindex();
    await ctx.library.whenIdle();
    ctx.evidence.refreshIfStale();
    await ctx.evidence.whenIdle();
    expect(ctx.evidence.progress().proposals).toBe(7);
  });

  it('close stops a run under way and stores nothing of it', async () => {
    const ctx = await setup();
    items(ctx.store);
    for (let i = 0; i < 300; i++) ctx.store.addNode({ kind: 'knowledge', label: `Cutting SOP ${i}` });
    await ctx.library.addFolder(ctx.docs);
    await ctx.library.whenIdle();
    ctx.evidence.run();
    // Let it start its slices, then close.
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    await ctx.evidence.close();
    expect(ctx.db.prepare('SELECT COUNT(*) FROM evidence_proposals').pluck().get()).toBe(0);
    expect(ctx.evidence.progress().running).toBe(false);
  });
});
