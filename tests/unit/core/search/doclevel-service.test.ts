import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SearchResultDto } from '../../../../preload/contract';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { fixture, tempDir } from '../../helpers';

/**
 * Document-level matching through SearchService and the search:query contract, with the library's filters: the
 * Chinese Debian New Maintainers' Guide (fixtures/search; GPL-2+, see ATTRIBUTION.md there) as its 63-page PDF in
 * one folder and as plain text (cut into pages of 3,000 characters by the extractor) in another. In the PDF,
 * `lintian` and `邮件列表` never share a page but lie on adjacent ones; `lintian` and `警告` share a page.
 */
describe('SearchService: multi-term queries match documents', () => {
  it('finds documents whose terms lie on different pages, through every filter, and says how close they lie', async () => {
    const root = tempDir();
    const pdfDir = path.join(root, 'pdf');
    const txtDir = path.join(root, 'txt');
    fs.mkdirSync(pdfDir);
    fs.mkdirSync(txtDir);
    fs.copyFileSync(fixture('search/maint-guide.zh-cn.pdf'), path.join(pdfDir, 'guide.pdf'));
    fs.copyFileSync(fixture('search/maint-guide.zh-cn.txt'), path.join(txtDir, 'guide.txt'));
    const file = path.join(tempDir(), 'w.wellspring');
    const ws = new WorkspaceService(path.dirname(file), 'node', { watch: false, threads: 1 });
    ws.open(file, { create: true });
    await ws.library.addFolder(pdfDir);
    await ws.library.addFolder(txtDir);
    await ws.library.whenIdle();
    const [pdfFolder, txtFolder] = ws.library.folders();

    const r = ws.search.query('lintian 邮件列表', { filters: { nodes: false } });
    expect(() => SearchResultDto.parse(r)).not.toThrow();
    const pdf = r.docs.find((d) => d.doc.name === 'guide.pdf')!;
    expect(pdf.together).toBe('near');
    expect(pdf.matchingPages).toBeGreaterThan(2);
    const marks = pdf.pages.flatMap((p) =>
      p.snippets.flatMap((s) => s.highlights.map(([a, b]) => s.text.slice(a, b))),
    );
    expect(marks.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['lintian', '邮件列表']));
    // As a quoted phrase the two stay together, on one page: nothing.
    expect(ws.search.query('"lintian 邮件列表"', { filters: { nodes: false } }).total).toBe(0);

    // Filters: type, folder, document, dates.
    const names = (filters: object) =>
      ws.search
        .query('lintian 邮件列表', { filters: { nodes: false, ...filters } })
        .docs.map((d) => d.doc.name)
        .sort();
    expect(names({})).toEqual(['guide.pdf', 'guide.txt']);
    expect(names({ types: ['pdf'] })).toEqual(['guide.pdf']);
    expect(names({ types: ['txt'] })).toEqual(['guide.txt']);
    expect(names({ folderId: pdfFolder!.id })).toEqual(['guide.pdf']);
    expect(names({ folderId: txtFolder!.id })).toEqual(['guide.txt']);
    expect(names({ docIds: [pdf.doc.id] })).toEqual(['guide.pdf']);
    expect(names({ to: '2000-01-01' })).toEqual([]);

    // Terms on one page: the PDF says so, and lists pages holding both, both marked.
    const same = ws.search.query('lintian 警告', { filters: { types: ['pdf'], nodes: false } }).docs[0]!;
    expect(same.together).toBe('page');
    for (const p of same.pages) {
      const marked = p.snippets.flatMap((s) =>
        s.highlights.map(([a, b]) => s.text.slice(a, b).toLowerCase()),
      );
      expect(marked, `page ${p.page}`).toEqual(expect.arrayContaining(['lintian', '警告']));
    }
    // A one-term query carries no `together`.
    expect(ws.search.query('lintian').docs[0]!.together).toBeUndefined();
    await ws.shutdown();
  });
});
