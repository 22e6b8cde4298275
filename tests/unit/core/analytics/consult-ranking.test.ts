import { describe, expect, it } from 'vitest';
import { rankConsultants } from '../../../../main/core/analytics/consult-ranking';
import { buildGraphIndex } from '../../../../main/core/analytics/graph-index';
import { edge, node } from '../../helpers';
import { processIndex } from './process-graphs';

describe('rankConsultants', () => {
  it('scores coverage, availability, retention and the designation as computed by hand', () => {
    // S2 requires K3 (importance 3) and K4 (2). E1 knows K3 at 3: coverage 3·0.6/5 = 0.36, available 1,
    // retention (5−4)/4 = 0.25 → 0.216 + 0.25 + 0.0375 = 0.5035. E3 is designated and knows nothing:
    // 0 + 0.25·0.75 + 0.15·1 + 0.1 = 0.4375. E2 knows only K1, which S2 does not require: no candidate.
    const ranked = rankConsultants(processIndex(), 'S2');
    expect(ranked.map((c) => c.id)).toEqual(['E1', 'E3']);
    expect(ranked[0]!.score).toBeCloseTo(0.5035, 10);
    expect(ranked[1]!.score).toBeCloseTo(0.4375, 10);
    expect(ranked[0]!.knows).toEqual([{ id: 'K3', label: 'K3', proficiency: 3 }]);
    expect(ranked[0]!.reasons).toEqual([
      { key: 'processes:rank.knows', params: { known: 1, total: 2, proficiency: 3 } },
      { key: 'processes:rank.available', params: {} },
      { key: 'processes:rank.highAttrition', params: { risk: 4 } },
    ]);
    expect(ranked[1]).toMatchObject({ designated: true, availability: null, attritionRisk: 1, knows: [] });
    expect(ranked[1]!.reasons).toEqual([
      { key: 'processes:rank.designated', params: {} },
      { key: 'processes:rank.availabilityUnknown', params: {} },
      { key: 'processes:rank.attrition', params: { risk: 1 } },
    ]);
  });

  it('ranks a limited expert at full proficiency above an available one who knows less when coverage outweighs', () => {
    // S1 requires K1 (3) and K2 (2). E2 (K1 at 5, limited, risk 2): 0.6·0.6 + 0.25·0.5 + 0.15·0.75 = 0.5975;
    // E1 (K1 at 4, available, risk 4): 0.6·0.48 + 0.25 + 0.0375 = 0.5755.
    const ranked = rankConsultants(processIndex(), 'S1');
    expect(ranked.map((c) => [c.id, c.score])).toEqual([
      ['E2', expect.closeTo(0.5975, 10)],
      ['E1', expect.closeTo(0.5755, 10)],
    ]);
    expect(ranked[0]!.reasons[0]).toEqual({
      key: 'processes:rank.knows',
      params: { known: 1, total: 2, proficiency: 5 },
    });
    expect(ranked[0]!.reasons[1]).toEqual({ key: 'processes:rank.limited', params: {} });
  });

  it('caps the score at 1, averages proficiency to one decimal, and gives a step that requires nothing coverage 0', () => {
    const graph = {
      nodes: [
        node('S', 'step', { order: 1 }),
        node('T', 'step', { order: 2 }),
        node('A', 'knowledge', {
          form: 'explicit',
          existence: 'document',
          status: 'active',
          confidentiality: 'internal',
          importance: 1,
        }),
        node('B', 'knowledge', {
          form: 'explicit',
          existence: 'document',
          status: 'active',
          confidentiality: 'internal',
          importance: 1,
        }),
        node('C', 'knowledge', {
          form: 'explicit',
          existence: 'document',
          status: 'active',
          confidentiality: 'internal',
          importance: 1,
        }),
        node('X', 'expert', { attritionRisk: 1, availability: 'available' }),
        node('Y', 'expert', { attritionRisk: 3, availability: 'unavailable' }),
      ],
      edges: [
        ...['A', 'B', 'C'].map((k) => edge('S', k, 'requires')),
        edge('S', 'X', 'consults'),
        edge('T', 'Y', 'consults'),
        ...['A', 'B', 'C'].map((k) => edge('X', k, 'knows', { proficiency: 5 })),
        edge('Y', 'A', 'knows', { proficiency: 4 }),
        edge('Y', 'B', 'knows', { proficiency: 4 }),
        edge('Y', 'C', 'knows', { proficiency: 5 }),
      ],
    };
    const index = buildGraphIndex(graph);
    const s = rankConsultants(index, 'S');
    // X: 0.6 + 0.25 + 0.15 + 0.1 = 1.1 → 1. Y: coverage 13/15, 0.6·13/15 + 0 + 0.15·0.5 = 0.595.
    expect(s.map((c) => [c.id, c.score])).toEqual([
      ['X', 1],
      ['Y', expect.closeTo(0.595, 10)],
    ]);
    expect(s[1]!.reasons).toEqual([
      { key: 'processes:rank.knows', params: { known: 3, total: 3, proficiency: 4.3 } },
      { key: 'processes:rank.unavailable', params: {} },
      { key: 'processes:rank.attrition', params: { risk: 3 } },
    ]);
    // T requires nothing: Y is designated with coverage 0: 0 + 0 + 0.075 + 0.1.
    expect(rankConsultants(index, 'T').map((c) => [c.id, c.score])).toEqual([
      ['Y', expect.closeTo(0.175, 10)],
    ]);
    expect(rankConsultants(index, 'A')).toEqual([]);
  });
});
