/** Behaviour of the import command (`file.import`, ids in preload/commands.ts): opens the import wizard. */
import { registerCommands } from '../../commands/registry';

/** Registers the import command; returns the unregister function. */
export function registerImportCommands(): () => void {
  return registerCommands({});
}
