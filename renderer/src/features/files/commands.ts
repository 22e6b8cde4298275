/** Behaviour of the File menu's workspace commands (export, back up now, restore; ids in preload/commands.ts). */
import { registerCommands } from '../../commands/registry';

/** Registers the workspace file commands; returns the unregister function. */
export function registerFilesCommands(): () => void {
  return registerCommands({});
}
