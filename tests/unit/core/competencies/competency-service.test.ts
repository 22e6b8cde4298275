import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GraphOp } from '../../../../preload/contract';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { tempDir } from '../../helpers';

const item = {
  form: 'explicit',
  existence: 'document',
  status: 'active',
  confidentiality: 'internal',
  importance: 2,
};

/**
 * An open workspace: empty plus a small tree, or the bundled sample.
 *   核心 (core, 5) ← 客户 (capability, 4) ← 大客户 (sub, 4), 服务 (sub, 3); 核心 ← 运营 (capability, 4)
 *   K1 supports 大客户 (weight 0.5); K2 supports 服务
 */
function open(sample = false): WorkspaceService {
  const dir = tempDir();
  const ws = new WorkspaceService(dir, 'node', { watch: false, threads: 1 });
  ws.open(path.join(dir, 'w.wellspring'), { create: true, sample });
  if (!sample) {
    const c = (id: string, label: string, level: string, target: number): GraphOp => ({
      op: 'addNode',
      id,
      node: { kind: 'competency', label, props: { level, target } },
    });
    const partOf = (id: string, source: string, target: string): GraphOp => ({
      op: 'addEdge',
      id,
      edge: { kind: 'part_of', source, target },
    });
    ws.store.apply([
      c('CORE', '核心', 'core', 5),
      c('CUST', '客户', 'capability', 4),
      c('OPS', '运营', 'capability', 4),
      c('KEY', '大客户', 'sub', 4),
      c('SVC', '服务', 'sub', 3),
      partOf('p1', 'CUST', 'CORE'),
      partOf('p2', 'OPS', 'CORE'),
      partOf('p3', 'KEY', 'CUST'),
      partOf('p4', 'SVC', 'CUST'),
      { op: 'addNode', id: 'K1', node: { kind: 'knowledge', label: '大客户谈判', props: item } },
      { op: 'addNode', id: 'K2', node: { kind: 'knowledge', label: '售后流程', props: item } },
      {
        op: 'addEdge',
        id: 's1',
        edge: { kind: 'supports', source: 'K1', target: 'KEY', props: { weight: 0.5 } },
      },
      { op: 'addEdge', id: 's2', edge: { kind: 'supports', source: 'K2', target: 'SVC' } },
    ]);
  }
  return ws;
}

const parentOf = (ws: WorkspaceService, id: string) =>
  ws.competencies.tree().nodes.find((n) => n.id === id)!.parentId;
/** The graph as data, in id order (undo restores a deleted edge as it was, though not at its old rowid). */
const snapshot = (ws: WorkspaceService) => {
  const g = ws.store.getGraph();
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  return JSON.stringify({ nodes: [...g.nodes].sort(byId), edges: [...g.edges].sort(byId) });
};

describe('CompetencyService edits', () => {
  it('re-parents a sub-competency in one undo step, and undo puts it back', () => {
    const ws = open();
    const before = snapshot(ws);
    const r = ws.competencies.edit([{ edit: 'reparent', id: 'SVC', parentId: 'OPS' }]);
    expect(r.summary).toEqual({ action: 'edit', kind: 'competency', label: '服务' });
    expect(parentOf(ws, 'SVC')).toBe('OPS');
    // The roll-up follows: 运营 now has K2 (weight 1) below it, 客户 only K1.
    const tree = new Map(ws.competencies.tree().nodes.map((n) => [n.id, n]));
    expect(tree.get('OPS')!.counts.items).toBe(1);
    expect(tree.get('CUST')!.counts.items).toBe(1);
    expect(ws.store.history.state().undo).toEqual(r.summary);
    ws.store.undo();
    expect(parentOf(ws, 'SVC')).toBe('CUST');
    expect(snapshot(ws)).toBe(before);
    ws.close();
  });

  it('moves a sub under the core as a capability', () => {
    const ws = open();
    ws.competencies.edit([{ edit: 'reparent', id: 'KEY', parentId: 'CORE' }]);
    const key = ws.competencies.tree().nodes.find((n) => n.id === 'KEY')!;
    expect([key.parentId, key.level, key.depth]).toEqual(['CORE', 'capability', 1]);
    expect(ws.competencies.radar().axes.map((a) => a.label)).toEqual(['大客户', '客户', '运营']);
    ws.close();
  });

  it('applies every edit of one call as ONE undo step', () => {
    const ws = open();
    const before = snapshot(ws);
    const r = ws.competencies.edit([
      { edit: 'rename', id: 'OPS', label: '管理与运营' },
      { edit: 'set-target', id: 'OPS', target: 5 },
      { edit: 'add-sub', parentId: 'OPS', label: '精益生产' },
      { edit: 'support', knowledgeId: 'K1', competencyId: 'OPS', weight: 0.25 },
      { edit: 'set-weight', knowledgeId: 'K1', competencyId: 'KEY', weight: 1 },
      { edit: 'unsupport', knowledgeId: 'K2', competencyId: 'SVC' },
    ]);
    expect(r.addedIds).toHaveLength(1);
    expect(r.summary).toMatchObject({ action: 'batch', kind: 'competency', label: '管理与运营' });
    const tree = new Map(ws.competencies.tree().nodes.map((n) => [n.id, n]));
    expect(tree.get('OPS')).toMatchObject({ label: '管理与运营', target: 5, childIds: [r.addedIds[0]] });
    expect(tree.get(r.addedIds[0]!)).toMatchObject({
      label: '精益生产',
      level: 'sub',
      target: 3,
      parentId: 'OPS',
    });
    const weights = ws.competencies.detail('KEY').items.map((i) => [i.id, i.weight]);
    expect(weights).toEqual([['K1', 1]]);
    expect(ws.competencies.detail('OPS').items.map((i) => [i.id, i.weight, i.direct])).toEqual([
      ['K1', 0.25, true],
    ]);
    expect(tree.get('SVC')!.counts.items).toBe(0);
    ws.store.undo();
    expect(snapshot(ws)).toBe(before);
    expect(ws.store.history.state().canUndo).toBe(true); // the setup's own apply is still there
    ws.close();
  });

  it('replaces every part_of edge of a competency with two parents, and updates an existing support', () => {
    const ws = open();
    ws.store.apply([{ op: 'addEdge', id: 'p5', edge: { kind: 'part_of', source: 'SVC', target: 'OPS' } }]);
    // Under both, 服务's K2 counts in 客户 and in 运营.
    const count = (id: string) => ws.competencies.tree().nodes.find((n) => n.id === id)!.counts.items;
    expect([count('CUST'), count('OPS')]).toEqual([2, 1]);
    ws.competencies.edit([
      { edit: 'reparent', id: 'SVC', parentId: 'OPS' },
      { edit: 'support', knowledgeId: 'K1', competencyId: 'KEY', weight: 0.75 },
      // Without a weight, an existing support is left as it is.
      { edit: 'support', knowledgeId: 'K2', competencyId: 'SVC' },
    ]);
    const partOf = ws.store.getGraph().edges.filter((e) => e.kind === 'part_of' && e.source === 'SVC');
    expect(partOf.map((e) => e.target)).toEqual(['OPS']);
    expect([count('CUST'), count('OPS')]).toEqual([1, 1]);
    expect(ws.store.getGraph().edges.find((e) => e.id === 's1')!.props).toEqual({ weight: 0.75 });
    expect(ws.store.getGraph().edges.find((e) => e.id === 's2')!.props).toEqual({});
    ws.close();
  });

  it('reads the item strengths of the knowledge service, also after its settings change', () => {
    const ws = open();
    const keyStrength = () => ws.competencies.tree().nodes.find((n) => n.id === 'KEY')!.strength;
    const k1 = () => ws.knowledge.itemStrengths(['K1'])[0]!.strength;
    expect(keyStrength()).toBe(k1());
    const before = k1();
    ws.knowledge.updateSettings({
      ...ws.knowledge.settings(),
      weights: { documentation: 0, holders: 0, owner: 0, freshness: 100 },
    });
    expect(k1()).not.toBe(before);
    expect(keyStrength()).toBe(k1());
    ws.close();
  });

  it('refuses a cycle, naming both labels, and writes nothing of the list', () => {
    const ws = open();
    const before = snapshot(ws);
    const undoBefore = ws.store.history.state();
    const attempt = () =>
      ws.competencies.edit([
        { edit: 'rename', id: 'KEY', label: '重点客户' },
        { edit: 'reparent', id: 'CUST', parentId: 'KEY' },
      ]);
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        key: 'errors.competencyCycle',
        params: { child: '客户', parent: '重点客户' },
        path: ['edits', 1, 'parentId'],
      }),
    );
    expect(snapshot(ws)).toBe(before);
    expect(ws.store.history.state()).toEqual(undoBefore);
    ws.close();
  });

  it('refuses the core under anything, a competency under itself, and edits of things that are not there', () => {
    const ws = open();
    const err = (edits: Parameters<WorkspaceService['competencies']['edit']>[0]) => {
      try {
        ws.competencies.edit(edits);
      } catch (e) {
        return e as { key: string; params?: Record<string, string> };
      }
      throw new Error('no error');
    };
    expect(err([{ edit: 'reparent', id: 'CORE', parentId: 'OPS' }])).toMatchObject({
      key: 'errors.coreNotMovable',
      params: { child: '核心', parent: '运营' },
    });
    expect(err([{ edit: 'reparent', id: 'OPS', parentId: 'OPS' }])).toMatchObject({
      key: 'errors.competencyOwnParent',
      params: { label: '运营' },
    });
    expect(err([{ edit: 'reparent', id: 'OPS', parentId: 'K1' }])).toMatchObject({
      key: 'errors.notCompetency',
    });
    expect(err([{ edit: 'set-weight', knowledgeId: 'K2', competencyId: 'KEY', weight: 0.5 }])).toMatchObject({
      key: 'errors.notSupporting',
      params: { item: '售后流程', competency: '大客户' },
    });
    expect(err([{ edit: 'support', knowledgeId: 'CORE', competencyId: 'KEY' }])).toMatchObject({
      key: 'errors.notAKnowledgeItem',
    });
    expect(err([{ edit: 'rename', id: 'gone', label: 'x' }])).toMatchObject({ key: 'errors.nodeNotFound' });
    // A list that changes nothing is refused by the write path.
    expect(err([{ edit: 'set-target', id: 'OPS', target: 4 }])).toMatchObject({ key: 'errors.noOps' });
    ws.close();
  });
});

describe('CompetencyService on the bundled sample', () => {
  it('has the core with the four capabilities, and coverage follows the knowledge service’s item strengths', () => {
    const ws = open(true);
    const { nodes } = ws.competencies.tree();
    const core = nodes[0]!;
    expect(core.level).toBe('core');
    expect(core.depth).toBe(0);
    const caps = core.childIds.map((id) => nodes.find((n) => n.id === id)!);
    const aliases = caps.map((c) => ws.store.findNode(c.id)!.aliases).flat();
    expect(aliases.sort()).toEqual(
      [
        'Customer and market',
        'Investment and decision-making',
        'Learning and innovation',
        'Management and operations',
      ].sort(),
    );
    expect(caps.every((c) => c.level === 'capability' && c.childIds.length > 0)).toBe(true);
    expect(nodes).toHaveLength(new Set(nodes.map((n) => n.id)).size);

    const strengths = new Map(ws.knowledge.itemStrengths().map((s) => [s.id, s.strength]));
    let withItems = 0;
    for (const n of nodes) {
      const d = ws.competencies.detail(n.id);
      // Each input's strength is the process views' number for that item.
      for (const i of d.items) expect(i.strength).toBe(strengths.get(i.id));
      const sum = d.items.reduce((a, i) => a + i.weight * (i.strength ?? 0), 0);
      const total = d.items.reduce((a, i) => a + (i.strength === null ? 0 : i.weight), 0);
      expect(d.weightedSum).toBeCloseTo(sum, 9);
      if (total > 0) {
        withItems++;
        expect(n.strength).toBe(Math.round(sum / total));
        expect(n.coverage).toBeCloseTo(Math.min(1, n.strength! / (20 * n.target)), 12);
        const level = n.strength! / 20;
        expect(n.band).toBe(level >= n.target ? 'met' : level >= n.target - 1 ? 'near' : 'below');
      } else expect(n.band).toBe('none');
      expect(n.counts.items).toBe(d.items.length);
    }
    expect(withItems).toBeGreaterThan(4);

    const radar = ws.competencies.radar();
    expect(radar.coreId).toBe(core.id);
    expect(radar.axes.map((a) => a.id)).toEqual(core.childIds);

    const diagram = ws.competencies.diagram({ withExperts: true });
    expect(diagram.breadcrumbs).toEqual([{ id: core.id, label: core.label }]);
    const ring = (r: number) => diagram.nodes.filter((n) => n.ring === r);
    expect(ring(0).map((n) => n.id)).toEqual([core.id]);
    expect(ring(1).map((n) => n.id)).toEqual(core.childIds);
    expect(new Set(ring(3).map((n) => n.kind))).toEqual(new Set(['knowledge']));
    expect(new Set(ring(4).map((n) => n.kind))).toEqual(new Set(['expert']));
    expect(ring(3)).toHaveLength(core.counts.items);
    // Drilling into a capability: it is the centre, the breadcrumbs go core → capability.
    const drill = ws.competencies.diagram({ focusId: caps[0]!.id });
    expect(drill.breadcrumbs.map((b) => b.id)).toEqual([core.id, caps[0]!.id]);
    expect(drill.nodes.filter((n) => n.ring === 1).map((n) => n.id)).toEqual(caps[0]!.childIds);
    ws.close();
  });
});
