import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { shot, useAppInChromium } from './harness';
import { addLibraryFolder, openAppPage, useFixtureFolder } from './library-helpers';

// Issue 11 §4, files a Chinese office really has: a Word 97–2003 document saved as .rtf, a plain ZIP named .epub,
// a text file named .rtf and empty files. Each gets its status and a reason a user can act on, in Chinese and in
// English, with no English left inside the Chinese sentence; the readable RTF next to them is indexed.
const env = useAppInChromium();
const docs = useFixtureFolder('改名的文件-', {
  '报告.rtf': { copy: 'import/standardized_text.doc' },
  '书.epub': zipSync({ 'chapter1.html': strToU8('<p>第一章</p>') }),
  '笔记.rtf': '会议记录：下周一提交软件测试报告。',
  '空.epub': '',
  '第一步.rtf': { copy: 'documents/derived-zh/maint-guide.first.zh-cn.rtf' },
});

describe('renamed and empty files in the library (Chromium)', () => {
  it('says what each one is, in both languages', async () => {
    const { page, errors } = await openAppPage(env);
    await addLibraryFolder(page, env, docs.dir, { folder: /已索引 1 · 有问题 4 · 等待 0/ });
    await page.getByTestId('only-problems').check();
    const table = page.getByTestId('status-table');
    // The texts of the table's cells `cells` that name one of the four files, sorted.
    const ours = async (cells: string) =>
      (await table.locator(cells).allTextContents()).filter((t) => /报告|书\.epub|笔记|空/.test(t)).sort();
    await expect.poll(async () => (await ours('tbody tr')).length).toBe(4);
    expect(await ours('td.detail')).toEqual(
      [
        '报告.rtf：旧版 Word 97–2003 格式（.doc）不受支持：请另存为 .docx',
        '书.epub：不是有效的 EPUB 文件（缺少 META-INF/container.xml，可能只是普通 ZIP 压缩包）',
        '笔记.rtf：不是 RTF 文件（开头不是 {\\rtf，可能是改了扩展名的其他文件）',
        '空.epub：空文件',
      ].sort(),
    );
    await shot(page, 'library-traps-zh');

    await page.getByTestId('language').selectOption('en');
    await expect
      .poll(() => ours('td.detail'))
      .toEqual(
        [
          '报告.rtf: Word 97–2003 format (.doc) is not supported: save it as .docx',
          '书.epub: not a valid EPUB file (no META-INF/container.xml: a plain ZIP archive?)',
          '笔记.rtf: not an RTF file (it does not start with {\\rtf: another kind of file renamed?)',
          '空.epub: empty file',
        ].sort(),
      );
    await shot(page, 'library-traps-en');
    await page.getByTestId('language').selectOption('zh-CN');
    expect(errors).toEqual([]);
    await page.close();
  });
});
