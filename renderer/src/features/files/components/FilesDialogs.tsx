import { useFilesStore } from '../store';
import { ExportWorkspaceDialog } from './ExportWorkspaceDialog';
import { RestoreDialog } from './RestoreDialog';
import '../files.css';

/** The File menu's dialogs, mounted once at the app's root: Export workspace, Restore from a backup. */
export function FilesDialogs() {
  const dialog = useFilesStore((s) => s.dialog);
  if (dialog === 'export') return <ExportWorkspaceDialog />;
  if (dialog === 'restore') return <RestoreDialog />;
  return null;
}
