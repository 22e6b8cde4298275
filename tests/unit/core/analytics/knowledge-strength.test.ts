import { describe, expect, it } from 'vitest';
import {
  allKnowledgeStrengths,
  daysBetween,
  knowledgeStrength,
  strengthBand,
} from '../../../../main/core/analytics/knowledge-strength';
import { buildGraphIndex } from '../../../../main/core/analytics/graph-index';
import { node } from '../../helpers';
import { SETTINGS, TODAY, processIndex } from './process-graphs';

const opts = { settings: SETTINGS, today: TODAY };

describe('knowledgeStrength', () => {
  it('combines documentation, holders, owner and freshness as computed by hand (see process-graphs.ts)', () => {
    const index = processIndex();
    const s = allKnowledgeStrengths(index, opts);
    expect([...s.values()].map((x) => [x.id, x.strength, x.band])).toEqual([
      ['K1', 97, 'strong'],
      ['K2', 10, 'weak'],
      ['K3', 36, 'weak'],
      ['K4', 50, 'medium'],
    ]);
    const k1 = s.get('K1')!;
    expect(k1.parts).toEqual({ documentation: 1, holders: 0.9, owner: 1, freshness: 1 });
    expect(k1.inputs.holders).toEqual([
      { id: 'E2', label: 'E2', proficiency: 5 },
      { id: 'E1', label: 'E1', proficiency: 4 },
    ]);
    expect(k1.inputs.owners).toEqual([{ id: 'E1', label: 'E1' }]);
    expect(k1.inputs.overdueDays).toBe(daysBetween(TODAY, '2027-06-01') * -1);
  });

  it('an item nobody holds has holder part 0 and, without a review date, freshness 0.5', () => {
    const k2 = knowledgeStrength(processIndex(), 'K2', opts)!;
    expect(k2.parts).toEqual({ documentation: 0, holders: 0, owner: 0, freshness: 0.5 });
    expect(k2.inputs.holders).toEqual([]);
    expect(k2.inputs.reviewDue).toBeNull();
    expect(k2.inputs.overdueDays).toBeNull();
  });

  it('an expired review date lowers freshness linearly over the horizon, to 0', () => {
    const index = processIndex();
    const k3 = knowledgeStrength(index, 'K3', opts)!;
    expect(k3.inputs.overdueDays).toBe(90);
    expect(k3.parts.freshness).toBeCloseTo(1 - 90 / 365, 10);
    expect(k3.parts.documentation).toBe(0.3); // explicit, in a system, nothing links it
    const k4 = knowledgeStrength(index, 'K4', opts)!;
    expect(k4.inputs.overdueDays).toBe(730);
    expect(k4.parts.freshness).toBe(0);
    // Due today counts as fresh.
    expect(knowledgeStrength(index, 'K1', { ...opts, today: '2027-06-01' })!.parts.freshness).toBe(1);
    expect(knowledgeStrength(index, 'K1', { ...opts, today: '2027-06-02' })!.parts.freshness).toBeCloseTo(
      1 - 1 / 365,
      10,
    );
  });

  it('weights are relative: only documentation counting gives D × 100', () => {
    const settings = { ...SETTINGS, weights: { documentation: 5, holders: 0, owner: 0, freshness: 0 } };
    const s = allKnowledgeStrengths(processIndex(), { settings, today: TODAY });
    expect([...s.values()].map((x) => x.strength)).toEqual([100, 0, 30, 100]);
  });

  it('returns null for a node that is not a knowledge item, and bands at the thresholds', () => {
    expect(knowledgeStrength(processIndex(), 'S1', opts)).toBeNull();
    expect(
      knowledgeStrength(buildGraphIndex({ nodes: [node('x', 'expert')], edges: [] }), 'x', opts),
    ).toBeNull();
    expect(strengthBand(39, SETTINGS)).toBe('weak');
    expect(strengthBand(40, SETTINGS)).toBe('medium');
    expect(strengthBand(69, SETTINGS)).toBe('medium');
    expect(strengthBand(70, SETTINGS)).toBe('strong');
  });

  it('counts days across a leap day and a year end', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  });
});
