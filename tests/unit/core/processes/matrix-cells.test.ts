import { describe, expect, it } from 'vitest';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { stepMatrix } from '../../../../main/core/analytics/step-matrix';
import { buildGraphIndex } from '../../../../main/core/analytics/graph-index';
import { openKnowledge } from '../analytics/process-graphs';

const item = {
  form: 'explicit',
  existence: 'template',
  status: 'active',
  confidentiality: 'internal',
  importance: 2,
};

function setup() {
  const f = openKnowledge();
  const { processId, stepIds } = f.knowledge.createProcess({ label: 'Sales', steps: ['Quote', 'Order'] });
  f.store.addNode({ kind: 'knowledge', label: 'Quote form', props: item }, 'K');
  f.store.addNode({ kind: 'expert', label: 'E', props: { attritionRisk: 2 } }, 'E');
  return { ...f, processId, quote: stepIds[0]!, order: stepIds[1]! };
}

describe('setCell', () => {
  it('turns none → requires → both → produces → none, one undo step each, and persists', () => {
    const f = setup();
    const edges = () =>
      f.store
        .getGraph()
        .edges.filter((e) => e.source === f.quote && e.target === 'K')
        .map((e) => e.kind)
        .sort();
    expect(f.knowledge.setCell(f.quote, 'K', 'requires').cell).toBe('requires');
    expect(edges()).toEqual(['requires']);
    expect(f.store.history.state().undo).toEqual({
      action: 'connect',
      kind: 'requires',
      label: 'Quote → Quote form',
    });
    expect(f.knowledge.setCell(f.quote, 'K', 'both').cell).toBe('both');
    expect(edges()).toEqual(['produces', 'requires']);
    expect(f.knowledge.setCell(f.quote, 'K', 'produces').cell).toBe('produces');
    expect(edges()).toEqual(['produces']);
    expect(f.knowledge.matrix(f.processId, 'templates').cells).toEqual([['produces', 'none']]);
    // The same cell again writes nothing.
    const seq = f.store.history.state();
    expect(f.knowledge.setCell(f.quote, 'K', 'produces')).toEqual({ cell: 'produces', change: null });
    expect(f.store.history.state()).toEqual(seq);
    f.knowledge.setCell(f.order, 'K', 'requires');
    // Reload: the file read by a new connection has the cells.
    f.close();
    const { db } = openWorkspaceDb(f.file);
    const m = stepMatrix(buildGraphIndex(new GraphStore(db).getGraph()), f.processId, 'all');
    expect(m.cells).toEqual([['produces', 'requires']]);
    db.close();
  });

  it('a toggle on a deleted item, an unknown step, or nodes of the wrong kind: a clear message, nothing written', () => {
    const f = setup();
    f.knowledge.setCell(f.quote, 'K', 'requires');
    f.store.deleteNode('K');
    const before = f.store.getGraph();
    const undo = f.store.history.state().undo;
    expect(() => f.knowledge.setCell(f.quote, 'K', 'both')).toThrow(
      expect.objectContaining({
        code: 'not_found',
        key: 'errors.nodeNotFound',
        params: { id: 'K' },
        path: ['knowledgeId'],
      }),
    );
    expect(() => f.knowledge.setCell('gone', 'E', 'requires')).toThrow(
      expect.objectContaining({ code: 'not_found', path: ['stepId'] }),
    );
    expect(() => f.knowledge.setCell(f.quote, 'E', 'requires')).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        key: 'errors.notAKnowledgeItem',
        params: { label: 'E' },
      }),
    );
    expect(() => f.knowledge.setCell(f.processId, 'E', 'requires')).toThrow(
      expect.objectContaining({ code: 'invalid_input', key: 'errors.notAStep' }),
    );
    expect(f.store.getGraph()).toEqual(before);
    expect(f.store.history.state().undo).toEqual(undo);
    f.close();
  });
});

describe('matrix and journey on the sample', () => {
  it('the sales matrix has the nine stages as columns and a cell for every requires / produces edge', () => {
    const f = openKnowledge({ sample: true });
    const m = f.knowledge.matrix('sample:pr-sales', 'all');
    expect(m.steps).toHaveLength(9);
    const g = f.store.getGraph();
    const stepIds = new Set(m.steps.map((s) => s.id));
    const edges = g.edges.filter(
      (e) => (e.kind === 'requires' || e.kind === 'produces') && stepIds.has(e.source),
    );
    expect(new Set(m.items.map((i) => i.id))).toEqual(new Set(edges.map((e) => e.target)));
    const filled = m.cells.flat().reduce((n, c) => n + (c === 'both' ? 2 : c === 'none' ? 0 : 1), 0);
    expect(filled).toBe(edges.length);
    const t = f.knowledge.matrix('sample:pr-sales', 'templates');
    expect(t.items.every((i) => i.template)).toBe(true);
    const j = f.knowledge.journey('sample:pr-sales');
    expect(j.lanes.flatMap((l) => l.steps.map((s) => s.id)).sort()).toEqual(m.steps.map((s) => s.id).sort());
    f.close();
  });
});
