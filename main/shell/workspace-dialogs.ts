import path from 'node:path';
import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { WorkspaceInfo } from '../../preload/contract';
import type { WorkspaceService } from '../core/workspace/workspace-service';
import { defaultWorkspacePath, WORKSPACE_EXT } from '../core/workspace/paths';
import { isTeamAddress } from '../core/team/team-url';
import { errorText, menuLabel, translate, type MenuLanguage } from './menu-labels';

/** What the native workspace dialogs work on. */
export interface DialogContext {
  workspace: WorkspaceService;
  /** The window dialogs are modal to; null shows them app-modal. */
  getWindow(): BrowserWindow | null;
  language: MenuLanguage;
}

const EXTENSION = WORKSPACE_EXT.slice(1);

/**
 * File → Open Workspace: the native open dialog filtered to `*.wellspring`, then WorkspaceService.open. The
 * renderer learns of the switch through `workspace:did-open`. Resolves to the opened workspace, or null when the
 * user cancelled or the file was refused (the reason is shown in an error box). Never rejects.
 */
export async function chooseAndOpenWorkspace(ctx: DialogContext): Promise<WorkspaceInfo | null> {
  const options: OpenDialogOptions = {
    title: menuLabel(ctx.language, 'openWorkspace').replace('…', ''),
    properties: ['openFile'],
    filters: [{ name: menuLabel(ctx.language, 'workspaceFilter'), extensions: [EXTENSION] }],
  };
  const win = ctx.getWindow();
  const { canceled, filePaths } = await (win
    ? dialog.showOpenDialog(win, options)
    : dialog.showOpenDialog(options));
  const file = filePaths[0];
  return canceled || !file ? null : openWorkspaceOrReport(ctx, file);
}

/**
 * File → New Workspace: the native save dialog (in Documents, `.wellspring` appended when missing), then
 * WorkspaceService.open with `{create: true}`. Choosing an existing workspace opens it unchanged rather than
 * overwriting it. Resolves like {@link chooseAndOpenWorkspace}; never rejects.
 */
export async function chooseAndCreateWorkspace(ctx: DialogContext): Promise<WorkspaceInfo | null> {
  const options: SaveDialogOptions = {
    title: menuLabel(ctx.language, 'newWorkspace').replace('…', ''),
    defaultPath: path.join(app.getPath('documents'), `Untitled${WORKSPACE_EXT}`),
    filters: [{ name: menuLabel(ctx.language, 'workspaceFilter'), extensions: [EXTENSION] }],
  };
  const win = ctx.getWindow();
  const { canceled, filePath } = await (win
    ? dialog.showSaveDialog(win, options)
    : dialog.showSaveDialog(options));
  if (canceled || !filePath) return null;
  const file = path.extname(filePath) === WORKSPACE_EXT ? filePath : filePath + WORKSPACE_EXT;
  return openWorkspaceOrReport(ctx, file, { create: true });
}

/**
 * Opens `file` and answers its info, or shows why it could not be opened (`dialog.showErrorBox`) and answers
 * null; the previously open workspace then stays open. Never throws.
 */
export function openWorkspaceOrReport(
  ctx: DialogContext,
  file: string,
  options: { create?: boolean } = {},
): WorkspaceInfo | null {
  try {
    return ctx.workspace.open(file, options);
  } catch (e) {
    dialog.showErrorBox(menuLabel(ctx.language, 'openFailed'), `${file}\n\n${errorText(ctx.language, e)}`);
    return null;
  }
}

/**
 * Startup: opens the most recent workspace, or the sample at `defaultWorkspacePath(dataDir)` (created and seeded
 * on first run). When the recent workspace cannot be opened (deleted, corrupt, from a newer version) the reason is
 * shown with `dialog.showErrorBox` and the sample is opened instead. A team workspace (a postgres:// address in
 * the recent list) reconnects with the password the keychain kept for it (WorkspaceService.passwordFor).
 * @throws WellspringError or Error when even the sample workspace cannot be opened or created
 */
export function openInitialWorkspace(
  workspace: WorkspaceService,
  dataDir: string,
  language: MenuLanguage,
): WorkspaceInfo {
  const sample = defaultWorkspacePath(dataDir);
  const last = workspace.recent()[0];
  if (last && (isTeamAddress(last) || path.resolve(last) !== path.resolve(sample))) {
    try {
      return workspace.open(last);
    } catch (e) {
      dialog.showErrorBox(menuLabel(language, 'openFailed'), `${last}\n\n${errorText(language, e)}`);
    }
  }
  return workspace.open(sample, { create: true, sample: true });
}

/** Help → About: a message box with the product name and version, and the renderer's About text. */
export async function showAbout(ctx: DialogContext): Promise<void> {
  const options = {
    type: 'info' as const,
    title: menuLabel(ctx.language, 'about'),
    message: `${app.getName()} ${app.getVersion()}`,
    detail: translate(ctx.language, 'about.body', { version: app.getVersion() }),
    buttons: [menuLabel(ctx.language, 'ok')],
  };
  const win = ctx.getWindow();
  await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}
