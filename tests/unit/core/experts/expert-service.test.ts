import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GraphOp } from '../../../../preload/contract';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { locatorQueries } from '../../../../main/core/experts/expert-service';
import { localToday } from '../../../../main/core/analytics/knowledge-strength';
import { tempDir } from '../../helpers';

const item = {
  form: 'tacit',
  existence: 'person',
  status: 'active',
  confidentiality: 'internal',
  importance: 3,
};

/** An open workspace: empty plus a small cutting room, or the bundled sample. */
function open(sample = false): WorkspaceService {
  const dir = tempDir();
  const ws = new WorkspaceService(dir, 'node', { watch: false, threads: 1 });
  ws.open(path.join(dir, 'w.wellspring'), { create: true, sample });
  if (!sample) {
    const ops: GraphOp[] = [
      { op: 'addNode', id: 'A', node: { kind: 'expert', label: '吴师傅', props: { attritionRisk: 2 } } },
      { op: 'addNode', id: 'B', node: { kind: 'expert', label: 'Ben', props: { attritionRisk: 1 } } },
      { op: 'addNode', id: 'K1', node: { kind: 'knowledge', label: '唛架排料', props: item } },
      {
        op: 'addNode',
        id: 'K2',
        node: { kind: 'knowledge', label: '放码', props: { ...item, importance: 2 } },
      },
      { op: 'addNode', id: 'CAT', node: { kind: 'category', label: '裁剪' } },
      { op: 'addNode', id: 'P', node: { kind: 'process', label: '裁剪流程' } },
      {
        op: 'addEdge',
        id: 'e1',
        edge: { kind: 'knows', source: 'A', target: 'K1', props: { proficiency: 4 } },
      },
      {
        op: 'addEdge',
        id: 'e2',
        edge: { kind: 'knows', source: 'B', target: 'K1', props: { proficiency: 2 } },
      },
      { op: 'addEdge', edge: { kind: 'classified_as', source: 'K2', target: 'CAT' } },
    ];
    ws.store.apply(ops);
  }
  return ws;
}

const knows = (ws: WorkspaceService, expert: string) =>
  Object.fromEntries(
    ws.store
      .getGraph()
      .edges.filter((e) => e.kind === 'knows' && e.source === expert)
      .map((e) => [e.target, e.props.proficiency]),
  );

describe('ExpertService.editAreas', () => {
  it('sets, adds and removes proficiencies and descriptions in ONE write that one undo takes back', () => {
    const ws = open();
    // A (attrition 2) alone at ≥ 3 on K1 (tacit, imp 3), B at 2 backs up: weight 3·2·1 = 6 → position 3
    // (6 ≤ 6 < 12) → 2 × 3 = 6.
    expect(ws.experts.risk()[0]).toMatchObject({ id: 'A', total: 6 });
    const summary = ws.experts.editAreas('A', [
      { change: 'proficiency', targetId: 'K1', proficiency: 5 },
      { change: 'proficiency', targetId: 'K2', proficiency: 3 },
      { change: 'description', targetId: 'K2', description: '放码规则按号型递推' },
      { change: 'proficiency', targetId: 'CAT', proficiency: 4 },
      { change: 'description', targetId: 'A', description: '三十年裁剪经验' },
    ]);
    expect(summary).toEqual({ action: 'batch', kind: 'expert', label: '吴师傅', count: 5 });
    expect(knows(ws, 'A')).toEqual({ K1: 5, K2: 3, CAT: 4 });
    expect(ws.store.findNode('K2')!.description).toBe('放码规则按号型递推');
    // The memo follows the graph: K2 (tacit imp 2, nobody else: 2·2·2 = 8) joins K1 (6) → score 14
    // (12 ≤ 14 < 24) → position 4 → 2 × 4 = 8.
    expect(ws.experts.risk()[0]).toMatchObject({ id: 'A', total: 8 });
    expect(ws.experts.profile('A').areas.map((a) => [a.id, a.proficiency])).toEqual([
      ['K1', 5],
      ['CAT', 4],
      ['K2', 3],
    ]);

    ws.store.undo();
    expect(knows(ws, 'A')).toEqual({ K1: 4 });
    expect(ws.store.findNode('K2')!.description).toBe('');
    expect(ws.store.findNode('A')!.description).toBe('');
    expect(ws.experts.risk()[0]).toMatchObject({ id: 'A', total: 6 });

    const removed = ws.experts.editAreas('A', [{ change: 'proficiency', targetId: 'K1', proficiency: null }]);
    expect(removed).toEqual({ action: 'disconnect', kind: 'knows', label: '吴师傅 → 唛架排料' });
    expect(knows(ws, 'A')).toEqual({});
    ws.close();
  });

  it('refuses bad values naming them, and writes nothing', () => {
    const ws = open();
    const before = JSON.stringify(ws.store.getGraph());
    const refused = [
      [
        [
          { change: 'proficiency', targetId: 'K2', proficiency: 3 },
          { change: 'proficiency', targetId: 'K1', proficiency: 6 },
        ],
        {
          code: 'invalid_input',
          key: 'errors.proficiencyOutOfRange',
          params: { value: '6' },
          path: ['changes', 1, 'proficiency'],
        },
      ],
      [
        [{ change: 'proficiency', targetId: 'K1', proficiency: 2.5 }],
        { key: 'errors.proficiencyOutOfRange', params: { value: '2.5' } },
      ],
      [
        [{ change: 'proficiency', targetId: 'K1', proficiency: 0 }],
        { key: 'errors.proficiencyOutOfRange', params: { value: '0' } },
      ],
      [
        [{ change: 'proficiency', targetId: 'P', proficiency: 3 }],
        {
          code: 'invalid_input',
          key: 'errors.areaTargetKind',
          params: { label: '裁剪流程', nodeKind: 'process' },
        },
      ],
      [
        // K2 is not an area of A (yet): describing it is refused.
        [{ change: 'description', targetId: 'K2', description: 'x' }],
        { code: 'invalid_input', key: 'errors.descriptionTarget', params: { label: '放码' } },
      ],
      [
        [{ change: 'proficiency', targetId: 'nope', proficiency: 3 }],
        { code: 'not_found', key: 'errors.nodeNotFound', params: { id: 'nope' } },
      ],
    ] as const;
    for (const [changes, error] of refused)
      expect(() => ws.experts.editAreas('A', changes as never)).toThrow(expect.objectContaining(error));
    expect(() =>
      ws.experts.editAreas('K1', [{ change: 'description', targetId: 'K1', description: 'x' }]),
    ).toThrow(
      expect.objectContaining({ code: 'not_found', key: 'errors.expertNotFound', params: { value: 'K1' } }),
    );
    // Setting what is already there writes nothing either.
    expect(() =>
      ws.experts.editAreas('A', [{ change: 'proficiency', targetId: 'K1', proficiency: 4 }]),
    ).toThrow(expect.objectContaining({ key: 'errors.noOps' }));
    expect(JSON.stringify(ws.store.getGraph())).toBe(before);
    ws.close();
  });
});

describe('ExpertService.setRisk', () => {
  it('sets and clears the risk inputs in one undoable write; bad leaving dates write nothing', () => {
    const ws = open();
    const year = Number(localToday().slice(0, 4));
    const soon = `${year + 1}-01-01`; // at most 366 days away → 5.
    expect(
      ws.experts.setRisk('A', {
        expectedLeaving: soon,
        positionRiskOverride: 5,
        positionRiskNote: '唯一的唛架师',
      }),
    ).toEqual({ action: 'edit', kind: 'expert', label: '吴师傅' });
    expect(ws.experts.risk()[0]).toMatchObject({
      id: 'A',
      attrition: { factor: 5, source: 'leaving-date', expectedLeaving: soon },
      position: { factor: 5, computed: 3, override: 5, note: '唯一的唛架师' },
      total: 25,
      band: 'high',
    });
    ws.experts.setRisk('A', { expectedLeaving: null, positionRiskOverride: null, attritionRisk: 4 });
    expect(ws.store.findNode('A')!.props).toEqual({ attritionRisk: 4, positionRiskNote: '唯一的唛架师' });
    ws.store.undo();
    expect(ws.store.findNode('A')!.props).toMatchObject({ attritionRisk: 2, expectedLeaving: soon });

    const before = JSON.stringify(ws.store.getGraph());
    expect(() => ws.experts.setRisk('A', { expectedLeaving: '2020-01-01' })).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        key: 'errors.leavingDateInPast',
        params: expect.objectContaining({ value: '2020-01-01' }),
      }),
    );
    expect(() => ws.experts.setRisk('A', { expectedLeaving: '2027-02-30' })).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        key: 'errors.leavingDateMalformed',
        params: { value: '2027-02-30' },
      }),
    );
    expect(() => ws.experts.setRisk('nobody', { attritionRisk: 3 })).toThrow(
      expect.objectContaining({ code: 'not_found', params: { value: 'nobody' } }),
    );
    expect(JSON.stringify(ws.store.getGraph())).toBe(before);
    ws.close();
  });
});

describe('ExpertService.locate', () => {
  it('finds by text, by a picked category (its items too), and refuses a picked id of another kind', () => {
    const ws = open();
    const r = ws.experts.locate({ query: '唛架' });
    expect(r.matches).toEqual([{ id: 'K1', kind: 'knowledge', label: '唛架排料', via: 'search' }]);
    // A: 0.6·4/5 + 0.25 + 0.15·0.75 = 0.8425; B: 0.6·2/5 + 0.25 + 0.1125 = 0.6025.
    expect(r.experts.map((e) => [e.id, e.score])).toEqual([
      ['A', expect.closeTo(0.8425, 10)],
      ['B', expect.closeTo(0.6025, 10)],
    ]);
    const picked = ws.experts.locate({ categoryIds: ['CAT'] });
    expect(picked.matches.map((m) => [m.id, m.via])).toEqual([
      ['CAT', 'picked'],
      ['K2', 'category'],
    ]);
    expect(picked.experts).toEqual([]);
    // A category found by the text brings its items too (the process 裁剪流程 is no area and is not searched).
    expect(ws.experts.locate({ query: '裁剪' }).matches.map((m) => [m.id, m.via])).toEqual([
      ['CAT', 'search'],
      ['K2', 'category'],
    ]);
    // Several words that no single area names: who knows any of them (each word searched on its own).
    expect(ws.experts.locate({ query: '唛架 裁剪' }).matches.map((m) => [m.id, m.via])).toEqual([
      ['K1', 'search'],
      ['CAT', 'search'],
      ['K2', 'category'],
    ]);
    expect(locatorQueries(' 唛架  裁剪 唛架 ')).toEqual(['唛架  裁剪 唛架', '唛架', '裁剪']);
    expect(locatorQueries('"marker making"')).toEqual(['"marker making"']);
    expect(ws.experts.locate({ query: '  ' })).toEqual({ matches: [], experts: [] });
    expect(() => ws.experts.locate({ itemIds: ['P'] })).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        key: 'errors.areaTargetKind',
        params: { label: '裁剪流程', nodeKind: 'process' },
      }),
    );
    ws.close();
  });
});

describe('ExpertService on the bundled sample', () => {
  it('the story holds: the top of the ranking is high risk and its departure uncovers tacit know-how', () => {
    const ws = open(true);
    const risk = ws.experts.risk();
    expect(risk.length).toBeGreaterThan(3);
    expect(risk.map((r) => r.rank)).toEqual(risk.map((_, i) => i + 1));
    for (let i = 1; i < risk.length; i++) expect(risk[i - 1]!.total).toBeGreaterThanOrEqual(risk[i]!.total);
    const top = risk[0]!;
    expect(top.band).toBe('high');
    expect(top.position.criteria.some((c) => c.form === 'tacit')).toBe(true);

    const sim = ws.experts.simulate([top.id]);
    // Every sole criterion of the top expert is uncovered by their departure, and nothing else is.
    expect(new Set(sim.uncovered.map((u) => u.id))).toEqual(
      new Set(top.position.criteria.map((c) => c.itemId)),
    );
    for (const u of sim.uncovered) expect(u.bestLeft).toBeLessThan(3);
    expect(sim.items.length).toBeGreaterThan(0);
    for (const i of sim.items) expect(i.after!).toBeLessThan(i.before!);
    expect(sim.tasks.filter((t) => t.uncovered).length).toBe(
      sim.uncovered.filter((u) => u.form === 'tacit').length,
    );

    // The directory agrees with the ranking; the heat map lists every expert.
    const dir = ws.experts.directory();
    expect(dir.length).toBe(risk.length);
    expect(dir.find((r) => r.id === top.id)).toMatchObject({
      total: top.total,
      soleItems: top.position.criteria.length,
    });
    expect(ws.experts.heatmap().experts.length).toBe(risk.length);
    ws.close();
  });

  it('the locator finds the marker maker for a Chinese query and an English alias', () => {
    const ws = open(true);
    const graph = ws.store.getGraph();
    const marker = graph.nodes.find((n) => n.kind === 'knowledge' && n.label.includes('唛架'));
    expect(marker).toBeDefined();
    // The best holder of that item, read from the graph.
    const holders = graph.edges
      .filter((e) => e.kind === 'knows' && e.target === marker!.id)
      .sort((a, b) => (b.props.proficiency as number) - (a.props.proficiency as number));
    const best = holders[0]!.source;
    for (const query of ['排料', '唛架', 'marker making']) {
      const r = ws.experts.locate({ query });
      expect(r.matches.map((m) => m.id)).toContain(marker!.id);
      expect(r.experts[0]!.id).toBe(best);
    }
    ws.close();
  });
});
