import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, MAP_VIEW_ID, mapGraphOf } from '../../../../preload/contract';
import { dispatch } from '../../../../main/core/api/dispatch';
import { graphHandlers } from '../../../../main/core/api/handlers/graph';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import type { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { createSyntheticWorkspace } from '../../../bench/synthetic-workspace';
import { tempDir } from '../../helpers';

/** A synthetic 2,000-node workspace (tests/bench/synthetic-workspace.ts, written through the real schema). */
function workspace() {
  const file = path.join(tempDir(), 'map.wellspring');
  createSyntheticWorkspace(file, 2000);
  const { db } = openWorkspaceDb(file);
  const store = new GraphStore(db);
  const handlers = graphHandlers({ store } as unknown as WorkspaceService);
  return { db, store, handlers };
}

async function answer(
  handlers: ReturnType<typeof graphHandlers>,
  channel: 'graph:map' | 'graph:get',
  input = {},
) {
  const r = await dispatch(handlers as never, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.code} ${r.message}`);
  return r.value;
}

describe('graph:map, the lean map channel (issue 12)', () => {
  it('sends every node and edge with only what the map draws, at the stored positions', async () => {
    const { db, handlers } = workspace();
    try {
      const full = CHANNELS['graph:get'].output.parse(await answer(handlers, 'graph:get'));
      const raw = await answer(handlers, 'graph:map');
      const lean = CHANNELS['graph:map'].output.parse(raw);
      expect(lean.nodes.map((n) => n.id)).toEqual(full.nodes.map((n) => n.id));
      expect(lean.edges.map((e) => e.id)).toEqual(full.edges.map((e) => e.id));
      // What the map needs, and for knowledge items the two props the stylesheet and the size encoding read.
      expect(lean).toEqual(mapGraphOf(full));
      const item = full.nodes.find((n) => n.kind === 'knowledge')!;
      const leanItem = lean.nodes.find((n) => n.id === item.id)!;
      expect(leanItem.form).toBe(item.props.form);
      expect(leanItem.importance).toBe(item.props.importance);
      expect([leanItem.x, leanItem.y]).toEqual([item.x, item.y]);
      expect(item.x).not.toBeNull();
      // Nothing else crosses: no props, description or times on nodes, no props or time on edges.
      const keys = new Set(lean.nodes.flatMap((n) => Object.keys(n)));
      expect([...keys].sort()).toEqual([
        'aliases',
        'form',
        'id',
        'importance',
        'kind',
        'label',
        'tags',
        'x',
        'y',
      ]);
      expect(lean.nodes.filter((n) => n.kind !== 'knowledge').every((n) => !('form' in n))).toBe(true);
      expect(Object.keys(lean.edges[0]!).sort()).toEqual(['id', 'kind', 'source', 'target']);
      // The bytes on the wire: under 70 % of graph:get's for the same graph (65 % here: three UUIDs per edge stay).
      const leanBytes = Buffer.byteLength(JSON.stringify(raw));
      const fullBytes = Buffer.byteLength(JSON.stringify(full));
      expect(leanBytes / fullBytes).toBeLessThan(0.7);
    } finally {
      db.close();
    }
  });

  it('keeps a filter and a view as graph:get does, and graph:map-elements answers a change by id', async () => {
    const { db, store, handlers } = workspace();
    try {
      const filter = { kinds: ['expert' as const, 'knowledge' as const], tags: ['质量'] };
      expect(store.getMapGraph(filter)).toEqual(mapGraphOf(store.getGraph(filter)));
      expect(store.getMapGraph(filter).nodes.length).toBeGreaterThan(0);
      // Another view's positions: none stored there yet.
      expect(store.getMapGraph(undefined, 'elsewhere').nodes.every((n) => n.x === null)).toBe(true);

      const item = store.getGraph().nodes.find((n) => n.kind === 'knowledge')!;
      store.updateNode(item.id, { label: '质量检查清单（新版）', props: { ...item.props, form: 'tacit' } });
      const edge = store.getGraph().edges[0]!;
      const r = await dispatch(handlers as never, 'graph:map-elements', {
        nodeIds: [item.id, 'gone'],
        edgeIds: [edge.id],
        viewId: MAP_VIEW_ID,
      });
      if (!r.ok) throw new Error(r.message);
      const fresh = CHANNELS['graph:map-elements'].output.parse(r.value);
      expect(fresh.nodes).toHaveLength(1);
      expect(fresh.nodes[0]).toMatchObject({ id: item.id, label: '质量检查清单（新版）', form: 'tacit' });
      expect(fresh.edges).toEqual([
        { id: edge.id, kind: edge.kind, source: edge.source, target: edge.target },
      ]);
    } finally {
      db.close();
    }
  });

  it('leaves the details to graph:get-node (what the inspector reads)', async () => {
    const { db, handlers } = workspace();
    try {
      const lean = CHANNELS['graph:map'].output.parse(await answer(handlers, 'graph:map'));
      const expert = lean.nodes.find((n) => n.kind === 'expert')!;
      const r = await dispatch(handlers as never, 'graph:get-node', { id: expert.id });
      if (!r.ok) throw new Error(r.message);
      const detail = CHANNELS['graph:get-node'].output.parse(r.value);
      expect(detail.node.props.department).toMatch(/部$/);
      expect(detail.node.createdAt).toMatch(/^\d{4}-/);
      expect(detail.edges.length).toBeGreaterThan(0);
      const bad = await dispatch(handlers as never, 'graph:map', { filter: { kinds: ['robot'] } });
      expect(bad.ok).toBe(false);
    } finally {
      db.close();
    }
  });
});
