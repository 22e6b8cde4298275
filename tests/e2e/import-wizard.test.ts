import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseMapping, planImport, readTable } from '../../main/core/import';
import type { GraphDto } from '../../preload/contract';
import {
  SYNTHETIC_IMPORT_MAPPING,
  syntheticImportCounts,
  writeSyntheticImportCsv,
} from '../bench/synthetic-import';
import { callApi as api, openApp, shot, useAppInChromium } from './harness';

const env = useAppInChromium();

const FIXTURES = path.resolve(__dirname, '../../fixtures/import');
const fixture = (name: string) => path.join(FIXTURES, name);
const MAPPING = fixture('debian-teams.mapping.json');

const graph = (page: Page) => api<GraphDto>(page, 'graph:get', {});
const countOf = (g: GraphDto, kind: string) =>
  g.nodes.filter((n) => n.kind === kind).length + g.edges.filter((e) => e.kind === kind).length;

/** What the core plans for a fixture file by the Debian mapping, against the workspace as it is now. */
async function corePlan(page: Page, file: string, sheet?: string) {
  const table = await readTable(fs.readFileSync(fixture(file)), file);
  const mapping = parseMapping(fs.readFileSync(MAPPING, 'utf8'), 'debian-teams.mapping.json');
  return planImport(table, sheet ? { ...mapping, sheet } : mapping, await graph(page));
}

async function openWizard(page: Page, language: 'zh-CN' | 'en' = 'zh-CN', theme: 'light' | 'dark' = 'light') {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, env.app.server.url);
  await page.getByTestId('language').selectOption(language);
  await page.getByTestId('theme').selectOption(theme);
  await page.locator('body').click({ position: { x: 700, y: 5 } });
  await page.keyboard.press('Control+i');
  await page.getByTestId('import-wizard').waitFor();
}

/** The text of the preview's cells in the column called `name`. */
function previewColumn(page: Page, name: string): Promise<string[]> {
  return page.getByTestId('iw-preview-table').evaluate((table, col) => {
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    const i = heads.indexOf(col);
    return [...table.querySelectorAll('tbody tr')].map((tr) => tr.children[i]?.textContent ?? '');
  }, name);
}

/** Picks a file, goes to the mapping step and loads the Debian mapping. */
async function pickAndMap(page: Page, file: string, shots?: string): Promise<void> {
  await page.getByTestId('iw-file-input').setInputFiles(fixture(file));
  await page.getByTestId('iw-preview').waitFor();
  if (shots) await shot(page, `${shots}-2-preview`);
  await page.getByTestId('iw-next').click();
  await page.getByTestId('iw-mapping').waitFor();
  if (shots) await shot(page, `${shots}-3-mapping-guess`);
  await page.getByTestId('iw-mapping-input').setInputFiles(MAPPING);
  await expect.poll(() => page.getByTestId('iw-node').count()).toBe(2);
  expect(await page.getByTestId('iw-edge').count()).toBe(1);
}

describe('import wizard', () => {
  it('the Debian teams CSV in GB18030, mapped by the saved mapping: the core’s plan, one import, one Ctrl+Z (zh-CN)', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openWizard(page);
    await shot(page, 'import-zh-1-file');
    const before = await graph(page);
    await page.getByTestId('iw-file-input').setInputFiles(fixture('debian-teams.gb18030.csv'));
    await page.getByTestId('iw-preview').waitFor();
    // Detected as GB18030: the Chinese reads as Chinese, with the file's line numbers (record 1 on line 2).
    await expect
      .poll(() => page.getByTestId('iw-encoding').locator('option:checked').textContent())
      .toContain('GB18030');
    expect((await previewColumn(page, 'description_zh_CN'))[0]).toBe('古代战争实时策略游戏');
    expect(
      await page.locator('[data-testid=iw-preview-table] tbody tr').first().getAttribute('data-line'),
    ).toBe('2');
    await shot(page, 'import-zh-2-preview');
    // A wrong encoding forced in the preview garbles it and says so; GB18030 again reads it right.
    await page.getByTestId('iw-encoding').selectOption('UTF-8');
    await page.getByTestId('iw-garbled').waitFor();
    expect((await previewColumn(page, 'description_zh_CN'))[0]).toContain('\uFFFD');
    await shot(page, 'import-zh-2-preview-wrong-encoding');
    await page.getByTestId('iw-encoding').selectOption('GB18030');
    await expect
      .poll(async () => (await previewColumn(page, 'description_zh_CN'))[0])
      .toBe('古代战争实时策略游戏');
    expect(await page.getByTestId('iw-garbled').count()).toBe(0);

    await page.getByTestId('iw-next').click();
    await page.getByTestId('iw-mapping').waitFor();
    await shot(page, 'import-zh-3-mapping-guess');
    await page.getByTestId('iw-mapping-input').setInputFiles(MAPPING);
    await expect.poll(() => page.getByTestId('iw-node').count()).toBe(2);
    await shot(page, 'import-zh-3-mapping');
    await page.getByTestId('iw-next').click();
    await page.getByTestId('iw-clean').waitFor();
    await shot(page, 'import-zh-4-check');

    // The summary is the core's plan of the UTF-8 twin against this workspace.
    const core = await corePlan(page, 'debian-teams.csv');
    expect(core.problems).toEqual([]);
    expect(Number((await page.getByTestId('iw-new-nodes').textContent())!.replace(/\D/g, ''))).toBe(
      core.summary.newNodes,
    );
    expect(Number((await page.getByTestId('iw-new-edges').textContent())!.replace(/\D/g, ''))).toBe(
      core.summary.newEdges,
    );
    await page.getByTestId('iw-import').click();
    await page.getByTestId('iw-done').waitFor();
    await shot(page, 'import-zh-5-done');
    const after = await graph(page);
    for (const kind of ['expert', 'knowledge', 'knows'])
      expect(countOf(after, kind) - countOf(before, kind), kind).toBe(core.summary.byKind[kind]!.new);
    expect(after.nodes.some((n) => n.label === '0ad' && n.aliases.includes('古代战争实时策略游戏'))).toBe(
      true,
    );

    // Ctrl+Z takes the whole import back as one step.
    await page.getByTestId('iw-close').click();
    await page.getByTestId('import-wizard').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await graph(page)).nodes.length).toBe(before.nodes.length);
    expect((await graph(page)).edges.length).toBe(before.edges.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a malformed CSV: its problems with their line numbers, and Import stays disabled', async () => {
    const page = await env.chrome.context.newPage();
    await openWizard(page);
    const before = await graph(page);
    await pickAndMap(page, 'debian-teams.malformed.csv');
    await page.getByTestId('iw-next').click();
    await page.getByTestId('iw-problem-count').waitFor();
    const lines = await page
      .locator('[data-testid=iw-problems] li')
      .evaluateAll((li) => li.map((l) => [l.getAttribute('data-line'), l.textContent]));
    expect(lines.map(([l]) => l)).toEqual(['19', '28']);
    expect(lines[0]![1]).toContain('第 19 行');
    expect(lines[0]![1]).toContain('7');
    expect(await page.getByTestId('iw-import').isDisabled()).toBe(true);
    await shot(page, 'import-zh-4-check-problems');
    expect((await graph(page)).nodes.length).toBe(before.nodes.length);
    // Escape asks before throwing the session away; a second Escape keeps going; Discard closes.
    await page.keyboard.press('Escape');
    await page.getByTestId('iw-discard').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('iw-discard').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('iw-discard').click();
    await page.getByTestId('import-wizard').waitFor({ state: 'detached' });
    await page.close();
  });

  it('an XLSX with a Chinese sheet name, in English and the dark theme; every step on screen', async () => {
    const page = await env.chrome.context.newPage();
    await openWizard(page, 'en', 'dark');
    await shot(page, 'import-en-1-file');
    const before = await graph(page);
    await page.getByTestId('iw-file-input').setInputFiles(fixture('derived_team_packages_and_esco.xlsx'));
    await page.getByTestId('iw-preview').waitFor();
    const sheets = await page.getByTestId('iw-sheet').locator('option').allTextContents();
    expect(sheets[0]).toMatch(/^团队与软件包 \(\d+ rows\)$/);
    await page.getByTestId('iw-sheet').selectOption('ESCO ICT skills');
    await expect
      .poll(() => page.locator('[data-testid=iw-preview-table] thead th').nth(1).textContent())
      .not.toBe('team');
    await page.getByTestId('iw-sheet').selectOption('团队与软件包');
    await expect
      .poll(() => page.locator('[data-testid=iw-preview-table] thead th').nth(1).textContent())
      .toBe('team');
    await shot(page, 'import-en-2-preview');
    await page.getByTestId('iw-next').click();
    await page.getByTestId('iw-mapping').waitFor();
    await shot(page, 'import-en-3-mapping-guess');
    await page.getByTestId('iw-mapping-input').setInputFiles(MAPPING);
    await expect.poll(() => page.getByTestId('iw-node').count()).toBe(2);
    await shot(page, 'import-en-3-mapping');
    await page.getByTestId('iw-next').click();
    await page.getByTestId('iw-clean').waitFor();
    await shot(page, 'import-en-4-check');
    const core = await corePlan(page, 'derived_team_packages_and_esco.xlsx', '团队与软件包');
    expect(Number((await page.getByTestId('iw-new-nodes').textContent())!.replace(/\D/g, ''))).toBe(
      core.summary.newNodes,
    );
    await page.getByTestId('iw-import').click();
    await page.getByTestId('iw-done').waitFor();
    await shot(page, 'import-en-5-done');
    expect((await graph(page)).nodes.length - before.nodes.length).toBe(core.summary.newNodes);
    await page.getByTestId('iw-close').click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await graph(page)).nodes.length).toBe(before.nodes.length);
    await page.close();
  });

  it('a file dropped onto the dialog opens like a picked one', async () => {
    const page = await env.chrome.context.newPage();
    await openWizard(page);
    const bytes = [...fs.readFileSync(fixture('debian-teams.csv'))];
    const data = await page.evaluateHandle((b) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(b)], 'debian-teams.csv', { type: 'text/csv' }));
      return dt;
    }, bytes);
    const target = page.getByTestId('iw-file-step');
    await target.dispatchEvent('dragover', { dataTransfer: data });
    await target.dispatchEvent('drop', { dataTransfer: data });
    await page.getByTestId('iw-preview').waitFor();
    await expect
      .poll(() => page.getByTestId('iw-encoding').locator('option:checked').textContent())
      .toContain('UTF-8');
    expect((await previewColumn(page, 'description_zh_CN'))[0]).toBe('古代战争实时策略游戏');
    await page.close();
  });

  it('a Wellspring JSON export skips the preview and the mapping: the sample into itself changes nothing', async () => {
    const page = await env.chrome.context.newPage();
    await openWizard(page, 'en');
    const exported = await api<{ content: string }>(page, 'files:export', { format: 'json' });
    await page.getByTestId('iw-file-input').setInputFiles({
      name: 'sample.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported.content),
    });
    await page.getByTestId('iw-check').waitFor();
    expect(await page.locator('[data-testid=iw-steps] li').allTextContents()).toEqual([
      '1File',
      '2Check',
      '3Done',
    ]);
    expect(await page.getByTestId('iw-clean').textContent()).toBe(
      'Nothing to import: the workspace has all of it already.',
    );
    expect(await page.getByTestId('iw-import').isDisabled()).toBe(true);
    await shot(page, 'import-en-4-check-json');
    await page.close();
  });

  it('a CSV with only its header: the check says the file has no rows, not that the workspace has them', async () => {
    const page = await env.chrome.context.newPage();
    await openWizard(page, 'en');
    await page.getByTestId('iw-file-input').setInputFiles({
      name: 'header-only.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('label,description\r\n'),
    });
    await page.getByTestId('iw-preview').waitFor();
    await page.getByTestId('iw-next').click();
    await page.getByTestId('iw-mapping').waitFor();
    await page.getByTestId('iw-next').click();
    await page.getByTestId('iw-clean').waitFor();
    expect(await page.getByTestId('iw-clean').textContent()).toBe(
      'Nothing to import: the file has no rows below its header row.',
    );
    expect(await page.getByTestId('iw-import').isDisabled()).toBe(true);
    await page.close();
  });

  it('a big GB18030 file: reading and checking show progress, and Cancel stops the check', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-import-e2e-'));
    const rows = 150_000;
    const { nodes } = syntheticImportCounts(rows);
    const csv = path.join(dir, '大表.gb18030.csv');
    writeSyntheticImportCsv(csv, rows);
    const mappingFile = path.join(dir, '大表.mapping.json');
    fs.writeFileSync(mappingFile, JSON.stringify(SYNTHETIC_IMPORT_MAPPING));
    const page = await env.chrome.context.newPage();
    await openWizard(page);
    const before = await graph(page);
    // Every phase the progress bar shows with its total, as it appears; the first check is cancelled by a click
    // on Cancel as soon as its bar has moved (a 150k-row check takes a second or two: too short to click by hand).
    await page.evaluate(() => {
      const w = window as unknown as { __phases: string[]; __cancelOnce: boolean };
      w.__phases = [];
      w.__cancelOnce = true;
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid=iw-progress]');
        const phase = bar?.getAttribute('data-phase');
        const max = bar?.querySelector('progress')?.getAttribute('max');
        const seen = `${phase}${max ? ` of ${max}` : ''}`;
        if (phase && w.__phases.at(-1) !== seen) w.__phases.push(seen);
        const value = Number(bar?.querySelector('progress')?.getAttribute('value') ?? 0);
        if (phase === 'planning' && value > 0 && w.__cancelOnce) {
          w.__cancelOnce = false;
          bar!.querySelector<HTMLButtonElement>('[data-testid=iw-cancel-job]')!.click();
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByTestId('iw-file-input').setInputFiles(csv);
    await page.getByTestId('iw-preview').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('iw-preview-summary').textContent()).toContain('150,000');
    await page.getByTestId('iw-next').click();
    await page.getByTestId('iw-mapping-input').setInputFiles(mappingFile);
    await page.getByTestId('iw-notice').waitFor();
    await page.getByTestId('iw-next').click();
    await page.getByTestId('iw-notice').filter({ hasText: '已取消' }).waitFor();
    expect(await page.getByTestId('iw-check').count()).toBe(0);
    const phases = await page.evaluate(() => (window as unknown as { __phases: string[] }).__phases);
    expect(phases[0]).toBe('reading');
    expect(phases).toContain('planning of 300000');
    // Checking again runs to the end: the whole file, clean; nothing was written by the cancelled check.
    await page.getByTestId('iw-recheck').click();
    await page.locator('[data-testid=iw-progress][data-phase=planning]').waitFor();
    await shot(page, 'import-zh-4-check-progress');
    await page.getByTestId('iw-clean').waitFor({ timeout: 30_000 });
    expect(Number((await page.getByTestId('iw-new-nodes').textContent())!.replace(/\D/g, ''))).toBe(nodes);
    expect((await graph(page)).nodes.length).toBe(before.nodes.length);
    await page.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 90_000);
});
