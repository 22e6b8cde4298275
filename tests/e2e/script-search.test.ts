import { describe, expect, it } from 'vitest';
import { shot, useAppInChromium } from './harness';
import { openAppPage, useFixtureFolder } from './library-helpers';

// Issue 11 §2 in the search dialog (Ctrl+K): a Traditional query finds a Simplified document, its snippet marks the
// document's own characters, the dialog says which forms it also searched, the viewer marks them too; a Simplified
// query finds a Traditional node label; the switch (简繁互查) turns it off, in the map's search box too, and is
// remembered. Text: the Chinese descriptions of Debian packages (fixtures/search-script, see ATTRIBUTION.md there),
// Simplified as written.
const env = useAppInChromium();
const docs = useFixtureFolder('简繁-', {
  'debian-packages.zh-cn.txt': { copy: 'search-script/debian-packages.zh-cn.txt' },
});

describe('Simplified ↔ Traditional search', () => {
  it('資料庫 finds 数据库 in a Simplified document, 数据库 a Traditional node; switched off neither', async () => {
    const { page, errors } = await openAppPage(env);
    await env.app.workspace.library.addFolder(docs.dir);
    await env.app.workspace.library.whenIdle();
    const node = env.app.workspace.store.addNode({ kind: 'knowledge', label: '資料庫備份流程' });

    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('資料庫');
    const hit = page.getByTestId('doc-hit').filter({ hasText: 'debian-packages.zh-cn.txt' });
    await expect.poll(() => hit.count()).toBe(1);
    // The snippet marks the document's own (Simplified) characters.
    expect(new Set(await hit.locator('mark').allTextContents())).toEqual(new Set(['数据库']));
    expect(await page.getByTestId('script-forms').textContent()).toContain('数据库');
    expect(await hit.getByTestId('page-hit').count()).toBeGreaterThan(0);
    await shot(page, 'script-search-traditional-query');

    // The viewer marks what was found: 数据库, not the 資料庫 typed.
    await hit.getByTestId('page-hit').first().click();
    await expect.poll(() => page.getByTestId('text-page').locator('mark').count()).toBeGreaterThan(0);
    expect(new Set(await page.getByTestId('text-page').locator('mark').allTextContents())).toEqual(
      new Set(['数据库']),
    );
    await shot(page, 'script-search-viewer');
    await page.keyboard.press('Escape');

    // A Simplified query finds the Traditional label, marked in its own characters.
    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('数据库 备份');
    const nodeHit = page.locator('.node-hits li', { hasText: node.label });
    await expect.poll(() => nodeHit.count()).toBe(1);
    expect(await nodeHit.locator('mark').first().textContent()).toBe('資料庫備份');
    expect(await nodeHit.getByTestId('via-forms').textContent()).toContain('資料庫 備份');
    // The marked part and the rest of the label sit together, with no gap that reads as a space (資料庫備份 流程).
    expect(await nodeHit.locator('.node-hit-label').textContent()).toBe('資料庫備份流程');
    const gap = await nodeHit
      .locator('mark')
      .first()
      .evaluate((mark) => {
        const range = document.createRange();
        range.selectNodeContents(mark.nextSibling!);
        return range.getBoundingClientRect().left - mark.getBoundingClientRect().right;
      });
    expect(Math.abs(gap)).toBeLessThan(1);
    await shot(page, 'script-search-node');

    // Off: the typed script only, and the choice is remembered for the next search.
    await page.getByTestId('search-script').uncheck();
    await expect.poll(() => nodeHit.count()).toBe(0);
    await page.getByTestId('search-input').fill('資料庫');
    await expect.poll(() => page.getByTestId('search-dialog').textContent()).toContain('没有找到');
    expect(await page.getByTestId('script-forms').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('wellspring.search.script'))).toBe('0');
    await page.keyboard.press('Escape');
    // The map's search box follows the switch: off, 数据库 备份 no longer finds the Traditional label …
    const mapResults = page.getByTestId('map-search-results');
    await page.getByTestId('map-search').fill('数据库 备份');
    await expect.poll(() => mapResults.textContent()).toContain('没有');
    expect(await mapResults.locator('li[role="option"]').count()).toBe(0);
    await shot(page, 'script-search-map-box-off');
    await page.getByTestId('map-search').fill('');
    await page.keyboard.press('Control+k');
    expect(await page.getByTestId('search-script').isChecked()).toBe(false);
    await page.getByTestId('search-script').check();
    await page.getByTestId('search-input').fill('資料庫');
    await expect.poll(() => hit.count()).toBe(1);
    await page.keyboard.press('Escape');
    // … and on again, it does.
    await page.getByTestId('map-search').fill('数据库 备份');
    await expect
      .poll(() => mapResults.locator('li[role="option"] .label').allTextContents())
      .toEqual([node.label]);
    await shot(page, 'script-search-map-box-on');
    expect(errors).toEqual([]);
    await page.close();
  });
});
