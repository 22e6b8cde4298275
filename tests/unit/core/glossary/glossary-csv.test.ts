import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { GraphOp } from '../../../../preload/contract';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { buildGlossary } from '../../../../main/core/glossary/glossary';
import {
  decodeGlossaryCsv,
  glossaryToCsv,
  importGlossaryCsv,
  planGlossaryCsvImport,
} from '../../../../main/core/glossary/glossary-csv';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { seedSample } from '../../../../main/core/sample/seed-sample';
import { isWellspringError, type WellspringError } from '../../../../main/core/util/errors';
import { fixture, tempDir } from '../../helpers';
import { sampleGraph, termNode } from './sample-graph';

type AddNode = Extract<GraphOp, { op: 'addNode' }>;
type UpdateNode = Extract<GraphOp, { op: 'updateNode' }>;

function sampleStore(): GraphStore {
  const { db } = openWorkspaceDb(path.join(tempDir(), 'sample.wellspring'), { create: true });
  seedSample(db);
  return new GraphStore(db);
}

/** The error `fn` throws, which must be a WellspringError. */
function thrown(fn: () => unknown): WellspringError {
  try {
    fn();
  } catch (e) {
    if (isWellspringError(e)) return e;
    throw e;
  }
  throw new Error('expected a WellspringError');
}

describe('glossaryToCsv', () => {
  it('writes UTF-8 with a BOM, CRLF, one row per term, multi-line definitions in one quoted cell', () => {
    const g = buildGlossary({
      nodes: [
        termNode('t1', '唛架', {
          aliases: ['Marker'],
          synonyms: ['排料图', '马克'],
          en: 'Marker',
          zh: '唛架',
          definition: '排料图。\n决定面料利用率。',
        }),
        termNode('t2', '连带率', { definition: '=件数/交易笔数' }),
      ],
    });
    const csv = glossaryToCsv(g.terms);
    expect(csv).toBe(
      '\uFEFFterm,definition,synonyms,en,zh\r\n' +
        '唛架,"排料图。\n决定面料利用率。",排料图; 马克,Marker,唛架\r\n' +
        // A cell starting with = would run as a formula in Excel (papaparse quotes the escaped cell).
        '连带率,"\'=件数/交易笔数",,,\r\n',
    );
  });

  it('round-trips the sample glossary: importing its own export changes nothing', () => {
    const graph = sampleGraph();
    const csv = glossaryToCsv(buildGlossary(graph).terms);
    const plan = planGlossaryCsvImport(csv, 'glossary.csv', graph);
    expect(plan).toMatchObject({ rows: 19, added: 0, updated: 0, unchanged: 19, problems: [], ops: [] });
  });

  it('round-trips a definition that starts like a formula', () => {
    const graph = { nodes: [termNode('t', '连带率', { definition: '=件数/交易笔数' })] };
    const plan = planGlossaryCsvImport(glossaryToCsv(buildGlossary(graph).terms), 'g.csv', graph);
    expect(plan.unchanged).toBe(1);
  });
});

describe('planGlossaryCsvImport', () => {
  const debian = fs.readFileSync(fixture('glossary/debian-packages.glossary.csv'), 'utf8');

  it('adds the terms of a real CSV with multi-line definitions', () => {
    const plan = planGlossaryCsvImport(debian, 'debian-packages.glossary.csv', sampleGraph());
    expect(plan).toMatchObject({ rows: 11, added: 11, updated: 0, unchanged: 0, problems: [] });
    const adds = plan.ops as AddNode[];
    expect(adds.map((o) => o.node.label)).toEqual([
      '0ad',
      'anjuta',
      'g++',
      'libstdc++6',
      'java2html',
      'mono-devel',
      'cli-common',
      'gtk-sharp3',
      'python3-jieba',
      'lunar',
      'manpages-zh',
    ]);
    expect(adds[2]!.node).toEqual({
      kind: 'term',
      label: 'g++',
      aliases: ['GNU C++ compiler'],
      description:
        '这是 GNU C++ 编译器，一个高度精炼和优化的 C++ 编译器。\n这是一个提供默认 GNU C++ 编译器的依赖包。',
      props: {
        definition:
          '这是 GNU C++ 编译器，一个高度精炼和优化的 C++ 编译器。\n这是一个提供默认 GNU C++ 编译器的依赖包。',
        synonyms: ['g++-11', 'g++-12'],
        translations: { en: 'GNU C++ compiler', zh: 'GNU C++ 编译器' },
      },
    });
    // Doubled quotes inside a quoted multi-line cell, five lines long.
    const ad = adds[0]!.node.props as { definition: string };
    expect(
      ad.definition.startsWith('0 A.D. (发音"zero ey-dee") ，是一个自由、开源、跨平台的\n古代战争'),
    ).toBe(true);
    expect(ad.definition.split('\n')).toHaveLength(5);
  });

  it('reads the same terms from the GB18030 copy with Chinese column names', () => {
    const bytes = fs.readFileSync(fixture('glossary/debian-packages.glossary.gb18030.csv'));
    // Not valid UTF-8: read as UTF-8 it would be garbled.
    expect(bytes.toString('utf8')).toContain('\uFFFD');
    const { text, encoding } = decodeGlossaryCsv(bytes, 'debian-packages.glossary.gb18030.csv');
    expect(encoding).toBe('GB18030');
    expect(text.split('\r\n')[0]).toBe('术语,定义,同义词,英文,中文');
    const fromGb = planGlossaryCsvImport(text, 'debian-packages.glossary.gb18030.csv', sampleGraph());
    const fromUtf8 = planGlossaryCsvImport(debian, 'debian-packages.glossary.csv', sampleGraph());
    expect(fromGb.problems).toEqual([]);
    expect(fromGb.ops).toEqual(fromUtf8.ops);
  });

  it('updates terms matched by label or alias, and reports each problem with its line', () => {
    const long = '很长'.repeat(5001);
    const csv = [
      'term,definition,synonyms,en,zh,owner',
      '唛架,"把一床面料上各裁片的排放位置画出的排料图。',
      '以实际排料结果为准。",排料图；马克; 唛架,Marker,唛架,裁剪车间',
      ',没有术语的一行,,,,',
      'MARKER,重复的一行,,,,',
      '客户档案卡,团体定制客户的档案。,客户资料卡,Customer profile card,,',
      '色差,同一件或同一批成衣不同部位、不同件之间肉眼可见的颜色不一致。,颜色差异,Colour difference,色差,',
      '商机,经初步判断有成交可能、值得投入资源跟进的客户需求。,销售机会,Sales opportunity,商机,,多余',
      `缩水率,${long},缩率,Shrinkage rate,缩水率,`,
      '',
      '客户档案卡 ,又一行,,,,',
    ].join('\r\n');
    const plan = planGlossaryCsvImport(csv, 'terms.csv', sampleGraph());
    expect(plan.problems.map((p) => [p.line, p.translated.key, p.skipped])).toEqual([
      [1, 'glossary:errors.unknownColumns', false],
      [4, 'glossary:errors.emptyTerm', true],
      [5, 'glossary:errors.duplicateTerm', true],
      [8, 'glossary:errors.extraFields', false],
      [9, 'glossary:errors.tooLong', true],
      [11, 'glossary:errors.duplicateTerm', true],
    ]);
    expect(plan.problems[0]!.message).toBe(
      'terms.csv, line 1: the columns owner are not glossary columns and are ignored.',
    );
    expect(plan.problems[2]!.message).toBe(
      'terms.csv, line 5: “MARKER” is already on line 2; this row is skipped.',
    );
    expect(plan.problems[4]!.translated.params).toEqual({
      file: 'terms.csv',
      line: 9,
      column: 'definition',
      max: 10000,
    });
    expect(plan).toMatchObject({ rows: 8, added: 1, updated: 1, unchanged: 2 });
    const [update, add] = plan.ops as [UpdateNode, AddNode];
    const definition = '把一床面料上各裁片的排放位置画出的排料图。\n以实际排料结果为准。';
    expect(update).toEqual({
      op: 'updateNode',
      id: 'sample:te-majia',
      patch: {
        props: { definition, synonyms: ['排料图', '马克'], translations: { en: 'Marker', zh: '唛架' } },
        // The description was the old definition, so it follows.
        description: definition,
      },
    });
    expect(add.node).toMatchObject({
      label: '客户档案卡',
      aliases: ['Customer profile card'],
      props: { synonyms: ['客户资料卡'], translations: { en: 'Customer profile card' } },
    });
  });

  it('leaves the fields of absent columns alone, and clears those of empty cells', () => {
    const graph = sampleGraph();
    const only = planGlossaryCsvImport('term,definition\n唛架,新的定义', 'a.csv', graph);
    expect((only.ops[0] as UpdateNode).patch.props).toEqual({
      definition: '新的定义',
      synonyms: ['排料图', '马克'],
      translations: { en: 'Marker', zh: '唛架' },
    });
    const cleared = planGlossaryCsvImport('term,synonyms,zh\r\n唛架,,', 'b.csv', graph);
    expect((cleared.ops[0] as UpdateNode).patch).toEqual({
      props: {
        definition: '把一床面料上各裁片的排放位置画出的排料图,决定面料利用率。',
        synonyms: [],
        translations: { en: 'Marker' },
      },
    });
  });

  it('skips a row naming two existing terms, and reads tab- or semicolon-separated files', () => {
    const graph = {
      nodes: [termNode('a', '版型', { aliases: ['Fit'] }), termNode('b', '合体度', { aliases: ['fit'] })],
    };
    const plan = planGlossaryCsvImport('term\tdefinition\nFIT\t合体程度', 'fit.tsv', graph);
    expect(plan.problems.map((p) => p.message)).toEqual([
      'fit.tsv, line 2: “FIT” names 2 glossary terms (版型, 合体度); the row is skipped.',
    ]);
    const semi = planGlossaryCsvImport('term;definition\n版型;合体程度, 轮廓', 'x.csv', graph);
    expect((semi.ops[0] as UpdateNode).patch.props!.definition).toBe('合体程度, 轮廓');
  });

  it('refuses a file it cannot read, naming the file and line', () => {
    const graph = sampleGraph();
    const unclosed = thrown(() =>
      planGlossaryCsvImport('term,definition\n色差,"没有闭合的引号\n缸差,同一面料\n', 'broken.csv', graph),
    );
    expect(unclosed.code).toBe('invalid_input');
    expect(unclosed.message).toMatch(/^broken\.csv, line 2: a quoted field is not closed/);
    expect(unclosed.translated).toEqual({
      key: 'glossary:errors.unclosedQuote',
      params: { file: 'broken.csv', line: 2 },
    });
    const noTerm = thrown(() => planGlossaryCsvImport('\r\nword,meaning\r\n唛架,x', 'words.csv', graph));
    expect(noTerm.message).toBe(
      'words.csv, line 2: there is no “term” column (the columns are word, meaning).',
    );
    expect(thrown(() => planGlossaryCsvImport('\uFEFF\r\n \r\n', 'empty.csv', graph)).key).toBe(
      'glossary:errors.emptyFile',
    );
    const binary = thrown(() =>
      decodeGlossaryCsv(
        fs.readFileSync(fixture('glossary/README.md')).map(() => 0),
        'x.xlsx',
      ),
    );
    expect([binary.code, binary.key, binary.message]).toEqual([
      'unsupported',
      'glossary:errors.notText',
      'x.xlsx is not a text file: a glossary CSV is text.',
    ]);
  });
});

describe('importGlossaryCsv', () => {
  it('writes the plan through the one write path, as one undo step', () => {
    const store = sampleStore();
    const before = store.stats().nodes.term ?? 0;
    const plan = importGlossaryCsv(
      store,
      fs.readFileSync(fixture('glossary/debian-packages.glossary.csv'), 'utf8'),
      'debian-packages.glossary.csv',
    );
    expect(plan.added).toBe(11);
    expect(store.stats().nodes.term).toBe(before + 11);
    expect(store.history.state().undo).toEqual({
      action: 'import',
      kind: 'term',
      label: 'debian-packages.glossary.csv',
      count: 11,
    });
    // Parsed independently, the stored definitions are the file's cells.
    const rows = Papa.parse<Record<string, string>>(
      fs.readFileSync(fixture('glossary/debian-packages.glossary.csv'), 'utf8'),
      { header: true, skipEmptyLines: true },
    ).data;
    const stored = store.getGraph({ kinds: ['term'] }).nodes.find((n) => n.label === 'python3-jieba')!;
    expect(stored.props.definition).toBe(rows.find((r) => r.term === 'python3-jieba')!.definition!.trim());
    store.undo();
    expect(store.stats().nodes.term).toBe(before);
  });
});
