import { describe, expect, it } from 'vitest';
import { buildGraphIndex } from '../../../../main/core/analytics/graph-index';
import { allKnowledgeStrengths } from '../../../../main/core/analytics/knowledge-strength';
import { buildPipeline, pipelineLayout } from '../../../../main/core/analytics/process-pipeline';
import { processSteps } from '../../../../main/core/analytics/process-steps';
import { buildStepDetail } from '../../../../main/core/analytics/step-detail';
import { stepStrength } from '../../../../main/core/analytics/step-strength';
import type { GraphDto } from '../../../../preload/contract';
import { edge, node } from '../../helpers';
import { SETTINGS, TODAY, processIndex } from './process-graphs';

function inputsOf(index: ReturnType<typeof processIndex>) {
  const strengths = allKnowledgeStrengths(index, { settings: SETTINGS, today: TODAY });
  return {
    strengths,
    settings: SETTINGS,
    stepStrength: (id: string) => stepStrength(index, id, strengths, SETTINGS)!,
  };
}

/** Steps a…; `order` in the order given; `next` edges as "a-b b-c". */
function chain(ids: string[], next: string): GraphDto {
  return {
    nodes: [node('P', 'process', {}), ...ids.map((id, i) => node(id, 'step', { order: i + 1 }))],
    edges: [
      ...ids.map((id) => edge(id, 'P', 'part_of')),
      ...next
        .split(/\s+/)
        .filter(Boolean)
        .map((p) => {
          const [s, t] = p.split('-') as [string, string];
          return { ...edge(s, t, 'next'), id: `${s}>${t}` };
        }),
    ],
  };
}

function layers(graph: GraphDto) {
  const index = buildGraphIndex(graph);
  const l = pipelineLayout(index, processSteps(index, 'P'));
  return {
    cells: Object.fromEntries([...l.cells].map(([id, c]) => [id, [c.layer, c.row]])),
    back: l.backEdges,
  };
}

describe('pipelineLayout', () => {
  it('puts a branch that joins in one column, rows by order then label', () => {
    const index = processIndex();
    const l = pipelineLayout(index, processSteps(index, 'P'));
    expect(Object.fromEntries([...l.cells].map(([id, c]) => [id, [c.layer, c.row]]))).toEqual({
      S1: [0, 0],
      S2: [1, 0],
      S4: [1, 1],
      S3: [2, 0],
    });
    expect(l.backEdges).toEqual([]);
  });

  it('breaks a cycle at the edge that goes back, and lists it', () => {
    expect(layers(chain(['a', 'b', 'c', 'd'], 'a-b b-c c-a c-d'))).toEqual({
      cells: { a: [0, 0], b: [1, 0], c: [2, 0], d: [3, 0] },
      back: ['c>a'],
    });
    // Two steps pointing at each other: the second edge goes back.
    expect(layers(chain(['a', 'b'], 'a-b b-a'))).toEqual({ cells: { a: [0, 0], b: [1, 0] }, back: ['b>a'] });
  });

  it('uses the longest chain, and lays out by order when there are no next edges', () => {
    expect(layers(chain(['a', 'b', 'c', 'd'], 'a-b b-c a-d c-d')).cells).toEqual({
      a: [0, 0],
      b: [1, 0],
      c: [2, 0],
      d: [3, 0],
    });
    expect(layers(chain(['a', 'b', 'c'], '')).cells).toEqual({ a: [0, 0], b: [1, 0], c: [2, 0] });
    // A step not on any chain starts a column of its own at 0.
    expect(layers(chain(['a', 'b', 'c'], 'a-b')).cells).toEqual({ a: [0, 0], b: [1, 0], c: [0, 1] });
  });

  it('finishes on a 5,000-step cycle (no recursion)', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `s${i}`);
    const next = ids.map((id, i) => `${id}-${ids[(i + 1) % ids.length]}`).join(' ');
    const { cells, back } = layers(chain(ids, next));
    expect(cells['s4999']).toEqual([4999, 0]);
    expect(back).toEqual(['s4999>s0']);
  });
});

describe('buildPipeline and buildStepDetail', () => {
  const index = processIndex();
  const inputs = inputsOf(index);
  const pipeline = buildPipeline(index, 'P', inputs);

  it('splits templates from required items, lists flows between steps, and the process strength', () => {
    const s2 = pipeline.steps.find((s) => s.id === 'S2')!;
    expect(s2).toMatchObject({
      requires: ['K3'],
      templates: ['K4'],
      produces: ['K4'],
      consults: ['E3'],
      next: ['S3'],
      phase: 'Do',
      responsibleRole: 'Designer',
    });
    expect(s2.strength.strength).toBe(42);
    // S1 produces K3, which S2 requires; S2 produces K4, which only S2 itself requires (no flow).
    expect(pipeline.flows).toEqual([{ from: 'S1', to: 'S2', itemId: 'K3' }]);
    expect(pipeline.process).toMatchObject({
      id: 'P',
      ownerUnit: 'Sales',
      stepCount: 4,
      strength: 67,
      band: 'medium',
    });
    expect(pipeline.items.find((i) => i.id === 'K4')).toMatchObject({
      template: true,
      strength: 50,
      documents: 1,
    });
    expect(pipeline.experts).toEqual([{ id: 'E3', label: 'E3', attritionRisk: 1, availability: null }]);
    expect(pipeline.nextEdges.map((e) => `${e.source}>${e.target}`)).toEqual([
      'S1>S2',
      'S1>S4',
      'S2>S3',
      'S4>S3',
    ]);
  });

  it('the step detail reads the documents of required items at their pages and hands on what it produces', () => {
    const d = buildStepDetail(index, pipeline, 'S1', (p) => (p === '/docs/sop.pdf' ? 7 : null));
    expect(d.read).toEqual([
      {
        itemId: 'K1',
        itemLabel: 'K1',
        documentNodeId: 'D1',
        documentLabel: 'D1',
        path: '/docs/sop.pdf',
        page: 3,
        libraryDocId: 7,
      },
    ]);
    expect(d.handOn).toEqual([{ stepId: 'S2', stepLabel: 'S2', itemId: 'K3', itemLabel: 'K3' }]);
    expect(d.consult.map((c) => c.id)).toEqual(['E2', 'E1']);
    expect(d.require.map((i) => i.id)).toEqual(['K1', 'K2']);
    expect(d.produce.map((i) => i.id)).toEqual(['K3']);
    const d2 = buildStepDetail(index, pipeline, 'S2', () => null);
    // The template K4 is read too (documented by D1 without a page).
    expect(d2.read.map((r) => [r.itemId, r.page, r.libraryDocId])).toEqual([['K4', null, null]]);
    expect(d2.templates.map((i) => i.id)).toEqual(['K4']);
    expect(d2.lessons).toEqual([{ id: 'K3', label: 'K3' }]);
  });
});
