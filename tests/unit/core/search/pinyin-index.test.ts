import { describe, expect, it } from 'vitest';
import type { NodeDto } from '../../../../preload/contract';
import { PinyinNodeIndex } from '../../../../main/core/search/pinyin-index';

/** A node as the graph store returns it, with only what the pinyin index reads filled in. */
function node(id: string, label: string, extra: Partial<NodeDto> = {}): NodeDto {
  return {
    id,
    kind: 'knowledge',
    label,
    aliases: [],
    description: '',
    tags: [],
    props: {},
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  } as NodeDto;
}

/** A graph the index reads from, changed the way GraphStore changes (the caller then calls `changed`). */
function graph(nodes: NodeDto[]) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let reads = 0;
  return {
    byId,
    get reads() {
      return reads;
    },
    source: {
      all: () => {
        reads++;
        return [...byId.values()];
      },
      find: (id: string) => byId.get(id),
    },
  };
}

const labels = (index: PinyinNodeIndex, q: string) => index.search(q, { limit: 20 }).hits.map((h) => h.name);

describe('PinyinNodeIndex', () => {
  it('is built on the first pinyin query only, and ranks whole names, then starts, then inside', () => {
    const g = graph([
      node('a', '客户知识管理手册'),
      node('b', '知识管理'),
      node('c', '知识管理制度'),
      node('d', 'CRM', { aliases: ['客户关系管理'] }),
      node('e', 'Customer visit'),
    ]);
    const index = new PinyinNodeIndex(g.source);
    expect(index.search('知识', { limit: 5 })).toEqual({ hits: [], total: 0 });
    expect(g.reads).toBe(0); // not pinyin: nothing read
    expect(labels(index, 'zsgl')).toEqual(['知识管理', '知识管理制度', '客户知识管理手册']);
    expect(g.reads).toBe(1);
    // An alias match comes after label matches; the hit names the alias.
    const gl = index.search('gl', { limit: 20 }).hits;
    expect(gl.map((h) => [h.nodeId, h.field, h.matched])).toEqual([
      ['b', 'label', '管理'],
      ['c', 'label', '管理'],
      ['a', 'label', '管理'],
      ['d', 'alias', '管理'],
    ]);
    expect(
      index.search('gl', { limit: 20, exclude: new Set(['b']), kinds: new Set(['knowledge']) }).total,
    ).toBe(3);
    labels(index, 'kh');
    expect(g.reads).toBe(1); // built once
  });

  it('applies changes before the next query', () => {
    const g = graph([node('a', '银行对账'), node('b', '重庆门店')]);
    const index = new PinyinNodeIndex(g.source);
    expect(labels(index, 'yh')).toEqual(['银行对账']);
    g.byId.set('a', node('a', '长大成人'));
    g.byId.delete('b');
    g.byId.set('c', node('c', '行长办公会'));
    index.changed(['a', 'b', 'c']);
    expect(labels(index, 'yh')).toEqual([]);
    expect(labels(index, 'cq')).toEqual([]);
    expect(labels(index, 'zhangda')).toEqual(['长大成人']);
    expect(labels(index, 'hangzhang')).toEqual(['行长办公会']);
    expect(g.reads).toBe(1);
  });

  it('builds in the background in slices, taking changes made meanwhile', async () => {
    const nodes = Array.from({ length: 40 }, (_, i) => node(`n${i}`, `质量检查清单 ${i}`));
    const g = graph(nodes);
    const index = new PinyinNodeIndex(g.source);
    index.warmUp(0, 7);
    await new Promise((r) => setTimeout(r, 5));
    // Edited and deleted while the build is under way.
    g.byId.set('n39', node('n39', '知识管理'));
    g.byId.delete('n0');
    index.changed(['n39', 'n0']);
    await expect.poll(() => index.built).toBe(true);
    expect(g.reads).toBe(1);
    expect(labels(index, 'zsgl')).toEqual(['知识管理']);
    expect(index.search('zljcqd', { limit: 100 }).total).toBe(38);
  });

  it('a query during the background build finishes it at once; a failing source stops it quietly', async () => {
    const g = graph(Array.from({ length: 30 }, (_, i) => node(`n${i}`, `客户拜访记录 ${i}`)));
    const index = new PinyinNodeIndex(g.source);
    index.warmUp(0, 5);
    await new Promise((r) => setTimeout(r, 1));
    expect(index.search('khbfjl', { limit: 100 }).total).toBe(30);
    expect(index.built).toBe(true);

    const broken = new PinyinNodeIndex({
      all: () => {
        throw new Error('The database connection is not open');
      },
      find: () => undefined,
    });
    broken.warmUp(0);
    await new Promise((r) => setTimeout(r, 10));
    expect(broken.built).toBe(false);
    expect(() => broken.search('zsgl', { limit: 5 })).toThrow('not open');
  });
});
