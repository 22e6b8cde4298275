import { describe, expect, it } from 'vitest';
import { attritionRisk } from '../../../../main/core/analytics/attrition-risk';
import { keyPersonRisk, riskBand } from '../../../../main/core/analytics/key-person-risk';
import { positionFactor, positionRisk } from '../../../../main/core/analytics/position-risk';
import { buildGraphIndex } from '../../../../main/core/analytics/graph-index';
import { edge, node } from '../../helpers';
import { TODAY, cuttingIndex, cuttingRoom } from './expert-graphs';

describe('attritionRisk (IAEA bands of years left)', () => {
  const at = (expectedLeaving?: string) =>
    attritionRisk({ attritionRisk: 2, ...(expectedLeaving ? { expectedLeaving } : {}) }, TODAY);

  it('without a date: the entered factor', () => {
    expect(at()).toEqual({
      factor: 2,
      source: 'entered',
      expectedLeaving: null,
      yearsLeft: null,
      datePassed: false,
    });
  });

  it('bands at their edges (days / 365.25)', () => {
    // 2027-01-10 → 2028-01-10: 365 days = 0.9993 years ≤ 1 → 5; one day more, 366 / 365.25 = 1.002 → 4.
    expect(at('2028-01-10')).toMatchObject({
      factor: 5,
      yearsLeft: 1,
      source: 'leaving-date',
      datePassed: false,
    });
    expect(at('2028-01-11')).toMatchObject({ factor: 4, yearsLeft: 1 });
    // 730 days = 1.9986 → 4; 731 = 2.0014 → 3.
    expect(at('2029-01-09').factor).toBe(4);
    expect(at('2029-01-10').factor).toBe(3);
    // 3 years: 1095 days (2027-01-10 → 2030-01-09) = 2.998 → 3; 1097 = 3.003 → 2.
    expect(at('2030-01-09').factor).toBe(3);
    expect(at('2030-01-11').factor).toBe(2);
    // 5 years: 2027-01-10 → 2032-01-10 is 1826 days = 4.9993 → 2; 2032-01-11 is 1827 = 5.002 → 1.
    expect(at('2032-01-10')).toMatchObject({ factor: 2, yearsLeft: 5 });
    expect(at('2032-01-11').factor).toBe(1);
    expect(at('2040-06-01')).toMatchObject({ factor: 1, yearsLeft: 13.4 });
  });

  it('today → 5 (0 years left); a date already past → 5 with datePassed', () => {
    expect(at(TODAY)).toMatchObject({ factor: 5, yearsLeft: 0, datePassed: false });
    // 2026-12-10 is 31 days before: −0.0849 years → −0.1.
    expect(at('2026-12-10')).toEqual({
      factor: 5,
      source: 'leaving-date',
      expectedLeaving: '2026-12-10',
      yearsLeft: -0.1,
      datePassed: true,
    });
  });
});

describe('positionRisk', () => {
  it('factor bands of the score', () => {
    expect([0, 1, 5, 6, 11, 12, 23, 24, 40].map(positionFactor)).toEqual([1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('A: sole capable holder of K1 (backup C at 2), K2 (backup B at 2) and K3 (nobody else)', () => {
    // K1 tacit imp 3, C at 2 → not hard: 3·2·1 = 6. K3 tacit imp 1, nobody → hard: 1·2·2 = 4.
    // K2 explicit imp 2, B at 2 → 2·1·1 = 2. K4 (A at 2) and K7 (B at 3) are no criteria.
    // Score 6 + 4 + 2 = 12: the lower edge of 4 (12 ≤ 12 < 24).
    const r = positionRisk(cuttingIndex(), 'A');
    expect(r).toMatchObject({ factor: 4, computed: 4, override: null, note: null, score: 12 });
    expect(r.criteria).toEqual([
      {
        itemId: 'K1',
        label: 'K1',
        proficiency: 5,
        importance: 3,
        form: 'tacit',
        hardToReplace: false,
        weight: 6,
      },
      {
        itemId: 'K3',
        label: 'K3',
        proficiency: 3,
        importance: 1,
        form: 'tacit',
        hardToReplace: true,
        weight: 4,
      },
      {
        itemId: 'K2',
        label: 'K2',
        proficiency: 4,
        importance: 2,
        form: 'explicit',
        hardToReplace: false,
        weight: 2,
      },
    ]);
  });

  it('B: K4 explicit imp 3 with A at 2 → 3, score 3 → 2; E: K6 explicit imp 3, nobody else → 6 → 3', () => {
    const index = cuttingIndex();
    // B: K4 3·1·1 = 3 (A backs up at 2; K7 has A at 4, K2 and K5 are below 3): 0 < 3 < 6 → 2.
    expect(positionRisk(index, 'B')).toMatchObject({ factor: 2, score: 3 });
    expect(positionRisk(index, 'B').criteria.map((c) => c.itemId)).toEqual(['K4']);
    // E: the same importance and form, but nobody else knows K6 at all: 3·1·2 = 6, the lower edge of 3 (6 ≤ 6 < 12).
    expect(positionRisk(index, 'E')).toMatchObject({ factor: 3, score: 6 });
    expect(positionRisk(index, 'E').criteria).toEqual([
      expect.objectContaining({ itemId: 'K6', hardToReplace: true, weight: 6 }),
    ]);
  });

  it('C: K5 tacit imp 2, B only at 1 → hard: 2·2·2 = 8 → computed 3, override 2 used, note kept', () => {
    // 6 ≤ 8 < 12 → computed 3; the override 2 set by hand is the factor used.
    expect(positionRisk(cuttingIndex(), 'C')).toMatchObject({
      factor: 2,
      computed: 3,
      override: 2,
      note: 'retrained as planner',
      score: 8,
    });
  });

  it('nobody at 3 for an expert who knows nothing; two edges to one item count once, at the best', () => {
    const g = cuttingRoom();
    expect(positionRisk(buildGraphIndex(g), 'zhang')).toMatchObject({ factor: 1, score: 0, criteria: [] });
    // E's second edge to K6 at 2 changes nothing; a second edge of B to K4 at 5 keeps one criterion at 5.
    g.edges.push(edge('E', 'K6', 'knows', { proficiency: 2 }), edge('B', 'K4', 'knows', { proficiency: 5 }));
    const index = buildGraphIndex(g);
    expect(positionRisk(index, 'E').criteria).toEqual([
      expect.objectContaining({ itemId: 'K6', proficiency: 3 }),
    ]);
    expect(positionRisk(index, 'B').criteria).toEqual([
      expect.objectContaining({ itemId: 'K4', proficiency: 5 }),
    ]);
  });

  it('a category known is not a criterion; an unknown id is refused naming it', () => {
    const g = cuttingRoom();
    g.nodes.push(node('F', 'expert', { attritionRisk: 1 }));
    g.edges.push(edge('F', 'CAT1', 'knows', { proficiency: 5 }));
    expect(positionRisk(buildGraphIndex(g), 'F').score).toBe(0);
    expect(() => positionRisk(buildGraphIndex(g), 'K1')).toThrow(
      expect.objectContaining({ code: 'not_found', key: 'errors.expertNotFound', params: { value: 'K1' } }),
    );
  });
});

describe('keyPersonRisk', () => {
  it('bands: high ≥ 16, medium 10–15, low < 10', () => {
    expect([25, 16, 15, 10, 9, 1].map(riskBand)).toEqual(['high', 'high', 'medium', 'medium', 'low', 'low']);
  });

  it('ranks total desc, then position factor, then label in pinyin order', () => {
    // A: leaves in 171 days → 5 × 4 (score 12) = 20 (high). E: 2 × 3 (score 6) = 6 and B: 3 × 2 (score 3) = 6
    // → E first (position 3 > 2, before attrition 3 > 2 could count).
    // C: 1 × override 2 = 2. 李 (li) and 张 (zhang): 1 × 1 — pinyin puts 李 first (code points would not).
    const rows = keyPersonRisk(cuttingIndex(), { today: TODAY });
    expect(
      rows.map((r) => [r.rank, r.label, r.attrition.factor, r.position.factor, r.total, r.band]),
    ).toEqual([
      [1, 'A', 5, 4, 20, 'high'],
      [2, 'E', 2, 3, 6, 'low'],
      [3, 'B', 3, 2, 6, 'low'],
      [4, 'C', 1, 2, 2, 'low'],
      [5, '李', 1, 1, 1, 'low'],
      [6, '张', 1, 1, 1, 'low'],
    ]);
    expect(rows[0]).toMatchObject({ id: 'A', title: 'Master cutter', department: 'Cutting' });
    expect(rows[0]!.attrition).toMatchObject({ source: 'leaving-date', yearsLeft: 0.5 });
  });

  it('equal total, position and attrition factors: the larger position score first, before the label', () => {
    const g = cuttingRoom();
    const item = (form: 'explicit' | 'tacit', importance: number) => ({
      form,
      existence: 'person',
      status: 'active',
      confidentiality: 'internal',
      importance,
    });
    g.nodes.push(node('K8', 'knowledge', item('explicit', 3)), node('K9', 'knowledge', item('tacit', 2)));
    g.edges.push(
      edge('li', 'K8', 'knows', { proficiency: 3 }),
      edge('zhang', 'K9', 'knows', { proficiency: 4 }),
    );
    // 李: K8 explicit imp 3, nobody else → 3·1·2 = 6 → 3. 张: K9 tacit imp 2, nobody else → 2·2·2 = 8 → 3.
    // Both 1 × 3 = 3 (low): 张 first (score 8 > 6), though pinyin puts 李 first. C (1 × override 2 = 2) after them.
    const rows = keyPersonRisk(buildGraphIndex(g), { today: TODAY });
    expect(
      rows.map((r) => [r.rank, r.label, r.attrition.factor, r.position.factor, r.position.score, r.total]),
    ).toEqual([
      [1, 'A', 5, 4, 12, 20],
      [2, 'E', 2, 3, 6, 6],
      [3, 'B', 3, 2, 3, 6],
      [4, '张', 1, 3, 8, 3],
      [5, '李', 1, 3, 6, 3],
      [6, 'C', 1, 2, 8, 2],
    ]);
  });

  it('a leaving date moves an expert up; an entered 5 with a big position gives a medium-to-high total', () => {
    const g = cuttingRoom();
    const e = g.nodes.find((n) => n.id === 'E')!;
    e.props = { attritionRisk: 1, expectedLeaving: '2027-12-31' };
    const rows = keyPersonRisk(buildGraphIndex(g), { today: TODAY });
    // E: 355 days → 5 × 3 (K6 alone, score 6) = 15 (medium), second after A (20); B stays at 3 × 2 = 6.
    expect(rows.slice(0, 2).map((r) => [r.id, r.total, r.band])).toEqual([
      ['A', 20, 'high'],
      ['E', 15, 'medium'],
    ]);
  });
});
