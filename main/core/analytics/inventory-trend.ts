import type Database from 'better-sqlite3';
import type { InventoryTrend, TrendPoint } from '../../../preload/contract';
import type { RowOp } from '../graph/history-log';
import type { GraphIndex } from './graph-index';

/** One entry of the history log as the trend reads it (table `history`, migration 0002). */
export interface TrendHistoryRow {
  seq: number;
  /** The RowOp list that undoes the entry, as stored (JSON text) or parsed. */
  backward: string | readonly RowOp[];
  /** 1 (or true) for an entry on the redo stack: its edit is not in the current graph. */
  undone: number | boolean;
  /** When the entry was written, ISO-8601. */
  created_at: string;
}

/** Options of inventoryTrend. */
export interface InventoryTrendOptions {
  /** How many weeks, the current one included (≥ 1). */
  weeks: number;
  /** Today, YYYY-MM-DD in local time: its week (Monday 00:00 local on) is the last point. */
  today: string;
}

/** A node as the trend tracks it. */
interface NodeState {
  kind: string;
  form: string | null;
  createdAt: number;
}

/** A `documented_by` edge (the only edges the counts need). */
interface DocEdge {
  source: string;
  target: string;
  createdAt: number;
}

/** The graph state being rolled back: every node, and the documented_by edges. */
interface State {
  nodes: Map<string, NodeState>;
  docEdges: Map<string, DocEdge>;
}

const ms = (iso: string): number => Date.parse(iso);

function formOf(props: Record<string, unknown>): string | null {
  return typeof props.form === 'string' ? props.form : null;
}

/** Applies one entry's `backward` ops to the state: putNode = the node existed before, deleteNode = it did not. */
function rollBack(state: State, ops: readonly RowOp[]): void {
  for (const o of ops) {
    switch (o.op) {
      case 'putNode':
        state.nodes.set(o.row.id, {
          kind: o.row.kind,
          form: formOf(JSON.parse(o.row.props) as Record<string, unknown>),
          createdAt: ms(o.row.created_at),
        });
        break;
      case 'deleteNode':
        state.nodes.delete(o.id);
        break;
      case 'putEdge':
        if (o.row.kind === 'documented_by')
          state.docEdges.set(o.row.id, {
            source: o.row.source,
            target: o.row.target,
            createdAt: ms(o.row.created_at),
          });
        else state.docEdges.delete(o.row.id);
        break;
      case 'deleteEdge':
        state.docEdges.delete(o.id);
        break;
      // Positions do not change what is counted.
    }
  }
}

/**
 * The counts of the state. With `before` (ms), only nodes and edges created before it count: the state before the
 * oldest kept history entry, taken back further by creation times (what was deleted before it is not known).
 */
function count(state: State, week: string, before?: number): TrendPoint {
  const alive = (n: NodeState | undefined): n is NodeState =>
    n !== undefined && (before === undefined || n.createdAt < before);
  const point: TrendPoint = { week, knowledge: 0, explicit: 0, tacit: 0, experts: 0, documented: 0 };
  for (const n of state.nodes.values()) {
    if (!alive(n)) continue;
    if (n.kind === 'expert') point.experts++;
    else if (n.kind === 'knowledge') {
      point.knowledge++;
      if (n.form === 'explicit') point.explicit++;
      else if (n.form === 'tacit') point.tacit++;
    }
  }
  const documented = new Set<string>();
  for (const e of state.docEdges.values()) {
    if (before !== undefined && e.createdAt >= before) continue;
    const k = state.nodes.get(e.source);
    if (alive(k) && k.kind === 'knowledge' && alive(state.nodes.get(e.target))) documented.add(e.source);
  }
  point.documented = documented.size;
  return point;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The Monday (local midnight) of the week `today` falls in, `back` weeks earlier. */
function monday(today: string, back: number): Date {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const day = new Date(y, m - 1, d).getDay();
  // Built from calendar fields, not by adding 7 × 24 h, so a daylight-saving change keeps midnight.
  return new Date(y, m - 1, d - ((day + 6) % 7) - 7 * back);
}

/** The history rows of the log that are not undone, newest first, with the created_at of the oldest. */
function readHistory(
  db: Database.Database,
  since: string,
): { rows: TrendHistoryRow[]; oldest: string | null } {
  const oldest = db
    .prepare('SELECT created_at FROM history WHERE undone = 0 ORDER BY seq ASC LIMIT 1')
    .pluck()
    .get() as string | undefined;
  // Entries written before the oldest week's end are never rolled back; the log's JSON is not even read for them.
  const rows = db
    .prepare(
      'SELECT seq, backward, undone, created_at FROM history WHERE undone = 0 AND created_at >= ? ORDER BY seq DESC',
    )
    .all(since) as TrendHistoryRow[];
  return { rows, oldest: oldest ?? null };
}

/**
 * The inventory's weekly trend (issue 8 §5), rebuilt from the history log: counts of knowledge items (explicit,
 * tacit), experts and documented items (knowledge items with ≥ 1 `documented_by` edge to a live document) at the
 * end of each of the last `weeks` weeks, oldest first; weeks start on Monday 00:00 local time, and the current
 * week's point is the graph now.
 *
 * Method: start from the current graph (`index`); walk the entries that are not undone from newest to oldest (by
 * seq) and, at each week boundary going back, roll back every entry written at or after it through its `backward`
 * row ops (putNode: the node existed before that edit; deleteNode: it did not; likewise edges; positions
 * ignored), then count. A boundary before the oldest kept entry (HISTORY_LIMIT drops old ones) counts the state
 * before that entry restricted to the nodes and edges created before the boundary (`created_at`).
 * `historyFrom` is the created_at of the oldest entry that is not undone, or null without one.
 *
 * `source` is the workspace database (table `history`), or its rows (any order; undone rows are skipped).
 * Cost: O(weeks × (nodes + documented_by edges) + the row ops rolled back). Throws only on a malformed log row
 * (JSON.parse's SyntaxError).
 */
export function inventoryTrend(
  source: Database.Database | readonly TrendHistoryRow[],
  index: GraphIndex,
  options: InventoryTrendOptions,
): InventoryTrend {
  const weeks = Math.max(1, Math.floor(options.weeks));
  const starts = Array.from({ length: weeks }, (_, i) => monday(options.today, weeks - 1 - i));
  let rows: TrendHistoryRow[];
  let oldest: string | null;
  if (Array.isArray(source)) {
    rows = (source as readonly TrendHistoryRow[]).filter((r) => !r.undone).sort((a, b) => b.seq - a.seq);
    oldest = rows.length ? rows[rows.length - 1]!.created_at : null;
  } else {
    // The first boundary rolled back to is the end of the oldest week (its next Monday).
    const firstEnd = weeks > 1 ? starts[1]! : starts[0]!;
    ({ rows, oldest } = readHistory(source as Database.Database, firstEnd.toISOString()));
  }

  const state: State = { nodes: new Map(), docEdges: new Map() };
  for (const n of index.graph.nodes)
    state.nodes.set(n.id, { kind: n.kind, form: formOf(n.props), createdAt: ms(n.createdAt) });
  for (const e of index.edges)
    if (e.kind === 'documented_by')
      state.docEdges.set(e.id, { source: e.source, target: e.target, createdAt: ms(e.createdAt) });

  const oldestMs = oldest === null ? null : ms(oldest);
  const points: TrendPoint[] = [count(state, ymd(starts[weeks - 1]!))];
  let next = 0;
  for (let i = weeks - 2; i >= 0; i--) {
    const end = starts[i + 1]!.getTime();
    while (next < rows.length && ms(rows[next]!.created_at) >= end) {
      const backward = rows[next]!.backward;
      rollBack(state, typeof backward === 'string' ? (JSON.parse(backward) as RowOp[]) : backward);
      next++;
    }
    const beforeHistory = oldestMs === null || end <= oldestMs;
    points.push(count(state, ymd(starts[i]!), beforeHistory ? end : undefined));
  }
  return { points: points.reverse(), historyFrom: oldest };
}
