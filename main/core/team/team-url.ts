import { createHash } from 'node:crypto';
import path from 'node:path';
import { WellspringError } from '../util/errors';

/** A parsed team workspace address `postgres://user:password@host:port/database?schema=name`. */
export interface TeamAddress {
  /** What `pg` connects with (the password included; never logged nor stored). */
  connectionString: string;
  /** The schema holding the workspace (`?schema=`; default `wellspring`). */
  schema: string;
  user: string;
  host: string;
  port: number;
  database: string;
  /** The address without its password: what the app shows, logs and keeps in its recent list. */
  display: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** True when `s` names a team workspace (a `postgres://` or `postgresql://` URL) rather than a file. */
export function isTeamAddress(s: string): boolean {
  return /^postgres(ql)?:\/\//i.test(s);
}

/**
 * Parses a team workspace URL (libpq's URI form). The password may be given separately (`password`), as the
 * Electron shell does from the OS keychain. Percent-escapes in user and password are decoded by `pg` itself.
 * @throws WellspringError `invalid_input` (not a URL, no user, no database, a schema name that is not a plain
 *   lower-case identifier)
 */
export function parseTeamAddress(url: string, password?: string): TeamAddress {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw invalid(url, 'not a URL');
  }
  if (!/^postgres(ql)?:$/i.test(u.protocol)) throw invalid(url, 'not a postgres:// URL');
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!u.username) throw invalid(url, 'no user name');
  if (!database) throw invalid(url, 'no database name');
  const schema = u.searchParams.get('schema') ?? 'wellspring';
  if (!SCHEMA_NAME.test(schema)) throw invalid(url, `schema “${schema}” is not a plain lower-case name`);
  if (password !== undefined) u.password = encodeURIComponent(password);
  const host = u.hostname || 'localhost';
  const port = u.port ? Number(u.port) : 5432;
  const conn = new URL(u.toString());
  conn.searchParams.delete('schema');
  const shown = new URL(u.toString());
  shown.password = '';
  if (schema === 'wellspring') shown.searchParams.delete('schema');
  return {
    connectionString: conn.toString(),
    schema,
    user: decodeURIComponent(u.username),
    host,
    port,
    database,
    display: shown.toString(),
  };
}

/**
 * Where the desktop keeps its replica of a team workspace: `<dataDir>/team/<database>-<schema>-<hash>.wellspring`,
 * one file per server, database, schema and user (the hash of the address without the password). The replica is
 * an ordinary workspace file: the document library and the undo log of this desktop live in it.
 */
export function replicaPathOf(dataDir: string, address: TeamAddress): string {
  const key = `${address.user}@${address.host}:${address.port}/${address.database}/${address.schema}`;
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 12);
  const safe = `${address.database}-${address.schema}`.replace(/[^\w.-]+/g, '_');
  return path.join(dataDir, 'team', `${safe}-${hash}.wellspring`);
}

function invalid(url: string, why: string): WellspringError {
  // Greedy to the last '@': a password may hold '@' itself.
  const shown = url.replace(/(\/\/[^:/@]*:).*@/, '$1***@');
  return new WellspringError(
    'invalid_input',
    `Not a team workspace address (${why}): ${shown}`,
    ['workspace'],
    {
      key: 'errors.teamAddressInvalid',
      params: { address: shown, reason: why },
    },
  );
}
