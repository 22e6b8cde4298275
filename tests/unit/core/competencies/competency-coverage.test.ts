import { describe, expect, it } from 'vitest';
import type { GraphDto, ItemStrength } from '../../../../preload/contract';
import { CHANNELS } from '../../../../preload/contract';
import { buildGraphIndex } from '../../../../main/core/analytics/graph-index';
import { coverageAgainstTarget } from '../../../../main/core/analytics/competency-coverage';
import {
  competencyDetail,
  competencyHierarchy,
  competencyModel,
  competencyRadar,
} from '../../../../main/core/competencies/competency-tree';
import { competencyDiagram } from '../../../../main/core/competencies/competency-diagram';
import { edge, node } from '../../helpers';

const item = (importance: number) => ({
  form: 'explicit',
  existence: 'document',
  status: 'active',
  confidentiality: 'internal',
  importance,
});

/** An item strength as the knowledge service would report it; only `strength` and `band` are read here. */
function strength(id: string, s: number): ItemStrength {
  return {
    id,
    label: id,
    strength: s,
    band: s >= 70 ? 'strong' : s >= 40 ? 'medium' : 'weak',
    parts: { documentation: 0, holders: 0, owner: 0, freshness: 0 },
    inputs: {
      documents: 0,
      existence: 'document',
      form: 'explicit',
      holders: [],
      owners: [],
      reviewDue: null,
      overdueDays: null,
    },
  };
}

/**
 * A tree small enough to work out by hand (ids are the labels):
 *
 *   CORE (core, target 5)
 *   ├─ CAP1 (capability, 4)
 *   │   ├─ SUB1 (sub, 3)   ← K1 weight 1, K2 weight 0.5
 *   │   └─ SUB2 (sub, 5)   ← K3 weight 1
 *   ├─ CAP2 (capability, 3) ← K4 weight 0.5, K1 weight 0.5
 *   └─ CAP3 (capability, 3)   (nothing supports it)
 *
 * Item strengths (given): K1 80, K2 40, K3 60, K4 20. Importance: K1 3, K2 2, K3 1, K4 2.
 * Holders: A knows K1 at 4 and K3 at 2; B knows K2 at 3.
 *
 * Strength S = round(Σ w·S_i / Σ w) over the subtree's items (each once, at its largest weight);
 * achieved level L = S / 20; coverage = min(1, L / t); met L ≥ t, near L ≥ t − 1, else below:
 *   SUB1: (1·80 + 0.5·40) / 1.5 = 100 / 1.5 = 66.7 → 67; L 3.35 ≥ 3 → met, coverage 1, 100 %
 *   SUB2: 60; L 3 < 5 − 1 = 4 → below, coverage 3/5 = 0.6, 60 %
 *   CAP1: (80 + 20 + 60) / 2.5 = 64; L 3.2, t 4: 3.2 ≥ 3 → near, coverage 0.8, 80 %
 *   CAP2: (0.5·20 + 0.5·80) / 1 = 50; L 2.5, t 3: near, coverage 2.5/3 = 0.833, 83 %
 *   CAP3: no item → strength null, band none; required 60
 *   CORE: K1 at max(1, 0.5) = 1, K2 0.5, K3 1, K4 0.5: (80 + 20 + 60 + 10) / 3 = 56.7 → 57; L 2.85 < 4 → below,
 *         coverage 57/100 = 0.57, 57 %
 * Holders at ≥ 3: SUB1 {A, B} 2, SUB2 0 (A knows K3 at 2), CAP1 2, CAP2 {A} 1, CORE 2.
 */
function tree(): GraphDto {
  const c = (id: string, level: string, target: number) => node(id, 'competency', { level, target });
  return {
    nodes: [
      c('CORE', 'core', 5),
      c('CAP1', 'capability', 4),
      c('CAP2', 'capability', 3),
      c('CAP3', 'capability', 3),
      c('SUB1', 'sub', 3),
      c('SUB2', 'sub', 5),
      node('K1', 'knowledge', item(3)),
      node('K2', 'knowledge', item(2)),
      node('K3', 'knowledge', item(1)),
      node('K4', 'knowledge', item(2)),
      node('A', 'expert', { attritionRisk: 1 }),
      node('B', 'expert', { attritionRisk: 1 }),
    ],
    edges: [
      edge('CAP1', 'CORE', 'part_of'),
      edge('CAP2', 'CORE', 'part_of'),
      edge('CAP3', 'CORE', 'part_of'),
      edge('SUB1', 'CAP1', 'part_of'),
      edge('SUB2', 'CAP1', 'part_of'),
      edge('K1', 'SUB1', 'supports', { weight: 1 }),
      edge('K2', 'SUB1', 'supports', { weight: 0.5 }),
      edge('K3', 'SUB2', 'supports'),
      edge('K4', 'CAP2', 'supports', { weight: 0.5 }),
      edge('K1', 'CAP2', 'supports', { weight: 0.5 }),
      edge('A', 'K1', 'knows', { proficiency: 4 }),
      edge('A', 'K3', 'knows', { proficiency: 2 }),
      edge('B', 'K2', 'knows', { proficiency: 3 }),
    ],
  };
}

const strengths = new Map(
  [strength('K1', 80), strength('K2', 40), strength('K3', 60), strength('K4', 20)].map((s) => [s.id, s]),
);
const model = () => competencyModel(buildGraphIndex(tree()), strengths);

describe('coverageAgainstTarget', () => {
  it('reads the strength in target levels: met, near (within one level), below, none', () => {
    expect(coverageAgainstTarget(80, 4)).toEqual({
      strength: 80,
      requiredStrength: 80,
      achievedLevel: 4,
      coverage: 1,
      percent: 100,
      band: 'met',
    });
    // 70 / 20 = 3.5 levels against 4: short by half a level.
    expect(coverageAgainstTarget(70, 4)).toMatchObject({
      achievedLevel: 3.5,
      coverage: 0.875,
      percent: 88,
      band: 'near',
    });
    // 59 / 20 = 2.95 against 4: more than one level short.
    expect(coverageAgainstTarget(59, 4)).toMatchObject({ coverage: 0.7375, percent: 74, band: 'below' });
    // Above target is capped at full coverage.
    expect(coverageAgainstTarget(100, 1)).toMatchObject({
      coverage: 1,
      percent: 100,
      band: 'met',
      requiredStrength: 20,
    });
    expect(coverageAgainstTarget(null, 3)).toEqual({
      strength: null,
      requiredStrength: 60,
      achievedLevel: null,
      coverage: null,
      percent: null,
      band: 'none',
    });
  });
});

describe('the competency tree', () => {
  it('rolls item strengths up to coverage against each target (hand-computed above)', () => {
    const m = model();
    const tree = [...m.nodes.values()];
    expect(tree.map((n) => [n.id, n.depth, n.parentId])).toEqual([
      ['CORE', 0, null],
      ['CAP1', 1, 'CORE'],
      ['SUB1', 2, 'CAP1'],
      ['SUB2', 2, 'CAP1'],
      ['CAP2', 1, 'CORE'],
      ['CAP3', 1, 'CORE'],
    ]);
    const row = (id: string) => m.nodes.get(id)!;
    expect([row('SUB1').strength, row('SUB1').band, row('SUB1').percent]).toEqual([67, 'met', 100]);
    expect([row('SUB2').strength, row('SUB2').band, row('SUB2').coverage]).toEqual([60, 'below', 0.6]);
    expect([row('CAP1').strength, row('CAP1').band, row('CAP1').coverage, row('CAP1').achievedLevel]).toEqual(
      [64, 'near', 0.8, 3.2],
    );
    expect([row('CAP2').strength, row('CAP2').band, row('CAP2').percent]).toEqual([50, 'near', 83]);
    expect(row('CAP2').coverage).toBeCloseTo(2.5 / 3, 10);
    expect(row('CAP3')).toMatchObject({ strength: null, band: 'none', requiredStrength: 60, coverage: null });
    expect([row('CORE').strength, row('CORE').band, row('CORE').coverage]).toEqual([57, 'below', 0.57]);
    expect(row('CORE').counts).toEqual({ items: 4, directItems: 0, subCompetencies: 5, holders: 2 });
    expect(row('CAP1').counts).toEqual({ items: 3, directItems: 0, subCompetencies: 2, holders: 2 });
    expect(row('SUB1').counts).toEqual({ items: 2, directItems: 2, subCompetencies: 0, holders: 2 });
    expect(row('SUB2').counts.holders).toBe(0);
    expect(row('CAP2').counts).toEqual({ items: 2, directItems: 2, subCompetencies: 0, holders: 1 });
    expect(row('CORE').childIds).toEqual(['CAP1', 'CAP2', 'CAP3']);
    expect(CHANNELS['competencies:tree'].output.parse({ nodes: tree }).nodes).toHaveLength(6);
  });

  it('explains one number: every item with weight, strength and the edge it comes through', () => {
    const d = competencyDetail(model(), 'CAP1');
    // CAP1 = 160 / 2.5 = 64.
    expect([d.weightedSum, d.weightTotal]).toEqual([160, 2.5]);
    expect(d.items.map((i) => [i.id, i.weight, i.strength, i.viaId, i.direct, i.contribution])).toEqual([
      ['K1', 1, 80, 'SUB1', false, 80],
      ['K3', 1, 60, 'SUB2', false, 60],
      ['K2', 0.5, 40, 'SUB1', false, 20],
    ]);
    expect(d.path.map((p) => p.id)).toEqual(['CORE', 'CAP1']);
    expect(d.children.map((c) => c.id)).toEqual(['SUB1', 'SUB2']);
    // CORE counts K1 once at its larger weight (1 through SUB1, not 0.5 through CAP2): 170 / 3.
    const core = competencyDetail(model(), 'CORE');
    expect([core.weightedSum, core.weightTotal]).toEqual([170, 3]);
    expect(core.items.find((i) => i.id === 'K1')).toMatchObject({ weight: 1, viaId: 'SUB1' });
    expect(() => competencyDetail(model(), 'K1')).toThrow(
      expect.objectContaining({ key: 'errors.notCompetency' }),
    );
    expect(() => competencyDetail(model(), 'gone')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('gives the radar one axis per capability of the core', () => {
    const r = competencyRadar(model());
    expect(r.coreId).toBe('CORE');
    expect(r.axes.map((a) => [a.id, a.target, a.achievedLevel, a.percent, a.band])).toEqual([
      ['CAP1', 4, 3.2, 80, 'near'],
      ['CAP2', 3, 2.5, 83, 'near'],
      ['CAP3', 3, null, null, 'none'],
    ]);
    expect(competencyRadar(competencyModel(buildGraphIndex({ nodes: [], edges: [] }), new Map()))).toEqual({
      coreId: null,
      axes: [],
    });
  });

  it('a second core just added (no children, first by name) stays behind the core that has the tree', () => {
    const g = tree();
    g.nodes.push(node('A-NEW', 'competency', { level: 'core', target: 3 }));
    const index = buildGraphIndex(g);
    expect(competencyHierarchy(index).roots).toEqual(['CORE', 'A-NEW']);
    expect(competencyRadar(competencyModel(index, strengths)).coreId).toBe('CORE');
    // Two childless cores: by name.
    const h = competencyHierarchy(
      buildGraphIndex({
        nodes: [
          node('Z', 'competency', { level: 'core', target: 3 }),
          node('Y', 'competency', { level: 'core', target: 3 }),
        ],
        edges: [],
      }),
    );
    expect(h.roots).toEqual(['Y', 'Z']);
  });

  it('shows each competency once when part_of edges loop', () => {
    const h = competencyHierarchy(
      buildGraphIndex({
        nodes: [
          node('X', 'competency', { level: 'sub', target: 3 }),
          node('Y', 'competency', { level: 'sub', target: 3 }),
        ],
        edges: [edge('X', 'Y', 'part_of'), edge('Y', 'X', 'part_of')],
      }),
    );
    expect(h.order).toEqual(['X', 'Y']);
    expect(h.roots).toEqual(['X']);
    expect(h.childrenOf.get('Y')).toEqual([]);
  });
});

describe('the concentric diagram', () => {
  it('puts the core at ring 0, then capabilities, subs, items and experts', () => {
    const d = competencyDiagram(model(), { withExperts: true });
    expect(d.focusId).toBe('CORE');
    expect(d.rings).toBe(5);
    expect(d.nodes.map((n) => [n.id, n.ring, n.parentId])).toEqual([
      ['CORE', 0, null],
      ['CAP1', 1, 'CORE'],
      ['CAP2', 1, 'CORE'],
      ['CAP3', 1, 'CORE'],
      ['SUB1', 2, 'CAP1'],
      ['SUB2', 2, 'CAP1'],
      // Items in the order of their parents, then label; K1 hangs from SUB1 (reached first), links to CAP2 too.
      ['K4', 3, 'CAP2'],
      ['K1', 3, 'SUB1'],
      ['K2', 3, 'SUB1'],
      ['K3', 3, 'SUB2'],
      // A hangs from K1 (proficiency 4, the best), B from K2.
      ['A', 4, 'K1'],
      ['B', 4, 'K2'],
    ]);
    const byId = new Map(d.nodes.map((n) => [n.id, n]));
    // Sizes: Σ weight of the subtree's items (CORE 1 + 0.5 + 1 + 0.5), an item's importance, an expert's items.
    expect([byId.get('CORE')!.importance, byId.get('CAP1')!.importance, byId.get('K1')!.importance]).toEqual([
      3, 2.5, 3,
    ]);
    expect([byId.get('A')!.importance, byId.get('B')!.importance]).toEqual([2, 1]);
    expect(byId.get('SUB1')).toMatchObject({
      coverage: 1,
      band: 'met',
      strength: 67,
      path: ['CORE', 'CAP1', 'SUB1'],
    });
    expect(byId.get('K1')).toMatchObject({ strength: 80, band: 'strong', path: ['CORE', 'CAP1', 'SUB1'] });
    expect(d.links.filter((l) => l.source === 'K1')).toEqual([
      { source: 'K1', target: 'SUB1', kind: 'supports', value: 1 },
      { source: 'K1', target: 'CAP2', kind: 'supports', value: 0.5 },
    ]);
    expect(d.links.filter((l) => l.kind === 'knows')).toHaveLength(3);
    expect(d.breadcrumbs.map((b) => b.id)).toEqual(['CORE']);
    expect(() => CHANNELS['competencies:diagram'].output.parse(d)).not.toThrow();
  });

  it('draws two rings of competencies below the focus; items of deeper ones hang from their drawn ancestor', () => {
    const g = tree();
    g.nodes.push(node('DEEP', 'competency', { level: 'sub', target: 2 }), node('K5', 'knowledge', item(1)));
    g.edges.push(edge('DEEP', 'SUB1', 'part_of'), edge('K5', 'DEEP', 'supports', { weight: 0.3 }));
    const d = competencyDiagram(competencyModel(buildGraphIndex(g), strengths));
    expect(d.nodes.some((n) => n.id === 'DEEP')).toBe(false);
    expect(d.nodes.find((n) => n.id === 'K5')).toMatchObject({
      ring: 3,
      parentId: 'SUB1',
      strength: null,
      band: 'none',
    });
    expect(d.links).toContainEqual({ source: 'K5', target: 'SUB1', kind: 'supports', value: 0.3 });
    // Drilling into SUB1 draws DEEP at ring 1 and K5 under it.
    const drill = competencyDiagram(competencyModel(buildGraphIndex(g), strengths), { focusId: 'SUB1' });
    expect(drill.nodes.map((n) => [n.id, n.ring, n.parentId])).toEqual([
      ['SUB1', 0, null],
      ['DEEP', 1, 'SUB1'],
      ['K1', 2, 'SUB1'],
      ['K2', 2, 'SUB1'],
      ['K5', 2, 'DEEP'],
    ]);
    expect(drill.nodes.find((n) => n.id === 'K5')!.path).toEqual(['CORE', 'CAP1', 'SUB1', 'DEEP']);
  });

  it('drills into a sub-competency: its items move in to ring 1, the breadcrumbs lead back to the core', () => {
    const d = competencyDiagram(model(), { focusId: 'SUB1' });
    expect(d.nodes.map((n) => [n.id, n.ring])).toEqual([
      ['SUB1', 0],
      ['K1', 1],
      ['K2', 1],
    ]);
    expect(d.rings).toBe(2);
    expect(d.breadcrumbs.map((b) => b.label)).toEqual(['CORE', 'CAP1', 'SUB1']);
    expect(d.nodes.find((n) => n.id === 'K2')!.path).toEqual(['CORE', 'CAP1', 'SUB1']);
    // Without experts there is no expert ring.
    expect(d.nodes.some((n) => n.kind === 'expert')).toBe(false);
    expect(() => competencyDiagram(model(), { focusId: 'K1' })).toThrow(
      expect.objectContaining({ key: 'errors.notCompetency', path: ['focusId'] }),
    );
  });
});
