import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi, mapIdle, nodeScreenPosition, openApp, shot, useAppInChromium } from './harness';

// Issue 9, items 4–5: saved views restore exactly what was saved (filters, camera, positions); they are renamed,
// reordered and deleted in the sidebar; presentation mode steps through them read-only and Esc leaves it.
const env = useAppInChromium();

interface Camera {
  zoom: number;
  pan: { x: number; y: number };
}
interface View {
  id: string;
  kind: string;
  name: string;
  order: number;
  filters: { categoryId?: string };
  layout: Record<string, unknown>;
  camera: Camera | null;
  positionCount: number;
}

const camera = (page: Page): Promise<Camera> =>
  page.evaluate(() => {
    const cy = window.__wellspring!.engine!.cy;
    return { zoom: cy.zoom(), pan: { ...cy.pan() } };
  });
const nodePos = (page: Page, id: string): Promise<{ x: number; y: number } | null> =>
  page.evaluate((nid) => {
    const n = window.__wellspring!.engine!.cy.getElementById(nid);
    return n.nonempty() ? { ...n.position() } : null;
  }, id);
const nodeIds = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    window
      .__wellspring!.engine!.cy.nodes('[kind]')
      .map((n) => n.id())
      .sort(),
  );
const savedViews = async (page: Page) =>
  (await callApi<View[]>(page, 'views:list', {})).filter((v) => v.kind === 'saved');

/** Relative difference of two cameras: the largest of zoom and pan (pan relative to the canvas size). */
async function cameraOff(page: Page, a: Camera, b: Camera): Promise<number> {
  const size = await page.evaluate(() => {
    const cy = window.__wellspring!.engine!.cy;
    return Math.max(cy.width(), cy.height());
  });
  return Math.max(
    Math.abs(a.zoom - b.zoom) / b.zoom,
    Math.abs(a.pan.x - b.pan.x) / size,
    Math.abs(a.pan.y - b.pan.y) / size,
  );
}

/** Drags node `id` by (dx, dy) screen px with the mouse. */
async function drag(page: Page, id: string, dx: number, dy: number): Promise<void> {
  const from = await nodeScreenPosition(page, id);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + (dx * i) / 8, from.y + (dy * i) / 8);
  await page.mouse.up();
}

/** A node of the map near the canvas centre (so drags stay on the canvas). */
const centralNode = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const cy = window.__wellspring!.engine!.cy;
    const c = { x: cy.width() / 2, y: cy.height() / 2 };
    const nodes = cy.nodes('[kind]').toArray();
    nodes.sort(
      (a, b) =>
        Math.hypot(a.renderedPosition().x - c.x, a.renderedPosition().y - c.y) -
        Math.hypot(b.renderedPosition().x - c.x, b.renderedPosition().y - c.y),
    );
    return nodes[0]!.id();
  });

async function zoomAt(page: Page, deltaY: number): Promise<void> {
  const box = (await page.getByTestId('map-canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.45);
  await page.mouse.wheel(0, deltaY);
  await page.waitForTimeout(300);
}

describe('saved views and presentation mode', () => {
  it('saves a filtered, zoomed, rearranged map and restores it exactly; renames, reorders, presents, deletes', async () => {
    const page = await env.chrome.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await openApp(page, env.app.server.url);
    await mapIdle(page);

    // 1. Filter the map to a category (the one with the most nodes the API keeps), pan/zoom, move a node.
    const categories = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLOptionElement>('[data-testid=filter-category] option')).map(
        (o) => o.value,
      ),
    );
    if (!categories.length) await page.locator('.map-toolbar button', { hasText: /筛选|Filters/ }).click();
    const options = await page
      .getByTestId('filter-category')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(options.length).toBeGreaterThan(0);
    let categoryId = options[0]!;
    let best = -1;
    for (const id of options) {
      const g = await callApi<{ nodes: unknown[] }>(page, 'graph:get', { filter: { categoryId: id } });
      if (g.nodes.length > best) [best, categoryId] = [g.nodes.length, id];
    }
    const filtered = (
      await callApi<{ nodes: Array<{ id: string }> }>(page, 'graph:get', { filter: { categoryId } })
    ).nodes
      .map((n) => n.id)
      .sort();
    await page.getByTestId('filter-category').selectOption(categoryId);
    await expect.poll(() => nodeIds(page)).toEqual(filtered);
    await mapIdle(page);
    await page.waitForTimeout(600);
    await zoomAt(page, -300);
    const moved = await centralNode(page);
    await drag(page, moved, 60, 40);
    const movedTo = (await nodePos(page, moved))!;
    const cam = await camera(page);

    // 2. Save it with a name (Ctrl+Shift+S opens the sidebar with the name field focused).
    await page.getByTestId('map-canvas').click({ position: { x: 3, y: 3 } });
    // The click may have nudged nothing: the camera is read again after it.
    const savedCam = await camera(page);
    expect(await cameraOff(page, savedCam, cam)).toBeLessThan(0.001);
    await page.keyboard.press('Control+Shift+S');
    await expect.poll(() => page.getByTestId('saved-views-panel').isVisible()).toBe(true);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('saved-view-name');
    await page.getByTestId('saved-view-name').fill('Category close-up');
    await page.getByTestId('saved-view-save').click();
    await expect.poll(async () => (await savedViews(page)).map((v) => v.name)).toEqual(['Category close-up']);
    const [saved] = await savedViews(page);
    expect(saved!.filters.categoryId).toBe(categoryId);
    expect(saved!.layout.savedFrom).toBe('map');
    expect(saved!.positionCount).toBe(filtered.length);
    expect(await cameraOff(page, saved!.camera!, savedCam)).toBeLessThan(1e-9);
    await shot(page, 'saved-views-01-saved');

    // 3. Change everything: no filter, another camera, the node elsewhere.
    await page.getByTestId('filter-category').selectOption('');
    await expect.poll(async () => (await nodeIds(page)).length).toBeGreaterThan(filtered.length);
    await mapIdle(page);
    await page.waitForTimeout(600);
    await zoomAt(page, 400);
    // Bring the node to the middle of the canvas, clear of the sidebar, at a zoom where it is not covered.
    await page.evaluate((id) => {
      const cy = window.__wellspring!.engine!.cy;
      cy.zoom(1.4);
      cy.center(cy.getElementById(id));
    }, moved);
    await drag(page, moved, -80, 50);
    const elsewhere = (await nodePos(page, moved))!;
    expect(Math.hypot(elsewhere.x - movedTo.x, elsewhere.y - movedTo.y)).toBeGreaterThan(20);
    expect(await cameraOff(page, await camera(page), savedCam)).toBeGreaterThan(0.05);

    // 4. Open the saved view: the filter, the camera (within 1 %) and the moved node's position come back.
    await page.getByTestId('saved-view-open').first().click();
    await expect.poll(() => nodeIds(page)).toEqual(filtered);
    await expect.poll(() => page.getByTestId('filter-category').inputValue()).toBe(categoryId);
    await expect.poll(async () => cameraOff(page, await camera(page), savedCam)).toBeLessThan(0.01);
    await expect
      .poll(async () => {
        const p = (await nodePos(page, moved))!;
        return Math.hypot(p.x - movedTo.x, p.y - movedTo.y);
      })
      .toBeLessThan(0.5);
    // It stays so (no late re-fit or layout undoes it).
    await page.waitForTimeout(800);
    expect(await cameraOff(page, await camera(page), savedCam)).toBeLessThan(0.01);
    await shot(page, 'saved-views-02-restored');

    // 5. Rename inline.
    await page.getByTestId('saved-view-rename').first().click();
    await page.getByTestId('saved-view-rename-input').fill('Close-up, renamed');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await savedViews(page)).map((v) => v.name)).toEqual(['Close-up, renamed']);
    await expect
      .poll(() => page.getByTestId('saved-view-open').first().textContent())
      .toContain('Close-up, renamed');

    // 6. A second view (whole map, another camera); reorder with ↓ so it comes first.
    await page.getByTestId('filter-category').selectOption('');
    await expect.poll(async () => (await nodeIds(page)).length).toBeGreaterThan(filtered.length);
    await mapIdle(page);
    await page.waitForTimeout(600);
    await zoomAt(page, 250);
    const secondCam = await camera(page);
    await page.getByTestId('saved-view-name').fill('Whole map');
    await page.getByTestId('saved-view-save').click();
    await expect
      .poll(async () => (await savedViews(page)).map((v) => v.name))
      .toEqual(['Close-up, renamed', 'Whole map']);
    await page.getByTestId('saved-view-down').first().click();
    await expect
      .poll(async () => (await savedViews(page)).map((v) => v.name))
      .toEqual(['Whole map', 'Close-up, renamed']);
    await expect
      .poll(() => page.getByTestId('saved-view-open').locator('.sv-name').allTextContents())
      .toEqual(['Whole map', 'Close-up, renamed']);
    await page.getByTestId('saved-view-up').nth(1).click();
    await expect
      .poll(async () => (await savedViews(page)).map((v) => v.name))
      .toEqual(['Close-up, renamed', 'Whole map']);
    await shot(page, 'saved-views-03-sidebar');

    // 7. Present both (F5): the overlay shows the first, → moves the camera to the second, read-only, Esc leaves.
    await page.getByTestId('map-canvas').click({ position: { x: 3, y: 3 } });
    await page.keyboard.press('F5');
    const overlay = page.getByTestId('presentation-overlay');
    await expect.poll(() => overlay.isVisible()).toBe(true);
    await expect.poll(() => overlay.getAttribute('data-ready')).toBe('true');
    await expect.poll(() => page.getByTestId('presentation-title').textContent()).toBe('Close-up, renamed');
    await expect.poll(() => nodeIds(page)).toEqual(filtered);
    await expect.poll(() => page.locator('.nav-rail').isVisible()).toBe(false);
    await expect.poll(() => page.locator('.map-toolbar').isVisible()).toBe(false);
    const firstCam = await camera(page);
    await shot(page, 'saved-views-04-presenting-first');

    // Read-only: dragging a node does not move it.
    const still = await centralNode(page);
    const before = (await nodePos(page, still))!;
    await drag(page, still, 90, 60);
    const after = (await nodePos(page, still))!;
    expect(Math.hypot(after.x - before.x, after.y - before.y)).toBeLessThan(0.01);

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => overlay.getAttribute('data-index')).toBe('1');
    await expect.poll(() => overlay.getAttribute('data-ready')).toBe('true');
    await expect.poll(() => page.getByTestId('presentation-title').textContent()).toBe('Whole map');
    await expect.poll(async () => (await nodeIds(page)).length).toBeGreaterThan(filtered.length);
    const nowCam = await camera(page);
    expect(await cameraOff(page, nowCam, firstCam)).toBeGreaterThan(0.01);
    // The canvas is larger now (no chrome): the saved picture is centred on the same model point and scaled up.
    const second = (await savedViews(page)).find((v) => v.name === 'Whole map')!;
    const was = second.layout.canvas as { width: number; height: number };
    expect(await cameraOff(page, second.camera!, secondCam)).toBeLessThan(1e-9);
    const now = await page.evaluate(() => {
      const cy = window.__wellspring!.engine!.cy;
      return { width: cy.width(), height: cy.height() };
    });
    expect(now.width).toBeGreaterThan(was.width);
    const centre = (c: Camera, size: { width: number; height: number }) => ({
      x: (size.width / 2 - c.pan.x) / c.zoom,
      y: (size.height / 2 - c.pan.y) / c.zoom,
    });
    const [a, b] = [centre(nowCam, now), centre(secondCam, was)];
    const modelWidth = was.width / secondCam.zoom;
    expect(Math.hypot(a.x - b.x, a.y - b.y) / modelWidth).toBeLessThan(0.01);
    expect(nowCam.zoom).toBeGreaterThanOrEqual(secondCam.zoom);
    await shot(page, 'saved-views-05-presenting-second');

    await page.keyboard.press('Escape');
    await expect.poll(() => overlay.isVisible()).toBe(false);
    await expect.poll(() => page.locator('.nav-rail').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.map-toolbar').isVisible()).toBe(true);

    // 8. Delete (after a confirm).
    await page.getByTestId('saved-views-toggle').click();
    await expect.poll(() => page.getByTestId('saved-views-panel').isVisible()).toBe(true);
    await page.getByTestId('saved-view-delete').first().click();
    await page.getByTestId('saved-view-confirm-delete').click();
    await expect.poll(async () => (await savedViews(page)).map((v) => v.name)).toEqual(['Whole map']);
    await expect.poll(() => page.getByTestId('saved-view-row').count()).toBe(1);
    await page.close();
  });
});
