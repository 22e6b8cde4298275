import { describe, expect, it } from 'vitest';
import { adjacentPair, pickPages } from '../../../../main/core/search/doc-search';
import { pageTier } from '../../../../main/core/search/ranking';
import { SearchIndex } from '../../../../main/core/search/search-index';

/**
 * Document-level matching of multi-term queries (issue 11 §5, doc-search.ts). The page texts are sentences of the
 * Chinese Debian New Maintainers' Guide (fixtures/search/maint-guide.zh-cn.txt; GPL-2+, see ATTRIBUTION.md there),
 * their line breaks joined.
 */

/** debian/rules 文件 as a phrase, 打包. */
const RULES =
  '对于所有在 debian/rules 文件中使用 dh 命令打包的软件包，必须在 Build-Depends 中包含 debhelper (>=9) 以满足 Debian Policy 中对 clean target 的要求。';
/** debian/rules without 文件. */
const RULES_BUILD =
  '比如说， debian/rules build 以及 fakeroot make -f debian/rules binary 会分别执行 build 和 binary 两个 target。';
/** lintian, 软件包, no 警告. */
const LINTIAN =
  'lintian - Debian 软件包检查工具，使你可以在编译软件包后知道它是否犯了常见的错误，并对其找到的错误进行解释。';
/** 警告, no lintian. */
const WARN = 'W: 代表警告：可能违反了 Debian Policy 或是一个可能的打包错误。';
/** 警告 and lintian (in lintian-overrides) and 文件 on one page. */
const OVERRIDE =
  '对于警告，你应该改进软件包或者检查警告是否的确无意义。如果确定没有意义，则按照第 5.14 节中的叙述使用 lintian-overrides 文件将其覆盖。';
/** 上游源代码 as one phrase. */
const UPSTREAM_SOURCE = '既不是 tar.gz 也不是 tar.bz2 格式的上游源代码包';
/** 上游, no 源代码. */
const UPSTREAM = 'Upstream maintainer (上游维护者)：目前在上游维护程序代码的人';
/** 源代码, no 上游. */
const SOURCE = '免 FTBFS (Fails To Build From Source，源代码编译失败)的 Bug。';

/** Builds an index of documents given as `docId → page texts` (page i + 1; chunk ids docId × 100 + page). */
function indexOf(docs: Record<number, Array<string | null>>, options = {}): SearchIndex {
  const ix = new SearchIndex(options);
  for (const [docId, pages] of Object.entries(docs)) {
    pages.forEach((text, i) => {
      if (text !== null)
        ix.addChunk({ chunkId: Number(docId) * 100 + i + 1, docId: Number(docId), page: i + 1, text });
    });
  }
  return ix;
}

const search = (ix: SearchIndex, q: string, pagesPerDoc = 3) =>
  ix.search(q, { nodeLimit: 0, limit: 50, pagesPerDoc });

describe('multi-term queries match documents', () => {
  // 1: both terms on one page; 2: on adjacent pages; 3: four pages apart; 4: only lintian; 5: only 警告.
  const ix = indexOf({
    1: [SOURCE, OVERRIDE],
    2: [LINTIAN, WARN],
    3: [LINTIAN, SOURCE, UPSTREAM, RULES_BUILD, WARN],
    4: [LINTIAN],
    5: [WARN, WARN],
  });

  it('finds a document whose terms lie on different pages, and ranks same page, then adjacent, then apart', () => {
    const r = search(ix, 'lintian 警告');
    expect(r.docs.map((d) => [d.docId, d.together])).toEqual([
      [1, 'page'],
      [2, 'near'],
      [3, 'apart'],
    ]);
    expect(r.total).toBe(3);
    expect(r.exhaustive).toBe(true);
    // Pages with at least one term; the listed ones show both terms.
    expect(r.docs.map((d) => d.matchingPages)).toEqual([1, 2, 2]);
    expect(r.totalChunks).toBe(5);
    expect(r.docs[2]!.pages.map((p) => p.page).sort()).toEqual([1, 5]);
    // Each page's snippets highlight the terms it holds.
    const marked = (docId: number) =>
      r.docs
        .find((d) => d.docId === docId)!
        .pages.map((p) => p.snippets.flatMap((s) => s.highlights.map(([a, b]) => s.text.slice(a, b))));
    expect(marked(1)).toEqual([['警告', '警告', 'lintian']]);
    expect(marked(3).sort()).toEqual([['lintian'], ['警告']]);
  });

  it('ranks by how close the terms lie before BM25', () => {
    // Document 3 has both terms once on one long page; document 6 has each several times, on short pages far apart:
    // a higher score, ranked after.
    // Pages of other documents, indexed first, set the average page length (BM25 normalises by it).
    const filler = [RULES, RULES_BUILD, SOURCE, UPSTREAM_SOURCE, UPSTREAM];
    const long = [OVERRIDE, ...filler, ...filler, ...filler, ...filler].join(' ');
    const ix2 = indexOf({
      1: filler,
      2: filler,
      3: [long],
      6: [`lintian lintian lintian`, SOURCE, SOURCE, `警告 警告 警告`],
    });
    const r = search(ix2, 'lintian 警告');
    expect(r.docs.map((d) => d.docId)).toEqual([3, 6]);
    expect(r.docs[1]!.score).toBeGreaterThan(r.docs[0]!.score);
  });

  it('keeps a quoted phrase, and a CJK run, on one page', () => {
    const ix2 = indexOf({
      1: [RULES],
      2: [RULES_BUILD, OVERRIDE],
      3: [UPSTREAM_SOURCE],
      4: [UPSTREAM, SOURCE],
    });
    expect(search(ix2, 'debian/rules 文件').docs.map((d) => [d.docId, d.together])).toEqual([
      [1, 'page'],
      [2, 'near'],
    ]);
    expect(search(ix2, '"debian/rules 文件"').docs.map((d) => d.docId)).toEqual([1]);
    expect(search(ix2, '"debian/rules 文件" 打包').docs.map((d) => d.docId)).toEqual([1]);
    expect(search(ix2, '上游 源代码').docs.map((d) => [d.docId, d.together])).toEqual([
      [3, 'page'],
      [4, 'near'],
    ]);
    expect(search(ix2, '上游源代码').docs.map((d) => d.docId)).toEqual([3]);
    expect(search(ix2, '"上游源代码" 维护者').docs).toEqual([]);
  });

  it('lists and counts, in a document whose terms share a page, the pages holding every term', () => {
    const ix2 = indexOf({ 7: [LINTIAN, OVERRIDE, WARN, `${OVERRIDE} ${WARN}`] });
    const [doc] = search(ix2, 'lintian 警告').docs;
    expect(doc!.together).toBe('page');
    expect(doc!.matchingPages).toBe(2);
    expect(doc!.pages.map((p) => p.page).sort()).toEqual([2, 4]);
    // As a one-term search lists pages: best score first.
    expect(doc!.pages[0]!.score).toBeGreaterThanOrEqual(doc!.pages[1]!.score);
  });

  it("matches at page level when asked (match: 'page')", () => {
    const page = (q: string) => ix.search(q, { nodeLimit: 0, match: 'page' }).docs.map((d) => d.docId);
    expect(page('lintian 警告')).toEqual([1]);
    expect(page('lintian 上游 警告')).toEqual([]);
    expect(search(ix, 'lintian 警告').docs.map((d) => d.docId)).toEqual([1, 2, 3]);
  });

  it('needs every term somewhere in the document', () => {
    expect(search(ix, 'lintian 警告 zzz').total).toBe(0);
    expect(search(ix, 'lintian 上游 警告').docs.map((d) => [d.docId, d.together])).toEqual([[3, 'apart']]);
    expect(search(ix, 'lintian 上游 fakeroot').docs.map((d) => d.docId)).toEqual([3]);
  });

  it('looks for a one-character term in the documents the other terms leave', () => {
    // 译 occurs only in 编译 (LINTIAN, SOURCE), never on a page with 警告; 包 in 软件包 and 打包.
    const r = search(ix, '译 警告');
    expect(r.docs.map((d) => d.together)).toEqual(['near', 'near', 'apart']);
    expect(r.docs.map((d) => d.docId).sort()).toEqual([1, 2, 3]);
    expect(
      search(ix, '译 包')
        .docs.map((d) => d.docId)
        .sort(),
    ).toEqual([1, 2, 3, 4]);
    expect(search(ix, '鑫 警告').total).toBe(0);
  });

  it('applies the document filter', () => {
    const only = (ids: number[]) =>
      ix.search('lintian 警告', { nodeLimit: 0, filter: { docIds: new Set(ids) } }).docs.map((d) => d.docId);
    expect(only([3, 4, 5])).toEqual([3]);
    expect(only([4, 5])).toEqual([]);
    expect(only([999])).toEqual([]);
  });

  it('follows removals and pages through results', () => {
    const ix2 = indexOf({ 2: [LINTIAN, WARN], 3: [LINTIAN, WARN] });
    expect(search(ix2, 'lintian 警告').total).toBe(2);
    ix2.removeChunk(202);
    expect(search(ix2, 'lintian 警告').docs.map((d) => d.docId)).toEqual([3]);
    const all = search(ix, 'lintian 警告').docs.map((d) => d.docId);
    expect(ix.search('lintian 警告', { nodeLimit: 0, limit: 1, offset: 1 }).docs.map((d) => d.docId)).toEqual(
      [all[1]],
    );
  });

  it('verifies at most verifyBudget candidates and says so', () => {
    const docs: Record<number, string[]> = {};
    for (let i = 1; i <= 6; i++) docs[i] = [RULES_BUILD, UPSTREAM_SOURCE];
    const small = indexOf(docs, { verifyBudget: 3 });
    const r = search(small, 'debian/rules 上游源代码');
    expect(r.exhaustive).toBe(false);
    expect(r.total).toBeLessThan(6);
    const big = indexOf(docs);
    expect(search(big, 'debian/rules 上游源代码').total).toBe(6);
    expect(search(big, 'debian/rules 上游源代码').exhaustive).toBe(true);
  });
});

describe('pageTier and pickPages', () => {
  it('tells one page, adjacent pages and further apart', () => {
    // Terms 0 and 1 (masks 1, 2, 3 = both), or three terms (full mask 7).
    expect(pageTier([4, 9, 7], [1, 3, 2], 3)).toEqual({ tier: 2, together: 'page' });
    expect(pageTier([1, 8, 9], [1, 2, 1], 3)).toEqual({ tier: 1, together: 'near' });
    expect(pageTier([9, 1, 8], [1, 1, 2], 3).together).toBe('near');
    expect(pageTier([1, 3, 5], [1, 2, 1], 3).together).toBe('apart');
    expect(pageTier([1, 5, 12], [1, 2, 4], 7).together).toBe('apart');
    expect(pageTier([1, 2, 3], [1, 2, 4], 7).together).toBe('apart'); // three pages: more than adjacent
    // Two chunks of one page together hold both terms: the same page.
    expect(pageTier([3, 3], [1, 2], 3).together).toBe('page');
  });

  it('shows pages that add terms first, then the most terms, then the best score', () => {
    // [page, mask, score]
    const pages: Array<[number, number, number]> = [
      [1, 1, 5],
      [2, 1, 9],
      [3, 2, 1],
      [4, 3, 2],
      [5, 1, 9],
    ];
    const pick = (list: Array<[number, number, number]>, keep: number) =>
      pickPages(
        list.length,
        keep,
        (i) => list[i]![1],
        (i) => list[i]![2],
        (i) => list[i]![0],
      ).map((i) => list[i]![0]);
    expect(pick(pages, 5)).toEqual([4, 2, 5, 1, 3]);
    expect(pick(pages, 2)).toEqual([4, 2]);
    expect(
      pick(
        pages.filter((p) => p[1] !== 3),
        2,
      ),
    ).toEqual([2, 3]);
    expect(
      pick(
        pages.filter((p) => p[1] !== 3),
        9,
      ),
    ).toEqual([2, 3, 5, 1]);
    expect(pick([], 3)).toEqual([]);
  });

  it('finds the best adjacent pair of pages holding every term between them', () => {
    // pages, masks (terms 0 and 1: full = 3), scores
    expect(adjacentPair([1, 2, 5, 6, 9], [1, 2, 2, 1, 2], [1, 1, 4, 4, 9], 3)).toEqual([2, 3]);
    expect(adjacentPair([1, 2, 3], [1, 2, 1], [1, 1, 1], 3)).toEqual([0, 1]); // a tie: the lowest page
    expect(adjacentPair([1, 3, 5], [1, 2, 1], [1, 1, 1], 3)).toEqual([]);
  });
});
