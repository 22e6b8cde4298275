import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../main/cli/index';
import { fixture, tempDir } from '../helpers';

describe('cli: index, search, status', () => {
  it('indexes a folder, reports problems, and searches Chinese and symbols with --json', async () => {
    const dir = path.join(tempDir(), '文档 库');
    fs.mkdirSync(dir);
    fs.copyFileSync(
      fixture('documents/derived-zh/maint-guide.first.zh-cn.md'),
      path.join(dir, '维护指南.md'),
    );
    fs.copyFileSync(fixture('documents/pdfjs/issue12823.pdf'), path.join(dir, 'kb.pdf'));
    fs.copyFileSync(fixture('documents/pdf-parse/03-invalid.pdf'), path.join(dir, 'bad.pdf'));
    const ws = path.join(tempDir(), 'w.wellspring');
    const out: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await runCli(['index', dir, '--workspace', ws], (s) => out.push(s))).toBe(0);
    stderr.mockRestore();
    expect(out[0]).toBe(`${dir}: 1 failed, 2 indexed`);
    expect(out[1]).toMatch(/failed\s+.*bad\.pdf — bad\.pdf: not a valid PDF/);

    out.length = 0;
    expect(await runCli(['search', '知识库', '--workspace', ws, '--json'], (s) => out.push(s))).toBe(0);
    const kb = JSON.parse(out[0]!) as {
      total: number;
      documents: Array<{ path: string; pages: number[]; snippets: Array<{ text: string }> }>;
    };
    expect(kb.documents.map((d) => path.basename(d.path))).toEqual(['kb.pdf']);
    expect(kb.documents[0]!.pages).toEqual([1]);
    expect(kb.documents[0]!.snippets[0]!.text).toContain('知识库');

    out.length = 0;
    expect(await runCli(['search', 'C++', '--workspace', ws, '--json'], (s) => out.push(s))).toBe(0);
    const cpp = JSON.parse(out[0]!) as {
      documents: Array<{ path: string; snippets: Array<{ text: string }> }>;
    };
    expect(cpp.documents.map((d) => path.basename(d.path))).toEqual(['维护指南.md']);
    expect(cpp.documents[0]!.snippets.some((s) => s.text.includes('C++'))).toBe(true);

    out.length = 0;
    expect(await runCli(['status', '--workspace', ws, '--json'], (s) => out.push(s))).toBe(0);
    const status = JSON.parse(out[0]!) as {
      folders: Array<{ counts: Record<string, number> }>;
      documents: Array<{ status: string }>;
    };
    expect(status.folders[0]!.counts).toEqual({ indexed: 2, failed: 1 });
    expect(status.documents).toHaveLength(3);
  });

  it('skips files over --max-mb with a reason, keeping the rest', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'big.txt'), '大文件'.repeat(200_000));
    fs.writeFileSync(path.join(dir, 'small.txt'), '小文件');
    const ws = path.join(tempDir(), 'w.wellspring');
    const out: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(
      await runCli(['index', dir, '--workspace', ws, '--max-mb', '1', '--json'], (s) => out.push(s)),
    ).toBe(0);
    stderr.mockRestore();
    const r = JSON.parse(out[0]!) as {
      counts: Record<string, number>;
      problems: Array<{ path: string; status: string; error: string }>;
    };
    expect(r.counts).toEqual({ indexed: 1, unsupported: 1 });
    expect(r.problems[0]).toMatchObject({ status: 'unsupported' });
    expect(r.problems[0]!.error).toMatch(/big\.txt.*larger than the 1(\.0)? MB limit/);
  });

  it('fails clearly for a folder that does not exist, and needs a query for search', async () => {
    const ws = path.join(tempDir(), 'w.wellspring');
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await runCli(['index', path.join(tempDir(), 'missing'), '--workspace', ws])).toBe(1);
    expect(String(err.mock.calls[0]![0])).toMatch(/Folder not found: .*missing \[not_found\]/);
    expect(await runCli(['search', '--workspace', ws])).toBe(2);
    err.mockRestore();
  });
});
