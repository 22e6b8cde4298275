/**
 * The PostgreSQL schema of a team workspace (issue 13): its own forward-only migrations, numbered like the SQLite
 * ones (main/core/db/migrations) and refused on an unknown history the same way (Actual Budget's scheme).
 *
 * One team workspace is one PostgreSQL schema (default `wellspring`) of one database. Each migration is a function
 * of the quoted schema name and the quoted member group role; it runs in one transaction with `search_path` set to
 * the schema, by the role that initialises the workspace (it needs CREATEROLE to make the group role).
 *
 * What the schema holds, beside the graph rows the desktop's SQLite has (nodes, edges, view_positions):
 * - `version` per node and edge (optimistic concurrency: a write names the version it read);
 * - `txid` (xid8) per row, and `tombstones` for deleted rows: a client fetches the rows of every transaction that
 *   was not yet visible at its last snapshot (`txid >= pg_snapshot_xmin` of that snapshot), which cannot miss a row
 *   however commits interleave (a sequence number can: a lower one may commit later);
 * - `unit_id` per node: the organisational unit whose editors may change it, enforced by row-level security;
 * - `members` / `member_units`: each team member is a PostgreSQL login role with an app role (viewer / editor /
 *   admin) and the units they belong to;
 * - `audit_log`: every change of a node or edge (who, when, what, before, after), written by triggers, so a change
 *   made with raw SQL is recorded too;
 * - `apply_ops(ops, client)`: the write path of the desktop in one round trip (SECURITY INVOKER: row-level security
 *   applies to the caller), raising `WSCNF` on a version conflict and `42501` on a refused write;
 * - a statement trigger that NOTIFYs `wellspring_changes` with the client id (one notification per transaction).
 */

/** One migration: its number, name and SQL for a schema and member role (both already quoted identifiers). */
export interface PgMigration {
  version: number;
  name: string;
  sql: (schema: string, memberRole: string) => string;
}

/** The channel every team workspace NOTIFYs on commit; the payload is `<schema>|<client id>`. */
export const CHANGE_CHANNEL = 'wellspring_changes';

/** What the `ws_meta` row `application` says in every team workspace (the PostgreSQL `application_id`). */
export const TEAM_APPLICATION = 'wellspring-team';

const init: PgMigration['sql'] = (s, member) => {
  // The caller's app role, membership and units, as subqueries the policies inline (see "Who may do what").
  const ROLE = `(SELECT role FROM ${s}.members WHERE role_name = current_user)`;
  const MEMBER = `EXISTS (SELECT 1 FROM ${s}.members WHERE role_name = current_user)`;
  const UNITS = `(SELECT unit_id FROM ${s}.member_units WHERE role_name = current_user)`;
  const writeUnit = (column: string) =>
    `(${ROLE} = 'admin' OR (${ROLE} = 'editor' AND ${column} IN ${UNITS}))`;
  const ownNodes = `(SELECT id FROM ${s}.nodes WHERE unit_id IN ${UNITS})`;
  const writeEnds = `(${ROLE} = 'admin' OR (${ROLE} = 'editor' AND (source IN ${ownNodes} OR target IN ${ownNodes})))`;
  return `
CREATE TABLE ws_meta (key text PRIMARY KEY, value text NOT NULL);

CREATE TABLE members (
  role_name    text PRIMARY KEY,
  role         text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  display_name text NOT NULL DEFAULT ''
);
-- Whoever initialises the workspace is its first admin.
INSERT INTO members (role_name, role, display_name) VALUES (current_user, 'admin', current_user);
CREATE TABLE member_units (
  role_name text NOT NULL REFERENCES members(role_name) ON DELETE CASCADE,
  unit_id   text NOT NULL,
  PRIMARY KEY (role_name, unit_id)
);

CREATE TABLE nodes (
  id          text PRIMARY KEY,
  kind        text NOT NULL,
  label       text NOT NULL,
  aliases     jsonb NOT NULL DEFAULT '[]',
  description text NOT NULL DEFAULT '',
  tags        jsonb NOT NULL DEFAULT '[]',
  props       jsonb NOT NULL DEFAULT '{}',
  created_at  text NOT NULL,
  updated_at  text NOT NULL,
  unit_id     text,
  version     integer NOT NULL DEFAULT 1,
  txid        xid8 NOT NULL DEFAULT pg_current_xact_id(),
  -- Insertion order: every desktop's replica inserts in this order, so its lists (and exports) read alike.
  seq         bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX nodes_txid ON nodes (txid);
CREATE INDEX nodes_unit ON nodes (unit_id);
CREATE TABLE edges (
  id         text PRIMARY KEY,
  kind       text NOT NULL,
  source     text NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
  target     text NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
  props      jsonb NOT NULL DEFAULT '{}',
  created_at text NOT NULL,
  version    integer NOT NULL DEFAULT 1,
  txid       xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq        bigint GENERATED ALWAYS AS IDENTITY,
  UNIQUE (kind, source, target)
);
CREATE INDEX edges_source ON edges (source);
CREATE INDEX edges_target ON edges (target);
CREATE INDEX edges_txid ON edges (txid);
CREATE TABLE view_positions (
  view_id text NOT NULL,
  node_id text NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
  x       double precision NOT NULL,
  y       double precision NOT NULL,
  txid    xid8 NOT NULL DEFAULT pg_current_xact_id(),
  PRIMARY KEY (view_id, node_id)
);
CREATE INDEX view_positions_txid ON view_positions (txid);
-- The views a workspace was pushed with (the SQLite views row as JSON: kind, name, filters, layout, camera): a
-- desktop creates the ones it lacks, so their shared positions have a view to belong to. Edits of a view's filters
-- and camera stay on each desktop.
CREATE TABLE views (
  id   text PRIMARY KEY,
  row  jsonb NOT NULL,
  txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE TABLE tombstones (
  kind    text NOT NULL CHECK (kind IN ('node', 'edge', 'position')),
  id      text NOT NULL,
  view_id text NOT NULL DEFAULT '',
  txid    xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX tombstones_txid ON tombstones (txid);

CREATE TABLE audit_log (
  id         bigserial PRIMARY KEY,
  at         timestamptz NOT NULL DEFAULT now(),
  actor      text NOT NULL,
  client     text,
  table_name text NOT NULL,
  row_id     text NOT NULL,
  action     text NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  before     jsonb,
  after      jsonb
);
CREATE INDEX audit_log_row ON audit_log (row_id, id);

-- Who may do what, written into the policies as uncorrelated subqueries on the caller's own
-- membership: the planner runs each once per statement (an InitPlan or a hashed subplan), where a function call in
-- a policy runs row by row (0.17 ms per edge: 10k-edge pushes took minutes, reads of 10k nodes half a second).
-- members and member_units are open to every reader (their SELECT policy), so these reads never recurse.
-- The unit a new node of an editor belongs to when the client names none: the editor's first unit.
CREATE FUNCTION default_unit(who name) RETURNS text LANGUAGE sql STABLE AS
  $$ SELECT unit_id FROM ${s}.member_units WHERE role_name = who ORDER BY unit_id LIMIT 1 $$;

-- Row-level security, FORCEd so that the owner is checked too (a superuser still bypasses it, as always).
ALTER TABLE nodes ENABLE ROW LEVEL SECURITY;
ALTER TABLE nodes FORCE ROW LEVEL SECURITY;
CREATE POLICY nodes_read ON nodes FOR SELECT USING (${MEMBER});
CREATE POLICY nodes_insert ON nodes FOR INSERT WITH CHECK (${writeUnit('unit_id')});
CREATE POLICY nodes_update ON nodes FOR UPDATE USING (${writeUnit('unit_id')}) WITH CHECK (${writeUnit('unit_id')});
CREATE POLICY nodes_delete ON nodes FOR DELETE USING (${writeUnit('unit_id')});
ALTER TABLE edges ENABLE ROW LEVEL SECURITY;
ALTER TABLE edges FORCE ROW LEVEL SECURITY;
CREATE POLICY edges_read ON edges FOR SELECT USING (${MEMBER});
-- An edge may be written by whoever may write one of its ends (an editor links their experts to others' items).
CREATE POLICY edges_insert ON edges FOR INSERT WITH CHECK (${writeEnds});
CREATE POLICY edges_update ON edges FOR UPDATE USING (${writeEnds});
CREATE POLICY edges_delete ON edges FOR DELETE USING (${writeEnds});
ALTER TABLE views ENABLE ROW LEVEL SECURITY;
ALTER TABLE views FORCE ROW LEVEL SECURITY;
CREATE POLICY views_read ON views FOR SELECT USING (${MEMBER});
CREATE POLICY views_write ON views FOR ALL USING (${ROLE} = 'admin') WITH CHECK (${ROLE} = 'admin');
ALTER TABLE view_positions ENABLE ROW LEVEL SECURITY;
ALTER TABLE view_positions FORCE ROW LEVEL SECURITY;
CREATE POLICY positions_read ON view_positions FOR SELECT USING (${MEMBER});
CREATE POLICY positions_write ON view_positions FOR ALL USING (${ROLE} IN ('editor', 'admin'))
  WITH CHECK (${ROLE} IN ('editor', 'admin'));
ALTER TABLE members ENABLE ROW LEVEL SECURITY;
ALTER TABLE members FORCE ROW LEVEL SECURITY;
CREATE POLICY members_read ON members FOR SELECT USING (true);
-- Writes by admins only; one policy per command (a FOR ALL policy would also apply to SELECT, whose check reads
-- members: infinite recursion).
CREATE POLICY members_add ON members FOR INSERT WITH CHECK (${ROLE} = 'admin');
CREATE POLICY members_change ON members FOR UPDATE USING (${ROLE} = 'admin') WITH CHECK (${ROLE} = 'admin');
CREATE POLICY members_remove ON members FOR DELETE USING (${ROLE} = 'admin');
ALTER TABLE member_units ENABLE ROW LEVEL SECURITY;
ALTER TABLE member_units FORCE ROW LEVEL SECURITY;
CREATE POLICY member_units_read ON member_units FOR SELECT USING (true);
CREATE POLICY member_units_add ON member_units FOR INSERT WITH CHECK (${ROLE} = 'admin');
CREATE POLICY member_units_change ON member_units FOR UPDATE USING (${ROLE} = 'admin') WITH CHECK (${ROLE} = 'admin');
CREATE POLICY member_units_remove ON member_units FOR DELETE USING (${ROLE} = 'admin');
-- Audit log and tombstones: written only by the definer triggers (as the owner, so not FORCEd); members read.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON audit_log FOR SELECT USING (${MEMBER});
ALTER TABLE tombstones ENABLE ROW LEVEL SECURITY;
CREATE POLICY tombstones_read ON tombstones FOR SELECT USING (${MEMBER});

-- Every write stamps its transaction id (the change feed) and, for nodes and edges, the next version. It runs with
-- the writer's rights, so it also notes who writes (current_user, for the audit trigger, whose definer rights hide
-- the caller); it runs right before each row's write, so a value a client set itself is overwritten.
-- search_path pinned: a member who may create functions somewhere must not shadow set_config or
-- pg_current_xact_id for this trigger (that forged the actor and hid a write from the change feed). A cascade
-- (a node's edges deleted with it) runs as the owner, one trigger level down: the actor stays the writer's.
CREATE FUNCTION stamp_row() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF pg_trigger_depth() = 1 THEN PERFORM set_config('wellspring.actor', current_user, true); END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  NEW.txid := pg_current_xact_id();
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME IN ('nodes', 'edges') THEN NEW.version := OLD.version + 1; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER nodes_stamp BEFORE INSERT OR UPDATE OR DELETE ON nodes FOR EACH ROW EXECUTE FUNCTION stamp_row();
CREATE TRIGGER edges_stamp BEFORE INSERT OR UPDATE OR DELETE ON edges FOR EACH ROW EXECUTE FUNCTION stamp_row();
CREATE TRIGGER positions_stamp BEFORE INSERT OR UPDATE ON view_positions FOR EACH ROW EXECUTE FUNCTION stamp_row();

-- The audit log and the tombstones: definer rights (members may read them, never write them).
CREATE FUNCTION record_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${s}, pg_temp AS $$
BEGIN
  IF TG_TABLE_NAME = 'view_positions' THEN
    INSERT INTO tombstones (kind, id, view_id) VALUES ('position', OLD.node_id, OLD.view_id);
    RETURN NULL;
  END IF;
  INSERT INTO audit_log (actor, client, table_name, row_id, action, before, after) VALUES (
    coalesce(NULLIF(current_setting('wellspring.actor', true), ''), session_user),
    NULLIF(current_setting('wellspring.client', true), ''), TG_TABLE_NAME,
    CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END, lower(TG_OP),
    CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) - 'txid' END,
    CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) - 'txid' END);
  IF TG_OP = 'DELETE' THEN
    INSERT INTO tombstones (kind, id) VALUES (CASE TG_TABLE_NAME WHEN 'nodes' THEN 'node' ELSE 'edge' END, OLD.id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER nodes_audit AFTER INSERT OR UPDATE OR DELETE ON nodes FOR EACH ROW EXECUTE FUNCTION record_change();
CREATE TRIGGER edges_audit AFTER INSERT OR UPDATE OR DELETE ON edges FOR EACH ROW EXECUTE FUNCTION record_change();
CREATE TRIGGER positions_gone AFTER DELETE ON view_positions FOR EACH ROW EXECUTE FUNCTION record_change();

-- One notification per transaction (identical payloads are folded), sent on commit only.
-- The schema of the table written (not the caller's current schema: a psql session's is "public").
CREATE FUNCTION notify_change() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM pg_notify('${CHANGE_CHANNEL}', TG_TABLE_SCHEMA || '|' || coalesce(current_setting('wellspring.client', true), ''));
  RETURN NULL;
END $$;
CREATE TRIGGER nodes_notify AFTER INSERT OR UPDATE OR DELETE ON nodes FOR EACH STATEMENT EXECUTE FUNCTION notify_change();
CREATE TRIGGER edges_notify AFTER INSERT OR UPDATE OR DELETE ON edges FOR EACH STATEMENT EXECUTE FUNCTION notify_change();
CREATE TRIGGER positions_notify AFTER INSERT OR UPDATE OR DELETE ON view_positions FOR EACH STATEMENT
  EXECUTE FUNCTION notify_change();

-- The desktop's write path in one round trip. ops: the client's row operations (history-log.ts RowOp) with the
-- version each write read ("base": null for a new row). Returns {"n:<id>": version, "e:<id>": version} of what it
-- wrote. Raises WSCNF (detail: JSON {table, id, reason: changed|deleted|exists, theirs}) on a version conflict and
-- 42501 when row-level security refuses the write. SECURITY INVOKER: the caller's policies apply.
CREATE FUNCTION apply_ops(ops jsonb, client text) RETURNS jsonb LANGUAGE plpgsql SECURITY INVOKER
  SET search_path = ${s}, pg_temp AS $$
DECLARE
  o jsonb; r jsonb; base integer; v integer; cur integer; res jsonb := '{}'; theirs jsonb;
BEGIN
  PERFORM set_config('wellspring.client', coalesce(client, ''), true);
  FOR o IN SELECT value FROM jsonb_array_elements(ops) LOOP
    base := (o->>'base')::integer;
    CASE o->>'op'
    WHEN 'putNode' THEN
      r := o->'row';
      v := NULL;
      IF base IS NULL THEN
        INSERT INTO nodes (id, kind, label, aliases, description, tags, props, created_at, updated_at, unit_id)
        VALUES (r->>'id', r->>'kind', r->>'label', (r->>'aliases')::jsonb, r->>'description', (r->>'tags')::jsonb,
                (r->>'props')::jsonb, r->>'created_at', r->>'updated_at',
                CASE WHEN o ? 'unit' THEN o->>'unit' ELSE default_unit(current_user) END)
        ON CONFLICT (id) DO NOTHING RETURNING version INTO v;
        IF v IS NULL THEN
          SELECT to_jsonb(n) - 'txid' INTO theirs FROM nodes n WHERE id = r->>'id';
          RAISE EXCEPTION 'conflict' USING ERRCODE = 'WSCNF',
            DETAIL = jsonb_build_object('table', 'nodes', 'id', r->>'id', 'reason', 'exists', 'theirs', theirs)::text;
        END IF;
      ELSE
        UPDATE nodes SET kind = r->>'kind', label = r->>'label', aliases = (r->>'aliases')::jsonb,
          description = r->>'description', tags = (r->>'tags')::jsonb, props = (r->>'props')::jsonb,
          updated_at = r->>'updated_at'
        WHERE id = r->>'id' AND version = base RETURNING version INTO v;
        IF v IS NULL THEN
          SELECT version, to_jsonb(n) - 'txid' INTO cur, theirs FROM nodes n WHERE id = r->>'id';
          IF cur IS NULL OR cur <> base THEN
            RAISE EXCEPTION 'conflict' USING ERRCODE = 'WSCNF', DETAIL = jsonb_build_object('table', 'nodes',
              'id', r->>'id', 'reason', CASE WHEN cur IS NULL THEN 'deleted' ELSE 'changed' END, 'theirs', theirs)::text;
          END IF;
          RAISE EXCEPTION 'refused' USING ERRCODE = '42501', DETAIL = jsonb_build_object('table', 'nodes', 'id', r->>'id')::text;
        END IF;
      END IF;
      res := res || jsonb_build_object('n:' || (r->>'id'), v);
    WHEN 'deleteNode' THEN
      DELETE FROM nodes WHERE id = o->>'id' AND (base IS NULL OR version = base) RETURNING version INTO v;
      IF v IS NULL THEN
        SELECT version, to_jsonb(n) - 'txid' INTO cur, theirs FROM nodes n WHERE id = o->>'id';
        IF cur IS NOT NULL AND cur <> base THEN
          RAISE EXCEPTION 'conflict' USING ERRCODE = 'WSCNF',
            DETAIL = jsonb_build_object('table', 'nodes', 'id', o->>'id', 'reason', 'changed', 'theirs', theirs)::text;
        ELSIF cur IS NOT NULL THEN
          RAISE EXCEPTION 'refused' USING ERRCODE = '42501', DETAIL = jsonb_build_object('table', 'nodes', 'id', o->>'id')::text;
        END IF;
      END IF;
    WHEN 'putEdge' THEN
      r := o->'row';
      v := NULL;
      IF base IS NULL THEN
        INSERT INTO edges (id, kind, source, target, props, created_at)
        VALUES (r->>'id', r->>'kind', r->>'source', r->>'target', (r->>'props')::jsonb, r->>'created_at')
        ON CONFLICT (id) DO NOTHING RETURNING version INTO v;
        IF v IS NULL THEN
          SELECT to_jsonb(e) - 'txid' INTO theirs FROM edges e WHERE id = r->>'id';
          RAISE EXCEPTION 'conflict' USING ERRCODE = 'WSCNF',
            DETAIL = jsonb_build_object('table', 'edges', 'id', r->>'id', 'reason', 'exists', 'theirs', theirs)::text;
        END IF;
      ELSE
        UPDATE edges SET props = (r->>'props')::jsonb WHERE id = r->>'id' AND version = base RETURNING version INTO v;
        IF v IS NULL THEN
          SELECT version, to_jsonb(e) - 'txid' INTO cur, theirs FROM edges e WHERE id = r->>'id';
          IF cur IS NULL OR cur <> base THEN
            RAISE EXCEPTION 'conflict' USING ERRCODE = 'WSCNF', DETAIL = jsonb_build_object('table', 'edges',
              'id', r->>'id', 'reason', CASE WHEN cur IS NULL THEN 'deleted' ELSE 'changed' END, 'theirs', theirs)::text;
          END IF;
          RAISE EXCEPTION 'refused' USING ERRCODE = '42501', DETAIL = jsonb_build_object('table', 'edges', 'id', r->>'id')::text;
        END IF;
      END IF;
      res := res || jsonb_build_object('e:' || (r->>'id'), v);
    WHEN 'deleteEdge' THEN
      DELETE FROM edges WHERE id = o->>'id' AND (base IS NULL OR version = base) RETURNING version INTO v;
      IF v IS NULL THEN
        SELECT version, to_jsonb(e) - 'txid' INTO cur, theirs FROM edges e WHERE id = o->>'id';
        IF cur IS NOT NULL AND cur <> base THEN
          RAISE EXCEPTION 'conflict' USING ERRCODE = 'WSCNF',
            DETAIL = jsonb_build_object('table', 'edges', 'id', o->>'id', 'reason', 'changed', 'theirs', theirs)::text;
        ELSIF cur IS NOT NULL THEN
          RAISE EXCEPTION 'refused' USING ERRCODE = '42501', DETAIL = jsonb_build_object('table', 'edges', 'id', o->>'id')::text;
        END IF;
      END IF;
    WHEN 'putPositions' THEN
      INSERT INTO view_positions (view_id, node_id, x, y)
        SELECT o->>'viewId', p->>'id', (p->>'x')::double precision, (p->>'y')::double precision
        FROM jsonb_array_elements(o->'positions') p
        WHERE EXISTS (SELECT 1 FROM nodes WHERE id = p->>'id')
      ON CONFLICT (view_id, node_id) DO UPDATE SET x = excluded.x, y = excluded.y;
    WHEN 'deletePositions' THEN
      DELETE FROM view_positions WHERE view_id = o->>'viewId'
        AND node_id IN (SELECT jsonb_array_elements_text(o->'ids'));
    ELSE
      RAISE EXCEPTION 'unknown operation %', o->>'op' USING ERRCODE = '22023';
    END CASE;
  END LOOP;
  RETURN res;
END $$;

-- The member group: every team member's login role is granted it; it may read and call, and write the graph
-- tables, where row-level security then decides row by row.
GRANT USAGE ON SCHEMA ${s} TO ${member};
GRANT SELECT ON ALL TABLES IN SCHEMA ${s} TO ${member};
GRANT INSERT, UPDATE, DELETE ON nodes, edges, view_positions, views, members, member_units TO ${member};
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${s} TO ${member};
`;
};

/** Every migration of the team schema, in order. Append only, like MIGRATIONS of the SQLite workspace. */
export const PG_MIGRATIONS: readonly PgMigration[] = [{ version: 1, name: '0001-team-init', sql: init }];

/** The team schema version this build writes. */
export const PG_LATEST_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]!.version;
