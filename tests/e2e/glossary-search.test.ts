import { describe, expect, it } from 'vitest';
import { callApi as api, openApp, shot, useAppInChromium } from './harness';

// Issue 10 §3 in the search dialog (Ctrl+K): a glossary term in the query also searches its synonyms and
// translations, says "also searched: …", and can be switched off. The term is added the way a user adds one
// (a term node with synonyms and a translation), on the sample workspace.
const env = useAppInChromium();

interface Result {
  nodes: Array<{ node: { label: string }; matchedForms?: string[] }>;
  alsoSearched?: string[];
}

describe('glossary expansion in search', () => {
  it('客户资料卡 also finds 客户档案卡 and “customer profile card”; switched off it does not', async () => {
    const page = await env.chrome.context.newPage();
    await openApp(page, env.app.server.url);
    await api(page, 'graph:add-node', {
      kind: 'term',
      label: '客户资料卡',
      props: {
        definition: '记录客户基本信息、需求和往来的卡片。',
        synonyms: ['客户档案卡'],
        translations: { en: 'customer profile card' },
      },
    });
    // The core's answer, with and without expansion: expansion finds more, and says what it added.
    const on = await api<Result>(page, 'search:query', { query: '客户资料卡' });
    const off = await api<Result>(page, 'search:query', { query: '客户资料卡', expand: false });
    expect(on.alsoSearched).toEqual(expect.arrayContaining(['客户档案卡', 'customer profile card']));
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
