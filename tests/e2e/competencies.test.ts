import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi as api, openApp, shot, useAppInChromium } from './harness';

const env = useAppInChromium();

interface NodeSnap {
  id: string;
  kind: string;
  ring: number;
  label: string;
  band: string;
  fill: string;
  x: number;
  y: number;
  rx: number;
  ry: number;
  labelBox: { x1: number; y1: number; x2: number; y2: number };
}
interface Snap {
  focusId: string | null;
  nodes: NodeSnap[];
}
interface Diagram {
  focusId: string | null;
  breadcrumbs: Array<{ id: string; label: string }>;
  nodes: Array<{
    id: string;
    kind: string;
    label: string;
    ring: number;
    band: string;
    coverage: number | null;
  }>;
}

/** The diagram as plain values, after animations have settled. */
const snap = (page: Page) =>
  page.evaluate(async () => {
    const w = window as unknown as {
      __wellspringCompetencies?: { engine: { settled(): Promise<void>; snapshot(): unknown } | null };
    };
    const e = w.__wellspringCompetencies?.engine;
    if (!e) return null;
    await e.settled();
    return e.snapshot();
  }) as Promise<Snap | null>;

const FILL: Record<string, string> = {
  met: 'rgb(0,158,115)',
  near: 'rgb(230,159,0)',
  below: 'rgb(213,94,0)',
  none: 'rgb(156,163,175)',
};

/** Pairs of nodes whose label boxes intersect. */
function overlaps(nodes: NodeSnap[]): string[] {
  const bad: string[] = [];
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!.labelBox;
      const b = nodes[j]!.labelBox;
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2)
        bad.push(`${nodes[i]!.label} × ${nodes[j]!.label}`);
    }
  return bad;
}

/** The canvas shows exactly the API's diagram: ids, colours and percents; no labels overlap. */
async function expectLevel(page: Page, d: Diagram): Promise<Snap> {
  await expect
    .poll(async () => {
      const s = await snap(page);
      return s ? s.nodes.map((n) => n.id).sort() : null;
    })
    .toEqual(d.nodes.map((n) => n.id).sort());
  const s = (await snap(page))!;
  for (const n of d.nodes.filter((x) => x.kind === 'competency')) {
    const drawn = s.nodes.find((x) => x.id === n.id)!;
    expect(drawn.band).toBe(n.band);
    expect(drawn.fill.replace(/\s+/g, '')).toBe(FILL[n.band]);
    const percent = n.coverage === null ? '—' : `${Math.round(n.coverage * 100)}%`;
    expect(drawn.label.split('\n').at(-1)).toBe(percent);
  }
  expect(overlaps(s.nodes)).toEqual([]);
  return s;
}

describe('competencies view', () => {
  it('core and capabilities, drill into 客户与市场能力 and back, radar axes, edits undone with Ctrl+Z', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 1500, height: 900 });
    await openApp(page, env.app.server.url);
    await page.getByTestId('nav-competencies').click();
    await page.getByTestId('competencies-view').waitFor();

    const core = await api<Diagram>(page, 'competencies:diagram', {});
    const capabilities = core.nodes.filter((n) => n.ring === 1);
    expect(capabilities.length).toBeGreaterThanOrEqual(4);
    await expectLevel(page, core);
    await shot(page, 'competencies-core-zh');

    // Radar: one axis per capability.
    const radar = await api<{ axes: Array<{ id: string; label: string }> }>(page, 'competencies:radar', {});
    expect(radar.axes.map((a) => a.id).sort()).toEqual(capabilities.map((c) => c.id).sort());
    await expect
      .poll(() => page.getByTestId('competency-radar').getAttribute('data-axes'))
      .toBe(String(radar.axes.length));
    await expect.poll(() => page.getByTestId('radar-row').count()).toBe(radar.axes.length);

    // Drill into customer & market by clicking its node.
    const cm = capabilities.find((c) => c.label === '客户与市场能力')!;
    const box = await page.getByTestId('competency-canvas').boundingBox();
    const s0 = (await snap(page))!;
    const n0 = s0.nodes.find((n) => n.id === cm.id)!;
    await page.mouse.click(box!.x + n0.rx, box!.y + n0.ry);
    const sub = await api<Diagram>(page, 'competencies:diagram', { focusId: cm.id });
    await expectLevel(page, sub);
    expect(sub.nodes.filter((n) => n.ring === 1 && n.kind === 'competency').length).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('breadcrumb-current').textContent()).toBe('客户与市场能力');
    await shot(page, 'competencies-drill-zh');

    // Back to the core with the breadcrumb.
    await page.getByTestId('breadcrumb').first().click();
    await expectLevel(page, core);

    // Target edit through the panel, undone with Ctrl+Z.
    const before = await api<{ competency: { target: number } }>(page, 'competencies:detail', { id: cm.id });
    await page.getByTestId('tree-row').filter({ hasText: '客户与市场能力' }).locator('.tree-label').click();
    await page.getByTestId('competency-panel').waitFor();
    const next = before.competency.target === 5 ? 4 : before.competency.target + 1;
    await page.getByTestId('panel-target').selectOption(String(next));
    await expect
      .poll(
        async () => (await api<typeof before>(page, 'competencies:detail', { id: cm.id })).competency.target,
      )
      .toBe(next);
    // The view follows the edit (tree, panel and diagram read the core again).
    await expect.poll(() => page.getByTestId('panel-target').inputValue()).toBe(String(next));
    await page.getByTestId('competency-canvas').focus();
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => page.getByTestId('panel-target').inputValue())
      .toBe(String(before.competency.target));
    await expect
      .poll(
        async () => (await api<typeof before>(page, 'competencies:detail', { id: cm.id })).competency.target,
      )
      .toBe(before.competency.target);

    // Re-parent a sub-competency of customer & market under another capability (keyboard way), then undo.
    const subComp = sub.nodes.find((n) => n.ring === 1 && n.kind === 'competency')!;
    const other = capabilities.find((c) => c.id !== cm.id)!;
    await page
      .getByTestId('tree-row')
      .filter({ hasText: subComp.label })
      .locator('.tree-label')
      .first()
      .click();
    await page.getByTestId('move-under').selectOption(other.id);
    const parentOf = async () =>
      (
        await api<{ nodes: Array<{ id: string; parentId: string | null }> }>(page, 'competencies:tree', {})
      ).nodes.find((n) => n.id === subComp.id)!.parentId;
    await expect.poll(parentOf).toBe(other.id);
    await page.getByTestId('competency-canvas').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(parentOf).toBe(cm.id);

    // Refused: moving the core shows the core's message (the core row is not draggable; the picker is hidden).
    expect(await page.getByTestId('tree-row').first().getAttribute('draggable')).toBe('false');

    // English and dark theme.
    await page.getByTestId('language').selectOption('en');
    await page.getByTestId('theme').selectOption('dark');
    await expectLevel(page, core);
    await shot(page, 'competencies-core-en-dark');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('drag to re-parent (undone with Ctrl+Z), a refused drag shows the reason, experts on demand, one engine', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 1500, height: 900 });
    await openApp(page, env.app.server.url);
    await page.getByTestId('nav-competencies').click();
    await page.getByTestId('competencies-view').waitFor();
    type Tree = { nodes: Array<{ id: string; label: string; level: string; parentId: string | null }> };
    const tree = await api<Tree>(page, 'competencies:tree', {});
    const cm = tree.nodes.find((n) => n.label === '客户与市场能力')!;
    const sub = tree.nodes.find((n) => n.parentId === cm.id)!;
    const other = tree.nodes.find((n) => n.level === 'capability' && n.id !== cm.id)!;
    const row = (id: string) => page.locator(`[data-testid="tree-row"][data-id="${id}"]`);
    const parentOf = async (id: string) =>
      (await api<Tree>(page, 'competencies:tree', {})).nodes.find((n) => n.id === id)!.parentId;

    // HTML5 drag of a sub-competency onto another capability.
    await row(sub.id).dragTo(row(other.id));
    await expect.poll(() => parentOf(sub.id)).toBe(other.id);
    await page.getByTestId('competency-canvas').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => parentOf(sub.id)).toBe(cm.id);

    // A capability dropped onto its own sub-competency: refused with the core's reason, nothing written.
    await row(cm.id).dragTo(row(sub.id));
    const alert = page.locator('.toast[role="alert"]').last();
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain(cm.label);
    expect(text).toContain(sub.label);
    expect(await parentOf(cm.id)).toBe(cm.parentId);

    // Experts on demand: ring 4 holds exactly the API's experts.
    await page.getByTestId('show-experts').check();
    const withExperts = await api<Diagram>(page, 'competencies:diagram', { withExperts: true });
    const experts = withExperts.nodes.filter((n) => n.kind === 'expert');
    expect(experts.length).toBeGreaterThan(0);
    const s = await expectLevel(page, withExperts);
    expect(
      s.nodes
        .filter((n) => n.kind === 'expert')
        .map((n) => n.id)
        .sort(),
    ).toEqual(experts.map((n) => n.id).sort());
    await shot(page, 'competencies-experts-zh');
    await page.getByTestId('show-experts').uncheck();

    // Leaving the view and coming back leaves exactly one engine alive.
    await page.getByTestId('nav-map').click();
    await page.getByTestId('nav-competencies').click();
    await page.getByTestId('competency-canvas').waitFor();
    const alive = await page.evaluate(
      () =>
        (window as unknown as { __wellspringCompetencies: { alive: number } }).__wellspringCompetencies.alive,
    );
    expect(alive).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a drill level saved as a view comes back exactly, and presents read-only', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 1500, height: 900 });
    await openApp(page, env.app.server.url);
    await page.getByTestId('nav-competencies').click();
    await page.getByTestId('competencies-view').waitFor();
    const core = await api<Diagram>(page, 'competencies:diagram', {});
    await expectLevel(page, core);
    const cm = core.nodes.find((n) => n.label === '客户与市场能力')!;
    await page
      .getByTestId('tree-row')
      .filter({ hasText: '客户与市场能力' })
      .first()
      .locator('.tree-label')
      .dblclick();
    const sub = await api<Diagram>(page, 'competencies:diagram', { focusId: cm.id });
    const saved = await expectLevel(page, sub);
    const camera = () =>
      page.evaluate(() => {
        const w = window as unknown as {
          __wellspringCompetencies: { engine: { camera(): { zoom: number; pan: { x: number; y: number } } } };
        };
        return w.__wellspringCompetencies.engine.camera();
      });
    const savedCam = await camera();

    // Save it (Ctrl+Shift+S opens the sidebar with the name field).
    await page.getByTestId('competency-canvas').focus();
    await page.keyboard.press('Control+Shift+S');
    await page.getByTestId('saved-view-name').fill('客户与市场 drill');
    await page.getByTestId('saved-view-save').click();
    type View = {
      id: string;
      kind: string;
      name: string;
      layout: Record<string, unknown>;
      positionCount: number;
    };
    await expect
      .poll(async () => (await api<View[]>(page, 'views:list', {})).filter((v) => v.kind === 'saved').length)
      .toBe(1);
    const view = (await api<View[]>(page, 'views:list', {})).find((v) => v.kind === 'saved')!;
    expect(view.layout.savedFrom).toBe('competency');
    expect(view.layout.focusId).toBe(cm.id);
    expect(view.positionCount).toBe(sub.nodes.length);

    // Back to the core, then open the saved view: the level, positions and camera come back.
    await page.getByTestId('breadcrumb').first().click();
    await expectLevel(page, core);
    await page.getByTestId('saved-view-open').first().click();
    await expect.poll(() => page.getByTestId('breadcrumb-current').textContent()).toBe('客户与市场能力');
    await expect.poll(async () => (await snap(page))?.focusId).toBe(cm.id);
    await expect
      .poll(async () => {
        const c = await camera();
        return Math.abs(c.zoom - savedCam.zoom) / savedCam.zoom;
      })
      .toBeLessThan(0.01);
    const back = (await snap(page))!;
    for (const n of saved.nodes) {
      const m = back.nodes.find((x) => x.id === n.id)!;
      expect(Math.hypot(m.x - n.x, m.y - n.y)).toBeLessThan(0.5);
    }

    // Present it: the diagram alone, read-only (a drag moves nothing), Esc leaves.
    await page.getByTestId('competency-canvas').focus();
    await page.keyboard.press('F5');
    const overlay = page.getByTestId('presentation-overlay');
    await expect.poll(() => overlay.getAttribute('data-ready')).toBe('true');
    await expect.poll(() => page.getByTestId('presentation-title').textContent()).toBe('客户与市场 drill');
    await expect.poll(() => page.getByTestId('competency-tree').isVisible()).toBe(false);
    await page.waitForTimeout(700);
    const s1 = (await snap(page))!;
    const n1 = s1.nodes.find((n) => n.ring === 0)!;
    const box = (await page.getByTestId('competency-canvas').boundingBox())!;
    await page.mouse.move(box.x + n1.rx, box.y + n1.ry);
    await page.mouse.down();
    await page.mouse.move(box.x + n1.rx + 80, box.y + n1.ry + 40, { steps: 5 });
    await page.mouse.up();
    const s2 = (await snap(page))!;
    const n2 = s2.nodes.find((n) => n.id === n1.id)!;
    expect(Math.hypot(n2.x - n1.x, n2.y - n1.y)).toBeLessThan(0.01);
    await shot(page, 'competencies-presenting');
    await page.keyboard.press('Escape');
    await expect.poll(() => overlay.isVisible()).toBe(false);
    await expect.poll(() => page.getByTestId('competency-tree').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the panel: weights and names through the core (undoable), how it is computed, keyboard drill and back', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 1500, height: 900 });
    await openApp(page, env.app.server.url);
    await page.getByTestId('nav-competencies').click();
    await page.getByTestId('competencies-view').waitFor();
    type Detail = {
      competency: {
        id: string;
        label: string;
        strength: number | null;
        percent: number | null;
        target: number;
      };
      path: Array<{ id: string; label: string }>;
      weightedSum: number;
      weightTotal: number;
      items: Array<{ id: string; label: string; weight: number; viaId: string; direct: boolean }>;
    };
    const tree = await api<{ nodes: Array<{ id: string; label: string; parentId: string | null }> }>(
      page,
      'competencies:tree',
      {},
    );
    const cm = tree.nodes.find((n) => n.label === '客户与市场能力')!;
    const sub = tree.nodes.find((n) => n.parentId === cm.id)!;
    await page.locator(`[data-testid="tree-row"][data-id="${sub.id}"] .tree-label`).click();
    const detail = await api<Detail>(page, 'competencies:detail', { id: sub.id });
    await expect.poll(() => page.getByTestId('panel-item').count()).toBe(detail.items.length);
    await expect
      .poll(() => page.getByTestId('panel-coverage').textContent())
      .toBe(detail.competency.percent === null ? '—' : `${detail.competency.percent}%`);
    // How is this computed: the strength from the weighted sum over the weights, as the core reports it.
    await page.getByTestId('competency-how').click();
    const how = (await page.getByTestId('competency-how-box').textContent()) ?? '';
    expect(how).toContain(`= ${detail.competency.strength}`);
    expect(how).toContain(`${detail.competency.percent}%`);
    expect(detail.competency.strength).toBe(Math.round(detail.weightedSum / detail.weightTotal));

    // A weight edit is one undo step.
    const item = detail.items.find((i) => i.direct)!;
    const w = item.weight === 0.5 ? 0.3 : 0.5;
    const input = page.getByTestId('panel-item').filter({ hasText: item.label }).first().locator('input');
    await input.fill(String(w));
    await input.press('Tab');
    const weightOf = async () =>
      (await api<Detail>(page, 'competencies:detail', { id: sub.id })).items.find((i) => i.id === item.id)!
        .weight;
    await expect.poll(weightOf).toBe(w);
    await page.getByTestId('competency-canvas').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(weightOf).toBe(item.weight);
    // An emptied or out-of-range weight is not taken: the field says why; Escape puts the stored one back.
    const field = page.getByTestId('panel-item').filter({ hasText: item.label }).first();
    for (const bad of ['', '2']) {
      await input.fill(bad);
      await input.press('Tab');
      await expect.poll(() => field.getByTestId('weight-error').count()).toBe(1);
      expect(await weightOf()).toBe(item.weight);
    }
    await input.press('Escape');
    await expect.poll(() => field.getByTestId('weight-error').count()).toBe(0);
    expect(await input.inputValue()).toBe(String(item.weight));

    // Rename, then undo.
    await page.getByTestId('panel-name').fill(`${sub.label}（新）`);
    await page.getByTestId('panel-name').press('Enter');
    const labelOf = async () =>
      (await api<Detail>(page, 'competencies:detail', { id: sub.id })).competency.label;
    await expect.poll(labelOf).toBe(`${sub.label}（新）`);
    await expect
      .poll(() => page.locator(`[data-testid="tree-row"][data-id="${sub.id}"]`).textContent())
      .toContain('（新）');
    await page.getByTestId('competency-canvas').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(labelOf).toBe(sub.label);

    // Keyboard: open the selected competency in the diagram, Backspace goes up a level.
    await page.getByTestId('panel-open').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await snap(page))?.focusId).toBe(sub.id);
    await expectLevel(page, await api<Diagram>(page, 'competencies:diagram', { focusId: sub.id }));
    await page.getByTestId('competency-canvas').focus();
    await page.keyboard.press('Backspace');
    await expect.poll(async () => (await snap(page))?.focusId).toBe(cm.id);
    await expect.poll(() => page.getByTestId('breadcrumb-current').textContent()).toBe(cm.label);

    // A dragged node keeps its place in the level's own view; Ctrl+Z puts it back.
    await expect.poll(async () => (await snap(page))?.focusId).toBe(cm.id);
    const s0 = (await snap(page))!;
    const moved = s0.nodes.find((n) => n.kind === 'competency' && n.ring === 1)!;
    const box = (await page.getByTestId('competency-canvas').boundingBox())!;
    await page.mouse.move(box.x + moved.rx, box.y + moved.ry);
    await page.mouse.down();
    await page.mouse.move(box.x + moved.rx + 60, box.y + moved.ry + 30, { steps: 6 });
    await page.mouse.up();
    const levelView = async () =>
      (
        await api<
          Array<{ id: string; kind: string; layout: Record<string, unknown>; positionCount: number }>
        >(page, 'views:list', {})
      ).find((v) => v.kind === 'competency' && v.layout.focusId === cm.id);
    await expect.poll(async () => (await levelView())?.positionCount).toBe(1);
    const at = async () => (await snap(page))!.nodes.find((n) => n.id === moved.id)!;
    const dragged = await at();
    expect(Math.hypot(dragged.x - moved.x, dragged.y - moved.y)).toBeGreaterThan(20);
    await page.getByTestId('competency-canvas').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await levelView())?.positionCount).toBe(0);
    await expect
      .poll(async () => Math.hypot((await at()).x - moved.x, (await at()).y - moved.y))
      .toBeLessThan(0.5);

    // A new sub-competency from the panel: in the tree and the diagram, gone again with Ctrl+Z.
    await page.getByTestId('panel-add-sub').fill('数字化客户运营');
    await page.getByTestId('panel-add-sub').press('Enter');
    const added = async () =>
      (
        await api<{ nodes: Array<{ id: string; label: string; parentId: string | null }> }>(
          page,
          'competencies:tree',
          {},
        )
      ).nodes.find((n) => n.label === '数字化客户运营');
    await expect.poll(async () => (await added())?.parentId).toBe(cm.id);
    const newId = (await added())!.id;
    await expect.poll(async () => (await snap(page))!.nodes.some((n) => n.id === newId)).toBe(true);
    await expectLevel(page, await api<Diagram>(page, 'competencies:diagram', { focusId: cm.id }));
    await page.getByTestId('competency-canvas').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(added).toBeUndefined();
    await expect.poll(async () => (await snap(page))!.nodes.some((n) => n.id === newId)).toBe(false);
    await shot(page, 'competencies-panel-how');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a new core without capabilities (first by name) neither blanks the app nor replaces the built tree', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page, env.app.server.url);
    const lone = await api<{ id: string }>(page, 'graph:add-node', {
      kind: 'competency',
      label: 'AAA 新核心',
      props: { level: 'core', target: 3 },
    });
    await page.getByTestId('nav-competencies').click();
    await page.getByTestId('competencies-view').waitFor();
    // The root drawn is still the core with the capabilities; the radar has its four axes.
    await expect.poll(() => page.getByTestId('breadcrumb-current').textContent()).toBe('核心竞争力');
    await expect.poll(() => page.getByTestId('radar-row').count()).toBe(4);
    // Drawing the lone core on its own works too: one node, no error.
    const d = await api<Diagram>(page, 'competencies:diagram', { focusId: lone.id });
    expect(d.nodes.map((n) => n.id)).toEqual([lone.id]);
    await page.getByTestId('tree-row').filter({ hasText: 'AAA 新核心' }).click();
    expect(await page.getByTestId('view-error').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  // Last in this file: it switches the app to a new, empty workspace.
  it('a new user’s first competency in an empty workspace: drawn alone, the radar says it has no axes yet', async () => {
    env.app.workspace.open(path.join(env.app.dataDir, 'empty.wellspring'), { create: true });
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page, env.app.server.url);
    await page.getByTestId('nav-competencies').click();
    await page.getByTestId('competencies-empty').waitFor();
    const first = await api<{ id: string }>(page, 'graph:add-node', {
      kind: 'competency',
      label: '核心能力',
      props: { level: 'core', target: 4 },
    });
    await page.getByTestId('competencies-view').waitFor();
    await expect.poll(async () => (await snap(page))?.nodes.map((n) => n.id)).toEqual([first.id]);
    await expect.poll(() => page.getByTestId('radar-empty').count()).toBe(1);
    expect(await page.getByTestId('view-error').count()).toBe(0);
    await shot(page, 'competencies-first-core');
    expect(errors).toEqual([]);
    await page.close();
  });
});
