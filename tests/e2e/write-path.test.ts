import { describe, expect, it } from 'vitest';
import { mapIdle, openApp, shot, useAppInChromium } from './harness';

const env = useAppInChromium();

/** The one write path seen from the page: a change reaches the canvas by id, without a new graph:get. */
describe('write path in Chromium (browser mode)', () => {
  it('applies an edit made elsewhere by id, and undo in the page takes back a whole operation list', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page, env.app.server.url);
    await mapIdle(page);
    const requests: string[] = [];
    page.on('request', (r) => {
      const m = /\/api\/([a-z]+:[a-z-]+)/.exec(r.url());
      if (m) requests.push(m[1]!);
    });
    const store = env.app.workspace.store;
    // The fresh sample had no positions: its first layout is stored, but it is no step to undo.
    await expect.poll(() => env.app.workspace.views.get('map').positionCount).toBe(store.stats().nodeTotal);
    expect(store.history.state().canUndo).toBe(false);
    const item = store.getGraph().nodes.find((n) => n.label === '拜访记录')!;
    const labelOnCanvas = (id: string) =>
      page.evaluate(
        (nodeId) => window.__wellspring!.engine!.cy.getElementById(nodeId).data('label') as string,
        id,
      );

    // 1. An edit through the core (another window, the CLI, an import …) shows on the canvas …
    store.updateNode(item.id, { label: '拜访记录（新版）' });
    await expect.poll(() => labelOnCanvas(item.id)).toContain('新版');
    // … fetched by id: the page asked for the touched elements (in the map's lean shape), never for the whole
    // graph again.
    expect(requests).toContain('graph:map-elements');
    expect(requests).not.toContain('graph:get');
    expect(requests).not.toContain('graph:map');

    // 2. One operation list: a new knowledge item, an expert who knows it, in one undo step.
    const before = await page.evaluate(() => window.__wellspring!.engine!.cy.nodes().length);
    const { ids } = store.apply([
      {
        op: 'addNode',
        node: {
          kind: 'knowledge',
          label: '团购报价策略',
          props: {
            form: 'tacit',
            existence: 'person',
            status: 'active',
            confidentiality: 'internal',
            importance: 2,
          },
        },
      },
      { op: 'addNode', node: { kind: 'expert', label: '周海', props: { attritionRisk: 3 } } },
    ]);
    store.addEdge({ kind: 'knows', source: ids[1]!, target: ids[0]!, props: { proficiency: 4 } });
    await expect
      .poll(() => page.evaluate(() => window.__wellspring!.engine!.cy.nodes().length))
      .toBe(before + 2);
    await expect
      .poll(() => page.evaluate(() => window.__wellspring!.engine!.cy.edges('[kind = "knows"]').length))
      .toBe(store.getGraph().edges.filter((e) => e.kind === 'knows').length);
    await shot(page, 'write-path-01-applied');

    // 3. Ctrl+Z twice in the page: the edge, then both nodes of the list go; the canvas follows.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.evaluate(() => window.__wellspring!.engine!.cy.nodes().length)).toBe(before);
    expect(store.findNode(ids[0]!)).toBeNull();
    expect(store.findNode(ids[1]!)).toBeNull();
    // The label edit is older and stays.
    expect(await labelOnCanvas(item.id)).toContain('新版');
    expect(requests).not.toContain('graph:get');
    expect(requests).not.toContain('graph:map');
    expect(errors).toEqual([]);
    await page.close();
  });
});
