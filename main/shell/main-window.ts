import { BrowserWindow, screen, type BrowserWindowConstructorOptions } from 'electron';
import type { AppOrigin } from './app-origin';
import { hardenWebContents, secureWebPreferences } from './security';
import { clampToDisplays, MIN_WINDOW_SIZE, readWindowState, trackWindowState } from './window-state';

/** What {@link createMainWindow} needs; all paths absolute. */
export interface MainWindowOptions {
  /** The built preload (`out/preload/index.js`). */
  preload: string;
  /** Where the renderer comes from and which URLs are the app's own. */
  origin: AppOrigin;
  /** `<userData>/window-state.json`. */
  stateFile: string;
  /** Opens an http(s) URL in the system browser (the window-open handler's target). */
  openExternal(url: string): Promise<void>;
}

/**
 * Creates the main window: restores its remembered geometry (fitted onto the current displays), applies the
 * security settings before any content loads, starts remembering its geometry, and loads the renderer (the
 * dev-server URL or the built index.html). The window stays hidden until its first paint to avoid a white flash.
 * The returned window is loading; load failures are logged, not thrown (the window then shows Chromium's error).
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = clampToDisplays(
    readWindowState(options.stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const windowOptions: BrowserWindowConstructorOptions = {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Wellspring',
    webPreferences: secureWebPreferences(options.preload),
  };
  // Electronegativity cannot follow webPreferences into secureWebPreferences (contextIsolation, sandbox, no Node,
  // auxclick off; asserted by tests/shell/electron-shell.test.ts) and reports them unset: silenced on this line.
  const win = new BrowserWindow(windowOptions); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  hardenWebContents(win.webContents, options.origin, options.openExternal);
  trackWindowState(win, options.stateFile);
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  const { entry } = options.origin;
  const loading = entry.kind === 'url' ? win.loadURL(entry.url) : win.loadFile(entry.file);
  loading.catch((e: unknown) => console.error('wellspring: the renderer failed to load:', e));
  return win;
}

/** Brings `win` to the front, un-minimising it first (a second launch of the app lands here). */
export function revealWindow(win: BrowserWindow): void {
  if (win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
