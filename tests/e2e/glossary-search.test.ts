import { describe, expect, it } from 'vitest';
import { callApi as api, openApp, shot, useAppInChromium } from './harness';

// Issue 10 §3 in the search dialog (Ctrl+K): a glossary term in the query also searches its synonyms and
// translations, says "also searched: …", and can be switched off: the sample workspace's term 客户资料卡 (synonym
// 客户档案卡, English “Customer profile card”).
const env = useAppInChromium();

interface Result {
  nodes: Array<{ node: { label: string }; matchedForms?: string[] }>;
  alsoSearched?: string[];
}

describe('glossary expansion in search', () => {
  it('客户资料卡 also finds 客户档案卡 and “customer profile card”; switched off it does not', async () => {
    const page = await env.chrome.context.newPage();
    await openApp(page, env.app.server.url);
    // The core's answer, with and without expansion: expansion finds more, and says what it added.
    const on = await api<Result>(page, 'search:query', { query: '客户资料卡' });
    const off = await api<Result>(page, 'search:query', { query: '客户资料卡', expand: false });
    expect(on.alsoSearched).toEqual(expect.arrayContaining(['客户档案卡', 'Customer profile card']));
    expect(off.alsoSearched ?? []).toEqual([]);
    const labels = (r: Result) => r.nodes.map((n) => n.node.label);
    expect(labels(on)).toEqual(expect.arrayContaining(labels(off)));
    expect(labels(on).length).toBeGreaterThan(labels(off).length);
    expect(labels(on)).toContain('客户档案卡模板');

    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('客户资料卡');
    await expect.poll(() => page.getByTestId('also-searched').textContent()).toContain('客户档案卡');
    expect(await page.getByTestId('via-forms').count()).toBeGreaterThan(0);
    await shot(page, 'glossary-search-expanded');
    await page.getByTestId('search-expand').uncheck();
    await expect.poll(() => page.getByTestId('also-searched').count()).toBe(0);
    expect(await page.getByTestId('via-forms').count()).toBe(0);
    await page.close();
  });
});
