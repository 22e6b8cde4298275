import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageOnlyPdf, renderPdfPages } from '../bench/ocr-testset';
import { shot, useAppInChromium } from './harness';
import { FIXTURES, addLibraryFolder, openAppPage, useFixtureFolder } from './library-helpers';

// A folder holding a scanned PDF (page 8 of the Simplified maint-guide as an image-only PDF, fixtures/ocr) and a
// scanned English page (bilevel TIFF): OCR in the app's extraction workers, search, the viewer's OCR notice.
const RAW_TEXT_PDF = path.join(FIXTURES, 'documents/textract/raw_text.pdf');
const env = useAppInChromium();
// A 500-page scan (one English page image, embedded once) for page progress and Cancel.
const long = useFixtureFolder('长扫描-', {
  'scan-500.pdf': async () => {
    const [page] = await renderPdfPages(RAW_TEXT_PDF, [1], 100);
    return imageOnlyPdf(Array.from({ length: 500 }, () => page!));
  },
});
const docs = useFixtureFolder('扫描 文档-', {
  // A photo-like PNG: page 2 of textract's raw_text.pdf at 150 dpi (mustache is only on that page).
  '白板 照片.png': async () => (await renderPdfPages(RAW_TEXT_PDF, [2], 150))[0]!.png,
  '维护者手册 扫描件.pdf': { copy: 'ocr/maint-guide-p8.scan.pdf' },
  'scan.tiff': { copy: 'ocr/raw_text-p1.tiff' },
});

describe('OCR of scanned documents (Chromium)', () => {
  it('indexes a scanned PDF, finds a word only in its image, opens the hit at its page with the OCR notice', async () => {
    const { page, errors } = await openAppPage(env);
    const { folderRow } = await addLibraryFolder(page, env, docs.dir, {
      folder: /已索引 3 · 有问题 0 · 等待 0/,
      timeout: 120_000,
    });
    expect(await folderRow.getByTestId('folder-ocr').isChecked()).toBe(true);
    await shot(page, 'ocr-1-library');

    // 赞助者 is only in the scanned page's image.
    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('赞助者');
    const hit = page.getByTestId('doc-hit').filter({ hasText: '维护者手册 扫描件.pdf' });
    await expect.poll(() => hit.count()).toBe(1);
    await expect.poll(() => hit.getByTestId('ocr-badge').textContent()).toBe('OCR');
    expect(await hit.getByTestId('ocr-badge').getAttribute('title')).toBe('此页文字由 OCR 识别，可能有误');
    expect(await hit.textContent()).toContain('赞助者');
    await shot(page, 'ocr-2-search-hit');

    await hit.getByTestId('page-hit').first().click();
    await expect.poll(() => page.getByTestId('viewer-page').textContent()).toBe('第 1 页，共 1 页');
    await expect.poll(() => page.getByTestId('ocr-notice').textContent()).toBe('此页文字由 OCR 识别');
    // The scan is rendered, and below it the recognised text with the hit marked.
    await expect
      .poll(() => page.getByTestId('pdf-canvas').evaluate((c: HTMLCanvasElement) => c.width))
      .toBeGreaterThan(0);
    const text = page.getByTestId('text-page');
    await expect.poll(() => text.locator('mark').first().textContent()).toBe('赞助者');
    expect(await text.locator('h3').textContent()).toBe('识别出的文字');
    await shot(page, 'ocr-3-viewer');
    await page.keyboard.press('Escape');

    // An image file opens as the image with the text OCR read in it below.
    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('mustache');
    const photoHit = page.getByTestId('doc-hit').filter({ hasText: '白板 照片.png' });
    await expect.poll(() => photoHit.count()).toBe(1);
    await photoHit.getByTestId('page-hit').first().click();
    await expect.poll(() => page.getByTestId('ocr-notice').textContent()).toBe('此页文字由 OCR 识别');
    await expect
      .poll(() => page.getByTestId('image-page').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(1275);
    await expect
      .poll(() => page.getByTestId('text-page').locator('mark').first().textContent())
      .toBe('mustache');
    await shot(page, 'ocr-3b-image-viewer');
    await page.keyboard.press('Escape');

    // OCR off for the folder: the scans become "no text", with their reasons.
    await page.getByTestId('nav-library').click();
    // The box follows the folder's stored setting, so it changes once the library answers: a click, then a wait.
    await folderRow.getByTestId('folder-ocr').click();
    await expect
      .poll(() => folderRow.textContent(), { timeout: 60_000 })
      .toMatch(/已索引 0 · 有问题 3 · 等待 0/);
    await expect.poll(() => folderRow.getByTestId('folder-ocr').isChecked()).toBe(false);
    await page.getByTestId('only-problems').check();
    const details = await page.getByTestId('status-table').locator('td.detail').allTextContents();
    expect(details).toEqual(
      expect.arrayContaining([
        '维护者手册 扫描件.pdf：没有文字层（扫描件？）',
        '白板 照片.png：图片，未读取（此文件夹已关闭 OCR）',
        'scan.tiff：图片，未读取（此文件夹已关闭 OCR）',
      ]),
    );
    // The images' status says OCR is off, not "no text layer (scanned?)"; the scanned PDF keeps that one.
    const rows = page.getByTestId('status-table').locator('tbody tr');
    await expect
      .poll(() => rows.filter({ hasText: '白板 照片.png' }).locator('.status-badge').textContent())
      .toBe('此文件夹已关闭 OCR');
    await expect
      .poll(() => rows.filter({ hasText: 'scan.tiff' }).locator('.status-badge').textContent())
      .toBe('此文件夹已关闭 OCR');
    await expect
      .poll(() => rows.filter({ hasText: '维护者手册 扫描件.pdf' }).locator('.status-badge').textContent())
      .toBe('无文字层（扫描件？）');
    await shot(page, 'ocr-4-ocr-off');

    // A 500-page scan: page progress while OCR reads it, and Cancel stops it.
    await page.getByTestId('only-problems').uncheck();
    await page.getByTestId('folder-path').fill(long.dir);
    await page.getByTestId('add-folder').click();
    const pageProgress = page.getByTestId('page-progress');
    await expect
      .poll(() => pageProgress.textContent(), { timeout: 60_000 })
      .toMatch(/^正在用 OCR 识别 scan-500\.pdf：第 \d+ 页，共 500 页$/);
    await shot(page, 'ocr-5-page-progress');
    await page.getByTestId('library-progress').getByRole('button', { name: '停止' }).click();
    await expect
      .poll(() => page.getByTestId('library-progress').textContent())
      .toContain('索引已在第 0/1 个文件处停止');
    expect(await pageProgress.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
