import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mapIdle, openApp, shot, useAppInChromium } from './harness';

const env = useAppInChromium();

async function open(page: Page): Promise<void> {
  await openApp(page, env.app.server.url);
  await mapIdle(page);
}
const onScreen = (page: Page) => page.evaluate(() => window.__wellspring!.engine!.cy.nodes().length);
const counts = (page: Page) => page.getByTestId('status-counts').textContent();

describe('knowledge map features', () => {
  it('ego graph with depth, filters, palette, create and delete with undo, export, views, theme', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await open(page);
    const store = env.app.workspace.store;
    const stats = store.stats();

    // Ego graph: select a node, press E, change the depth with the slider.
    const centre = store.getGraph().nodes.find((n) => n.label === '商机确认')!;
    await page.getByTestId('map-search').fill('商机确认');
    await page.getByTestId('map-search').press('Enter');
    await expect.poll(() => page.getByTestId('node-label').inputValue()).toBe('商机确认');
    await page.locator('[data-testid=map-canvas]').click({ position: { x: 3, y: 3 }, modifiers: [] });
    await page.getByTestId('map-search').fill('商机确认');
    await page.getByTestId('map-search').press('Enter');
    // The search box asks the core (search:nodes): wait for the node to be selected before pressing E.
    await expect.poll(() => page.getByTestId('node-label').inputValue()).toBe('商机确认');
    await page.getByTestId('map-search').blur();
    await page.keyboard.press('e');
    await expect.poll(() => page.getByTestId('ego-bar').isVisible()).toBe(true);
    const ego1 = store.egoGraph(centre.id, 1);
    await expect.poll(() => onScreen(page)).toBe(ego1.nodes.length);
    await expect.poll(() => counts(page)).toBe(`${ego1.nodes.length} 个节点 · ${ego1.edges.length} 条连线`);
    await page.getByTestId('ego-depth').fill('2');
    const ego2 = store.egoGraph(centre.id, 2);
    expect(ego2.nodes.length).toBeGreaterThan(ego1.nodes.length);
    await expect.poll(() => onScreen(page)).toBe(ego2.nodes.length);
    await page.waitForFunction(() => !document.querySelector('.map-overlay.progress'));
    await shot(page, '10-ego-depth-2');
    await page.getByTestId('ego-bar').getByRole('button').click();
    await expect.poll(() => onScreen(page)).toBe(stats.nodeTotal);

    // Filters: only experts.
    await page.getByRole('button', { name: '筛选' }).click();
    await page.getByTestId('filter-panel').getByLabel('专家').check();
    await expect.poll(() => onScreen(page)).toBe(stats.nodes.expert);
    await shot(page, '11-filter-experts');
    await page.getByTestId('filter-panel').getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => onScreen(page)).toBe(stats.nodeTotal);

    // Command palette runs the hierarchical layout.
    await page.keyboard.press('Control+Shift+P');
    await page.getByTestId('command-palette').locator('input').fill('层次');
    await page.getByTestId('command-palette').locator('input').press('Enter');
    await expect
      .poll(() => page.getByRole('button', { name: '层次', exact: true }).getAttribute('class'))
      .toBe('pressed');
    await page.waitForFunction(() => !document.querySelector('.map-overlay.progress'));
    // The new positions were stored.
    await expect.poll(() => store.getGraph().nodes.every((n) => n.x !== null)).toBe(true);
    await shot(page, '12-hierarchical');

    // Create a node with N, delete it with confirmation, undo brings it back.
    await page.locator('[data-testid=map-canvas]').click({ position: { x: 3, y: 3 } });
    await page.keyboard.press('n');
    await page.getByTestId('new-node-kind').selectOption('expert');
    await page.getByTestId('new-node-label').fill('测试专家 C++');
    await page.getByTestId('new-node-label').press('Enter');
    await expect
      .poll(() => store.getGraph().nodes.find((n) => n.label === '测试专家 C++')?.kind)
      .toBe('expert');
    await expect.poll(() => page.getByTestId('node-label').inputValue()).toBe('测试专家 C++');
    await page.getByTestId('delete-node').click();
    await page.getByTestId('confirm-delete').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => store.getGraph().nodes.some((n) => n.label === '测试专家 C++')).toBe(false);
    await page.keyboard.press('Control+z');
    await expect.poll(() => store.getGraph().nodes.some((n) => n.label === '测试专家 C++')).toBe(true);
    await expect.poll(() => onScreen(page)).toBe(stats.nodeTotal + 1);

    // Export PNG and SVG (browser mode downloads them).
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByTestId('map-export')
        .click()
        .then(() => page.getByTestId('map-export-png').click()),
    ]);
    const pngBytes = fs.readFileSync((await png.path())!);
    expect(pngBytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(pngBytes.length).toBeGreaterThan(50_000);
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByTestId('map-export')
        .click()
        .then(() => page.getByTestId('map-export-svg').click()),
    ]);
    const svgText = fs.readFileSync((await svg.path())!, 'utf8');
    expect(svgText.startsWith('<svg')).toBe(true);
    // Cytoscape puts zero-width spaces between CJK characters to wrap them anywhere.
    expect(svgText.replaceAll('\u200b', '').includes('商机确认')).toBe(true);

    // Leaving the map ends its engine; exactly one map engine lives after remounts.
    expect(await page.evaluate(() => window.__wellspring!.enginesAlive)).toBe(1);
    await page.getByTestId('nav-glossary').click();
    await page.getByTestId('glossary-tab-taxonomy').waitFor();
    expect(await page.evaluate(() => window.__wellspring!.enginesAlive)).toBe(0);
    await page.getByTestId('nav-map').click();
    await page.waitForFunction(() => window.__wellspring?.engine != null);
    await page.getByLabel('WebGL 渲染').check();
    await page.getByLabel('WebGL 渲染').uncheck();
    await page.waitForFunction(() => window.__wellspring?.engine?.cy.nodes().length ?? 0 > 0);
    expect(await page.evaluate(() => window.__wellspring!.enginesAlive)).toBe(1);

    // Dark theme.
    await page.getByTestId('theme').selectOption('dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.waitForTimeout(300);
    await shot(page, '13-dark');
    expect(errors).toEqual([]);
    await page.close();
  });
});
