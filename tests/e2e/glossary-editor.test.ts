import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi as api, openApp, shot, useAppInChromium } from './harness';

const fixture = (name: string) => path.resolve(__dirname, '../../fixtures', name);

// The glossary editor (issue 10 §3) in Chromium on the sample workspace: a term added in the UI is searched by its
// synonym (Ctrl+K says "also searched"), underlined with its definition on hover in a node's description on the
// map and in a document's text in the viewer; an edit is one undo step; CSV import with a dry run of a real file
// (the Debian package glossary of fixtures/glossary) and export that re-imports with no change.
const env = useAppInChromium();

interface Term {
  id: string;
  label: string;
  definition: string;
  synonyms: string[];
  translations: { en?: string; zh?: string };
  defines: Array<{ id: string; label: string }>;
}
interface Graph {
  nodes: Array<{ id: string; kind: string; label: string; description: string }>;
}

const terms = async (page: Page) => (await api<{ terms: Term[] }>(page, 'glossary:terms', {})).terms;
const termNamed = async (page: Page, label: string) => (await terms(page)).find((t) => t.label === label);
const row = (page: Page, id: string) => page.locator(`[data-testid="gl-row"][data-id="${id}"]`);

/** Opens the app in Chinese and the light theme (another test may have left others) on the glossary tab. */
async function openGlossary(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, env.app.server.url);
  await page.getByTestId('language').selectOption('zh-CN');
  await page.getByTestId('theme').selectOption('light');
  await page.getByTestId('nav-glossary').click();
  await page.getByTestId('glossary-tab-glossary').click();
  await page.getByTestId('glossary-editor').waitFor();
}

/** Clicks on an empty part of the header, so that no text field has the focus (shortcuts are off in fields). */
async function blurFields(page: Page): Promise<void> {
  await page.locator('.glossary-header h2').click();
}

const TERM = {
  label: '售罄率',
  synonym: '售空率',
  en: 'Sell-through rate',
  definition: '一段时间内售出件数占到店件数的比例，衡量新品是否好卖。',
};

describe('glossary editor', () => {
  it('adds a term → its synonym expands search → underlined with its definition on the map and in the viewer → an edit undone in one step', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openGlossary(page);
    const before = await terms(page);
    await expect.poll(() => page.getByTestId('gl-row').count()).toBe(before.length);
    expect(await page.getByTestId('glossary-term-count').getAttribute('data-count')).toBe(
      String(before.length),
    );
    // Grouped by initial: 版型 under B, 客户资料卡 under K.
    const headings = await page.locator('.gl-group').allTextContents();
    expect(headings).toEqual(expect.arrayContaining(['B', 'K']));
    await row(page, before.find((t) => t.label === '客户资料卡')!.id).click();
    await page.getByTestId('gl-detail').waitFor();
    expect(await page.getByTestId('gl-definition').inputValue()).toBe(
      before.find((t) => t.label === '客户资料卡')!.definition,
    );
    await shot(page, 'glossary-list-zh');

    // A new term: name, English, one synonym typed as a chip, definition; Create.
    await page.getByTestId('gl-new').click();
    await page.getByTestId('gl-label').fill(TERM.label);
    await page.getByTestId('gl-en').fill(TERM.en);
    await page.getByTestId('gl-synonyms-input').fill(TERM.synonym);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('gl-synonyms-chip').allTextContents())
      .toEqual([`${TERM.synonym}×`]);
    await page.getByTestId('gl-definition').fill(TERM.definition);
    // It defines the knowledge item whose description names it (found through the picker's search).
    const graph = await api<Graph>(page, 'graph:get', {});
    const item = graph.nodes.find((n) => n.kind === 'knowledge' && n.description.includes(TERM.label))!;
    expect(item).toBeDefined();
    await page.getByTestId('gl-defines-search').fill(item.label);
    await page.locator(`[data-testid="gl-defines-result"]`, { hasText: item.label }).first().click();
    await expect.poll(() => page.getByTestId('gl-defined').count()).toBe(1);
    await shot(page, 'glossary-editor-new-zh');
    await page.getByTestId('gl-save').click();
    await expect.poll(async () => (await termNamed(page, TERM.label))?.id).toBeTruthy();
    const added = (await termNamed(page, TERM.label))!;
    expect(added).toMatchObject({
      definition: TERM.definition,
      synonyms: [TERM.synonym],
      translations: { en: TERM.en },
      defines: [{ id: item.id, label: item.label }],
    });
    await expect.poll(() => page.getByTestId('gl-detail').getAttribute('data-id')).toBe(added.id);
    expect(await row(page, added.id).getAttribute('aria-selected')).toBe('true');

    // A second term of the same name is refused, saying which term has it.
    await page.getByTestId('gl-new').click();
    await page.getByTestId('gl-label').fill(TERM.synonym);
    await page.getByTestId('gl-save').click();
    await expect.poll(() => page.getByTestId('gl-error').textContent()).toContain(TERM.label);
    expect((await terms(page)).length).toBe(before.length + 1);
    await page.getByTestId('gl-revert').click();

    // Ctrl+K for the synonym: also searched 售罄率 (and the English name), the item found through it.
    await blurFields(page);
    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill(TERM.synonym);
    await expect.poll(() => page.getByTestId('also-searched').textContent()).toContain(TERM.label);
    expect(await page.getByTestId('also-searched').textContent()).toContain(TERM.en);
    const hit = page.locator('.node-hits button', { hasText: item.label });
    await hit.waitFor();
    await shot(page, 'glossary-search-synonym-zh');

    // The item on the map: 售罄率 underlined in its description; hovering shows the definition.
    await hit.click();
    await page.getByTestId('node-panel').getByTestId('node-description-read').waitFor();
    const mention = page
      .getByTestId('node-panel')
      .locator(`[data-testid="term-mention"][data-term-id="${added.id}"]`)
      .first();
    await mention.waitFor();
    expect(await mention.textContent()).toBe(TERM.label);
    const style = await mention.evaluate((el) => getComputedStyle(el).textDecorationStyle);
    expect(style).toBe('dotted');
    await mention.hover();
    const card = page.getByTestId('term-card');
    await expect.poll(() => card.textContent()).toContain(TERM.definition);
    expect(await mention.getAttribute('aria-describedby')).toBe(await card.getAttribute('id'));
    await shot(page, 'glossary-underline-map-zh');
    // By keyboard too: focus shows it, Esc hides it.
    await page.mouse.move(5, 890);
    await expect.poll(() => card.count()).toBe(0);
    await mention.focus();
    await expect.poll(() => card.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);

    // The AAR document in the viewer (Markdown shown as text): 售罄率 underlined there too.
    await page.locator('body').click({ position: { x: 700, y: 5 } });
    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill(TERM.label);
    const pageHit = page.getByTestId('page-hit').first();
    await pageHit.waitFor({ timeout: 60_000 });
    await pageHit.click();
    const textPage = page.getByTestId('text-page');
    await textPage.waitFor();
    const inDoc = textPage.locator(`[data-testid="term-mention"][data-term-id="${added.id}"]`).first();
    await inDoc.waitFor();
    // The search hit stays marked inside the underlined term.
    expect(await inDoc.locator('mark').count()).toBeGreaterThan(0);
    await inDoc.hover();
    await expect.poll(() => page.getByTestId('term-card').textContent()).toContain(TERM.definition);
    await shot(page, 'glossary-underline-viewer-zh');
    // Clicking the term closes the viewer and opens the term in the glossary.
    await inDoc.click();
    await expect.poll(() => page.getByTestId('viewer').count()).toBe(0);
    await expect.poll(() => page.getByTestId('gl-detail').getAttribute('data-id')).toBe(added.id);

    // An edit of several fields is one undo step: Ctrl+Z brings every field back.
    await page.getByTestId('gl-definition').fill('售出件数 ÷ 到店件数。');
    await page.getByTestId('gl-zh').fill('售罄率');
    await page.getByTestId('gl-defined-remove').click();
    await page.getByTestId('gl-unsaved').waitFor();
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(async () => (await termNamed(page, TERM.label))?.definition)
      .toBe('售出件数 ÷ 到店件数。');
    const edited = (await termNamed(page, TERM.label))!;
    expect(edited.defines).toEqual([]);
    expect(edited.translations).toEqual({ en: TERM.en, zh: '售罄率' });
    await blurFields(page);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await termNamed(page, TERM.label))?.definition).toBe(TERM.definition);
    expect((await termNamed(page, TERM.label))!).toMatchObject({
      translations: { en: TERM.en },
      defines: [{ id: item.id }],
    });
    // The untouched panel follows the undo.
    await expect.poll(() => page.getByTestId('gl-definition').inputValue()).toBe(TERM.definition);

    // Delete with confirmation; Ctrl+Z brings it back.
    await page.getByTestId('gl-delete').click();
    await page.getByTestId('gl-delete-dialog').waitFor();
    await page.getByTestId('gl-delete-confirm').click();
    await expect.poll(async () => (await termNamed(page, TERM.label)) === undefined).toBe(true);
    await blurFields(page);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await termNamed(page, TERM.label))?.defines.length).toBe(1);

    // English and dark: the list, the editor, the hover card.
    await page.getByTestId('language').selectOption('en');
    await page.getByTestId('theme').selectOption('dark');
    await expect.poll(() => page.getByTestId('gl-new').textContent()).toContain('New term');
    await row(page, added.id).click();
    await expect.poll(() => page.getByTestId('gl-defined').count()).toBe(1);
    await shot(page, 'glossary-editor-en-dark');
    // Show the defined item on the map: the hover card in English and dark.
    await page.getByTestId('gl-defined').locator('button.link').click();
    const mentionEn = page
      .getByTestId('node-panel')
      .locator(`[data-testid="term-mention"][data-term-id="${added.id}"]`)
      .first();
    await mentionEn.hover();
    await expect.poll(() => page.getByTestId('term-card').textContent()).toContain('Open in the glossary');
    await shot(page, 'glossary-underline-map-en-dark');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('imports a real CSV after a dry run (problems by line first), undone in one step; export re-imports with no change', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openGlossary(page);
    const count = (await terms(page)).length;

    // A broken copy of the Debian glossary: the dry run lists lines 10 and 44, and Import stays disabled.
    await page.getByTestId('gl-import').click();
    await page.getByTestId('gl-import-dialog').waitFor();
    await page.getByTestId('gl-import-file').setInputFiles(fixture('glossary/debian-packages.problems.csv'));
    await page.getByTestId('gl-import-plan').waitFor();
    const lines = await page
      .getByTestId('gl-import-problem')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-line'))));
    expect(lines).toEqual([10, 44]);
    expect(await page.getByTestId('gl-import-problems').textContent()).toContain('第 44 行');
    expect(await page.getByTestId('gl-import-confirm').isDisabled()).toBe(true);
    await page.getByTestId('gl-import-blocked').waitFor();
    await shot(page, 'glossary-csv-dry-run-problems-zh');

    // The GB18030 copy is clean: 11 new terms; Import applies them as one step.
    await page
      .getByTestId('gl-import-file')
      .setInputFiles(fixture('glossary/debian-packages.glossary.gb18030.csv'));
    await expect.poll(() => page.getByTestId('gl-import-summary').textContent()).toContain('GB18030');
    expect(await page.getByTestId('gl-import-summary').textContent()).toContain('新增 11 个');
    await shot(page, 'glossary-csv-dry-run-zh');
    await page.getByTestId('gl-import-confirm').click();
    await expect.poll(() => page.getByTestId('gl-import-dialog').count()).toBe(0);
    await expect.poll(async () => (await terms(page)).length).toBe(count + 11);
    await expect.poll(() => page.getByTestId('gl-row').count()).toBe(count + 11);
    const jieba = (await termNamed(page, 'python3-jieba'))!;
    expect(jieba.definition).toContain('结巴');
    await blurFields(page);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await terms(page)).length).toBe(count);

    // Export: the download is the glossary as CSV with a BOM, and importing it changes nothing.
    const download = page.waitForEvent('download');
    await page.getByTestId('gl-export').click();
    const file = await (await download).path();
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFterm,definition,synonyms,en,zh');
    expect(text).toContain('客户资料卡');
    const copy = `${file}.csv`;
    fs.copyFileSync(file, copy);
    await page.getByTestId('gl-import').click();
    await page.getByTestId('gl-import-file').setInputFiles(copy);
    await page.getByTestId('gl-import-nothing').waitFor();
    expect(await page.getByTestId('gl-import-summary').textContent()).toContain(`未变 ${count} 个`);
    expect(await page.getByTestId('gl-import-confirm').isDisabled()).toBe(true);

    // The dry run in English and dark.
    await page.keyboard.press('Escape');
    await page.getByTestId('language').selectOption('en');
    await page.getByTestId('theme').selectOption('dark');
    await page.getByTestId('gl-import').click();
    await page.getByTestId('gl-import-file').setInputFiles(fixture('glossary/debian-packages.problems.csv'));
    await expect.poll(() => page.getByTestId('gl-import-problems').textContent()).toContain('line 44');
    await shot(page, 'glossary-csv-dry-run-en-dark');
    await page.keyboard.press('Escape');
    await shot(page, 'glossary-list-en-dark');
    expect(errors).toEqual([]);
    await page.close();
  });
  it('underlines a term in a PDF page’s text layer, beside the search hits, with its definition on hover', async () => {
    const page = await env.chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // pdf.js's Chinese knowledge-base template (fixtures/documents/pdfjs, the pdf.js test suite) in the library.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-pdf-'));
    fs.copyFileSync(fixture('documents/pdfjs/issue12823.pdf'), path.join(dir, '知识库模板.pdf'));
    await env.app.workspace.library.addFolder(dir);
    await env.app.workspace.whenLibraryIdle();
    await openGlossary(page);
    const r = await api<{ addedIds: string[] }>(page, 'glossary:edit', {
      edits: [
        {
          edit: 'add',
          label: '知识库',
          translations: { en: 'Knowledge base' },
          definition: '团队集中存放文档和经验的地方。',
        },
      ],
    });
    const id = r.addedIds[0]!;
    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('团队');
    const hit = page.getByTestId('doc-hit').filter({ hasText: '知识库模板.pdf' });
    await hit.getByTestId('page-hit').first().click();
    const layer = page.getByTestId('pdf-text-layer');
    const mention = layer.locator(`u.term-mention[data-term-id="${id}"]`).first();
    await mention.waitFor();
    expect(await layer.locator('mark.hit').count()).toBeGreaterThan(0);
    // The layer's spans keep their place: wrapping added elements, not text.
    expect(await mention.evaluate((el) => getComputedStyle(el).position)).toBe('static');
    await mention.hover();
    const card = page.getByTestId('term-card');
    await expect.poll(() => card.textContent()).toContain('团队集中存放文档和经验的地方。');
    expect(await mention.getAttribute('aria-describedby')).toBe(await card.getAttribute('id'));
    await shot(page, 'glossary-underline-pdf-zh');
    await mention.click();
    await expect.poll(() => page.getByTestId('gl-detail').getAttribute('data-id')).toBe(id);
    expect(errors).toEqual([]);
    await page.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  it('shows the empty state when the glossary has no term; Ctrl+Z brings all back in one step', async () => {
    const page = await env.chrome.context.newPage();
    await openGlossary(page);
    const all = await terms(page);
    await api(page, 'glossary:edit', { edits: all.map((t) => ({ edit: 'delete', id: t.id })) });
    await page.getByTestId('gl-empty').waitFor();
    await shot(page, 'glossary-empty-zh');
    await page.getByTestId('gl-empty-new').click();
    await page.getByTestId('gl-label').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('gl-empty').waitFor();
    await blurFields(page).catch(() => undefined);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('gl-row').count()).toBe(all.length);
    await page.close();
  });
});
