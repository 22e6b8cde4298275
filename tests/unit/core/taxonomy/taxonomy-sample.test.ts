import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { GraphOp } from '../../../../preload/contract';
import { buildGraphIndex } from '../../../../main/core/analytics/graph-index';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { seedSample } from '../../../../main/core/sample/seed-sample';
import { TaxonomyService } from '../../../../main/core/taxonomy/taxonomy-service';
import { fixture, tempDir } from '../../helpers';

function openStore(seed: boolean) {
  const { db } = openWorkspaceDb(path.join(tempDir(), 's.wellspring'), { create: true });
  if (seed) seedSample(db);
  const store = new GraphStore(db);
  const service = new TaxonomyService({ store, index: () => buildGraphIndex(store.getGraph()) });
  return { db, store, service };
}

/** The graph as data, in id order (undo restores a deleted row as it was, though not at its old rowid). */
function snapshot(store: GraphStore): string {
  const g = store.getGraph();
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  return JSON.stringify({ nodes: [...g.nodes].sort(byId), edges: [...g.edges].sort(byId) });
}

const id = (key: string) => `sample:${key}`;

describe('the sample workspace’s taxonomy', () => {
  it('has four roots with the item counts of resources/sample (each item in one category)', () => {
    const { db, service } = openStore(true);
    const tree = service.tree();
    const roots = tree.nodes.filter((n) => n.parentId === null);
    // Counted by hand from workspace.v1.json's classified_as edges: 产品与设计 7 + 6 + 8 + 11, 生产与质量 10 + 11 + 9,
    // 营销与客户 21 + 8 + 11, 管理与传承 8 + 5.
    expect(Object.fromEntries(roots.map((r) => [r.label, [r.counts.directItems, r.counts.items]]))).toEqual({
      产品与设计: [0, 32],
      生产与质量: [0, 30],
      营销与客户: [0, 40],
      管理与传承: [0, 13],
    });
    expect(tree.totals).toEqual({ categories: 16, classifiedItems: 115, unclassifiedItems: 0 });
    const pattern = tree.nodes.find((n) => n.id === id('ca-pattern'))!;
    expect(pattern).toMatchObject({
      depth: 1,
      parentId: id('ca-product'),
      aliases: ['Pattern making and fit', '打版'],
    });
    expect(pattern.counts).toEqual({ directItems: 11, items: 11, subCategories: 0, experts: 0, terms: 1 });
    db.close();
  });

  it('merges 款式设计 into 版型与制版: every item kept, the expert keeps proficiency 5, undo restores exactly', () => {
    const { db, store, service } = openStore(true);
    const before = snapshot(store);
    const r = service.edit([{ edit: 'merge', fromId: id('ca-design'), intoId: id('ca-pattern') }]);
    // 6 items and 陈静怡's knows move; the part_of 产品与设计 goes with 款式设计.
    expect(r.changes[0]).toMatchObject({
      items: 6,
      children: 0,
      edgesMoved: 7,
      edgesMerged: 0,
      edgesRemoved: 1,
    });
    const tree = service.tree();
    expect(tree.totals).toEqual({ categories: 15, classifiedItems: 115, unclassifiedItems: 0 });
    const product = tree.nodes.find((n) => n.id === id('ca-product'))!;
    expect(product.counts).toMatchObject({ items: 32, subCategories: 3 });
    const pattern = tree.nodes.find((n) => n.id === id('ca-pattern'))!;
    expect(pattern.counts).toMatchObject({ directItems: 17, experts: 1, terms: 1 });
    expect(pattern.aliases).toEqual(['Pattern making and fit', '打版', '款式设计', 'Style design']);
    expect(pattern.description).toBe('原型、放码、号型与打样。\n\n设计任务、色彩、款式细节与设计档案。');
    const detail = service.detail(id('ca-pattern'));
    expect(detail.experts).toEqual([{ id: id('ex-chen-jingyi'), label: '陈静怡', proficiency: 5 }]);
    store.undo();
    expect(snapshot(store)).toBe(before);
    db.close();
  });

  it('merges across roots (门店运营与陈列 into 客户服务) without changing 营销与客户’s total', () => {
    const { db, store, service } = openStore(true);
    const before = snapshot(store);
    service.edit([{ edit: 'merge', fromId: id('ca-retail'), intoId: id('ca-service') }]);
    const market = service.tree().nodes.find((n) => n.id === id('ca-market'))!;
    expect(market.counts).toMatchObject({ items: 40, subCategories: 2 });
    expect(service.detail(id('ca-service')).terms.map((t) => t.label)).toContain('陈列');
    store.undo();
    expect(snapshot(store)).toBe(before);
    db.close();
  });
});

/** The ESCO skills hierarchy as rows: Level 0…3 URI and preferred term. */
function escoRows(): Array<Record<string, string>> {
  const text = fs.readFileSync(fixture('taxonomy/skillsHierarchy_en.csv'), 'utf8');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

describe('a real taxonomy: the ESCO skills hierarchy with the transversal skills classified in it', () => {
  /**
   * Categories: every group of the hierarchy (`part_of` the group one level up); knowledge items: the transversal
   * skills, `classified_as` the group of the hierarchy among their broader concepts.
   */
  function load() {
    const t = openStore(false);
    /** ESCO URI → node id: `skill/S1.0`, `isced-f/00`, `skill/<uuid>`. */
    const toId = (uri: string) => uri.replace('http://data.europa.eu/esco/', '');
    const parent = new Map<string, string | null>();
    const label = new Map<string, string>();
    for (const r of escoRows())
      for (let l = 0; l <= 3; l++) {
        const uri = r[`Level ${l} URI`];
        if (!uri) continue;
        label.set(toId(uri), r[`Level ${l} preferred term`]!);
        parent.set(toId(uri), l === 0 ? null : toId(r[`Level ${l - 1} URI`]!));
      }
    const skills = Papa.parse<Record<string, string>>(
      fs.readFileSync(fixture('taxonomy/transversalSkillsCollection_en.csv'), 'utf8'),
      { header: true, skipEmptyLines: true },
    ).data;
    const ops: GraphOp[] = [];
    for (const [gid, l] of label) ops.push({ op: 'addNode', id: gid, node: { kind: 'category', label: l } });
    for (const [gid, p] of parent)
      if (p) ops.push({ op: 'addEdge', edge: { kind: 'part_of', source: gid, target: p } });
    const classifiedIn = new Map<string, string>();
    for (const s of skills) {
      const sid = toId(s.conceptUri!);
      ops.push({
        op: 'addNode',
        id: sid,
        node: {
          kind: 'knowledge',
          label: s.preferredLabel!,
          props: {
            form: 'tacit',
            existence: 'person',
            status: 'active',
            confidentiality: 'public',
            importance: 2,
          },
        },
      });
      const group = s
        .broaderConceptUri!.split(' | ')
        .map(toId)
        .find((g) => label.has(g))!;
      classifiedIn.set(sid, group);
      ops.push({ op: 'addEdge', edge: { kind: 'classified_as', source: sid, target: group } });
    }
    t.store.apply(ops, { undoable: false });
    /** Skills below group `gid` by the CSV's own paths: those whose group's chain of parents reaches it. */
    const expected = (gid: string) => {
      let n = 0;
      for (const g of classifiedIn.values())
        for (let c: string | null = g; c !== null; c = parent.get(c) ?? null)
          if (c === gid) {
            n++;
            break;
          }
      return n;
    };
    return { ...t, label, parent, skills, expected };
  }

  it('lists 656 groups once each, in four pillars, with subtree counts that agree with the CSV paths', () => {
    const { db, service, label, parent, skills, expected } = load();
    const started = performance.now();
    const tree = service.tree();
    const ms = performance.now() - started;
    expect(tree.nodes).toHaveLength(label.size);
    expect(tree.totals).toEqual({ categories: 656, classifiedItems: skills.length, unclassifiedItems: 0 });
    const roots = tree.nodes.filter((n) => n.parentId === null);
    expect(roots.map((r) => r.label).sort()).toEqual([
      'attitudes and values',
      'knowledge',
      'language skills and knowledge',
      'skills',
    ]);
    for (const n of tree.nodes) expect(n.parentId, n.label).toBe(parent.get(n.id));
    for (const n of tree.nodes) expect(n.counts.items, n.label).toBe(expected(n.id));
    expect(Math.max(...roots.map((r) => r.counts.items))).toBeGreaterThan(50);
    // A group named like its parent is fine: siblings are what must differ.
    const s1 = tree.nodes.find((n) => n.id === 'skill/S1')!;
    expect(tree.nodes.find((n) => n.id === 'skill/S1.0')).toMatchObject({
      label: s1.label,
      parentId: 'skill/S1',
    });
    expect(ms).toBeLessThan(1000);
    db.close();
  });

  it('merges one pillar’s group into another’s: the items move, the total stays, undo restores exactly', () => {
    const { db, store, service } = load();
    const tree = service.tree();
    const byId = new Map(tree.nodes.map((n) => [n.id, n]));
    // The largest direct group of transversal skills, merged into a group of another pillar.
    const from = [...tree.nodes].sort((a, b) => b.counts.directItems - a.counts.directItems)[0]!;
    const rootOf = (x: string): string => (byId.get(x)!.parentId ? rootOf(byId.get(x)!.parentId!) : x);
    const into = tree.nodes.find((n) => n.childIds.length === 0 && rootOf(n.id) !== rootOf(from.id))!;
    const before = snapshot(store);
    const r = service.edit([{ edit: 'merge', fromId: from.id, intoId: into.id }]);
    expect(r.changes[0]!.items).toBe(from.counts.directItems);
    const after = new Map(service.tree().nodes.map((n) => [n.id, n]));
    expect(after.get(into.id)!.counts.directItems).toBe(into.counts.directItems + from.counts.directItems);
    expect(after.get(rootOf(into.id))!.counts.items).toBe(
      byId.get(rootOf(into.id))!.counts.items + from.counts.directItems,
    );
    expect(service.tree().totals.classifiedItems).toBe(tree.totals.classifiedItems);
    store.undo();
    expect(snapshot(store)).toBe(before);
    db.close();
  });
});
