import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraphIndex } from '../../../../main/core/analytics/graph-index';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { buildGlossary, foldVariant } from '../../../../main/core/glossary/glossary';
import { GlossaryService } from '../../../../main/core/glossary/glossary-service';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { seedSample } from '../../../../main/core/sample/seed-sample';
import { isWellspringError, type WellspringError } from '../../../../main/core/util/errors';
import { fixture, tempDir } from '../../helpers';

/** The sample workspace's store with a GlossaryService reading it afresh on every call. */
function sample(): { store: GraphStore; glossary: GlossaryService } {
  const { db } = openWorkspaceDb(path.join(tempDir(), 'sample.wellspring'), { create: true });
  seedSample(db);
  const store = new GraphStore(db);
  const glossary = new GlossaryService({
    store,
    index: () => buildGraphIndex(store.getGraph()),
    glossary: () => buildGlossary(store.getGraph({ kinds: ['term'] })),
  });
  return { store, glossary };
}

function thrown(fn: () => unknown): WellspringError {
  try {
    fn();
  } catch (e) {
    if (isWellspringError(e)) return e;
    throw e;
  }
  throw new Error('expected a WellspringError');
}

const base64 = (file: string) => fs.readFileSync(fixture(file)).toString('base64');
const termsOf = (store: GraphStore) => store.getGraph({ kinds: ['term'] }).nodes;

describe('GlossaryService.terms', () => {
  it('lists every term of the sample by label, with what it defines and how many nodes name it', () => {
    const { store, glossary } = sample();
    const terms = glossary.terms();
    const graph = store.getGraph();
    const nodes = graph.nodes.filter((n) => n.kind === 'term');
    expect(terms.map((t) => t.label)).toEqual(
      nodes.map((n) => n.label).sort(new Intl.Collator('zh-CN').compare),
    );
    const card = terms.find((t) => t.label === '客户资料卡')!;
    expect(card.synonyms).toEqual(['客户档案卡']);
    expect(card.translations.en).toBe('Customer profile card');
    // What it defines: the targets of its defines edges in the store.
    const targets = graph.edges
      .filter((e) => e.kind === 'defines' && e.source === card.id)
      .map((e) => e.target);
    expect(card.defines.map((d) => d.id).sort()).toEqual([...targets].sort());
    expect(card.defines.length).toBeGreaterThan(0);
    // Named in: nodes (not itself) whose label or description holds one of its names (these contain no longer
    // name of another term around them).
    const names = [card.label, ...card.aliases, ...card.synonyms].map(foldVariant);
    const naming = graph.nodes.filter(
      (n) => n.id !== card.id && names.some((v) => foldVariant(`${n.label}\n${n.description}`).includes(v)),
    );
    expect(card.mentionedIn).toBe(naming.length);
    expect(card.mentionedIn).toBeGreaterThan(0);
  });
});

describe('GlossaryService.mentions', () => {
  it('finds each name of a term with its offsets, longest first, and not one-character names', () => {
    const { glossary } = sample();
    const text = '门店用客户档案卡（Customer Profile Card）记录；版本号与版型无关。';
    const [found] = glossary.mentions([text]);
    const byText = found!.map((m) => [text.slice(m.start, m.end), m.label]);
    expect(byText).toEqual([
      ['客户档案卡', '客户资料卡'],
      ['Customer Profile Card', '客户资料卡'],
      ['版型', '版型'],
    ]);
    expect(found![0]!.definition).toContain('销售跟进客户');
    expect(found![0]!.en).toBe('Customer profile card');
    expect(glossary.mentions(['', '与术语无关的一句话'])).toEqual([[], []]);
  });
});

describe('GlossaryService.edit', () => {
  it('adds a term with a synonym, a translation and a defined item as ONE undo step', () => {
    const { store, glossary } = sample();
    const item = store.getGraph({ kinds: ['knowledge'] }).nodes[0]!;
    const before = store.getGraph();
    const r = glossary.edit([
      {
        edit: 'add',
        label: '试衣间转化率',
        definition: '进入试衣间的顾客中最终购买的比例。',
        synonyms: ['试穿成交率', '试穿成交率'],
        translations: { en: 'Fitting-room conversion' },
        defines: [item.id],
      },
    ]);
    expect(r.applied).toBe(true);
    expect(r.summary).toEqual({ action: 'add', kind: 'term', label: '试衣间转化率' });
    const node = store.findNode(r.addedIds[0]!)!;
    expect(node.props).toEqual({
      definition: '进入试衣间的顾客中最终购买的比例。',
      synonyms: ['试穿成交率'],
      translations: { en: 'Fitting-room conversion' },
    });
    expect(node.description).toBe('进入试衣间的顾客中最终购买的比例。');
    const defines = store.getGraph().edges.filter((e) => e.kind === 'defines' && e.source === node.id);
    expect(defines.map((e) => e.target)).toEqual([item.id]);
    expect(glossary.mentions(['本店试穿成交率偏低'])[0]!.map((m) => m.termId)).toEqual([node.id]);
    // One step back: the node and its edge are gone together.
    expect(store.history.state().undo).toEqual(r.summary);
    store.undo();
    expect(store.getGraph()).toEqual(before);
  });

  it('updates the fields and the defined items in one step; undo restores all of it', () => {
    const { store, glossary } = sample();
    const card = glossary.terms().find((t) => t.label === '客户资料卡')!;
    const category = store.getGraph({ kinds: ['category'] }).nodes[0]!;
    const before = store.getGraph();
    const r = glossary.edit([
      {
        edit: 'update',
        id: card.id,
        label: '客户资料卡片',
        definition: '新的定义',
        synonyms: ['客户档案卡', '客户卡'],
        translations: { en: 'Customer card' },
        defines: [category.id],
      },
    ]);
    expect(r.applied).toBe(true);
    const after = glossary.terms().find((t) => t.id === card.id)!;
    expect(after).toMatchObject({
      label: '客户资料卡片',
      definition: '新的定义',
      synonyms: ['客户档案卡', '客户卡'],
      translations: { en: 'Customer card' },
    });
    expect(after.defines.map((d) => d.id)).toEqual([category.id]);
    store.undo();
    expect(store.getGraph()).toEqual(before);
  });

  it('changes nothing for an update that says what the term already says', () => {
    const { store, glossary } = sample();
    const card = glossary.terms().find((t) => t.label === '客户资料卡')!;
    const steps = store.history.state();
    const r = glossary.edit([
      {
        edit: 'update',
        id: card.id,
        label: card.label,
        definition: card.definition,
        defines: card.defines.map((d) => d.id),
      },
    ]);
    expect(r.applied).toBe(false);
    expect(store.history.state()).toEqual(steps);
  });

  it('refuses a name another term has (folded: width and case), naming both; nothing is written', () => {
    const { store, glossary } = sample();
    const before = store.getGraph();
    const taken = thrown(() => glossary.edit([{ edit: 'add', label: '客户档案卡' }]));
    expect(taken.code).toBe('invalid_input');
    expect(taken.key).toBe('glossary:errors.nameTaken');
    expect(taken.params).toEqual({ name: '客户档案卡', term: '客户资料卡' });
    expect(taken.message).toContain('客户资料卡');
    // A full-width, upper-case English synonym clashes with 打样's translation “Sampling”.
    const banxing = glossary.terms().find((t) => t.label === '版型')!;
    const wide = thrown(() =>
      glossary.edit([{ edit: 'update', id: banxing.id, synonyms: ['ＳＡＭＰＬＩＮＧ'] }]),
    );
    expect(wide.params).toEqual({ name: 'ＳＡＭＰＬＩＮＧ', term: '打样' });
    // Two new terms of one call may not share a name either; the first alone would have been fine.
    const twice = thrown(() =>
      glossary.edit([
        { edit: 'add', label: '门店坪效' },
        { edit: 'add', label: '坪效', synonyms: ['门店坪效'] },
      ]),
    );
    expect(twice.path).toEqual(['edits', 1]);
    expect(store.getGraph()).toEqual(before);
  });

  it('lets a term that already shares a name be edited, as long as the edit adds no shared name', () => {
    const { store, glossary } = sample();
    store.apply([{ op: 'addNode', node: { kind: 'term', label: '陈列' } }]);
    const twin = termsOf(store).filter((n) => n.label === '陈列')[1]!;
    expect(glossary.edit([{ edit: 'update', id: twin.id, definition: '门店陈列的另一种说法' }]).applied).toBe(
      true,
    );
  });

  it('refuses to define an expert, and a term id that is not a term', () => {
    const { store, glossary } = sample();
    const expert = store.getGraph({ kinds: ['expert'] }).nodes[0]!;
    const e = thrown(() => glossary.edit([{ edit: 'add', label: '新术语', defines: [expert.id] }]));
    expect(e.key).toBe('glossary:errors.notDefinable');
    expect(e.path).toEqual(['edits', 0, 'defines']);
    const notTerm = thrown(() => glossary.edit([{ edit: 'update', id: expert.id, definition: 'x' }]));
    expect(notTerm.key).toBe('glossary:errors.notTerm');
    expect(thrown(() => glossary.edit([{ edit: 'delete', id: 'no-such-term' }])).code).toBe('not_found');
  });

  it('deletes a term with its defines edges; undo brings both back', () => {
    const { store, glossary } = sample();
    const card = glossary.terms().find((t) => t.label === '客户资料卡')!;
    const before = store.getGraph();
    glossary.edit([{ edit: 'delete', id: card.id }]);
    expect(store.findNode(card.id)).toBeNull();
    expect(store.getGraph().edges.some((e) => e.source === card.id)).toBe(false);
    store.undo();
    expect(store.getGraph()).toEqual(before);
  });
});

describe('GlossaryService CSV import and export', () => {
  it('a malformed CSV: the dry run lists its problems by line; importing it is refused and writes nothing', () => {
    const { store, glossary } = sample();
    const data = base64('glossary/debian-packages.problems.csv');
    const plan = glossary.importCsv('debian-packages.problems.csv', data, true);
    expect(plan.problems.map((p) => [p.line, p.key, p.skipped])).toEqual([
      [10, 'glossary:errors.emptyTerm', true],
      [44, 'glossary:errors.duplicateTerm', true],
    ]);
    expect(plan.problems[1]!.message).toBe(
      'debian-packages.problems.csv, line 44: “lunar” is already on line 41; this row is skipped.',
    );
    expect(plan).toMatchObject({ rows: 12, added: 10, updated: 0, blocked: true, applied: false });
    const before = store.getGraph();
    const e = thrown(() => glossary.importCsv('debian-packages.problems.csv', data, false));
    expect(e.key).toBe('glossary:errors.importBlocked');
    expect(e.params).toEqual({ file: 'debian-packages.problems.csv', count: 2, line: 10 });
    expect(store.getGraph()).toEqual(before);
  });

  it('a clean CSV imports as one undo step; GB18030 and UTF-8 plan the same terms', () => {
    const { store, glossary } = sample();
    const gb = glossary.importCsv(
      'debian.gb18030.csv',
      base64('glossary/debian-packages.glossary.gb18030.csv'),
      true,
    );
    const utf8 = glossary.importCsv('debian.csv', base64('glossary/debian-packages.glossary.csv'), true);
    expect(gb.encoding).toBe('GB18030');
    expect(gb.changes).toEqual(utf8.changes);
    expect(utf8.changes.map((c) => c.label)).toContain('python3-jieba');
    const r = glossary.importCsv('debian.csv', base64('glossary/debian-packages.glossary.csv'), false);
    expect(r).toMatchObject({ added: 11, applied: true, blocked: false });
    expect(termsOf(store).length).toBe(19 + 11);
    expect(store.history.state().undo).toMatchObject({ action: 'import', label: 'debian.csv', count: 11 });
    store.undo();
    expect(termsOf(store).length).toBe(19);
  });

  it('export → import changes nothing; the CSV carries a BOM and a new term survives into another workspace', () => {
    const { glossary } = sample();
    glossary.edit([
      {
        edit: 'add',
        label: '吊牌',
        definition: '挂在成衣上的标签，\n写明货号、尺码和价格。',
        synonyms: ['挂牌', 'hang tag'],
        translations: { en: 'Swing tag', zh: '吊牌' },
      },
    ]);
    const out = glossary.exportCsv();
    expect(out.content.startsWith('\uFEFFterm,definition,synonyms,en,zh\r\n')).toBe(true);
    expect(out.terms).toBe(20);
    const data = Buffer.from(out.content, 'utf8').toString('base64');
    const again = glossary.importCsv('glossary.csv', data, true);
    expect(again).toMatchObject({ rows: 20, added: 0, updated: 0, unchanged: 20, problems: [] });
    // Into a fresh sample: only the new term is added, with every field as it was.
    const other = sample();
    expect(other.glossary.importCsv('glossary.csv', data, false)).toMatchObject({ added: 1, unchanged: 19 });
    expect(other.glossary.terms().find((t) => t.label === '吊牌')).toMatchObject({
      definition: '挂在成衣上的标签，\n写明货号、尺码和价格。',
      synonyms: ['挂牌', 'hang tag'],
      translations: { en: 'Swing tag', zh: '吊牌' },
    });
  });
});
