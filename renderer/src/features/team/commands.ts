/** The File menu's "Connect to team workspace…" (id in preload/commands.ts): opens the connect dialog. */
import { registerCommands } from '../../commands/registry';
import { useTeamStore } from './store';

/** Registers the team commands; returns the unregister function. */
export function registerTeamCommands(): () => void {
  return registerCommands({
    'workspace.connectTeam': { run: () => useTeamStore.getState().set({ connectOpen: true }) },
  });
}
