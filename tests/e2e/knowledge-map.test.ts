import { describe, expect, it } from 'vitest';
import { mapIdle, nodeScreenPosition, openApp, selectedOffset, shot, useAppInChromium } from './harness';

const env = useAppInChromium();

describe('knowledge map in Chromium (browser mode)', () => {
  it('opens the sample, finds, edits, connects, persists, undoes and switches language', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page, env.app.server.url);
    await mapIdle(page);

    // 1. The status bar shows the sample's node count, as the store counts it.
    const stats = env.app.workspace.store.stats();
    await expect
      .poll(() => page.getByTestId('status-counts').textContent())
      .toBe(`${stats.nodeTotal} 个节点 · ${stats.edgeTotal} 条连线`);
    expect(await page.evaluate(() => window.__wellspring!.engine!.cy.nodes().length)).toBe(stats.nodeTotal);
    await shot(page, '01-sample-map');

    // 2. Search a Chinese label: the node is selected and centred.
    const target = env.app.workspace.store.getGraph().nodes.find((n) => n.label === '拜访记录')!;
    await page.getByTestId('map-search').fill('拜访');
    await expect.poll(() => page.getByTestId('map-search-results').textContent()).toContain('拜访记录');
    await page.getByTestId('map-search').press('Enter');
    await page.waitForTimeout(600); // the centring animation takes 250 ms
    const centred = await selectedOffset(page);
    expect(centred.ids).toEqual([target.id]);
    expect(centred.dx).toBeLessThan(5);
    expect(centred.dy).toBeLessThan(5);
    await expect.poll(() => page.getByTestId('node-label').inputValue()).toBe('拜访记录');
    await shot(page, '02-search-centred');

    // 3. Edit the label through the side panel.
    await page.getByTestId('node-label').fill('客户拜访记录表');
    await page.getByTestId('node-label').press('Enter');
    await expect.poll(() => env.app.workspace.store.findNode(target.id)?.label).toBe('客户拜访记录表');

    // 4. Add an edge by dragging, in connect mode, from an expert to the item; only allowed kinds are offered.
    const graph = env.app.workspace.store.getGraph();
    const linked = new Set(graph.edges.filter((e) => e.target === target.id).map((e) => e.source));
    const expert = graph.nodes.find((n) => n.kind === 'expert' && !linked.has(n.id))!;
    await page.evaluate(
      ([a, b]) => {
        const cy = window.__wellspring!.engine!.cy;
        cy.fit(cy.getElementById(a!).union(cy.getElementById(b!)), 150);
      },
      [expert.id, target.id],
    );
    await page.getByTestId('connect-mode').click();
    const from = await nodeScreenPosition(page, expert.id);
    const to = await nodeScreenPosition(page, target.id);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await page.mouse.move(from.x + ((to.x - from.x) * i) / 10, from.y + ((to.y - from.y) * i) / 10);
    await page.mouse.up();
    const menu = page.getByTestId('connect-menu');
    await expect
      .poll(() => menu.locator('[role=menuitem]').allTextContents())
      .toEqual(['掌握', '负责维护', '相关']);
    await shot(page, '03-connect-menu');
    await menu.getByRole('menuitem', { name: '负责维护' }).click();
    await expect
      .poll(() =>
        env.app.workspace.store
          .getGraph()
          .edges.some((e) => e.kind === 'owns' && e.source === expert.id && e.target === target.id),
      )
      .toBe(true);
    await page.getByTestId('connect-mode').click();

    // 5. Reload: both changes are there, drawn by the env.app.
    await openApp(page, env.app.server.url);
    await mapIdle(page);
    await page.getByTestId('map-search').fill('客户拜访记录表');
    await page.getByTestId('map-search').press('Enter');
    await expect.poll(() => page.getByTestId('node-label').inputValue()).toBe('客户拜访记录表');
    await expect.poll(() => page.getByTestId('connections').textContent()).toContain(expert.label);
    expect(
      await page.evaluate(
        ([s, t]) =>
          window.__wellspring!.engine!.cy.edges(`[source = "${s}"][target = "${t}"][kind = "owns"]`).length,
        [expert.id, target.id],
      ),
    ).toBe(1);
    await shot(page, '04-after-reload');

    // 6. Undo (Ctrl+Z on the map) restores: first the edge goes, then the old label comes back.
    await page.locator('[data-testid=map-canvas]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect
      .poll(() =>
        env.app.workspace.store
          .getGraph()
          .edges.some((e) => e.kind === 'owns' && e.source === expert.id && e.target === target.id),
      )
      .toBe(false);
    await page.getByTestId('undo').click();
    await expect.poll(() => env.app.workspace.store.findNode(target.id)?.label).toBe('拜访记录');
    await page.getByTestId('map-search').fill('拜访记录');
    await page.getByTestId('map-search').press('Enter');
    await expect.poll(() => page.getByTestId('node-label').inputValue()).toBe('拜访记录');

    // 7. Switch to English: the UI changes.
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.getByTestId('nav-map').textContent()).toContain('Knowledge map');
    await expect
      .poll(() => page.getByTestId('status-counts').textContent())
      .toBe(`${stats.nodeTotal} nodes · ${stats.edgeTotal} edges`);
    expect(await page.getByTestId('map-search').getAttribute('placeholder')).toBe(
      'Find a node by name or alias…',
    );
    await shot(page, '05-english');
    expect(errors).toEqual([]);
    await page.close();
  });
});
