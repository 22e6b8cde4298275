// The experts view (issue 8 items 1–4, 8) on the sample workspace, in Chromium: the directory sorts and filters
// like the API's rows say; the departure of the most critical expert (top of experts:risk) shows the API's
// uncovered items and strength drops before → after; the locator finds, for a Chinese and an English query, the
// holders of the items whose names match (computed here from graph:get); "My areas" takes the focus, sets a
// proficiency by keyboard keeping the row selected and the order stable, Ctrl+Z undoes it, Enter describes with
// the caret at the end, Escape leaves it; a leaving date in the past is refused naming it, nothing written; an
// expert deleted while their profile is open is said so and comes back with undo; an empty workspace disables the
// risk exports. The directory's default order is the risk ranking's. Screenshots go to test-results/e2e/.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import {
  DEFAULT_NODE_PROPS,
  type DepartureSimulation,
  type ExpertProfile,
  type ExpertRow,
  type GraphDto,
  type RiskRow,
} from '../../preload/contract';
import { openApp, shot, useAppInChromium, callApi } from './harness';

const env = useAppInChromium();

const api = callApi;

async function openExperts(page: Page, language: 'zh-CN' | 'en' = 'zh-CN'): Promise<void> {
  await openApp(page, env.app.server.url);
  await page.getByTestId('language').selectOption(language);
  await page.getByTestId('nav-experts').click();
  await page.getByTestId('experts-view').waitFor();
}

async function openTab(page: Page, tab: 'directory' | 'locator' | 'risk' | 'simulation'): Promise<void> {
  await page.getByTestId(`experts-tab-${tab}`).click();
  await expect.poll(() => page.getByTestId(`experts-tab-${tab}`).getAttribute('aria-selected')).toBe('true');
}

const rowNames = (page: Page) =>
  page.getByTestId('directory-row').evaluateAll((rows) =>
    rows
      .map((r) => ({ i: Number(r.getAttribute('data-index')), id: r.getAttribute('data-row-id')! }))
      .sort((a, b) => a.i - b.i)
      .map((r) => r.id),
  );

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

describe('experts view', () => {
  it('the directory sorts and filters; cards and a profile', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openExperts(page);
    const rows = await api<ExpertRow[]>(page, 'experts:directory', {});
    expect(rows.length).toBeGreaterThanOrEqual(15);
    await openTab(page, 'directory');
    await page.getByTestId('layout-table').click();
    // Default order: the API's, which is the risk ranking's (rank order, ties broken as experts:risk breaks them).
    const ranking = (await api<RiskRow[]>(page, 'experts:risk', {})).map((r) => r.id);
    expect(rows.map((r) => r.id)).toEqual(ranking);
    await expect.poll(() => rowNames(page)).toEqual(ranking);
    // Sorting by the risk column (descending first) keeps the ranking too: ties stay in the API's order.
    await page.locator('.data-table-sort[data-col="total"]').click();
    await expect.poll(() => rowNames(page)).toEqual(ranking);
    // Third click clears the sort: back to the API's order.
    await page.locator('.data-table-sort[data-col="total"]').click();
    await page.locator('.data-table-sort[data-col="total"]').click();
    await expect.poll(() => rowNames(page)).toEqual(ranking);
    await shot(page, 'experts-01-directory-zh');

    // Name: pinyin order; again: reversed.
    const pinyin = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true, sensitivity: 'base' });
    const byName = [...rows].sort((a, b) => pinyin.compare(a.label, b.label)).map((r) => r.id);
    await page.locator('.data-table-sort[data-col="name"]').click();
    await expect.poll(() => rowNames(page)).toEqual(byName);
    await page.locator('.data-table-sort[data-col="name"]').click();
    await expect.poll(() => rowNames(page)).toEqual([...byName].reverse());
    // Sole items: descending first (ties keep the API's order: the sort is stable).
    const bySole = [...rows].sort((a, b) => b.soleItems - a.soleItems).map((r) => r.id);
    await page.locator('.data-table-sort[data-col="soleItems"]').click();
    await expect.poll(() => rowNames(page)).toEqual(bySole);

    // Filter: a department, then a word of a title, then an English alias in capitals.
    const dept = rows.find((r) => r.department === '苏州服装厂') ? '苏州服装厂' : rows[0]!.department!;
    await page.getByTestId('directory-department').selectOption(dept);
    await expect
      .poll(async () => (await rowNames(page)).sort())
      .toEqual(
        rows
          .filter((r) => r.department === dept)
          .map((r) => r.id)
          .sort(),
      );
    await page.getByTestId('directory-department').selectOption('');
    await page.getByTestId('directory-filter').fill('店长');
    await expect
      .poll(async () => (await rowNames(page)).sort())
      .toEqual(
        rows
          .filter((r) => (r.title ?? '').includes('店长'))
          .map((r) => r.id)
          .sort(),
      );
    const someone = rows.find((r) => r.aliases.length > 0)!;
    await page.getByTestId('directory-filter').fill(someone.aliases[0]!.toUpperCase());
    await expect.poll(() => rowNames(page)).toEqual([someone.id]);
    await page.getByTestId('directory-filter').fill('');

    // Cards show the same experts.
    await page.getByTestId('layout-cards').click();
    await expect.poll(() => page.getByTestId('expert-card').count()).toBe(rows.length);
    await shot(page, 'experts-02-cards-zh');
    await page.getByTestId('layout-table').click();

    // Enter on the active row (Home: the first in the current sort, most sole items) opens the profile.
    await page.getByTestId('directory-body').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    const first = rows.find((r) => r.id === bySole[0])!;
    await expect.poll(() => page.getByTestId('profile-name').textContent()).toContain(first.label);
    const profile = await api<ExpertProfile>(page, 'experts:profile', { id: first.id });
    await expect.poll(() => page.getByTestId('area-row').count()).toBe(profile.areas.length);
    await shot(page, 'experts-03-profile-zh');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('simulating the departure of the most critical expert shows the uncovered items and the drops', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openExperts(page);
    const risk = await api<RiskRow[]>(page, 'experts:risk', {});
    const top = risk[0]!;
    for (let i = 1; i < risk.length; i++) expect(risk[i]!.total).toBeLessThanOrEqual(risk[i - 1]!.total);
    const sim = await api<DepartureSimulation>(page, 'experts:simulate', { expertIds: [top.id] });
    expect(sim.uncovered.length).toBeGreaterThan(0);

    await openTab(page, 'risk');
    await expect.poll(() => page.getByTestId('risk-row').first().getAttribute('data-id')).toBe(top.id);
    await expect.poll(() => page.getByTestId('risk-row').count()).toBe(risk.length);
    await expect.poll(() => page.locator('[data-testid="heatmap"] canvas').count()).toBeGreaterThan(0);
    await page.waitForTimeout(400);
    await shot(page, 'experts-04-risk-heatmap-zh');

    await page.locator(`[data-testid="risk-row"][data-id="${top.id}"] [data-testid="risk-simulate"]`).click();
    await expect
      .poll(() => page.getByTestId('experts-tab-simulation').getAttribute('aria-selected'))
      .toBe('true');
    await page.getByTestId('uncovered-table').waitFor();
    const shown = await page
      .getByTestId('uncovered-row')
      .evaluateAll((rs) => rs.map((r) => r.getAttribute('data-id')));
    expect(shown).toEqual(sim.uncovered.map((u) => u.id));
    // At least one strength drop is shown before → after, with the API's numbers.
    const dropped = sim.items.find((d) => d.before !== null && d.after !== null && d.after < d.before)!;
    expect(dropped).toBeTruthy();
    const line = page.locator(`[data-testid="drops-items"] li[data-id="${dropped.id}"]`);
    await expect.poll(() => line.textContent()).toContain(`${dropped.before} → ${dropped.after}`);
    await shot(page, 'experts-05-simulation-zh');

    // The printable report lists the same uncovered items.
    await page.getByTestId('simulation-print').click();
    await expect
      .poll(() => page.locator('[data-testid="departure-print"] [data-testid="uncovered-row"]').count())
      .toBe(sim.uncovered.length);
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'experts-06-departure-print');
    await page.emulateMedia({ media: 'screen' });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('departure-print').count()).toBe(0);

    // The same in English, and the risk tab in the dark theme.
    await page.getByTestId('language').selectOption('en');
    await expect
      .poll(() => page.getByTestId('experts-tab-simulation').textContent())
      .toBe('Departure simulation');
    await shot(page, 'experts-07-simulation-en');
    await page.getByTestId('theme').selectOption('dark');
    await openTab(page, 'risk');
    await page.waitForTimeout(400);
    await shot(page, 'experts-08-risk-heatmap-en-dark');
    await page.getByTestId('theme').selectOption('light');
    await openTab(page, 'directory');
    await shot(page, 'experts-09-directory-en');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the locator finds the holders of the matching items and categories, for a Chinese and an English query', async () => {
    const page = await env.chrome.context.newPage();
    await openExperts(page);
    const graph = await api<GraphDto>(page, 'graph:get', {});
    await openTab(page, 'locator');
    for (const [query, name] of [
      ['打版', 'zh'],
      ['pattern', 'en'],
    ] as const) {
      // What the graph says: items and categories whose label or an alias contains the query, the items of those
      // categories and of their sub-categories, and who knows any of them.
      const named = graph.nodes.filter(
        (n) =>
          (n.kind === 'knowledge' || n.kind === 'category') &&
          [n.label, ...n.aliases].some((s) => fold(s).includes(fold(query))),
      );
      expect(named.length).toBeGreaterThan(0);
      const ids = new Set(named.map((n) => n.id));
      const categories = new Set(named.filter((n) => n.kind === 'category').map((n) => n.id));
      for (let grew = true; grew;) {
        grew = false;
        for (const e of graph.edges)
          if (e.kind === 'part_of' && categories.has(e.target) && !categories.has(e.source))
            grew = categories.add(e.source) !== undefined;
      }
      for (const e of graph.edges)
        if (e.kind === 'classified_as' && categories.has(e.target)) ids.add(e.source);
      for (const c of categories) ids.add(c);
      const knows = graph.edges.filter((e) => e.kind === 'knows' && ids.has(e.target));
      const holders = new Set(knows.map((e) => e.source));
      expect(holders.size).toBeGreaterThan(0);
      const best = Math.max(...knows.map((e) => Number(e.props.proficiency)));
      const bestHolders = new Set(
        knows.filter((e) => Number(e.props.proficiency) === best).map((e) => e.source),
      );

      await page.getByTestId('locator-query').fill(query);
      await expect
        .poll(async () => {
          const hits = await page
            .getByTestId('locator-hit')
            .evaluateAll((h) => h.map((x) => x.getAttribute('data-id')));
          return [...holders].every((id) => hits.includes(id));
        })
        .toBe(true);
      const first = await page.getByTestId('locator-hit').first().getAttribute('data-id');
      expect(bestHolders.has(first!)).toBe(true);
      expect(((await page.getByTestId('locator-why').first().textContent()) ?? '').length).toBeGreaterThan(4);
      await shot(page, `experts-10-locator-${name}`);
    }
    await page.close();
  });

  it('"My areas": a proficiency set by keyboard, undone by Ctrl+Z; a past leaving date is refused', async () => {
    const page = await env.chrome.context.newPage();
    await openExperts(page, 'en');
    const rows = await api<ExpertRow[]>(page, 'experts:directory', {});
    // Someone with two areas or more whose second area has a description (to check where the caret goes).
    let who: ExpertRow | undefined;
    let before: ExpertProfile | undefined;
    for (const r of rows.filter((x) => x.items >= 2)) {
      const p = await api<ExpertProfile>(page, 'experts:profile', { id: r.id });
      if (p.areas.length >= 2 && p.areas[1]!.description) {
        [who, before] = [r, p];
        break;
      }
    }
    if (!who || !before) throw new Error('no expert with a described second area in the sample');
    const second = before.areas[1]!;
    const target = second.proficiency === 1 ? 4 : 1;
    await openTab(page, 'directory');
    await page.locator(`[data-testid="directory-row"][data-row-id="${who.id}"]`).click();
    await page.getByTestId('my-areas').click();
    // Entering "my areas" puts the focus in the list, first area selected: the keys work at once.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('my-areas-list');
    expect(await page.locator('[data-testid="my-area"][aria-selected="true"]').getAttribute('data-id')).toBe(
      before.areas[0]!.id,
    );
    const shownOrder = () =>
      page.getByTestId('my-area').evaluateAll((li) => li.map((x) => x.getAttribute('data-id')));
    const order = await shownOrder();
    expect(order).toEqual(before.areas.map((a) => a.id));
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.locator('[data-testid="my-area"][aria-selected="true"]').getAttribute('data-id'))
      .toBe(second.id);
    await page.keyboard.press(String(target));
    const profOf = async () =>
      (await api<ExpertProfile>(page, 'experts:profile', { id: who.id })).areas.find(
        (a) => a.id === second.id,
      )?.proficiency;
    await expect.poll(profOf).toBe(target);
    await expect
      .poll(() =>
        page.locator(`[data-testid="my-area"][data-id="${second.id}"]`).getAttribute('data-proficiency'),
      )
      .toBe(String(target));
    // The edited row stays selected and in view, and the order stays as it was while editing (the core re-sorts
    // by proficiency); the focus is still in the list.
    expect(await page.locator('[data-testid="my-area"][aria-selected="true"]').getAttribute('data-id')).toBe(
      second.id,
    );
    expect(await shownOrder()).toEqual(order);
    const inView = await page.evaluate((id) => {
      const list = document.querySelector('[data-testid="my-areas-list"]')!.getBoundingClientRect();
      const row = document.querySelector(`[data-testid="my-area"][data-id="${id}"]`)!.getBoundingClientRect();
      return row.top >= list.top - 1 && row.bottom <= list.bottom + 1;
    }, second.id);
    expect(inView).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'my-areas-list',
    );
    await shot(page, 'experts-11-my-areas-en');
    await page.keyboard.press('Control+z');
    await expect.poll(profOf).toBe(second.proficiency);

    // Enter edits the area's description inline, the caret after the text there; Escape cancels (nothing written).
    await page.keyboard.press('Enter');
    const edit = page.getByTestId('area-description-edit');
    await edit.waitFor();
    expect(await edit.inputValue()).toBe(second.description);
    await page.keyboard.type(' more');
    expect(await edit.inputValue()).toBe(`${second.description} more`);
    expect(
      await edit.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd, el.value.length]),
    ).toEqual([second.description.length + 5, second.description.length + 5, second.description.length + 5]);
    await edit.fill('draft that is cancelled');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('area-description-edit').count()).toBe(0);
    expect((await api<ExpertProfile>(page, 'experts:profile', { id: who.id })).areas[1]!.description).toBe(
      second.description,
    );
    const focused = () =>
      page.evaluate(() =>
        document.activeElement === document.body
          ? 'body'
          : document.activeElement?.getAttribute('data-testid'),
      );
    expect(await focused()).toBe('my-areas-list');

    // Escape in the list leaves "my areas" (the profile stays open), the focus on the button that enters it.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('my-areas-editor').count()).toBe(0);
    expect(await page.getByTestId('expert-profile').count()).toBe(1);
    await expect.poll(focused).toBe('my-areas');

    // A leaving date in the past: refused with the date named; the profile is unchanged.
    await page.getByTestId('risk-leaving-input').fill('2020-01-15');
    await page.getByTestId('risk-save').click();
    await expect.poll(() => page.getByTestId('risk-error').textContent()).toContain('2020-01-15');
    const after = await api<ExpertProfile>(page, 'experts:profile', { id: who.id });
    expect(after.expectedLeaving).toBe(before.expectedLeaving);
    expect(after.risk.total).toBe(before.risk.total);
    await shot(page, 'experts-12-leaving-refused-en');
    await page.close();
  });

  it('an expert deleted while their profile is open: said so, with Close; undo brings them back', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openExperts(page);
    const rows = await api<ExpertRow[]>(page, 'experts:directory', {});
    const who = rows[rows.length - 1]!;
    await openTab(page, 'directory');
    await page.getByTestId('layout-table').click();
    await page.locator(`[data-testid="directory-row"][data-row-id="${who.id}"]`).click();
    await expect.poll(() => page.getByTestId('profile-name').textContent()).toContain(who.label);

    await api(page, 'graph:delete-node', { id: who.id });
    const notice = page.getByTestId('profile-deleted');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('该专家已被删除。');
    // Never the raw id or the CLI's hint.
    expect(text).not.toContain(who.id);
    expect(text).not.toContain('ID 或姓名');
    await expect
      .poll(() => page.locator(`[data-testid="directory-row"][data-row-id="${who.id}"]`).count())
      .toBe(0);
    await shot(page, 'experts-13-profile-deleted-zh');

    // Undo (the app's Ctrl+Z, focus in the panel) brings them back in the directory and their profile back.
    await page.getByTestId('expert-profile').focus();
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => page.locator(`[data-testid="directory-row"][data-row-id="${who.id}"]`).count())
      .toBe(1);
    await expect.poll(() => page.getByTestId('profile-name').textContent()).toContain(who.label);
    expect(await page.getByTestId('profile-deleted').count()).toBe(0);

    // Deleted again: Close closes the panel, and the focus goes back to the directory, not to <body>.
    await api(page, 'graph:delete-node', { id: who.id });
    await notice.waitFor();
    await page.getByTestId('profile-close').click();
    await expect.poll(() => page.getByTestId('expert-profile').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement !== document.body)).toBe(true);
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => page.locator(`[data-testid="directory-row"][data-row-id="${who.id}"]`).count())
      .toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an empty workspace: the risk exports are disabled; an expert with no areas has no criteria', async () => {
    const page = await env.chrome.context.newPage();
    await openExperts(page);
    await api(page, 'workspace:create', {
      path: path.join(env.app.dataDir, 'empty.wellspring'),
      sample: false,
    });
    await openTab(page, 'risk');
    await expect.poll(() => page.getByTestId('risk-empty').textContent()).toBe('还没有专家。');
    for (const id of ['export-csv', 'export-xlsx', 'heatmap-svg'])
      expect(await page.getByTestId(id).isDisabled(), id).toBe(true);
    await shot(page, 'experts-14-risk-empty-zh');

    const node = await api<{ id: string }>(page, 'graph:add-node', {
      kind: 'expert',
      label: '新专家',
      props: DEFAULT_NODE_PROPS.expert,
    });
    await expect.poll(() => page.getByTestId('risk-row').count()).toBe(1);
    expect(await page.getByTestId('export-csv').isDisabled()).toBe(false);
    await page.locator(`[data-testid="risk-row"][data-id="${node.id}"] .risk-name`).click();
    const source = page.getByTestId('position-source');
    await expect.poll(() => source.textContent()).toContain('没有哪项知识只依赖此人');
    expect(await source.textContent()).not.toContain('下列判据');
    await page.close();
  });
});
