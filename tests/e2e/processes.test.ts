import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, shot, SHOTS_DIR, useAppInChromium, callApi } from './harness';

const env = useAppInChromium();

interface StepSnap {
  id: string;
  label: string;
  fullLabel: string;
  labelWidth: number;
  x: number;
  y: number;
  band: string;
  fill: string;
  selected: boolean;
}
interface Snap {
  steps: StepSnap[];
  nodes: number;
  edges: Record<string, number>;
  zoom: number;
}

const api = callApi;

/** The pipeline canvas as plain values (never Cytoscape objects). */
const snap = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __wellspringPipeline?: { engine: { snapshot(): unknown } | null } };
    return (w.__wellspringPipeline?.engine?.snapshot() ?? null) as unknown;
  }) as Promise<Snap | null>;

/** Where step `id` is drawn on the pipeline canvas, in client px; null while it is not drawn. */
const stepPosition = (page: Page, id: string) =>
  page.evaluate((sid) => {
    const w = window as unknown as {
      __wellspringPipeline: { engine: { clientPosition(id: string): { x: number; y: number } | null } };
    };
    return w.__wellspringPipeline.engine.clientPosition(sid);
  }, id);

async function openProcesses(page: Page): Promise<void> {
  await openApp(page, env.app.server.url);
  await page.getByTestId('nav-processes').click();
  await page.getByTestId('processes-view').waitFor();
}

/** Chooses a process in the list by its label and waits for its steps to be drawn. */
async function chooseProcess(page: Page, label: string, steps: number): Promise<void> {
  await page.getByTestId('process-item').filter({ hasText: label }).click();
  await expect.poll(() => page.getByTestId('process-title').textContent()).toContain(label);
  await expect.poll(async () => (await snap(page))?.steps.length).toBe(steps);
}

const BAND_FILL: Record<string, string> = {
  weak: 'rgb(213,94,0)',
  medium: 'rgb(230,159,0)',
  strong: 'rgb(0,158,115)',
  none: 'rgb(156,163,175)',
};
const norm = (c: string) => c.replace(/\s+/g, '');

describe('processes view', () => {
  it('the sales pipeline: nine steps left to right, coloured as computed, arrows move, panel explains', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openProcesses(page);
    const list = await api<Array<{ id: string; label: string; stepCount: number }>>(
      page,
      'processes:list',
      {},
    );
    const sales = list.find((p) => p.label === '团体定制销售流程')!;
    expect(sales.stepCount).toBe(9);
    // The list is in pinyin order, not in code-point order.
    const pinyin = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });
    await expect
      .poll(() => page.getByTestId('process-item').locator('.process-name').allTextContents())
      .toEqual(list.map((p) => p.label).sort((a, b) => pinyin.compare(a, b)));
    await chooseProcess(page, '团体定制销售流程', 9);
    const s = (await snap(page))!;
    const pipeline = await api<{ steps: Array<{ id: string; order: number; label: string }> }>(
      page,
      'processes:pipeline',
      { processId: sales.id },
    );
    const byOrder = [...pipeline.steps].sort((a, b) => a.order - b.order).map((x) => x.id);
    // Left to right in order, one row.
    expect(s.steps.map((x) => x.id)).toEqual(byOrder);
    for (let i = 1; i < s.steps.length; i++) expect(s.steps[i]!.x).toBeGreaterThan(s.steps[i - 1]!.x);
    expect(s.edges.next).toBe(8);
    // Each step as strength:steps computes it: band colour and the number in its label.
    const strengths = await api<Array<{ id: string; strength: number | null; band: string }>>(
      page,
      'strength:steps',
      { processId: sales.id },
    );
    for (const st of s.steps) {
      const want = strengths.find((x) => x.id === st.id)!;
      expect(st.band).toBe(want.band);
      expect(norm(st.fill)).toBe(BAND_FILL[want.band]);
      expect(st.label.split('\n').at(-1)).toBe(String(want.strength ?? '—'));
    }
    await expect.poll(() => page.getByTestId('strength-legend').locator('li[data-band]').count()).toBe(4);
    await shot(page, 'processes-01-sales-pipeline');
    await page.getByTestId('pipeline-fit').click();
    await page.waitForTimeout(300);
    await shot(page, 'processes-01b-sales-pipeline-fit');

    // Arrow keys move the selection along the steps; Enter opens the panel.
    await page.getByTestId('pipeline-canvas').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await snap(page))!.steps.find((x) => x.selected)?.id).toBe(byOrder[0]);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await snap(page))!.steps.find((x) => x.selected)?.id).toBe(byOrder[2]);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await snap(page))!.steps.find((x) => x.selected)?.id).toBe(byOrder[1]);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('step-panel-title').textContent()).toBe('初次接触');
    // Enter moves the focus into the panel: Tab goes on inside it, not across the legend and zoom buttons.
    const focusIn = (testId: string) =>
      page.evaluate((id) => !!document.activeElement?.closest(`[data-testid="${id}"]`), testId);
    await expect.poll(() => focusIn('step-panel')).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusIn('step-panel')).toBe(true);
    // Escape from inside the panel closes it, the canvas has the focus again and the step is still selected.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('step-panel').count()).toBe(0);
    expect(await focusIn('pipeline-canvas')).toBe(true);
    expect((await snap(page))!.steps.find((x) => x.selected)?.id).toBe(byOrder[1]);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await snap(page))!.steps.find((x) => x.selected)?.id).toBe(byOrder[2]);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusIn('step-panel')).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('step-panel').count()).toBe(0);

    // Clicking a step opens the panel: what to read, whom to consult with reasons.
    const needs = s.steps[2]!;
    const pos = (await stepPosition(page, needs.id))!;
    await page.mouse.click(pos.x, pos.y);
    await expect.poll(() => page.getByTestId('step-panel-title').textContent()).toBe('需求探讨');
    await expect.poll(() => page.getByTestId('consult').count()).toBeGreaterThan(0);
    const reasons = await page.getByTestId('consult-reasons').first().locator('li').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    for (const r of reasons) expect(r).not.toMatch(/rank\./);
    await page.getByTestId('how-computed').click();
    await expect.poll(() => page.getByTestId('how-input').count()).toBeGreaterThan(0);
    // The popover's inputs are the required items plus the templates; the require section says so.
    const detail = await api<{ require: unknown[]; templates: unknown[] }>(page, 'processes:step', {
      stepId: needs.id,
    });
    expect(await page.getByTestId('how-input').count()).toBe(detail.require.length + detail.templates.length);
    const note = page.getByTestId('section-require').getByTestId('section-note');
    if (detail.templates.length) expect(await note.textContent()).toContain(String(detail.templates.length));
    else expect(await note.count()).toBe(0);
    await shot(page, 'processes-02-step-panel');
    await page.keyboard.press('Escape');

    // Strength settings: a bad threshold is refused in place; saved thresholds recolour the pipeline.
    await page.getByTestId('strength-settings').click();
    await page.getByTestId('setting-weakBelow').fill('150');
    await expect.poll(() => page.getByTestId('strength-settings-dialog').getByRole('alert').count()).toBe(1);
    expect(await page.getByTestId('settings-save').isDisabled()).toBe(true);
    await page.getByTestId('setting-weakBelow').fill('60');
    await page.getByTestId('setting-strongFrom').fill('72');
    await page.getByTestId('settings-save').click();
    await expect.poll(() => page.getByTestId('strength-settings-dialog').count()).toBe(0);
    const recoloured = await api<Array<{ id: string; band: string }>>(page, 'strength:steps', {
      processId: sales.id,
    });
    expect(recoloured.map((x) => x.band)).not.toEqual(strengths.map((x) => x.band));
    await expect
      .poll(async () => (await snap(page))!.steps.map((x) => `${x.id} ${x.band} ${norm(x.fill)}`))
      .toEqual(
        byOrder.map((id) => {
          const b = recoloured.find((x) => x.id === id)!.band;
          return `${id} ${b} ${BAND_FILL[b]}`;
        }),
      );
    await page.getByTestId('theme').selectOption('dark');
    await page.waitForTimeout(300);
    await shot(page, 'processes-06-dark-recoloured');
    await page.getByTestId('theme').selectOption('light');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('builds a four-step process with a branch in the UI, attaches by pick and by drag, undo, kept position', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openProcesses(page);
    const store = env.app.workspace.store;
    const node = (label: string, kind: string) =>
      store.getGraph().nodes.find((n) => n.label === label && n.kind === kind);

    await page.getByTestId('new-process').click();
    await page.getByTestId('new-process-name').fill('样衣制作流程');
    await page.getByTestId('new-process-steps').fill('接单\n备料\n缝制');
    await page.getByTestId('new-process-create').click();
    // The new process's own steps (the process shown before it may have three steps too).
    await expect
      .poll(async () =>
        (await snap(page))?.steps
          .map((x) => x.fullLabel)
          .sort()
          .join(),
      )
      .toBe(['接单', '备料', '缝制'].sort().join());
    const proc = node('样衣制作流程', 'process')!;
    const stepId = (label: string) => node(label, 'step')!.id;

    // A branch: 外协绣花 in parallel with 缝制 (same predecessor 备料, both end the process).
    const clickStep = async (id: string) => {
      const where = () => stepPosition(page, id);
      // Drawn once the pipeline holding the step has arrived.
      await expect.poll(where).not.toBeNull();
      const p = (await where())!;
      await page.mouse.click(p.x, p.y);
      return p;
    };
    await clickStep(stepId('缝制'));
    await expect.poll(() => page.getByTestId('step-panel-title').textContent()).toBe('缝制');
    // A straight process: the last step can move earlier, not later.
    const editor = page.getByTestId('step-panel').locator('details.edit-section');
    await editor.locator('summary').click();
    expect(await page.getByTestId('step-earlier').isDisabled()).toBe(false);
    expect(await page.getByTestId('step-later').isDisabled()).toBe(true);
    expect(await page.getByTestId('step-branches-hint').count()).toBe(0);
    // Names stop at 500 characters, role and phase at 200 (the contract's limits).
    await page.getByTestId('add-step').click();
    await page.getByTestId('add-step-name').fill('长'.repeat(600));
    expect((await page.getByTestId('add-step-name').inputValue()).length).toBe(500);
    await page.getByTestId('add-step-role').fill('r'.repeat(300));
    expect((await page.getByTestId('add-step-role').inputValue()).length).toBe(200);
    await page.getByTestId('add-step-role').fill('');
    await page.getByTestId('add-step-name').fill('外协绣花');
    await page.getByTestId('add-step-parallel').check();
    await page.getByTestId('add-step-submit').click();
    await expect.poll(async () => (await snap(page))?.steps.length).toBe(4);
    // The new step is selected with its panel open (it is chosen before the pipeline that holds it arrives).
    await expect.poll(() => page.getByTestId('step-panel-title').textContent()).toBe('外协绣花');
    await page.getByTestId('step-panel-close').click();
    await page.getByTestId('pipeline-fit').click();
    const edges = () => store.getGraph().edges;
    const has = (kind: string, source: string, target: string) =>
      edges().some((e) => e.kind === kind && e.source === source && e.target === target);
    for (const l of ['接单', '备料', '缝制', '外协绣花'])
      expect(has('part_of', stepId(l), proc.id)).toBe(true);
    expect(has('next', stepId('接单'), stepId('备料'))).toBe(true);
    expect(has('next', stepId('备料'), stepId('缝制'))).toBe(true);
    expect(has('next', stepId('备料'), stepId('外协绣花'))).toBe(true);
    // Now it branches: earlier / later are off with the hint (the server would refuse the move).
    await clickStep(stepId('外协绣花'));
    await expect.poll(() => page.getByTestId('step-panel-title').textContent()).toBe('外协绣花');
    if ((await editor.getAttribute('open')) === null) await editor.locator('summary').click();
    await expect.poll(() => page.getByTestId('step-branches-hint').count()).toBe(1);
    expect(await page.getByTestId('step-earlier').isDisabled()).toBe(true);
    expect(await page.getByTestId('step-later').isDisabled()).toBe(true);
    expect(await page.getByTestId('step-earlier').getAttribute('title')).toBe(
      await page.getByTestId('step-branches-hint').textContent(),
    );
    await shot(page, 'processes-03-new-process-branch');

    // Search and pick: 接单 requires 商机评估标准.
    await clickStep(stepId('接单'));
    await expect.poll(() => page.getByTestId('step-panel-title').textContent()).toBe('接单');
    const section = (id: string) => page.getByTestId(id);
    await section('section-require').getByTestId('section-add').click();
    await section('section-require').getByTestId('picker-search').fill('商机评估');
    await section('section-require').getByRole('button', { name: '商机评估标准' }).click();
    const item = node('商机评估标准', 'knowledge')!;
    await expect.poll(() => has('requires', stepId('接单'), item.id)).toBe(true);

    // Drag from the side list: 客户档案卡 dropped above 备料 is required by it.
    await page.getByTestId('step-panel-close').click();
    await page.getByTestId('toggle-palette').click();
    await page.getByTestId('palette-finder-search').fill('客户档案卡');
    const entry = page.getByTestId('side-palette').getByTestId('finder-item').first();
    await entry.waitFor();
    const dragged = (await entry.getAttribute('data-id'))!;
    await page.waitForTimeout(200);
    const target = (await stepPosition(page, stepId('备料')))!;
    const canvas = await page.getByTestId('pipeline-canvas').boundingBox();
    await entry.dragTo(page.getByTestId('pipeline-canvas'), {
      targetPosition: { x: target.x - canvas!.x, y: target.y - canvas!.y - 10 },
    });
    await expect.poll(() => has('requires', stepId('备料'), dragged)).toBe(true);

    await shot(page, 'processes-04a-dropped');
    // An expert to consult, by search and pick.
    await clickStep(stepId('接单'));
    await expect.poll(() => page.getByTestId('step-panel-title').textContent()).toBe('接单');
    await section('section-consult').getByTestId('section-add').click();
    await section('section-consult').getByTestId('picker-search').fill('郭晓宇');
    await section('section-consult').getByRole('button', { name: '郭晓宇' }).click();
    const expert = node('郭晓宇', 'expert')!;
    await expect.poll(() => has('consults', stepId('接单'), expert.id)).toBe(true);
    await expect.poll(async () => (await snap(page))!.nodes).toBeGreaterThan(6);
    await shot(page, 'processes-04-attached');

    // Ctrl+Z undoes the last attach only.
    await page.getByTestId('pipeline-canvas').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => has('consults', stepId('接单'), expert.id)).toBe(false);
    expect(has('requires', stepId('接单'), item.id)).toBe(true);
    expect(has('requires', stepId('备料'), dragged)).toBe(true);

    // Evidence: 缝制 requires 断针管理, which the sample's quality manual describes but nobody linked. The step
    // panel proposes that page; accepting it documents the item and the step's number on the canvas rises.
    await page.getByTestId('step-panel-close').click();
    await page.getByTestId('pipeline-fit').click();
    await clickStep(stepId('缝制'));
    await expect.poll(() => page.getByTestId('step-panel-title').textContent()).toBe('缝制');
    await section('section-require').getByTestId('section-add').click();
    await section('section-require').getByTestId('picker-search').fill('断针');
    await section('section-require').getByRole('button', { name: '断针管理' }).click();
    const needle = node('断针管理', 'knowledge')!;
    await expect.poll(() => has('requires', stepId('缝制'), needle.id)).toBe(true);
    const strengthOf = async () =>
      (
        await api<Array<{ id: string; strength: number | null }>>(page, 'strength:steps', {
          processId: proc.id,
        })
      ).find((x) => x.id === stepId('缝制'))!.strength;
    const shown = async () =>
      (await snap(page))!.steps
        .find((x) => x.id === stepId('缝制'))!
        .label.split('\n')
        .at(-1);
    const weakBefore = (await strengthOf())!;
    await expect.poll(shown).toBe(String(weakBefore));
    await expect
      .poll(() => env.app.workspace.evidence.progress().finishedAt, { timeout: 60_000 })
      .not.toBeNull();
    const evidence = page.getByTestId('step-evidence-item').filter({ hasText: '断针管理' });
    await evidence.locator('summary').click();
    const proposal = evidence.getByTestId('evidence-proposal').first();
    await expect.poll(() => proposal.textContent()).toContain('成衣质量检验手册');
    await shot(page, 'processes-04b-evidence');
    await proposal.getByTestId('evidence-accept').click();
    await expect
      .poll(() => edges().some((e) => e.kind === 'documented_by' && e.source === needle.id))
      .toBe(true);
    const strongerAfter = (await strengthOf())!;
    expect(strongerAfter).toBeGreaterThan(weakBefore);
    await expect.poll(shown).toBe(String(strongerAfter));
    await shot(page, 'processes-04c-evidence-accepted');

    // A dragged step keeps its position after a reload.
    await page.getByTestId('step-panel-close').click();
    await page.getByTestId('toggle-palette').click();
    await page.getByTestId('pipeline-fit').click();
    await page.waitForTimeout(300);
    const before = (await snap(page))!.steps.find((x) => x.id === stepId('缝制'))!;
    const from = (await stepPosition(page, stepId('缝制')))!;
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + 60, { steps: 8 });
    await page.mouse.move(from.x + 80, from.y + 120, { steps: 8 });
    await page.mouse.up();
    const moved = (await snap(page))!.steps.find((x) => x.id === stepId('缝制'))!;
    expect(Math.hypot(moved.x - before.x, moved.y - before.y)).toBeGreaterThan(20);
    // The drop is stored in the process's own view (not the map's).
    const view = (
      await api<Array<{ id: string; kind: string; layout: { processId?: string } }>>(page, 'views:list', {})
    ).find((v) => v.kind === 'process' && v.layout.processId === proc.id)!;
    await expect
      .poll(() => store.getGraph(undefined, view.id).nodes.find((n) => n.id === stepId('缝制'))?.x)
      .toBe(Math.round(moved.x));
    await page.reload();
    await page.getByTestId('nav-processes').click();
    await expect.poll(async () => (await snap(page))?.steps.length).toBe(4);
    const after = (await snap(page))!.steps.find((x) => x.id === stepId('缝制'))!;
    expect(Math.abs(after.x - moved.x)).toBeLessThan(1);
    expect(Math.abs(after.y - moved.y)).toBeLessThan(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints one A4 page per step of the sales process', async () => {
    const page = await env.chrome.context.newPage();
    await openProcesses(page);
    await chooseProcess(page, '团体定制销售流程', 9);
    await page.getByTestId('print-cards').click();
    await expect.poll(() => page.getByTestId('card-sheet').count()).toBe(9);
    await shot(page, 'processes-05-workstation-card');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    fs.mkdirSync(SHOTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(SHOTS_DIR, 'processes-cards.pdf'), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(9);
    await page.getByTestId('cards-close').click();
    await expect.poll(() => page.getByTestId('workstation-cards').count()).toBe(0);
    await page.close();
  });
  it('caps long names: two lines and "…" in the box, the number on its own line, the full name as title', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openProcesses(page);
    const longName = '超长步骤名称'.repeat(84).slice(0, 500);
    const longProcess = `一个名字非常长的流程${'很长'.repeat(60)}`;
    const created = await api<{ processId: string; stepIds: string[] }>(page, 'processes:create', {
      label: longProcess,
      steps: [longName, 'A step named with several ordinary English words in it', '收尾'],
    });
    await expect
      .poll(() => page.getByTestId('process-item').filter({ hasText: '一个名字非常长的流程' }).count())
      .toBe(1);
    await page.getByTestId('process-item').filter({ hasText: '一个名字非常长的流程' }).click();
    await expect.poll(async () => (await snap(page))?.steps.length).toBe(3);
    // The step box is 136 px wide, its text area 124 px (pipeline-styles.ts LABEL_BOXES).
    for (const st of (await snap(page))!.steps) {
      const lines = st.label.split('\n');
      expect(lines.length).toBeLessThanOrEqual(3);
      expect(lines.at(-1)).toBe('—');
      expect(st.labelWidth, st.label).toBeLessThanOrEqual(124);
    }
    const long = (await snap(page))!.steps.find((x) => x.id === created.stepIds[0])!;
    expect(long.fullLabel).toBe(longName);
    expect(long.label.split('\n')).toHaveLength(3);
    expect(long.label.split('\n')[1]!.endsWith('…')).toBe(true);
    // The process list and the panel title cut the name on screen and keep it whole in their title.
    const entry = page.getByTestId('process-item').filter({ hasText: '一个名字非常长的流程' });
    expect(await entry.getAttribute('title')).toBe(longProcess);
    const nameBox = await entry.locator('.process-name').evaluate((e) => ({
      sw: e.scrollWidth,
      cw: e.clientWidth,
      h: e.getBoundingClientRect().height,
    }));
    expect(nameBox.sw).toBeGreaterThan(nameBox.cw);
    expect(nameBox.h).toBeLessThan(30);
    const pos = (await stepPosition(page, long.id))!;
    await page.mouse.move(pos.x, pos.y);
    await expect.poll(() => page.getByTestId('pipeline-canvas').getAttribute('title')).toBe(longName);
    await page.mouse.click(pos.x, pos.y);
    const title = page.getByTestId('step-panel-title');
    await expect.poll(() => title.getAttribute('title')).toBe(longName);
    const titleBox = await title.evaluate((e) => ({ h: e.clientHeight, sh: e.scrollHeight }));
    expect(titleBox.h).toBeLessThan(80);
    expect(titleBox.sh).toBeGreaterThan(titleBox.h);
    await shot(page, 'processes-07-long-names');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a workstation card with forty required items goes on over further A4 sheets, nothing cut off', async () => {
    const page = await env.chrome.context.newPage();
    await openProcesses(page);
    const created = await api<{ processId: string; stepIds: string[] }>(page, 'processes:create', {
      label: '知识密集流程',
      steps: ['Heavy step', 'Light step'],
    });
    const [heavy, light] = created.stepIds as [string, string];
    const items = env.app.workspace.store
      .getGraph()
      .nodes.filter((n) => n.kind === 'knowledge')
      .slice(0, 40);
    expect(items.length).toBe(40);
    await api(page, 'processes:edit', {
      processId: created.processId,
      edits: items.map((n) => ({ op: 'attach', stepId: heavy, relation: 'requires', targetId: n.id })),
    });
    const detail = await api<{ require: Array<{ label: string }>; templates: unknown[] }>(
      page,
      'processes:step',
      { stepId: heavy },
    );
    expect(detail.require.length).toBeGreaterThan(30);
    const last = detail.require.at(-1)!.label;
    await chooseProcess(page, '知识密集流程', 2);
    await page.getByTestId('print-cards').click();
    await expect.poll(() => page.getByTestId('card-sheet').count()).toBe(2);
    await expect
      .poll(() => page.getByTestId('card-require').first().locator('li').count())
      .toBe(detail.require.length);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    fs.mkdirSync(SHOTS_DIR, { recursive: true });
    const file = path.join(SHOTS_DIR, 'processes-cards-long.pdf');
    fs.writeFileSync(file, pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(3);
    // The text of each sheet (pdftotext, whitespace dropped: a label may wrap).
    const text = (n: number) =>
      execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, '');
    const sheets = Array.from({ length: pages }, (_, i) => text(i + 1));
    const on = (s: string) => sheets.flatMap((t, i) => (t.includes(s.replace(/\s+/g, '')) ? [i + 1] : []));
    // The heavy card starts on sheet 1 and its last required item is printed on a later sheet; the light card
    // is the last sheet, alone.
    expect(on('Heavy step')).toEqual([1]);
    const lastOn = on(last);
    expect(lastOn.length).toBeGreaterThan(0);
    expect(Math.max(...lastOn)).toBeGreaterThan(1);
    expect(Math.max(...lastOn)).toBeLessThan(pages);
    expect(on('Light step')).toEqual([pages]);
    void light;
    await page.getByTestId('cards-close').click();
    await page.close();
  });
});
