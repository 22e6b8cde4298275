import { describe, expect, it } from 'vitest';
import type { LocatorMatch } from '../../../../preload/contract';
import { expertProfile, expertRows } from '../../../../main/core/analytics/expert-directory';
import { rankExperts } from '../../../../main/core/analytics/expertise-locator';
import { buildGraphIndex } from '../../../../main/core/analytics/graph-index';
import { keyPersonRisk } from '../../../../main/core/analytics/key-person-risk';
import { allKnowledgeStrengths } from '../../../../main/core/analytics/knowledge-strength';
import { proficiencyHeatmap } from '../../../../main/core/analytics/proficiency-heatmap';
import { edge, node } from '../../helpers';
import { SETTINGS, TODAY, cuttingIndex, cuttingRoom } from './expert-graphs';

describe('proficiencyHeatmap', () => {
  it('best proficiency per expert and top-level category, over the category tree and its items', () => {
    const h = proficiencyHeatmap(cuttingIndex());
    expect(h.categories).toEqual([
      { id: 'CAT1', label: 'CAT1' },
      { id: 'CAT2', label: 'CAT2' },
    ]);
    // zh-CN collation: Han first, in pinyin order (li before zhang, though 张 has the lower code point), then Latin.
    expect(h.experts.map((e) => e.label)).toEqual(['李', '张', 'A', 'B', 'C', 'E']);
    // CAT1 holds CAT1a, K2 (direct) and K1, K4 (via CAT1a); CAT2 holds K3, K5.
    // A: K1 5, K2 4, K4 2 → 5 over 3; K3 3 → 3 over 1. B: K2 2, K4 4 → 4 over 2; CAT2 itself 4, K5 1 → 4 over 2.
    // C: K1 2 → 2; K5 3 → 3. E knows only K6 (unclassified): no cell.
    expect(h.cells).toEqual([
      { expertId: 'A', categoryId: 'CAT1', proficiency: 5, items: 3 },
      { expertId: 'A', categoryId: 'CAT2', proficiency: 3, items: 1 },
      { expertId: 'B', categoryId: 'CAT1', proficiency: 4, items: 2 },
      { expertId: 'B', categoryId: 'CAT2', proficiency: 4, items: 2 },
      { expertId: 'C', categoryId: 'CAT1', proficiency: 2, items: 1 },
      { expertId: 'C', categoryId: 'CAT2', proficiency: 3, items: 1 },
    ]);
  });

  it('an item in two trees counts in both; an item known twice counts once', () => {
    const g = cuttingRoom();
    g.edges.push(edge('K3', 'CAT1a', 'classified_as'), edge('A', 'K1', 'knows', { proficiency: 3 }));
    const cells = proficiencyHeatmap(buildGraphIndex(g)).cells.filter((c) => c.expertId === 'A');
    expect(cells).toEqual([
      { expertId: 'A', categoryId: 'CAT1', proficiency: 5, items: 4 },
      { expertId: 'A', categoryId: 'CAT2', proficiency: 3, items: 1 },
    ]);
  });
});

describe('rankExperts', () => {
  const matches: LocatorMatch[] = [
    { id: 'K1', kind: 'knowledge', label: 'K1', via: 'search' },
    { id: 'CAT2', kind: 'category', label: 'CAT2', via: 'search' },
    { id: 'K3', kind: 'knowledge', label: 'K3', via: 'category' },
    { id: 'K5', kind: 'knowledge', label: 'K5', via: 'category' },
  ];

  it('scores proficiency, breadth and availability, with a one-line reason', () => {
    const hits = rankExperts(cuttingIndex(), matches, 10);
    // 4 areas. A: K1 5, K3 3 → 0.6·5/5 + 0.25·2/4 + 0.15·1 = 0.875.
    // B: CAT2 4, K5 1, limited → 0.48 + 0.125 + 0.075 = 0.68. C: K5 3, K1 2, unavailable → 0.36 + 0.125 = 0.485.
    expect(hits.map((h) => h.id)).toEqual(['A', 'B', 'C']);
    expect(hits.map((h) => h.score)).toEqual([
      expect.closeTo(0.875, 10),
      expect.closeTo(0.68, 10),
      expect.closeTo(0.485, 10),
    ]);
    expect(hits[0]).toMatchObject({
      bestProficiency: 5,
      matched: 2,
      availability: 'available',
      title: 'Master cutter',
      knows: [
        { id: 'K1', label: 'K1', proficiency: 5 },
        { id: 'K3', label: 'K3', proficiency: 3 },
      ],
      reasons: [
        { key: 'experts:locate.proficiency', params: { best: 5, label: 'K1' } },
        { key: 'experts:locate.breadth', params: { known: 2, total: 4 } },
        { key: 'experts:locate.available', params: {} },
      ],
    });
    expect(hits[1]!.reasons[0]).toEqual({
      key: 'experts:locate.proficiency',
      params: { best: 4, label: 'CAT2' },
    });
    expect(hits[2]!.reasons[2]!.key).toBe('experts:locate.unavailable');
  });

  it('unknown availability counts 0.75; ties go by label; the limit cuts', () => {
    const only: LocatorMatch[] = [{ id: 'K6', kind: 'knowledge', label: 'K6', via: 'picked' }];
    const g = cuttingRoom();
    g.nodes.push(node('D', 'expert', { attritionRisk: 1 }));
    g.edges.push(edge('D', 'K6', 'knows', { proficiency: 3 }));
    // E and D: 0.6·3/5 + 0.25·1/1 + 0.15·0.75 = 0.36 + 0.25 + 0.1125 = 0.7225 each → D before E.
    const hits = rankExperts(buildGraphIndex(g), only, 10);
    expect(hits.map((h) => [h.id, h.reasons[2]!.key])).toEqual([
      ['D', 'experts:locate.availabilityUnknown'],
      ['E', 'experts:locate.availabilityUnknown'],
    ]);
    expect(hits[0]!.score).toBeCloseTo(0.7225, 10);
    expect(rankExperts(buildGraphIndex(g), only, 1).map((h) => h.id)).toEqual(['D']);
    expect(rankExperts(cuttingIndex(), [], 10)).toEqual([]);
  });
});

describe('expert directory and profile', () => {
  const index = cuttingIndex();
  const risk = new Map(keyPersonRisk(index, { today: TODAY }).map((r) => [r.id, r]));

  it('rows in the order of the risk ranking, with what each holds', () => {
    const rows = expertRows(index, risk);
    // A 5 × 4 (score 12) = 20; B 3 × 2 (score 3) = 6 and E 2 × 3 (score 6) = 6: E first on its position factor,
    // as in the ranking (the directory never disagrees with it); C 1 × override 2 = 2; 李, 张 1 × 1.
    expect(rows.map((r) => r.id)).toEqual(
      [...risk.values()].sort((a, b) => a.rank - b.rank).map((r) => r.id),
    );
    expect(rows.map((r) => [r.id, r.total])).toEqual([
      ['A', 20],
      ['E', 6],
      ['B', 6],
      ['C', 2],
      ['li', 1],
      ['zhang', 1],
    ]);
    // A knows K1 K2 K3 K4 K7; at ≥ 3: K1 K2 K3 K7; alone at ≥ 3: K1 K2 K3; consulted by S2.
    expect(rows[0]).toEqual({
      id: 'A',
      label: 'A',
      aliases: [],
      title: 'Master cutter',
      department: 'Cutting',
      units: [],
      contact: null,
      availability: 'available',
      items: 5,
      categories: 0,
      capableItems: 4,
      soleItems: 3,
      consultedBy: 1,
      attrition: 5,
      position: 4,
      total: 20,
      band: 'high',
    });
    expect(rows.find((r) => r.id === 'B')).toMatchObject({
      items: 4,
      categories: 1,
      capableItems: 2,
      soleItems: 1,
      consultedBy: 0,
    });
  });

  it('the profile lists areas, owned items, their documents and the steps that consult the expert', () => {
    const strengths = allKnowledgeStrengths(index, { settings: SETTINGS, today: TODAY });
    const p = expertProfile(index, 'A', { risk, strengths });
    expect(
      p.areas.map((a) => [a.id, a.proficiency, a.strength, a.categories, a.othersCapable, a.othersAtTwo]),
    ).toEqual([
      ['K1', 5, 81, ['CAT1a'], 0, 1],
      ['K2', 4, 68, ['CAT1'], 0, 1],
      ['K7', 4, 31, [], 1, 1],
      ['K3', 3, 19, ['CAT2'], 0, 0],
      ['K4', 2, 68, ['CAT1a'], 1, 1],
    ]);
    expect(p.areas[0]).toMatchObject({ kind: 'knowledge', form: 'tacit', importance: 3 });
    expect(p.owns).toEqual([{ id: 'K1', label: 'K1' }]);
    expect(p.documents).toEqual([
      {
        documentId: 'D1',
        label: 'D1',
        path: '/docs/grading.pdf',
        page: 4,
        items: [
          { id: 'K2', label: 'K2' },
          { id: 'K4', label: 'K4' },
        ],
      },
      {
        documentId: 'D2',
        label: 'D2',
        path: '/docs/patterns.docx',
        page: null,
        items: [{ id: 'K1', label: 'K1' }],
      },
    ]);
    expect(p.steps).toEqual([{ stepId: 'S2', label: 'S2', processId: 'P', processLabel: 'P' }]);
    expect(p).toMatchObject({
      expectedLeaving: '2027-06-30',
      enteredAttritionRisk: 2,
      risk: { rank: 1, total: 20 },
    });

    const b = expertProfile(index, 'B', { risk, strengths });
    expect(b.areas.find((a) => a.id === 'CAT2')).toMatchObject({
      kind: 'category',
      proficiency: 4,
      form: null,
      strength: null,
      categories: [],
      othersCapable: 0,
      othersAtTwo: 0,
    });
    expect(() => expertProfile(index, 'K1', { risk, strengths })).toThrow(
      expect.objectContaining({ code: 'not_found', params: { value: 'K1' } }),
    );
  });
});
