import { describe, expect, it } from 'vitest';
import type { EdgeDto, NodeDto } from '../../../../preload/contract';
import { buildGraphIndex } from '../../../../main/core/analytics/graph-index';
import { taxonomyDetail, taxonomyTree } from '../../../../main/core/taxonomy/taxonomy-tree';
import { edge, node } from '../../helpers';

const cat = (id: string, label = id, aliases: string[] = []): NodeDto => ({
  ...node(id, 'category'),
  label,
  aliases,
});
const item = (id: string, form = 'explicit') => node(id, 'knowledge', { form });

/**
 *   产品 P ← 设计 D ← 款式 S        市场 M ← 销售 SA
 *          ← 面料 F
 * K1 in D; K2 in D and F; K3 in F; K4 in S; K5 in SA; K6 nowhere. E1 knows D (4) and F (2); E2 knows D (3);
 * T1 defines D.
 */
function graph(extra: { nodes?: NodeDto[]; edges?: EdgeDto[] } = {}) {
  const nodes = [
    cat('P', '产品'),
    cat('D', '设计', ['Design']),
    cat('F', '面料'),
    cat('S', '款式'),
    cat('M', '市场'),
    cat('SA', '销售'),
    ...['K1', 'K2', 'K3', 'K4', 'K5'].map((k) => item(k)),
    item('K6', 'tacit'),
    node('E1', 'expert'),
    node('E2', 'expert'),
    node('T1', 'term'),
    ...(extra.nodes ?? []),
  ];
  const edges = [
    edge('D', 'P', 'part_of'),
    edge('F', 'P', 'part_of'),
    edge('S', 'D', 'part_of'),
    edge('SA', 'M', 'part_of'),
    edge('K1', 'D', 'classified_as'),
    edge('K2', 'D', 'classified_as'),
    edge('K2', 'F', 'classified_as'),
    edge('K3', 'F', 'classified_as'),
    edge('K4', 'S', 'classified_as'),
    edge('K5', 'SA', 'classified_as'),
    edge('E1', 'D', 'knows', { proficiency: 4 }),
    edge('E1', 'F', 'knows', { proficiency: 2 }),
    edge('E2', 'D', 'knows', { proficiency: 3 }),
    edge('T1', 'D', 'defines'),
    ...(extra.edges ?? []),
  ];
  return buildGraphIndex({ nodes, edges });
}

describe('taxonomyTree', () => {
  it('lists the categories depth first by pinyin, with direct and subtree counts (each item once)', () => {
    const tree = taxonomyTree(graph());
    // Pinyin order: 产品 (chan) before 市场 (shi); under 产品, 面料 (mian) before 设计 (she).
    expect(tree.nodes.map((n) => [n.label, n.depth, n.parentId])).toEqual([
      ['产品', 0, null],
      ['面料', 1, 'P'],
      ['设计', 1, 'P'],
      ['款式', 2, 'D'],
      ['市场', 0, null],
      ['销售', 1, 'M'],
    ]);
    const by = new Map(tree.nodes.map((n) => [n.id, n]));
    // K2 is in 设计 and 面料: once in 产品's subtree (K1, K2, K3, K4).
    expect(by.get('P')!.counts).toEqual({ directItems: 0, items: 4, subCategories: 3, experts: 0, terms: 0 });
    expect(by.get('D')!.counts).toEqual({ directItems: 2, items: 3, subCategories: 1, experts: 2, terms: 1 });
    expect(by.get('F')!.counts).toEqual({ directItems: 2, items: 2, subCategories: 0, experts: 1, terms: 0 });
    expect(by.get('D')!.childIds).toEqual(['S']);
    expect(by.get('P')!.childIds).toEqual(['F', 'D']);
    expect(by.get('D')!.aliases).toEqual(['Design']);
    expect(tree.totals).toEqual({ categories: 6, classifiedItems: 5, unclassifiedItems: 1 });
  });

  it('shows a category with two parents once, under the first, and counts it in both', () => {
    const tree = taxonomyTree(graph({ edges: [edge('S', 'M', 'part_of')] }));
    expect(tree.nodes.filter((n) => n.id === 'S')).toHaveLength(1);
    const by = new Map(tree.nodes.map((n) => [n.id, n]));
    expect(by.get('S')).toMatchObject({ parentId: 'D', alsoUnder: ['M'] });
    expect(by.get('M')!.childIds).toEqual(['SA']);
    expect(by.get('M')!.counts.items).toBe(2); // K5, and K4 through 款式
  });

  it('walks a cycle of part_of edges once: cut where it is entered, and says where it was', () => {
    const tree = taxonomyTree(
      graph({
        nodes: [cat('A', '甲'), cat('B', '乙')],
        edges: [edge('A', 'B', 'part_of'), edge('B', 'A', 'part_of'), edge('K6', 'B', 'classified_as')],
      }),
    );
    expect(tree.nodes).toHaveLength(8);
    expect(new Set(tree.nodes.map((n) => n.id)).size).toBe(8);
    const by = new Map(tree.nodes.map((n) => [n.id, n]));
    // 甲 (jia) sorts before 乙 (yi): the cycle is cut at 甲, which becomes a root with 乙 below it.
    expect(by.get('A')).toMatchObject({ parentId: null, alsoUnder: ['B'], childIds: ['B'], depth: 0 });
    expect(by.get('B')).toMatchObject({ parentId: 'A', depth: 1 });
    expect(by.get('A')!.counts).toMatchObject({ items: 1, subCategories: 1 });
    expect(by.get('B')!.counts).toMatchObject({ items: 1, subCategories: 1 });
  });

  it('is empty without categories, and counts every item unclassified', () => {
    const tree = taxonomyTree(buildGraphIndex({ nodes: [item('K1')], edges: [] }));
    expect(tree).toEqual({ nodes: [], totals: { categories: 0, classifiedItems: 0, unclassifiedItems: 1 } });
  });
});

describe('taxonomyDetail', () => {
  it('gives the path, the subtree items (direct first), experts by proficiency and terms', () => {
    const d = taxonomyDetail(graph(), 'D');
    expect(d.path).toEqual([
      { id: 'P', label: '产品' },
      { id: 'D', label: '设计' },
    ]);
    expect(d.items.map((i) => [i.id, i.direct, i.viaId, i.form])).toEqual([
      ['K1', true, 'D', 'explicit'],
      ['K2', true, 'D', 'explicit'],
      ['K4', false, 'S', 'explicit'],
    ]);
    expect(d.experts.map((e) => [e.id, e.proficiency])).toEqual([
      ['E1', 4],
      ['E2', 3],
    ]);
    expect(d.terms.map((t) => t.id)).toEqual(['T1']);
  });

  it('refuses an unknown id and a node that is not a category', () => {
    expect(() => taxonomyDetail(graph(), 'nope')).toThrow(
      expect.objectContaining({ code: 'not_found', key: 'errors.nodeNotFound' }),
    );
    expect(() => taxonomyDetail(graph(), 'K1')).toThrow(
      expect.objectContaining({ code: 'invalid_input', key: 'taxonomy:errors.notCategory' }),
    );
  });
});
