import { describe, expect, it } from 'vitest';
import { mapIdle, openApp, selectedOffset, shot, useAppInChromium } from './harness';

const env = useAppInChromium();

/** The map's search box runs the core's search: what Ctrl+K finds, the box finds. */
describe('map search box in Chromium', () => {
  it('finds multi-term, mixed, full-width and English-alias queries, and Enter centres the best match', async () => {
    const page = await env.chrome.context.newPage();
    await openApp(page, env.app.server.url);
    await mapIdle(page);
    const box = page.getByTestId('map-search');
    const listed = () => page.getByTestId('map-search-results').textContent();

    // Terms apart in the label, Latin and Chinese mixed, case folded.
    await box.fill('crm 规范');
    await expect.poll(listed).toContain('CRM系统录入规范');
    // Full-width Latin letters (as a Chinese IME types them) fold to ASCII.
    await box.fill('ＡＱＬ 检验');
    await expect.poll(listed).toContain('AQL抽样检验');
    // An English alias finds the Chinese node.
    await box.fill('sales department');
    await expect.poll(listed).toContain('销售部');
    await shot(page, 'map-search-01-english-alias');
    // A term that is nowhere in the label: the node is not offered.
    await box.fill('crm 面料');
    await expect.poll(listed).not.toContain('CRM系统录入规范');

    // Enter centres the best match …
    const target = env.app.workspace.store.getGraph().nodes.find((n) => n.label === '质量问题8D分析')!;
    await box.fill('8d 质量');
    await expect.poll(listed).toContain('质量问题8D分析');
    await box.press('Enter');
    await expect.poll(async () => (await selectedOffset(page)).ids).toEqual([target.id]);
    await expect.poll(async () => (await selectedOffset(page)).dx).toBeLessThan(5);
    // … and again after the user panned away, although it is still selected.
    await expect.poll(() => page.evaluate(() => window.__wellspring!.engine!.cy.animated())).toBe(false);
    // (braces: panBy returns the Cytoscape instance, which Playwright would spend seconds serialising)
    await page.evaluate(() => {
      window.__wellspring!.engine!.cy.panBy({ x: 300, y: -200 });
    });
    expect((await selectedOffset(page)).dx).toBeGreaterThan(100);
    await box.fill('8d 质量');
    await expect.poll(listed).toContain('质量问题8D分析');
    await box.press('Enter');
    await expect.poll(async () => (await selectedOffset(page)).dx).toBeLessThan(5);
    expect((await selectedOffset(page)).dy).toBeLessThan(5);
    await shot(page, 'map-search-02-centred-again');
    await page.close();
  });
});
