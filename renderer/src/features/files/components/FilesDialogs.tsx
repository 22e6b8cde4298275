/** The File menu's dialogs: export the workspace, restore from a backup. */
export function FilesDialogs() {
  return null;
}
