import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, shot, useAppInChromium } from './harness';

const env = useAppInChromium();

/** Selects the node labelled `label` through the map's search box and waits for its panel. */
async function selectByLabel(page: Page, label: string): Promise<void> {
  await page.getByTestId('map-search').fill(label);
  await expect.poll(() => page.getByTestId('map-search-results').textContent()).toContain(label);
  await page.getByTestId('map-search').press('Enter');
  await expect.poll(() => page.getByTestId('node-label').inputValue()).toBe(label);
}

describe('evidence finder in Chromium (sample workspace)', () => {
  it('proposes sample pages for an undocumented item; accept links the page, Ctrl+Z undoes, reject sticks', async () => {
    const ws = env.app.workspace;
    // The sample's documents are indexed in the background, then the finder runs by itself.
    await expect
      .poll(() => ws.evidence.progress(), { timeout: 60_000 })
      .toMatchObject({ running: false, finishedAt: expect.any(String) });
    expect(ws.libraryStore.documents({}).docs.every((d) => d.status === 'indexed')).toBe(true);
    const all = ws.evidence.proposals(undefined, 100);
    expect(all.length).toBeGreaterThan(0);

    // An item with no documented_by link at all, whose name a sample document contains.
    const graph = ws.store.getGraph();
    const documented = new Set(graph.edges.filter((e) => e.kind === 'documented_by').map((e) => e.source));
    const target = all.find((p) => !documented.has(p.knowledgeId))!;
    expect(target).toBeDefined();
    const proposals = ws.evidence.proposals(target.knowledgeId);

    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page, env.app.server.url);
    await expect
      .poll(() => page.getByTestId('evidence-status').textContent())
      .toBe(`证据推荐：${ws.evidence.progress().proposals} 条`);

    await selectByLabel(page, target.knowledgeLabel);
    const section = page.getByTestId('evidence-proposals');
    await expect.poll(() => section.getByTestId('evidence-proposal').count()).toBe(proposals.length);
    const first = section.getByTestId('evidence-proposal').first();
    expect(await first.textContent()).toContain(target.docName);
    expect(await first.textContent()).toContain(`第 ${target.page} 页`);
    // The snippet highlights the matched name (NFKC, case-insensitively).
    const mark = await first.getByTestId('evidence-snippet').locator('mark').first().textContent();
    expect(mark!.toLowerCase()).toBe(target.matched.normalize('NFKC').toLowerCase());
    await section.scrollIntoViewIfNeeded();
    await shot(page, '70-evidence-proposals');

    // Accept: the documented_by link with the page, in the graph and in the panel's documents.
    await first.getByTestId('evidence-accept').click();
    const linkOf = () =>
      ws.store
        .getGraph()
        .edges.find(
          (e) =>
            e.kind === 'documented_by' &&
            e.source === target.knowledgeId &&
            ws.store.findNode(e.target)?.props.path === target.path,
        );
    await expect.poll(() => linkOf()?.props.page).toBe(target.page);
    await expect.poll(() => page.getByTestId('linked-docs').locator('li').count()).toBe(1);
    await expect.poll(() => section.getByTestId('evidence-proposal').count()).toBe(proposals.length - 1);
    await shot(page, '71-evidence-accepted');

    // Ctrl+Z takes the link back and the proposal returns.
    await page
      .locator('body')
      .click({ position: { x: 2, y: 2 } })
      .catch(() => undefined);
    await page.keyboard.press('Control+z');
    await expect.poll(() => linkOf()).toBeUndefined();
    await expect.poll(() => page.getByTestId('linked-docs').locator('li').count()).toBe(0);

    // Reject: gone at once, and still gone after a reload.
    await expect.poll(() => section.getByTestId('evidence-proposal').count()).toBe(proposals.length);
    await section.getByTestId('evidence-proposal').first().getByTestId('evidence-reject').click();
    await expect.poll(() => section.getByTestId('evidence-proposal').count()).toBe(proposals.length - 1);
    expect(
      ws.evidence
        .proposals(target.knowledgeId)
        .some((p) => p.docId === target.docId && p.page === target.page),
    ).toBe(false);
    await page.reload();
    await page.waitForFunction(() => window.__wellspring?.lastPaint != null, undefined, { timeout: 60_000 });
    await selectByLabel(page, target.knowledgeLabel);
    const reloaded = page.getByTestId('evidence-proposals');
    if (proposals.length === 1)
      await expect.poll(() => reloaded.getByTestId('evidence-empty').count()).toBe(1);
    await expect.poll(() => reloaded.getByTestId('evidence-proposal').count()).toBe(proposals.length - 1);
    expect(await reloaded.textContent()).not.toContain(`${target.docName}第 ${target.page} 页`);
    await reloaded.scrollIntoViewIfNeeded();
    await shot(page, '72-evidence-rejected');
    expect(errors).toEqual([]);
  });
});
