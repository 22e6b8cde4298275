import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeHits } from '../../../../main/core/search/expanded-search';
import { SearchIndex } from '../../../../main/core/search/search-index';
import { planSearch } from '../../../../main/core/search/script-variants';
import { MAINT_GUIDE_TEXT, chunkMatches, chunkText, oracleForm, oracleQuery } from './quality-oracle';

/**
 * SEARCH-QUALITY with Simplified ↔ Traditional conversion on: the Chinese Debian New Maintainers' Guide
 * (fixtures/search/maint-guide.zh-cn.txt; GPL-2+, see ATTRIBUTION.md there) cut into chunks of at most 1,500
 * characters at blank lines (a longer paragraph at line ends: quality-oracle.ts's chunkText), each chunk a document.
 * Each query runs as SearchService runs it: the query and every alternative planSearch gives (script conversion on,
 * no glossary), each a search of the index, merged with mergeHits.
 *
 * The truth, independent of the index (the oracle of quality-oracle.ts): a chunk is relevant when, for the query or
 * one of the converted forms searched, every term occurs in it — Chinese as a substring of the folded text (NFKC,
 * lower case, whitespace collapsed, a space between a Chinese and a Latin character dropped), a Latin word as a whole
 * word. The queries are those of search-quality.test.ts that have Chinese in them, in Simplified as the guide writes
 * them and in Taiwan Traditional as a colleague in Taipei would type them (軟體包, 原始碼, 檔案).
 */

const QUERIES = [
  // Simplified, as the guide writes
  '打包',
  '上游',
  '补丁',
  '依赖',
  '构建',
  '签名',
  '编译',
  '安装',
  '文档',
  '目录',
  '上传',
  '维护者',
  '软件包',
  '二进制',
  '许可证',
  '开发者',
  '发行版',
  '版本号',
  '源代码包',
  '变更日志',
  '配置文件',
  '二进制包',
  '邮件列表',
  '自由软件',
  '上游源代码',
  '软件包维护者',
  '程序',
  '文件',
  '信息',
  '网络',
  '包',
  '库',
  '文件 系统',
  '上游 补丁',
  'debian 软件包',
  '"Debian 软件包"',
  'Debian软件包',
  // Taiwan Traditional
  '軟體包',
  '維護者',
  '原始碼',
  '上游原始碼',
  '補丁',
  '編譯',
  '相依',
  '檔案',
  '程式',
  '資訊',
  '網路',
  '發佈',
  '二進位',
  '設定檔',
  '自由軟體',
  '檔案 系統',
  'debian 軟體包',
  '"Debian 軟體包"',
  'lintian 檢查',
];

describe('SEARCH-QUALITY with Simplified ↔ Traditional conversion (maint-guide, zh-CN)', () => {
  it('recall 100% and precision ≥ 99.5% against the query-or-converted-form truth', () => {
    const texts = chunkText(fs.readFileSync(MAINT_GUIDE_TEXT!, 'utf8'));
    const ix = new SearchIndex();
    texts.forEach((text, i) => ix.addChunk({ chunkId: i, docId: i, page: 1, text }));
    const folded = texts.map(oracleForm);
    const options = { limit: texts.length, pagesPerDoc: 1, snippetsPerPage: 1, nodeLimit: 0 };
    let tp = 0;
    let found = 0;
    let relevant = 0;
    const lines: string[] = [];
    const foundBy = new Map<string, number>();
    for (const query of QUERIES) {
      const plan = planSearch(query, { glossary: null, convertScript: true });
      const run = (q: string) => {
        const r = ix.search(q, options);
        expect(r.exhaustive, q).toBe(true);
        return r.docs;
      };
      const base = run(query);
      const merged = mergeHits(
        { forms: [query], hits: base },
        plan.alternatives.map((a) => ({ forms: a.forms, hits: run(a.query) })),
        (d) => d.docId,
        texts.length,
      ).hits;
      const forms = [query, ...plan.alternatives.map((a) => a.query)];
      const compiled = forms.map(oracleQuery);
      const truth = new Set<number>();
      folded.forEach((t, i) => {
        if (compiled.some((q) => chunkMatches(q, t))) truth.add(i);
      });
      const hits = new Set(merged.map((d) => d.docId));
      const ok = [...hits].filter((d) => truth.has(d)).length;
      const missed = [...truth].filter((d) => !hits.has(d));
      expect(missed, `recall of ${query}`).toEqual([]);
      tp += ok;
      found += hits.size;
      relevant += truth.size;
      foundBy.set(query, hits.size);
      // A Simplified query on the Simplified guide finds what it finds alone: conversion adds no other mainland word.
      if (QUERIES.indexOf(query) < QUERIES.indexOf('軟體包')) expect(hits.size, query).toBe(base.length);
      lines.push(
        `${query.padEnd(16)}${String(base.length).padStart(6)}${String(hits.size).padStart(7)}` +
          `${String(truth.size).padStart(7)}${String(hits.size - ok).padStart(5)}  ${plan.scriptForms.join(' ')}`,
      );
    }
    console.log(
      [
        `SEARCH-QUALITY script conversion: ${texts.length} chunks, ${QUERIES.length} queries`,
        `${'query'.padEnd(16)} alone  found  truth   FP  forms searched`,
        ...lines,
        `recall ${((100 * tp) / relevant).toFixed(2)}%  precision ${((100 * tp) / Math.max(1, found)).toFixed(2)}%`,
      ].join('\n'),
    );
    expect(tp / relevant).toBe(1);
    expect(tp / found).toBeGreaterThanOrEqual(0.995);
    // The Traditional queries find the Simplified guide through their converted forms (not trivially empty).
    for (const q of ['軟體包', '原始碼', '檔案', '程式', '"Debian 軟體包"'])
      expect(foundBy.get(q), q).toBeGreaterThan(0);
  });
});
