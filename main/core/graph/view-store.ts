import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  Camera,
  GraphFilter,
  LayoutSettings,
  MAP_VIEW_ID,
  type ViewDto,
  type ViewKind,
  type ViewPatch,
} from '../../../preload/contract';
import { WellspringError } from '../util/errors';
import { nowIso } from '../util/clock';

/** A `views` row (migration 0004); JSON columns as text. */
export interface ViewRow {
  id: string;
  kind: ViewKind;
  name: string;
  filters: string;
  layout: string;
  camera: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
  position_count: number;
}

/**
 * The views of a workspace (DESIGN §4, "views are data"): each has its filters, layout settings and camera here,
 * and its node positions in `view_positions` (written only through GraphStore's write path, so they are undoable).
 * The knowledge map (`map`) always exists and cannot be deleted. Every change emits the ids of the views it
 * touched to `onDidChange` subscribers.
 *
 * Errors are WellspringError: `not_found`, `invalid_input`.
 */
export class ViewStore {
  private readonly q;
  private readonly listeners = new Set<(viewIds: string[]) => void>();

  constructor(private readonly db: Database.Database) {
    const select = `SELECT v.*, (SELECT COUNT(*) FROM view_positions p WHERE p.view_id = v.id) AS position_count
                    FROM views v`;
    this.q = {
      all: db.prepare(`${select} ORDER BY v.sort_order, v.created_at`),
      one: db.prepare(`${select} WHERE v.id = ?`),
      insert: db.prepare(
        `INSERT INTO views (id, kind, name, filters, layout, camera, sort_order, created_at, updated_at)
         VALUES (@id, @kind, @name, @filters, @layout, @camera, @sort_order, @created_at, @updated_at)`,
      ),
      update: db.prepare(
        `UPDATE views SET name = @name, filters = @filters, layout = @layout, camera = @camera,
           sort_order = @sort_order, updated_at = @updated_at WHERE id = @id`,
      ),
      delete: db.prepare('DELETE FROM views WHERE id = ?'),
      maxOrder: db.prepare('SELECT COALESCE(MAX(sort_order), 0) FROM views').pluck(),
      copyPositions: db.prepare(
        'INSERT INTO view_positions (view_id, node_id, x, y) SELECT ?, node_id, x, y FROM view_positions WHERE view_id = ?',
      ),
    };
  }

  /** Subscribes to view changes (created, updated, deleted: their ids); returns the unsubscribe function. */
  onDidChange(listener: (viewIds: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every view, in sidebar order. */
  list(): ViewDto[] {
    return (this.q.all.all() as ViewRow[]).map(viewFromRow);
  }

  /** One view. @throws not_found */
  get(id: string): ViewDto {
    const row = this.q.one.get(id) as ViewRow | undefined;
    if (!row)
      throw new WellspringError('not_found', `No view with id ${id}.`, ['id'], {
        key: 'errors.viewNotFound',
        params: { id },
      });
    return viewFromRow(row);
  }

  /**
   * Creates a view, last in order, optionally starting with a copy of another view's positions (one transaction).
   * @throws not_found (copyPositionsFrom)
   */
  create(input: {
    kind: ViewKind;
    name: string;
    filters?: GraphFilter;
    layout?: Record<string, unknown>;
    camera?: Camera | null;
    copyPositionsFrom?: string;
  }): ViewDto {
    const id = randomUUID();
    const now = nowIso();
    this.db.transaction(() => {
      if (input.copyPositionsFrom) this.get(input.copyPositionsFrom);
      this.q.insert.run({
        id,
        kind: input.kind,
        name: input.name,
        filters: JSON.stringify(input.filters ?? {}),
        layout: JSON.stringify(input.layout ?? {}),
        camera: input.camera ? JSON.stringify(input.camera) : null,
        sort_order: (this.q.maxOrder.get() as number) + 1,
        created_at: now,
        updated_at: now,
      });
      if (input.copyPositionsFrom) this.q.copyPositions.run(id, input.copyPositionsFrom);
    })();
    this.emit([id]);
    return this.get(id);
  }

  /** Renames, re-filters, re-orders a view or stores its layout settings or camera. @throws not_found */
  update(id: string, patch: ViewPatch): ViewDto {
    const before = this.get(id);
    const after = { ...before, ...patch, updatedAt: nowIso() };
    this.q.update.run({
      id,
      name: after.name,
      filters: JSON.stringify(after.filters),
      layout: JSON.stringify(after.layout),
      camera: after.camera ? JSON.stringify(after.camera) : null,
      sort_order: after.order,
      updated_at: after.updatedAt,
    });
    this.emit([id]);
    return this.get(id);
  }

  /** Deletes a view and its positions. @throws not_found, invalid_input (the knowledge map itself) */
  delete(id: string): void {
    if (id === MAP_VIEW_ID)
      throw new WellspringError('invalid_input', 'The knowledge map view cannot be deleted.', ['id'], {
        key: 'errors.mapViewUndeletable',
      });
    this.get(id);
    this.q.delete.run(id);
    this.emit([id]);
  }

  private emit(viewIds: string[]): void {
    for (const l of this.listeners) l(viewIds);
  }
}

function viewFromRow(r: ViewRow): ViewDto {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    // Parsed with the contract's schemas, so a row written by a newer build cannot hand the UI a wrong shape.
    filters: GraphFilter.catch({}).parse(JSON.parse(r.filters)),
    layout: LayoutSettings.catch({}).parse(JSON.parse(r.layout)),
    camera: r.camera ? Camera.nullable().catch(null).parse(JSON.parse(r.camera)) : null,
    order: r.sort_order,
    positionCount: r.position_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
