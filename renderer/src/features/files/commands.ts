/**
 * Behaviour of the File menu's workspace commands (ids in preload/commands.ts): `file.exportWorkspace` opens the
 * Export workspace dialog, `file.backupNow` takes a manual backup with a toast, `file.restore` opens the Restore
 * dialog. In Electron the native File menu sends them; in browser mode the nav rail's File menu (FileMenu.tsx).
 */
import { registerCommands } from '../../commands/registry';
import { backUpNow } from './queries';
import { openFilesDialog } from './store';

/** Registers the workspace file commands; returns the unregister function. */
export function registerFilesCommands(): () => void {
  return registerCommands({
    'file.exportWorkspace': { run: () => openFilesDialog('export') },
    'file.backupNow': { run: () => void backUpNow() },
    'file.restore': { run: () => openFilesDialog('restore') },
  });
}
