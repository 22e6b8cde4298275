import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { ViewStore } from '../../../../main/core/graph/view-store';
import {
  resolveSnapshotView,
  snapshotFileName,
  withShownElements,
} from '../../../../main/core/export/snapshot-view';
import { isWellspringError } from '../../../../main/core/util/errors';
import { tempDir } from '../../helpers';

// A small workspace built by hand: process P (steps S1, S2), S1 requires K1 and consults E, S2 produces K2,
// competency C2 is part of C1 and K1 supports C2; K3 stands alone. Only P and K3 have map positions.
let close = () => {};
afterEach(() => close());

function workspace() {
  const { db } = openWorkspaceDb(path.join(tempDir(), 'w.wellspring'), { create: true });
  close = () => db.close();
  const graph = new GraphStore(db);
  const views = new ViewStore(db);
  const add = (id: string, kind: Parameters<GraphStore['addNode']>[0]['kind'], extra: object = {}) =>
    graph.addNode({ kind, label: id, ...extra }, id);
  add('P', 'process', { x: 100, y: -60 });
  add('S1', 'step', { props: { order: 1 } });
  add('S2', 'step', { props: { order: 2 } });
  add('K1', 'knowledge', { aliases: ['拜访记录'] });
  add('K2', 'knowledge');
  add('K3', 'knowledge', { x: 500, y: 40 });
  add('E', 'expert');
  add('C1', 'competency', { props: { level: 'core', target: 4 } });
  add('C2', 'competency', { props: { level: 'capability', target: 3 } });
  const link = (kind: Parameters<GraphStore['addEdge']>[0]['kind'], source: string, target: string) =>
    graph.addEdge({ kind, source, target }, `${source}-${kind}-${target}`);
  link('part_of', 'S1', 'P');
  link('part_of', 'S2', 'P');
  link('next', 'S1', 'S2');
  link('requires', 'S1', 'K1');
  link('consults', 'S1', 'E');
  link('produces', 'S2', 'K2');
  link('part_of', 'C2', 'C1');
  link('supports', 'K1', 'C2');
  return { graph, views };
}

const at = (v: ReturnType<typeof resolveSnapshotView>) =>
  Object.fromEntries(v.graph.nodes.map((n) => [n.id, [n.x, n.y]]));
const ids = (xs: ReadonlyArray<{ id: string }>) => xs.map((x) => x.id).sort();

describe('resolveSnapshotView', () => {
  it('map: every node; the unplaced ones on a grid below the placed ones, sorted by kind, order and label', () => {
    const v = resolveSnapshotView(workspace(), 'map');
    expect(v).toMatchObject({ kind: 'map', viewId: 'map', title: 'Knowledge map' });
    expect(v.graph.edges).toHaveLength(8);
    // placed: P (100,-60), K3 (500,40) → grid from x = 100, y = 40 + 2·160 = 360; 7 loose nodes → 3 columns
    expect(at(v)).toEqual({
      P: [100, -60],
      K3: [500, 40],
      S1: [100, 360],
      S2: [260, 360],
      C1: [420, 360],
      C2: [100, 520],
      K1: [260, 520],
      K2: [420, 520],
      E: [100, 680],
    });
  });

  it('names are folded: MAP and full-width ｍａｐ are the map', () => {
    const src = workspace();
    expect(resolveSnapshotView(src, 'MAP').kind).toBe('map');
    expect(resolveSnapshotView(src, 'ｍａｐ').kind).toBe('map');
  });

  it('competency without a competency view: competencies, their supporting items and part_of/supports edges', () => {
    const v = resolveSnapshotView(workspace(), 'competency');
    expect(v).toMatchObject({ kind: 'competency', viewId: null });
    expect(ids(v.graph.nodes)).toEqual(['C1', 'C2', 'K1']);
    expect(ids(v.graph.edges)).toEqual(['C2-part_of-C1', 'K1-supports-C2']);
    // nothing is placed in the map: concentric rings (core at 0,0, capability at radius 300, item at 600)
    expect(at(v)).toEqual({ C1: [0, 0], C2: [0, -300], K1: [0, -600] });
  });

  it('competency with a competency view: that view’s positions', () => {
    const src = workspace();
    const view = src.views.create({ kind: 'competency', name: 'Core competence' });
    src.graph.savePositions(
      view.id,
      [
        { id: 'C1', x: 7, y: 8 },
        { id: 'C2', x: 9, y: 10 },
        { id: 'K1', x: 11, y: 12 },
      ],
      'layout',
    );
    const v = resolveSnapshotView(src, 'competency');
    expect(v).toMatchObject({ viewId: view.id, title: 'Core competence' });
    expect(at(v)).toEqual({ C1: [7, 8], C2: [9, 10], K1: [11, 12] });
  });

  it('competency: the core level’s view, not a drill level’s; a partly placed level goes on the rings', () => {
    const src = workspace();
    const level = src.views.create({ kind: 'competency', name: 'C1 › C2', layout: { focusId: 'C2' } });
    src.graph.savePositions(level.id, [{ id: 'K1', x: 900, y: 900 }], 'move');
    const core = src.views.create({ kind: 'competency', name: 'Core competence' });
    src.graph.savePositions(core.id, [{ id: 'C2', x: 5, y: 5 }], 'move'); // dragged once, the rest unplaced
    const v = resolveSnapshotView(src, 'competency');
    expect(v).toMatchObject({ viewId: core.id, title: 'Core competence' });
    // Rings (concentric-placement.ts): C1 alone at the centre, C2 on ring 1 at 12 o'clock, K1 on ring 2 above it.
    const p = at(v);
    expect(p.C1).toEqual([0, 0]);
    expect(p.C2![0]).toBe(0);
    expect(p.C2![1]).toBeLessThan(0);
    expect(p.K1![0]).toBe(0);
    expect(p.K1![1]).toBeLessThan(p.C2![1]!);
  });

  it('the elements a canvas shows: stored nodes under their element ids, lines between shown ends only', () => {
    const src = workspace();
    const stored = resolveSnapshotView(src, 'process:P');
    const v = withShownElements(src.graph, stored, {
      title: 'P · pipeline',
      nodes: [
        { id: 'S1', refId: 'S1', x: 0, y: 0 },
        { id: 'req:S1:K1', refId: 'K1', x: 0, y: -90 },
        { id: 'req:S2:K1', refId: 'K1', x: 240, y: -90 },
        { id: 'gone', refId: 'deleted-node', x: 5, y: 5 },
      ],
      edges: [
        { id: 'm1', source: 'S1', target: 'req:S1:K1', kind: 'requires' },
        { id: 'm2', source: 'S2', target: 'req:S2:K1', kind: 'requires' },
        { id: 'm3', source: 'S1', target: 'gone', kind: 'consults' },
      ],
    });
    expect(v).toMatchObject({ kind: 'process', title: 'P · pipeline' });
    expect(v.graph.nodes.map((n) => [n.id, n.label, n.kind, n.x, n.y])).toEqual([
      ['S1', 'S1', 'step', 0, 0],
      ['req:S1:K1', 'K1', 'knowledge', 0, -90],
      ['req:S2:K1', 'K1', 'knowledge', 240, -90],
    ]);
    // The satellite keeps the item's aliases (what the page's search finds).
    expect(v.graph.nodes[1]!.aliases).toEqual(['拜访记录']);
    expect(v.graph.edges).toEqual([{ id: 'm1', source: 'S1', target: 'req:S1:K1', kind: 'requires' }]);
  });

  it('process:P and bare P: the process, its steps, what they require and produce, whom they consult', () => {
    const src = workspace();
    const v = resolveSnapshotView(src, 'process:P');
    expect(v).toMatchObject({ kind: 'process', title: 'P', viewId: null });
    expect(ids(v.graph.nodes)).toEqual(['E', 'K1', 'K2', 'P', 'S1', 'S2']);
    expect(ids(v.graph.edges)).toEqual([
      'S1-consults-E',
      'S1-next-S2',
      'S1-part_of-P',
      'S1-requires-K1',
      'S2-part_of-P',
      'S2-produces-K2',
    ]);
    // no process view yet: map positions are dropped, all six on a 3-column grid from 0,0
    expect(at(v)).toEqual({
      P: [0, 0],
      S1: [160, 0],
      S2: [320, 0],
      K1: [0, 160],
      K2: [160, 160],
      E: [320, 160],
    });
    expect(ids(resolveSnapshotView(src, 'p').graph.nodes)).toEqual(['E', 'K1', 'K2', 'P', 'S1', 'S2']);
  });

  it('a saved view by name: its filters and its positions', () => {
    const src = workspace();
    const view = src.views.create({
      kind: 'saved',
      name: 'Knowledge only',
      filters: { kinds: ['knowledge'] },
    });
    src.graph.savePositions(view.id, [{ id: 'K2', x: -30, y: 50 }], 'move');
    const v = resolveSnapshotView(src, 'knowledge ONLY');
    expect(v).toMatchObject({ kind: 'saved', title: 'Knowledge only', viewId: view.id });
    // K2 placed; K1, K3 below it: x from -30, y = 50 + 2·160
    expect(at(v)).toEqual({ K2: [-30, 50], K1: [-30, 370], K3: [130, 370] });
    expect(v.graph.edges).toEqual([]);
    // The app asks by id (its saved views), which also finds a view whose name is taken by a process.
    const byId = src.views.create({ kind: 'saved', name: 'P' });
    expect(resolveSnapshotView(src, byId.id)).toMatchObject({ kind: 'saved', viewId: byId.id });
    expect(resolveSnapshotView(src, view.id).title).toBe('Knowledge only');
  });

  it('snapshot file names: the title with refused characters replaced, then the UTC day', () => {
    const day = new Date('2026-12-02T23:30:00Z');
    expect(snapshotFileName('核心能力 › 客户与市场', day)).toBe('核心能力 › 客户与市场-2026-12-02.html');
    expect(snapshotFileName('a/b\\c:d*e?"f"<g>|h\u0007', day)).toBe('a_b_c_d_e__f__g__h_-2026-12-02.html');
    expect(snapshotFileName('   ', day)).toBe('view-2026-12-02.html');
    expect(snapshotFileName('长'.repeat(300), day)).toBe(`${'长'.repeat(120)}-2026-12-02.html`);
  });

  it('an unknown name: not_found listing the names that work', () => {
    const src = workspace();
    src.views.create({ kind: 'saved', name: 'Mine' });
    let error: unknown;
    try {
      resolveSnapshotView(src, 'nope');
    } catch (e) {
      error = e;
    }
    expect(isWellspringError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'not_found',
      key: 'errors.snapshotViewUnknown',
      params: { name: 'nope', names: 'map, competency, Mine, process:P' },
    });
    expect((error as Error).message).toBe(
      'No view is called “nope”. Views: map, competency, Mine, process:P.',
    );
  });
});
