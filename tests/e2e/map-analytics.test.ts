import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mapIdle, openApp, shot, useAppInChromium } from './harness';
import { BAND_COLOURS } from '../../renderer/src/ui/strength-bands';
import { NEUTRAL_COLOUR } from '../../renderer/src/features/map/engine/node-encoding';

const env = useAppInChromium();

/** Model positions of every node, by id. */
function positions(page: Page) {
  return page.evaluate(() =>
    Object.fromEntries(
      window
        .__wellspring!.engine!.cy.nodes('[kind]')
        .map((n) => [n.id(), [n.position('x'), n.position('y')]]),
    ),
  );
}

/** The map's analytics in the page: size by centrality, colour by community, kept with the view. */
describe('map analytics in Chromium', () => {
  it('sizes nodes by betweenness and colours them by Louvain community without moving any node', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page, env.app.server.url);
    await mapIdle(page);
    const before = await positions(page);
    const metrics = await env.app.workspace.metrics.mapMetrics();
    const top = Object.entries(metrics.betweenness).sort((a, b) => b[1] - a[1])[0]![0];

    // Size by betweenness: the most-between node is drawn largest.
    await page.getByTestId('size-by').selectOption('betweenness');
    await expect
      .poll(() =>
        page.evaluate((id) => {
          const cy = window.__wellspring!.engine!.cy;
          const widths = cy.nodes('[kind]').map((n) => [n.id(), n.width()] as const);
          const max = Math.max(...widths.map(([, w]) => w));
          return widths
            .filter(([, w]) => w === max)
            .map(([i]) => i)
            .includes(id);
        }, top),
      )
      .toBe(true);

    // Colour by community: one colour per community (Tableau 10 repeats past ten), the same within a community.
    await page.getByTestId('colour-by').selectOption('community');
    await expect.poll(() => page.getByTestId('legend-communities').textContent()).toContain('社群 1');
    const fills = await page.evaluate(() =>
      Object.fromEntries(
        window
          .__wellspring!.engine!.cy.nodes('[kind]')
          .map((n) => [n.id(), n.style('background-color') as string]),
      ),
    );
    const colourOf = new Map<number, string>();
    for (const [id, c] of Object.entries(metrics.community)) {
      const seen = colourOf.get(c % 10);
      if (seen) expect(fills[id], id).toBe(seen);
      else colourOf.set(c % 10, fills[id]!);
    }
    expect(new Set(colourOf.values()).size).toBe(Math.min(10, metrics.communityCount));
    // Fit keeps the map clear of the legend, tall now with its communities, and of the zoom buttons.
    await page.getByRole('button', { name: '适应窗口', exact: true }).first().click();
    await expect.poll(() => page.evaluate(() => window.__wellspring!.engine!.cy.animated())).toBe(false);
    const covered = await page.evaluate(() => {
      const cy = window.__wellspring!.engine!.cy;
      const c = cy.container()!.getBoundingClientRect();
      const boxes = ['[data-testid=legend]', '.zoom-controls'].map((s) =>
        document.querySelector(s)!.getBoundingClientRect(),
      );
      return cy.nodes('[kind]').filter((n) => {
        const p = n.renderedPosition();
        return boxes.some(
          (b) =>
            c.left + p.x >= b.left &&
            c.left + p.x <= b.right &&
            c.top + p.y >= b.top &&
            c.top + p.y <= b.bottom,
        );
      }).length;
    });
    expect(covered).toBe(0);
    await shot(page, 'analytics-01-betweenness-community');

    // Nothing moved, and the choice is kept with the map view: a reload shows it again.
    expect(await positions(page)).toEqual(before);
    expect(env.app.workspace.views.get('map').layout).toMatchObject({
      sizeBy: 'betweenness',
      colourBy: 'community',
    });
    await page.reload();
    await mapIdle(page);
    await expect.poll(() => page.getByTestId('size-by').inputValue()).toBe('betweenness');
    expect(await page.getByTestId('colour-by').inputValue()).toBe('community');

    // Colour by knowledge strength: knowledge items and steps in their band's colour (the pipeline's), the rest grey.
    await page.getByTestId('colour-by').selectOption('strength');
    await expect.poll(() => page.getByTestId('legend-strength').textContent()).toContain('弱');
    const bands = new Map(
      [...env.app.workspace.knowledge.itemStrengths(), ...env.app.workspace.knowledge.stepStrengths()].map(
        (x) => [x.id, x.band],
      ),
    );
    const fillOf = () =>
      page.evaluate(() =>
        Object.fromEntries(
          window
            .__wellspring!.engine!.cy.nodes('[kind]')
            .map((n) => [
              n.id(),
              { kind: n.data('kind') as string, fill: n.style('background-color') as string },
            ]),
        ),
      );
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',')})`;
    await expect
      .poll(async () => {
        const f = await fillOf();
        return Object.entries(f).every(([id, { fill }]) => {
          const band = bands.get(id);
          return fill.replaceAll(' ', '') === rgb(band ? BAND_COLOURS[band].fill : NEUTRAL_COLOUR);
        });
      })
      .toBe(true);
    const seen = new Set([...bands.values()]);
    expect(seen.has('weak') && seen.has('strong')).toBe(true);
    await shot(page, 'analytics-02-strength');
    expect(errors).toEqual([]);
    await page.close();
  });
});
