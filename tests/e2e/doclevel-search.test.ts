import { describe, expect, it } from 'vitest';
import { shot, useAppInChromium } from './harness';
import { addLibraryFolder, openAppPage, useFixtureFolder } from './library-helpers';

/**
 * Multi-term queries match documents (issue 11 §5) in the real UI: the Chinese Debian New Maintainers' Guide as its
 * 63-page PDF (fixtures/search, GPL-2+, see ATTRIBUTION.md there) holds `lintian` and `邮件列表` only on different
 * pages, and `lintian` and `警告` on one page.
 */
const env = useAppInChromium();
const docs = useFixtureFolder('doclevel-', { '新维护者手册.pdf': { copy: 'search/maint-guide.zh-cn.pdf' } });

describe('multi-term search at document level in Chromium', () => {
  it('finds a document whose terms lie on different pages, says so, shows both pages and opens one', async () => {
    const { page, errors } = await openAppPage(env);
    await addLibraryFolder(page, env, docs.dir, { progress: /已索引 1 个文件/ });

    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('lintian 邮件列表');
    const hit = page.getByTestId('doc-hit').filter({ hasText: '新维护者手册.pdf' });
    await expect.poll(() => hit.count(), { timeout: 30_000 }).toBe(1);
    expect(await hit.getByTestId('doc-hit-together').textContent()).toBe('词语在相邻两页');
    // The two adjacent pages come first, and show both terms between them, each marked where it occurs.
    const listed = (await hit.getByTestId('page-hit').allTextContents()).map((t) =>
      Number(t.match(/第 (\d+) 页/)![1]),
    );
    expect(listed[1]! - listed[0]!).toBe(1);
    const marks = (await hit.locator('mark').allTextContents()).map((m) => m.toLowerCase());
    expect(marks).toEqual(expect.arrayContaining(['lintian', '邮件列表']));
    await shot(page, 'doclevel-01-search');

    // Terms on one page: no such note.
    await page.getByTestId('search-input').fill('lintian 警告');
    await expect.poll(() => hit.locator('mark', { hasText: '警告' }).count()).toBeGreaterThan(0);
    expect(await hit.getByTestId('doc-hit-together').count()).toBe(0);

    // Typed with full-width punctuation between the words, the query is the same two words (query-terms.ts).
    await page.getByTestId('search-input').fill('lintian，邮件列表。');
    await expect.poll(() => hit.getByTestId('doc-hit-together').count(), { timeout: 30_000 }).toBe(1);
    expect(await hit.getByTestId('doc-hit-together').textContent()).toBe('词语在相邻两页');
    const punctuated = (await hit.locator('mark').allTextContents()).map((m) => m.toLowerCase());
    expect(punctuated).toEqual(expect.arrayContaining(['lintian', '邮件列表']));
    await page.getByTestId('search-input').fill('（lintian）、“警告”');
    await expect.poll(() => hit.locator('mark', { hasText: '警告' }).count()).toBeGreaterThan(0);
    expect(await hit.getByTestId('doc-hit-together').count()).toBe(0);
    await shot(page, 'doclevel-01b-punctuation');

    // Open a page of the spread hit: the viewer shows it with its hits marked.
    await page.getByTestId('search-input').fill('lintian 邮件列表');
    await expect.poll(() => hit.getByTestId('doc-hit-together').count()).toBe(1);
    const first = hit.getByTestId('page-hit').first();
    const pageNo = Number((await first.textContent())!.match(/第 (\d+) 页/)![1]);
    await first.click();
    await expect
      .poll(() => page.getByTestId('viewer-page').textContent(), { timeout: 30_000 })
      .toContain(`第 ${pageNo} 页`);
    await expect
      .poll(() => page.getByTestId('pdf-text-layer').locator('mark.hit').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await shot(page, 'doclevel-02-viewer');
    expect(errors).toEqual([]);
    await page.close();
  });
});
