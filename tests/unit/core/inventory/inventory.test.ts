import { describe, expect, it } from 'vitest';
import type { GraphDto, InventoryBucket } from '../../../../preload/contract';
import { buildGraphIndex } from '../../../../main/core/analytics/graph-index';
import { inventoryList, inventorySummary } from '../../../../main/core/analytics/inventory';
import { isWellspringError } from '../../../../main/core/util/errors';
import { edge, node } from '../../helpers';

const TODAY = '2027-01-10';

const item = (form: string, existence: string, importance: number, extra: Record<string, unknown> = {}) => ({
  form,
  existence,
  status: 'active',
  confidentiality: 'internal',
  importance,
  ...extra,
});

const labelled = (n: ReturnType<typeof node>, label: string) => ({ ...n, label });

/**
 * Five knowledge items, by hand (today 2027-01-10):
 * - K1 天津 explicit/document, imp 3, review 2026-12-01 (past: stale), SECI combination; in C1a (under C1);
 *   documented by D1; E1 knows 4, E2 knows 2 (holders 2, capable 1: single-holder); owned by E1.
 * - K2 北京 tacit/person, imp 2; in C1 and C2; E1 and E2 know 3 (capable 2); no owner, no document:
 *   unowned, tacit-only.
 * - K3 上海 tacit/person, imp 1, review 2027-06-01 (not yet due), SECI socialisation; in C2 only and nothing
 *   else: orphan, unowned, tacit-only.
 * - K4 explicit/system, imp 2, no category; E1 knows it twice (2 and 5: one holder, best 5, capable 1:
 *   single-holder); owned by E2; documented by D1; required by step S1.
 * - K5 explicit/template, no edge at all: orphan, unowned, uncategorised.
 * C3 is a top-level category with no item; E2 also knows the category C1 (not an item).
 */
function graph(): GraphDto {
  return {
    nodes: [
      labelled(
        node(
          'K1',
          'knowledge',
          item('explicit', 'document', 3, { reviewDue: '2026-12-01', seciStage: 'combination' }),
        ),
        '天津',
      ),
      labelled(node('K2', 'knowledge', item('tacit', 'person', 2)), '北京'),
      labelled(
        node(
          'K3',
          'knowledge',
          item('tacit', 'person', 1, { reviewDue: '2027-06-01', seciStage: 'socialisation' }),
        ),
        '上海',
      ),
      node('K4', 'knowledge', item('explicit', 'system', 2)),
      node('K5', 'knowledge', item('explicit', 'template', 1)),
      node('C1', 'category'),
      node('C1a', 'category'),
      node('C2', 'category'),
      node('C3', 'category'),
      node('E1', 'expert', { attritionRisk: 3 }),
      node('E2', 'expert', { attritionRisk: 1 }),
      node('D1', 'document', { path: '/docs/a.pdf' }),
      node('S1', 'step', { order: 1 }),
      node('P', 'process'),
    ],
    edges: [
      edge('C1a', 'C1', 'part_of'),
      edge('S1', 'P', 'part_of'),
      edge('K1', 'C1a', 'classified_as'),
      edge('K2', 'C1', 'classified_as'),
      edge('K2', 'C2', 'classified_as'),
      edge('K3', 'C2', 'classified_as'),
      edge('K1', 'D1', 'documented_by'),
      edge('K4', 'D1', 'documented_by'),
      edge('E1', 'K1', 'knows', { proficiency: 4 }),
      edge('E2', 'K1', 'knows', { proficiency: 2 }),
      edge('E1', 'K2', 'knows', { proficiency: 3 }),
      edge('E2', 'K2', 'knows', { proficiency: 3 }),
      edge('E1', 'K4', 'knows', { proficiency: 2 }),
      edge('E1', 'K4', 'knows', { proficiency: 5 }),
      edge('E2', 'C1', 'knows', { proficiency: 3 }),
      edge('E1', 'K1', 'owns'),
      edge('E2', 'K4', 'owns'),
      edge('S1', 'K4', 'requires'),
    ],
  };
}

const STRENGTHS = new Map([
  ['K1', { strength: 81 }],
  ['K2', { strength: 27 }],
  ['K4', { strength: 64 }],
]);
const options = { today: TODAY, strengths: STRENGTHS };
const pairs = (buckets: InventoryBucket[]) => buckets.map((b) => [b.key, b.count]);

describe('inventorySummary', () => {
  const s = inventorySummary(buildGraphIndex(graph()), options);

  it('counts every node kind in NODE_KINDS order, zeros kept', () => {
    expect(s.asOf).toBe(TODAY);
    expect(s.knowledgeItems).toBe(5);
    expect(pairs(s.byKind)).toEqual([
      ['knowledge', 5],
      ['expert', 2],
      ['process', 1],
      ['step', 1],
      ['competency', 0],
      ['category', 4],
      ['term', 0],
      ['document', 1],
      ['unit', 0],
    ]);
  });

  it('counts top-level categories over their subtree, each item once, then the uncategorised', () => {
    // C1 ⊇ {C1, C1a}: K1 (via C1a), K2 → 2; C2: K2, K3 → 2 (tie: by label); C3: 0; uncategorised K4, K5 → 2.
    expect(s.byCategory).toEqual([
      { key: 'C1', label: 'C1', count: 2 },
      { key: 'C2', label: 'C2', count: 2 },
      { key: 'C3', label: 'C3', count: 0 },
      { key: null, label: '', count: 2 },
    ]);
  });

  it('counts every form, existence and SECI value, owners by count, and the five health lists', () => {
    expect(pairs(s.byForm)).toEqual([
      ['explicit', 3],
      ['tacit', 2],
    ]);
    expect(pairs(s.byExistence)).toEqual([
      ['document', 1],
      ['template', 1],
      ['system', 1],
      ['case', 0],
      ['training', 0],
      ['person', 2],
    ]);
    expect(s.byOwner).toEqual([
      { key: 'E1', label: 'E1', count: 1 },
      { key: 'E2', label: 'E2', count: 1 },
      { key: null, label: '', count: 3 },
    ]);
    expect(pairs(s.bySeci)).toEqual([
      ['socialisation', 1],
      ['externalisation', 0],
      ['combination', 1],
      ['internalisation', 0],
      [null, 3],
    ]);
    expect(pairs(s.health)).toEqual([
      ['stale', 1],
      ['orphan', 2],
      ['unowned', 3],
      ['single-holder', 2],
      ['tacit-only', 2],
    ]);
  });

  it('puts a bigger owner first and leaves out empty "none" buckets', () => {
    const g = graph();
    g.edges.push(edge('E2', 'K2', 'owns'), edge('E2', 'K3', 'owns'), edge('E2', 'K5', 'owns'));
    g.edges.push(edge('K4', 'C3', 'classified_as'), edge('K5', 'C3', 'classified_as'));
    const t = inventorySummary(buildGraphIndex(g), options);
    expect(pairs(t.byOwner)).toEqual([
      ['E2', 4],
      ['E1', 1],
    ]);
    expect(pairs(t.byCategory)).toEqual([
      ['C1', 2],
      ['C2', 2],
      ['C3', 2],
    ]);
    // K3 is no longer an orphan (an owner touches it), K5 neither.
    expect(pairs(t.health)).toEqual([
      ['stale', 1],
      ['orphan', 0],
      ['unowned', 0],
      ['single-holder', 2],
      ['tacit-only', 2],
    ]);
  });
});

describe('inventoryList', () => {
  const index = buildGraphIndex(graph());
  const ids = (facet: Parameters<typeof inventoryList>[1]['facet'], key: string | null) =>
    inventoryList(index, { facet, key }, options).map((r) => r.id);

  it('lists by label in zh-CN order: Chinese first, by pinyin (北京 上海 天津), then Latin', () => {
    expect(ids('kind', 'knowledge')).toEqual(['K2', 'K3', 'K1', 'K4', 'K5']);
  });

  it('lists the items behind each kind of bucket', () => {
    expect(ids('category', 'C1')).toEqual(['K2', 'K1']);
    expect(ids('category', 'C1a')).toEqual(['K1']);
    expect(ids('category', 'C3')).toEqual([]);
    expect(ids('category', null)).toEqual(['K4', 'K5']);
    expect(ids('form', 'tacit')).toEqual(['K2', 'K3']);
    expect(ids('existence', 'person')).toEqual(['K2', 'K3']);
    expect(ids('seci', 'combination')).toEqual(['K1']);
    expect(ids('seci', null)).toEqual(['K2', 'K4', 'K5']);
    expect(ids('owner', 'E2')).toEqual(['K4']);
    expect(ids('owner', null)).toEqual(['K2', 'K3', 'K5']);
    expect(ids('health', 'orphan')).toEqual(['K3', 'K5']);
    expect(ids('health', 'single-holder')).toEqual(['K1', 'K4']);
    expect(ids('health', 'stale')).toEqual(['K1']);
  });

  it('gives each item its categories, owners, holders, documents, strength and health', () => {
    const rows = inventoryList(index, { facet: 'kind', key: 'knowledge' }, options);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('K4')).toEqual({
      id: 'K4',
      kind: 'knowledge',
      label: 'K4',
      form: 'explicit',
      existence: 'system',
      seciStage: null,
      importance: 2,
      categories: [],
      owners: ['E2'],
      holders: 1,
      capableHolders: 1,
      documents: 1,
      reviewDue: null,
      strength: 64,
      health: ['single-holder'],
    });
    expect(byId.get('K2')).toMatchObject({
      categories: ['C1', 'C2'],
      owners: [],
      holders: 2,
      capableHolders: 2,
      documents: 0,
      strength: 27,
      health: ['unowned', 'tacit-only'],
    });
    expect(byId.get('K1')).toMatchObject({ holders: 2, capableHolders: 1, reviewDue: '2026-12-01' });
    expect(byId.get('K3')!.strength).toBeNull();
  });

  it('lists nodes of other kinds with the knowledge fields null', () => {
    const experts = inventoryList(index, { facet: 'kind', key: 'expert' }, options);
    expect(experts.map((r) => r.id)).toEqual(['E1', 'E2']);
    expect(experts[0]).toMatchObject({
      kind: 'expert',
      form: null,
      importance: null,
      holders: null,
      documents: null,
      strength: null,
      categories: [],
      health: [],
    });
  });

  it.each([
    ['kind', 'bogus'],
    ['kind', null],
    ['category', 'K1'],
    ['owner', 'K1'],
    ['owner', 'nobody'],
    ['form', null],
    ['existence', 'paper'],
    ['seci', 'osmosis'],
    ['health', null],
    ['health', 'ill'],
  ] as const)('refuses %s = %s, naming the facet and the key', (facet, key) => {
    let err: unknown;
    try {
      inventoryList(index, { facet, key }, options);
    } catch (e) {
      err = e;
    }
    expect(isWellspringError(err)).toBe(true);
    const e = err as { code: string; key: string; params: Record<string, string>; message: string };
    expect(e.code).toBe('invalid_input');
    expect(e.key).toBe('errors.inventoryKeyUnknown');
    expect(e.params).toEqual({ facet, key: key ?? 'null' });
    expect(e.message).toContain(facet);
  });
});
