import type Database from 'better-sqlite3';
import type { EditSummary, HistoryState } from '../../../preload/contract';
import { nowIso } from '../util/clock';
import type { EdgeRow, NodeRow } from './rows';

/** One reversible row operation. A list of them is a history entry's `forward` or `backward` side. */
export type RowOp =
  | { op: 'putNode'; row: NodeRow }
  | { op: 'deleteNode'; id: string }
  | { op: 'putEdge'; row: EdgeRow }
  | { op: 'deleteEdge'; id: string };

/** Keep at most this many undoable entries; older ones are dropped when a new edit is recorded. */
export const HISTORY_LIMIT = 2000;

/**
 * The persistent undo/redo log (table `history`, migration 0002).
 *
 * Every user edit is recorded, in the same transaction as the edit, as the row operations that redo it and the
 * ones that undo it. Undo applies the newest live entry's `backward` ops and marks it undone; redo applies the
 * oldest undone entry's `forward` ops. A new edit discards the redo stack, as every editor does. Because the log
 * is in the workspace file, undo works across restarts.
 */
export class HistoryLog {
  private readonly stmts;

  constructor(private readonly db: Database.Database) {
    this.stmts = {
      upsertNode: db.prepare(
        `INSERT INTO nodes (id, kind, label, aliases, description, tags, props, x, y, created_at, updated_at)
         VALUES (@id, @kind, @label, @aliases, @description, @tags, @props, @x, @y, @created_at, @updated_at)
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
      record: db.prepare(
        'INSERT INTO history (label, forward, backward, undone, created_at) VALUES (?, ?, ?, 0, ?)',
      ),
      dropRedo: db.prepare('DELETE FROM history WHERE undone = 1'),
      trim: db.prepare(
        'DELETE FROM history WHERE seq <= (SELECT seq FROM history ORDER BY seq DESC LIMIT 1 OFFSET ?)',
      ),
      lastDone: db.prepare(
        'SELECT seq, label, backward FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1',
      ),
      firstUndone: db.prepare(
        'SELECT seq, label, forward FROM history WHERE undone = 1 ORDER BY seq ASC LIMIT 1',
      ),
      mark: db.prepare('UPDATE history SET undone = ? WHERE seq = ?'),
    };
  }

  /** Applies row operations in order. Call inside a transaction. */
  apply(ops: readonly RowOp[]): void {
    for (const o of ops) {
      switch (o.op) {
        case 'putNode':
          this.stmts.upsertNode.run(o.row);
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
      }
    }
  }

  /** Applies `forward` and records the entry (its summary stored as JSON in `label`). Call inside the edit's transaction. */
  commit(summary: EditSummary, forward: RowOp[], backward: RowOp[]): void {
    this.apply(forward);
    this.stmts.dropRedo.run();
    this.stmts.record.run(
      JSON.stringify(summary),
      JSON.stringify(forward),
      JSON.stringify(backward),
      nowIso(),
    );
    this.stmts.trim.run(HISTORY_LIMIT);
  }

  /** Undoes the newest edit; returns its summary, or null when there is nothing to undo. One transaction. */
  undo(): EditSummary | null {
    return this.db.transaction(() => {
      const row = this.stmts.lastDone.get() as { seq: number; label: string; backward: string } | undefined;
      if (!row) return null;
      this.apply(JSON.parse(row.backward) as RowOp[]);
      this.stmts.mark.run(1, row.seq);
      return parseSummary(row.label);
    })();
  }

  /** Redoes the oldest undone edit; returns its summary, or null when there is nothing to redo. One transaction. */
  redo(): EditSummary | null {
    return this.db.transaction(() => {
      const row = this.stmts.firstUndone.get() as { seq: number; label: string; forward: string } | undefined;
      if (!row) return null;
      this.apply(JSON.parse(row.forward) as RowOp[]);
      this.stmts.mark.run(0, row.seq);
      return parseSummary(row.label);
    })();
  }

  /** What undo and redo would do now. */
  state(): HistoryState {
    const u = this.stmts.lastDone.get() as { label: string } | undefined;
    const r = this.stmts.firstUndone.get() as { label: string } | undefined;
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
