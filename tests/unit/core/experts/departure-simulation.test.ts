import { describe, expect, it } from 'vitest';
import { competencyStrengths } from '../../../../main/core/analytics/competency-coverage';
import { simulateDeparture } from '../../../../main/core/analytics/departure-simulation';
import { buildGraphIndex } from '../../../../main/core/analytics/graph-index';
import { allKnowledgeStrengths } from '../../../../main/core/analytics/knowledge-strength';
import { keyPersonRisk } from '../../../../main/core/analytics/key-person-risk';
import { stepStrength } from '../../../../main/core/analytics/step-strength';
import type { GraphDto } from '../../../../preload/contract';
import { openKnowledge } from '../analytics/process-graphs';
import { edge, node } from '../../helpers';
import { SETTINGS, TODAY, cuttingIndex, cuttingRoom } from './expert-graphs';

const options = { settings: SETTINGS, today: TODAY };

/*
 * Item strengths in the cutting room, default settings (D 40, H 30, O 10, F 20; target holders 2). No item has a
 * review date, so F = 0.5 → 10 everywhere; H = min(1, Σ proficiency / 5 / 2).
 *   K1: documented 40 + H (5+2)/10 = 0.7 → 21 + owner A 10 + 10 = 81; without A: 40 + 0.2·30 = 6 + 0 + 10 = 56
 *   K2: 40 + (4+2)/10 → 18 + 10 = 68;                                 without A: 40 + 6 + 10 = 56
 *   K3: tacit, undocumented → D 0; 3/10 → 9 + 10 = 19;                without A: 10
 *   K4: 40 + (4+2)/10 → 18 + 10 = 68;                                 without A: 40 + 12 + 10 = 62
 *   K5: tacit → D 0; (3+1)/10 → 12 + 10 = 22 (A does not know it)
 *   K6: explicit/system undocumented → D 0.3 → 12; 3/10 → 9; + 10 = 31
 *   K7: tacit → 0; (4+3)/10 → 21 + 10 = 31;                           without A: 9 + 10 = 19
 */
describe('competencyStrengths', () => {
  it('rolls supporting items up the part_of tree, an item once at its largest weight', () => {
    const index = cuttingIndex();
    const s = allKnowledgeStrengths(index, options);
    const c = competencyStrengths(index, (id) => s.get(id)?.strength);
    // CS: K1 (0.5), K4 (1): (0.5·81 + 68) / 1.5 = 108.5 / 1.5 = 72.33 → 72.
    // CT: K1 (its own edge, 1 > 0.5), K2 (1), K4 (from CS, 1): (81 + 68 + 68) / 3 = 72.33 → 72. CX: none → null.
    expect(Object.fromEntries(c)).toEqual({ CT: 72, CS: 72, CX: null });
  });

  it('survives a part_of cycle and ignores items without a strength', () => {
    const g = cuttingRoom();
    g.edges.push(edge('CT', 'CS', 'part_of'));
    const index = buildGraphIndex(g);
    // Both now reach K1 (1), K2 (1), K4 (1); K2 has no strength here → (81 + 68) / 2 = 74.5 → 75 (half up).
    const strengths: Record<string, number> = { K1: 81, K4: 68 };
    const c = competencyStrengths(index, (id) => strengths[id]);
    expect(c.get('CT')).toBe(75);
    expect(c.get('CS')).toBe(75);
  });
});

describe('simulateDeparture', () => {
  it('A leaves: uncovered items, strength drops, successors and externalisation tasks', () => {
    const sim = simulateDeparture(cuttingIndex(), ['A'], options);
    expect(sim.experts).toEqual([{ id: 'A', label: 'A' }]);
    // A holds K1 5, K2 4, K3 3, K7 4 at ≥ 3. K7 keeps B at 3. K1 keeps C at 2, K2 keeps B at 2, K3 nobody.
    expect(sim.uncovered).toEqual([
      {
        id: 'K1',
        label: 'K1',
        importance: 3,
        form: 'tacit',
        documents: 1,
        bestLeft: 2,
        before: 81,
        after: 56,
      },
      {
        id: 'K2',
        label: 'K2',
        importance: 2,
        form: 'explicit',
        documents: 1,
        bestLeft: 2,
        before: 68,
        after: 56,
      },
      {
        id: 'K3',
        label: 'K3',
        importance: 1,
        form: 'tacit',
        documents: 0,
        bestLeft: 0,
        before: 19,
        after: 10,
      },
    ]);
    // Drops: K1 25, K2 12 and K7 12 (label order), K3 9, K4 6; K5 and K6 stay.
    expect(sim.items.map((i) => [i.id, i.before, i.after])).toEqual([
      ['K1', 81, 56],
      ['K2', 68, 56],
      ['K7', 31, 19],
      ['K3', 19, 10],
      ['K4', 68, 62],
    ]);
    // S1: (3·81 + 2·68) / 5 = 75.8 → 76, after (3·56 + 2·56) / 5 = 56. S2: (3·68 + 2·31) / 5 = 53.2 → 53,
    // after (3·62 + 2·31) / 5 = 49.6 → 50. S3 (K5 only) stays.
    expect(sim.steps).toEqual([
      { id: 'S1', label: 'S1', processId: 'P', processLabel: 'P', before: 76, after: 56 },
      { id: 'S2', label: 'S2', processId: 'P', processLabel: 'P', before: 53, after: 50 },
    ]);
    // CT: (56 + 56 + 62) / 3 = 58 (drop 14); CS: (0.5·56 + 62) / 1.5 = 60 (drop 12).
    expect(sim.competencies).toEqual([
      { id: 'CT', label: 'CT', before: 72, after: 58 },
      { id: 'CS', label: 'CS', before: 72, after: 60 },
    ]);
    // Successors at exactly 2: C on K1 (importance 3), B on K2 (2).
    expect(sim.successors).toEqual([
      { id: 'C', label: 'C', department: null, items: [{ id: 'K1', label: 'K1', proficiency: 2 }], score: 3 },
      {
        id: 'B',
        label: 'B',
        department: 'Cutting',
        items: [{ id: 'K2', label: 'K2', proficiency: 2 }],
        score: 2,
      },
    ]);
    // Tacit items A holds at ≥ 3: K1 (uncovered, person → master–apprentice), K3 (uncovered, case → AAR),
    // K7 (B still at 3, system → interview).
    expect(sim.tasks).toEqual([
      {
        itemId: 'K1',
        label: 'K1',
        importance: 3,
        uncovered: true,
        captureForm: 'master-apprentice',
        fromId: 'A',
        fromLabel: 'A',
        reason: { key: 'experts:task.noHolderLeft', params: { bestLeft: 2 } },
      },
      {
        itemId: 'K3',
        label: 'K3',
        importance: 1,
        uncovered: true,
        captureForm: 'after-action-review',
        fromId: 'A',
        fromLabel: 'A',
        reason: { key: 'experts:task.noHolderLeft', params: { bestLeft: 0 } },
      },
      {
        itemId: 'K7',
        label: 'K7',
        importance: 1,
        uncovered: false,
        captureForm: 'expert-interview',
        fromId: 'A',
        fromLabel: 'A',
        reason: { key: 'experts:task.fewHolders', params: { holders: 1 } },
      },
    ]);
  });

  it('A and C leave: K5 (learned at S3) is uncovered too, K1 has nobody left; duplicates count once', () => {
    const sim = simulateDeparture(cuttingIndex(), ['C', 'A', 'C'], options);
    expect(sim.experts.map((e) => e.id)).toEqual(['C', 'A']);
    // K1 imp 3; K2 imp 2 explicit and K5 imp 2 tacit → K5 first (tacit); K3 imp 1.
    expect(sim.uncovered.map((u) => [u.id, u.bestLeft])).toEqual([
      ['K1', 0],
      ['K5', 1],
      ['K2', 2],
      ['K3', 0],
    ]);
    expect(sim.successors.map((s) => [s.id, s.score])).toEqual([['B', 2]]);
    expect(sim.tasks.map((t) => [t.itemId, t.captureForm, t.fromId])).toEqual([
      ['K1', 'master-apprentice', 'A'],
      ['K5', 'after-action-review', 'C'],
      ['K3', 'after-action-review', 'A'],
      ['K7', 'expert-interview', 'A'],
    ]);
  });

  it('the best leaver is the one to capture from; an item still held at 3 by two stays covered', () => {
    const g = cuttingRoom();
    g.nodes.push(node('G', 'expert', { attritionRisk: 1 }));
    g.edges.push(edge('G', 'K7', 'knows', { proficiency: 3 }));
    // A (4) and B (3) leave; G keeps K7 at 3 → covered, fewHolders 1, captured from A.
    const sim = simulateDeparture(buildGraphIndex(g), ['B', 'A'], options);
    const k7 = sim.tasks.find((t) => t.itemId === 'K7')!;
    expect(k7).toMatchObject({ fromId: 'A', uncovered: false, reason: { params: { holders: 1 } } });
    expect(sim.uncovered.map((u) => u.id)).toEqual(['K1', 'K4', 'K2', 'K3']);
  });

  it('an item the leaver owns without knowing it loses its owner part', () => {
    const g = cuttingRoom();
    g.edges.push(edge('A', 'K6', 'owns'));
    // K6: 12 + 9 + owner 10 + 10 = 41 → 31 without A. S2: (3·68 + 2·41) / 5 = 57.2 → 57, after 49.6 → 50.
    const sim = simulateDeparture(buildGraphIndex(g), ['A'], options);
    expect(sim.items.find((i) => i.id === 'K6')).toEqual({ id: 'K6', label: 'K6', before: 41, after: 31 });
    expect(sim.steps.find((s) => s.id === 'S2')).toMatchObject({ before: 57, after: 50 });
    expect(sim.uncovered.map((u) => u.id)).not.toContain('K6');
  });

  it('an expert who holds nothing at 3 changes no coverage; an unknown id or another kind is refused', () => {
    const sim = simulateDeparture(cuttingIndex(), ['zhang'], options);
    expect(sim).toMatchObject({
      uncovered: [],
      items: [],
      steps: [],
      competencies: [],
      successors: [],
      tasks: [],
    });
    for (const value of ['nobody', 'K1'])
      expect(() => simulateDeparture(cuttingIndex(), ['A', value], options)).toThrow(
        expect.objectContaining({ code: 'not_found', key: 'errors.expertNotFound', params: { value } }),
      );
  });
});

describe('simulateDeparture equals a full recomputation over the graph without the leavers', () => {
  /** The naive reading of the method: rebuild the graph minus the leavers and recompute every strength. */
  function naive(graph: GraphDto, leavers: string[]) {
    const gone = new Set(leavers);
    const before = buildGraphIndex(graph);
    const after = buildGraphIndex({
      nodes: graph.nodes.filter((n) => !gone.has(n.id)),
      edges: graph.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
    });
    const sb = allKnowledgeStrengths(before, options);
    const sa = allKnowledgeStrengths(after, options);
    const fall = (rows: { id: string; before: number | null; after: number | null }[]) =>
      new Map(
        rows.filter((r) => r.before !== null && r.after !== null && r.after < r.before).map((r) => [r.id, r]),
      );
    const steps = before.idsOfKind('step').map((id) => ({
      id,
      before: stepStrength(before, id, sb, SETTINGS)!.strength,
      after: stepStrength(after, id, sa, SETTINGS)!.strength,
    }));
    const cb = competencyStrengths(before, (id) => sb.get(id)?.strength);
    const ca = competencyStrengths(after, (id) => sa.get(id)?.strength);
    return {
      items: fall(
        [...sb.values()].map((s) => ({ id: s.id, before: s.strength, after: sa.get(s.id)!.strength })),
      ),
      steps: fall(steps),
      competencies: fall([...cb].map(([id, b]) => ({ id, before: b, after: ca.get(id) ?? null }))),
    };
  }
  const pick = (rows: { id: string; before: number | null; after: number | null }[]) =>
    new Map(rows.map((r) => [r.id, { id: r.id, before: r.before, after: r.after }]));

  it('on the sample, for each of the five riskiest experts and for all five together', () => {
    const { store, close } = openKnowledge({ sample: true });
    const graph = store.getGraph();
    close();
    const index = buildGraphIndex(graph);
    const top = keyPersonRisk(index, { today: TODAY })
      .slice(0, 5)
      .map((r) => r.id);
    for (const leavers of [...top.map((id) => [id]), top]) {
      const sim = simulateDeparture(index, leavers, options);
      const want = naive(graph, leavers);
      expect(pick(sim.items)).toEqual(want.items);
      expect(pick(sim.steps)).toEqual(want.steps);
      expect(pick(sim.competencies)).toEqual(want.competencies);
      expect(sim.items.length).toBeGreaterThan(0);
    }
  });
});
