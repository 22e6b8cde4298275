import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shot, useAppInChromium } from './harness';
import { addLibraryFolder, openAppPage, useFixtureFolder } from './library-helpers';

const env = useAppInChromium();
const docs = useFixtureFolder('知识 文档-', {
  '知识库 模板.pdf': { copy: 'documents/pdfjs/issue12823.pdf' },
  '维护指南.md': { copy: 'documents/derived-zh/maint-guide.first.zh-cn.md' },
  'raw_text.docx': { copy: 'documents/textract/raw_text.docx' },
  'locked.pdf': { copy: 'documents/pdfjs/issue6010_1.pdf' },
  'corrupt.pdf': { copy: 'documents/pdf-parse/03-invalid.pdf' },
});

describe('document library and search in Chromium', () => {
  it('indexes a folder, shows problems, unlocks a PDF, finds Chinese words, opens the hit and links it', async () => {
    const { page, errors } = await openAppPage(env);

    // Library: the sample's own documents are there from the start (copied and indexed when the sample was
    // created); add a folder, watch the progress finish.
    await addLibraryFolder(page, env, docs.dir, {
      sample: /sample-documents已索引 7 · 有问题 0 · 等待 0/,
      progress: /已读取 5 个文件：已索引 3 个文件，2 个有问题/,
      files: 5,
    });
    await shot(page, '20-library');
    await page.getByTestId('only-problems').check();
    await expect.poll(() => page.getByTestId('status-table').locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('status-table').textContent()).toMatch(/需要密码[\s\S]*|失败/);
    // The reasons are translated too, not the English the extractor stored (issue #6).
    const details = await page.getByTestId('status-table').locator('td.detail').allTextContents();
    expect(details.sort()).toEqual(['corrupt.pdf：不是有效的 PDF（已损坏或不完整）', 'locked.pdf：需要密码']);

    // Unlock the encrypted PDF with its password.
    await page.getByRole('button', { name: '输入密码' }).click();
    await page.getByTestId('unlock-dialog').locator('input[type=password]').fill('abc');
    await page.getByTestId('unlock-dialog').getByRole('button', { name: '打开' }).click();
    await expect.poll(() => page.getByTestId('status-table').locator('tbody tr').count()).toBe(1);
    const locked = env.app.workspace.libraryStore.documents({}).docs.find((d) => d.name === 'locked.pdf')!;
    expect(locked.status).not.toBe('needs-password');

    // Ctrl+K: a two-character Chinese word finds the knowledge-base template, with highlighted snippets.
    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('知识库');
    const hit = page.getByTestId('doc-hit').filter({ hasText: '知识库 模板.pdf' });
    await expect.poll(() => hit.count()).toBe(1);
    expect(await hit.locator('mark').first().textContent()).toBe('知识库');
    await shot(page, '21-search');

    // No query while an IME is composing: nothing is searched until composition ends.
    await page.getByTestId('search-input').fill('');
    await expect.poll(() => page.getByTestId('search-results').count()).toBe(0);
    await page.getByTestId('search-input').dispatchEvent('compositionstart');
    await page.getByTestId('search-input').fill('维护');
    await page.waitForTimeout(500);
    expect(await page.getByTestId('search-results').count()).toBe(0);
    await page.getByTestId('search-input').dispatchEvent('compositionend');
    await expect.poll(() => page.getByTestId('doc-hit').filter({ hasText: '维护指南.md' }).count()).toBe(1);

    // Open the PDF hit: the viewer shows its page with the hits marked in the text layer.
    await page.getByTestId('search-input').fill('知识库');
    await expect.poll(() => hit.count()).toBe(1);
    await hit.getByTestId('page-hit').first().click();
    await expect
      .poll(() => page.getByTestId('viewer-hits').textContent(), { timeout: 30_000 })
      .toMatch(/本页 [1-9]\d* 处命中/);
    expect(await page.getByTestId('pdf-text-layer').locator('mark.hit').count()).toBeGreaterThan(0);
    await shot(page, '22-viewer');

    // Link this page to a knowledge item: one documented_by edge with the page.
    const item = env.app.workspace.store.getGraph().nodes.find((n) => n.label === '拜访记录')!;
    const pageNo = Number((await page.getByTestId('viewer-page').textContent())!.match(/第 (\d+) 页/)![1]);
    await page.getByTestId('viewer').getByTestId('link-to-item').click();
    await page.getByTestId('link-search').fill('拜访记录');
    await page
      .getByRole('button', { name: /^拜访记录/ })
      .first()
      .click();
    const pdfPath = path.join(docs.dir, '知识库 模板.pdf');
    const linkedPages = () => {
      const d = env.app.workspace.store.getNodeDetail(item.id);
      const docNode = d.neighbours.find((n) => n.kind === 'document' && n.props.path === pdfPath);
      return d.edges
        .filter((e) => e.kind === 'documented_by' && e.target === docNode?.id)
        .map((e) => e.props.page);
    };
    await expect.poll(linkedPages).toEqual([pageNo]);
    await page.keyboard.press('Escape');

    // The item's panel lists the document and opens it at that page.
    await page.getByTestId('nav-map').click();
    await page.waitForFunction(() => window.__wellspring?.engine != null);
    await page.getByTestId('map-search').fill('拜访记录');
    await page.getByTestId('map-search').press('Enter');
    await expect.poll(() => page.getByTestId('linked-docs').textContent()).toContain('知识库 模板.pdf');
    await page
      .getByTestId('linked-docs')
      .locator('li', { hasText: '知识库 模板.pdf' })
      .getByRole('button')
      .click();
    await expect.poll(() => page.getByTestId('viewer-page').textContent()).toContain(`第 ${pageNo} 页`);
    await shot(page, '23-linked-document');
    expect(errors).toEqual([]);
    await page.close();
  });
});
