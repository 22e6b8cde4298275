import { describe, expect, it } from 'vitest';
import { STORE_BACKENDS, newStoreOn } from '../../team-helpers';

// The store suite runs on both backends (issue 13): a workspace file, and a team workspace on PostgreSQL, where
// every write goes through the server and each test's close() checks that a fresh desktop reads the same graph.
describe.each(STORE_BACKENDS)('GraphStore on %s', (backend) => {
  const newStore = () => newStoreOn(backend);

  const knowledgeProps = {
    form: 'tacit',
    existence: 'person',
    status: 'active',
    confidentiality: 'internal',
    importance: 3,
  };

  describe('GraphStore CRUD', () => {
    it('creates, reads, updates and deletes nodes with validated props', () => {
      const { store, close } = newStore();
      const k = store.addNode({
        kind: 'knowledge',
        label: '面料缩水率',
        aliases: ['Fabric shrinkage'],
        props: knowledgeProps,
      });
      expect(store.findNode(k.id)).toMatchObject({
        label: '面料缩水率',
        aliases: ['Fabric shrinkage'],
        props: knowledgeProps,
      });
      const u = store.updateNode(k.id, {
        label: '面料缩水率控制',
        props: { importance: 2, seciStage: 'externalisation' },
      });
      expect(u.props).toEqual({ ...knowledgeProps, importance: 2, seciStage: 'externalisation' });
      expect(store.updateNode(k.id, { props: { seciStage: null } }).props).toEqual({
        ...knowledgeProps,
        importance: 2,
      });
      store.deleteNode(k.id);
      expect(store.findNode(k.id)).toBeNull();
      close();
    });

    it('gives a new node the default props of its kind', () => {
      const { store, close } = newStore();
      const e = store.addNode({ kind: 'expert', label: '王芳' });
      expect(e.props).toEqual({ attritionRisk: 1 });
      close();
    });

    it('rejects props that do not fit the kind, naming the field, and writes nothing', () => {
      const { store, close } = newStore();
      expect(() => store.addNode({ kind: 'expert', label: 'x', props: { attritionRisk: 9 } })).toThrow(
        expect.objectContaining({ code: 'invalid_input', path: ['props', 'attritionRisk'] }),
      );
      expect(() =>
        store.addNode({ kind: 'knowledge', label: 'x', props: { ...knowledgeProps, colour: 'red' } }),
      ).toThrow(expect.objectContaining({ code: 'invalid_input' }));
      expect(store.stats().nodeTotal).toBe(0);
      expect(store.history.state().canUndo).toBe(false);
      close();
    });
  });

  describe('edge-kind rules', () => {
    it('accepts the allowed kinds and rejects the others with a clear message', () => {
      const { store, close } = newStore();
      const step = store.addNode({ kind: 'step', label: '打样', props: { order: 1 } });
      const item = store.addNode({ kind: 'knowledge', label: '版型', props: knowledgeProps });
      const expert = store.addNode({ kind: 'expert', label: '李娜', props: { attritionRisk: 4 } });
      const proc = store.addNode({ kind: 'process', label: '研发流程' });
      expect(store.addEdge({ kind: 'requires', source: step.id, target: item.id }).kind).toBe('requires');
      expect(
        store.addEdge({ kind: 'knows', source: expert.id, target: item.id, props: { proficiency: 5 } }).props,
      ).toEqual({
        proficiency: 5,
      });
      expect(store.addEdge({ kind: 'part_of', source: step.id, target: proc.id }).kind).toBe('part_of');
      expect(store.addEdge({ kind: 'related', source: proc.id, target: expert.id }).kind).toBe('related');
      expect(() => store.addEdge({ kind: 'knows', source: step.id, target: item.id })).toThrow(
        /A knows edge cannot go from a step to a knowledge; it connects expert → knowledge, expert → category/,
      );
      expect(() => store.addEdge({ kind: 'requires', source: item.id, target: step.id })).toThrow(
        expect.objectContaining({ code: 'edge_kind_mismatch' }),
      );
      expect(() =>
        store.addEdge({ kind: 'knows', source: expert.id, target: item.id, props: { proficiency: 3 } }),
      ).toThrow(expect.objectContaining({ code: 'duplicate_edge' }));
      expect(() => store.addEdge({ kind: 'related', source: item.id, target: item.id })).toThrow(/itself/);
      expect(() => store.addEdge({ kind: 'requires', source: step.id, target: 'nope' })).toThrow(
        expect.objectContaining({ code: 'not_found', path: ['target'] }),
      );
      expect(store.stats().edgeTotal).toBe(4);
      close();
    });

    it('deleting a node removes its edges; undo brings both back', () => {
      const { store, close } = newStore();
      const a = store.addNode({ kind: 'step', label: 'A', props: { order: 1 } });
      const b = store.addNode({ kind: 'step', label: 'B', props: { order: 2 } });
      const c = store.addNode({ kind: 'step', label: 'C', props: { order: 3 } });
      const e1 = store.addEdge({ kind: 'next', source: a.id, target: b.id });
      const e2 = store.addEdge({ kind: 'next', source: b.id, target: c.id });
      store.deleteNode(b.id);
      expect(store.getGraph().edges).toHaveLength(0);
      store.undo();
      const g = store.getGraph();
      expect(g.nodes.map((n) => n.label).sort()).toEqual(['A', 'B', 'C']);
      expect(g.edges.map((e) => e.id).sort()).toEqual([e1.id, e2.id].sort());
      close();
    });
  });

  describe('undo / redo', () => {
    it('undoes and redoes a sequence of edits in order, and survives a restart', () => {
      const opened = newStore();
      const { store } = opened;
      const n = store.addNode({ kind: 'category', label: '设计' });
      store.updateNode(n.id, { label: '产品设计' });
      store.updateNode(n.id, { tags: ['研发'] });
      expect(store.history.state()).toMatchObject({ canUndo: true, canRedo: false });
      store.undo();
      expect(store.findNode(n.id)).toMatchObject({ label: '产品设计', tags: [] });

      const reopened = opened.reopen();
      const again = reopened.store;
      expect(again.history.state()).toMatchObject({ canUndo: true, canRedo: true });
      again.undo();
      expect(again.findNode(n.id)?.label).toBe('设计');
      again.undo();
      expect(again.findNode(n.id)).toBeNull();
      expect(again.history.state().canUndo).toBe(false);
      again.redo();
      again.redo();
      expect(again.findNode(n.id)).toMatchObject({ label: '产品设计', tags: [] });
      // A new edit discards the redo stack.
      again.updateNode(n.id, { description: '新' });
      expect(again.history.state().canRedo).toBe(false);
      reopened.close();
    });

    it('undo of an edge edit restores its props', () => {
      const { store, close } = newStore();
      const ex = store.addNode({ kind: 'expert', label: 'E', props: { attritionRisk: 2 } });
      const k = store.addNode({ kind: 'knowledge', label: 'K', props: knowledgeProps });
      const e = store.addEdge({ kind: 'knows', source: ex.id, target: k.id, props: { proficiency: 2 } });
      store.updateEdge(e.id, { proficiency: 5 });
      store.undo();
      expect(store.getNodeDetail(k.id).edges[0]!.props).toEqual({ proficiency: 2 });
      store.deleteEdge(e.id);
      expect(store.getGraph().edges).toHaveLength(0);
      store.undo();
      expect(store.getGraph().edges).toHaveLength(1);
      close();
    });

    it('moves are undo steps; automatic placement is not; unknown ids are skipped', () => {
      const { store, close } = newStore();
      const n = store.addNode({ kind: 'unit', label: '生产部' });
      expect(store.savePositions('map', [{ id: n.id, x: 1, y: 2 }], 'place')).toBe(1);
      expect(store.history.state().undo?.action).toBe('add');
      expect(
        store.savePositions('map', [
          { id: n.id, x: 10.5, y: -3 },
          { id: 'ghost', x: 1, y: 1 },
        ]),
      ).toBe(1);
      expect(store.findNode(n.id)).toMatchObject({ x: 10.5, y: -3 });
      expect(store.history.state().undo).toMatchObject({ action: 'move', count: 1 });
      store.updateNode(n.id, { label: '生产一部' });
      store.undo();
      expect(store.findNode(n.id)).toMatchObject({ label: '生产部', x: 10.5, y: -3 });
      store.undo(); // the move
      expect(store.findNode(n.id)).toMatchObject({ x: 1, y: 2 });
      close();
    });
  });

  describe('ego graph and filters', () => {
    function chain() {
      const ctx = newStore();
      const { store } = ctx;
      const ids = ['甲', '乙', '丙', '丁'].map(
        (l, i) => store.addNode({ kind: 'step', label: l, props: { order: i + 1 } }).id,
      );
      for (let i = 0; i < 3; i++) store.addEdge({ kind: 'next', source: ids[i]!, target: ids[i + 1]! });
      const lone = store.addNode({
        kind: 'knowledge',
        label: 'C++ 编译规范',
        tags: ['开发'],
        props: knowledgeProps,
      });
      return { ...ctx, ids, lone };
    }

    it('returns the nodes within depth hops, following edges both ways', () => {
      const { store, ids, close } = chain();
      expect(store.egoGraph(ids[1]!, 0).nodes.map((n) => n.label)).toEqual(['乙']);
      expect(store.egoGraph(ids[1]!, 1).nodes.map((n) => n.label)).toEqual(['甲', '乙', '丙']);
      const g2 = store.egoGraph(ids[1]!, 2);
      expect(g2.nodes.map((n) => n.label)).toEqual(['甲', '乙', '丙', '丁']);
      expect(g2.edges).toHaveLength(3);
      expect(() => store.egoGraph('missing', 1)).toThrow(expect.objectContaining({ code: 'not_found' }));
      close();
    });

    it('filters by kind, tag, form and folded text (full-width and case)', () => {
      const { store, close } = chain();
      expect(store.getGraph({ kinds: ['knowledge'] }).nodes.map((n) => n.label)).toEqual(['C++ 编译规范']);
      expect(store.getGraph({ tags: ['开发'] }).nodes).toHaveLength(1);
      expect(store.getGraph({ forms: ['explicit'] }).nodes.map((n) => n.kind)).not.toContain('knowledge');
      expect(store.getGraph({ text: 'Ｃ＋＋' }).nodes.map((n) => n.label)).toEqual(['C++ 编译规范']);
      expect(store.getGraph({ text: '编译 c++' }).nodes).toHaveLength(1);
      expect(store.getGraph({ kinds: ['step'] }).edges).toHaveLength(3);
      close();
    });

    it('filters knowledge items by category including sub-categories', () => {
      const { store, close } = newStore();
      const root = store.addNode({ kind: 'category', label: '生产' });
      const sub = store.addNode({ kind: 'category', label: '缝制' });
      const other = store.addNode({ kind: 'category', label: '销售' });
      store.addEdge({ kind: 'part_of', source: sub.id, target: root.id });
      const k1 = store.addNode({ kind: 'knowledge', label: '锁边', props: knowledgeProps });
      const k2 = store.addNode({ kind: 'knowledge', label: '报价', props: knowledgeProps });
      store.addEdge({ kind: 'classified_as', source: k1.id, target: sub.id });
      store.addEdge({ kind: 'classified_as', source: k2.id, target: other.id });
      const g = store.getGraph({ categoryId: root.id, kinds: ['knowledge'] });
      expect(g.nodes.map((n) => n.label)).toEqual(['锁边']);
      close();
    });
  });
});
