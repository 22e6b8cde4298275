import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspaceDb } from '../../main/core/db/workspace-db';
import { seedSample } from '../../main/core/sample/seed-sample';
import { pushWorkspace } from '../../main/core/team/team-transfer';
import { tempDir } from '../unit/helpers';
import { freshSchema, sql, teamUrl } from '../unit/team-helpers';
import { launchChromium, mapIdle, openApp, shot, startApp } from './harness';

// Issue 13 end to end: two browser-mode servers (two desktops) on one team workspace on the test PostgreSQL
// server, each with its own Chromium page. An edit in one appears in the other; two people editing one node get the
// conflict dialog with both versions; the server dropping the connections shows the reconnecting bar, and the
// app resumes.
const schema = freshSchema('e2e');
const url = teamUrl(schema);
let a: Awaited<ReturnType<typeof startApp>>;
let b: Awaited<ReturnType<typeof startApp>>;
let chrome: Awaited<ReturnType<typeof launchChromium>>;
// B's own browser: in one browser the front page takes the focus from the other, whose field would then save
// (DraftField saves on blur) before the test says so.
let chromeB: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  const file = path.join(tempDir(), 'sample.wellspring');
  const { db } = openWorkspaceDb(file, { create: true });
  seedSample(db);
  db.close();
  await pushWorkspace(file, url);
  a = await startApp({ workspace: url });
  b = await startApp({ workspace: url });
  chrome = await launchChromium();
  chromeB = await launchChromium();
});
afterAll(async () => {
  await chrome?.close();
  await chromeB?.close();
  await a?.stop();
  await b?.stop();
});

/** Selects the node labelled `label` through the map's search box. */
async function select(page: Page, label: string): Promise<void> {
  await page.getByTestId('map-search').fill(label);
  await expect.poll(() => page.getByTestId('map-search-results').textContent()).toContain(label);
  await page.getByTestId('map-search').press('Enter');
  await expect.poll(() => page.getByTestId('node-label').inputValue()).toBe(label);
}

describe('two desktops on one team workspace', () => {
  it('shows a node created in one in the other, and the second editor of a node gets the conflict dialog', async () => {
    const pa = await chrome.context.newPage();
    const pb = await chromeB.context.newPage();
    const errors: string[] = [];
    for (const p of [pa, pb]) p.on('pageerror', (e) => errors.push(e.message));
    await openApp(pa, a.server.url);
    await openApp(pb, b.server.url);
    // Each page has the focus of its own browser (blur events, on which fields save, need it).
    await pa.bringToFront();
    await pb.bringToFront();
    await mapIdle(pa);
    await mapIdle(pb);
    // Both know they are on a team workspace, as its admin.
    await expect.poll(() => pa.getByTestId('status-team').textContent()).toBe('团队 · 管理员');
    const before = await pb.evaluate(() => window.__wellspring!.engine!.cy.nodes().length);

    // 1. A creates a knowledge item; B's map shows it within a second or so, only it added.
    await pa.keyboard.press('n');
    await pa.getByTestId('new-node-label').fill('焊接返修经验');
    await pa.getByTestId('new-node-label').press('Enter');
    await expect.poll(() => pa.getByTestId('node-label').inputValue()).toBe('焊接返修经验');
    const created = a.workspace.store.getGraph().nodes.find((n) => n.label === '焊接返修经验')!;
    await expect
      .poll(
        () => pb.evaluate((id) => window.__wellspring!.engine!.cy.getElementById(id).length, created.id),
        {
          timeout: 5000,
        },
      )
      .toBe(1);
    expect(await pb.evaluate(() => window.__wellspring!.engine!.cy.nodes().length)).toBe(before + 1);
    await shot(pa, 'team-01-created-in-a');
    await shot(pb, 'team-02-seen-in-b');

    // 2. Both open the same node. B starts typing; meanwhile A saves a new name. B's save does not overwrite it:
    //    the conflict dialog shows their version beside B's.
    await select(pb, '焊接返修经验');
    await pb.getByTestId('node-label').fill('焊接返修经验（B 的版本）');
    await select(pa, '焊接返修经验');
    await pa.getByTestId('node-label').fill('焊接返修经验（A 的版本）');
    await pa.getByTestId('node-label').press('Enter');
    await expect.poll(() => b.workspace.store.findNode(created.id)?.label).toBe('焊接返修经验（A 的版本）');
    await pb.getByTestId('node-label').press('Enter');
    await expect.poll(() => pb.getByTestId('team-conflict').isVisible()).toBe(true);
    expect(await pb.getByTestId('conflict-theirs').first().textContent()).toBe('焊接返修经验（A 的版本）');
    expect(await pb.getByTestId('conflict-mine').first().textContent()).toBe('焊接返修经验（B 的版本）');
    await shot(pb, 'team-03-conflict-in-b');
    const [row] = await sql<{ label: string }>(`SELECT label FROM ${schema}.nodes WHERE id = $1`, [
      created.id,
    ]);
    expect(row!.label).toBe('焊接返修经验（A 的版本）');

    // B applies mine on top of theirs: saved on top of A's version, and A sees it.
    await pb.getByTestId('conflict-apply-mine').click();
    await expect.poll(() => a.workspace.store.findNode(created.id)?.label).toBe('焊接返修经验（B 的版本）');
    await expect.poll(() => pa.getByTestId('node-label').inputValue()).toBe('焊接返修经验（B 的版本）');

    // The node's change history (audit log) lists both edits and the creation.
    await expect.poll(() => pa.getByTestId('node-history').locator('li').count()).toBe(3);
    await pa.getByTestId('node-history').scrollIntoViewIfNeeded();
    await shot(pa, 'team-04-history-in-a');
    expect(errors).toEqual([]);
  });

  it('says it is reconnecting when the server drops the connections, keeps the typed text, and resumes', async () => {
    const page = await chrome.context.newPage();
    await openApp(page, a.server.url);
    await mapIdle(page);
    await select(page, '焊接返修经验（B 的版本）');
    // Type a new name, then the server goes away (its connections are dropped again and again for 3 s, as
    // during a restart) before it is saved.
    await page.getByTestId('node-label').fill('焊接返修经验（断线时输入）');
    const down = Date.now();
    const drop = () =>
      sql('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
        `wellspring:${schema}`,
      ]);
    await drop();
    await expect.poll(() => page.getByTestId('team-reconnecting').isVisible(), { timeout: 5000 }).toBe(true);
    while (Date.now() - down < 3000) {
      await drop();
      await new Promise((r) => setTimeout(r, 100));
    }
    await shot(page, 'team-05-reconnecting');
    // The typed name is still in the field; once the bar is gone, Enter saves it to the server.
    expect(await page.getByTestId('node-label').inputValue()).toBe('焊接返修经验（断线时输入）');
    await expect.poll(() => page.getByTestId('team-reconnecting').count(), { timeout: 15_000 }).toBe(0);
    await page.getByTestId('node-label').fill('焊接返修经验（恢复后）');
    await page.getByTestId('node-label').press('Enter');
    await expect
      .poll(
        () =>
          b.workspace.store.findNode(
            a.workspace.store.getGraph().nodes.find((n) => n.label === '焊接返修经验（恢复后）')?.id ?? '',
          )?.label,
      )
      .toBe('焊接返修经验（恢复后）');
  });

  it('connects from File → Connect to team workspace…, saying why a wrong password is refused', async () => {
    const page = await chrome.context.newPage();
    await openApp(page, a.server.url);
    await page.bringToFront();
    await page.getByTestId('file-menu-button').click();
    await page.getByRole('menuitem', { name: /连接团队工作区/ }).click();
    const address = new URL(url);
    address.password = '';
    await page.getByTestId('team-url').fill(address.toString());
    await page.getByTestId('team-password').fill('wrong password');
    await page.getByTestId('team-connect').click();
    await expect
      .poll(() => page.getByTestId('team-connect-error').textContent())
      .toContain('用户名或密码错误');
    // What was typed stays; the workspace that was open still is.
    expect(await page.getByTestId('team-url').inputValue()).toBe(address.toString());
    await shot(page, 'team-06-connect-wrong-password');
    await page.getByTestId('team-password').fill('wellspring_test');
    await page.getByTestId('team-connect').click();
    await expect.poll(() => page.getByTestId('connect-team').count()).toBe(0);
    await expect.poll(() => page.getByTestId('status-team').textContent()).toBe('团队 · 管理员');
    // The recent list keeps the address without its password.
    expect(a.workspace.recent()[0]).toBe(address.toString());
  });
});
