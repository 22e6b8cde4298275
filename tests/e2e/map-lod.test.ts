import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mapIdle, openApp, useAppInChromium } from './harness';

// Issue 12: zoomed out below the low-detail zoom (level-of-detail.ts, LOW_DETAIL_ZOOM 0.5) the drawn labels lose
// their outline; zoomed in they have it again; both keep their line breaks. Switching moves no node.
const env = useAppInChromium();

/** Cytoscape's parsed style of an element (`pstyle`, public since 3.x but missing from its typings). */
type Styled = { pstyle(name: string): { strValue: string; pfValue: number } };

/** Outline width (model px) and text-wrap of every node whose label is drawn, with all node positions. */
function labelStyles(page: Page) {
  return page.evaluate(() => {
    const cy = window.__wellspring!.engine!.cy;
    const labelled = cy
      .nodes()
      .filter((n) => !!(n as unknown as Styled).pstyle('label').strValue)
      .map((n) => {
        const s = n as unknown as Styled;
        return {
          id: n.id(),
          outline: s.pstyle('text-outline-width').pfValue,
          wrap: s.pstyle('text-wrap').strValue,
        };
      });
    const positions = Object.fromEntries(cy.nodes().map((n) => [n.id(), n.position()]));
    return { zoom: cy.zoom(), labelled, positions };
  });
}

/** Zooms about the canvas centre to `level` in one step, as a programmatic move does. */
function zoomTo(page: Page, level: number) {
  return page.evaluate((z) => {
    const cy = window.__wellspring!.engine!.cy;
    cy.zoom({ level: z, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }, level);
}

describe('map level of detail at low zoom (issue 12)', () => {
  it('drops label outlines zoomed out, keeps line breaks, restores outlines zoomed in, and moves no node', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page, env.app.server.url);
    await mapIdle(page);
    // A selected node pins its neighbourhood's labels, so labels are drawn at any zoom.
    const selected = await page.evaluate(() => {
      const cy = window.__wellspring!.engine!.cy;
      const n = cy.nodes('[kind]').max((m) => m.degree(false)).ele;
      n.select();
      return n.id();
    });
    const before = await labelStyles(page);

    await zoomTo(page, 0.25);
    await expect
      .poll(async () => {
        const s = await labelStyles(page);
        return s.labelled.length > 0 && s.labelled.every((l) => l.outline === 0 && l.wrap === 'wrap');
      })
      .toBe(true);
    const low = await labelStyles(page);
    expect(low.zoom).toBeCloseTo(0.25, 5);
    expect(low.labelled.map((l) => l.id)).toContain(selected);

    await zoomTo(page, 2);
    await expect
      .poll(async () => {
        const s = await labelStyles(page);
        return s.labelled.length > 0 && s.labelled.every((l) => l.outline > 0 && l.wrap === 'wrap');
      })
      .toBe(true);
    const high = await labelStyles(page);
    expect(high.labelled.map((l) => l.id)).toContain(selected);

    // Model positions are the same before, at low and at high zoom.
    expect(low.positions).toEqual(before.positions);
    expect(high.positions).toEqual(before.positions);
    expect(errors).toEqual([]);
    await page.close();
  });
});
