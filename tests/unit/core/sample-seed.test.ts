import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspaceDb } from '../../../main/core/db/workspace-db';
import { GraphStore } from '../../../main/core/graph/graph-store';
import { bundledSample, seedSample } from '../../../main/core/sample/seed-sample';
import { tempDir } from '../helpers';

describe('sample workspace', () => {
  it('seeds every node and edge of the bundled sample, validated, with nothing to undo', () => {
    const sample = bundledSample();
    const { db } = openWorkspaceDb(path.join(tempDir(), 's.wellspring'), { create: true });
    const counts = seedSample(db, sample);
    expect(counts).toEqual({ nodes: sample.nodes.length, edges: sample.edges.length });
    const store = new GraphStore(db);
    const stats = store.stats();
    // DESIGN §6: about 20 experts, 100+ knowledge items, the four capabilities, the nine sales stages.
    expect(stats.nodes.knowledge).toBeGreaterThanOrEqual(100);
    expect(stats.nodes.expert).toBeGreaterThanOrEqual(18);
    const labels = new Set(store.getGraph().nodes.map((n) => n.label));
    for (const l of [
      '投资与决策能力',
      '客户与市场能力',
      '管理与运营能力',
      '学习与创新能力',
      '商机确认',
      '终止',
      '拜访记录',
    ]) {
      expect(labels.has(l)).toBe(true);
    }
    expect(store.history.state().canUndo).toBe(false);
    db.close();
  });

  it('dates leaving experts months after the day it is created, and spreads creation over the build-up weeks', () => {
    const sample = bundledSample();
    const { db } = openWorkspaceDb(path.join(tempDir(), 's.wellspring'), { create: true });
    seedSample(db, sample);
    const graph = new GraphStore(db).getGraph();
    const withMonths = sample.nodes.filter((n) => typeof n.props.expectedLeavingInMonths === 'number');
    expect(withMonths.length).toBeGreaterThan(0);
    for (const n of withMonths) {
      const props = graph.nodes.find((g) => g.id === `sample:${n.key}`)!.props;
      expect(props.expectedLeavingInMonths).toBeUndefined();
      const want = new Date();
      want.setMonth(want.getMonth() + (n.props.expectedLeavingInMonths as number));
      const p = (x: number) => String(x).padStart(2, '0');
      expect(props.expectedLeaving).toBe(`${want.getFullYear()}-${p(want.getMonth() + 1)}-${p(want.getDate())}`);
    }
    // Every kind grows evenly over buildUpWeeks: the first knowledge item is that many weeks old, the last recent.
    const items = sample.nodes.filter((n) => n.kind === 'knowledge');
    const age = (key: string) =>
      (Date.now() - Date.parse(graph.nodes.find((g) => g.id === `sample:${key}`)!.createdAt)) / (7 * 86_400_000);
    expect(age(items[0]!.key)).toBeCloseTo(sample.buildUpWeeks, 1);
    expect(age(items[items.length - 1]!.key)).toBeLessThan(sample.buildUpWeeks / items.length + 0.01);
    // An edge is never older than its ends.
    const created = new Map(graph.nodes.map((n) => [n.id, n.createdAt]));
    for (const e of graph.edges) {
      expect(e.createdAt >= created.get(e.source)!).toBe(true);
      expect(e.createdAt >= created.get(e.target)!).toBe(true);
    }
    db.close();
  });

  it('writes nothing when one edge of the sample breaks the rules', () => {
    const sample = bundledSample();
    const broken = {
      ...sample,
      edges: [
        ...sample.edges,
        { kind: 'knows' as const, source: sample.nodes[0]!.key, target: sample.nodes[0]!.key, props: {} },
      ],
    };
    broken.edges[broken.edges.length - 1]!.source = sample.nodes.find((n) => n.kind === 'step')!.key;
    const { db } = openWorkspaceDb(path.join(tempDir(), 's.wellspring'), { create: true });
    expect(() => seedSample(db, broken)).toThrow(/Sample edge #\d+ .*knows/);
    expect(new GraphStore(db).stats().nodeTotal).toBe(0);
    db.close();
  });

  it('names the sample edge when one is listed twice, and writes nothing', () => {
    const sample = bundledSample();
    const knows = sample.edges.find((e) => e.kind === 'knows')!;
    const broken = { ...sample, edges: [...sample.edges, { ...knows, props: { proficiency: 1 } }] };
    const { db } = openWorkspaceDb(path.join(tempDir(), 's.wellspring'), { create: true });
    expect(() => seedSample(db, broken)).toThrow(
      new RegExp(
        `Sample edge #${sample.edges.length} \\(${knows.source} knows ${knows.target}\\): duplicate edge`,
      ),
    );
    expect(new GraphStore(db).stats().edgeTotal).toBe(0);
    db.close();
  });

  it("points every document node at a file of the sample's docs folder, and every link at a page it has", () => {
    const sample = bundledSample();
    const docsDir = path.join(__dirname, '../../../resources/sample');
    const docs = sample.nodes.filter((n) => n.kind === 'document');
    expect(docs.length).toBeGreaterThanOrEqual(7);
    // Markdown pages are its sections (main/core/documents/extract/text.ts): one per heading.
    const pages = new Map(
      docs.map((d) => {
        const text = fs.readFileSync(path.join(docsDir, String(d.props.path)), 'utf8');
        return [d.key, text.split('\n').filter((l) => /^#{1,6} /.test(l)).length] as const;
      }),
    );
    const links = sample.edges.filter((e) => e.kind === 'documented_by');
    for (const l of links) {
      const page = l.props.page as number;
      expect(page, `${l.source} → ${l.target}`).toBeGreaterThanOrEqual(1);
      expect(page, `${l.source} → ${l.target}`).toBeLessThanOrEqual(pages.get(l.target)!);
    }
  });
});
