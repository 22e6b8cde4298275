import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mapIdle, openApp, selectedOffset, shot, useAppInChromium } from './harness';

// Issue 11 §1 in the app: a node is found by the pinyin of its name — in the map's search box, in Ctrl+K and in
// the expertise locator — and every pinyin hit says why it matched ("拼音 zsgl → 知识管理"), its matched characters
// marked. The sample workspace has no 知识管理 node, so the test adds one; 封样管理 and the glossary term 打样
// (synonym 做样衣) are the sample's own.
const env = useAppInChromium();

async function mapSearch(page: Page, query: string) {
  await page.getByTestId('map-search').fill(query);
  const results = page.getByTestId('map-search-results');
  await expect.poll(() => results.locator('li[role="option"]').count()).toBeGreaterThan(0);
  return results.locator('li[role="option"]');
}

describe('pinyin search', () => {
  it('zsgl in the map search box finds 知识管理 and says why; Enter centres it', async () => {
    const node = env.app.workspace.store.addNode({ kind: 'knowledge', label: '知识管理' });
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page, env.app.server.url);
    await mapIdle(page);

    for (const q of ['zsgl', 'zhishiguanli', 'zhishigl']) {
      const first = (await mapSearch(page, q)).first();
      await expect.poll(() => first.locator('.label').textContent()).toBe('知识管理');
      expect(await first.locator('.label mark').textContent()).toBe('知识管理');
      expect(await first.getByTestId('pinyin-reason').textContent()).toBe(`拼音 ${q} → 知识管理`);
      if (q === 'zsgl') await shot(page, 'pinyin-search-01-map-box');
    }
    // Only the matched characters are marked: 封样管理 by gl is 管理.
    const gl = (await mapSearch(page, 'gl')).filter({ hasText: '封样管理' });
    await expect.poll(() => gl.locator('mark').textContent()).toBe('管理');

    await mapSearch(page, 'zsgl');
    await page.getByTestId('map-search').press('Enter');
    await expect.poll(async () => (await selectedOffset(page)).ids).toEqual([node.id]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Ctrl+K lists the pinyin hit with its reason, in both languages, and a glossary synonym by its pinyin', async () => {
    const page = await env.chrome.context.newPage();
    await openApp(page, env.app.server.url);
    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('zhishigl');
    const hit = page.locator('.node-hits li', { hasText: '知识管理' });
    await expect.poll(() => hit.count()).toBe(1);
    expect(await hit.locator('mark').textContent()).toBe('知识管理');
    expect(await hit.getByTestId('pinyin-reason').textContent()).toBe('拼音 zhishigl → 知识管理');
    expect(await hit.getByTestId('pinyin-reason').getAttribute('title')).toContain('zhi shi guan li');

    // 打样 by the pinyin of its synonym 做样衣: the reason names the synonym; the label is not marked.
    await page.getByTestId('search-input').fill('zuoyangyi');
    const term = page.locator('.node-hits li', { hasText: '打样' });
    await expect.poll(() => term.count()).toBe(1);
    expect(await term.getByTestId('pinyin-reason').textContent()).toBe(
      '拼音 zuoyangyi → 做样衣（词典同义词）',
    );
    expect(await term.locator('mark').count()).toBe(0);
    // Part of a synonym (zuoyang: the 做样 of 做样衣): then the synonym is named.
    await page.getByTestId('search-input').fill('zuoyang');
    await expect
      .poll(() => term.getByTestId('pinyin-reason').textContent())
      .toBe('拼音 zuoyang → 做样（词典同义词“做样衣”）');
    await shot(page, 'pinyin-search-02-ctrl-k');
    await page.keyboard.press('Escape');

    await page.getByTestId('language').selectOption('en');
    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('zsgl');
    await expect
      .poll(() =>
        page.locator('.node-hits li', { hasText: '知识管理' }).getByTestId('pinyin-reason').textContent(),
      )
      .toBe('pinyin zsgl → 知识管理');
    await shot(page, 'pinyin-search-03-ctrl-k-en');
    await page.keyboard.press('Escape');
    await page.getByTestId('language').selectOption('zh-CN');
    await page.close();
  });

  it('the expertise locator finds who knows 封样管理 from fygl and says it was pinyin', async () => {
    const page = await env.chrome.context.newPage();
    await openApp(page, env.app.server.url);
    await page.getByTestId('nav-experts').click();
    await page.getByTestId('experts-view').waitFor();
    await page.getByTestId('experts-tab-locator').click();
    await page.getByTestId('locator-query').fill('fygl');
    const matches = page.getByTestId('locator-matches');
    await expect.poll(() => matches.textContent()).toContain('封样管理');
    expect(await matches.getByTestId('pinyin-reason').textContent()).toBe('拼音 fygl → 封样管理');
    // The sample's holders of 封样管理 (knows edges) are ranked.
    const holders = env.app.workspace.store
      .getGraph()
      .edges.filter((e) => e.kind === 'knows' && e.target === 'sample:kn-sealed-sample')
      .map((e) => e.source);
    expect(holders.length).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('locator-hit').evaluateAll((h) => h.map((x) => x.getAttribute('data-id'))))
      .toEqual(expect.arrayContaining(holders));
    await shot(page, 'pinyin-search-04-locator');
    // The picker of areas finds by pinyin too, and says so.
    await page.getByTestId('locator-pick').click();
    await page.getByTestId('locator-picker-search').fill('sslkz');
    const option = page.getByTestId('picker-option').filter({ hasText: '面料缩水率控制' });
    await expect.poll(() => option.count()).toBe(1);
    expect(await option.getByTestId('pinyin-reason').textContent()).toBe('拼音 sslkz → 缩水率控制');
    await page.close();
  });
});
