import type { Session, WebContents, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/server/browser-server';
import { isHttpUrl, type AppOrigin } from './app-origin';

/**
 * The webPreferences of every app window (Electron security checklist, items 2–4 and 6): the renderer gets no
 * Node, runs in the OS sandbox and in an isolated world, and reaches main only through the preload's bridge.
 * `preload` is the absolute path of the built, CommonJS preload (`out/preload/index.js`); a sandboxed preload
 * cannot be an ES module. `auxclick` is off (Electronegativity's AUXCLICK_JS_CHECK): a middle click on a link
 * would otherwise try to open it in a new window; the window-open handler denies that anyway, this removes the path.
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    disableBlinkFeatures: 'Auxclick',
  };
}

/**
 * Session-wide defences, installed before any window loads so the first response is already covered:
 * the app's CSP header on every response (replacing any CSP header the response carried, whatever its case), and
 * every permission request (camera, notifications, clipboard read, …) denied — the app needs none.
 */
export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

/**
 * Per-window defences (checklist items 12–14): the page may navigate only within the app's own origin; it may
 * not open windows — http(s) links go to the system browser through `openExternal`, anything else (file:,
 * javascript:, custom schemes) is dropped; and <webview> cannot be attached.
 */
export function hardenWebContents(
  contents: WebContents,
  origin: AppOrigin,
  openExternal: (url: string) => Promise<void>,
): void {
  contents.on('will-navigate', (event) => {
    if (!origin.isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isHttpUrl(url)) {
      openExternal(url).catch((e: unknown) => console.warn(`wellspring: could not open ${url}:`, e));
    }
    return { action: 'deny' };
  });
}
