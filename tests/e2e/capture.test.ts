import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi as api, openApp, shot, useAppInChromium } from './harness';

const env = useAppInChromium();

interface Graph {
  nodes: Array<{ id: string; kind: string; label: string; props: Record<string, unknown>; tags: string[] }>;
  edges: Array<{ kind: string; source: string; target: string; props: Record<string, unknown> }>;
}

const graph = (page: Page) => api<Graph>(page, 'graph:get', {});

/** The items `learned_at` a node, by label. */
async function learnedAt(page: Page, targetId: string): Promise<string[]> {
  const g = await graph(page);
  const label = new Map(g.nodes.map((n) => [n.id, n.label]));
  return g.edges
    .filter((e) => e.kind === 'learned_at' && e.target === targetId)
    .map((e) => label.get(e.source)!)
    .sort();
}

/** Opens the processes view on the garment manufacturing process and the panel of its step 生产作业. */
async function openOperationStep(page: Page): Promise<{ processId: string; stepId: string }> {
  await openApp(page, env.app.server.url);
  await page.getByTestId('nav-processes').click();
  await page.getByTestId('processes-view').waitFor();
  const list = await api<Array<{ id: string; label: string }>>(page, 'processes:list', {});
  const processId = list.find((p) => p.label === '成衣生产流程')!.id;
  const pipeline = await api<{ steps: Array<{ id: string; label: string }> }>(page, 'processes:pipeline', {
    processId,
  });
  const stepId = pipeline.steps.find((s) => s.label === '生产作业')!.id;
  await page.getByTestId('process-item').filter({ hasText: '成衣生产流程' }).click();
  await expect.poll(() => page.getByTestId('process-title').textContent()).toContain('成衣生产流程');
  await page.waitForFunction(
    (id) => {
      const w = window as unknown as {
        __wellspringPipeline?: { engine: { snapshot(): { steps: Array<{ id: string }> } } | null };
      };
      return w.__wellspringPipeline?.engine?.snapshot().steps.some((s) => s.id === id) ?? false;
    },
    stepId,
    { timeout: 30_000 },
  );
  const pos = await page.evaluate((id) => {
    const w = window as unknown as {
      __wellspringPipeline: { engine: { clientPosition(id: string): { x: number; y: number } } };
    };
    return w.__wellspringPipeline.engine.clientPosition(id);
  }, stepId);
  await page.mouse.click(pos.x, pos.y);
  await expect.poll(() => page.getByTestId('step-panel-title').textContent()).toBe('生产作业');
  return { processId, stepId };
}

const dialog = (page: Page) => page.getByTestId('capture-dialog');
const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('capture forms', () => {
  it('an AAR entered from the step panel creates its lessons learned at the step; Ctrl+Z removes both', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const { processId, stepId } = await openOperationStep(page);
    const before = await learnedAt(page, stepId);
    const knowledgeBefore = (await graph(page)).nodes.filter((n) => n.kind === 'knowledge').length;

    // The step panel opens the AAR with the step and its process chosen.
    await page.getByTestId('capture-aar-button').click();
    await dialog(page).waitFor();
    expect(await page.getByTestId('capture-process').inputValue()).toBe(processId);
    await expect.poll(() => page.getByTestId('capture-step').inputValue()).toBe(stepId);
    expect(await focusedTestId(page)).toBe('capture-process');
    await shot(page, 'capture-01-aar-empty');

    // Ctrl+Enter on an empty form says what is missing, in place, and moves to the first field at fault.
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => dialog(page).getByTestId('capture-error').count()).toBe(5);
    expect(await focusedTestId(page)).toBe('capture-field-title');
    expect(
      await dialog(page).locator('[data-place="keep"] [data-testid=capture-error]').textContent(),
    ).toContain('至少写一条经验');

    // Keyboard: type and Tab through the review.
    await page.keyboard.type('十一月衬衫订单复盘');
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('capture-field-expected');
    await page.keyboard.type('一次检验合格率不低于 97%。');
    await page.keyboard.press('Tab');
    await page.keyboard.type('一次合格率 94%,两扎裁片色差返工。');
    await page.keyboard.press('Tab');
    await page.keyboard.type('换缸号时没有分床。');
    await page.keyboard.press('Tab');
    // The first "keep" entry.
    expect(await focusedTestId(page)).toBe('capture-entry');
    await page.keyboard.type('开裁前班组长复核唛架\n复核后再开刀,本次没有一片排错。');
    await expect.poll(() => dialog(page).getByTestId('capture-error').count()).toBe(0);

    // "Change": + adds an entry and focuses it, × removes one.
    const change = page.getByTestId('capture-list-change');
    await change.getByTestId('capture-entry').first().fill('换缸号必须分床');
    await change.getByTestId('capture-entry-add').click();
    expect(await focusedTestId(page)).toBe('capture-entry');
    await page.keyboard.type('多余的一条');
    await expect.poll(() => change.getByTestId('capture-entry').count()).toBe(2);
    await change.getByTestId('capture-entry-remove').nth(1).click();
    await expect.poll(() => change.getByTestId('capture-entry').count()).toBe(1);

    // Who took part: found in the expert directory.
    await page.getByTestId('capture-people-participants-add').click();
    await page.getByTestId('capture-finder-search').fill('吴秀兰');
    await page
      .getByTestId('capture-finder')
      .getByTestId('finder-item')
      .filter({ hasText: '吴秀兰' })
      .getByRole('button')
      .click();
    await expect
      .poll(() => page.getByTestId('capture-people-participants').getByTestId('capture-chip').count())
      .toBe(1);
    await expect.poll(() => page.getByTestId('capture-submit').textContent()).toContain('生成 2 条经验');
    await shot(page, 'capture-02-aar-filled');
    await dialog(page).evaluate((el) => (el.scrollTop = el.scrollHeight));
    await shot(page, 'capture-02b-aar-lessons');

    await page.getByTestId('capture-field-why').focus();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => dialog(page).count()).toBe(0);
    await expect.poll(() => page.getByTestId('capture-done').count()).toBe(1);
    expect(await page.getByTestId('capture-done').textContent()).toContain('2 条经验');

    // Checked through the API: two explicit items learned at the step, externalised, known by the participant.
    const lessons = ['开裁前班组长复核唛架', '换缸号必须分床'];
    expect(await learnedAt(page, stepId)).toEqual([...before, ...lessons].sort());
    const g = await graph(page);
    const wu = g.nodes.find((n) => n.label === '吴秀兰')!.id;
    for (const label of lessons) {
      const item = g.nodes.find((n) => n.label === label)!;
      expect(item.props).toMatchObject({ form: 'explicit', seciStage: 'externalisation', existence: 'case' });
      expect(item.tags).toEqual(['AAR']);
      expect(g.edges.some((e) => e.kind === 'knows' && e.source === wu && e.target === item.id)).toBe(true);
    }
    // The step panel lists them as lessons learned.
    await expect
      .poll(() => page.getByTestId('section-lessons').locator('li').allTextContents())
      .toEqual(expect.arrayContaining(lessons));
    await shot(page, 'capture-03-aar-done');

    // One undo step: Ctrl+Z removes both lessons.
    const history = await api<{ undo: { label: string } }>(page, 'history:state', {});
    expect(history.undo.label).toBe('行动后反思（AAR）：2 条经验——十一月衬衫订单复盘');
    await page.keyboard.press('Control+z');
    await expect.poll(() => learnedAt(page, stepId)).toEqual(before);
    expect((await graph(page)).nodes.filter((n) => n.kind === 'knowledge').length).toBe(knowledgeBefore);
    await expect.poll(() => page.getByTestId('capture-done').count()).toBe(0);

    // Escape on a filled form asks first; a second Escape keeps editing; Discard throws it away.
    await page.getByTestId('capture-aar-button').click();
    await dialog(page).waitFor();
    await page.getByTestId('capture-field-title').fill('草稿');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('capture-discard').count()).toBe(1);
    expect(await focusedTestId(page)).toBe('capture-keep');
    await shot(page, 'capture-04-discard-confirm');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('capture-discard').count()).toBe(0);
    expect(await page.getByTestId('capture-field-title').inputValue()).toBe('草稿');
    await page.keyboard.press('Escape');
    await page.getByTestId('capture-discard').click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await focusedTestId(page)).toBe('capture-aar-button');
    expect(await learnedAt(page, stepId)).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the production record from the command palette creates tacit items held by master and apprentice', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page, env.app.server.url);
    await page.keyboard.press('Control+Shift+P');
    await page.getByTestId('command-palette').locator('input').fill('师带徒');
    await page.getByTestId('command-palette').locator('input').press('Enter');
    await dialog(page).waitFor();

    // From the map nothing is chosen: pick the process, then the step.
    const list = await api<Array<{ id: string; label: string }>>(page, 'processes:list', {});
    const processId = list.find((p) => p.label === '成衣生产流程')!.id;
    await page.getByTestId('capture-process').selectOption(processId);
    await expect.poll(() => page.getByTestId('capture-step').locator('option').count()).toBe(4);
    await page.getByTestId('capture-step').selectOption({ label: '3. 交接' });
    const stepId = await page.getByTestId('capture-step').inputValue();

    await page.getByTestId('capture-field-order').fill('JX-2612-007 团体工装夹克');
    await page.getByTestId('capture-field-machine').fill('1 号自动裁床');
    const technique = page.getByTestId('capture-list-technique');
    await technique
      .getByTestId('capture-entry')
      .first()
      .fill('裁片按流转卡分扎\n同层同号型一扎,扎内附流转卡,交接时逐扎点数。');
    await technique.getByTestId('capture-entry-add').click();
    await page.keyboard.type('交接前抽检裁片尺寸');
    await page.getByTestId('capture-field-experienceSource').selectOption('apprenticeship');
    for (const [place, name] of [
      ['master', '吴秀兰'],
      ['apprentice', '陆晓军'],
    ] as const) {
      await page.getByTestId(`capture-people-${place}-choose`).click();
      await page.getByTestId('capture-finder-search').fill(name);
      await page
        .getByTestId('capture-finder')
        .getByTestId('finder-item')
        .filter({ hasText: name })
        .getByRole('button')
        .click();
      await expect
        .poll(() => page.getByTestId(`capture-people-${place}`).getByTestId('capture-chip').textContent())
        .toContain(name);
    }
    await shot(page, 'capture-05-apprentice-filled');
    await page.getByTestId('capture-submit').click();
    await expect.poll(() => page.getByTestId('capture-done').count()).toBe(1);

    const g = await graph(page);
    const id = (label: string) => g.nodes.find((n) => n.label === label)!.id;
    const items = ['裁片按流转卡分扎', '交接前抽检裁片尺寸'].map((label) =>
      g.nodes.find((n) => n.label === label)!,
    );
    expect(items.map((n) => n.props.form)).toEqual(['tacit', 'tacit']);
    // The first entry says how it is done (externalisation); the second only names it (socialisation).
    expect(items.map((n) => n.props.seciStage)).toEqual(['externalisation', 'socialisation']);
    for (const item of items) {
      expect(
        g.edges.some((e) => e.kind === 'learned_at' && e.source === item.id && e.target === stepId),
      ).toBe(true);
      const knows = (who: string) =>
        g.edges.find((e) => e.kind === 'knows' && e.source === id(who) && e.target === item.id)?.props
          .proficiency;
      expect([knows('吴秀兰'), knows('陆晓军')]).toEqual([5, 2]);
    }
    await shot(page, 'capture-06-apprentice-done');

    // "Show on the map": the map, centred on the first new item, selected.
    await page.getByTestId('capture-show-on-map').click();
    await page.getByTestId('map-canvas').waitFor();
    await expect
      .poll(() =>
        page.evaluate(() => window.__wellspring?.engine?.cy.$(':selected').map((n) => n.id()) ?? []),
      )
      .toEqual([items[0]!.id]);
    await shot(page, 'capture-07-show-on-map');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the knowledge manager adds a field to the AAR template, the form shows it, reset brings the default back', async () => {
    const page = await env.chrome.context.newPage();
    await openApp(page, env.app.server.url);
    await page.keyboard.press('Control+Shift+P');
    await page.getByTestId('command-palette').locator('input').fill('行动后反思');
    await page.getByTestId('command-palette').locator('input').press('Enter');
    await dialog(page).waitFor();
    await page.getByTestId('capture-edit-template').click();
    const editor = page.getByTestId('capture-template-editor');
    await editor.waitFor();
    // Fields the lessons are made from are locked.
    const keep = editor.locator('[data-field="keep"]');
    expect(await keep.getByTestId('te-field-remove').isDisabled()).toBe(true);
    expect(await keep.getByTestId('te-kind').locator('option').count()).toBe(1);
    // Add a field to the last section; its Chinese name takes the focus.
    const lessons = editor.getByTestId('te-section').nth(2);
    await lessons.getByTestId('te-add-field').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('跟进人');
    const added = lessons.getByTestId('te-field').last();
    await added.getByTestId('te-name-en').fill('Follow-up by');
    await added.getByTestId('te-required').check();
    // ↑ moves it above "What to change", and the focus stays on the moved button.
    await added.getByTestId('te-field-up').click();
    expect(await lessons.getByTestId('te-field').nth(1).getAttribute('data-field')).toBe('field1');
    expect(await focusedTestId(page)).toBe('te-field-up');
    expect(
      await page.evaluate(() => document.activeElement?.closest<HTMLElement>('[data-field]')?.dataset.field),
    ).toBe('field1');
    await shot(page, 'capture-08-template-editor');
    await editor.getByTestId('te-save').click();
    await expect.poll(() => editor.count()).toBe(0);
    await expect.poll(() => dialog(page).getByTestId('capture-field-field1').count()).toBe(1);
    const state = await api<{
      customised: boolean;
      template: { sections: Array<{ fields: Array<{ id: string }> }> };
    }>(page, 'capture:template', { form: 'aar' });
    expect(state.customised).toBe(true);
    expect(state.template.sections[2]!.fields.map((f) => f.id)).toEqual(['keep', 'field1', 'change']);
    await shot(page, 'capture-09-form-with-new-field');

    await page.getByTestId('capture-edit-template').click();
    await editor.waitFor();
    await editor.getByTestId('te-reset').click();
    await editor.getByTestId('te-confirm').click();
    await expect
      .poll(() => api<{ customised: boolean }>(page, 'capture:template', { form: 'aar' }))
      .toMatchObject({
        customised: false,
      });
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.count()).toBe(0);
    await expect.poll(() => dialog(page).getByTestId('capture-field-field1').count()).toBe(0);

    // In English and the dark theme, the form shows the template's English names.
    await page.getByTestId('language').selectOption('en', { force: true });
    await page.getByTestId('theme').selectOption('dark', { force: true });
    await expect.poll(() => dialog(page).locator('h2').textContent()).toBe('After Action Review (AAR)');
    expect(await dialog(page).locator('label[for="capture-field-why"]').textContent()).toContain(
      'Why they differ',
    );
    await shot(page, 'capture-10-aar-en-dark');
    await page.close();
  });
});
