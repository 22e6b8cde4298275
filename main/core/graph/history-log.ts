import type Database from 'better-sqlite3';
import type { EditSummary, HistoryState } from '../../../preload/contract';
import { nowIso } from '../util/clock';
import { nodeColumns, type EdgeRow, type NodeRow, type PositionRow } from './rows';

/**
 * One reversible row operation. A list of them is a history entry's `forward` or `backward` side.
 * `putPositions` / `deletePositions` write node positions of one view (migration 0004).
 */
export type RowOp =
  | { op: 'putNode'; row: NodeRow }
  | { op: 'deleteNode'; id: string }
  | { op: 'putEdge'; row: EdgeRow }
  | { op: 'deleteEdge'; id: string }
  | { op: 'putPositions'; viewId: string; positions: PositionRow[] }
  | { op: 'deletePositions'; viewId: string; ids: string[] };

/** What a list of row operations touched: node ids, edge ids, and per view the nodes whose position changed. */
export interface Touched {
  nodeIds: Set<string>;
  edgeIds: Set<string>;
  positions: Map<string, Set<string>>;
}

/** An empty Touched. */
export function touched(): Touched {
  return { nodeIds: new Set(), edgeIds: new Set(), positions: new Map() };
}

/** Adds what `ops` touch to `into`. */
export function collectTouched(ops: readonly RowOp[], into: Touched): Touched {
  const pos = (viewId: string) =>
    into.positions.get(viewId) ?? into.positions.set(viewId, new Set()).get(viewId)!;
  for (const o of ops) {
    switch (o.op) {
      case 'putNode':
        into.nodeIds.add(o.row.id);
        break;
      case 'deleteNode':
        into.nodeIds.add(o.id);
        break;
      case 'putEdge':
        into.edgeIds.add(o.row.id);
        break;
      case 'deleteEdge':
        into.edgeIds.add(o.id);
        break;
      case 'putPositions':
        for (const p of o.positions) pos(o.viewId).add(p.id);
        break;
      case 'deletePositions':
        for (const id of o.ids) pos(o.viewId).add(id);
        break;
    }
  }
  return into;
}

/** Keep at most this many undoable entries; older ones are dropped when a new edit is recorded. */
export const HISTORY_LIMIT = 2000;

/**
 * A side of an entry with more row operations than this is stored in parts of this many (table `history_parts`,
 * migration 0007), so that recording a 100,000-row import never builds one JSON text of tens of megabytes.
 */
export const PART_OPS = 1000;

type Side = 'forward' | 'backward';

/**
 * Receives the row operations of every change, inside its transaction; throwing rolls the change back. `replay` is
 * set for undo and redo (which restore rows as this user left them, so the publisher may refuse them where someone
 * else changed the row since).
 */
export type Publisher = (ops: readonly RowOp[], replay?: 'undo' | 'redo') => void;

/** An undone or redone entry: its summary and the row operations that were applied. */
export interface Replayed {
  summary: EditSummary;
  ops: RowOp[];
}

/**
 * The persistent undo/redo log (table `history`, migration 0002; big sides in `history_parts`, migration 0007).
 *
 * Every operation list of the write path is recorded, in the same transaction as its writes, as the row operations
 * that redo it and the ones that undo it. Undo applies the newest live entry's `backward` ops and marks it undone;
 * redo applies the oldest undone entry's `forward` ops. A new entry discards the redo stack, as every editor does.
 * Because the log is in the workspace file, undo works across restarts.
 */
export class HistoryLog {
  private readonly stmts;
  private publisher: Publisher | null = null;

  constructor(private readonly db: Database.Database) {
    this.stmts = {
      upsertNode: db.prepare(
        `INSERT INTO nodes (id, kind, label, aliases, description, tags, props, created_at, updated_at)
         VALUES (@id, @kind, @label, @aliases, @description, @tags, @props, @created_at, @updated_at)
         ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, label = excluded.label, aliases = excluded.aliases,
           description = excluded.description, tags = excluded.tags, props = excluded.props,
           updated_at = excluded.updated_at`,
      ),
      deleteNode: db.prepare('DELETE FROM nodes WHERE id = ?'),
      upsertEdge: db.prepare(
        `INSERT INTO edges (id, kind, source, target, props, created_at)
         VALUES (@id, @kind, @source, @target, @props, @created_at)
         ON CONFLICT(id) DO UPDATE SET props = excluded.props`,
      ),
      deleteEdge: db.prepare('DELETE FROM edges WHERE id = ?'),
      upsertPosition: db.prepare(
        `INSERT INTO view_positions (view_id, node_id, x, y) VALUES (?, ?, ?, ?)
         ON CONFLICT(view_id, node_id) DO UPDATE SET x = excluded.x, y = excluded.y`,
      ),
      nodeExists: db.prepare('SELECT 1 FROM nodes WHERE id = ?').pluck(),
      deletePosition: db.prepare('DELETE FROM view_positions WHERE view_id = ? AND node_id = ?'),
      record: db.prepare(
        'INSERT INTO history (label, forward, backward, undone, created_at) VALUES (?, ?, ?, 0, ?)',
      ),
      dropRedo: db.prepare('DELETE FROM history WHERE undone = 1'),
      trim: db.prepare(
        'DELETE FROM history WHERE seq <= (SELECT seq FROM history ORDER BY seq DESC LIMIT 1 OFFSET ?)',
      ),
      lastDone: db.prepare(
        'SELECT seq, label, forward, backward FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1',
      ),
      // state() runs after every change: labels only, not the operations (a layout's are megabytes).
      lastDoneLabel: db.prepare('SELECT label FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1'),
      firstUndoneLabel: db.prepare('SELECT label FROM history WHERE undone = 1 ORDER BY seq ASC LIMIT 1'),
      firstUndone: db.prepare(
        'SELECT seq, label, forward FROM history WHERE undone = 1 ORDER BY seq ASC LIMIT 1',
      ),
      mark: db.prepare('UPDATE history SET undone = ? WHERE seq = ?'),
      setForward: db.prepare('UPDATE history SET forward = ? WHERE seq = ?'),
      insertPart: db.prepare('INSERT INTO history_parts (seq, side, part, ops) VALUES (?, ?, ?, ?)'),
      parts: db.prepare('SELECT ops FROM history_parts WHERE seq = ? AND side = ? ORDER BY part').pluck(),
      partCount: db.prepare('SELECT COUNT(*) FROM history_parts WHERE seq = ? AND side = ?').pluck(),
    };
  }

  /**
   * Sets (or with null removes) where every committed list of row operations is also written before the local
   * transaction commits: the team workspace's server (main/core/team/team-replica.ts). When the publisher throws,
   * the local transaction rolls back, so the desktop never keeps a change the server refused.
   */
  setPublisher(publisher: Publisher | null): void {
    this.publisher = publisher;
  }

  /** Hands `ops` (already applied locally, in the open transaction) to the publisher, if any. Call inside it. */
  publish(ops: readonly RowOp[], replay?: 'undo' | 'redo'): void {
    if (this.publisher && ops.length > 0) this.publisher(ops, replay);
  }

  /** Applies row operations in order. Call inside a transaction. */
  apply(ops: readonly RowOp[]): void {
    for (const o of ops) {
      switch (o.op) {
        case 'putNode':
          this.stmts.upsertNode.run(nodeColumns(o.row));
          break;
        case 'deleteNode':
          this.stmts.deleteNode.run(o.id);
          break;
        case 'putEdge':
          this.stmts.upsertEdge.run(o.row);
          break;
        case 'deleteEdge':
          this.stmts.deleteEdge.run(o.id);
          break;
        case 'putPositions':
          // A position of a node that is gone (deleted by a later entry) is skipped, not an FK failure.
          for (const p of o.positions)
            if (this.stmts.nodeExists.get(p.id)) this.stmts.upsertPosition.run(o.viewId, p.id, p.x, p.y);
          break;
        case 'deletePositions':
          for (const id of o.ids) this.stmts.deletePosition.run(o.viewId, id);
          break;
      }
    }
  }

  /** Records an entry whose `forward` ops were already applied. Call inside the same transaction. */
  record(summary: EditSummary, forward: readonly RowOp[], backward: readonly RowOp[]): void {
    this.stmts.dropRedo.run();
    const inline = (ops: readonly RowOp[]) => (ops.length > PART_OPS ? '[]' : JSON.stringify(ops));
    const { lastInsertRowid } = this.stmts.record.run(
      JSON.stringify(summary),
      inline(forward),
      inline(backward),
      nowIso(),
    );
    const seq = Number(lastInsertRowid);
    for (const [side, ops] of [
      ['forward', forward],
      ['backward', backward],
    ] as const) {
      if (ops.length <= PART_OPS) continue;
      for (let part = 0; part * PART_OPS < ops.length; part++)
        this.stmts.insertPart.run(
          seq,
          side,
          part,
          JSON.stringify(ops.slice(part * PART_OPS, (part + 1) * PART_OPS)),
        );
    }
    this.stmts.trim.run(HISTORY_LIMIT);
  }

  /** One side of an entry: the operations of its column, then those of its parts (migration 0007). */
  private sideOps(seq: number, side: Side, inline: string): RowOp[] {
    const ops = JSON.parse(inline) as RowOp[];
    for (const part of this.stmts.parts.all(seq, side) as string[])
      for (const o of JSON.parse(part) as RowOp[]) ops.push(o);
    return ops;
  }

  /**
   * Adds the positions of nodes that the newest entry added (its backward side deletes them) to that entry's
   * forward side, so that its redo places them where they were placed. Nothing when a redo stack exists (the
   * newest live entry is then not the latest action) or the entry added none of them. Call inside a transaction.
   */
  amendNewestAdd(viewId: string, positions: ReadonlyArray<PositionRow>): void {
    if (this.stmts.firstUndoneLabel.get()) return;
    const row = this.stmts.lastDone.get() as { seq: number; forward: string; backward: string } | undefined;
    if (!row) return;
    const backward = this.sideOps(row.seq, 'backward', row.backward);
    const added = new Set(backward.flatMap((o) => (o.op === 'deleteNode' ? [o.id] : [])));
    const mine = positions.filter((p) => added.has(p.id)).map((p) => ({ id: p.id, x: p.x, y: p.y }));
    if (mine.length === 0) return;
    const amend: RowOp = { op: 'putPositions', viewId, positions: mine };
    // A forward side kept in parts gets one more part; an inline one is rewritten.
    const parts = this.stmts.partCount.get(row.seq, 'forward') as number;
    if (parts > 0) this.stmts.insertPart.run(row.seq, 'forward', parts, JSON.stringify([amend]));
    else {
      const forward = JSON.parse(row.forward) as RowOp[];
      forward.push(amend);
      this.stmts.setForward.run(JSON.stringify(forward), row.seq);
    }
  }

  /** Undoes the newest entry; null when there is nothing to undo. One transaction. */
  undo(): Replayed | null {
    return this.db.transaction(() => {
      const row = this.stmts.lastDone.get() as { seq: number; label: string; backward: string } | undefined;
      if (!row) return null;
      const ops = this.sideOps(row.seq, 'backward', row.backward);
      this.apply(ops);
      this.publish(ops, 'undo');
      this.stmts.mark.run(1, row.seq);
      return { summary: parseSummary(row.label), ops };
    })();
  }

  /** Redoes the oldest undone entry; null when there is nothing to redo. One transaction. */
  redo(): Replayed | null {
    return this.db.transaction(() => {
      const row = this.stmts.firstUndone.get() as { seq: number; label: string; forward: string } | undefined;
      if (!row) return null;
      const ops = this.sideOps(row.seq, 'forward', row.forward);
      this.apply(ops);
      this.publish(ops, 'redo');
      this.stmts.mark.run(0, row.seq);
      return { summary: parseSummary(row.label), ops };
    })();
  }

  /** What undo and redo would do now. */
  state(): HistoryState {
    const u = this.stmts.lastDoneLabel.get() as { label: string } | undefined;
    const r = this.stmts.firstUndoneLabel.get() as { label: string } | undefined;
    return {
      canUndo: !!u,
      canRedo: !!r,
      undo: u ? parseSummary(u.label) : null,
      redo: r ? parseSummary(r.label) : null,
    };
  }
}

function parseSummary(label: string): EditSummary {
  try {
    return JSON.parse(label) as EditSummary;
  } catch {
    return { action: 'edit', kind: '', label };
  }
}
