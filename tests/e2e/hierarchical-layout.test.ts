import { describe, expect, it } from 'vitest';
import { layoutWith, mapIdle, openApp, shot, useAppInChromium } from './harness';

// Issue #6: the hierarchical layout (dagre) turned the sample's 227 nodes into a 2228 × 10443 px strip shown at
// zoom 0.07, where no label is drawn.
const env = useAppInChromium();

type Box = { id: string; x1: number; y1: number; x2: number; y2: number };

describe('hierarchical layout of the whole map', () => {
  it('fits the sample into the window with labels drawn at the fit zoom', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page, env.app.server.url);
    await mapIdle(page);
    await layoutWith(page, 'Alt+2');
    await page.waitForTimeout(300); // a frame for level of detail to pick the labels for this zoom
    const m = await page.evaluate(() => {
      const engine = window.__wellspring!.engine!;
      const cy = engine.cy;
      const boxes = (engine as unknown as { labelledBoxes(): Box[] }).labelledBoxes();
      const x1 = Math.min(...boxes.map((b) => b.x1));
      const x2 = Math.max(...boxes.map((b) => b.x2));
      const y1 = Math.min(...boxes.map((b) => b.y1));
      const y2 = Math.max(...boxes.map((b) => b.y2));
      const zoom = cy.zoom();
      // Drawn: Cytoscape draws a label when it has text and its font is at least min-zoomed-font-size on screen.
      const drawn = cy.nodes().filter((n) => {
        const text = String(n.style('label') ?? '');
        const font = parseFloat(n.style('font-size'));
        const min = parseFloat(n.style('min-zoomed-font-size'));
        return text.length > 0 && font * zoom >= min && Number(n.style('text-opacity')) > 0;
      });
      const overlaps = boxes.filter((a, i) =>
        boxes.slice(i + 1).some((b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2),
      ).length;
      return {
        w: x2 - x1,
        h: y2 - y1,
        zoom,
        drawn: drawn.length,
        nodes: cy.nodes().length,
        overlaps,
        canvas: { w: cy.width(), h: cy.height() },
        extent: cy.extent(),
        box: { x1, y1, x2, y2 },
      };
    });
    await shot(page, 'hierarchical-01-sample-fit');
    expect(m.nodes).toBe(env.app.workspace.store.stats().nodeTotal);
    // The bounding box (labels included) is no strip: between 1:2 and 2:1.
    expect(m.w / m.h).toBeGreaterThan(0.5);
    expect(m.w / m.h).toBeLessThan(2);
    // Fit to the canvas shows all of it…
    expect(m.extent.x1).toBeLessThanOrEqual(m.box.x1);
    expect(m.extent.x2).toBeGreaterThanOrEqual(m.box.x2);
    expect(m.extent.y1).toBeLessThanOrEqual(m.box.y1);
    expect(m.extent.y2).toBeGreaterThanOrEqual(m.box.y2);
    // …at a zoom five times the old 0.07, with labels drawn, and no labelled box on top of another. (The fit keeps
    // clear of the legend and the zoom buttons, which costs some zoom: 18 labels at 1440 × 900 when this was set.)
    expect(m.zoom).toBeGreaterThan(0.35);
    expect(m.drawn).toBeGreaterThanOrEqual(15);
    expect(m.overlaps).toBe(0);
    // The new positions are the stored ones.
    await expect.poll(() => env.app.workspace.store.getGraph().nodes.every((n) => n.x !== null)).toBe(true);
    // Later layouts still run (loading ELK in the worker once took over the worker's message handler).
    const hierarchical = await page.evaluate(() =>
      window.__wellspring!.engine!.cy.nodes().map((n) => [n.id(), n.position('x'), n.position('y')]),
    );
    await layoutWith(page, 'Alt+3');
    await layoutWith(page, 'Alt+2');
    expect(
      await page.evaluate(() =>
        window.__wellspring!.engine!.cy.nodes().map((n) => [n.id(), n.position('x'), n.position('y')]),
      ),
    ).toEqual(hierarchical);
    await layoutWith(page, 'Alt+1');
    expect(await page.locator('.map-overlay.progress').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
