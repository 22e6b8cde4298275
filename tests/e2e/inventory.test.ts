// The knowledge inventory dashboard (issue 8 item 5) on the sample workspace, in Chromium: the totals equal what
// the store holds (counted here from graph:get) and what inventory:summary says; a real click on a chart bar
// (its position computed from the chart's fixed grid, renderer/src/features/inventory/chart-layout.ts) opens the
// list behind it, whose rows are inventory:list's; a bucket button does the same by keyboard; the list exports a
// CSV with a BOM and one line per row; a chart's SVG carries its title, count date and legend (at most three
// "saved" toasts show at once); a row shows its node on the map; a new empty workspace shows the empty
// state. Screenshots in both languages and the dark theme go to test-results/e2e/.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NODE_PROPS,
  type GraphDto,
  type InventoryItem,
  type InventorySummary,
  type InventoryTrend,
} from '../../preload/contract';
import { HORIZONTAL_GRID, horizontalChartHeight } from '../../renderer/src/features/inventory/chart-layout';
import { openApp, shot, useAppInChromium, callApi } from './harness';

const env = useAppInChromium();

const api = callApi;

async function openInventory(page: Page): Promise<void> {
  await openApp(page, env.app.server.url);
  await page.getByTestId('nav-inventory').click();
  await page.getByTestId('chart-kind').waitFor();
}

/** The number shown on a total card. */
const total = async (page: Page, id: string) =>
  Number(await page.getByTestId(`total-${id}-value`).textContent());

/** The ids of the list's rows as drawn (the table is virtualised: the rows in view, in order). */
const drawnRowIds = (page: Page) =>
  page
    .getByTestId('inventory-table-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-id')!));

/**
 * Checks that the open list is inventory:list of `facet`/`key`: the count says so, the table has that many rows
 * (aria-rowcount), and the rows drawn are the list's first rows in the core's order.
 */
async function expectListOf(page: Page, facet: string, key: string | null): Promise<InventoryItem[]> {
  const items = await api<InventoryItem[]>(page, 'inventory:list', { facet, key });
  await expect
    .poll(() => page.getByTestId('inventory-table').getAttribute('aria-rowcount'))
    .toBe(String(items.length));
  await expect
    .poll(() => page.getByTestId('inventory-list-count').textContent())
    .toContain(String(items.length));
  const drawn = await drawnRowIds(page);
  expect(drawn.length).toBeGreaterThan(0);
  expect(drawn).toEqual(items.slice(0, drawn.length).map((i) => i.id));
  return items;
}

/**
 * A point on bar `i` of `n` on a bar chart's canvas, in page px, from the grid margins the chart is drawn with
 * (bars lie down, first bucket on top): 3 px right of the value axis, on the row's centre line.
 */
async function barPoint(page: Page, facet: string, i: number, n: number): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId(`canvas-${facet}`).boundingBox())!;
  expect(box.height).toBe(horizontalChartHeight(n));
  const g = HORIZONTAL_GRID;
  const h = box.height - g.top - g.bottom;
  return { x: box.x + g.left + 3, y: box.y + g.top + (h * (i + 0.5)) / n };
}

describe('knowledge inventory dashboard', () => {
  it('shows the totals the store holds, in both languages and the dark theme', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openInventory(page);

    // Counted here from the whole graph, as the knowledge manager would count by hand.
    const graph = await api<GraphDto>(page, 'graph:get', {});
    const ofKind = (k: string) => graph.nodes.filter((n) => n.kind === k);
    const knowledge = ofKind('knowledge');
    const explicit = knowledge.filter((n) => n.props.form === 'explicit').length;
    const tacit = knowledge.filter((n) => n.props.form === 'tacit').length;
    expect(knowledge.length).toBeGreaterThan(10);
    expect(tacit).toBeGreaterThan(0);

    const summary = await api<InventorySummary>(page, 'inventory:summary', {});
    const bucket = (buckets: InventorySummary['byKind'], key: string) =>
      buckets.find((b) => b.key === key)?.count ?? 0;
    expect(summary.knowledgeItems).toBe(knowledge.length);
    expect(bucket(summary.byForm, 'explicit')).toBe(explicit);
    expect(bucket(summary.byForm, 'tacit')).toBe(tacit);

    await expect.poll(() => total(page, 'knowledge')).toBe(knowledge.length);
    expect(await total(page, 'explicit')).toBe(explicit);
    expect(await total(page, 'tacit')).toBe(tacit);
    expect(await total(page, 'experts')).toBe(ofKind('expert').length);
    expect(await total(page, 'documents')).toBe(ofKind('document').length);
    expect(await total(page, 'processes')).toBe(ofKind('process').length);
    expect(await total(page, 'competencies')).toBe(ofKind('competency').length);

    // Every kind bucket's button shows the store's count of that kind.
    for (const b of summary.byKind) {
      const button = page.locator(`[data-testid=bucket][data-facet=kind][data-key="${b.key}"]`);
      expect(await button.locator('.inv-bucket-count').textContent()).toBe(String(ofKind(b.key!).length));
    }
    // The health buttons are the summary's, translated.
    const health = page.locator('[data-testid=bucket][data-facet=health]');
    expect(await health.count()).toBe(summary.health.length);
    expect(await health.allTextContents()).toContain(`单人掌握 ${bucket(summary.health, 'single-holder')}`);

    // The trend ends with this week's counts and says since when the history is kept.
    const trend = await api<InventoryTrend>(page, 'inventory:trend', { weeks: 26 });
    expect(trend.points.at(-1)?.knowledge).toBe(knowledge.length);
    expect(await page.getByTestId('trend-note').textContent()).toMatch(/历史记录|尚无历史/);

    // Charts are drawn (a canvas with pixels), not left empty.
    for (const facet of ['kind', 'category', 'form', 'existence', 'owner', 'seci', 'health', 'trend']) {
      const painted = await page
        .getByTestId(`canvas-${facet}`)
        .locator('canvas')
        .first()
        .evaluate((c: HTMLCanvasElement) => {
          const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let n = 0;
          for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
          return n;
        });
      expect(painted, facet).toBeGreaterThan(1000);
    }
    await shot(page, '80-inventory-zh');
    await page.getByTestId('chart-trend').scrollIntoViewIfNeeded();
    await shot(page, '80-inventory-zh-lower');

    await page.locator('.inv-dashboard').evaluate((el) => el.scrollTo(0, 0));
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.getByTestId('chart-kind').locator('h3').textContent()).toBe('Nodes by kind');
    expect(await page.getByTestId('total-tacit').textContent()).toContain('Tacit');
    await page.waitForTimeout(1000);
    await shot(page, '81-inventory-en');
    await page.getByTestId('theme').selectOption('dark');
    await page.waitForTimeout(1000);
    await shot(page, '82-inventory-en-dark');
    await page.getByTestId('total-tacit').click();
    await expect.poll(() => page.getByTestId('inventory-list-title').textContent()).toBe('Totals: Tacit');
    await page.getByTestId('inventory-table-row').first().waitFor();
    await shot(page, '82-inventory-list-en-dark');
    await page.getByTestId('inventory-list-close').click();
    await page.getByTestId('theme').selectOption('light');
    await page.getByTestId('language').selectOption('zh-CN');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a click on a chart bar opens the list behind it; a bucket button by keyboard too; CSV export; a row goes to the map', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openInventory(page);
    const summary = await api<InventorySummary>(page, 'inventory:summary', {});

    // A real click on the canvas, on the knowledge bar of the (horizontal) kind chart.
    const kinds = summary.byKind;
    const k = kinds.findIndex((b) => b.key === 'knowledge');
    expect(k).toBeGreaterThanOrEqual(0);
    const p = await barPoint(page, 'kind', k, kinds.length);
    await page.mouse.click(p.x, p.y);
    await expect
      .poll(() => page.getByTestId('inventory-list-title').textContent())
      .toBe('按节点类型：知识条目');
    const items = await expectListOf(page, 'kind', 'knowledge');
    expect(items).toHaveLength(summary.knowledgeItems);
    await page.waitForTimeout(300);
    await shot(page, '83-inventory-list-kind');
    // The open list's title follows a change of language.
    await page.getByTestId('language').selectOption('en');
    await expect
      .poll(() => page.getByTestId('inventory-list-title').textContent())
      .toBe('Nodes by kind: Knowledge item');
    await page.getByTestId('language').selectOption('zh-CN');
    await expect
      .poll(() => page.getByTestId('inventory-list-title').textContent())
      .toBe('按节点类型：知识条目');

    // A slice of the form donut (ECharts starts at 12 o'clock and goes clockwise; radius 36–60 % of half the
    // smaller side): the middle of the explicit slice, at 48 % of the half side.
    await page.getByTestId('chart-form').scrollIntoViewIfNeeded();
    const forms = summary.byForm;
    const all = forms.reduce((n, f) => n + f.count, 0);
    const fi = forms.findIndex((f) => f.key === 'explicit');
    const before = forms.slice(0, fi).reduce((n, f) => n + f.count, 0);
    const mid = ((before + forms[fi]!.count / 2) / all) * 2 * Math.PI;
    const donut = (await page.getByTestId('canvas-form').boundingBox())!;
    const r = 0.48 * (Math.min(donut.width, donut.height) / 2);
    await page.mouse.click(
      donut.x + donut.width / 2 + r * Math.sin(mid),
      donut.y + donut.height / 2 - r * Math.cos(mid),
    );
    await expect.poll(() => page.getByTestId('inventory-list-title').textContent()).toBe('按形态：显性');
    expect(await expectListOf(page, 'form', 'explicit')).toHaveLength(forms[fi]!.count);

    // Another chart: the single-holder bar of the health chart.
    await page.getByTestId('chart-health').scrollIntoViewIfNeeded();
    const h = summary.health.findIndex((b) => b.key === 'single-holder');
    expect(summary.health[h]!.count).toBeGreaterThan(0);
    const q = await barPoint(page, 'health', h, summary.health.length);
    await page.mouse.click(q.x, q.y);
    await expect
      .poll(() => page.getByTestId('inventory-list-title').textContent())
      .toBe('健康状况：单人掌握');
    const single = await expectListOf(page, 'health', 'single-holder');
    expect(single).toHaveLength(summary.health[h]!.count);
    // Every row drawn carries its health badge.
    const badges = await page
      .getByTestId('inventory-table-row')
      .locator('[data-col=health]')
      .allTextContents();
    for (const b of badges) expect(b).toContain('单人掌握');
    await shot(page, '84-inventory-list-health');

    // By keyboard: focus the "unowned" button of the owner chart, Enter opens that list.
    const unowned = page.locator('[data-testid=bucket][data-facet=owner][data-key="__none__"]');
    // The owners chart draws the top 10, then "others" (the rest summed), then "unowned"; a click on the others
    // bar lists every owner as a button (the unowned one is the 11th button, hidden until then).
    const named = summary.byOwner.filter((o) => o.key !== null);
    expect(named.length).toBeGreaterThan(11);
    const bars = 10 + 1 + (summary.byOwner.length - named.length);
    await page.getByTestId('chart-owner').scrollIntoViewIfNeeded();
    expect(await unowned.count()).toBe(0);
    const o = await barPoint(page, 'owner', 10, bars);
    await page.mouse.click(o.x, o.y);
    await expect.poll(() => page.getByTestId('chart-owner').locator('[aria-expanded=true]').count()).toBe(1);
    expect(await page.locator('[data-testid=bucket][data-facet=owner]').count()).toBe(summary.byOwner.length);
    await unowned.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => unowned.getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() => page.getByTestId('inventory-list-title').textContent())
      .toBe('按负责人：无负责人');
    const unownedCount = summary.byOwner.find((b) => b.key === null)!.count;
    expect((await expectListOf(page, 'owner', null)).length).toBe(unownedCount);

    // Back to the tacit list (a total card), and export it: a CSV with the BOM, a header and one line per row.
    await page.getByTestId('total-tacit').click();
    const tacit = await expectListOf(page, 'form', 'tacit');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('inventory-list').getByTestId('export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(tacit.length + 1);
    for (const item of tacit)
      expect(
        lines.some((l) => l.includes(item.label)),
        item.label,
      ).toBe(true);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('inventory-list').getByTestId('export-xlsx').click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

    // A chart as SVG: a standalone SVG document with the translated labels as text.
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('svg-kind').click()]);
    const svgText = fs.readFileSync((await svg.path())!, 'utf8');
    expect(svgText).toMatch(/^<svg/);
    expect(svgText).toContain('知识条目');
    // It stands on its own: the chart's title, the count date as the dashboard shows it.
    const asOf = (await page.getByTestId('inventory-as-of').textContent())!;
    expect(svgText).toContain(
      `>${(await page.getByTestId('chart-kind').locator('h3').textContent())!}</text>`,
    );
    expect(svgText).toContain(asOf);
    // The donut's export carries its legend (the slices' names and counts); the trend's its title too.
    const [donutSvg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('svg-form').click(),
    ]);
    const donutText = fs.readFileSync((await donutSvg.path())!, 'utf8');
    expect(donutText).toContain('class="chart-legend"');
    for (const b of summary.byForm.filter((x) => x.count > 0))
      expect(donutText).toMatch(new RegExp(`>[^<]* ${b.count}</text>`));
    const [trendSvg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('svg-trend').click(),
    ]);
    const trendText = fs.readFileSync((await trendSvg.path())!, 'utf8');
    expect(trendText).toContain(
      `>${(await page.getByTestId('chart-trend').locator('h3').textContent())!}</text>`,
    );
    expect(trendText).toContain(asOf);
    // One more export: four "saved" toasts pushed, at most three shown, the newest last.
    await Promise.all([page.waitForEvent('download'), page.getByTestId('svg-kind').click()]);
    await expect.poll(() => page.locator('.toast').count()).toBeLessThanOrEqual(3);
    expect(await page.locator('.toast').last().textContent()).toContain('inventory-kind.svg');

    // Escape closes the list; a row (Enter on the first) shows its node on the map, selected.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('inventory-list').count()).toBe(0);
    await page.getByTestId('total-tacit').click();
    await expectListOf(page, 'form', 'tacit');
    await page.getByTestId('inventory-table-body').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        page.evaluate(() => window.__wellspring?.engine?.cy.$(':selected').map((n) => n.id()) ?? []),
      )
      .toContain(tacit[0]!.id);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a new empty workspace shows the empty state, then counts a knowledge item added', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openInventory(page);
    await api(page, 'workspace:create', {
      path: path.join(env.app.dataDir, 'empty.wellspring'),
      sample: false,
    });
    await page.getByTestId('inventory-empty').waitFor();
    expect(await total(page, 'knowledge')).toBe(0);
    expect(await page.getByTestId('inventory-empty').textContent()).toContain('还没有可盘点的知识');
    await shot(page, '85-inventory-empty');
    // Live: a knowledge item written elsewhere is counted without a reload.
    await api(page, 'graph:add-node', {
      kind: 'knowledge',
      label: '新知识条目',
      props: { ...DEFAULT_NODE_PROPS.knowledge, form: 'tacit', existence: 'person' },
    });
    await expect.poll(() => total(page, 'knowledge')).toBe(1);
    expect(await total(page, 'tacit')).toBe(1);
    await page.getByTestId('chart-kind').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
