import fs from 'node:fs';
import path from 'node:path';
import OpenCC from 'opencc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResultDto } from '../../../../preload/contract';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { scriptForms } from '../../../../main/core/search/script-variants';
import { fixture, tempDir } from '../../helpers';

/**
 * Simplified ↔ Traditional search through the workspace's SearchService (search:query, search:nodes) on real text
 * (fixtures/search-script and fixtures/search, see ATTRIBUTION.md there):
 * - `debian.zh-cn.txt`: a paragraph of the Debian New Maintainers' Guide and five Debian package descriptions,
 *   Simplified, as written;
 * - `debian.zh-tw.txt`: another paragraph of the guide and the same package descriptions made Taiwan Traditional
 *   here with opencc-js (`cn → twp`: 数据库 → 資料庫, 内存 → 記憶體, 软件 → 軟體);
 * - the opencc-js README as its authors wrote it in Simplified and in Taiwan Traditional.
 * The oracle reads the stored page texts from SQLite and looks for the query and its converted forms as substrings.
 */

const dir = tempDir();
let ws: WorkspaceService;

function paragraph(text: string, containing: string): string {
  const p = text.split(/\n[ \t]*\n/).find((x) => x.includes(containing));
  if (!p) throw new Error(`no paragraph with ${containing}`);
  return p;
}

beforeAll(async () => {
  const guide = fs.readFileSync(fixture('search/maint-guide.zh-cn.txt'), 'utf8');
  const packages = fs.readFileSync(fixture('search-script/debian-packages.zh-cn.txt'), 'utf8');
  const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'twp' });
  const docs = path.join(dir, 'docs');
  fs.mkdirSync(docs);
  fs.writeFileSync(
    path.join(docs, 'debian.zh-cn.txt'),
    `${paragraph(guide, 'Debian 的软件包系统')}\n\n${packages}`,
  );
  fs.writeFileSync(
    path.join(docs, 'debian.zh-tw.txt'),
    toTaiwan(`${paragraph(guide, 'pbuilder - 此软件包')}\n\n${packages}`),
  );
  for (const f of ['opencc-js.README-zh-CN.md', 'opencc-js.README-zh-TW.md'])
    fs.copyFileSync(fixture(`search-script/${f}`), path.join(docs, f));
  ws = new WorkspaceService(dir, 'node', { watch: false, threads: 1 });
  ws.open(path.join(dir, 'w.wellspring'), { create: true });
  await ws.library.addFolder(docs);
  await ws.library.whenIdle();
});

afterAll(async () => {
  await ws.shutdown();
});

/** Names of the documents whose stored text contains one of `forms` (straight from SQLite). */
function docsWith(forms: string[]): string[] {
  const ids = new Set<number>();
  for (const p of ws.libraryStore.allPages()) if (forms.some((f) => p.text.includes(f))) ids.add(p.doc_id);
  return [...ids].map((id) => ws.libraryStore.document(id).name).sort();
}

const names = (r: { docs: SearchResultDto['docs'] }) => r.docs.map((d) => d.doc.name).sort();

/** The highlighted text of every snippet of `name`'s pages. */
function highlighted(r: SearchResultDto, name: string): string[] {
  const hit = r.docs.find((d) => d.doc.name === name)!;
  return hit.pages.flatMap((p) =>
    p.snippets.flatMap((s) => s.highlights.map(([a, b]) => s.text.slice(a, b))),
  );
}

describe('Simplified ↔ Traditional search (documents)', () => {
  it('a Traditional query finds the Simplified text, highlighted in its own characters, and the reverse', () => {
    const tw = ws.search.query('軟體');
    expect(names(tw)).toEqual(['debian.zh-cn.txt', 'debian.zh-tw.txt']);
    expect(tw.scriptForms).toEqual(['软件', '软体', '軟件']);
    const cn = tw.docs.find((d) => d.doc.name === 'debian.zh-cn.txt')!;
    expect(cn.matchedForms).toEqual(['软件']);
    expect(new Set(highlighted(tw, 'debian.zh-cn.txt'))).toEqual(new Set(['软件']));
    expect(tw.docs.find((d) => d.doc.name === 'debian.zh-tw.txt')!.matchedForms[0]).toBe('軟體');

    const sc = ws.search.query('软件');
    expect(names(sc)).toEqual(['debian.zh-cn.txt', 'debian.zh-tw.txt']);
    expect(new Set(highlighted(sc, 'debian.zh-tw.txt'))).toEqual(new Set(['軟體']));
  });

  it('finds 数据库 ↔ 資料庫 and 内存 ↔ 記憶體, the Taiwan words, not character by character', () => {
    for (const [simplified, taiwan] of [
      ['数据库', '資料庫'],
      ['内存', '記憶體'],
    ] as const) {
      expect(highlighted(ws.search.query(simplified), 'debian.zh-tw.txt')).toContain(taiwan);
      expect(highlighted(ws.search.query(taiwan), 'debian.zh-cn.txt')).toContain(simplified);
      expect(names(ws.search.query(taiwan, { convertScript: false }))).toEqual(['debian.zh-tw.txt']);
    }
  });

  it('finds the words the Taiwan README uses where the mainland one says 文件, 数据 and 代码', () => {
    // The authors wrote 字典数据 / 字典資料 and 文件大小 / 檔案大小 in their two READMEs.
    // 资料 is a mainland word as well: a Simplified query keeps it (no 数据), and finds the Taiwan text as 資料.
    expect(names(ws.search.query('字典资料'))).toEqual(['opencc-js.README-zh-TW.md']);
    const r = ws.search.query('字典数据');
    expect(names(r)).toEqual(['opencc-js.README-zh-CN.md', 'opencc-js.README-zh-TW.md']);
    expect(highlighted(r, 'opencc-js.README-zh-TW.md')).toContain('字典資料');
    expect(names(ws.search.query('檔案大小'))).toEqual([
      'opencc-js.README-zh-CN.md',
      'opencc-js.README-zh-TW.md',
    ]);
  });

  it('finds exactly the documents that contain the query or one of its converted forms', () => {
    for (const q of [
      '軟體',
      '软件包',
      '資料庫',
      '記憶體',
      '文件',
      '程式',
      '原始碼',
      '磁碟',
      'Debian 軟體包',
      '"SQL 資料庫"',
    ]) {
      const forms = [q, ...scriptForms(q)].map((f) => f.replace(/"/g, ''));
      const terms = (f: string) => f.split(' ');
      const expected = new Set<string>();
      for (const p of ws.libraryStore.allPages())
        if (forms.some((f) => (q.startsWith('"') ? [f] : terms(f)).every((t) => p.text.includes(t))))
          expected.add(ws.libraryStore.document(p.doc_id).name);
      expect(names(ws.search.query(q)), q).toEqual([...expected].sort());
    }
  });

  it('switched off, gives the results of the query alone', () => {
    const off = ws.search.query('軟體', { convertScript: false });
    expect(names(off)).toEqual(docsWith(['軟體']));
    expect(off.scriptForms).toEqual([]);
    expect(off.docs.every((d) => d.matchedForms.join() === '軟體')).toBe(true);
    const both = ws.search.query('軟體', { convertScript: false, expand: false });
    const index = ws.search.searchIndex().search('軟體');
    expect(both.docs.map((d) => d.doc.id)).toEqual(index.docs.map((d) => d.docId));
    expect(both.total).toBe(index.total);
  });
});

describe('Simplified ↔ Traditional search (nodes)', () => {
  it('a Simplified query finds a Traditional label, in search:nodes and search:query', () => {
    const node = ws.store.addNode({ kind: 'knowledge', label: '資料庫備份流程' });
    const r = ws.search.nodes('数据库 备份');
    expect(r.nodes.map((n) => n.node.id)).toEqual([node.id]);
    expect(r.nodes[0]!.matchedForms).toEqual(['資料庫 備份']);
    expect(r.scriptForms).toContain('資料庫 備份');
    const [a, b] = r.nodes[0]!.highlights[0]!;
    expect(node.label.slice(a, b)).toBe('資料庫備份'); // both terms, adjacent: one range
    expect(ws.search.query('数据库').nodes.map((n) => n.node.id)).toContain(node.id);
    expect(ws.search.nodes('数据库', 20, undefined, { convertScript: false }).nodes).toEqual([]);
  });
});
