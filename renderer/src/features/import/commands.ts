/** Behaviour of the import command (`file.import`, Ctrl+I; ids in preload/commands.ts): opens the import wizard. */
import { registerCommands } from '../../commands/registry';
import { openImportWizard } from './store';

/** Registers the import command; returns the unregister function. */
export function registerImportCommands(): () => void {
  return registerCommands({ 'file.import': { run: () => openImportWizard() } });
}
