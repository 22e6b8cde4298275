import fs from 'node:fs';
import path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-graphml';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../preload/commands';
import { backupFolder } from '../../main/core/backup/backup-location';
import { planWellspringJsonImport } from '../../main/core/transfer/wellspring-import';
import { callApi as api, mapIdle, openApp, shot, useAppInChromium } from './harness';

const env = useAppInChromium();

/** The ids of the menu's items, in order, and which of them are greyed out. */
function menuItems(page: Page) {
  return page
    .getByTestId('file-menu')
    .getByRole('menuitem')
    .evaluateAll((items) =>
      items.map((i) => ({
        id: i.getAttribute('data-testid')!.replace(/^file-menu-/, ''),
        text: i.textContent ?? '',
        disabled: i.getAttribute('aria-disabled') === 'true',
      })),
    );
}

const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** The node ids Cytoscape draws on the map. */
const drawnIds = (page: Page) =>
  page.evaluate(() =>
    window
      .__wellspring!.engine!.cy.nodes()
      .map((n) => n.id())
      .sort(),
  );

async function openMap(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, env.app.server.url);
  await mapIdle(page);
}

/** Opens the Export workspace dialog from the File menu by mouse, picks `format`, exports; the download's path. */
async function exportBy(page: Page, format: string): Promise<{ name: string; file: string }> {
  await page.getByTestId('file-menu-button').click();
  await page.getByTestId('file-menu-file.exportWorkspace').click();
  await page.getByTestId(`export-format-${format}`).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-confirm').click(),
  ]);
  await page.getByTestId('export-workspace-dialog').waitFor({ state: 'detached' });
  return { name: download.suggestedFilename(), file: (await download.path())! };
}

describe('the File menu (browser mode)', () => {
  it('opens by mouse and keyboard with the File commands and their shortcuts; exports JSON and GraphML', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openMap(page);

    // By mouse: the File commands of preload/commands.ts, in their order, quit (the shell's) left out.
    await page.getByTestId('file-menu-button').click();
    await page.getByTestId('file-menu').waitFor();
    const items = await menuItems(page);
    const fileCommands = COMMANDS.filter((c) => c.menu === 'file' && !c.role).map((c) => c.id);
    expect(items.map((i) => i.id)).toEqual(fileCommands.filter((id) => items.some((i) => i.id === id)));
    for (const id of [
      'file.import',
      'file.exportWorkspace',
      'file.backupNow',
      'file.restore',
      'view.exportPng',
    ])
      expect(items.map((i) => i.id)).toContain(id);
    expect(items.map((i) => i.id)).not.toContain('app.quit');
    expect(items.find((i) => i.id === 'file.import')!.text).toBe('导入表格或 JSON…Ctrl+I');
    expect(items.find((i) => i.id === 'file.exportWorkspace')!.text).toBe('导出工作区…');
    expect(items.find((i) => i.id === 'view.exportPng')!.text).toBe('导出视图为 PNGCtrl+Shift+E');
    expect(await page.getByTestId('file-menu-button').getAttribute('aria-expanded')).toBe('true');
    await shot(page, 'files-menu-zh');
    // Escape closes it and gives the focus back to the button.
    await page.keyboard.press('Escape');
    await page.getByTestId('file-menu').waitFor({ state: 'detached' });
    expect(await focusedTestId(page)).toBe('file-menu-button');

    // By keyboard: ↓ opens at the first item, End goes to the last, ↓ wraps to the first, Enter runs.
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('file-menu').waitFor();
    const enabled = items.filter((i) => !i.disabled).map((i) => `file-menu-${i.id}`);
    expect(await focusedTestId(page)).toBe(enabled[0]);
    await page.keyboard.press('End');
    expect(await focusedTestId(page)).toBe(enabled[enabled.length - 1]);
    await page.keyboard.press('ArrowDown');
    expect(await focusedTestId(page)).toBe(enabled[0]);
    while ((await focusedTestId(page)) !== 'file-menu-file.exportWorkspace')
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('export-workspace-dialog').waitFor();
    await expect.poll(() => page.getByTestId('file-menu').count()).toBe(0);
    await shot(page, 'files-export-dialog-zh');

    // Enter on the chosen format (JSON, the first) exports it: a browser download.
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const info = await api<{ name: string }>(page, 'workspace:info', {});
    const today = new Date().toISOString().slice(0, 10);
    expect(download.suggestedFilename()).toBe(`${info.name}-${today}.json`);
    await expect
      .poll(() => page.locator('.toast').last().textContent())
      .toContain(`已导出 ${info.name}-${today}.json`);
    // The file re-imports into this workspace as no change at all: identical nodes, edges and positions.
    const json = fs.readFileSync((await download.path())!, 'utf8');
    const graph = env.app.workspace.store.getGraph();
    const plan = planWellspringJsonImport(json, download.suggestedFilename(), graph);
    expect(plan.problems).toEqual([]);
    expect(plan.ops).toEqual([]);
    expect(plan.summary.nodes).toMatchObject({ add: 0, update: 0, unchanged: graph.nodes.length });
    expect(plan.summary.edges).toMatchObject({ add: 0, update: 0, unchanged: graph.edges.length });

    // GraphML by mouse: graphology-graphml reads every node and edge back, attributes with their types.
    const graphml = await exportBy(page, 'graphml');
    expect(graphml.name).toBe(`${info.name}-${today}.graphml`);
    const g = parse(MultiDirectedGraph, fs.readFileSync(graphml.file, 'utf8'));
    expect(g.order).toBe(graph.nodes.length);
    expect(g.size).toBe(graph.edges.length);
    const item = graph.nodes.find((n) => n.kind === 'knowledge' && typeof n.props.importance === 'number')!;
    const expert = graph.nodes.find((n) => n.kind === 'expert' && typeof n.props.attritionRisk === 'number')!;
    expect(g.getNodeAttributes(item.id)).toMatchObject({
      label: item.label,
      kind: 'knowledge',
      importance: item.props.importance,
      x: item.x,
      y: item.y,
    });
    expect(typeof g.getNodeAttribute(expert.id, 'attritionRisk')).toBe('number');
    const knows = graph.edges.find((e) => e.kind === 'knows')!;
    expect(typeof g.getEdgeAttribute(knows.id, 'proficiency')).toBe('number');

    // CSV: one zip of the per-kind tables.
    const csv = await exportBy(page, 'csv');
    expect(csv.name).toBe(`${info.name}-csv-${today}.zip`);
    expect(fs.readFileSync(csv.file).subarray(0, 4).toString('hex')).toBe('504b0304');

    // English and dark: the menu and the dialog read in English.
    await page.getByTestId('language').selectOption('en');
    await page.getByTestId('theme').selectOption('dark');
    await page.getByTestId('file-menu-button').click();
    expect((await menuItems(page)).find((i) => i.id === 'file.exportWorkspace')!.text).toBe(
      'Export workspace…',
    );
    await shot(page, 'files-menu-en-dark');
    await page.getByTestId('file-menu-file.exportWorkspace').click();
    await page.getByTestId('export-workspace-dialog').waitFor();
    await shot(page, 'files-export-dialog-en-dark');
    await page.keyboard.press('Escape');
    await page.getByTestId('export-workspace-dialog').waitFor({ state: 'detached' });
    // Escape closed it; the focus is back where the command came from.
    expect(await focusedTestId(page)).toBe('file-menu-button');
    await page.getByTestId('language').selectOption('zh-CN');
    await page.getByTestId('theme').selectOption('light');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Back up now → add a node → Restore from the dialog: the node is gone without a reload, the state before is kept', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const ws = env.app.workspace;
    // No backups yet: the daily one taken at start-up is removed to see the empty state.
    const folder = backupFolder(ws.info().path, env.app.dataDir);
    fs.rmSync(folder, { recursive: true, force: true });
    await openMap(page);
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    await page.getByTestId('file-menu-button').click();
    await page.getByTestId('file-menu-file.restore').click();
    await page.getByTestId('restore-empty').waitFor();
    expect(await page.getByTestId('restore-folder').textContent()).toBe(folder);
    await shot(page, 'files-restore-empty-zh');
    await page.keyboard.press('Escape');
    await page.getByTestId('restore-dialog').waitFor({ state: 'detached' });

    // Back up now, from the menu: a toast says where.
    await page.getByTestId('file-menu-button').click();
    await page.getByTestId('file-menu-file.backupNow').click();
    await expect.poll(() => page.locator('.toast').last().textContent()).toContain('已备份到');
    expect(await page.locator('.toast').last().textContent()).toContain(folder);
    const backedUp = ws.store.getGraph();
    const manual = await api<{ backups: Array<{ file: string; kind: string }> }>(page, 'backup:list', {});
    expect(manual.backups.map((b) => b.kind)).toEqual(['manual']);

    // A change on the map: a knowledge item made with N.
    await page.locator('[data-testid=map-canvas]').click({ position: { x: 3, y: 3 } });
    await page.keyboard.press('n');
    await page.getByTestId('new-node-label').fill('恢复后应消失的条目');
    await page.getByTestId('new-node-label').press('Enter');
    await expect
      .poll(() => ws.store.getGraph().nodes.some((n) => n.label === '恢复后应消失的条目'))
      .toBe(true);
    const added = ws.store.getGraph().nodes.find((n) => n.label === '恢复后应消失的条目')!;
    await expect.poll(async () => (await drawnIds(page)).includes(added.id)).toBe(true);
    const found = async () =>
      (
        await api<{ nodes: Array<{ node: { id: string } }> }>(page, 'search:nodes', { query: '恢复后应消失' })
      ).nodes.map((h) => h.node.id);
    await expect.poll(found).toContain(added.id);

    // Restore from the dialog: the list, the confirmation, then the map as it was backed up.
    await page.getByTestId('file-menu-button').click();
    await page.getByTestId('file-menu-file.restore').click();
    await expect.poll(() => page.getByTestId('restore-row').count()).toBe(1);
    const row = page.getByTestId('restore-row').first();
    expect(await row.getAttribute('data-kind')).toBe('manual');
    expect(await row.textContent()).toContain('手动备份');
    await shot(page, 'files-restore-dialog-zh');
    await page.getByTestId('restore-list').press('Enter');
    await page.getByTestId('restore-confirm').waitFor();
    expect(await page.getByTestId('restore-confirm').textContent()).toContain('恢复前会先备份当前状态');
    await shot(page, 'files-restore-confirm-zh');
    await page.getByTestId('restore-confirm-button').click();
    await page.getByTestId('restore-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.toast').last().textContent()).toContain('已恢复');

    expect(ws.store.getGraph()).toEqual(backedUp);
    await expect.poll(async () => (await drawnIds(page)).includes(added.id)).toBe(false);
    expect(await drawnIds(page)).toEqual(backedUp.nodes.map((n) => n.id).sort());
    // Search is the restored workspace's too (its index rebuilt from the restored file).
    expect(await found()).not.toContain(added.id);
    // The panel no longer shows the item that is gone.
    await expect.poll(() => page.getByTestId('node-label').count()).toBe(0);
    // No reload: the page is the same document.
    expect(
      await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);
    await shot(page, 'files-restored-map-zh');

    // Ctrl+Z steps back through the backup's own history: the replaced state's node does not come back.
    await page.locator('[data-testid=map-canvas]').click({ position: { x: 3, y: 3 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.toast').last().textContent()).toMatch(/撤销|没有可撤销/);
    expect(ws.store.getGraph().nodes.some((n) => n.id === added.id)).toBe(false);

    // The state before the restore is listed, and holds the node.
    await page.getByTestId('file-menu-button').click();
    await page.getByTestId('file-menu-file.restore').click();
    await expect
      .poll(() => page.locator('[data-testid=restore-row][data-kind=before-restore]').count())
      .toBe(1);
    await shot(page, 'files-restore-dialog-after-zh');
    await page.keyboard.press('Escape');
    await page.getByTestId('restore-dialog').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a damaged backup in the dialog, naming it; nothing changes; the dialog in English and dark', async () => {
    const page = await env.chrome.context.newPage();
    const ws = env.app.workspace;
    await openMap(page);
    const taken = await api<{ backup: { file: string } }>(page, 'backup:create', {});
    // Overwrite most of the file after its header with 0xff: SQLite can no longer read its pages.
    const bytes = fs.readFileSync(taken.backup.file);
    bytes.fill(0xff, 4096, bytes.length);
    fs.writeFileSync(taken.backup.file, bytes);
    const before = ws.store.getGraph();

    await page.getByTestId('language').selectOption('en');
    await page.getByTestId('theme').selectOption('dark');
    await page.getByTestId('file-menu-button').click();
    await page.getByTestId('file-menu-file.restore').click();
    const row = page.locator(`[data-testid=restore-row][data-file="${taken.backup.file}"]`);
    await row.click();
    expect(await row.getAttribute('aria-selected')).toBe('true');
    await shot(page, 'files-restore-dialog-en-dark');
    await page.getByTestId('restore-next').click();
    await page.getByTestId('restore-confirm-button').click();
    await page.getByTestId('restore-error').waitFor();
    const message = (await page.getByTestId('restore-error').textContent())!;
    expect(message).toContain(`The backup ${taken.backup.file} is damaged`);
    expect(message).toContain('nothing was restored and the workspace is as it was');
    await shot(page, 'files-restore-damaged-en-dark');
    expect(ws.store.getGraph()).toEqual(before);
    expect(path.dirname(taken.backup.file)).toMatch(/manual$/);
    await page.close();
  });
});
