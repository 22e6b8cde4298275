import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { createHandlers } from './core/api/handlers';
import { WorkspaceService } from './core/workspace/workspace-service';
import { createAppOrigin } from './shell/app-origin';
import { electronHostHooks, openHttpExternally } from './shell/host-hooks';
import { forwardEvents, registerIpc } from './shell/ipc';
import { createMainWindow, revealWindow } from './shell/main-window';
import { installAppMenu } from './shell/menu';
import { errorText, menuLabel, menuLanguage } from './shell/menu-labels';
import { hardenSession } from './shell/security';
import { openInitialWorkspace } from './shell/workspace-dialogs';
import { safeStorageSecrets } from './shell/secret-store';

// The built layout: out/main/index.js beside out/preload/ and out/renderer/.
const PRELOAD = path.join(__dirname, '../preload/index.js');
const RENDERER_DIR = path.join(__dirname, '../renderer');
// electron-vite sets ELECTRON_RENDERER_URL for `dev` only; a packaged app never loads a page named by the env.
const DEV_URL = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

let mainWindow: BrowserWindow | null = null;
let workspace: WorkspaceService | null = null;
const stops: Array<() => void> = [];

// Same override as browser mode and the CLI (core/workspace/paths.ts). Must precede the single-instance lock,
// which is keyed on the userData folder.
if (process.env.WELLSPRING_USER_DATA) app.setPath('userData', path.resolve(process.env.WELLSPRING_USER_DATA));

// One process per data folder: two would write the same SQLite workspace and recent list.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => mainWindow && revealWindow(mainWindow));
  app.on('window-all-closed', () => process.platform !== 'darwin' && app.quit());
  app.on('will-quit', shutdown);
  app.whenReady().then(boot).catch(fail);
}

function boot(): void {
  const userData = app.getPath('userData');
  const language = menuLanguage(app.getLocale());
  const origin = createAppOrigin({ rendererDir: RENDERER_DIR, devServerUrl: DEV_URL });
  const getWindow = () => mainWindow;
  // 1. Session defences before anything loads, so the very first response carries the CSP.
  hardenSession(session.defaultSession);
  // 2. The workspace before IPC and the window: the renderer asks `workspace:info` as soon as it runs.
  const ws = (workspace = new WorkspaceService(userData, 'electron'));
  // Team workspace passwords: encrypted by the OS keychain, never in plain text on disk.
  const secrets = safeStorageSecrets(path.join(userData, 'team-secrets.json'));
  ws.passwordFor = (address) => secrets.load(address);
  openInitialWorkspace(ws, userData, language);
  // 3. IPC and event forwarding before the page loads; invokes sent earlier would find no handler.
  stops.push(registerIpc(ipcMain, createHandlers(ws, electronHostHooks(getWindow, secrets)), origin));
  stops.push(forwardEvents(ws, getWindow));
  // 4. The menu needs the workspace (recent list, dialogs) but no window.
  stops.push(installAppMenu({ workspace: ws, getWindow, language }, { devTools: !app.isPackaged }));
  // 5. The window last, when everything it will call is in place.
  const open = () => {
    const stateFile = path.join(userData, 'window-state.json');
    mainWindow = createMainWindow({ preload: PRELOAD, origin, stateFile, openExternal: openHttpExternally });
    mainWindow.on('closed', () => (mainWindow = null));
  };
  open();
  // macOS keeps the app alive without windows; clicking the dock icon brings one back.
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && open());
}

// Reverse start order: IPC and menu go first so nothing reaches a closed database. Each step runs even if an
// earlier one threw (Zettlr's shutdown does the same), then the workspace closes and checkpoints its WAL.
function shutdown(): void {
  for (const stop of stops.splice(0).reverse()) {
    try {
      stop();
    } catch (e) {
      console.error('wellspring: shutdown step failed:', e);
    }
  }
  workspace?.close();
}

function fail(e: unknown): void {
  const language = menuLanguage(app.getLocale());
  dialog.showErrorBox(menuLabel(language, 'startFailed'), errorText(language, e));
  shutdown();
  app.exit(1);
}
