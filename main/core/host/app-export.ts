import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createHandlers } from '../api/handlers';
import { startBrowserServer } from '../server/browser-server';
import { WellspringError } from '../util/errors';
import { WorkspaceService } from '../workspace/workspace-service';
import {
  exportChromiumPath,
  HEADLESS_CHROMIUM_ARGS,
  requireChromium,
  type PageExportApi,
} from '../export/view-export';

export type { PageExportApi };

/** The languages the app's exports are drawn in (its UI languages). */
export const EXPORT_LANGUAGES = ['zh-CN', 'en'] as const;
/** One of EXPORT_LANGUAGES. */
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/** The built renderer (`npm run build`): `out/renderer` of the checkout, or null when it has not been built. */
export function builtRendererDir(): string | null {
  const dir = path.resolve(__dirname, '../../../out/renderer');
  return fs.existsSync(path.join(dir, 'index.html')) ? dir : null;
}

/** A view open in the app in headless Chromium: the page, and `close` to end it all. */
export interface AppViewSession {
  page: Page;
  close(): Promise<void>;
}

/**
 * Opens workspace `file` in the app as the app itself shows it — browser mode on 127.0.0.1 (a fresh data folder
 * under os.tmpdir(), no folder watching) in headless Chromium (playwright-core, a fresh profile, `language` as the
 * UI language) — at `?show=openAs` (renderer/src/ui/export/automation.ts), and resolves once the view is drawn
 * and still. So `export-view` and `snapshot` from the CLI draw with the code of the app's Export menu.
 * Opening the workspace is what the app does on open (pending library files are extracted, stale evidence
 * proposals refreshed); the view itself changes nothing.
 * @param openAs SnapshotView.openAs: `map`, `competency`, `process:<id>` or `saved:<id>`
 * @throws WellspringError `unsupported` when there is no Chromium or no built renderer; `internal` (key
 *   errors.exportFailed) when the view does not come up (the page's own error is the reason); those of opening
 *   the workspace
 */
export async function openViewInApp(
  file: string,
  openAs: string,
  language: ExportLanguage,
  rendererDir: string,
  chromium: string = exportChromiumPath(),
): Promise<AppViewSession> {
  requireChromium(chromium);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-export-data-'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-export-'));
  const workspace = new WorkspaceService(dataDir, 'browser', { watch: false, threads: 1 });
  const cleanups: Array<() => Promise<void> | void> = [
    () => fs.rmSync(profile, { recursive: true, force: true }),
    () => fs.rmSync(dataDir, { recursive: true, force: true }),
    () => workspace.shutdown(),
  ];
  const close = async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  };
  try {
    workspace.open(file);
    const server = await startBrowserServer({
      rendererDir,
      handlers: createHandlers(workspace),
      workspace,
      port: 0,
    });
    cleanups.push(() => server.close());
    const { chromium: playwright } = await import('playwright-core');
    const context = await playwright.launchPersistentContext(profile, {
      executablePath: chromium,
      headless: true,
      viewport: { width: 1600, height: 1000 },
      locale: language,
      acceptDownloads: false,
      args: [...HEADLESS_CHROMIUM_ARGS],
    });
    cleanups.push(() => context.close());
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The UI language is the one asked for, not one a profile remembered.
    await page.addInitScript((lang) => localStorage.setItem('wellspring.language', lang), language);
    await page.goto(`${server.url}?show=${encodeURIComponent(openAs)}`);
    try {
      await page.waitForFunction(
        () => (globalThis as unknown as { __wellspringExport?: unknown }).__wellspringExport !== undefined,
        undefined,
        { timeout: 30_000 },
      );
      await page.evaluate(
        () => (globalThis as unknown as { __wellspringExport: PageExportApi }).__wellspringExport.opened,
      );
    } catch (e) {
      const reason = [e instanceof Error ? e.message.split('\n')[0]! : String(e), ...errors].join('; ');
      throw new WellspringError('internal', `The export could not be drawn: ${reason}`, [], {
        key: 'errors.exportFailed',
        params: { reason },
      });
    }
    return { page, close };
  } catch (e) {
    await close();
    throw e;
  }
}
