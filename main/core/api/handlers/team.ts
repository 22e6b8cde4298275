import type { TEAM_CHANNELS, WorkspaceInfo } from '../../../../preload/contract';
import { WellspringError } from '../../util/errors';
import { parseTeamAddress } from '../../team/team-url';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers, HostHooks } from './types';

/**
 * Connects to a team workspace and switches to it (issue 13). The password is, in this order: the one given, the
 * one in the URL, the one the keychain kept for the address; with `remember` and a keychain, a password that
 * worked is kept there (never in plain text: the recent list holds the address without it).
 * @throws WellspringError: `invalid_input` for a malformed address; those of WorkspaceService.open for a team
 *   workspace (wrong password, unreachable server, not a workspace, newer schema)
 */
export function connectTeam(
  ws: WorkspaceService,
  host: HostHooks,
  input: { url: string; password?: string; remember?: boolean },
): WorkspaceInfo {
  const address = parseTeamAddress(input.url);
  const inUrl = new URL(input.url).password ? decodeURIComponent(new URL(input.url).password) : undefined;
  const password = input.password || inUrl || host.secrets?.load(address.display) || undefined;
  const info = ws.open(address.display, password ? { password } : {});
  if (input.remember && password && host.secrets) host.secrets.save(address.display, password);
  return info;
}

/** Connecting to a team workspace, and the audit log of one node. */
export function teamHandlers(
  ws: WorkspaceService,
  host: HostHooks = {},
): DomainHandlers<typeof TEAM_CHANNELS> {
  return {
    'team:connect': (input) => connectTeam(ws, host, input),
    'team:audit': ({ nodeId, limit }) => {
      const team = ws.team;
      if (!team)
        throw new WellspringError('invalid_input', 'The audit log belongs to team workspaces.', [], {
          key: 'errors.teamOnly',
        });
      return team.replica.audit(nodeId, limit ?? 200);
    },
  };
}
