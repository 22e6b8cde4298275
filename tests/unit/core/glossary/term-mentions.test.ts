import fs from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildGlossary } from '../../../../main/core/glossary/glossary';
import { findTermMentions, type TermMention } from '../../../../main/core/glossary/term-mentions';
import { fixture } from '../../helpers';
import { sampleGraph, termNode } from './sample-graph';

/** The mentioned text and term of each mention, for readable expectations. */
function shown(text: string, mentions: TermMention[]): Array<[string, string]> {
  return mentions.map((m) => [text.slice(m.start, m.end), m.termId]);
}

/** The Debian package descriptions of the glossary fixture (real text, see fixtures/glossary/README.md). */
function debianDescription(pkg: string): string {
  const rows = Papa.parse<Record<string, string>>(
    fs.readFileSync(fixture('glossary/debian-packages.glossary.csv'), 'utf8'),
    { header: true },
  ).data;
  return rows.find((r) => r.term === pkg)!.definition!;
}

describe('findTermMentions', () => {
  const graph = sampleGraph();
  const sample = buildGlossary(graph);
  const description = (key: string) => graph.nodes.find((n) => n.id === `sample:${key}`)!.description;

  it('finds the terms named in a description of the sample, at their offsets', () => {
    const text = description('kn-fabric-consumption');
    expect(text).toBe('按唛架实际用料计算每件成衣的面料单耗。样衣阶段是预估值,大货阶段用实际排料结果修正。');
    expect(findTermMentions(text, sample)).toEqual([
      { start: 1, end: 3, termId: 'sample:te-majia' },
      { start: 16, end: 18, termId: 'sample:te-danhao' },
      { start: 28, end: 30, termId: 'sample:te-dahuo' },
    ]);
    // A Latin synonym in brackets, next to its Chinese label.
    const lessons = description('ca-lessons');
    expect(shown(lessons, findTermMentions(lessons, sample))).toEqual([
      ['复盘', 'sample:te-fupan'],
      ['AAR', 'sample:te-fupan'],
    ]);
  });

  it('marks the longest name, and never a name of one Chinese character', () => {
    const text = description('st-rnd-sample');
    expect(text).toBe('按工艺单裁制样衣,经试穿修正版型。');
    // 版 is a synonym of 版型: 版型 is marked once, not 版 inside it; 版本 and 出版 are not 版.
    expect(shown(text, findTermMentions(text, sample))).toEqual([
      ['工艺单', 'sample:te-gongyidan'],
      ['版型', 'sample:te-banxing'],
    ]);
    expect(findTermMentions('新版本已出版', sample)).toEqual([]);
    const g = buildGlossary({
      nodes: [termNode('card', '客户档案卡'), termNode('template', '客户档案卡模板')],
    });
    expect(
      shown('请填写客户档案卡模板和客户档案卡。', findTermMentions('请填写客户档案卡模板和客户档案卡。', g)),
    ).toEqual([
      ['客户档案卡模板', 'template'],
      ['客户档案卡', 'card'],
    ]);
  });

  it('keeps C++, C#, .NET apart from C and NET in real package descriptions', () => {
    const g = buildGlossary({
      nodes: [
        termNode('c', 'C', { zh: 'C 语言' }),
        termNode('cpp', 'C++', { synonyms: ['CPP'] }),
        termNode('net', 'NET'),
        termNode('dotnet', '.NET'),
        termNode('gtksharp', 'GTK#'),
        termNode('compiler', '编译器', { en: 'compiler' }),
      ],
    });
    const gpp = debianDescription('g++');
    expect(gpp).toBe(
      '这是 GNU C++ 编译器，一个高度精炼和优化的 C++ 编译器。\n这是一个提供默认 GNU C++ 编译器的依赖包。',
    );
    expect(shown(gpp, findTermMentions(gpp, g))).toEqual([
      ['C++', 'cpp'],
      ['编译器', 'compiler'],
      ['C++', 'cpp'],
      ['编译器', 'compiler'],
      ['C++', 'cpp'],
      ['编译器', 'compiler'],
    ]);
    const anjuta = debianDescription('anjuta');
    expect(anjuta.startsWith('这是一个用于 C/C++ 与 GNOME/Gtk+ 应用的集成开发环境')).toBe(true);
    expect(shown(anjuta, findTermMentions(anjuta, g))).toEqual([
      ['C', 'c'],
      ['C++', 'cpp'],
    ]);
    const gtk = debianDescription('gtk-sharp3');
    expect(gtk.startsWith('GTK# 3.0 是针对 GTK+ 3.0 工具和相关库的 CLI (.NET) 语言绑定。')).toBe(true);
    // NET is not found inside .NET (a marker dot binds to its word), GTK# is one name.
    expect(shown(gtk, findTermMentions(gtk, g))).toEqual([
      ['GTK#', 'gtksharp'],
      ['.NET', 'dotnet'],
      ['GTK#', 'gtksharp'],
    ]);
    expect(shown('ASP.NET 与 .net', findTermMentions('ASP.NET 与 .net', g))).toEqual([
      ['NET', 'net'],
      ['.net', 'dotnet'],
    ]);
  });

  it('finds an English name broken across lines, in any case', () => {
    const mono = debianDescription('mono-devel');
    expect(mono).toContain('CIL（Common Intermediate\nLanguage，通用中介语言）');
    const g = buildGlossary({
      nodes: [
        termNode('cil', '通用中介语言', { en: 'Common Intermediate Language', synonyms: ['CIL'] }),
        termNode('clr', '通用语言运行库', { en: 'common language runtime', synonyms: ['CLR'] }),
      ],
    });
    expect(shown(mono, findTermMentions(mono, g))).toEqual([
      ['CLR', 'clr'],
      ['Common Language Runtime', 'clr'],
      ['CIL', 'cil'],
      ['Common Intermediate\nLanguage', 'cil'],
      ['通用中介语言', 'cil'],
    ]);
  });

  it('gives offsets into the text as typed when NFKC changes it', () => {
    const g = buildGlossary({ nodes: [termNode('crm', 'CRM', { zh: '客户关系管理' })] });
    // Full-width letters fold one to one; ﬁ (one unit) becomes fi (two); é typed as e + U+0301 stays one piece.
    const text = 'ﬁle 里的 ＣＲＭ，cafe\u0301 的 crm';
    expect(findTermMentions(text, g)).toEqual([
      { start: 7, end: 10, termId: 'crm' },
      { start: 19, end: 22, termId: 'crm' },
    ]);
    expect(text.slice(7, 10)).toBe('ＣＲＭ');
  });

  it('attributes a shared name to the term it labels, and is empty for an empty text or glossary', () => {
    const g = buildGlossary({
      nodes: [termNode('fit', '版型', { synonyms: ['板型'] }), termNode('board', '板型')],
    });
    expect(findTermMentions('板型', g)).toEqual([{ start: 0, end: 2, termId: 'board' }]);
    expect(findTermMentions('', g)).toEqual([]);
    expect(findTermMentions('板型', buildGlossary({ nodes: [] }))).toEqual([]);
  });
});
