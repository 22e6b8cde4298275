import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GraphChange } from '../../../../preload/contract';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { ViewStore } from '../../../../main/core/graph/view-store';
import { tempDir } from '../../helpers';

function open(file = path.join(tempDir(), 'w.wellspring')) {
  const { db, backupPath } = openWorkspaceDb(file, { create: true });
  const store = new GraphStore(db);
  const events: GraphChange[] = [];
  store.onDidChange((c) => events.push(c));
  return { db, store, views: new ViewStore(db), events, file, backupPath, close: () => db.close() };
}

const item = {
  form: 'tacit',
  existence: 'person',
  status: 'active',
  confidentiality: 'internal',
  importance: 3,
};

describe('the one write path', () => {
  it('keeps the times an added node or edge brings (an import), and refuses a time that is not an instant', () => {
    const { store, close } = open();
    try {
      const at = '2025-03-04T05:06:07.000Z';
      const later = '2025-06-01T00:00:00.000Z';
      store.apply([
        {
          op: 'addNode',
          id: 'k',
          node: { kind: 'knowledge', label: '旧条目' },
          times: { createdAt: at, updatedAt: later },
        },
        { op: 'addNode', id: 'e', node: { kind: 'expert', label: '老专家' }, times: { createdAt: at } },
        {
          op: 'addEdge',
          id: 'x',
          edge: { kind: 'knows', source: 'e', target: 'k', props: { proficiency: 4 } },
          times: { createdAt: later },
        },
      ]);
      const g = store.getGraph();
      expect(g.nodes.find((n) => n.id === 'k')).toMatchObject({ createdAt: at, updatedAt: later });
      expect(g.nodes.find((n) => n.id === 'e')).toMatchObject({ createdAt: at, updatedAt: at });
      expect(g.edges.find((e) => e.id === 'x')!.createdAt).toBe(later);
      expect(() =>
        store.apply([
          { op: 'addNode', node: { kind: 'knowledge', label: 'x' }, times: { createdAt: '2025-13-45' } },
        ]),
      ).toThrow();
      expect(store.getGraph().nodes).toHaveLength(2);
    } finally {
      close();
    }
  });

  it('writes an operation list in one transaction with one undo entry and one event naming every id', () => {
    const { store, events, close } = open();
    const { ids, change } = store.apply([
      { op: 'addNode', id: 'k', node: { kind: 'knowledge', label: '排料技巧', props: item } },
      { op: 'addNode', id: 'e', node: { kind: 'expert', label: '李娜', props: { attritionRisk: 4 } } },
      {
        op: 'addEdge',
        id: 'x',
        edge: { kind: 'knows', source: 'e', target: 'k', props: { proficiency: 5 } },
      },
      { op: 'setPositions', viewId: 'map', positions: [{ id: 'k', x: 10, y: 20 }] },
    ]);
    expect(ids).toEqual(['k', 'e', 'x', 'map']);
    expect(events).toHaveLength(1);
    expect(events[0]).toEqual(change);
    expect(new Set(change.nodeIds)).toEqual(new Set(['k', 'e']));
    expect(change.edgeIds).toEqual(['x']);
    expect(change.positions).toEqual([{ viewId: 'map', nodeIds: ['k'] }]);
    expect(store.history.state().undo).toMatchObject({ action: 'batch', count: 4, label: '排料技巧' });

    // One undo takes the whole list back, and its event names the same ids.
    store.undo();
    expect(store.stats().nodeTotal).toBe(0);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ reason: 'undo', seq: change.seq + 1 });
    expect(new Set(events[1]!.nodeIds)).toEqual(new Set(['k', 'e']));
    expect(events[1]!.edgeIds).toEqual(['x']);
    expect(store.history.state()).toMatchObject({ canUndo: false, canRedo: true });
    store.redo();
    expect(store.findNode('k')).toMatchObject({ label: '排料技巧', x: 10, y: 20 });
    expect(store.getGraph().edges.map((e) => e.id)).toEqual(['x']);
    close();
  });

  it('rolls back every operation of a list when one fails, and sends no event', () => {
    const { store, events, close } = open();
    store.addNode({ kind: 'unit', label: '生产部' }, 'u');
    const before = store.history.state();
    events.length = 0;
    expect(() =>
      store.apply([
        { op: 'updateNode', id: 'u', patch: { label: '生产一部' } },
        { op: 'addNode', id: 'k', node: { kind: 'knowledge', label: '裁剪', props: item } },
        // A unit cannot know anything: the third operation fails …
        { op: 'addEdge', edge: { kind: 'knows', source: 'u', target: 'k' } },
      ]),
    ).toThrow(expect.objectContaining({ code: 'edge_kind_mismatch', path: ['ops', 2, 'kind'] }));
    // … and the first two are not stored either.
    expect(store.findNode('u')!.label).toBe('生产部');
    expect(store.findNode('k')).toBeNull();
    expect(events).toEqual([]);
    expect(store.history.state()).toEqual(before);
    close();
  });

  it('refuses a step in a second process, naming both, and lets it move within one list', () => {
    const { store, events, close } = open();
    store.apply([
      { op: 'addNode', id: 'p1', node: { kind: 'process', label: '销售流程' } },
      { op: 'addNode', id: 'p2', node: { kind: 'process', label: '售后流程' } },
      { op: 'addNode', id: 's', node: { kind: 'step', label: '回访', props: { order: 1 } } },
      { op: 'addEdge', id: 'in-p1', edge: { kind: 'part_of', source: 's', target: 'p1' } },
    ]);
    const before = store.history.state();
    events.length = 0;
    expect(() =>
      store.apply([
        { op: 'updateNode', id: 's', patch: { label: '客户回访' } },
        { op: 'addEdge', edge: { kind: 'part_of', source: 's', target: 'p2' } },
      ]),
    ).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        key: 'errors.stepInOtherProcess',
        params: { step: '客户回访', process: '销售流程' },
      }),
    );
    expect(store.findNode('s')!.label).toBe('回访');
    expect(events).toEqual([]);
    expect(store.history.state()).toEqual(before);
    // Moving it is one list: out of the first process, into the second.
    store.apply([
      { op: 'deleteEdge', id: 'in-p1' },
      { op: 'addEdge', edge: { kind: 'part_of', source: 's', target: 'p2' } },
    ]);
    expect(
      store
        .getGraph()
        .edges.filter((e) => e.kind === 'part_of')
        .map((e) => e.target),
    ).toEqual(['p2']);
    close();
  });

  it('keeps positions per view; deleting a node and undoing restores them in every view', () => {
    const { store, views, close } = open();
    store.addNode({ kind: 'unit', label: '门店', x: 5, y: 6 }, 'u');
    const pipeline = views.create({ kind: 'process', name: '销售流程' });
    store.savePositions(pipeline.id, [{ id: 'u', x: 500, y: 600 }], 'layout');
    expect(store.findNode('u')).toMatchObject({ x: 5, y: 6 });
    expect(store.findNode('u', pipeline.id)).toMatchObject({ x: 500, y: 600 });
    expect(views.get(pipeline.id).positionCount).toBe(1);
    expect(store.history.state().undo).toMatchObject({ action: 'layout', count: 1 });
    store.deleteNode('u');
    expect(views.get(pipeline.id).positionCount).toBe(0);
    store.undo();
    expect(store.findNode('u')).toMatchObject({ x: 5, y: 6 });
    expect(store.findNode('u', pipeline.id)).toMatchObject({ x: 500, y: 600 });
    // Deleting a view takes its positions, never another view's.
    views.delete(pipeline.id);
    expect(store.findNode('u')).toMatchObject({ x: 5, y: 6 });
    expect(() => views.delete('map')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => store.savePositions(pipeline.id, [{ id: 'u', x: 1, y: 1 }])).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    close();
  });

  it('an automatic placement joins the edit that added the node: redo puts the node back where it was placed', () => {
    const { store, close } = open();
    store.apply([
      { op: 'addNode', id: 'a', node: { kind: 'unit', label: '苏州工厂' } },
      { op: 'addNode', id: 'b', node: { kind: 'unit', label: '杭州门店' } },
    ]);
    // The map places both (reason `place`): no undo step of its own …
    store.savePositions(
      'map',
      [
        { id: 'a', x: 40, y: 50 },
        { id: 'b', x: 70, y: 80 },
      ],
      'place',
    );
    expect(store.history.state().undo).toMatchObject({ action: 'batch', count: 2 });
    store.undo();
    expect(store.findNode('a')).toBeNull();
    store.redo();
    // … but part of the list that added them.
    expect(store.findNode('a')).toMatchObject({ x: 40, y: 50 });
    expect(store.findNode('b')).toMatchObject({ x: 70, y: 80 });
    // A node the newest entry did not add keeps its placement out of that entry.
    store.addNode({ kind: 'unit', label: '总部' }, 'hq');
    store.savePositions('map', [{ id: 'a', x: 1, y: 1 }], 'place');
    store.undo(); // 总部
    expect(store.findNode('a')).toMatchObject({ x: 1, y: 1 });
    store.redo();
    expect(store.findNode('hq')).toMatchObject({ x: null, y: null });
    close();
  });

  it('links a document page as one undoable list: a new document node without a position and one edge', () => {
    const { store, events, close } = open();
    store.addNode({ kind: 'knowledge', label: '拜访记录', props: item, x: 100, y: 100 }, 'k');
    events.length = 0;
    const doc = {
      path: '/docs/拜访.pdf',
      name: '拜访.pdf',
      mime: 'application/pdf',
      pageCount: 3,
      size: 1000,
    };
    const edge = store.linkDocument('k', doc, 2);
    expect(edge).toMatchObject({ kind: 'documented_by', source: 'k', props: { page: 2 } });
    expect(store.findNode(edge.target)).toMatchObject({ kind: 'document', x: null, y: null });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ reason: 'link-document', edgeIds: [edge.id] });
    // The same file again: the page of the one edge changes, no second document node.
    store.linkDocument('k', doc, 3);
    expect(store.stats()).toMatchObject({ nodeTotal: 2, edgeTotal: 1 });
    store.undo();
    store.undo();
    expect(store.stats()).toMatchObject({ nodeTotal: 1, edgeTotal: 0 });
    close();
  });
});

describe('migration 0004 (views)', () => {
  it('upgrades a version-3 workspace: its positions move into the knowledge map view, its history still undoes', () => {
    const file = path.join(tempDir(), 'old.wellspring');
    fs.copyFileSync(path.resolve(__dirname, '../../../../fixtures/workspace-v3.wellspring'), file);
    const { store, views, backupPath, close } = open(file);
    expect(backupPath).toBe(`${file}.v3.bak`);
    expect(fs.existsSync(backupPath!)).toBe(true);
    expect(views.list().map((v) => [v.id, v.kind, v.positionCount])).toEqual([['map', 'map', 5]]);
    const byId = new Map(store.getGraph().nodes.map((n) => [n.id, n]));
    // The fixture's positions (fixtures/workspace-v3.wellspring, written by the version-3 store).
    expect([...byId.values()].map((n) => [n.id, n.x, n.y])).toEqual([
      ['p1', 100, 50],
      ['s1', 100, 200],
      ['k1', 260, 200],
      ['k2', 420, 330],
      ['e1', 520, 330],
      ['c1', null, null],
    ]);
    // The newest history entry (written before 0004, its rows carrying x/y) still undoes and redoes.
    expect(byId.get('k2')!.description).toBe('如何与采购谈判');
    store.undo();
    expect(store.findNode('k2')).toMatchObject({ description: '', x: 420, y: 330 });
    store.redo();
    expect(store.findNode('k2')!.description).toBe('如何与采购谈判');
    close();
  });
});

describe("an expert's expected leaving date (issue 8)", () => {
  const iso = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const today = iso(new Date());
  const yesterday = iso(new Date(Date.now() - 86_400_000));

  it('accepts today or later, and refuses a date in the past or malformed, naming it, writing nothing', () => {
    const { store, close } = open();
    store.apply([
      { op: 'addNode', id: 'e', node: { kind: 'expert', label: '吴秀兰', props: { attritionRisk: 3 } } },
    ]);
    store.apply([{ op: 'updateNode', id: 'e', patch: { props: { expectedLeaving: today } } }]);
    expect(store.findNode('e')!.props.expectedLeaving).toBe(today);
    for (const [value, key] of [
      [yesterday, 'errors.leavingDateInPast'],
      ['2027-02-30', 'errors.leavingDateMalformed'],
      ['next June', 'errors.leavingDateMalformed'],
      ['2027-99-99', 'errors.leavingDateMalformed'],
      ['9999-12-31', 'errors.leavingDateTooFar'],
    ] as const) {
      let err: unknown;
      try {
        store.apply([{ op: 'updateNode', id: 'e', patch: { props: { expectedLeaving: value } } }]);
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ code: 'invalid_input', key, params: { value } });
      expect((err as Error).message).toContain(value);
      expect(store.findNode('e')!.props.expectedLeaving).toBe(today);
    }
    // A new expert leaving yesterday is refused too; nothing of the list is written.
    expect(() =>
      store.apply([
        { op: 'addNode', id: 'f', node: { kind: 'knowledge', label: '排料', props: item } },
        {
          op: 'addNode',
          id: 'g',
          node: { kind: 'expert', label: '刘国忠', props: { attritionRisk: 5, expectedLeaving: yesterday } },
        },
      ]),
    ).toThrow(/in the past/);
    expect(store.findNode('f')).toBeNull();
    close();
  });

  it('lets an expert whose stored date has passed be edited otherwise', () => {
    const { db, store, close } = open();
    store.apply([
      { op: 'addNode', id: 'e', node: { kind: 'expert', label: '冯涛', props: { attritionRisk: 5 } } },
    ]);
    // The date was valid when entered; time moved on (set in the row directly: test set-up).
    db.prepare(
      "UPDATE nodes SET props = json_set(props, '$.expectedLeaving', '2020-01-31') WHERE id = 'e'",
    ).run();
    store.apply([
      { op: 'updateNode', id: 'e', patch: { label: '冯涛（售后）', props: { availability: 'limited' } } },
    ]);
    expect(store.findNode('e')!).toMatchObject({
      label: '冯涛（售后）',
      props: { expectedLeaving: '2020-01-31' },
    });
    close();
  });
});
