import { describe, expect, it } from 'vitest';
import {
  MAX_ALTERNATIVES,
  buildGlossary,
  expandQuery,
  foldVariant,
} from '../../../../main/core/glossary/glossary';
import { node } from '../../helpers';
import { PROFILE_CARD_TERM, sampleGraph, termNode } from './sample-graph';

describe('buildGlossary', () => {
  it('reads every term of the sample with its names, in order, each once', () => {
    const g = buildGlossary(sampleGraph());
    expect(g.terms).toHaveLength(19);
    const majia = g.byId.get('sample:te-majia')!;
    expect(majia.label).toBe('唛架');
    expect(majia.definition).toBe('把一床面料上各裁片的排放位置画出的排料图,决定面料利用率。');
    // label, aliases, synonyms, en, zh — the English name (alias and translation) and 唛架 (label and zh) once.
    expect(majia.variants).toEqual(['唛架', 'Marker', '排料图', '马克']);
    expect(g.byVariant.get('marker')!.map((t) => t.id)).toEqual(['sample:te-majia']);
    // “Acceptance quality limit (AQL)” is the longest name in words.
    expect(g.maxWords).toBe(4);
  });

  it('ignores other kinds and tolerates props it cannot read', () => {
    const odd = { ...termNode('t', '术语'), props: { synonyms: ['同义', 3], translations: { en: '  ' } } };
    const g = buildGlossary({ nodes: [node('k', 'knowledge'), odd] });
    expect(g.terms.map((t) => t.id)).toEqual(['t']);
    expect(g.terms[0]!.definition).toBe('');
    expect(g.terms[0]!.variants).toEqual(['术语', '同义']);
  });

  it('folds names: NFKC (full width), case and whitespace', () => {
    expect(foldVariant('  Customer \n Profile\u3000Card ')).toBe('customer profile card');
    expect(foldVariant('ＡＱＬ')).toBe('aql');
  });
});

describe('expandQuery', () => {
  const sample = buildGlossary(sampleGraph());

  it('expands a synonym to the term’s other names, as phrases', () => {
    const e = expandQuery('排料图', sample);
    expect(e.expansions).toEqual([
      {
        termId: 'sample:te-majia',
        termLabel: '唛架',
        matched: '排料图',
        start: 0,
        end: 3,
        variants: ['唛架', 'Marker', '马克'],
      },
    ]);
    expect(e.alternatives).toEqual([
      { query: '"唛架"', variants: ['唛架'] },
      { query: '"Marker"', variants: ['Marker'] },
      { query: '"马克"', variants: ['马克'] },
    ]);
    expect(e.alsoSearched).toEqual(['唛架', 'Marker', '马克']);
  });

  it('the issue’s example: 客户资料卡 also searches customer profile card and 客户档案卡', () => {
    const g = buildGlossary({ nodes: [termNode('card', PROFILE_CARD_TERM.label, PROFILE_CARD_TERM)] });
    const e = expandQuery('客户资料卡', g);
    // The alias and the English translation differ only in case: searched once.
    expect(e.alsoSearched).toEqual(['客户档案卡', 'Customer profile card']);
    expect(e.alternatives.map((a) => a.query)).toEqual(['"客户档案卡"', '"Customer profile card"']);
    // And back: the English name, typed as words in any case, expands to both Chinese names.
    expect(expandQuery('CUSTOMER profile  card', g).alsoSearched).toEqual(['客户档案卡', '客户资料卡']);
  });

  it('matches full-width and upper-case input', () => {
    const e = expandQuery('ＡＱＬ', sample);
    expect(e.expansions.map((x) => [x.termLabel, x.matched])).toEqual([['接收质量限', 'ＡＱＬ']]);
    expect(e.alsoSearched).toEqual(['接收质量限', 'Acceptance quality limit (AQL)', '允收水准']);
  });

  it('expands the longest run of words and leaves the rest of the query as it is', () => {
    const e = expandQuery('after action review 模板', sample);
    expect(e.expansions.map((x) => [x.termId, x.matched, x.start, x.end])).toEqual([
      ['sample:te-fupan', 'after action review', 0, 19],
    ]);
    expect(e.alternatives.map((a) => a.query)).toEqual(['"复盘" 模板', '"行动后反思" 模板', '"AAR" 模板']);

    const g = buildGlossary({
      nodes: [
        termNode('short', '客户', { en: 'customer' }),
        termNode('long', '客户档案卡', { en: 'customer profile card' }),
      ],
    });
    expect(expandQuery('customer profile card template', g).expansions.map((x) => x.termId)).toEqual([
      'long',
    ]);
    expect(expandQuery('customer card', g).expansions.map((x) => [x.termId, x.matched])).toEqual([
      ['short', 'customer'],
    ]);
  });

  it('expands a quoted phrase, straight or curly, but not across quotes', () => {
    const e = expandQuery('门店 “units per transaction”', sample);
    expect(e.expansions.map((x) => [x.termLabel, x.matched, x.start, x.end])).toEqual([
      ['连带率', 'units per transaction', 3, 26],
    ]);
    expect(e.alternatives[0]).toEqual({ query: '门店 "连带率"', variants: ['连带率'] });
    expect(expandQuery('"units per" transaction', sample).expansions).toEqual([]);
  });

  it('never expands inside a longer word', () => {
    expect(expandQuery('排料图纸', sample).expansions).toEqual([]);
    expect(expandQuery('VMware', sample).expansions).toEqual([]); // VM is a synonym of 陈列
    const g = buildGlossary({
      nodes: [
        termNode('c', 'C'),
        termNode('cpp', 'C++', { synonyms: ['CPP'] }),
        termNode('net', '.NET', { en: 'dotnet' }),
      ],
    });
    expect(expandQuery('C++', g).expansions.map((x) => x.termId)).toEqual(['cpp']);
    expect(expandQuery('C++ 编译', g).alternatives.map((a) => a.query)).toEqual(['"CPP" 编译']);
    expect(expandQuery('c#', g).expansions).toEqual([]);
    expect(expandQuery('asp.net', g).expansions).toEqual([]);
    expect(expandQuery('.net', g).expansions.map((x) => x.termId)).toEqual(['net']);
  });

  it('combines several expanded parts, fewest replacements first', () => {
    const e = expandQuery('唛架 缸差', sample);
    // 唛架: Marker, 排料图, 马克 (3); 缸差: Dye-lot variation, 缸号色差 (2) → 3 + 2 single, 3 × 2 double.
    expect(e.alternatives).toHaveLength(11);
    expect(e.alternatives.slice(0, 5).map((a) => a.query)).toEqual([
      '"Marker" 缸差',
      '"排料图" 缸差',
      '"马克" 缸差',
      '唛架 "Dye-lot variation"',
      '唛架 "缸号色差"',
    ]);
    expect(e.alternatives[5]).toEqual({
      query: '"Marker" "Dye-lot variation"',
      variants: ['Marker', 'Dye-lot variation'],
    });
    expect(e.alsoSearched).toEqual(['Marker', '排料图', '马克', 'Dye-lot variation', '缸号色差']);
  });

  it('stops at MAX_ALTERNATIVES and lists only what it searches', () => {
    const e = expandQuery('唛架 缸差 放码 封样', sample);
    expect(e.alternatives).toHaveLength(MAX_ALTERNATIVES);
    expect(e.alternatives.every((a) => a.variants.length <= 2)).toBe(true);
    const searched = new Set(e.alternatives.flatMap((a) => a.variants));
    expect(new Set(e.alsoSearched)).toEqual(searched);
  });

  it('a name of two terms expands to the names of both', () => {
    const g = buildGlossary({
      nodes: [termNode('a', '版型', { synonyms: ['版'] }), termNode('b', '版本', { synonyms: ['版'] })],
    });
    const e = expandQuery('版', g);
    expect(e.expansions.map((x) => [x.termId, x.variants])).toEqual([
      ['a', ['版型']],
      ['b', ['版本']],
    ]);
    expect(e.alsoSearched).toEqual(['版型', '版本']);
  });

  it('gives nothing for a query that names no term, an empty query or an empty glossary', () => {
    expect(expandQuery('裁剪 排料', sample)).toEqual({
      original: '裁剪 排料',
      expansions: [],
      alternatives: [],
      alsoSearched: [],
    });
    expect(expandQuery('', sample).alternatives).toEqual([]);
    expect(expandQuery('唛架', buildGlossary({ nodes: [] })).alternatives).toEqual([]);
  });
});
