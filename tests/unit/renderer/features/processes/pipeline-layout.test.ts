import { describe, expect, it } from 'vitest';
import type { Pipeline, PipelineStep } from '../../../../../preload/contract';
import {
  COLUMN_PITCH,
  layoutPipeline,
  SIZES,
  stepInDirection,
} from '../../../../../renderer/src/features/processes/engine/pipeline-layout';
import { validateDraft, toDraft } from '../../../../../renderer/src/features/processes/settings-form';

function step(id: string, layer: number, row: number, more: Partial<PipelineStep> = {}): PipelineStep {
  return {
    id,
    label: id,
    order: layer + 1,
    phase: null,
    responsibleRole: null,
    layer,
    row,
    strength: { id, label: id, strength: 50, band: 'medium', inputs: [] },
    requires: [],
    produces: [],
    templates: [],
    consults: [],
    next: [],
    ...more,
  };
}
const item = (id: string) => ({
  id,
  label: id,
  strength: 40,
  band: 'medium' as const,
  form: 'explicit',
  existence: 'document',
  template: false,
  documents: 1,
});

/** a → b, a → c (a branch: b and c share layer 1), b and c → d (a join). */
function branchy(): Pipeline {
  return {
    process: {
      id: 'p',
      label: 'p',
      aliases: [],
      ownerUnit: null,
      stepCount: 4,
      strength: 50,
      band: 'medium',
    },
    steps: [
      step('a', 0, 0, { next: ['b', 'c'], produces: ['k1'], consults: ['e1'] }),
      step('b', 1, 0, { next: ['d'], requires: ['k1', 'k2', 'k3'] }),
      step('c', 1, 1, { next: ['d'], requires: ['k1'], produces: ['k2', 'k3'] }),
      step('d', 2, 0, { templates: ['t1'] }),
    ],
    items: ['k1', 'k2', 'k3', 't1'].map(item),
    experts: [{ id: 'e1', label: 'e1', attritionRisk: 2, availability: null }],
    flows: [
      { from: 'a', to: 'b', itemId: 'k1' },
      { from: 'a', to: 'c', itemId: 'k1' },
    ],
    nextEdges: [
      { id: 'n1', source: 'a', target: 'b' },
      { id: 'n2', source: 'a', target: 'c' },
      { id: 'n3', source: 'b', target: 'd' },
      { id: 'n4', source: 'c', target: 'd' },
    ],
  };
}

interface Box {
  id: string;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

describe('pipeline layout', () => {
  it('puts steps in columns by layer and rows by row, required above, produced below, side items beside', () => {
    const l = layoutPipeline(branchy());
    const at = (id: string) => l.nodes.find((n) => n.id === id)!;
    expect(at('a').x).toBe(0);
    expect(at('b').x).toBe(COLUMN_PITCH);
    expect(at('c').x).toBe(COLUMN_PITCH);
    expect(at('c').y).toBeGreaterThan(at('b').y);
    expect(at('req:b:k1').y).toBeLessThan(at('b').y);
    expect(at('req:b:k2').y).toBeLessThan(at('req:b:k1').y);
    expect(at('prod:a:k1').y).toBeGreaterThan(at('a').y);
    expect(at('exp:a:e1').x).toBeGreaterThan(at('a').x);
    expect(at('tpl:d:t1').x).toBeGreaterThan(at('d').x);
    expect(l.edges.filter((e) => e.role === 'next')).toHaveLength(4);
    expect(l.edges.filter((e) => e.role === 'flow').map((e) => [e.source, e.target])).toEqual([
      ['prod:a:k1', 'req:b:k1'],
      ['prod:a:k1', 'req:c:k1'],
    ]);
  });

  it('is deterministic and no two boxes overlap', () => {
    const a = layoutPipeline(branchy());
    expect(layoutPipeline(branchy())).toEqual(a);
    const boxes: Box[] = a.nodes.map((n) => {
      const [w, h] =
        n.role === 'step'
          ? [SIZES.stepW, SIZES.stepH]
          : n.role === 'exp' || n.role === 'tpl'
            ? [SIZES.sideW, SIZES.sideH]
            : [SIZES.itemW, SIZES.itemH];
      return { id: n.id, x1: n.x - w / 2, x2: n.x + w / 2, y1: n.y - h / 2, y2: n.y + h / 2 };
    });
    for (const p of boxes)
      for (const q of boxes) {
        if (p.id >= q.id) continue;
        const overlap = p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2;
        expect(overlap, `${p.id} × ${q.id}`).toBe(false);
      }
  });

  it('arrow keys follow next edges across layers and rows within a layer', () => {
    const steps = branchy().steps;
    expect(stepInDirection(steps, null, 'right')).toBe('a');
    expect(stepInDirection(steps, 'a', 'right')).toBe('b');
    expect(stepInDirection(steps, 'b', 'down')).toBe('c');
    expect(stepInDirection(steps, 'c', 'down')).toBe('c');
    expect(stepInDirection(steps, 'c', 'right')).toBe('d');
    expect(stepInDirection(steps, 'c', 'left')).toBe('a');
    expect(stepInDirection(steps, 'a', 'left')).toBe('a');
  });
});

describe('strength settings form', () => {
  const good = {
    weights: { documentation: 30, holders: 40, owner: 10, freshness: 20 },
    targetHolders: 3,
    freshnessHorizonDays: 365,
    weakBelow: 40,
    strongFrom: 70,
  };
  it('accepts valid settings, full-width digits included', () => {
    expect(validateDraft(toDraft(good))).toEqual({ ok: true, settings: good });
    expect(validateDraft({ ...toDraft(good), targetHolders: '３' })).toMatchObject({
      ok: true,
      settings: { targetHolders: 3 },
    });
  });
  it('says what is wrong with a weight out of range, decimals, order of thresholds, all weights zero', () => {
    const bad = validateDraft({ ...toDraft(good), holders: '101', owner: '1.5', weakBelow: '80' });
    expect(bad).toEqual({
      ok: false,
      errors: {
        holders: { key: 'range', params: { min: 0, max: 100 } },
        owner: { key: 'whole', params: { min: 0, max: 100 } },
        weakBelow: { key: 'order', params: { strong: 70 } },
      },
    });
    const zero = validateDraft({
      ...toDraft(good),
      documentation: '0',
      holders: '0',
      owner: '0',
      freshness: '0',
    });
    expect(zero).toEqual({ ok: false, errors: { documentation: { key: 'allZero', params: {} } } });
  });
});
