import { describe, expect, it } from 'vitest';
import type { GraphDto, ProcessEdit } from '../../../../preload/contract';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { openKnowledge, type KnowledgeFixture } from '../analytics/process-graphs';

const item = {
  form: 'explicit',
  existence: 'document',
  status: 'active',
  confidentiality: 'internal',
  importance: 2,
};

/** A fresh workspace with process "Sales" of steps A→B→C→D (created through the service), an item K and an expert E. */
function setup() {
  const f = openKnowledge();
  const { processId, stepIds } = f.knowledge.createProcess({
    label: 'Sales',
    ownerUnit: 'Sales dept',
    steps: ['A', 'B', 'C', 'D'],
  });
  const [A, B, C, D] = stepIds as [string, string, string, string];
  f.store.addNode({ kind: 'knowledge', label: 'K', props: item }, 'K');
  f.store.addNode({ kind: 'expert', label: 'E', props: { attritionRisk: 2 } }, 'E');
  return { ...f, processId, A, B, C, D };
}

/** label → order of the process's steps, and its next edges as "X>Y" by label (sorted). */
function shape(f: KnowledgeFixture, processId: string) {
  const p = f.knowledge.pipeline(processId);
  const label = new Map(p.steps.map((s) => [s.id, s.label]));
  return {
    orders: Object.fromEntries(p.steps.map((s) => [s.label, s.order])),
    next: p.nextEdges.map((e) => `${label.get(e.source)}>${label.get(e.target)}`).sort(),
  };
}

/** What the graph holds, without timestamps (to compare before / after a refused or undone edit). */
function content(store: GraphStore): unknown {
  const g: GraphDto = store.getGraph();
  return {
    nodes: g.nodes.map((n) => [n.id, n.kind, n.label, n.props]).sort(),
    edges: g.edges.map((e) => [e.kind, e.source, e.target, e.props]).sort(),
  };
}

describe('createProcess', () => {
  it('creates the process and its steps in sequence as one undoable operation', () => {
    const f = openKnowledge();
    const before = content(f.store);
    const { processId, stepIds } = f.knowledge.createProcess({
      label: 'Onboarding',
      steps: ['One', 'Two', 'Three'],
    });
    expect(stepIds).toHaveLength(3);
    expect(shape(f, processId)).toEqual({
      orders: { One: 1, Two: 2, Three: 3 },
      next: ['One>Two', 'Two>Three'],
    });
    expect(f.knowledge.pipeline(processId).steps.map((s) => s.layer)).toEqual([0, 1, 2]);
    expect(f.store.history.state().undo).toEqual({ action: 'add', kind: 'process', label: 'Onboarding' });
    f.store.undo();
    expect(content(f.store)).toEqual(before);
    expect(() => f.knowledge.createProcess({ label: '   ' })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    f.close();
  });
});

describe('editProcess', () => {
  it('adds a step after another: its successors move behind it, later orders shift', () => {
    const f = setup();
    const { addedStepIds } = f.knowledge.editProcess(f.processId, [
      { op: 'addStep', label: 'B2', after: f.B, phase: 'Close' },
    ]);
    expect(addedStepIds).toHaveLength(1);
    expect(shape(f, f.processId)).toEqual({
      orders: { A: 1, B: 2, B2: 3, C: 4, D: 5 },
      next: ['A>B', 'B2>C', 'B>B2', 'C>D'],
    });
    expect(f.knowledge.pipeline(f.processId).steps.find((s) => s.label === 'B2')!.phase).toBe('Close');
    expect(f.store.history.state().undo).toEqual({ action: 'add', kind: 'step', label: 'B2' });
    f.close();
  });

  it('adds a parallel branch that joins (same order, predecessors and successors), and a step at the end', () => {
    const f = setup();
    f.knowledge.editProcess(f.processId, [
      { op: 'addStep', label: 'B′', parallelTo: f.B, responsibleRole: 'Sales rep' },
      { op: 'addStep', label: 'E' },
    ]);
    expect(shape(f, f.processId)).toEqual({
      orders: { A: 1, B: 2, 'B′': 2, C: 3, D: 4, E: 5 },
      next: ['A>B', 'A>B′', 'B>C', 'B′>C', 'C>D', 'D>E'],
    });
    const steps = f.knowledge.pipeline(f.processId).steps;
    expect(steps.filter((s) => s.layer === 1).map((s) => [s.label, s.row])).toEqual([
      ['B', 0],
      ['B′', 1],
    ]);
    // Two edits, one undo step labelled after the process.
    expect(f.store.history.state().undo).toEqual({
      action: 'batch',
      kind: 'process',
      label: 'Sales',
      count: 2,
    });
    f.close();
  });

  it('moves a step in a straight sequence (rewired) and removes one (neighbours joined, orders renumbered)', () => {
    const f = setup();
    f.knowledge.editProcess(f.processId, [{ op: 'moveStep', stepId: f.D, index: 0 }]);
    expect(shape(f, f.processId)).toEqual({
      orders: { D: 1, A: 2, B: 3, C: 4 },
      next: ['A>B', 'B>C', 'D>A'],
    });
    f.knowledge.editProcess(f.processId, [{ op: 'removeStep', stepId: f.A }]);
    expect(shape(f, f.processId)).toEqual({ orders: { D: 1, B: 2, C: 3 }, next: ['B>C', 'D>B'] });
    f.store.undo();
    f.store.undo();
    expect(shape(f, f.processId)).toEqual({
      orders: { A: 1, B: 2, C: 3, D: 4 },
      next: ['A>B', 'B>C', 'C>D'],
    });
    f.close();
  });

  it('later edits see earlier ones: connect a branch, then disconnect the old path, then update a step', () => {
    const f = setup();
    f.knowledge.editProcess(f.processId, [
      { op: 'connect', from: f.A, to: f.C },
      { op: 'disconnect', from: f.A, to: f.B },
      { op: 'updateStep', stepId: f.B, label: 'B (optional)', responsibleRole: 'Manager' },
      { op: 'updateStep', stepId: f.B, responsibleRole: null },
    ]);
    expect(shape(f, f.processId).next).toEqual(['A>C', 'B (optional)>C', 'C>D']);
    const b = f.knowledge.pipeline(f.processId).steps.find((s) => s.id === f.B)!;
    expect(b).toMatchObject({ label: 'B (optional)', responsibleRole: null, layer: 0 });
    f.close();
  });

  it('attaches required and produced knowledge and an expert; the step strength follows; detach removes', () => {
    const f = setup();
    f.knowledge.editProcess(f.processId, [
      { op: 'attach', stepId: f.A, relation: 'requires', targetId: 'K', importance: 3 },
      { op: 'attach', stepId: f.A, relation: 'consults', targetId: 'E' },
      { op: 'attach', stepId: f.A, relation: 'produces', targetId: 'K' },
    ]);
    const a = f.knowledge.pipeline(f.processId).steps.find((s) => s.id === f.A)!;
    expect(a).toMatchObject({ requires: ['K'], produces: ['K'], consults: ['E'] });
    expect(a.strength.inputs).toEqual([{ id: 'K', label: 'K', strength: expect.any(Number), importance: 3 }]);
    expect(f.store.getGraph().edges.find((e) => e.kind === 'requires')!.props).toEqual({ importance: 3 });
    // Detach then attach again with another importance: one edit of the stored edge.
    f.knowledge.editProcess(f.processId, [
      { op: 'detach', stepId: f.A, relation: 'requires', targetId: 'K' },
      { op: 'attach', stepId: f.A, relation: 'requires', targetId: 'K', importance: 1 },
      { op: 'detach', stepId: f.A, relation: 'consults', targetId: 'E' },
    ]);
    expect(
      f.store
        .getGraph()
        .edges.filter((e) => e.kind === 'requires')
        .map((e) => e.props),
    ).toEqual([{ importance: 1 }]);
    expect(f.knowledge.pipeline(f.processId).steps.find((s) => s.id === f.A)!.consults).toEqual([]);
    f.close();
  });
});

const FIRST: ProcessEdit = { op: 'addStep', label: 'first' };

describe('editProcess: bad input is refused with a clear message and writes nothing', () => {
  const cases: Array<[string, (s: ReturnType<typeof setup>) => ProcessEdit[], Record<string, unknown>]> = [
    [
      'an edge between the wrong kinds (an expert as required knowledge)',
      (s) => [{ op: 'attach', stepId: s.A, relation: 'requires', targetId: 'E' }],
      {
        code: 'edge_kind_mismatch',
        key: 'errors.attachWrongKind',
        params: { label: 'E', relation: 'requires', expected: 'knowledge' },
      },
    ],
    [
      'attaching the same item twice in one list',
      (s) => [
        { op: 'attach', stepId: s.A, relation: 'requires', targetId: 'K' },
        { op: 'attach', stepId: s.A, relation: 'requires', targetId: 'K' },
      ],
      { code: 'duplicate_edge', key: 'errors.duplicateEdge', path: ['edits', 1, 'targetId'] },
    ],
    [
      'connecting steps that are connected already',
      (s) => [{ op: 'connect', from: s.A, to: s.B }],
      { code: 'duplicate_edge', key: 'errors.duplicateEdge' },
    ],
    ['a step following itself', (s) => [{ op: 'connect', from: s.A, to: s.A }], { key: 'errors.selfLoop' }],
    [
      'disconnecting steps that are not connected',
      (s) => [{ op: 'disconnect', from: s.A, to: s.D }],
      { code: 'invalid_input', key: 'errors.notConnected' },
    ],
    [
      'detaching what is not attached',
      (s) => [{ op: 'detach', stepId: s.A, relation: 'produces', targetId: 'K' }],
      { code: 'invalid_input', key: 'errors.notAttached' },
    ],
    [
      'a step that was removed earlier in the list',
      (s) => [
        { op: 'removeStep', stepId: s.B },
        { op: 'connect', from: s.A, to: s.B },
      ],
      { code: 'not_found', path: ['edits', 1, 'to'] },
    ],
    [
      'a node that is not a step',
      () => [{ op: 'removeStep', stepId: 'K' }],
      { code: 'invalid_input', key: 'errors.notAStep' },
    ],
    [
      'both after and parallelTo',
      (s) => [{ op: 'addStep', label: 'X', after: s.A, parallelTo: s.B }],
      { code: 'invalid_input', key: 'errors.afterAndParallel' },
    ],
    [
      'moving a step of a process that branches (its orders would stop matching its flow)',
      (s) => [
        { op: 'addStep', label: 'B2', parallelTo: s.B },
        { op: 'moveStep', stepId: s.D, index: 1 },
      ],
      { code: 'invalid_input', key: 'errors.moveNeedsStraightProcess', path: ['edits', 1, 'stepId'] },
    ],
    [
      'an unknown item',
      (s) => [{ op: 'attach', stepId: s.A, relation: 'produces', targetId: 'gone' }],
      { code: 'not_found', key: 'errors.nodeNotFound' },
    ],
  ];
  for (const [name, edits, expected] of cases) {
    it(name, () => {
      const s = setup();
      s.knowledge.editProcess(s.processId, [
        { op: 'attach', stepId: s.B, relation: 'requires', targetId: 'K' },
      ]);
      const before = content(s.store);
      const undo = s.store.history.state().undo;
      expect(() => s.knowledge.editProcess(s.processId, edits(s))).toThrow(expect.objectContaining(expected));
      // An edit that would have worked before the bad one is not written either.
      expect(() => s.knowledge.editProcess(s.processId, [FIRST, ...edits(s)])).toThrow();
      expect(content(s.store)).toEqual(before);
      expect(s.store.history.state().undo).toEqual(undo);
      s.close();
    });
  }

  it('a step of another process', () => {
    const s = setup();
    const other = s.knowledge.createProcess({ label: 'Other', steps: ['X'] });
    const before = content(s.store);
    expect(() =>
      s.knowledge.editProcess(s.processId, [{ op: 'connect', from: s.A, to: other.stepIds[0]! }]),
    ).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        key: 'errors.stepNotInProcess',
        params: { step: 'X', process: 'Sales' },
        path: ['edits', 0, 'to'],
      }),
    );
    expect(content(s.store)).toEqual(before);
    s.close();
  });

  it('a step attached to a process twice (part_of through the write path) is a duplicate', () => {
    const s = setup();
    const before = content(s.store);
    expect(() => s.store.addEdge({ kind: 'part_of', source: s.A, target: s.processId })).toThrow(
      expect.objectContaining({ code: 'duplicate_edge', key: 'errors.duplicateEdge' }),
    );
    expect(content(s.store)).toEqual(before);
    s.close();
  });

  it('a `next` into a step of another process, through the write path, naming both processes', () => {
    const s = setup();
    const other = s.knowledge.createProcess({ label: 'Service', steps: ['X'] });
    const before = content(s.store);
    expect(() => s.store.addEdge({ kind: 'next', source: s.D, target: other.stepIds[0]! })).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        key: 'errors.nextAcrossProcesses',
        params: { from: 'D', to: 'X', fromProcess: 'Sales', toProcess: 'Service' },
      }),
    );
    expect(content(s.store)).toEqual(before);
    s.close();
  });

  it('a second process of the same name (NFKC, any case)', () => {
    const s = setup();
    const before = content(s.store);
    expect(() => s.knowledge.createProcess({ label: ' ｓａｌｅｓ ', steps: ['X'] })).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        key: 'errors.processNameTaken',
        params: { label: 'Sales' },
      }),
    );
    expect(content(s.store)).toEqual(before);
    // The rule is the write path's: a rename (the map's panel) and a node added on the map are held to it too.
    const other = s.knowledge.createProcess({ label: 'Service' }).processId;
    const withOther = content(s.store);
    expect(() => s.store.updateNode(other, { label: 'SALES' })).toThrow(
      expect.objectContaining({ key: 'errors.processNameTaken' }),
    );
    expect(() => s.store.addNode({ kind: 'process', label: 'service' })).toThrow(
      expect.objectContaining({ key: 'errors.processNameTaken', params: { label: 'Service' } }),
    );
    expect(content(s.store)).toEqual(withOther);
    // Its own name in other case is no clash.
    s.store.updateNode(other, { label: 'SERVICE' });
    s.close();
  });

  it('an unknown process', () => {
    const s = setup();
    expect(() => s.knowledge.editProcess('nope', [{ op: 'addStep', label: 'X' }])).toThrow(
      expect.objectContaining({ code: 'not_found', key: 'errors.processNotFound' }),
    );
    s.close();
  });
});
