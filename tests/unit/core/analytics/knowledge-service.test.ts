import { describe, expect, it } from 'vitest';
import { DEFAULT_STRENGTH_SETTINGS } from '../../../../main/core/analytics/strength-settings';
import { CAPABLE_PROFICIENCY } from '../../../../main/core/analytics/gaps';
import { openKnowledge } from './process-graphs';

describe('KnowledgeService: strength settings', () => {
  it('reads the defaults, stores valid settings, emits strength:did-change, and a new service reads them back', () => {
    const { knowledge, events, make, close } = openKnowledge();
    expect(knowledge.settings()).toEqual(DEFAULT_STRENGTH_SETTINGS);
    const next = {
      ...DEFAULT_STRENGTH_SETTINGS,
      weights: { documentation: 10, holders: 60, owner: 0, freshness: 30 },
    };
    expect(knowledge.updateSettings(next)).toEqual(next);
    expect(events).toEqual(['strength:did-change']);
    expect(make().settings()).toEqual(next);
    close();
  });

  it('refuses a weight outside 0–100 naming the field, and writes nothing', () => {
    const { knowledge, events, make, close } = openKnowledge();
    const bad = {
      ...DEFAULT_STRENGTH_SETTINGS,
      weights: { ...DEFAULT_STRENGTH_SETTINGS.weights, documentation: 150 },
    };
    expect(() => knowledge.updateSettings(bad)).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        message: 'weights.documentation must be 0–100.',
        path: ['weights', 'documentation'],
        key: 'errors.strengthOutOfRange',
        params: { field: 'weights.documentation', min: 0, max: 100 },
      }),
    );
    expect(() =>
      knowledge.updateSettings({ ...DEFAULT_STRENGTH_SETTINGS, weakBelow: 80, strongFrom: 70 }),
    ).toThrow(expect.objectContaining({ code: 'invalid_input', key: 'errors.strengthThresholds' }));
    const zero = {
      ...DEFAULT_STRENGTH_SETTINGS,
      weights: { documentation: 0, holders: 0, owner: 0, freshness: 0 },
    };
    expect(() => knowledge.updateSettings(zero)).toThrow(
      expect.objectContaining({ key: 'errors.strengthNoWeight' }),
    );
    expect(events).toEqual([]);
    expect(make().settings()).toEqual(DEFAULT_STRENGTH_SETTINGS);
    close();
  });

  it('changing the weights changes the strengths (memo dropped)', () => {
    const { knowledge, close } = openKnowledge({ sample: true });
    const before = knowledge.itemStrengths();
    knowledge.updateSettings({
      ...DEFAULT_STRENGTH_SETTINGS,
      weights: { documentation: 0, holders: 0, owner: 1, freshness: 0 },
    });
    const after = knowledge.itemStrengths();
    expect(after.map((s) => s.strength)).toEqual(after.map((s) => (s.inputs.owners.length ? 100 : 0)));
    expect(after.map((s) => s.strength)).not.toEqual(before.map((s) => s.strength));
    close();
  });
});

describe('KnowledgeService on the sample workspace', () => {
  it('step strengths are the weighted means of the item strengths it reports', () => {
    const { knowledge, close } = openKnowledge({ sample: true });
    const items = new Map(knowledge.itemStrengths().map((s) => [s.id, s.strength]));
    const steps = knowledge.stepStrengths('sample:pr-sales');
    expect(steps).toHaveLength(9);
    for (const s of steps) {
      const w = s.inputs.reduce((a, i) => a + i.importance, 0);
      const expected = w
        ? Math.round(s.inputs.reduce((a, i) => a + i.importance * items.get(i.id)!, 0) / w)
        : null;
      expect(s.strength).toBe(expected);
    }
    close();
  });

  it('the gaps of the sales process follow from the inputs of each item, and a graph change shows at once', () => {
    const { knowledge, store, close } = openKnowledge({ sample: true });
    const rows = knowledge.gaps('sample:pr-sales');
    expect(rows.length).toBeGreaterThan(0);
    const items = new Map(knowledge.itemStrengths().map((s) => [s.id, s]));
    for (const r of rows) {
      const s = items.get(r.itemId)!;
      expect(r.processLabel).toBe('团体定制销售流程');
      expect(r.reasons.includes('undocumented')).toBe(s.inputs.documents === 0);
      expect(r.reasons.includes('single-holder')).toBe(s.inputs.holders.length === 1);
      expect(r.reasons.includes('unheld')).toBe(
        !s.inputs.holders.some((h) => h.proficiency >= CAPABLE_PROFICIENCY),
      );
      expect(r.reasons.includes('weak')).toBe(s.strength < 40);
    }
    const orders = rows.map((r) => r.stepOrder);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    // Documenting an undocumented gap item removes that reason at once (the write path invalidates the cache).
    const row = rows.find((r) => r.reasons.includes('undocumented'))!;
    const doc = store.addNode({ kind: 'document', label: 'SOP', props: { path: '/x/sop.pdf' } });
    store.addEdge({ kind: 'documented_by', source: row.itemId, target: doc.id, props: { page: 2 } });
    const again = knowledge
      .gaps('sample:pr-sales')
      .find((r) => r.itemId === row.itemId && r.stepId === row.stepId);
    expect(again?.reasons ?? []).not.toContain('undocumented');
    expect(knowledge.itemStrengths([row.itemId])[0]!.strength).toBeGreaterThan(
      items.get(row.itemId)!.strength,
    );
    close();
  });

  it('names an unknown process and a node of another kind', () => {
    const { knowledge, close } = openKnowledge({ sample: true });
    expect(() => knowledge.gaps('nope')).toThrow(
      expect.objectContaining({ code: 'not_found', key: 'errors.processNotFound' }),
    );
    expect(() => knowledge.stepStrengths('sample:ex-chen-jingyi')).toThrow(
      expect.objectContaining({ code: 'invalid_input', key: 'errors.notAProcess' }),
    );
    close();
  });
});

describe('KnowledgeService: processes, pipelines and step details on the sample', () => {
  it('lists the four processes with their steps; pipeline and step detail agree with the graph', () => {
    const { knowledge, store, close } = openKnowledge({ sample: true });
    const list = knowledge.processes();
    expect(list.map((p) => p.id).sort()).toEqual(
      ['sample:pr-after-sales', 'sample:pr-manufacturing', 'sample:pr-rnd', 'sample:pr-sales'].sort(),
    );
    const sales = list.find((p) => p.id === 'sample:pr-sales')!;
    expect(sales.stepCount).toBe(9);
    const steps = knowledge
      .stepStrengths('sample:pr-sales')
      .map((s) => s.strength)
      .filter((s) => s !== null);
    expect(sales.strength).toBe(Math.round(steps.reduce((a, b) => a + b, 0) / steps.length));

    const pipeline = knowledge.pipeline('sample:pr-sales');
    expect(pipeline.steps).toHaveLength(9);
    const graph = store.getGraph();
    for (const s of pipeline.steps) {
      const required = graph.edges
        .filter((e) => e.kind === 'requires' && e.source === s.id)
        .map((e) => e.target);
      expect([...s.requires, ...s.templates].sort()).toEqual([...new Set(required)].sort());
      for (const t of s.next) expect(pipeline.steps.find((x) => x.id === t)!.layer).toBeGreaterThan(s.layer);
    }
    const first = pipeline.steps[0]!;
    const detail = knowledge.stepDetail(first.id);
    expect(detail.processId).toBe('sample:pr-sales');
    expect(detail.step).toEqual(first);
    const docs = graph.edges.filter(
      (e) => e.kind === 'documented_by' && [...first.requires, ...first.templates].includes(e.source),
    );
    expect(detail.read).toHaveLength(docs.length);
    for (const c of detail.consult) expect(c.score).toBeLessThanOrEqual(1);
    close();
  });

  it('a step detail of a node that is not a step, or an unknown id, is refused with a translated message', () => {
    const { knowledge, close } = openKnowledge({ sample: true });
    expect(() => knowledge.stepDetail('sample:pr-sales')).toThrow(
      expect.objectContaining({ key: 'errors.notAStep' }),
    );
    expect(() => knowledge.stepDetail('gone')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => knowledge.pipeline('gone')).toThrow(
      expect.objectContaining({ key: 'errors.processNotFound' }),
    );
    close();
  });
});
