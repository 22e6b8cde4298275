import { describe, expect, it } from 'vitest';
import type { GraphOp } from '../../../../preload/contract';
import { applyImport, planImport } from '../../../../main/core/import';
import { isWellspringError } from '../../../../main/core/util/errors';
import { ITEM, mappingOf, openStore, tableOf } from './import-helpers';

const DEBIAN = 'import/debian-teams.mapping.json';

/** A workspace that has some content before the import (so "unchanged" is not just "empty"). */
function seeded() {
  const ws = openStore();
  const e = ws.store.addNode({ kind: 'expert', label: 'Debian Games Team', props: { attritionRisk: 2 } });
  const k = ws.store.addNode({ kind: 'knowledge', label: '排料技巧', props: ITEM });
  ws.store.addEdge({ kind: 'knows', source: e.id, target: k.id, props: { proficiency: 3 } });
  ws.events.length = 0;
  return ws;
}

describe('applyImport', () => {
  it('writes the plan as one operation list: one event, one undo step; undo leaves the graph as it was', async () => {
    const { store, events } = seeded();
    const before = store.getGraph();
    const history = store.history.state();
    const plan = planImport(await tableOf('import/debian-teams.gb18030.csv'), mappingOf(DEBIAN), before);
    const result = applyImport(store, plan, 'debian-teams.gb18030.csv');
    // The seeded team is updated (its department), the other 24 teams and 99 packages are new.
    expect(result).toMatchObject({ newNodes: 123, updatedNodes: 1, newEdges: 99, updatedEdges: 0, ops: 223 });
    expect(events).toHaveLength(1);
    expect(events[0]!.reason).toBe('import');
    expect(events[0]!.nodeIds).toHaveLength(124);
    const after = store.getGraph();
    expect(after.nodes).toHaveLength(before.nodes.length + 123);
    expect(after.edges).toHaveLength(before.edges.length + 99);
    expect(store.history.state().undo).toEqual({
      action: 'import',
      kind: 'import',
      label: 'debian-teams.gb18030.csv',
      count: 223,
    });

    store.undo();
    expect(store.getGraph()).toEqual(before);
    expect(store.history.state()).toEqual({ ...history, canRedo: true, redo: store.history.state().redo });
    store.redo();
    const redone = store.getGraph();
    expect(redone.nodes.map((n) => [n.id, n.label, n.props])).toEqual(
      after.nodes.map((n) => [n.id, n.label, n.props]),
    );
    expect(redone.edges.map((e) => [e.kind, e.source, e.target])).toEqual(
      after.edges.map((e) => [e.kind, e.source, e.target]),
    );
  });

  it('refuses a plan with problems and writes nothing', async () => {
    const { store, events } = seeded();
    const before = store.getGraph();
    const plan = planImport(await tableOf('import/debian-teams.malformed.csv'), mappingOf(DEBIAN), before);
    let error: unknown;
    try {
      applyImport(store, plan, 'debian-teams.malformed.csv');
    } catch (e) {
      error = e;
    }
    expect(isWellspringError(error) && error.key).toBe('transfer:import.errors.planHasProblems');
    expect((error as Error).message).toBe(
      'The import of debian-teams.malformed.csv has 2 problems; nothing was imported.',
    );
    expect(store.getGraph()).toEqual(before);
    expect(events).toEqual([]);
  });

  it('a failure half-way leaves the workspace exactly as it was', async () => {
    const { store, events } = seeded();
    const before = store.getGraph();
    const history = store.history.state();
    const plan = planImport(await tableOf('import/debian-teams.csv'), mappingOf(DEBIAN), before);
    // Break one operation after planning: the 150th (an edge) names a node that does not exist.
    const ops: GraphOp[] = [...plan.ops];
    const i = ops.findIndex((o, n) => n >= 150 && o.op === 'addEdge');
    const edge = ops[i] as Extract<GraphOp, { op: 'addEdge' }>;
    ops[i] = { ...edge, edge: { ...edge.edge, target: 'no-such-node' } };
    let error: unknown;
    try {
      applyImport(store, { ...plan, ops }, 'debian-teams.csv');
    } catch (e) {
      error = e;
    }
    expect(isWellspringError(error) && [error.code, error.path]).toEqual(['not_found', ['ops', i, 'target']]);
    expect(store.getGraph()).toEqual(before);
    expect(store.history.state()).toEqual(history);
    expect(events).toEqual([]);
  });

  it('writes nothing for a plan that changes nothing', async () => {
    const { store } = openStore();
    const table = await tableOf('import/debian-teams.csv');
    applyImport(store, planImport(table, mappingOf(DEBIAN), store.getGraph()), 'a.csv');
    const history = store.history.state();
    const again = applyImport(store, planImport(table, mappingOf(DEBIAN), store.getGraph()), 'a.csv');
    expect(again).toEqual({
      newNodes: 0,
      updatedNodes: 0,
      newEdges: 0,
      updatedEdges: 0,
      ops: 0,
      change: null,
    });
    expect(store.history.state()).toEqual(history);
  });
});
