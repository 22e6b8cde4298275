/**
 * The two ways into the API the fuzz drives (fuzz-api.ts): the IPC dispatcher exactly as main/shell/ipc.ts registers
 * it (a stand-in ipcMain records the handlers; each call is structured-cloned as Electron's IPC does and comes from
 * the app's own page), and the browser-mode HTTP bridge (main/core/server/browser-server.ts on 127.0.0.1, the
 * page's token and origin). Plain module (no vitest): the unit tests and the soak use it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { createHandlers, type HostHooks } from '../../../../main/core/api/handlers';
import { startBrowserServer, type BrowserServer } from '../../../../main/core/server/browser-server';
import type { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { createAppOrigin } from '../../../../main/shell/app-origin';
import { isHttpUrl } from '../../../../main/shell/app-origin';
import { registerIpc } from '../../../../main/shell/ipc';
import type { Answer, FuzzTarget } from './fuzz-api';

/**
 * Host hooks that touch nothing: saving is cancelled (null), printing gives a tiny PDF, links are checked as
 * openHttpExternally checks them and recorded, the folder picker is cancelled.
 */
export function inertHostHooks(opened: string[] = []): HostHooks {
  return {
    saveFile: async () => null,
    printPdf: async () => Buffer.from('%PDF-1.7\n'),
    pickFolder: async () => null,
    openExternal: async (url) => {
      if (!isHttpUrl(url)) throw new Error(`not http(s): ${url}`);
      opened.push(url);
    },
  };
}

/** The IPC target: registerIpc with a stand-in ipcMain; `foreignShare` of the calls come from a foreign frame. */
export function ipcTarget(ws: WorkspaceService, dir: string): FuzzTarget & { close(): void } {
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  const origin = createAppOrigin({ rendererDir });
  const page = pathToFileURL(path.join(rendererDir, 'index.html')).href;
  const registered = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => unknown>();
  const ipcMain = {
    handle: (channel: string, fn: (event: IpcMainInvokeEvent, input: unknown) => unknown) =>
      void registered.set(channel, fn),
    removeHandler: (channel: string) => void registered.delete(channel),
  } as unknown as IpcMain;
  const unregister = registerIpc(ipcMain, createHandlers(ws, inertHostHooks()), origin);
  return {
    name: 'ipc',
    async call(channel, payload): Promise<Answer> {
      const fn = registered.get(channel);
      if (!fn) return { crash: `no IPC handler registered for ${channel}` };
      let input: unknown;
      try {
        input = structuredClone(payload);
      } catch {
        input = undefined; // Electron would refuse to send it at all: the renderer's invoke throws.
      }
      const event = { senderFrame: { url: page } } as unknown as IpcMainInvokeEvent;
      try {
        return { envelope: await fn(event, input) };
      } catch (e) {
        return { crash: `the IPC handler threw: ${e instanceof Error ? e.stack : String(e)}` };
      }
    },
    close: unregister,
  };
}

/** The HTTP target: the browser-mode server with its token and the page's own origin. */
export async function httpTarget(
  ws: WorkspaceService,
  dir: string,
): Promise<FuzzTarget & { server: BrowserServer; close(): Promise<void> }> {
  const rendererDir = path.join(dir, 'renderer-http');
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head></html>');
  const server = await startBrowserServer({ rendererDir, handlers: createHandlers(ws), workspace: ws });
  const origin = `http://127.0.0.1:${server.port}`;
  return {
    name: 'http',
    server,
    async call(channel, payload, rawBody): Promise<Answer> {
      let body: string;
      try {
        body = rawBody ?? JSON.stringify(payload) ?? '';
      } catch {
        body = '{}';
      }
      try {
        const res = await fetch(`${server.url}api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-wellspring-token': server.token,
            origin,
            'sec-fetch-site': 'same-origin',
          },
          body,
        });
        const text = await res.text();
        if (res.status >= 500) return { crash: `HTTP ${res.status}: ${text.slice(0, 300)}` };
        try {
          return { envelope: JSON.parse(text) };
        } catch {
          return { envelope: `not JSON (HTTP ${res.status}): ${text.slice(0, 200)}` };
        }
      } catch (e) {
        return { crash: `request failed: ${e instanceof Error ? e.message : String(e)}` };
      }
    },
    close: () => server.close(),
  };
}
