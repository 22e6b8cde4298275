import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, type Result } from '../../preload/contract';
import { dispatch } from '../core/api/dispatch';
import type { Handlers } from '../core/api/handlers';
import type { WorkspaceService } from '../core/workspace/workspace-service';
import type { AppOrigin } from './app-origin';

/**
 * Registers one `ipcMain.handle` per contract channel (and nothing else). Each call first checks that it comes
 * from a frame showing the app's own page (Electron security checklist, item 17: any frame can send IPC, and a
 * navigated or embedded frame is not ours); a foreign or vanished sender gets an `invalid_input` envelope and no
 * handler runs. Trusted calls go through `dispatch`, which validates the input and never throws, so every
 * invoke resolves to a `Result`. Returns a function that removes the handlers.
 */
export function registerIpc(ipcMain: IpcMain, handlers: Handlers, origin: AppOrigin): () => void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) =>
      isTrustedSender(event, origin) ? dispatch(handlers, channel, input) : refused(channel, event),
    );
  }
  return () => {
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(channel);
  };
}

/**
 * Pushes every WorkspaceService event to the window's renderer as `webContents.send(event, payload)`; events
 * raised while there is no live window are dropped (the renderer re-reads state when it loads). Returns the
 * unsubscribe function.
 */
export function forwardEvents(
  workspace: WorkspaceService,
  getWindow: () => BrowserWindow | null,
): () => void {
  return workspace.onEvent((event, payload) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(event, payload);
  });
}

function isTrustedSender(event: IpcMainInvokeEvent, origin: AppOrigin): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && origin.isAppUrl(url);
}

function refused(channel: string, event: IpcMainInvokeEvent): Result<never> {
  const from = event.senderFrame?.url ?? 'a closed frame';
  return {
    ok: false,
    code: 'invalid_input',
    message: `Refused ${channel}: the call came from ${from}, not from the Wellspring window.`,
    path: [],
  };
}
