import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { openApp } from './browser';
import type { useAppInChromium } from './harness';

// The document library's e2e steps the library, search and OCR tests share: a temporary folder of fixture files,
// a page of the app, and adding the folder in the library view with the waits for its statuses.

/** The repository's fixtures/ folder. */
export const FIXTURES = path.resolve(__dirname, '../../fixtures');

/** The app and Chromium of one test file, as {@link useAppInChromium} returns them. */
export type AppInChromium = ReturnType<typeof useAppInChromium>;

/**
 * One file of a fixture folder: `{ copy }`, a file of fixtures/ (path relative to it) copied as it is; a string
 * (UTF-8) or bytes, written as they are; or a function giving them (awaited, e.g. a page rendered to PNG).
 */
export type FixtureFile =
  | { readonly copy: string }
  | string
  | Uint8Array
  | (() => string | Uint8Array | Promise<string | Uint8Array>);

/**
 * Registers beforeAll/afterAll hooks that make a fresh folder in the OS temp folder, named `prefix` and six random
 * characters (fs.mkdtemp), holding `files` (name → content; a name with `/` makes its subfolders), and remove it with
 * everything in it. Returns an accessor to the folder's absolute path (valid inside the tests, after beforeAll).
 * Call it after {@link useAppInChromium} so the app starts first, as the hooks run in order. A missing fixture
 * fails the hook with fs's ENOENT naming the file.
 */
export function useFixtureFolder(
  prefix: string,
  files: Readonly<Record<string, FixtureFile>>,
): { readonly dir: string } {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    for (const [name, file] of Object.entries(files)) {
      const to = path.join(dir, name);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      if (typeof file === 'object' && 'copy' in file) fs.copyFileSync(path.join(FIXTURES, file.copy), to);
      else fs.writeFileSync(to, typeof file === 'function' ? await file() : file);
    }
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir!;
    },
  };
}

/**
 * Opens the app in a new page of the file's Chromium (openApp: loaded and painted) and collects the page's uncaught
 * errors in `errors` (the tests end with `expect(errors).toEqual([])`).
 */
export async function openAppPage(env: AppInChromium): Promise<{ page: Page; errors: string[] }> {
  const page = await env.chrome.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page, env.app.server.url);
  return { page, errors };
}

/** What {@link addLibraryFolder} waits for; each wait polls up to `timeout` ms (60 000 unless told). */
export interface FolderWaits {
  /**
   * Before the folder is added: the folder list's text (only the sample workspace's own folder, sample-documents,
   * is there) matches this, so the sample's documents are indexed and counted first.
   */
  readonly sample?: RegExp;
  /** The library's progress panel's text matches this (e.g. `/已索引 5 个文件/`). */
  readonly progress?: RegExp;
  /** The added folder's row in the folder list matches this (e.g. `/已索引 1 · 有问题 4 · 等待 0/`). */
  readonly folder?: RegExp;
  /** The status table lists this many files besides the sample's (with no filter on). */
  readonly files?: number;
  readonly timeout?: number;
}

/**
 * Opens the library view, adds `dir` as a folder through its path box and Add button, and waits, in this order, for
 * what `waits` gives: the sample's folder before adding, then the progress, the folder's row and the number of files
 * (expect.poll; a wait that times out fails the test with the text it last saw). Resolves to the sample's document
 * count (from the workspace's library store, read after the `sample` wait) and the folder's row in the folder list
 * (the `li` holding the folder's name).
 */
export async function addLibraryFolder(
  page: Page,
  env: AppInChromium,
  dir: string,
  waits: FolderWaits,
): Promise<{ sampleFiles: number; folderRow: Locator }> {
  const timeout = waits.timeout ?? 60_000;
  await page.getByTestId('nav-library').click();
  if (waits.sample)
    await expect.poll(() => page.getByTestId('folder-list').textContent(), { timeout }).toMatch(waits.sample);
  const sampleFiles = env.app.workspace.libraryStore.documents({}).total;
  await page.getByTestId('folder-path').fill(dir);
  await page.getByTestId('add-folder').click();
  const folderRow = page.getByTestId('folder-list').locator('li', { hasText: path.basename(dir) });
  if (waits.progress)
    await expect
      .poll(() => page.getByTestId('library-progress').textContent(), { timeout })
      .toMatch(waits.progress);
  if (waits.folder) await expect.poll(() => folderRow.textContent(), { timeout }).toMatch(waits.folder);
  if (waits.files !== undefined)
    await expect
      .poll(() => page.getByTestId('status-table').locator('tbody tr').count(), { timeout })
      .toBe(waits.files + sampleFiles);
  return { sampleFiles, folderRow };
}
