import { describe, expect, it } from 'vitest';
import { allKnowledgeStrengths } from '../../../../main/core/analytics/knowledge-strength';
import { processStrength, stepStrength } from '../../../../main/core/analytics/step-strength';
import { SETTINGS, TODAY, processIndex } from './process-graphs';

describe('stepStrength', () => {
  const index = processIndex();
  const items = allKnowledgeStrengths(index, { settings: SETTINGS, today: TODAY });
  const of = (id: string) => stepStrength(index, id, items, SETTINGS)!;

  it('is the importance-weighted mean of the required items (edge importance, else the item’s)', () => {
    // (3·97 + 2·10) / 5 = 62.2
    expect(of('S1')).toMatchObject({ strength: 62, band: 'medium' });
    expect(of('S1').inputs).toEqual([
      { id: 'K1', label: 'K1', strength: 97, importance: 3 },
      { id: 'K2', label: 'K2', strength: 10, importance: 2 },
    ]);
  });

  it('counts an item required twice once, with the larger importance', () => {
    // (3·36 + 2·50) / 5 = 41.6
    expect(of('S2').strength).toBe(42);
    expect(of('S2').inputs.map((i) => [i.id, i.importance])).toEqual([
      ['K3', 3],
      ['K4', 2],
    ]);
  });

  it('a step that requires nothing has no strength (band none)', () => {
    expect(of('S3')).toEqual({ id: 'S3', label: 'S3', strength: null, band: 'none', inputs: [] });
    expect(stepStrength(index, 'K1', items, SETTINGS)).toBeNull();
  });

  it('a process is the mean of its steps that have a strength', () => {
    // (62 + 42 + 97) / 3 = 67
    expect(processStrength(['S1', 'S2', 'S3', 'S4'].map(of), SETTINGS)).toEqual({
      strength: 67,
      band: 'medium',
    });
    expect(processStrength([of('S3')], SETTINGS)).toEqual({ strength: null, band: 'none' });
  });
});
