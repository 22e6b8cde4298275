import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import pg from 'pg';
import { WellspringError } from '../util/errors';
import type { EdgeRow, NodeRow } from '../graph/rows';
import type { RowOp } from '../graph/history-log';
import type { ViewRow } from '../graph/view-store';
import { PG_LATEST_VERSION, PG_MIGRATIONS, TEAM_APPLICATION, type PgMigration } from './pg-migrations';
import type { TeamAddress } from './team-url';

/** The app roles of a team member (issue 13): read; change the nodes of one's units; change everything, manage members. */
export type TeamRole = 'viewer' | 'editor' | 'admin';

/** Who is connected to which team workspace. */
export interface TeamInfo {
  /** The address without its password. */
  display: string;
  schema: string;
  schemaVersion: number;
  /** The login role (PostgreSQL user name). */
  user: string;
  role: TeamRole;
  /** Ids of the `unit` nodes this member belongs to (an editor may change their nodes). */
  units: string[];
}

/** A node row of the team schema: the SQLite row plus its version and unit. */
export type RemoteNodeRow = NodeRow & { version: number; unit_id: string | null };
/** An edge row of the team schema plus its version. */
export type RemoteEdgeRow = EdgeRow & { version: number };
/** A position row of the team schema. */
export interface RemotePositionRow {
  view_id: string;
  node_id: string;
  x: number;
  y: number;
}

/**
 * What changed on the server since a horizon (or everything, `full`), read in one REPEATABLE READ snapshot.
 * `horizon` is that snapshot's xmin (xid8 as decimal text): the next read asks for the rows of transactions from
 * there on, which include every transaction that was still running (so invisible) now.
 */
export interface TeamChanges {
  full: boolean;
  horizon: string;
  nodes: RemoteNodeRow[];
  edges: RemoteEdgeRow[];
  positions: RemotePositionRow[];
  /** The views of the workspace changed since the horizon (SQLite `views` rows; a desktop adds the ones it lacks). */
  views: TeamViewRow[];
  /** Rows deleted since the horizon that do not exist now (a node deleted and then restored by undo is not here). */
  tombstones: Array<{ kind: 'node' | 'edge' | 'position'; id: string; view_id: string }>;
}

/** A view as the team schema keeps it: the SQLite `views` row (filters, layout and camera as JSON text). */
export type TeamViewRow = Omit<ViewRow, 'position_count'>;

/**
 * A row operation sent to the server: the local RowOp plus the version the client read (`base`, null or absent for a
 * new row) and, for a new node, optionally its unit (push and admins; an editor's new node defaults to their unit).
 */
export type RemoteOp = RowOp & { base?: number | null; unit?: string | null };

/** One audit log entry (who, when, what, before and after: the rows as JSON, without the change-feed column). */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  client: string | null;
  table: 'nodes' | 'edges';
  rowId: string;
  action: 'insert' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The detail of an `edit_conflict`: the row the server has now (`theirs`; null when it was deleted). */
export interface ConflictDetail {
  table: 'nodes' | 'edges';
  id: string;
  reason: 'changed' | 'deleted' | 'exists';
  theirs: Record<string, unknown> | null;
}

// bigint columns as numbers (audit ids stay far below 2^53); `pg` returns them as strings otherwise.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

const RETRYABLE = new Set(['40001', '40P01']);
const MAX_RETRIES = 8;

/**
 * One connection to a team workspace on PostgreSQL (async; the desktop's synchronous write path reaches it through
 * the worker of team-bridge.ts). Opening checks that the schema is a Wellspring team workspace of a version this
 * build knows before anything is written, like openWorkspaceDb does for files.
 *
 * Errors are WellspringError: `team_unreachable` (no server, refused login, connection lost), `not_a_workspace`
 * (no such database or schema, or another program's schema), `workspace_too_new`, `unknown_history`,
 * `edit_conflict` (detail in `params.detail`, JSON of ConflictDetail), `permission_denied`.
 */
export class TeamSession {
  /** Serialisation failures and deadlocks retried by applyOps so far (the team benchmark prints them). */
  retried = 0;
  /** Set when the connection reported an error or ended (server restart, network): the next call reconnects. */
  private broken = false;

  private constructor(
    private client: pg.Client,
    readonly address: TeamAddress,
    private infoCache: TeamInfo,
  ) {
    this.watch(client);
  }

  private watch(client: pg.Client): void {
    const lost = () => {
      if (this.client === client) this.broken = true;
    };
    client.on('error', lost);
    client.on('end', lost);
  }

  /** Reconnects after the connection was lost (the server restarted); a failure is team_unreachable. */
  private async ensure(): Promise<void> {
    if (!this.broken) return;
    const client = await connect(this.address);
    await client.query(`SET search_path TO ${pg.escapeIdentifier(this.address.schema)}, pg_temp`);
    const old = this.client;
    this.client = client;
    this.broken = false;
    this.watch(client);
    await old.end().catch(() => undefined);
  }

  /**
   * Connects and checks the schema; with `create`, an absent schema is initialised (the caller becomes its first
   * admin; it needs the CREATEROLE right for the member group role). Pending migrations are applied.
   * @throws see the class
   */
  static async open(address: TeamAddress, options: { create?: boolean } = {}): Promise<TeamSession> {
    const client = await connect(address);
    try {
      await client.query(`SET search_path TO ${pg.escapeIdentifier(address.schema)}, pg_temp`);
      const version = await inspect(client, address, options.create === true);
      const pending = PG_MIGRATIONS.filter((m) => m.version > version);
      for (const m of pending) await migrate(client, address, m, version === 0);
      const session = new TeamSession(client, address, await readInfo(client, address));
      return session;
    } catch (e) {
      await client.end().catch(() => undefined);
      throw toWellspringError(e, address);
    }
  }

  /** Who is connected (read at open; `refreshInfo` reads it again). */
  get info(): TeamInfo {
    return this.infoCache;
  }

  /** Reads the member's role and units again (an admin may have changed them). */
  async refreshInfo(): Promise<TeamInfo> {
    this.infoCache = await this.run(() => readInfo(this.client, this.address));
    return this.infoCache;
  }

  /** The rows changed since `horizon` (null: every row), in one snapshot. @throws team_unreachable */
  async changesSince(horizon: string | null): Promise<TeamChanges> {
    return this.run(async () => {
      const c = this.client;
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const h = (await c.query<{ h: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS h'))
          .rows[0]!.h;
        const where = horizon === null ? '' : 'WHERE txid >= $1::xid8';
        const args = horizon === null ? [] : [horizon];
        const nodes = await c.query(
          `SELECT id, kind, label, aliases, description, tags, props, created_at, updated_at, unit_id, version
           FROM nodes ${where} ORDER BY seq`,
          args,
        );
        const edges = await c.query(
          `SELECT id, kind, source, target, props, created_at, version FROM edges ${where} ORDER BY seq`,
          args,
        );
        const positions = await c.query<RemotePositionRow>(
          `SELECT view_id, node_id, x, y FROM view_positions ${where}`,
          args,
        );
        const views = await c.query<{ row: TeamViewRow }>(`SELECT row FROM views ${where} ORDER BY id`, args);
        const tombstones =
          horizon === null
            ? { rows: [] }
            : await c.query<TeamChanges['tombstones'][number]>(
                `SELECT DISTINCT t.kind, t.id, t.view_id FROM tombstones t WHERE t.txid >= $1::xid8 AND NOT (
                   (t.kind = 'node' AND EXISTS (SELECT 1 FROM nodes n WHERE n.id = t.id)) OR
                   (t.kind = 'edge' AND EXISTS (SELECT 1 FROM edges e WHERE e.id = t.id)) OR
                   (t.kind = 'position' AND EXISTS (SELECT 1 FROM view_positions p
                      WHERE p.node_id = t.id AND p.view_id = t.view_id)))`,
                args,
              );
        await c.query('COMMIT');
        return {
          full: horizon === null,
          horizon: h,
          nodes: nodes.rows.map(nodeRowOf),
          edges: edges.rows.map(edgeRowOf),
          positions: positions.rows,
          views: views.rows.map((r) => r.row),
          tombstones: tombstones.rows,
        };
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  /**
   * Writes row operations in one transaction (the server function `apply_ops`), retrying deadlocks and
   * serialisation failures. Returns the new version of every node (`n:<id>`) and edge (`e:<id>`) written.
   * @throws edit_conflict, permission_denied, team_unreachable
   */
  async applyOps(ops: readonly RemoteOp[], clientId: string): Promise<Record<string, number>> {
    const payload = JSON.stringify(ops);
    for (let attempt = 0; ; attempt++) {
      try {
        await this.ensure();
        const r = await this.client.query<{ v: Record<string, number> }>(
          'SELECT apply_ops($1::jsonb, $2) AS v',
          [payload, clientId],
        );
        return r.rows[0]!.v;
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code && RETRYABLE.has(code) && attempt < MAX_RETRIES) {
          this.retried++;
          await new Promise((r) => setTimeout(r, 2 + Math.random() * 8 * (attempt + 1)));
          continue;
        }
        throw this.failed(e);
      }
    }
  }

  /**
   * Copies a whole workspace into this (empty) team workspace in one transaction: its views, nodes (each in
   * `unit`), edges and positions, set-based (one INSERT … SELECT per table from JSON, in the file's order), so that
   * row-level security, versions and the audit log apply as to any write. No statement timeout: a big workspace
   * takes a while. Refused, with nothing written, when the workspace already has nodes or edges.
   * Returns the counts written.
   * @throws invalid_input (`errors.teamNotEmpty`), permission_denied, team_unreachable
   */
  async push(
    rows: {
      views: readonly TeamViewRow[];
      nodes: readonly NodeRow[];
      edges: readonly EdgeRow[];
      positions: readonly RemotePositionRow[];
    },
    unit: string | null,
    clientId: string,
  ): Promise<{ nodes: number; edges: number }> {
    return this.run(async () => {
      const c = this.client;
      await c.query('BEGIN');
      try {
        await c.query('SET LOCAL statement_timeout = 0');
        await c.query(`SELECT set_config('wellspring.client', $1, true)`, [clientId]);
        // Two pushes at once: the second waits here, then finds the first one's rows.
        await c.query('LOCK TABLE nodes, edges IN SHARE ROW EXCLUSIVE MODE');
        const n = (
          await c.query<{ nodes: number; edges: number }>(
            'SELECT (SELECT count(*) FROM nodes)::int AS nodes, (SELECT count(*) FROM edges)::int AS edges',
          )
        ).rows[0]!;
        if (n.nodes > 0 || n.edges > 0)
          throw new WellspringError(
            'invalid_input',
            `${this.address.display} is not empty (${n.nodes} nodes, ${n.edges} edges): push copies into an empty team workspace only.`,
            ['to'],
            {
              key: 'errors.teamNotEmpty',
              params: { address: this.address.display, nodes: n.nodes, edges: n.edges },
            },
          );
        if (rows.views.length)
          await c.query(
            `INSERT INTO views (id, row) SELECT v->>'id', v FROM jsonb_array_elements($1::jsonb) v
             ON CONFLICT (id) DO UPDATE SET row = excluded.row`,
            [JSON.stringify(rows.views)],
          );
        await c.query(
          `INSERT INTO nodes (id, kind, label, aliases, description, tags, props, created_at, updated_at, unit_id)
           SELECT r->>'id', r->>'kind', r->>'label', (r->>'aliases')::jsonb, r->>'description', (r->>'tags')::jsonb,
                  (r->>'props')::jsonb, r->>'created_at', r->>'updated_at', $2
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(r, i) ORDER BY i`,
          [JSON.stringify(rows.nodes), unit],
        );
        await c.query(
          `INSERT INTO edges (id, kind, source, target, props, created_at)
           SELECT r->>'id', r->>'kind', r->>'source', r->>'target', (r->>'props')::jsonb, r->>'created_at'
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(r, i) ORDER BY i`,
          [JSON.stringify(rows.edges)],
        );
        if (rows.positions.length)
          await c.query(
            `INSERT INTO view_positions (view_id, node_id, x, y)
             SELECT p->>'view_id', p->>'node_id', (p->>'x')::double precision, (p->>'y')::double precision
             FROM jsonb_array_elements($1::jsonb) p`,
            [JSON.stringify(rows.positions)],
          );
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
      return { nodes: rows.nodes.length, edges: rows.edges.length };
    });
  }

  /** The audit log of one node and its edges (newest first), or of everything (`nodeId` null), at most `limit`. */
  async audit(nodeId: string | null, limit = 1000): Promise<AuditEntry[]> {
    return this.run(async () => {
      const r = await this.client.query(
        nodeId === null
          ? 'SELECT * FROM audit_log ORDER BY id DESC LIMIT $1'
          : `SELECT * FROM audit_log WHERE row_id = $2
               OR (table_name = 'edges' AND (after->>'source' = $2 OR after->>'target' = $2
                   OR before->>'source' = $2 OR before->>'target' = $2))
             ORDER BY id DESC LIMIT $1`,
        nodeId === null ? [limit] : [limit, nodeId],
      );
      return r.rows.map((row: Record<string, unknown>) => ({
        id: row.id as number,
        at: (row.at as Date).toISOString(),
        actor: row.actor as string,
        client: (row.client as string | null) ?? null,
        table: row.table_name as AuditEntry['table'],
        rowId: row.row_id as string,
        action: row.action as AuditEntry['action'],
        before: (row.before as Record<string, unknown> | null) ?? null,
        after: (row.after as Record<string, unknown> | null) ?? null,
      }));
    });
  }

  /**
   * Adds (or updates) a team member: creates the login role when `password` is given, grants it the member group,
   * and records its app role and units. Admins only (row-level security on `members`).
   * @throws permission_denied, team_unreachable
   */
  async setMember(
    roleName: string,
    role: TeamRole,
    units: readonly string[],
    options: { password?: string; displayName?: string } = {},
  ): Promise<void> {
    await this.run(async () => {
      const c = this.client;
      const ident = pg.escapeIdentifier(roleName);
      const member = await memberRoleOf(c);
      await c.query('BEGIN');
      try {
        const exists = (await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [roleName])).rowCount;
        // A new login gets the password as a SCRAM verifier: the plain password never reaches the server (nor its
        // statement log). An existing login keeps its password: it may be someone's on other workspaces too.
        if (!exists) {
          if (options.password === undefined)
            throw new WellspringError(
              'invalid_input',
              `${roleName} is not a login on the server: give it a password.`,
              [],
              {
                key: 'errors.teamNewLoginNeedsPassword',
                params: { user: roleName },
              },
            );
          await c.query(
            `CREATE ROLE ${ident} LOGIN PASSWORD ${c.escapeLiteral(scramVerifier(options.password))}`,
          );
        }
        // The last admin stays an admin: otherwise no one could manage the workspace any more.
        if (role !== 'admin') {
          const admins = await c.query<{ role_name: string }>(
            "SELECT role_name FROM members WHERE role = 'admin'",
          );
          if (admins.rows.length === 1 && admins.rows[0]!.role_name === roleName)
            throw new WellspringError(
              'invalid_input',
              `${roleName} is the last admin of ${this.address.display}.`,
              [],
              {
                key: 'errors.teamLastAdmin',
                params: { user: roleName, address: this.address.display },
              },
            );
        }
        // Admins may add members themselves (the group's ADMIN OPTION); creating new logins needs CREATEROLE.
        await c.query(
          `GRANT ${pg.escapeIdentifier(member)} TO ${ident}${role === 'admin' ? ' WITH ADMIN OPTION' : ''}`,
        );
        await c.query(
          `INSERT INTO members (role_name, role, display_name) VALUES ($1, $2, $3)
           ON CONFLICT (role_name) DO UPDATE SET role = excluded.role, display_name = excluded.display_name`,
          [roleName, role, options.displayName ?? roleName],
        );
        await c.query('DELETE FROM member_units WHERE role_name = $1', [roleName]);
        for (const u of units)
          await c.query('INSERT INTO member_units (role_name, unit_id) VALUES ($1, $2)', [roleName, u]);
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  /**
   * Sets the unit of the nodes chosen by id, tag or kind (all that are given must match; at least one must be
   * given). Admins may move any node; an editor only between their own units (row-level security). Returns the
   * number of nodes changed. @throws invalid_input (no selector), permission_denied, team_unreachable
   */
  async setUnit(
    select: { ids?: readonly string[]; tag?: string; kind?: string },
    unitId: string | null,
  ): Promise<number> {
    if (!select.ids?.length && select.tag === undefined && select.kind === undefined)
      throw new WellspringError('invalid_input', 'set-unit needs node ids, --tag or --kind.', [], {
        key: 'errors.invalidInput',
        params: { field: 'nodes' },
      });
    return this.run(async () => {
      await this.client.query('BEGIN');
      try {
        await this.client.query(`SELECT set_config('wellspring.client', 'cli', true)`);
        const r = await this.client.query(
          `UPDATE nodes SET unit_id = $1
           WHERE ($2::text[] IS NULL OR id = ANY($2::text[])) AND ($3::text IS NULL OR tags ? $3)
             AND ($4::text IS NULL OR kind = $4)`,
          [unitId, select.ids?.length ? [...select.ids] : null, select.tag ?? null, select.kind ?? null],
        );
        await this.client.query('COMMIT');
        return r.rowCount ?? 0;
      } catch (e) {
        await this.client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  /** Node and edge counts on the server (push checks that the target is empty). */
  async counts(): Promise<{ nodes: number; edges: number }> {
    return this.run(async () => {
      const r = await this.client.query<{ nodes: number; edges: number }>(
        'SELECT (SELECT count(*) FROM nodes)::int AS nodes, (SELECT count(*) FROM edges)::int AS edges',
      );
      return r.rows[0]!;
    });
  }

  /** Closes the connection. */
  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }

  private async run<T>(f: () => Promise<T>): Promise<T> {
    try {
      await this.ensure();
      return await f();
    } catch (e) {
      throw this.failed(e);
    }
  }

  /** The error for a failed call; a lost connection is reconnected on the next call. */
  private failed(e: unknown): WellspringError {
    const w = toWellspringError(e, this.address);
    if (w.code === 'team_unreachable') this.broken = true;
    return w;
  }
}

/** A connection with the workspace's search_path (the LISTEN client of the change feed uses one too). */
export async function connect(address: TeamAddress): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: address.connectionString,
    // Generous: a loaded machine (or a server forking a backend under load) can take seconds; a refused port still
    // fails at once.
    connectionTimeoutMillis: 20_000,
    // pg_stat_activity shows which workspace a connection serves (and tests can find a workspace's connections).
    application_name: `wellspring:${address.schema}`,
    // A write that waits on a lock longer than this is reported instead of hanging the app.
    statement_timeout: 30_000,
    // A member holding a table lock (any writer can take one) makes the app report within seconds.
    lock_timeout: 5_000,
  });
  // An idle connection that drops emits 'error'; the owner notices on its next query.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => undefined);
    throw toWellspringError(e, address);
  }
  return client;
}

/** Returns the schema version of the workspace (0 when it is to be created), or throws why it cannot be opened. */
async function inspect(client: pg.Client, address: TeamAddress, create: boolean): Promise<number> {
  const where = `${address.display}`;
  const schema = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [address.schema]);
  if (!schema.rowCount) {
    if (create) return 0;
    throw new WellspringError(
      'not_a_workspace',
      `${where}: the database has no team workspace “${address.schema}” (create one with \`npm run cli -- team init\`).`,
      [],
      { key: 'errors.teamNoWorkspace', params: { address: where, schema: address.schema } },
    );
  }
  const tables = await client.query<{ meta: string | null; mig: string | null }>(
    `SELECT to_regclass($1 || '.ws_meta')::text AS meta, to_regclass($1 || '.schema_migrations')::text AS mig`,
    [pg.escapeIdentifier(address.schema)],
  );
  const app = tables.rows[0]!.meta
    ? (await client.query<{ value: string }>("SELECT value FROM ws_meta WHERE key = 'application'")).rows[0]
        ?.value
    : undefined;
  if (!tables.rows[0]!.mig || app !== TEAM_APPLICATION)
    throw new WellspringError(
      'not_a_workspace',
      `${where}: schema “${address.schema}” belongs to another program, not a Wellspring team workspace; it was left untouched.`,
      [],
      { key: 'errors.teamOtherSchema', params: { address: where, schema: address.schema } },
    );
  const rows = (
    await client.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    )
  ).rows;
  const newest = rows.length ? rows[rows.length - 1]!.version : 0;
  if (newest > PG_LATEST_VERSION)
    throw new WellspringError(
      'workspace_too_new',
      `${where} was written by a newer version of Wellspring (team schema ${newest}; this version knows up to ${PG_LATEST_VERSION}). Update Wellspring to open it; nothing was written.`,
      [],
      { key: 'errors.workspaceTooNew', params: { file: where, version: newest, known: PG_LATEST_VERSION } },
    );
  for (const row of rows) {
    const known = PG_MIGRATIONS.find((m) => m.version === row.version);
    if (!known || known.name !== row.name)
      throw new WellspringError(
        'unknown_history',
        `${where} has a schema history this version does not know (migration ${row.version} “${row.name}”); nothing was written.`,
        [],
        { key: 'errors.unknownHistory', params: { file: where, version: row.version, name: row.name } },
      );
  }
  return newest;
}

/** The member group role of a workspace: `<database>_<schema>_member`, at most 63 bytes. */
export function memberRoleName(address: TeamAddress): string {
  const name = `${address.database}_${address.schema}_member`.replace(/[^\w]/g, '_');
  if (name.length <= 63) return name;
  // Role names are cut at 63 bytes: two long schemas must not share one group.
  const hash = createHash('sha256')
    .update(`${address.database}/${address.schema}`)
    .digest('hex')
    .slice(0, 10);
  return `${name.slice(0, 45)}_${hash}_member`;
}

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for `password` (RFC 5802 / RFC 7677, as libpq's
 * PQencryptPasswordConn makes it: 4096 iterations, a 16-byte random salt): `CREATE ROLE … PASSWORD '<verifier>'`
 * sets the password without sending it. The password is NFKC-normalised (SASLprep's mapping for common text).
 */
export function scramVerifier(password: string): string {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, 4096, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$4096:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

async function memberRoleOf(client: pg.Client): Promise<string> {
  return (await client.query<{ value: string }>("SELECT value FROM ws_meta WHERE key = 'member_role'"))
    .rows[0]!.value;
}

/** Applies one migration in one transaction; the first one also creates the schema, the member group and the marker. */
async function migrate(
  client: pg.Client,
  address: TeamAddress,
  m: PgMigration,
  first: boolean,
): Promise<void> {
  const schema = pg.escapeIdentifier(address.schema);
  const memberName = first ? memberRoleName(address) : await memberRoleOf(client);
  const member = pg.escapeIdentifier(memberName);
  await client.query('BEGIN');
  try {
    if (first) {
      await client.query(`CREATE SCHEMA ${schema}`);
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [memberName]);
      if (!exists.rowCount) await client.query(`CREATE ROLE ${member} NOLOGIN`);
      await client.query(
        'CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
    }
    await client.query(m.sql(schema, member));
    await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    if (first) {
      await client.query(
        `INSERT INTO ws_meta (key, value) VALUES ('application', $1), ('member_role', $2), ('created_at', now()::text)`,
        [TEAM_APPLICATION, memberName],
      );
      await client.query(`GRANT SELECT ON schema_migrations TO ${member}`);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

async function readInfo(client: pg.Client, address: TeamAddress): Promise<TeamInfo> {
  const version = (await client.query<{ v: number }>('SELECT max(version) AS v FROM schema_migrations'))
    .rows[0]!.v;
  const me = await client.query<{ role: TeamRole }>(
    'SELECT role FROM members WHERE role_name = current_user',
  );
  if (!me.rowCount)
    throw new WellspringError(
      'permission_denied',
      `${address.user} is not a member of the team workspace ${address.display}; ask its admin to add you.`,
      [],
      { key: 'errors.teamNotMember', params: { user: address.user, address: address.display } },
    );
  const units = await client.query<{ unit_id: string }>(
    'SELECT unit_id FROM member_units WHERE role_name = current_user ORDER BY unit_id',
  );
  return {
    display: address.display,
    schema: address.schema,
    schemaVersion: version,
    user: address.user,
    role: me.rows[0]!.role,
    units: units.rows.map((r) => r.unit_id),
  };
}

function nodeRowOf(r: Record<string, unknown>): RemoteNodeRow {
  return {
    id: r.id as string,
    kind: r.kind as RemoteNodeRow['kind'],
    label: r.label as string,
    aliases: JSON.stringify(r.aliases),
    description: r.description as string,
    tags: JSON.stringify(r.tags),
    props: JSON.stringify(r.props),
    created_at: r.created_at as string,
    updated_at: r.updated_at as string,
    unit_id: (r.unit_id as string | null) ?? null,
    version: r.version as number,
  };
}

function edgeRowOf(r: Record<string, unknown>): RemoteEdgeRow {
  return {
    id: r.id as string,
    kind: r.kind as RemoteEdgeRow['kind'],
    source: r.source as string,
    target: r.target as string,
    props: JSON.stringify(r.props),
    created_at: r.created_at as string,
    version: r.version as number,
  };
}

/**
 * Maps an error of `pg` (or of the socket) to the WellspringError a user understands, naming the server (never
 * the password). WellspringErrors pass through.
 */
export function toWellspringError(e: unknown, address: TeamAddress): WellspringError {
  if (e instanceof WellspringError) return e;
  const err = e as { code?: string; message?: string; detail?: string };
  const where = address.display;
  const code = err.code ?? '';
  if (code === '28P01' || code === '28000')
    return new WellspringError(
      'team_unreachable',
      `${where}: the server refused the login of ${address.user} (wrong user name or password).`,
      [],
      { key: 'errors.teamAuthFailed', params: { address: where, user: address.user } },
    );
  if (code === '3D000')
    return new WellspringError(
      'not_a_workspace',
      `${where}: no database “${address.database}” on the server.`,
      [],
      {
        key: 'errors.teamNoDatabase',
        params: { address: where, database: address.database },
      },
    );
  if (code === 'WSCNF') {
    const detail = safeJson(err.detail) as ConflictDetail | null;
    const theirs = detail?.theirs ?? null;
    return new WellspringError(
      'edit_conflict',
      `Someone else ${detail?.reason === 'deleted' ? 'deleted' : 'changed'} “${String(theirs?.label ?? detail?.id ?? '')}” since you opened it; your change was not saved.`,
      [],
      {
        key: detail?.reason === 'deleted' ? 'errors.teamConflictDeleted' : 'errors.teamConflict',
        params: { label: String(theirs?.label ?? detail?.id ?? ''), detail: err.detail ?? '' },
      },
    );
  }
  if (code === '42501')
    return new WellspringError(
      'permission_denied',
      `${address.user} may not make this change on ${where} (viewers read only; editors change the nodes of their own units).`,
      [],
      { key: 'errors.teamRefused', params: { user: address.user, address: where } },
    );
  if (
    /^08/.test(code) ||
    [
      'ECONNREFUSED',
      'ENOTFOUND',
      'EHOSTUNREACH',
      'ETIMEDOUT',
      'ECONNRESET',
      'EPIPE',
      '57P01',
      '57P02',
      '57P03',
    ].includes(code) ||
    /timeout|terminated|Connection terminated|not queryable|ended/i.test(err.message ?? '')
  )
    return new WellspringError(
      'team_unreachable',
      `${where}: cannot reach the team server (${err.message ?? code}).`,
      [],
      { key: 'errors.teamUnreachable', params: { address: where, detail: err.message ?? code } },
    );
  return new WellspringError('internal', `${where}: ${err.message ?? String(e)}`, [], {
    key: 'errors.teamServerError',
    params: { address: where, detail: err.message ?? String(e) },
  });
}

function safeJson(s: string | undefined): unknown {
  try {
    return s ? JSON.parse(s) : null;
  } catch {
    return null;
  }
}
