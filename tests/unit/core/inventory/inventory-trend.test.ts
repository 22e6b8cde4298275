import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraphIndex } from '../../../../main/core/analytics/graph-index';
import { inventoryTrend, type TrendHistoryRow } from '../../../../main/core/analytics/inventory-trend';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { tempDir } from '../../helpers';

// A Wednesday: the current week starts on Monday 2027-01-11; the six weeks asked for start on the Mondays
// 2026-12-07, 12-14, 12-21, 12-28, 2027-01-04 and 01-11. Entries are dated Wednesday 09:00 UTC, which is in the
// same local week in every time zone from UTC−9 to UTC+14.
const TODAY = '2027-01-13';

const knowledge = (label: string, form: 'explicit' | 'tacit') => ({
  kind: 'knowledge' as const,
  label,
  props: { form, existence: 'document', status: 'active', confidentiality: 'internal', importance: 2 },
});
const expert = (label: string) => ({ kind: 'expert' as const, label, props: { attritionRisk: 2 } });

/**
 * A workspace with a real history:
 * - before history (not undoable): K0 explicit, created 2026-12-16 (week of 12-14); E0, created 2026-12-10;
 * - e1 2026-12-23 (week 12-21): add Ka explicit, Kb tacit, E1;
 * - e2 2026-12-30 (week 12-28): add D, Kc tacit, Ka documented_by D;
 * - e3 2027-01-06 (week 01-04): delete Kb;
 * - e4 2027-01-12 (this week): add E2;
 * - e5: delete Ka (its documented_by edge with it), then undone — on the redo stack, Ka is back.
 */
function workspace() {
  const { db } = openWorkspaceDb(path.join(tempDir(), 'w.wellspring'), { create: true });
  const store = new GraphStore(db);
  store.apply(
    [
      { op: 'addNode', id: 'K0', node: knowledge('K0', 'explicit') },
      { op: 'addNode', id: 'E0', node: expert('E0') },
    ],
    { undoable: false },
  );
  db.prepare("UPDATE nodes SET created_at = '2026-12-16T10:00:00.000Z' WHERE id = 'K0'").run();
  db.prepare("UPDATE nodes SET created_at = '2026-12-10T10:00:00.000Z' WHERE id = 'E0'").run();
  const dated = (at: string) =>
    db.prepare('UPDATE history SET created_at = ? WHERE seq = (SELECT MAX(seq) FROM history)').run(at);
  store.apply([
    { op: 'addNode', id: 'Ka', node: knowledge('Ka', 'explicit') },
    { op: 'addNode', id: 'Kb', node: knowledge('Kb', 'tacit') },
    { op: 'addNode', id: 'E1', node: expert('E1') },
  ]);
  dated('2026-12-23T09:00:00.000Z');
  store.apply([
    { op: 'addNode', id: 'D', node: { kind: 'document', label: 'D', props: { path: '/d.pdf' } } },
    { op: 'addNode', id: 'Kc', node: knowledge('Kc', 'tacit') },
    { op: 'addEdge', id: 'doc', edge: { kind: 'documented_by', source: 'Ka', target: 'D' } },
  ]);
  dated('2026-12-30T09:00:00.000Z');
  store.apply([{ op: 'deleteNode', id: 'Kb' }]);
  dated('2027-01-06T09:00:00.000Z');
  store.apply([{ op: 'addNode', id: 'E2', node: expert('E2') }]);
  dated('2027-01-12T09:00:00.000Z');
  store.apply([{ op: 'deleteNode', id: 'Ka' }]);
  dated('2027-01-12T10:00:00.000Z');
  store.undo();
  return { db, store, index: buildGraphIndex(store.getGraph()) };
}

const row = (week: string, k: number, ex: number, ta: number, experts: number, documented: number) => ({
  week,
  knowledge: k,
  explicit: ex,
  tacit: ta,
  experts,
  documented,
});

/**
 * By hand, newest first: this week = now (K0 Ka Kc; E0 E1 E2; Ka documented). Week 01-04 ends 01-11: e4 rolled
 * back (E2 gone; e5 is undone and skipped). Week 12-28 ends 01-04: e3 rolled back (Kb back). Week 12-21 ends
 * 12-28: e2 rolled back (D, Kc and the document link gone). Week 12-14 ends 12-21, before the oldest entry (12-23):
 * e1 rolled back, then only what was created before 12-21 counts: K0 (12-16), E0. Week 12-07 ends 12-14: E0 only.
 */
const EXPECTED = [
  row('2026-12-07', 0, 0, 0, 1, 0),
  row('2026-12-14', 1, 1, 0, 1, 0),
  row('2026-12-21', 3, 2, 1, 2, 0),
  row('2026-12-28', 4, 2, 2, 2, 1),
  row('2027-01-04', 3, 2, 1, 2, 1),
  row('2027-01-11', 3, 2, 1, 3, 1),
];

describe('inventoryTrend', () => {
  it('rebuilds weekly counts from the history log: additions, a deletion, an undone entry, before history', () => {
    const { db, index } = workspace();
    const trend = inventoryTrend(db, index, { weeks: 6, today: TODAY });
    expect(trend.points).toEqual(EXPECTED);
    expect(trend.historyFrom).toBe('2026-12-23T09:00:00.000Z');
  });

  it('reads the same from the rows as from the database, and skips undone rows', () => {
    const { db, index } = workspace();
    const rows = db
      .prepare('SELECT seq, backward, undone, created_at FROM history')
      .all() as TrendHistoryRow[];
    expect(rows.filter((r) => r.undone)).toHaveLength(1);
    expect(inventoryTrend(rows, index, { weeks: 6, today: TODAY }).points).toEqual(EXPECTED);
    // An undone row that would take away every item if it were rolled back changes nothing.
    const wipe: TrendHistoryRow = {
      seq: 999,
      undone: 1,
      created_at: '2027-01-12T11:00:00.000Z',
      backward: ['K0', 'Ka', 'Kc'].map((id) => ({ op: 'deleteNode', id })),
    };
    expect(inventoryTrend([...rows, wipe], index, { weeks: 6, today: TODAY }).points).toEqual(EXPECTED);
    expect(
      inventoryTrend([...rows, { ...wipe, undone: 0 }], index, { weeks: 6, today: TODAY }).points[4],
    ).toEqual(row('2027-01-04', 0, 0, 0, 2, 0));
  });

  it('gives one point, the graph now, for one week; on a Monday the week starts that day', () => {
    const { db, index } = workspace();
    expect(inventoryTrend(db, index, { weeks: 1, today: TODAY }).points).toEqual([EXPECTED[5]]);
    const monday = inventoryTrend(db, index, { weeks: 2, today: '2027-01-11' }).points;
    expect(monday.map((p) => p.week)).toEqual(['2027-01-04', '2027-01-11']);
    expect(monday[0]).toEqual({ ...EXPECTED[4], week: '2027-01-04' });
  });

  it('without history counts by creation times, and says historyFrom null', () => {
    const { db } = openWorkspaceDb(path.join(tempDir(), 'w.wellspring'), { create: true });
    const store = new GraphStore(db);
    store.apply([{ op: 'addNode', id: 'K0', node: knowledge('K0', 'tacit') }], { undoable: false });
    db.prepare("UPDATE nodes SET created_at = '2027-01-06T09:00:00.000Z'").run();
    const trend = inventoryTrend(db, buildGraphIndex(store.getGraph()), { weeks: 3, today: TODAY });
    expect(trend.historyFrom).toBeNull();
    expect(trend.points.map((p) => [p.week, p.knowledge, p.tacit])).toEqual([
      ['2026-12-28', 0, 0],
      ['2027-01-04', 1, 1],
      ['2027-01-11', 1, 1],
    ]);
  });
});
