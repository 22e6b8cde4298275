import { describe, expect, it } from 'vitest';
import type { EdgeKind, GraphDto, NodeKind } from '../../../../preload/contract';
import { applyFilter, categoryScope } from '../../../../main/core/graph/graph-filter';
// The JSON itself rather than seed-sample.ts, so this test needs neither SQLite nor the graph store.
import sample from '../../../../resources/sample/workspace.v1.json';

/** The bundled sample workspace as the core hands it to the filter (ids `sample:<key>`, as seedSample writes). */
function sampleGraph(): GraphDto {
  const at = '2026-01-01T00:00:00.000Z';
  return {
    nodes: sample.nodes.map((n) => ({
      id: `sample:${n.key}`,
      kind: n.kind as NodeKind,
      label: n.label,
      aliases: n.aliases ?? [],
      description: n.description ?? '',
      tags: n.tags ?? [],
      props: (n.props ?? {}) as Record<string, unknown>,
      x: null,
      y: null,
      createdAt: at,
      updatedAt: at,
    })),
    edges: sample.edges.map((e, i) => ({
      id: `e${i}`,
      kind: e.kind as EdgeKind,
      source: `sample:${e.source}`,
      target: `sample:${e.target}`,
      props: {},
      createdAt: at,
    })),
  };
}

const graph = sampleGraph();
const idOf = (label: string) => graph.nodes.find((n) => n.label === label)!.id;
const labels = (g: GraphDto) => new Set(g.nodes.map((n) => n.label));

describe('category filter on the sample workspace', () => {
  it('shows a leaf category, its items and their direct neighbours, nothing further', () => {
    // 大客户销售 (key-account sales) classifies 21 items, among them 拜访记录; 郭晓宇 knows 拜访记录 and the
    // step 初次接触 produces it (checked by hand in resources/sample/workspace.v1.json).
    const g = applyFilter(graph, { categoryId: idOf('大客户销售') });
    const shown = labels(g);
    for (const l of [
      '大客户销售',
      '拜访记录',
      '客户档案卡',
      'CRM系统录入规范',
      '郭晓宇',
      '初次接触',
      '营销与客户',
    ])
      expect(shown.has(l), l).toBe(true);
    // Siblings of the category and items of other categories are two or more hops away.
    for (const l of ['门店运营与陈列', '客户服务', '质量检验', '生产与质量'])
      expect(shown.has(l), l).toBe(false);
    const items = g.nodes.filter((n) => n.kind === 'knowledge');
    const classified = graph.edges.filter(
      (e) => e.kind === 'classified_as' && e.target === idOf('大客户销售'),
    );
    expect(classified).toHaveLength(21);
    // Every item classified there is shown; items that are shown without being classified there are neighbours.
    for (const e of classified) expect(g.nodes.some((n) => n.id === e.source)).toBe(true);
    expect(items.length).toBeGreaterThanOrEqual(21);
    // The old filter kept all 113 non-knowledge nodes; this one keeps only those next to the category's nodes.
    const nonKnowledge = g.nodes.filter((n) => n.kind !== 'knowledge').length;
    expect(nonKnowledge).toBeLessThan(graph.nodes.filter((n) => n.kind !== 'knowledge').length / 2);
    // Edges only between shown nodes.
    const ids = new Set(g.nodes.map((n) => n.id));
    expect(g.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });

  it('includes sub-categories transitively and their items', () => {
    const g = applyFilter(graph, { categoryId: idOf('营销与客户') });
    const shown = labels(g);
    for (const l of ['营销与客户', '大客户销售', '门店运营与陈列', '客户服务', '拜访记录'])
      expect(shown.has(l), l).toBe(true);
    expect(shown.has('产品与设计')).toBe(false);
    // A leaf's view is contained in its parent's.
    const leaf = applyFilter(graph, { categoryId: idOf('大客户销售') });
    expect(leaf.nodes.every((n) => shown.has(n.label))).toBe(true);
    expect(g.nodes.length).toBeGreaterThan(leaf.nodes.length);
  });

  it('combines with the other criteria (AND) and is empty for an unknown or non-category id', () => {
    const experts = applyFilter(graph, { categoryId: idOf('大客户销售'), kinds: ['expert'] });
    expect(experts.nodes.length).toBeGreaterThan(0);
    expect(experts.nodes.every((n) => n.kind === 'expert')).toBe(true);
    expect(labels(experts).has('郭晓宇')).toBe(true);
    expect(categoryScope(graph, 'no-such-id').size).toBe(0);
    expect(applyFilter(graph, { categoryId: idOf('拜访记录') }).nodes).toEqual([]);
  });
});
