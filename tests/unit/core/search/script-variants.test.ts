import { describe, expect, it } from 'vitest';
import { buildGlossary } from '../../../../main/core/glossary/glossary';
import {
  MAX_SCRIPT_ALTERNATIVES,
  hasTraditional,
  planSearch,
  scriptForms,
} from '../../../../main/core/search/script-variants';
import { termNode } from '../glossary/sample-graph';

/**
 * Simplified ↔ Traditional query forms (script-variants.ts) on real words. Expected forms are the words as Taiwan,
 * Hong Kong and mainland texts write them (checked against the opencc-js README's own zh-CN / zh-TW texts where
 * they use the word), not the converter's output copied back.
 */
describe('scriptForms', () => {
  it('converts phrase-level both ways, with the Taiwan and Hong Kong words', () => {
    // Taiwan 軟體 / Hong Kong 軟件 / mainland 软件.
    expect(scriptForms('软件')).toEqual(['軟體', '軟件']);
    expect(scriptForms('軟體')[0]).toBe('软件');
    expect(scriptForms('軟體')).toContain('軟件');
    // Taiwan 記憶體 is mainland 内存 (memory), not 记忆体 only.
    expect(scriptForms('内存')).toEqual(['記憶體', '內存']);
    expect(scriptForms('記憶體')[0]).toBe('内存');
    // Taiwan 資料庫 / Hong Kong 數據庫 / mainland 数据库.
    expect(scriptForms('数据库')).toEqual(['資料庫', '數據庫']);
    expect(scriptForms('資料庫')[0]).toBe('数据库');
    expect(scriptForms('頭髮')).toEqual(['头发']);
  });

  it('gets the one-to-many characters right where character-level conversion does not', () => {
    // 发 is 髮 in 头发 (hair) and 發 in 发现; character by character 头发 would become 頭發.
    expect(scriptForms('头发')).toEqual(['頭髮']);
    expect(scriptForms('发现')).toEqual(['發現']);
    // 皇后 (empress) is written 皇后 in Traditional as well: no 皇後 (後 is "after").
    expect(scriptForms('皇后')).toEqual([]);
    expect(scriptForms('皇後')).toEqual(['皇后']);
    expect(scriptForms('后台')).toEqual(['後臺', '後台']);
  });

  it('converts a longer word as a phrase, and says what it does not know', () => {
    expect(scriptForms('软件包')).toEqual(['軟體包', '軟件包']);
    // Taiwan texts also say 軟體套件 for a package; the phrase table has no such entry, so 软件包 does not reach it.
    expect(scriptForms('软件包')).not.toContain('軟體套件');
    expect(scriptForms('軟體套件')[0]).toBe('软件套件');
  });

  it('never turns Simplified into other Simplified words (文件 is not 文档, 程序 not 进程)', () => {
    // The Taiwan → mainland phrase table maps 文件 → 文档 and 程序 → 进程; those apply to Traditional text only.
    expect(scriptForms('文件')).toEqual(['檔案']);
    expect(scriptForms('程序')).toEqual(['程式']);
    expect(scriptForms('檔案')[0]).toBe('文件');
    expect(hasTraditional('文件')).toBe(false);
    expect(hasTraditional('檔案')).toBe(true);
    expect(hasTraditional('裡面')).toBe(true); // a Taiwan variant character
    // Taiwan words written in characters both scripts share are converted: 程式 (program), 介面 (interface).
    expect(scriptForms('程式')).toEqual(['程序']);
    expect(scriptForms('介面')).toEqual(['界面']);
    // Taiwan's phrase table writes a document 文件, a mainland word (file) too: 文档 does not search every 文件.
    expect(scriptForms('文档')).toEqual(['文檔']);
  });

  it('keeps Latin words, spaces and quotes, and converts each word of a mixed query on its own', () => {
    expect(scriptForms('debian/rules')).toEqual([]);
    expect(scriptForms('C++')).toEqual([]);
    expect(scriptForms('debian/rules 文件')).toEqual(['debian/rules 檔案']);
    expect(scriptForms('"Debian 軟體包"')[0]).toBe('"Debian 软件包"');
    // A mixed query: only the Traditional word is converted to Simplified; 文件 stays 文件.
    expect(scriptForms('文件 軟體')[0]).toBe('文件 软件');
    expect(scriptForms('知識管理')).toEqual(['知识管理']);
  });
});

describe('planSearch', () => {
  const glossary = buildGlossary({
    nodes: [
      termNode('db', '数据库', { synonyms: ['资料库'], en: 'Database' }),
      termNode('many', '软件', {
        synonyms: ['软体', '应用软件', '应用程序', '程序包', '软件程序', '电脑软件'],
      }),
    ],
  });

  it('without conversion plans exactly the glossary expansion', () => {
    const p = planSearch('数据库', { glossary, convertScript: false });
    expect(p.alternatives.map((a) => a.query)).toEqual(['"资料库"', '"Database"']);
    expect(p.scriptForms).toEqual([]);
    expect(planSearch('軟體', { glossary: null, convertScript: false }).alternatives).toEqual([]);
  });

  it('searches the converted forms, and those of the glossary names', () => {
    const p = planSearch('数据库', { glossary, convertScript: true });
    const queries = p.alternatives.map((a) => a.query);
    expect(queries.slice(0, 4)).toEqual(['"资料库"', '"Database"', '資料庫', '數據庫']);
    // 资料库 (a synonym) is written 資料庫 in Traditional too: searched once.
    expect(queries.filter((q) => q.replace(/"/g, '') === '資料庫')).toHaveLength(1);
    expect(p.scriptForms).toEqual(['資料庫', '數據庫']);
    expect(p.alsoSearched).toEqual(['资料库', 'Database']);
    expect(p.alternatives.find((a) => a.query === '資料庫')!.forms).toEqual(['資料庫']);
  });

  it('a Traditional query finds a glossary term written in Simplified through its converted form', () => {
    const p = planSearch('資料庫', { glossary, convertScript: true });
    // 资料库 is also the character-level Simplified form of 資料庫: one search for both.
    expect(p.alternatives.map((a) => a.query)).toEqual(['数据库', '资料库', '數據庫', '"Database"']);
    expect(p.alsoSearched).toEqual(['资料库', 'Database']);
    expect(p.expansions).toEqual([]); // offsets would be into 数据库, not the query
  });

  it('adds at most MAX_SCRIPT_ALTERNATIVES searches for a term with many names', () => {
    const off = planSearch('软件', { glossary, convertScript: false }).alternatives.length;
    const on = planSearch('软件', { glossary, convertScript: true });
    expect(off).toBe(6);
    expect(on.alternatives.length).toBe(off + MAX_SCRIPT_ALTERNATIVES);
    expect(on.alternatives.slice(off, off + 2).map((a) => a.query)).toEqual(['軟體', '軟件']);
    expect(new Set(on.alternatives.map((a) => a.query)).size).toBe(on.alternatives.length);
  });
});
