import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect } from 'vitest';
import type Database from 'better-sqlite3';
import { openWorkspaceDb } from '../../main/core/db/workspace-db';
import { GraphStore } from '../../main/core/graph/graph-store';
import { openTeamWorkspace, type TeamWorkspace } from '../../main/core/team/team-workspace';
import { tempDir } from './helpers';

/**
 * The test server: `WELLSPRING_TEST_PG` (`.ci/run` sets it after `.ci/postgres.sh` made the role and database), or
 * that same local default. The role may create roles: RLS tests make one login role per simulated member.
 */
export const TEST_PG =
  process.env.WELLSPRING_TEST_PG ??
  'postgres://wellspring_test:wellspring_test@127.0.0.1:5432/wellspring_test';

const schemas: string[] = [];
const roles: string[] = [];

/** A new schema name, dropped (with the member roles made for it) after the test file. */
export function freshSchema(prefix = 't'): string {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  schemas.push(name);
  return name;
}

/** The address of `schema` on the test server, as the test role (optionally as another user). */
export function teamUrl(schema: string, as?: { user: string; password: string }): string {
  const u = new URL(TEST_PG);
  if (as) {
    u.username = as.user;
    u.password = as.password;
  }
  u.searchParams.set('schema', schema);
  return u.toString();
}

/** A login role name that is dropped after the test file. */
export function freshRole(prefix = 'm'): string {
  const name = `ws_${prefix}_${randomBytes(4).toString('hex')}`;
  roles.push(name);
  return name;
}

/** Runs raw SQL on the test server (as the test role, or as `as`), then disconnects. */
export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(
  text: string,
  params: unknown[] = [],
  as?: { user: string; password: string },
): Promise<T[]> {
  const u = new URL(TEST_PG);
  if (as) {
    u.username = as.user;
    u.password = as.password;
  }
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
}

afterAll(async () => {
  if (!schemas.length && !roles.length) return;
  const c = new pg.Client({ connectionString: TEST_PG });
  await c.connect();
  try {
    for (const s of schemas.splice(0)) {
      await c.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(s)} CASCADE`);
      // The member group role of the schema (pg-session.ts memberRoleName: <database>_<schema>_member).
      const groups = await c.query<{ rolname: string }>(
        'SELECT rolname FROM pg_roles WHERE rolname LIKE $1',
        [`%\\_${s}\\_member`],
      );
      for (const g of groups.rows) await c.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(g.rolname)}`);
    }
    for (const r of roles.splice(0)) await c.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(r)}`);
  } finally {
    await c.end();
  }
});

/** A graph store opened on one backend, as the store suite uses it. */
export interface OpenedStore {
  store: GraphStore;
  /** Closes (the postgres backend first checks that the server holds exactly the local graph). */
  close(): void;
  /** Closes and opens the same workspace again (a restart). */
  reopen(): OpenedStore;
}

/** The two backends of the graph store (issue 13): a workspace file, and a team workspace on PostgreSQL. */
export const STORE_BACKENDS = ['sqlite', 'postgres'] as const;
export type StoreBackend = (typeof STORE_BACKENDS)[number];

/** A new empty workspace on `backend`. */
export function newStoreOn(backend: StoreBackend): OpenedStore {
  if (backend === 'sqlite') return sqliteStore(path.join(tempDir(), 'g.wellspring'), true);
  return teamStore(teamUrl(freshSchema('store')), tempDir(), true);
}

function sqliteStore(file: string, create: boolean): OpenedStore {
  const { db } = openWorkspaceDb(file, { create });
  return {
    store: new GraphStore(db),
    close: () => db.close(),
    reopen() {
      db.close();
      return sqliteStore(file, false);
    },
  };
}

function teamStore(url: string, dataDir: string, create: boolean): OpenedStore {
  const team = openTeamWorkspace(url, dataDir, { create, live: false });
  const close = (db: Database.Database) => {
    void team.close();
    db.close();
  };
  return {
    store: team.store,
    close() {
      expectServerHolds(url, team);
      close(team.db);
    },
    reopen() {
      close(team.db);
      return teamStore(url, dataDir, false);
    },
  };
}

/** The graph a fresh desktop reads from the server equals this desktop's (nodes, edges, map positions). */
export function expectServerHolds(url: string, team: TeamWorkspace): void {
  const other = openTeamWorkspace(url, tempDir(), { live: false });
  try {
    const norm = (s: GraphStore) => {
      const g = s.getGraph();
      return {
        nodes: [...g.nodes].sort((a, b) => a.id.localeCompare(b.id)),
        edges: [...g.edges].sort((a, b) => a.id.localeCompare(b.id)),
      };
    };
    expect(norm(other.store)).toEqual(norm(team.store));
  } finally {
    void other.close();
    other.db.close();
  }
}
