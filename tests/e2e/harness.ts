import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startBrowserMode } from '../../main/core/host/start-browser-mode';
import type { BrowserServer } from '../../main/core/server/browser-server';
import type { WorkspaceService } from '../../main/core/workspace/workspace-service';

/** Debian's Chromium (apt-get install chromium); tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The built renderer: out/renderer, or WELLSPRING_OUT_DIR/renderer when the build went elsewhere. */
export const RENDERER_DIR = path.resolve(__dirname, '../..', process.env.WELLSPRING_OUT_DIR ?? 'out', 'renderer');
export const SHOTS_DIR = path.resolve(__dirname, '../../test-results/e2e');

/**
 * Launches headless Chromium with the flags this machine needs and a fresh profile folder (a persistent context,
 * which is how Playwright takes --user-data-dir). Viewport 1440×900, locale as given.
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
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The app in browser mode on its own data folder: the sample workspace, created fresh. */
export async function startApp(): Promise<{
  server: BrowserServer;
  workspace: WorkspaceService;
  dataDir: string;
  stop: () => Promise<void>;
}> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html')))
    throw new Error('Run `npm run build` before the e2e tests.');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-e2e-'));
  const { server, workspace } = await startBrowserMode({ rendererDir: RENDERER_DIR, dataDir });
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

/** Saves a screenshot under test-results/e2e (and optionally a copy elsewhere); returns its path. */
export async function shot(page: Page, name: string, copyTo?: string): Promise<string> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  if (copyTo) {
    fs.mkdirSync(path.dirname(copyTo), { recursive: true });
    fs.copyFileSync(file, copyTo);
  }
  return file;
}

/** Where a node is drawn, in page coordinates, read from Cytoscape's model. */
export async function nodeScreenPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => {
    const engine = window.__wellspring!.engine!;
    const p = engine.cy.getElementById(nodeId).renderedPosition();
    const box = engine.cy.container()!.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}

/** Loads the app and waits for the map's first painted frame. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.__wellspring?.lastPaint != null, undefined, { timeout: 60_000 });
}

/** Waits until no layout is running on the map. */
export async function mapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.map-overlay.progress'), undefined, {
    timeout: 60_000,
  });
}

/**
 * Registers beforeAll/afterAll hooks that start the app (fresh sample workspace) and Chromium for one test file,
 * and returns accessors to them.
 */
export function useAppInChromium(): {
  readonly app: Awaited<ReturnType<typeof startApp>>;
  readonly chrome: Awaited<ReturnType<typeof launchChromium>>;
} {
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let chrome: Awaited<ReturnType<typeof launchChromium>> | undefined;
  beforeAll(async () => {
    app = await startApp();
    chrome = await launchChromium();
  });
  afterAll(async () => {
    await chrome?.close();
    await app?.stop();
  });
  return {
    get app() {
      return app!;
    },
    get chrome() {
      return chrome!;
    },
  };
}
