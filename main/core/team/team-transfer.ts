import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { openWorkspaceDb } from '../db/workspace-db';
import { metaOfDb } from '../db/meta-table';
import { WellspringError } from '../util/errors';
import type { EdgeRow, NodeRow } from '../graph/rows';
import { TeamSession, type AuditEntry, type RemotePositionRow, type TeamViewRow } from './pg-session';
import { openTeamWorkspace } from './team-workspace';
import { ADDRESS_KEY, HORIZON_KEY } from './team-replica';
import { parseTeamAddress } from './team-url';

/** The `meta` key of a pulled copy: the address it was pulled from (the copy is read-only while it is set). */
export const PULLED_FROM_KEY = 'team.pulledFrom';
/** The `meta` key of a pulled copy: when it was pulled (ISO 8601). */
export const PULLED_AT_KEY = 'team.pulledAt';

/** What push wrote. */
export interface PushResult {
  address: string;
  nodes: number;
  edges: number;
  positions: number;
  views: number;
}

/**
 * Copies the workspace file `file` into the empty team workspace at `url` in one server transaction (issue 13):
 * its views, nodes, edges and positions, with their ids and timestamps, so that `pull` gives the same graph back.
 * Every node gets `unit` (null: only admins may change it until `team set-unit` assigns one). The file is only read.
 * The document library stays on the desktop; document nodes and their links are copied.
 * @throws WellspringError: those of openWorkspaceDb for the file; `invalid_input` (`errors.teamNotEmpty`) when the
 *   team workspace has nodes or edges; `permission_denied` unless an admin pushes; `team_unreachable`,
 *   `not_a_workspace` and the other errors of TeamSession.open (with `create`, an absent schema is created first)
 */
export async function pushWorkspace(
  file: string,
  url: string,
  options: { unit?: string | null; password?: string; clientId?: string } = {},
): Promise<PushResult> {
  const { db } = openWorkspaceDb(file);
  let rows: Parameters<TeamSession['push']>[0];
  try {
    rows = {
      views: db.prepare('SELECT * FROM views ORDER BY sort_order, id').all() as TeamViewRow[],
      nodes: db.prepare('SELECT * FROM nodes ORDER BY rowid').all() as NodeRow[],
      edges: db.prepare('SELECT * FROM edges ORDER BY rowid').all() as EdgeRow[],
      positions: db
        .prepare('SELECT view_id, node_id, x, y FROM view_positions ORDER BY view_id, node_id')
        .all() as RemotePositionRow[],
    };
  } finally {
    db.close();
  }
  const address = parseTeamAddress(url, options.password);
  const session = await TeamSession.open(address, { create: true });
  try {
    const r = await session.push(rows, options.unit ?? null, options.clientId ?? 'push');
    return { address: address.display, ...r, positions: rows.positions.length, views: rows.views.length };
  } finally {
    await session.close();
  }
}

/** What pull wrote. */
export interface PullResult {
  file: string;
  address: string;
  nodes: number;
  edges: number;
}

/**
 * Makes a read-only offline copy of the team workspace at `url` as the workspace file `outFile` (issue 13): the
 * desktop's replica under `dataDir` is brought up to date (only what changed since the last pull is read), then
 * copied with SQLite's `VACUUM INTO`, and the copy is marked as pulled (`team.pulledFrom`, `team.pulledAt`):
 * the app opens it read-only (WorkspaceService refuses its graph writes). The replica's library is copied along.
 * @throws WellspringError: `invalid_input` when `outFile` exists (nothing is overwritten); the errors of
 *   openTeamWorkspace
 */
export function pullWorkspace(
  url: string,
  outFile: string,
  dataDir: string,
  options: { password?: string; now?: Date } = {},
): PullResult {
  const target = path.resolve(outFile);
  if (fs.existsSync(target))
    throw new WellspringError('invalid_input', `${target} exists; pull writes a new file only.`, ['out'], {
      key: 'errors.pullTargetExists',
      params: { file: target },
    });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const team = openTeamWorkspace(url, dataDir, { password: options.password, live: false });
  try {
    team.db.prepare('VACUUM INTO ?').run(target);
  } finally {
    void team.close();
    team.db.close();
  }
  const { db } = openWorkspaceDb(target);
  try {
    const meta = metaOfDb(db);
    db.transaction(() => {
      db.prepare('DELETE FROM team_versions').run();
      db.prepare('DELETE FROM history').run();
      meta.delete(HORIZON_KEY);
      meta.delete(ADDRESS_KEY);
      meta.set(PULLED_FROM_KEY, team.address.display);
      meta.set(PULLED_AT_KEY, (options.now ?? new Date()).toISOString());
    })();
    const count = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    return { file: target, address: team.address.display, nodes: count('nodes'), edges: count('edges') };
  } finally {
    db.close();
  }
}

/**
 * The audit log of a team workspace (of one node and its edges, or all), newest first, as JSON (the entries) or
 * CSV (UTF-8 with a BOM, a header row even when empty, one row per entry; before and after as JSON text). Reads only.
 * @throws the errors of TeamSession.open
 */
export async function exportAudit(
  url: string,
  options: { nodeId?: string; format: 'json' | 'csv'; limit?: number; password?: string },
): Promise<{ text: string; entries: AuditEntry[] }> {
  const session = await TeamSession.open(parseTeamAddress(url, options.password));
  try {
    const entries = await session.audit(options.nodeId ?? null, options.limit ?? 100_000);
    if (options.format === 'json') return { text: JSON.stringify(entries, null, 2) + '\n', entries };
    const text = Papa.unparse(
      entries.map((e) => ({
        id: e.id,
        at: e.at,
        actor: e.actor,
        client: e.client ?? '',
        table: e.table,
        row_id: e.rowId,
        action: e.action,
        before: e.before === null ? '' : JSON.stringify(e.before),
        after: e.after === null ? '' : JSON.stringify(e.after),
      })),
      {
        newline: '\n',
        columns: ['id', 'at', 'actor', 'client', 'table', 'row_id', 'action', 'before', 'after'],
      },
    );
    // A BOM, as the app's other CSV exports: Excel then reads the UTF-8 (Chinese labels) right.
    return { text: `\ufeff${text}\n`, entries };
  } finally {
    await session.close();
  }
}
