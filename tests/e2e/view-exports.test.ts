import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Download, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { callApi as api, openApp, shot, useAppInChromium } from './harness';

// Issue 9.6 in the app: the Export menu of the core-competence diagram (a drill level), the pipeline and the
// map gives PNG at 2× (title, legend, date), SVG with the labels as text, PDF through the print stylesheet (in
// browser mode the print dialog; here Chromium's own print-media PDF of the page stands in for "Save as PDF"),
// and the offline HTML snapshot, which then opens from file:// with the network off and inspects a click.

const env = useAppInChromium();

interface Diagram {
  breadcrumbs: Array<{ id: string; label: string }>;
  nodes: Array<{ id: string; kind: string; label: string; ring: number }>;
}

/** Picks `format` from the Export menu `testId`, by keyboard (↓ opens it, ↓ moves, Enter picks). */
async function pickByKeyboard(page: Page, testId: string, format: 'png' | 'svg' | 'pdf' | 'html') {
  await page.getByTestId(testId).focus();
  await page.keyboard.press('ArrowDown');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
    .toBe(`${testId}-png`);
  for (let i = 0; i < ['png', 'svg', 'pdf', 'html'].indexOf(format); i++)
    await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

const saved = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-view-exports-'));
afterAll(() => fs.rmSync(saved, { recursive: true, force: true }));

/** Runs `pick` and waits for the download it starts, saved under its suggested name; its path and that name. */
async function download(page: Page, pick: () => Promise<void>): Promise<{ file: string; name: string }> {
  const [d] = (await Promise.all([page.waitForEvent('download'), pick()])) as [Download, void];
  const file = path.join(saved, d.suggestedFilename());
  await d.saveAs(file);
  return { file, name: d.suggestedFilename() };
}

/** Strict image/svg+xml parse in the page: a parse error, the root's size and every <text>. */
function parseSvg(page: Page, svg: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      texts: Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent ?? ''),
    };
  }, svg);
}

const pdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
const day = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('exports of the views from the app', () => {
  it('the competency drill level: SVG with its labels as text, PNG at 2×, PDF on one page, offline HTML', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 1500, height: 900 });
    await openApp(page, env.app.server.url);
    await page.getByTestId('nav-competencies').click();
    await page.getByTestId('competencies-view').waitFor();
    const core = await api<Diagram>(page, 'competencies:diagram', {});
    const cm = core.nodes.find((n) => n.label === '客户与市场能力')!;
    // Drill in as a user does: click the node on the canvas, once the core level is drawn and still.
    const level = await api<Diagram>(page, 'competencies:diagram', { focusId: cm.id });
    type Engine = {
      settled(): Promise<void>;
      snapshot(): { nodes: Array<{ id: string; rx: number; ry: number }> };
    };
    const drawnAt = () =>
      page.evaluate(async (id) => {
        const e = (window as unknown as { __wellspringCompetencies?: { engine: Engine | null } })
          .__wellspringCompetencies?.engine;
        if (!e) return null;
        await e.settled();
        return e.snapshot().nodes.find((n) => n.id === id) ?? null;
      }, cm.id);
    await expect.poll(drawnAt).not.toBeNull();
    const at = (await drawnAt())!;
    const box = (await page.getByTestId('competency-canvas').boundingBox())!;
    await page.mouse.click(box.x + at.rx, box.y + at.ry);
    await expect.poll(() => page.getByTestId('breadcrumb-current').textContent()).toBe('客户与市场能力');
    const subs = level.nodes.filter((n) => n.kind === 'competency' && n.ring === 1).map((n) => n.label);
    expect(subs.length).toBeGreaterThanOrEqual(2);

    // SVG: parses; the level's labels, the title (workspace · 能力 · breadcrumbs · date) and the legend are text.
    const svg = await download(page, () => pickByKeyboard(page, 'competency-export', 'svg'));
    expect(svg.name).toBe(`wellspring-competencies-客户与市场能力-${day()}.svg`);
    const svgText = fs.readFileSync(svg.file, 'utf8');
    const parsed = await parseSvg(page, svgText);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.texts).toContain('客户与市场能力');
    for (const s of subs) expect(parsed.texts.some((t) => t === s || t.startsWith(s.slice(0, 6)))).toBe(true);
    const title = parsed.texts.find((t) => t.startsWith('锦绣服饰知识地图 · 能力 · '))!;
    expect(title).toMatch(/ › 客户与市场能力 · \d{4}年\d{1,2}月\d{1,2}日$/);
    for (const band of ['低于目标', '差一级以内', '达到目标', '无支撑知识'])
      expect(parsed.texts).toContain(band);
    await expect.poll(() => page.locator('.toast').last().textContent()).toContain(svg.name);

    // PNG: twice the SVG's size in each direction.
    const png = await download(page, async () => {
      await page.getByTestId('competency-export').click();
      await page.getByTestId('competency-export-png').click();
    });
    const bytes = fs.readFileSync(png.file);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([
      Math.ceil(parsed.width * 2),
      Math.ceil(parsed.height * 2),
    ]);
    fs.mkdirSync('test-results/e2e', { recursive: true });
    fs.writeFileSync('test-results/e2e/view-export-competency.png', bytes);

    // PDF in browser mode: the print dialog opens on the print sheet (window.print is recorded here: a headless
    // browser has no dialog); Chromium's print-media PDF of the page is what "Save as PDF" would write.
    await page.evaluate(() => {
      const w = window as unknown as { __printed: number };
      w.__printed = 0;
      window.print = () => void w.__printed++;
    });
    await page.getByTestId('competency-export').click();
    await page.getByTestId('competency-export-pdf').click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed))
      .toBe(1);
    const sheet = page.getByTestId('view-print');
    expect(await sheet.isVisible()).toBe(false); // never shown on screen
    const paper = (await sheet.getAttribute('data-page'))!;
    expect(paper).toMatch(/^A[34] (landscape|portrait)$/);
    await expect.poll(() => page.locator('.toast').last().textContent()).toContain('另存为 PDF');
    if (pdftotext) {
      const pdfFile = 'test-results/e2e/view-export-competency.pdf';
      fs.writeFileSync(pdfFile, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      const text = spawnSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('客户与市场能力');
      expect(text).toContain('低于目标');
      expect(text).not.toContain('展示专家'); // the app around it is not printed
      const info = spawnSync('pdfinfo', [pdfFile], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/Pages:\s+1\n/);
      const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!.slice(1).map(Number);
      const [size, orientation] = paper.split(' ');
      const long = size === 'A4' ? 842 : 1191;
      expect(Math.round(Math.max(w!, h!))).toBeGreaterThanOrEqual(long - 1);
      expect(Math.round(Math.max(w!, h!))).toBeLessThanOrEqual(long + 1);
      expect(w! > h!).toBe(orientation === 'landscape');
    }
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(() => sheet.count()).toBe(0);

    // The offline HTML snapshot: one file, opened from file:// with the network off; a click inspects a node.
    const html = await download(page, () => pickByKeyboard(page, 'competency-export', 'html'));
    expect(html.name).toMatch(new RegExp(`-${new Date().toISOString().slice(0, 10)}\\.html$`));
    const { context } = env.chrome;
    await context.setOffline(true);
    const snap = await context.newPage();
    try {
      const requests: string[] = [];
      snap.on('request', (r) => requests.push(r.url()));
      await snap.goto(pathToFileURL(html.file).href);
      await snap.waitForFunction(
        () => (window as unknown as { __snapshot?: unknown }).__snapshot !== undefined,
      );
      const target = await snap.evaluate((id) => {
        const cy = (window as unknown as { __snapshot: { cy: import('cytoscape').Core } }).__snapshot.cy;
        cy.zoom(1.2);
        cy.center(cy.getElementById(id));
        const p = cy.getElementById(id).renderedPosition();
        const b = cy.container()!.getBoundingClientRect();
        return { x: b.left + p.x, y: b.top + p.y, nodes: cy.nodes().length };
      }, cm.id);
      // Exactly the drill level on screen: its nodes (the API's diagram of the level), under the level's title.
      expect(target.nodes).toBe(level.nodes.length);
      expect(await snap.locator('#title').textContent()).toMatch(/^能力 · .+ › 客户与市场能力$/);
      await snap.mouse.click(target.x, target.y);
      await expect.poll(() => snap.locator('#inspector h2').textContent()).toBe('客户与市场能力');
      expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
      await shot(snap, 'view-export-snapshot-competency');
    } finally {
      await snap.close();
      await context.setOffline(false);
    }
    await shot(page, 'view-export-competency-app');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the pipeline: SVG with every step and the strength legend as text; the map: PNG and SVG from its menu', async () => {
    const page = await env.chrome.context.newPage();
    await page.setViewportSize({ width: 1500, height: 900 });
    await openApp(page, env.app.server.url);
    await page.getByTestId('nav-processes').click();
    await page.getByTestId('pipeline-export').waitFor();
    const title = (await page.locator('.process-title-name').textContent())!.trim();
    const svg = await download(page, async () => {
      await page.getByTestId('pipeline-export').click();
      await page.getByTestId('pipeline-export-svg').click();
    });
    const parsed = await parseSvg(page, fs.readFileSync(svg.file, 'utf8'));
    expect(parsed.error).toBeNull();
    const steps = await page.evaluate(() => {
      const w = window as unknown as {
        __wellspringPipeline: { engine: { snapshot(): { steps: Array<{ label: string }> } } };
      };
      return w.__wellspringPipeline.engine.snapshot().steps.map((s) => s.label.split('\n')[0]!);
    });
    expect(steps.length).toBeGreaterThanOrEqual(3);
    for (const s of steps) expect(parsed.texts).toContain(s);
    expect(parsed.texts.some((t) => t.startsWith('锦绣服饰知识地图 · ') && t.includes(' · 流程 · '))).toBe(
      true,
    );
    expect(parsed.texts.some((t) => t.includes('知识强度'))).toBe(true);
    expect(parsed.texts).toContain('所需知识');
    expect(title.length).toBeGreaterThan(0);

    // Its snapshot: the boxes as drawn (an item required by two steps is drawn twice), nothing else.
    const drawn = await page.evaluate(() => {
      const w = window as unknown as {
        __wellspringPipeline: { engine: { snapshot(): { nodes: number } } };
      };
      return w.__wellspringPipeline.engine.snapshot().nodes;
    });
    const html = await download(page, async () => {
      await page.getByTestId('pipeline-export').click();
      await page.getByTestId('pipeline-export-html').click();
    });
    const data = /<script type="application\/json" id="snapshot-data">(.*?)<\/script>/s.exec(
      fs.readFileSync(html.file, 'utf8'),
    )![1]!;
    const parsedData = JSON.parse(data) as { title: string; nodes: Array<{ kind: string }> };
    expect(parsedData.nodes.length).toBe(drawn);
    expect(parsedData.title).toBe(`${title} · 流程`);
    expect(parsedData.nodes.filter((n) => n.kind === 'step').length).toBe(steps.length);

    await page.getByTestId('nav-map').click();
    const png = await download(page, async () => {
      await page.getByTestId('map-export').click();
      await page.getByTestId('map-export-png').click();
    });
    expect(png.name).toBe(`wellspring-map-${day()}.png`);
    expect(fs.readFileSync(png.file).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // Ctrl+Shift+E exports the view on screen as PNG too.
    const again = await download(page, async () => {
      await page.getByTestId('map-canvas').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+Shift+E');
    });
    expect(again.name).toBe(png.name);
    await page.close();
  });
});
