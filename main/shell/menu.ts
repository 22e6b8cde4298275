import { BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import type { EventPayload } from '../../preload/contract';
import { COMMANDS, type CommandSpec, type MenuSection } from '../../preload/commands';
import { menuLabel, type MenuLanguage } from './menu-labels';
import {
  chooseAndCreateWorkspace,
  chooseAndOpenWorkspace,
  openWorkspaceOrReport,
  showAbout,
  type DialogContext,
} from './workspace-dialogs';

/** What menu items do when chosen. */
export interface MenuActions {
  /** A renderer command: sent as `app:did-run-command`. */
  runCommand(id: string): void;
  openWorkspace(): void;
  newWorkspace(): void;
  openRecent(file: string): void;
  about(): void;
}

/** Input of {@link buildMenuTemplate}. */
export interface MenuTemplateOptions {
  language: MenuLanguage;
  platform: NodeJS.Platform;
  /** Recent workspace files, newest first (WorkspaceService.recent()). */
  recent: readonly string[];
  /** Adds View → Toggle Developer Tools (unpackaged builds). */
  devTools: boolean;
  actions: MenuActions;
}

const SECTIONS: ReadonlyArray<Exclude<MenuSection, 'none'>> = ['file', 'edit', 'view', 'help'];

/**
 * The application menu as an Electron template: File, Edit, View and Help (plus the app and Window menus on
 * macOS), each holding the COMMANDS of that `menu` section in list order, with a separator wherever the
 * command's area (the id before the dot) changes. Commands with a `role` use it (Electron performs them);
 * workspace.new, workspace.open and help.about are native dialogs run in main; every other command is sent to
 * the renderer. File gets an Open Recent submenu; Edit gets the clipboard roles, without which text fields on
 * macOS have no Cmd+C/V. Pure: builds no Menu.
 *
 * Accelerators: role and main-run commands register theirs. Renderer commands only display theirs
 * (`registerAccelerator: false`): the renderer's keymap owns those keys, knows when text is being edited or an
 * IME is composing, and would otherwise run a command twice. macOS cannot display without registering, so there
 * bare keys (N, E, Delete…) are left off the menu — they would fire while typing — and modified ones rely on the
 * renderer calling preventDefault, which stops Chromium from passing the key on to the menu.
 */
export function buildMenuTemplate(o: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const mac = o.platform === 'darwin';
  const label = (key: string) => menuLabel(o.language, key);
  const native: Record<string, (() => void) | undefined> = {
    'workspace.open': o.actions.openWorkspace,
    'workspace.new': o.actions.newWorkspace,
    'help.about': o.actions.about,
  };
  const item = (cmd: CommandSpec): MenuItemConstructorOptions => {
    const base: MenuItemConstructorOptions = { id: cmd.id, label: label(cmd.titleKey) };
    if (cmd.role) return { ...base, role: cmd.role, ...(cmd.keys ? { accelerator: cmd.keys } : {}) };
    const run = native[cmd.id];
    const click = run ?? (() => o.actions.runCommand(cmd.id));
    if (!cmd.keys) return { ...base, click };
    if (run) return { ...base, click, accelerator: cmd.keys };
    if (mac) return isBareKey(cmd.keys) ? { ...base, click } : { ...base, click, accelerator: cmd.keys };
    return { ...base, click, accelerator: cmd.keys, registerAccelerator: false };
  };
  const recent: MenuItemConstructorOptions = {
    id: 'workspace.openRecent',
    label: label('openRecent'),
    submenu: o.recent.length
      ? o.recent.map((file) => ({ label: file, click: () => o.actions.openRecent(file) }))
      : [{ label: label('noRecent'), enabled: false }],
  };

  const sections = SECTIONS.map((section): MenuItemConstructorOptions => {
    const items: MenuItemConstructorOptions[] = [];
    let area: string | null = null;
    for (const cmd of COMMANDS) {
      if (cmd.menu !== section || (mac && cmd.role === 'quit')) continue; // macOS quits from the app menu
      const next = cmd.id.split('.')[0]!;
      if (area !== null && next !== area) items.push({ type: 'separator' });
      area = next;
      items.push(item(cmd));
      if (cmd.id === 'workspace.open') items.push(recent);
    }
    if (section === 'edit') {
      items.push({ type: 'separator' });
      for (const role of ['cut', 'copy', 'paste', 'selectAll'] as const)
        items.push({ role, label: label(role) });
    }
    if (section === 'view' && o.devTools) {
      items.push({ type: 'separator' }, { role: 'toggleDevTools', label: label('toggleDevTools') });
    }
    return { id: `menu.${section}`, label: label(section), submenu: items };
  });
  if (!mac) return sections;
  return [{ role: 'appMenu' }, ...sections.slice(0, 3), { role: 'windowMenu' }, ...sections.slice(3)];
}

/**
 * Builds the menu from COMMANDS and installs it as the application menu, rebuilding it whenever a workspace opens
 * (the recent list changed). Renderer commands go to the focused window, or the main window when none is focused
 * (macOS keeps the menu bar while the app has no focused window). Returns the unsubscribe function.
 */
export function installAppMenu(ctx: DialogContext, options: { devTools: boolean }): () => void {
  const runCommand = (id: string) => {
    const win = BrowserWindow.getFocusedWindow() ?? ctx.getWindow();
    const payload: EventPayload<'app:did-run-command'> = { id };
    if (win && !win.isDestroyed()) win.webContents.send('app:did-run-command', payload);
  };
  const actions: MenuActions = {
    runCommand,
    openWorkspace: () => void chooseAndOpenWorkspace(ctx),
    newWorkspace: () => void chooseAndCreateWorkspace(ctx),
    openRecent: (file) => void openWorkspaceOrReport(ctx, file),
    about: () => void showAbout(ctx),
  };
  const install = () => {
    const template = buildMenuTemplate({
      language: ctx.language,
      platform: process.platform,
      recent: ctx.workspace.recent(),
      devTools: options.devTools,
      actions,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  install();
  return ctx.workspace.onEvent((event) => {
    if (event === 'workspace:did-open') install();
  });
}

/** An accelerator without a modifier (`N`, `Delete`, `F1`); function keys count as modified (they don't type). */
function isBareKey(accelerator: string): boolean {
  return !accelerator.includes('+') && !/^F\d{1,2}$/.test(accelerator);
}
