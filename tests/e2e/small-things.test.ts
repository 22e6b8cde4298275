import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/core/api/handlers';
import { startBrowserServer } from '../../main/core/server/browser-server';
import { RENDERER_DIR, openApp, shot, useAppInChromium } from './harness';
import { addLibraryFolder, openAppPage, useFixtureFolder } from './library-helpers';

// Issue #6, "small things": the page notices a restarted server; Ctrl+K shows more than 10 nodes and 3 pages;
// files with the same name show their folder; files without a reader are listed as unsupported.

describe('browser mode after a restart', () => {
  const env = useAppInChromium();

  it('shows a banner when the token is no longer valid, and Reload gives a working page', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page, env.app.server.url);
    expect(await page.getByTestId('session-banner').count()).toBe(0);
    // A second page that does nothing: only its event stream, reconnecting with the old token, can notice.
    const idle = await env.chrome.context.newPage();
    await openApp(idle, env.app.server.url);

    // Restart the server on the same port with the same workspace: a new per-launch token.
    const { port, token } = env.app.server;
    await env.app.server.close();
    const restarted = await startBrowserServer({
      rendererDir: RENDERER_DIR,
      handlers: createHandlers(env.app.workspace),
      workspace: env.app.workspace,
      port,
    });
    try {
      expect(restarted.port).toBe(port);
      expect(restarted.token).not.toBe(token);

      // Any API call now fails with 403 unauthorized: the banner says so, in the UI language.
      await page.keyboard.press('Control+k');
      await page.getByTestId('search-input').fill('版型');
      const banner = page.getByTestId('session-banner');
      await expect
        .poll(() => banner.textContent(), { timeout: 15_000 })
        .toContain('应用已重新启动，请重新加载页面');
      await page.keyboard.press('Escape');
      await page.getByTestId('language').selectOption('en');
      await expect
        .poll(() => banner.textContent())
        .toContain('The app was restarted — reload the page to continue');
      await shot(page, '60-session-expired');
      await expect.poll(() => idle.getByTestId('session-banner').count(), { timeout: 20_000 }).toBe(1);

      // Reload: the page comes back with the new token and works (search finds the sample's items).
      await page.getByTestId('session-reload').click();
      await page.waitForFunction(() => window.__wellspring?.lastPaint != null, undefined, {
        timeout: 60_000,
      });
      expect(await page.getByTestId('session-banner').count()).toBe(0);
      await page.keyboard.press('Control+k');
      await page.getByTestId('search-input').fill('版型');
      await expect.poll(() => page.locator('.node-hits li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await page.getByTestId('session-banner').count()).toBe(0);
      await shot(page, '61-after-reload');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await idle.close();
      await restarted.close();
    }
  });
});

describe('library and search details', () => {
  const env = useAppInChromium();
  // Six pages of about 2,900 characters (a text page is about 3,000), each mentioning 蓝鲸计划.
  const filler = '流程说明与检查要点，'.repeat(280);
  const pages = Array.from({ length: 6 }, (_, i) => `第 ${i + 1} 节：蓝鲸计划。${filler}`);
  const docs = useFixtureFolder('知识 文档-', {
    'plan.txt': pages.join('\n\n'),
    'notes.md': '# 笔记\n\n蓝鲸计划的会议笔记',
    '合同.md': '# 合同\n\n总部的合同',
    '2024/合同.md': '# 合同\n\n二〇二四年的合同',
    // A Kindle book (EPUB is read since issue 11): listed by its name, never read.
    '电子书.mobi': 'BOOKMOBI',
    'old.doc': 'not really a doc',
  });

  it('lists every file with a status and the folder of same-named files; Ctrl+K shows more nodes and pages', async () => {
    for (let i = 1; i <= 14; i++)
      env.app.workspace.store.addNode({ kind: 'knowledge', label: `蓝鲸计划 第${i}项` });
    const { page, errors } = await openAppPage(env);

    // The sample's own documents are in the library from the start.
    const { sampleFiles } = await addLibraryFolder(page, env, docs.dir, { sample: /等待 0/, files: 6 });
    const table = page.getByTestId('status-table');
    await expect
      .poll(() => table.locator('tbody tr[data-status="pending"]').count(), { timeout: 60_000 })
      .toBe(0);

    // The Kindle book and the legacy Word file are listed, unsupported, with a reason.
    for (const name of ['电子书.mobi', 'old.doc']) {
      const row = table.locator('tbody tr', { hasText: name });
      expect(await row.getAttribute('data-status')).toBe('unsupported');
      expect((await row.locator('td.detail').textContent())!.trim()).not.toBe('');
    }
    expect(await table.locator('tbody tr[data-status="indexed"]').count()).toBe(4 + sampleFiles);

    // The two 合同.md show their folder, relative to the library folder; unique names show none.
    const root = path.basename(docs.dir);
    const locations = await table.getByTestId('file-location').allTextContents();
    expect(locations.sort()).toEqual([root, `${root}/2024`].sort());
    expect(
      await table.locator('tbody tr', { hasText: 'plan.txt' }).getByTestId('file-location').count(),
    ).toBe(0);
    await shot(page, '62-library-same-names');

    // Ctrl+K: 14 nodes match, 10 are shown with "show 4 more"; the plan matches on 6 pages, 3 shown.
    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('蓝鲸计划');
    const nodes = page.locator('.node-hits li');
    await expect.poll(() => nodes.count(), { timeout: 15_000 }).toBe(10);
    const moreNodes = page.getByTestId('more-nodes');
    expect(await moreNodes.textContent()).toBe('再显示 4 项');
    const plan = page.getByTestId('doc-hit').filter({ hasText: 'plan.txt' });
    expect(await plan.getByTestId('page-hit').count()).toBe(3);
    expect(await plan.getByTestId('more-pages').textContent()).toBe('再显示 3 页');
    const notes = page.getByTestId('doc-hit').filter({ hasText: 'notes.md' });
    expect(await notes.getByTestId('more-pages').count()).toBe(0);
    await shot(page, '63-search-more');

    await moreNodes.click();
    await expect.poll(() => nodes.count()).toBe(14);
    expect(await page.getByTestId('more-nodes').count()).toBe(0);
    await plan.getByTestId('more-pages').click();
    await expect.poll(() => plan.getByTestId('page-hit').count()).toBe(6);
    expect(await plan.getByTestId('page-hit').allTextContents()).toEqual(
      expect.arrayContaining(['第 1 页', '第 2 页', '第 3 页', '第 4 页', '第 5 页', '第 6 页']),
    );
    expect(await plan.getByTestId('more-pages').count()).toBe(0);
    await shot(page, '64-search-all');
    expect(errors).toEqual([]);
    await page.close();
  });
});
