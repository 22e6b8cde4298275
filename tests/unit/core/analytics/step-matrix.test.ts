import { describe, expect, it } from 'vitest';
import { journeyMap } from '../../../../main/core/analytics/journey-map';
import { stepMatrix } from '../../../../main/core/analytics/step-matrix';
import { processIndex } from './process-graphs';

describe('stepMatrix', () => {
  it('has the steps by order as columns and the items by first use as rows', () => {
    const m = stepMatrix(processIndex(), 'P', 'all');
    expect(m.steps.map((s) => s.id)).toEqual(['S1', 'S2', 'S4', 'S3']);
    expect(m.items.map((i) => i.id)).toEqual(['K1', 'K2', 'K3', 'K4']);
    expect(m.cells).toEqual([
      ['requires', 'none', 'requires', 'none'],
      ['requires', 'none', 'none', 'none'],
      ['produces', 'requires', 'none', 'none'],
      ['none', 'both', 'none', 'none'],
    ]);
  });

  it('keeps only templates when asked', () => {
    const m = stepMatrix(processIndex(), 'P', 'templates');
    expect(m.items).toEqual([{ id: 'K4', label: 'K4', existence: 'template', template: true }]);
    expect(m.cells).toEqual([['none', 'both', 'none', 'none']]);
  });
});

describe('journeyMap', () => {
  it('makes one lane per phase in step order, with what is used, produced and learned there', () => {
    const j = journeyMap(processIndex(), 'P');
    expect(j.lanes.map((l) => [l.phase, l.steps.map((s) => s.id)])).toEqual([
      ['Plan', ['S1']],
      ['Do', ['S2', 'S4']],
      [null, ['S3']],
    ]);
    const [plan, doLane, none] = j.lanes;
    expect(plan!.uses.map((i) => i.id)).toEqual(['K1', 'K2']);
    expect(plan!.produces.map((i) => i.id)).toEqual(['K3']);
    expect(doLane!.uses.map((i) => i.id)).toEqual(['K3', 'K4', 'K1']);
    expect(doLane!.produces.map((i) => i.id)).toEqual(['K4']);
    expect(doLane!.lessons).toEqual([{ id: 'K3', label: 'K3', stepId: 'S2' }]);
    expect(none).toEqual({
      phase: null,
      steps: [{ id: 'S3', label: 'S3', order: 3 }],
      uses: [],
      produces: [],
      lessons: [],
    });
    expect(j.processLessons).toEqual([{ id: 'K2', label: 'K2' }]);
  });
});
