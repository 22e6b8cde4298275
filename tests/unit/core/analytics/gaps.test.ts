import { describe, expect, it } from 'vitest';
import { knowledgeGaps } from '../../../../main/core/analytics/gaps';
import { allKnowledgeStrengths } from '../../../../main/core/analytics/knowledge-strength';
import { SETTINGS, TODAY, processIndex } from './process-graphs';

describe('knowledgeGaps', () => {
  const index = processIndex();
  const strengths = allKnowledgeStrengths(index, { settings: SETTINGS, today: TODAY });

  it('lists each required item with its reasons, by step order then strength', () => {
    const rows = knowledgeGaps(index, {
      settings: SETTINGS,
      strengths,
      candidateCounts: new Map([['K2', 4]]),
    });
    expect(rows.map((r) => [r.stepId, r.itemId, r.strength, r.reasons, r.candidatePages])).toEqual([
      // K1 (documented, two capable holders, explicit, 97) is no gap anywhere.
      ['S1', 'K2', 10, ['weak', 'undocumented', 'unheld', 'tacit-only'], 4],
      // K3 twice on S2 → one row; E1 at proficiency 3 is capable, but alone.
      ['S2', 'K3', 36, ['weak', 'undocumented', 'single-holder'], 0],
      ['S2', 'K4', 50, ['unheld'], 0],
    ]);
    // Each row carries the item's band under the default thresholds (weak < 40 ≤ medium < 70).
    expect(rows.map((r) => r.band)).toEqual(['weak', 'weak', 'medium']);
    expect(rows[1]).toMatchObject({
      processId: 'P',
      processLabel: 'P',
      stepLabel: 'S2',
      stepOrder: 2,
      holders: 1,
      capableHolders: 1,
      documents: 0,
    });
  });

  it('a stricter weak threshold adds weak to the medium item; an unknown process gives nothing', () => {
    const settings = { ...SETTINGS, weakBelow: 60, strongFrom: 80 };
    const rows = knowledgeGaps(index, { settings, strengths, processId: 'P' });
    expect(rows.find((r) => r.itemId === 'K4')!.reasons).toEqual(['weak', 'unheld']);
    expect(rows.find((r) => r.itemId === 'K4')!.band).toBe('weak');
    expect(knowledgeGaps(index, { settings, strengths, processId: 'nope' })).toEqual([]);
  });
});
