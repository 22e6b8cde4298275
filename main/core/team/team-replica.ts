import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { GraphChange } from '../../../preload/contract';
import type { GraphStore } from '../graph/graph-store';
import type { RowOp } from '../graph/history-log';
import { validateEdgeProps, validateNodeProps } from '../graph/validate';
import { nodeColumns, type EdgeRow } from '../graph/rows';
import { metaOfDb, type MetaAccess } from '../db/meta-table';
import { WellspringError } from '../util/errors';
import type { AuditEntry, RemoteOp, TeamChanges, TeamInfo } from './pg-session';
import type { TeamBridge } from './team-bridge';

/** The `meta` key of the replica's change-feed horizon (xid8 as text; absent before the first full read). */
export const HORIZON_KEY = 'team.horizon';
/** The `meta` key of the address (without password) the replica belongs to. */
export const ADDRESS_KEY = 'team.address';

/** What one catch-up with the server did. */
export interface CatchUpResult {
  full: boolean;
  /** Rows written locally (nodes, edges, positions, deletions), 0 when the replica was current. */
  applied: number;
  /** Rows of the server that failed the zod schemas of their kind and were not taken (ids). */
  rejected: string[];
  change: GraphChange | null;
}

/** The `team_versions` key of the row a node or edge operation writes (`n:<id>`, `e:<id>`); null for positions. */
function versionKey(o: RowOp): string | null {
  switch (o.op) {
    case 'putNode':
      return `n:${o.row.id}`;
    case 'putEdge':
      return `e:${o.row.id}`;
    case 'deleteNode':
      return `n:${o.id}`;
    case 'deleteEdge':
      return `e:${o.id}`;
    default:
      return null;
  }
}

/**
 * The desktop's replica of a team workspace (issue 13): an ordinary workspace file whose graph follows the
 * PostgreSQL server, which is the authority.
 *
 * - **Writes**: the replica is the GraphStore's publisher. Each list of row operations of the write path (an edit,
 *   an import, undo, redo) goes to the server in one transaction (`apply_ops`), each write naming the version it
 *   read (`team_versions`, migration 0009); only when the server commits does the local transaction commit. A
 *   version conflict or a refused write throws (`edit_conflict`, `permission_denied`) and nothing changes locally.
 * - **Reads**: `catchUp()` reads what changed on the server since the horizon of the last read (team-bridge),
 *   validates node and edge props with the same zod schemas as local writes, and applies it without an undo entry
 *   (so undo only ever undoes one's own edits), emitting one change event (`remote`) with the touched ids.
 *
 * Views (filters, camera) stay local to each desktop; positions are shared for the views this desktop has.
 */
export class TeamReplica {
  /** This desktop's id in the server's audit log and notifications (its own echoes are skipped). */
  readonly clientId = randomUUID();
  private readonly meta: MetaAccess;
  private readonly q;

  constructor(
    private readonly db: Database.Database,
    private readonly store: GraphStore,
    private readonly bridge: TeamBridge,
  ) {
    this.meta = metaOfDb(db);
    this.q = {
      version: db.prepare('SELECT version FROM team_versions WHERE key = ?').pluck(),
      setVersion: db.prepare(
        'INSERT INTO team_versions (key, version) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET version = excluded.version',
      ),
      setMine: db.prepare(
        `INSERT INTO team_versions (key, version, mine) VALUES (@key, @version, @version)
         ON CONFLICT(key) DO UPDATE SET version = excluded.version, mine = excluded.mine`,
      ),
      versions: db.prepare('SELECT version, mine FROM team_versions WHERE key = ?'),
      dropVersion: db.prepare('DELETE FROM team_versions WHERE key = ?'),
      node: db.prepare('SELECT * FROM nodes WHERE id = ?'),
      edge: db.prepare('SELECT * FROM edges WHERE id = ?'),
      nodeIds: db.prepare('SELECT id FROM nodes').pluck(),
      edgeIds: db.prepare('SELECT id FROM edges').pluck(),
      position: db.prepare('SELECT x, y FROM view_positions WHERE view_id = ? AND node_id = ?'),
      viewIds: db.prepare('SELECT id FROM views').pluck(),
      addView: db.prepare(
        `INSERT OR IGNORE INTO views (id, kind, name, filters, layout, camera, sort_order, created_at, updated_at)
         VALUES (@id, @kind, @name, @filters, @layout, @camera, @sort_order, @created_at, @updated_at)`,
      ),
    };
  }

  /** Called after a write was refused for a version conflict (team-workspace.ts schedules a catch-up). */
  onConflict: (() => void) | null = null;

  /** The audit log of one node and its edges, newest first. @throws team_unreachable */
  audit(nodeId: string, limit: number): AuditEntry[] {
    return this.bridge.audit(nodeId, limit);
  }

  /** Who is connected, with which role. */
  get info(): TeamInfo {
    return this.bridge.info;
  }

  /** Makes this replica the store's publisher (every local change goes to the server first). */
  attach(): void {
    this.store.history.setPublisher((ops, replay) => this.publish(ops, replay));
  }

  /** Stops publishing (before the connection closes). */
  detach(): void {
    this.store.history.setPublisher(null);
  }

  /**
   * Writes `ops` to the server with the versions they were read at, then records the new versions. Runs inside the
   * local transaction of the write path. @throws edit_conflict, permission_denied, team_unreachable
   */
  publish(ops: readonly RowOp[], replay?: 'undo' | 'redo'): void {
    if (replay) this.refuseOverwritingOthers(ops, replay);
    const remote = this.toRemote(ops);
    let versions: Record<string, number>;
    try {
      versions = this.bridge.applyOps(remote, this.clientId);
    } catch (e) {
      // Someone else's version is on the server: read it as soon as the refused transaction has rolled back, so
      // the editor sees theirs (and an edit made again goes on top of it).
      if ((e as { code?: string }).code === 'edit_conflict') this.onConflict?.();
      throw e;
    }
    for (const o of ops)
      if (o.op === 'deleteNode' || o.op === 'deleteEdge') this.q.dropVersion.run(versionKey(o));
    for (const [key, version] of Object.entries(versions)) this.q.setMine.run({ key, version });
  }

  /**
   * Undo and redo put back rows as this user left them: where someone else wrote a row after this user's last
   * write (its version is not the one this desktop made), that would overwrite their change unseen, so the
   * replay is refused (`edit_conflict`) and the undo entry stays for later. Rows this desktop never wrote (a
   * node deleted here was last written by someone else) are left to the server's version check.
   * @throws WellspringError `edit_conflict` (key errors.teamUndoConflict or errors.teamRedoConflict)
   */
  private refuseOverwritingOthers(ops: readonly RowOp[], replay: 'undo' | 'redo'): void {
    for (const o of ops) {
      const key = versionKey(o);
      if (!key) continue;
      const v = this.q.versions.get(key) as { version: number; mine: number | null } | undefined;
      if (!v || v.mine === null || v.mine === v.version) continue;
      const id = key.slice(2);
      const label = key.startsWith('n:')
        ? ((this.q.node.get(id) as { label?: string } | undefined)?.label ?? id)
        : id;
      throw new WellspringError(
        'edit_conflict',
        `Someone else changed “${label}” after your edit; ${replay} would overwrite their change, so it was not done.`,
        [],
        { key: replay === 'undo' ? 'errors.teamUndoConflict' : 'errors.teamRedoConflict', params: { label } },
      );
    }
  }

  /**
   * The row operations with the version each write read: the stored version, or within one list the version the
   * list's earlier write made (a node added and then edited in one import). A row never seen is new (`base` null).
   */
  private toRemote(ops: readonly RowOp[]): RemoteOp[] {
    const inList = new Map<string, number | null>();
    const baseOf = (key: string): number | null =>
      inList.has(key) ? inList.get(key)! : ((this.q.version.get(key) as number | undefined) ?? null);
    return ops.map((o): RemoteOp => {
      switch (o.op) {
        case 'putNode':
        case 'putEdge': {
          const key = versionKey(o)!;
          const base = baseOf(key);
          inList.set(key, base === null ? 1 : base + 1);
          return { ...o, base };
        }
        case 'deleteNode':
        case 'deleteEdge': {
          const key = versionKey(o)!;
          const base = baseOf(key);
          inList.set(key, null);
          return { ...o, base };
        }
        default:
          return o;
      }
    });
  }

  /**
   * Reads what changed on the server since the last read (everything on the first) and applies it locally in one
   * transaction, without an undo entry. Rows whose props fail their kind's schema are skipped and named in
   * `rejected`. @throws team_unreachable
   */
  catchUp(): CatchUpResult {
    const horizon = this.meta.get(HORIZON_KEY);
    const changes = this.bridge.changesSince(horizon);
    return this.applyChanges(changes);
  }

  /** Applies changes read from the server (catchUp's second half; the change feed may read them itself). */
  applyChanges(changes: TeamChanges): CatchUpResult {
    const ops: RowOp[] = [];
    const versions: Array<[string, number]> = [];
    const dropped: string[] = [];
    const rejected: string[] = [];
    const localViews = new Set(this.q.viewIds.all() as string[]);
    const newViews = changes.views.filter((v) => !localViews.has(v.id));
    for (const v of newViews) localViews.add(v.id);
    const remoteNodes = new Set<string>();
    const remoteEdges = new Set<string>();

    for (const r of changes.nodes) {
      remoteNodes.add(r.id);
      if (this.q.version.get(`n:${r.id}`) === r.version && this.q.node.get(r.id)) continue;
      const row = nodeColumns(r);
      try {
        validateNodeProps(r.kind, JSON.parse(r.props) as Record<string, unknown>);
      } catch {
        rejected.push(r.id);
        continue;
      }
      ops.push({ op: 'putNode', row });
      versions.push([`n:${r.id}`, r.version]);
    }
    const rejectedNodes = new Set(rejected);
    for (const r of changes.edges) {
      remoteEdges.add(r.id);
      if (this.q.version.get(`e:${r.id}`) === r.version && this.q.edge.get(r.id)) continue;
      if (rejectedNodes.has(r.source) || rejectedNodes.has(r.target)) {
        rejected.push(r.id);
        continue;
      }
      const row: EdgeRow = {
        id: r.id,
        kind: r.kind,
        source: r.source,
        target: r.target,
        props: r.props,
        created_at: r.created_at,
      };
      try {
        validateEdgeProps(r.kind, JSON.parse(r.props) as Record<string, unknown>);
      } catch {
        rejected.push(r.id);
        continue;
      }
      ops.push({ op: 'putEdge', row });
      versions.push([`e:${r.id}`, r.version]);
    }
    const byView = new Map<string, Array<{ id: string; x: number; y: number }>>();
    for (const p of changes.positions) {
      if (!localViews.has(p.view_id)) continue;
      const here = this.q.position.get(p.view_id, p.node_id) as { x: number; y: number } | undefined;
      if (here && here.x === p.x && here.y === p.y) continue;
      const list = byView.get(p.view_id) ?? byView.set(p.view_id, []).get(p.view_id)!;
      list.push({ id: p.node_id, x: p.x, y: p.y });
    }
    for (const [viewId, positions] of byView) ops.push({ op: 'putPositions', viewId, positions });

    // Deletions: what the server's tombstones name, or on a full read every local row the server does not have.
    const goneEdges: string[] = [];
    const goneNodes: string[] = [];
    const gonePositions = new Map<string, string[]>();
    if (changes.full) {
      for (const id of this.q.edgeIds.all() as string[]) if (!remoteEdges.has(id)) goneEdges.push(id);
      for (const id of this.q.nodeIds.all() as string[]) if (!remoteNodes.has(id)) goneNodes.push(id);
    } else {
      for (const t of changes.tombstones) {
        if (t.kind === 'edge' && this.q.edge.get(t.id)) goneEdges.push(t.id);
        else if (t.kind === 'node' && this.q.node.get(t.id)) goneNodes.push(t.id);
        else if (t.kind === 'position' && this.q.position.get(t.view_id, t.id)) {
          const list = gonePositions.get(t.view_id) ?? gonePositions.set(t.view_id, []).get(t.view_id)!;
          list.push(t.id);
        }
      }
    }
    for (const id of goneEdges) {
      ops.push({ op: 'deleteEdge', id });
      dropped.push(`e:${id}`);
    }
    for (const [viewId, ids] of gonePositions) ops.push({ op: 'deletePositions', viewId, ids });
    for (const id of goneNodes) {
      ops.push({ op: 'deleteNode', id });
      dropped.push(`n:${id}`);
    }

    // Nothing changed since the last read: the stored horizon stays right (no row has a newer transaction), and
    // the replica is not written at all (an open of a current replica costs no disk write). A first, full read
    // always stores its horizon, so that the next read is not a full one again.
    if (
      !changes.full &&
      ops.length === 0 &&
      newViews.length === 0 &&
      versions.length === 0 &&
      dropped.length === 0
    )
      return { full: changes.full, applied: 0, rejected, change: null };
    // The views first (positions belong to one), in the same transaction as the rows.
    const change = this.db.transaction(() => {
      for (const v of newViews) this.q.addView.run(v);
      return this.store.applyRemote(ops, () => {
        for (const [key, version] of versions) this.q.setVersion.run(key, version);
        for (const key of dropped) this.q.dropVersion.run(key);
        this.meta.set(HORIZON_KEY, changes.horizon);
      });
    })();
    return { full: changes.full, applied: ops.length, rejected, change };
  }
}
