import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WellspringError } from '../core/util/errors';
import { TeamSession, type TeamRole } from '../core/team/pg-session';
import { openTeamWorkspace } from '../core/team/team-workspace';
import { exportAudit, pullWorkspace, pushWorkspace } from '../core/team/team-transfer';
import { parseTeamAddress } from '../core/team/team-url';
import { WorkspaceService } from '../core/workspace/workspace-service';
import { userDataDir } from '../core/workspace/paths';
import { writeFileAtomic } from '../core/export/write-atomic';
import type { Out } from './library-commands';

/** The environment variable `team add-user` reads the new member's password from (never a command-line value). */
export const MEMBER_PASSWORD_ENV = 'WELLSPRING_MEMBER_PASSWORD';

const ROLES: readonly TeamRole[] = ['viewer', 'editor', 'admin'];

/**
 * `team init --workspace postgres://… [--sample]`: creates the team workspace's schema (the connecting user becomes
 * its first admin; it needs the CREATEROLE right for the member group). An existing workspace is left as it is
 * (pending migrations are applied). With `--sample`, an empty workspace receives the sample workspace (as `push`).
 * @returns 0 @throws the errors of TeamSession.open and pushWorkspace
 */
export async function teamInitCommand(url: string, sample: boolean, out: Out): Promise<number> {
  const session = await TeamSession.open(parseTeamAddress(url), { create: true });
  const info = session.info;
  const counts = await session.counts();
  await session.close();
  out(
    `${info.display}: team workspace schema ${info.schemaVersion}, ${counts.nodes} nodes · ${counts.edges} edges; you are ${info.user} (${info.role}).`,
  );
  if (!sample) return 0;
  if (counts.nodes > 0) {
    out('It is not empty; the sample was not added.');
    return 1;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-sample-'));
  try {
    const file = path.join(dir, 'sample.wellspring');
    const ws = new WorkspaceService(dir, 'node', { watch: false });
    ws.open(file, { create: true, sample: true });
    await ws.shutdown();
    const r = await pushWorkspace(file, url);
    out(`Sample added: ${r.nodes} nodes · ${r.edges} edges.`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return 0;
}

/**
 * `team add-user NAME --role viewer|editor|admin [--unit UNIT]… --workspace postgres://…`: adds a member or changes
 * their role and units (admins only). With `WELLSPRING_MEMBER_PASSWORD` set, the login role is created (or its
 * password changed); without it, NAME must already be a login role of the server.
 * @returns 0 @throws invalid_input for an unknown role; the errors of TeamSession
 */
export async function teamAddUserCommand(
  url: string,
  name: string,
  role: string,
  units: readonly string[],
  out: Out,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (!(ROLES as readonly string[]).includes(role))
    throw new WellspringError(
      'invalid_input',
      `Unknown role “${role}” (viewer, editor or admin).`,
      ['role'],
      {
        key: 'errors.invalidInputValue',
        params: { field: 'role', value: role },
      },
    );
  const session = await TeamSession.open(parseTeamAddress(url));
  try {
    const password = env[MEMBER_PASSWORD_ENV];
    await session.setMember(name, role as TeamRole, units, password ? { password } : {});
  } finally {
    await session.close();
  }
  out(`${name}: ${role}${units.length ? ` of ${units.join(', ')}` : ''}.`);
  return 0;
}

/**
 * `team set-unit UNIT [NODE…] [--tag TAG] [--kind KIND] --workspace postgres://…`: assigns the chosen nodes to an
 * organisational unit (whose editors may then change them). `--unit-none` is spelled as UNIT `-`.
 * @returns 0, or 1 when no node was changed (none matched, or row-level security hid them) @throws the errors of
 *   TeamSession.setUnit
 */
export async function teamSetUnitCommand(
  url: string,
  unit: string,
  select: { ids: string[]; tag?: string; kind?: string },
  out: Out,
): Promise<number> {
  const session = await TeamSession.open(parseTeamAddress(url));
  try {
    const n = await session.setUnit(select, unit === '-' ? null : unit);
    if (n === 0) {
      // Row-level security hides the rows one may not change: none matched, or none is this member's to move.
      console.error(
        'wellspring: no node was changed: none matches, or none is yours to change (viewers change none; editors only their units’ nodes).',
      );
      return 1;
    }
    out(`${n} node${n === 1 ? '' : 's'} now in ${unit === '-' ? 'no unit' : unit}.`);
  } finally {
    await session.close();
  }
  return 0;
}

/**
 * `team audit --workspace postgres://… [--node ID] [--format json|csv] [--out FILE]`: the audit log (who, when,
 * what, before and after), of one node and its edges or of everything, newest first; on stdout or into FILE.
 * @returns 0 @throws the errors of exportAudit; io_error when FILE cannot be written
 */
export async function teamAuditCommand(
  url: string,
  options: { node?: string; format: 'json' | 'csv'; out?: string },
  out: Out,
): Promise<number> {
  const { text, entries } = await exportAudit(url, { nodeId: options.node, format: options.format });
  if (options.out) {
    const target = path.resolve(options.out);
    writeFileAtomic(target, text, 'export');
    out(`${target}\n${entries.length} audit entr${entries.length === 1 ? 'y' : 'ies'}`);
  } else out(text.trimEnd());
  return 0;
}

/**
 * `push --workspace FILE --to postgres://… [--unit UNIT]`: copies a workspace file into an empty team workspace in
 * one transaction (pushWorkspace). @returns 0 @throws its errors
 */
export async function pushCommand(
  file: string,
  url: string,
  unit: string | undefined,
  out: Out,
): Promise<number> {
  const r = await pushWorkspace(file, url, { unit: unit ?? null });
  out(
    `${r.address}: ${r.nodes} nodes · ${r.edges} edges · ${r.positions} positions · ${r.views} views copied from ${file}.`,
  );
  return 0;
}

/**
 * `pull --workspace postgres://… --out FILE.wellspring`: a read-only offline copy (pullWorkspace).
 * @returns 0 @throws its errors
 */
export function pullCommand(url: string, outFile: string, out: Out): number {
  const r = pullWorkspace(url, outFile, userDataDir());
  out(`${r.file}\nread-only copy of ${r.address}: ${r.nodes} nodes · ${r.edges} edges`);
  return 0;
}

/**
 * For the commands that read a workspace file directly (stats, snapshot, export, export-view): a team workspace's
 * local replica, brought up to date first; a file path as it is.
 * @throws the errors of openTeamWorkspace
 */
export function readableFile(workspace: string, isTeam: boolean): string {
  if (!isTeam) return workspace;
  const team = openTeamWorkspace(workspace, userDataDir(), { live: false });
  void team.close();
  team.db.close();
  return team.file;
}
