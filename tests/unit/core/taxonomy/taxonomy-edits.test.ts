import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GraphOp, TaxonomyEdit } from '../../../../preload/contract';
import { buildGraphIndex } from '../../../../main/core/analytics/graph-index';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { TaxonomyService } from '../../../../main/core/taxonomy/taxonomy-service';
import { tempDir } from '../../helpers';

const itemProps = {
  form: 'explicit',
  existence: 'document',
  status: 'active',
  confidentiality: 'internal',
  importance: 2,
};

/**
 * A store with a hand-built taxonomy, and the service over it:
 *   产品 P ← 设计 D (aliases Design, 设计部; "D desc") ← 款式 S
 *          ← 面料 F (alias Fabrics; "F desc")
 *   市场 M ← 销售 SA
 * K1 in D; K2 in D and F; K3 in F; K4 in S; K5 in SA; K6 in no category.
 * E1 knows D (4) and F (2); E2 knows D (3). T1 defines D and F; T2 defines D.
 * related: D–M (note a), F–M (note b), D–K6.
 */
function open() {
  const file = path.join(tempDir(), 't.wellspring');
  const { db } = openWorkspaceDb(file, { create: true });
  const store = new GraphStore(db);
  const c = (id: string, label: string, aliases: string[] = [], description = ''): GraphOp => ({
    op: 'addNode',
    id,
    node: { kind: 'category', label, aliases, description },
  });
  let n = 0;
  const e = (kind: string, source: string, target: string, props: object = {}): GraphOp => ({
    op: 'addEdge',
    id: `e${++n}`,
    edge: { kind: kind as never, source, target, props: props as Record<string, unknown> },
  });
  store.apply(
    [
      c('P', '产品'),
      c('D', '设计', ['Design', '设计部'], 'D desc'),
      c('F', '面料', ['Fabrics'], 'F desc'),
      c('S', '款式'),
      c('M', '市场'),
      c('SA', '销售'),
      ...['K1', 'K2', 'K3', 'K4', 'K5', 'K6'].map((id): GraphOp => ({
        op: 'addNode',
        id,
        node: { kind: 'knowledge', label: id, props: itemProps },
      })),
      ...['E1', 'E2'].map((id): GraphOp => ({ op: 'addNode', id, node: { kind: 'expert', label: id } })),
      ...['T1', 'T2'].map((id): GraphOp => ({ op: 'addNode', id, node: { kind: 'term', label: id } })),
      e('part_of', 'D', 'P'),
      e('part_of', 'F', 'P'),
      e('part_of', 'S', 'D'),
      e('part_of', 'SA', 'M'),
      e('classified_as', 'K1', 'D'),
      e('classified_as', 'K2', 'D'),
      e('classified_as', 'K2', 'F'),
      e('classified_as', 'K3', 'F'),
      e('classified_as', 'K4', 'S'),
      e('classified_as', 'K5', 'SA'),
      e('knows', 'E1', 'D', { proficiency: 4 }),
      e('knows', 'E1', 'F', { proficiency: 2 }),
      e('knows', 'E2', 'D', { proficiency: 3 }),
      e('defines', 'T1', 'D'),
      e('defines', 'T1', 'F'),
      e('defines', 'T2', 'D'),
      e('related', 'D', 'M', { note: 'a' }),
      e('related', 'M', 'F', { note: 'b' }),
      e('related', 'D', 'K6'),
    ],
    { undoable: false },
  );
  const service = new TaxonomyService({ store, index: () => buildGraphIndex(store.getGraph()) });
  const counts = () => new Map(service.tree().nodes.map((x) => [x.id, x.counts]));
  const edgesOf = (id: string) =>
    store
      .getGraph()
      .edges.filter((x) => x.source === id || x.target === id)
      .map((x) => `${x.kind} ${x.source}→${x.target}${x.props.proficiency ? ` ${x.props.proficiency}` : ''}`)
      .sort();
  return { store, service, counts, edgesOf, close: () => db.close() };
}

/** The graph as data, in id order (undo restores a deleted row as it was, though not at its old rowid). */
function snapshot(store: GraphStore): string {
  const g = store.getGraph();
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  return JSON.stringify({ nodes: [...g.nodes].sort(byId), edges: [...g.edges].sort(byId) });
}

/** The error a list of edits is refused with; asserts nothing was written. */
function refusal(t: ReturnType<typeof open>, edits: TaxonomyEdit[]) {
  const before = snapshot(t.store);
  const history = t.store.history.state();
  let error: unknown = null;
  try {
    t.service.edit(edits);
  } catch (e) {
    error = e;
  }
  expect(snapshot(t.store)).toBe(before);
  expect(t.store.history.state()).toEqual(history);
  expect(error).not.toBeNull();
  return error as {
    code: string;
    key: string;
    params: Record<string, unknown>;
    message: string;
    path: unknown[];
  };
}

describe('taxonomy merge', () => {
  it('moves every edge of 设计 to 面料 without doubling any, keeps its names, and deletes it', () => {
    const t = open();
    const before = snapshot(t.store);
    const k1Edge = t.store.getGraph().edges.find((x) => x.source === 'K1')!.id;
    const r = t.service.edit([{ edit: 'merge', fromId: 'D', intoId: 'F' }]);
    expect(r.applied).toBe(true);
    expect(r.summary).toEqual({ action: 'edit', kind: 'category', label: '设计 → 面料' });
    // Moved: K1's classification, 款式's part_of, E2's knows, T2's defines, D–K6. Folded into F's own: K2's
    // classification, E1's knows, T1's defines, the related edge with 市场. Removed: D's own part_of 产品.
    expect(r.changes).toEqual([
      {
        edit: 'merge',
        id: 'D',
        label: '设计',
        targetId: 'F',
        targetLabel: '面料',
        items: 2,
        children: 1,
        edgesMoved: 5,
        edgesMerged: 4,
        edgesRemoved: 1,
        aliasesAdded: ['设计', 'Design', '设计部'],
      },
    ]);
    expect(t.store.findNode('D')).toBeNull();
    expect(t.store.findNode('F')).toMatchObject({
      label: '面料',
      aliases: ['Fabrics', '设计', 'Design', '设计部'],
      description: 'F desc\n\nD desc',
    });
    expect(t.edgesOf('F')).toEqual(
      [
        'classified_as K1→F',
        'classified_as K2→F',
        'classified_as K3→F',
        'defines T1→F',
        'defines T2→F',
        'knows E1→F 4', // the higher of 4 (设计) and 2 (面料)
        'knows E2→F 3',
        'part_of F→P',
        'part_of S→F',
        'related F→K6',
        'related M→F',
      ].sort(),
    );
    expect(t.store.getGraph().edges.find((x) => x.kind === 'related' && x.target === 'F')!.props).toEqual({
      note: 'b\na',
    });
    // A moved edge keeps its id.
    expect(t.store.getGraph().edges.find((x) => x.source === 'K1')!.id).toBe(k1Edge);
    // Nothing lost: 产品 still holds K1–K4, the workspace still classifies five items.
    const counts = t.counts();
    expect(counts.get('P')).toMatchObject({ items: 4, subCategories: 2 });
    expect(counts.get('F')).toMatchObject({
      directItems: 3,
      items: 4,
      subCategories: 1,
      experts: 2,
      terms: 2,
    });
    expect(t.service.tree().totals).toEqual({ categories: 5, classifiedItems: 5, unclassifiedItems: 1 });
    // One undo step puts everything back exactly.
    expect(t.store.history.state().undo).toEqual(r.summary);
    t.store.undo();
    expect(snapshot(t.store)).toBe(before);
    expect(t.store.history.state().canUndo).toBe(false);
    t.store.redo();
    expect(t.store.findNode('D')).toBeNull();
    t.close();
  });

  it('merges a child into its parent (its own place goes with it) and across roots', () => {
    const t = open();
    t.service.edit([{ edit: 'merge', fromId: 'S', intoId: 'D' }]);
    expect(t.counts().get('D')).toMatchObject({ directItems: 3, items: 3, subCategories: 0 });
    t.service.edit([{ edit: 'merge', fromId: 'SA', intoId: 'F' }]);
    expect(t.counts().get('M')).toMatchObject({ items: 0, subCategories: 0 });
    expect(t.counts().get('P')).toMatchObject({ items: 5 });
    t.close();
  });

  it('refuses a merge into itself or into its own subtree, naming both', () => {
    const t = open();
    const self = refusal(t, [{ edit: 'merge', fromId: 'D', intoId: 'D' }]);
    expect([self.code, self.key, self.path]).toEqual([
      'invalid_input',
      'taxonomy:errors.mergeSelf',
      ['edits', 0, 'intoId'],
    ]);
    const down = refusal(t, [{ edit: 'merge', fromId: 'P', intoId: 'S' }]);
    expect(down.key).toBe('taxonomy:errors.mergeIntoDescendant');
    expect(down.params).toEqual({ from: '产品', into: '款式' });
    expect(down.message).toContain('“产品”');
    expect(down.message).toContain('“款式”');
    t.close();
  });

  it('refuses a merge that would give the target more than 50 aliases', () => {
    const t = open();
    const many = Array.from({ length: 49 }, (_, i) => `alias ${i}`);
    t.store.apply([{ op: 'updateNode', id: 'M', patch: { aliases: many } }]);
    const e = refusal(t, [{ edit: 'merge', fromId: 'D', intoId: 'M' }]);
    expect([e.key, e.params]).toEqual([
      'taxonomy:errors.tooManyAliases',
      { label: '市场', count: 52, max: 50 },
    ]);
    t.close();
  });

  it('adds no alias twice (NFKC, case folded), nor the target’s own name', () => {
    const t = open();
    t.store.apply([{ op: 'updateNode', id: 'F', patch: { aliases: ['ＤＥＳＩＧＮ'] } }]);
    const r = t.service.edit([{ edit: 'merge', fromId: 'D', intoId: 'F' }]);
    expect(r.changes[0]!.aliasesAdded).toEqual(['设计', '设计部']);
    expect(t.store.findNode('F')!.aliases).toEqual(['ＤＥＳＩＧＮ', '设计', '设计部']);
    t.close();
  });
});

describe('taxonomy re-parent', () => {
  it('moves a category under another or to the top, one undo step each', () => {
    const t = open();
    const before = snapshot(t.store);
    const r = t.service.edit([{ edit: 'reparent', id: 'D', parentId: 'M' }]);
    expect(r.summary).toEqual({ action: 'edit', kind: 'category', label: '设计' });
    expect(r.changes[0]).toMatchObject({ targetId: 'M', targetLabel: '市场' });
    expect(t.counts().get('M')).toMatchObject({ items: 4, subCategories: 3 });
    expect(t.counts().get('P')).toMatchObject({ items: 2, subCategories: 1 });
    t.service.edit([{ edit: 'reparent', id: 'D', parentId: null }]);
    expect(t.service.tree().nodes.find((x) => x.id === 'D')).toMatchObject({ parentId: null, depth: 0 });
    t.store.undo();
    t.store.undo();
    expect(snapshot(t.store)).toBe(before);
    t.close();
  });

  it('refuses a loop, under itself, and beside a namesake', () => {
    const t = open();
    const loop = refusal(t, [{ edit: 'reparent', id: 'P', parentId: 'S' }]);
    expect([loop.key, loop.params, loop.path]).toEqual([
      'taxonomy:errors.cycle',
      { child: '产品', parent: '款式' },
      ['edits', 0, 'parentId'],
    ]);
    expect(loop.message).toBe(
      '“产品” cannot go under “款式”: “款式” is part of “产品”, so the tree would loop.',
    );
    expect(refusal(t, [{ edit: 'reparent', id: 'D', parentId: 'D' }]).key).toBe('taxonomy:errors.ownParent');
    t.service.edit([{ edit: 'add', label: 'Fabric', parentId: 'M' }]);
    t.service.edit([{ edit: 'rename', id: 'F', label: 'ｆａｂｒｉｃ' }]);
    const twin = refusal(t, [{ edit: 'reparent', id: 'F', parentId: 'M' }]);
    expect([twin.key, twin.params]).toEqual([
      'taxonomy:errors.siblingExists',
      { label: 'Fabric', parent: '市场' },
    ]);
    t.close();
  });

  it('changes nothing when the category is there already (and the write path says so)', () => {
    const t = open();
    const r = t.service.edit([{ edit: 'reparent', id: 'D', parentId: 'P' }], { dryRun: true });
    expect(r.changes[0]).toMatchObject({ edgesMoved: 0, edgesRemoved: 0 });
    expect(() => t.service.edit([{ edit: 'reparent', id: 'D', parentId: 'P' }])).toThrow(
      expect.objectContaining({ key: 'errors.noOps' }),
    );
    t.close();
  });
});

describe('taxonomy add, rename, delete', () => {
  it('adds a root and a child in one undo step, and refuses a namesake root or sibling', () => {
    const t = open();
    const before = snapshot(t.store);
    const r = t.service.edit([
      { edit: 'add', label: '管理', parentId: null, aliases: ['Management'] },
      { edit: 'add', label: '版型', parentId: 'P' },
    ]);
    expect(r.addedIds).toHaveLength(2);
    expect(r.summary).toMatchObject({ action: 'batch', kind: 'category', label: '管理' });
    const tree = new Map(t.service.tree().nodes.map((x) => [x.id, x]));
    expect(tree.get(r.addedIds[0]!)).toMatchObject({
      label: '管理',
      parentId: null,
      aliases: ['Management'],
    });
    expect(tree.get(r.addedIds[1]!)).toMatchObject({ label: '版型', parentId: 'P', depth: 1 });
    t.store.undo();
    expect(snapshot(t.store)).toBe(before);
    expect(refusal(t, [{ edit: 'add', label: ' 市场 ', parentId: null }]).key).toBe(
      'taxonomy:errors.rootExists',
    );
    expect(refusal(t, [{ edit: 'add', label: '面料', parentId: 'P' }]).key).toBe(
      'taxonomy:errors.siblingExists',
    );
    t.close();
  });

  it('renames, refusing a sibling’s name but not its own in another case', () => {
    const t = open();
    t.service.edit([{ edit: 'rename', id: 'D', label: '款式设计' }]);
    expect(t.store.findNode('D')!.label).toBe('款式设计');
    expect(refusal(t, [{ edit: 'rename', id: 'D', label: '面料' }]).params).toEqual({
      label: '面料',
      parent: '产品',
    });
    t.close();
  });

  it('deletes a category by moving its sub-categories and items to its parent', () => {
    const t = open();
    const before = snapshot(t.store);
    const preview = t.service.edit([{ edit: 'delete', id: 'D' }], { dryRun: true });
    expect(preview.applied).toBe(false);
    expect(snapshot(t.store)).toBe(before);
    const r = t.service.edit([{ edit: 'delete', id: 'D' }]);
    expect(r.changes).toEqual(preview.changes);
    // K1, K2 and 款式 move to 产品; D's own part_of, 2 knows, 2 defines and 2 related edges go with it.
    expect(r.changes[0]).toMatchObject({
      targetId: 'P',
      items: 2,
      children: 1,
      edgesMoved: 3,
      edgesMerged: 0,
      edgesRemoved: 7,
    });
    expect(r.summary).toEqual({ action: 'delete', kind: 'category', label: '设计' });
    expect(t.counts().get('P')).toMatchObject({ directItems: 2, items: 4, subCategories: 2 });
    t.store.undo();
    expect(snapshot(t.store)).toBe(before);
    t.close();
  });

  it('does not double an item the parent has already; a root’s children become roots', () => {
    const t = open();
    t.store.apply([{ op: 'addEdge', edge: { kind: 'classified_as', source: 'K1', target: 'P' } }]);
    const r = t.service.edit([{ edit: 'delete', id: 'D' }]);
    expect(r.changes[0]).toMatchObject({ edgesMoved: 2, edgesMerged: 1 });
    const m = t.service.edit([{ edit: 'delete', id: 'M' }]);
    expect(m.changes[0]).toMatchObject({ targetId: null, children: 1, items: 0 });
    expect(t.service.tree().nodes.find((x) => x.id === 'SA')).toMatchObject({ parentId: null });
    t.close();
  });

  it('refuses to delete a root with items, and any edit of a category removed earlier in the list', () => {
    const t = open();
    t.store.apply([{ op: 'addEdge', edge: { kind: 'classified_as', source: 'K6', target: 'M' } }]);
    const root = refusal(t, [{ edit: 'delete', id: 'M' }]);
    expect([root.key, root.params]).toEqual([
      'taxonomy:errors.deleteRootWithItems',
      { label: '市场', count: 1 },
    ]);
    const later = refusal(t, [
      { edit: 'merge', fromId: 'S', intoId: 'F' },
      { edit: 'rename', id: 'S', label: '新款式' },
    ]);
    expect([later.code, later.key, later.path]).toEqual([
      'not_found',
      'taxonomy:errors.removedEarlier',
      ['edits', 1, 'id'],
    ]);
    expect(refusal(t, [{ edit: 'rename', id: 'K1', label: 'x' }]).key).toBe('taxonomy:errors.notCategory');
    expect(refusal(t, [{ edit: 'delete', id: 'gone' }]).key).toBe('errors.nodeNotFound');
    t.close();
  });

  it('plans each edit against the tree the earlier ones leave', () => {
    const t = open();
    // 款式 goes to the top, so 产品 may then go under it.
    t.service.edit([
      { edit: 'reparent', id: 'S', parentId: null },
      { edit: 'reparent', id: 'P', parentId: 'S' },
    ]);
    const tree = t.service.tree().nodes;
    expect(tree.map((x) => [x.label, x.depth])).toEqual([
      ['款式', 0],
      ['产品', 1],
      ['面料', 2],
      ['设计', 2],
      ['市场', 0],
      ['销售', 1],
    ]);
    t.close();
  });
});
