import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, shot, useAppInChromium } from './harness';

const FIX = path.resolve(__dirname, '../../fixtures');
const env = useAppInChromium();
let docsDir: string;

beforeAll(() => {
  docsDir = fs.mkdtempSync(path.join(os.tmpdir(), '电子书 与 RTF-'));
  const copy = (from: string, to: string) => fs.copyFileSync(path.join(FIX, from), path.join(docsDir, to));
  copy('documents/derived-zh/maint-guide.first.zh-cn.epub', '维护指南.epub');
  copy('documents/derived-zh/maint-guide.first.zh-cn.rtf', '第一步.rtf');
  copy('import/standardized_text.doc', '旧报告.doc');
  copy('documents/textract/raw_text.truncated.epub', '损坏.epub');
  copy('documents/textract/standardized_text.truncated.rtf', '截断.rtf');
});
afterAll(() => {
  fs.rmSync(docsDir, { recursive: true, force: true });
});

describe('EPUB and RTF in the library (Chromium)', () => {
  it('indexes them, gives the bad and the legacy files a reason, filters search by type and opens the hit', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page, env.app.server.url);

    await page.getByTestId('nav-library').click();
    await expect
      .poll(() => page.getByTestId('folder-list').textContent(), { timeout: 60_000 })
      .toMatch(/sample-documents已索引 \d+ · 有问题 0 · 等待 0/);
    const sampleFiles = env.app.workspace.libraryStore.documents({}).total;
    await page.getByTestId('folder-path').fill(docsDir);
    await page.getByTestId('add-folder').click();
    await expect
      .poll(() => page.getByTestId('folder-list').textContent(), { timeout: 60_000 })
      .toMatch(/电子书 与 RTF-\w+已索引 2 · 有问题 3 · 等待 0/);
    await expect
      .poll(() => page.getByTestId('status-table').locator('tbody tr').count())
      .toBe(5 + sampleFiles);
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
