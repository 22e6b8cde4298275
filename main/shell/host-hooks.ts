import fs from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, shell, type BrowserWindow, type SaveDialogOptions } from 'electron';
import type { HostHooks, SecretStore } from '../core/api/handlers';
import { WellspringError } from '../core/util/errors';
import { isHttpUrl } from './app-origin';

/**
 * The Electron side of `createHandlers`: `saveFile` asks for a path with the native save dialog (starting in the
 * user's Documents folder with the suggested name, filtered by its extension) and writes the bytes there,
 * answering null when the user cancels; `openExternal` hands http(s) URLs to the system browser; `pickFolder`
 * asks for a folder with the native dialog (null when cancelled); `printPdf` prints the window's page with print
 * media (the renderer's print stylesheet shows only what is being exported) through webContents.printToPDF.
 * `secrets` keeps team workspace passwords encrypted by the OS (secret-store.ts).
 * Errors: printPdf rejects with WellspringError('internal') without a window; saveFile rejects with WellspringError('io_error') when the write fails; openExternal rejects with
 * WellspringError('invalid_input', path ['url']) for any other scheme (defence in depth: the contract's schema
 * already allows only http(s)).
 */
export function electronHostHooks(
  getWindow: () => BrowserWindow | null,
  secrets: SecretStore,
): Required<HostHooks> {
  return {
    secrets,
    async saveFile(suggestedName, data) {
      const ext = path.extname(suggestedName).slice(1).toLowerCase();
      const options: SaveDialogOptions = {
        defaultPath: path.join(app.getPath('documents'), path.basename(suggestedName)),
        filters: ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [],
      };
      const win = getWindow();
      const { canceled, filePath } = await (win
        ? dialog.showSaveDialog(win, options)
        : dialog.showSaveDialog(options));
      if (canceled || !filePath) return null;
      try {
        await fs.writeFile(filePath, data);
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        throw new WellspringError('io_error', `Could not write ${filePath}: ${detail}`, [], {
          key: 'errors.saveFailed',
          params: { file: filePath, detail },
        });
      }
      return filePath;
    },
    openExternal: (url) => openHttpExternally(url),
    async printPdf({ landscape, pageSize }) {
      const win = getWindow();
      if (!win)
        throw new WellspringError(
          'internal',
          'The export could not be drawn: there is no window to print.',
          [],
          {
            key: 'errors.exportFailed',
            params: { reason: 'no window' },
          },
        );
      return win.webContents.printToPDF({ landscape, pageSize, printBackground: true });
    },
    async pickFolder() {
      const win = getWindow();
      const options = { properties: ['openDirectory' as const] };
      const { canceled, filePaths } = await (win
        ? dialog.showOpenDialog(win, options)
        : dialog.showOpenDialog(options));
      return canceled ? null : (filePaths[0] ?? null);
    },
  };
}

/**
 * Opens an http(s) URL with `shell.openExternal`. Other schemes can launch local programs (file:, smb:,
 * custom protocol handlers), so they are refused.
 * @throws WellspringError('invalid_input', path ['url']) for a non-http(s) URL
 */
export async function openHttpExternally(url: string): Promise<void> {
  if (!isHttpUrl(url))
    throw new WellspringError('invalid_input', `Only http(s) links can be opened: ${url}`, ['url'], {
      key: 'errors.onlyHttpLinks',
      params: { url },
    });
  // Reviewed (OPEN_EXTERNAL_JS_CHECK): only http(s) URLs reach this line, checked just above.
  await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
}
