import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import { openWorkspaceDb } from '../../main/core/db/workspace-db';
import { GraphStore } from '../../main/core/graph/graph-store';
import { ViewStore } from '../../main/core/graph/view-store';
import { WorkspaceService } from '../../main/core/workspace/workspace-service';
import { launchChromium, shot } from './harness';

// Issue 9.6/9.7: the offline HTML snapshot written by the CLI, opened from file:// in Chromium with the network
// cut: no request leaves the page, search finds a Chinese label and centres it, a click inspects a node, and a
// label made to break out of the data block (`</script>`, `<!--`, an <img onerror>) is shown as text.

const EVIL = '</script><script>window.__pwned = 1</script><!-- <img src=x onerror="window.__pwned = 2">';
let dir = '';
let html = '';
let target = { id: '', label: '' };
let evilId = '';
let coreCompetency = { id: '', label: '' };
let competencyHtml = '';
let file = '';
let chrome: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-snapshot-'));
  file = path.join(dir, 'w.wellspring');
  expect(await runCli(['init', '--workspace', file, '--sample'], () => {})).toBe(0);
  const { db } = openWorkspaceDb(file);
  try {
    const store = new GraphStore(db);
    const item = store
      .getGraph({ kinds: ['knowledge'] })
      .nodes.filter((n) => /^[\u4e00-\u9fff]{4,}$/.test(n.label))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'))[0]!;
    target = { id: item.id, label: item.label };
    const core = store.getGraph({ kinds: ['competency'] }).nodes.find((n) => n.props.level === 'core')!;
    coreCompetency = { id: core.id, label: core.label };
    evilId = store.addNode({ kind: 'term', label: EVIL, aliases: ['破坏者'], x: 0, y: -400 }).id;
  } finally {
    db.close();
  }
  html = path.join(dir, 'map.html');
  const lines: string[] = [];
  expect(
    await runCli(['snapshot', '--workspace', file, '--view', 'map', '--out', html], (s) => lines.push(s)),
  ).toBe(0);
  expect(lines.join('\n')).toContain(html);
  competencyHtml = path.join(dir, 'competency.html');
  expect(
    await runCli(
      ['snapshot', '--workspace', file, '--view', 'competency', '--out', competencyHtml],
      () => {},
    ),
  ).toBe(0);
  chrome = await launchChromium();
});

afterAll(async () => {
  await chrome?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The snapshot page's Cytoscape instance (window.__snapshot.cy) is what `f` gets, run inside the page. */
type SnapshotWindow = Window & { __snapshot: { cy: Core }; __pwned?: number };

async function rendered(page: Page, id: string): Promise<{ x: number; y: number; cx: number; cy: number }> {
  return page.evaluate((nodeId) => {
    const { cy } = (window as unknown as SnapshotWindow).__snapshot;
    const p = cy.getElementById(nodeId).renderedPosition();
    const box = cy.container()!.getBoundingClientRect();
    return {
      x: box.left + p.x,
      y: box.top + p.y,
      cx: box.left + box.width / 2,
      cy: box.top + box.height / 2,
    };
  }, id);
}

describe('the offline HTML snapshot', () => {
  it('opens from file:// offline, searches, inspects, and keeps a hostile label as text', async () => {
    const { context } = chrome;
    await context.setOffline(true);
    const requests: string[] = [];
    await context.route('**', (route) =>
      route.request().url().startsWith('file:') ? route.continue() : route.abort(),
    );
    const page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(pathToFileURL(html).href);
    await page.waitForFunction(() => (window as unknown as SnapshotWindow).__snapshot !== undefined);

    const count = await page.evaluate(
      () => (window as unknown as SnapshotWindow).__snapshot.cy.nodes().length,
    );
    expect(count).toBe(234); // the sample's 233 nodes and the hostile term
    expect(await page.locator('#legend li').count()).toBe(9); // every kind is present in the sample
    expect(await page.locator('#title').textContent()).toBe('Knowledge map');
    await shot(page, 'snapshot-open');

    // The hostile label ran nothing and is a node's label, as text.
    expect(await page.evaluate(() => (window as unknown as SnapshotWindow).__pwned)).toBeUndefined();
    expect(
      await page.evaluate(
        (id) => (window as unknown as SnapshotWindow).__snapshot.cy.getElementById(id).data('label'),
        evilId,
      ),
    ).toBe(EVIL);

    // Search by a Chinese label: the hit is highlighted, centred and inspected.
    await page.locator('#search').fill(target.label);
    await expect
      .poll(() =>
        page.evaluate(
          (id) => (window as unknown as SnapshotWindow).__snapshot.cy.getElementById(id).hasClass('hit'),
          target.id,
        ),
      )
      .toBe(true);
    await expect
      .poll(async () => {
        const r = await rendered(page, target.id);
        return Math.hypot(r.x - r.cx, r.y - r.cy);
      })
      .toBeLessThan(2);
    await expect.poll(() => page.locator('#inspector h2').textContent()).toBe(target.label);
    await shot(page, 'snapshot-search');

    // Clear the search, then click the hostile node where it is drawn: its inspector shows the label as text.
    await page.locator('#search').fill('');
    await page.evaluate((id) => {
      const { cy } = (window as unknown as SnapshotWindow).__snapshot;
      cy.zoom(1.5);
      cy.center(cy.getElementById(id));
    }, evilId);
    const at = await rendered(page, evilId);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.locator('#inspector h2').textContent()).toBe(EVIL);
    expect(await page.locator('#inspector img').count()).toBe(0);
    expect(await page.locator('#inspector').textContent()).toContain('破坏者');
    expect(await page.evaluate(() => (window as unknown as SnapshotWindow).__pwned)).toBeUndefined();
    await shot(page, 'snapshot-inspect');

    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('--view competency: the core competency sits in the centre of its rings and a click inspects it', async () => {
    const page = await chrome.context.newPage();
    await page.goto(pathToFileURL(competencyHtml).href);
    await page.waitForFunction(() => (window as unknown as SnapshotWindow).__snapshot !== undefined);
    expect(await page.locator('#title').textContent()).toBe('能力 · 核心竞争力');
    const position = await page.evaluate(
      (id) => (window as unknown as SnapshotWindow).__snapshot.cy.getElementById(id).position(),
      coreCompetency.id,
    );
    expect(position).toEqual({ x: 0, y: 0 });
    // (braces: returning cy itself would make Playwright serialise the whole instance, which takes seconds)
    await page.evaluate((id) => {
      const { cy } = (window as unknown as SnapshotWindow).__snapshot;
      cy.zoom(1);
      cy.center(cy.getElementById(id));
    }, coreCompetency.id);
    const at = await rendered(page, coreCompetency.id);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.locator('#inspector h2').textContent()).toBe(coreCompetency.label);
    await expect.poll(() => page.locator('#inspector').textContent()).toContain('能力 Competency');
    await shot(page, 'snapshot-competency');
    await page.close();
  });

  it('a view saved from a competency drill level: exactly that level, as the app draws it', async () => {
    // A saved view as the saved-views sidebar writes one of the drill level of a capability.
    const { db } = openWorkspaceDb(file);
    let capability: { id: string; label: string };
    try {
      const graph = new GraphStore(db);
      const cap = graph
        .getGraph({ kinds: ['competency'] })
        .nodes.find((n) => n.props.level === 'capability' && n.label === '客户与市场能力')!;
      capability = { id: cap.id, label: cap.label };
      new ViewStore(db).create({
        kind: 'saved',
        name: '客户与市场 · 钻取',
        layout: { savedFrom: 'competency', focusId: cap.id, withExperts: false },
      });
    } finally {
      db.close();
    }
    const out = path.join(dir, 'drill.html');
    const lines: string[] = [];
    expect(
      await runCli(['snapshot', '--workspace', file, '--view', '客户与市场 · 钻取', '--out', out], (t) =>
        lines.push(t),
      ),
    ).toBe(0);
    // What the core's diagram of that level has, and nothing else (not the whole map on a grid).
    const ws = new WorkspaceService(fs.mkdtempSync(path.join(dir, 'data-')), 'node', { watch: false });
    ws.open(file);
    const level = ws.competencies.diagram({ focusId: capability.id });
    await ws.shutdown();
    const data = JSON.parse(
      /<script type="application\/json" id="snapshot-data">(.*?)<\/script>/s.exec(
        fs.readFileSync(out, 'utf8'),
      )![1]!,
    ) as { title: string; nodes: Array<{ id: string }> };
    expect(data.nodes.map((n) => n.id).sort()).toEqual(level.nodes.map((n) => n.id).sort());
    expect(data.title).toBe(`能力 · 核心竞争力 › ${capability.label}`);
    expect(lines.join('\n')).toContain(`${level.nodes.length} nodes`);
  });

  it('--view process:NAME and the bare name: the pipeline the app draws, the same both ways', async () => {
    const a: string[] = [];
    const b: string[] = [];
    const out = path.join(dir, 'p.html');
    expect(
      await runCli(
        ['snapshot', '--workspace', file, '--view', 'process:团体定制销售流程', '--out', out],
        (t) => a.push(t),
      ),
    ).toBe(0);
    const first = fs.readFileSync(out, 'utf8');
    expect(
      await runCli(['snapshot', '--workspace', file, '--view', '团体定制销售流程', '--out', out], (t) =>
        b.push(t),
      ),
    ).toBe(0);
    expect(a.join('\n')).toMatch(/团体定制销售流程 · 流程: \d+ nodes · \d+ edges/);
    expect(b.join('\n').split('\n')[1]).toBe(a.join('\n').split('\n')[1]);
    const data = (html: string) =>
      JSON.parse(/<script type="application\/json" id="snapshot-data">(.*?)<\/script>/s.exec(html)![1]!) as {
        nodes: Array<{ kind: string; x: number; y: number }>;
      };
    // Steps left to right on one row at least (the pipeline layout), not on a grid of kinds.
    const steps = data(first).nodes.filter((n) => n.kind === 'step');
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(new Set(steps.map((n) => n.x)).size).toBeGreaterThanOrEqual(3);
  });
});
