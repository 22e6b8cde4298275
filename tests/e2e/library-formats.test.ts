import { describe, expect, it } from 'vitest';
import { shot, useAppInChromium } from './harness';
import { addLibraryFolder, openAppPage, useFixtureFolder } from './library-helpers';

const env = useAppInChromium();
const docs = useFixtureFolder('电子书 与 RTF-', {
  '维护指南.epub': { copy: 'documents/derived-zh/maint-guide.first.zh-cn.epub' },
  '第一步.rtf': { copy: 'documents/derived-zh/maint-guide.first.zh-cn.rtf' },
  '旧报告.doc': { copy: 'import/standardized_text.doc' },
  '损坏.epub': { copy: 'documents/textract/raw_text.truncated.epub' },
  '截断.rtf': { copy: 'documents/textract/standardized_text.truncated.rtf' },
});

describe('EPUB and RTF in the library (Chromium)', () => {
  it('indexes them, gives the bad and the legacy files a reason, filters search by type and opens the hit', async () => {
    const { page, errors } = await openAppPage(env);
    await addLibraryFolder(page, env, docs.dir, {
      sample: /sample-documents已索引 \d+ · 有问题 0 · 等待 0/,
      folder: /已索引 2 · 有问题 3 · 等待 0/,
      files: 5,
    });
    await page.getByTestId('only-problems').check();
    await expect.poll(() => page.getByTestId('status-table').locator('tbody tr').count()).toBe(3);
    const details = await page.getByTestId('status-table').locator('td.detail').allTextContents();
    expect(details.sort()).toEqual(
      [
        '旧报告.doc：旧版 Word 97–2003 格式（.doc）不受支持：请另存为 .docx',
        '损坏.epub：EPUB 文件已损坏或不完整（不是可读的 ZIP 压缩包）',
        '截断.rtf：RTF 文件已损坏或不完整（有未闭合的组）',
      ].sort(),
    );
    await shot(page, 'formats-1-library-problems');

    // Ctrl+K: 上游软件 is in both the EPUB and the RTF; the type filter keeps one.
    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('上游软件');
    const hits = page.getByTestId('doc-hit');
    await expect
      .poll(() => hits.allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('维护指南.epub'),
          expect.stringContaining('第一步.rtf'),
        ]),
      );
    const typeFilter = page.getByRole('combobox', { name: '类型' });
    await typeFilter.selectOption('rtf');
    await expect.poll(() => hits.allTextContents()).toEqual([expect.stringContaining('第一步.rtf')]);
    await typeFilter.selectOption('epub');
    await expect.poll(() => hits.allTextContents()).toEqual([expect.stringContaining('维护指南.epub')]);
    await shot(page, 'formats-2-search-epub');

    // gentoo is only in chapter 2.3, the EPUB's third page: the viewer opens there with the hits marked.
    await page.getByTestId('search-input').fill('gentoo');
    await expect.poll(() => hits.allTextContents()).toEqual([expect.stringContaining('gentoo')]);
    await hits.getByTestId('page-hit').first().click();
    await expect.poll(() => page.getByTestId('viewer-page').textContent()).toBe('第 3 页，共 3 页');
    const textPage = page.getByTestId('text-page');
    await expect.poll(() => textPage.locator('mark').count()).toBeGreaterThan(0);
    // The chapter's heading once: the page starts with it, so no second copy above it.
    expect(await textPage.locator('pre').textContent()).toMatch(/^2\.3\. 获取程序并试用\n/);
    expect(await textPage.locator('h3').count()).toBe(0);
    expect(await textPage.locator('mark').first().textContent()).toBe('gentoo');
    await shot(page, 'formats-3-epub-viewer');
    expect(errors).toEqual([]);
    await page.close();
  });
});
