// Starting Chromium and the app, shared by the e2e tests and the benchmarks. It must not import vitest: the
// benchmarks run under plain tsx, where importing vitest throws (harness.ts adds the vitest hooks).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HEADLESS_CHROMIUM_ARGS } from '../../main/core/export/view-export';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startBrowserMode } from '../../main/core/host/start-browser-mode';
import type { BrowserServer } from '../../main/core/server/browser-server';
import type { WorkspaceService } from '../../main/core/workspace/workspace-service';
import { CHROMIUM, RENDERER_DIR } from './paths';

export { BUILD_DIR, CHROMIUM, RENDERER_DIR } from './paths';

/** Where screenshots go; test-results/ is ignored by git, so test runs never change a tracked file. */
export const SHOTS_DIR = path.resolve(__dirname, '../../test-results/e2e');

/**
 * Launches headless Chromium with the flags this machine needs and a fresh profile folder (a persistent context,
 * which is how Playwright takes --user-data-dir). Viewport 1440×900, locale as given. `close` also deletes the
 * profile. Throws Playwright's launch error when CHROMIUM is not an executable browser.
 */
export async function launchChromium(
  locale = 'zh-CN',
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale,
    args: [...HEADLESS_CHROMIUM_ARGS],
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The app in browser mode on its own data folder: the sample workspace, created fresh, or `workspace` (a file or a
 * team workspace address). `stop` closes the server and the workspace and deletes the data folder. Throws when the
 * renderer is not built (RENDERER_DIR/index.html).
 */
export async function startApp(options: { workspace?: string } = {}): Promise<{
  server: BrowserServer;
  workspace: WorkspaceService;
  dataDir: string;
  stop: () => Promise<void>;
}> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html')))
    throw new Error(`No built renderer in ${RENDERER_DIR}: run \`npm run build\` before the e2e tests.`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-e2e-'));
  const { server, workspace } = await startBrowserMode({
    rendererDir: RENDERER_DIR,
    dataDir,
    ...(options.workspace ? { workspace: options.workspace } : {}),
  });
  return {
    server,
    workspace,
    dataDir,
    stop: async () => {
      await server.close();
      await workspace.shutdown();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Saves a screenshot of the page as test-results/e2e/<name>.png and returns its path. Nothing else is written:
 * the README's picture is refreshed by hand from there (README, "For developers").
 */
export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Where a node is drawn, in page coordinates (CSS px), read from Cytoscape's model. */
export async function nodeScreenPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => {
    const engine = window.__wellspring!.engine!;
    const p = engine.cy.getElementById(nodeId).renderedPosition();
    const box = engine.cy.container()!.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}

/** Loads the app and waits (up to 60 s) for the map's first painted frame. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.__wellspring?.lastPaint != null, undefined, { timeout: 60_000 });
}

/** Waits (up to 60 s) until no layout is running on the map. */
export async function mapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.map-overlay.progress'), undefined, {
    timeout: 60_000,
  });
}

/**
 * Clicks the map's background, presses `key` (a layout shortcut such as Alt+2) and resolves when the layout it
 * started has finished (the engine's `layouting` event going false).
 */
export async function layoutWith(page: Page, key: string): Promise<void> {
  await page.locator('[data-testid=map-canvas]').click({ position: { x: 3, y: 3 } });
  await page.evaluate(() => {
    const w = window as unknown as { __layoutDone: Promise<void> };
    const engine = window.__wellspring!.engine as unknown as {
      on(e: 'layouting', h: (on: boolean) => void): () => void;
    };
    w.__layoutDone = new Promise<void>((resolve) => {
      const off = engine.on('layouting', (on) => {
        if (on) return;
        off();
        resolve();
      });
    });
  });
  await page.keyboard.press(key);
  await page.evaluate(() => (window as unknown as { __layoutDone: Promise<void> }).__layoutDone);
}

/** The selected nodes' ids and how far the (first) selected node is from the canvas centre, rendered px. */
export function selectedOffset(page: Page): Promise<{ ids: string[]; dx: number; dy: number }> {
  return page.evaluate(() => {
    const cy = window.__wellspring!.engine!.cy;
    const sel = cy.$('node:selected');
    const p = sel.renderedPosition();
    return {
      ids: sel.map((n) => n.id()),
      dx: Math.abs(p.x - cy.width() / 2),
      dy: Math.abs(p.y - cy.height() / 2),
    };
  });
}
