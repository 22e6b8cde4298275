import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAP_VIEW_ID, type GraphOp } from '../../../../preload/contract';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { PART_OPS } from '../../../../main/core/graph/history-log';
import { tempDir } from '../../helpers';

// Migration 0007: a big undo entry keeps its sides in parts of PART_OPS operations, and undo, redo, the placing
// of added nodes and a reopened workspace read them back as one entry.
describe('undo entries in parts', () => {
  const N = Math.round(PART_OPS * 2.5);
  const addOps = (): GraphOp[] =>
    Array.from({ length: N }, (_, i) => ({
      op: 'addNode' as const,
      id: `n${i}`,
      node: { kind: 'knowledge' as const, label: `条目 ${i}`, description: '导入的说明。' },
    }));

  it('stores a side of more than PART_OPS operations in parts and undoes and redoes it as one step', () => {
    const file = path.join(tempDir(), 'w.wellspring');
    let { db } = openWorkspaceDb(file, { create: true });
    let store = new GraphStore(db);
    store.addNode({ kind: 'expert', label: '小编辑' }, 'small');
    store.apply(addOps(), { reason: 'import' });
    const parts = db
      .prepare('SELECT side, COUNT(*) AS n FROM history_parts GROUP BY side ORDER BY side')
      .all();
    expect(parts).toEqual([
      { side: 'backward', n: 3 },
      { side: 'forward', n: 3 },
    ]);
    // The small edit before it stays inline.
    const rows = db.prepare('SELECT forward FROM history ORDER BY seq').pluck().all() as string[];
    expect(rows[0]).not.toBe('[]');
    expect(rows[1]).toBe('[]');

    // Positions placed for the added nodes join the entry (a part of its own), so redo puts them back.
    store.savePositions(MAP_VIEW_ID, [{ id: 'n7', x: 12, y: 34 }], 'place');
    expect(db.prepare("SELECT COUNT(*) FROM history_parts WHERE side = 'forward'").pluck().get()).toBe(4);

    // Undo and redo survive a restart: the log is in the file.
    db.close();
    ({ db } = openWorkspaceDb(file));
    store = new GraphStore(db);
    store.undo();
    expect(store.getGraph().nodes.map((n) => n.id)).toEqual(['small']);
    store.redo();
    const after = store.getGraph();
    expect(after.nodes).toHaveLength(N + 1);
    expect(after.nodes.find((n) => n.id === `n${N - 1}`)?.label).toBe(`条目 ${N - 1}`);
    expect(after.nodes.find((n) => n.id === 'n7')).toMatchObject({ x: 12, y: 34 });

    // A new edit drops the redo stack, and the parts of what it drops go with it.
    store.undo();
    store.addNode({ kind: 'expert', label: '新编辑' }, 'newer');
    expect(db.prepare('SELECT COUNT(*) FROM history_parts').pluck().get()).toBe(0);
    db.close();
  });
});
