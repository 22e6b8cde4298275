import { describe, expect, it } from 'vitest';
import type { GraphDto } from '../../../../preload/contract';
import { planImport, type ImportPlan } from '../../../../main/core/import';
import { ITEM, mappingOf, openStore, tableFrom, tableOf } from './import-helpers';

const EMPTY: GraphDto = { nodes: [], edges: [] };
const DEBIAN = 'import/debian-teams.mapping.json';

const byKind = (plan: ImportPlan) =>
  Object.fromEntries(Object.entries(plan.summary.byKind).map(([k, c]) => [k, c.new]));
const problemsOf = (plan: ImportPlan) =>
  plan.problems.map((p) => [p.line, p.key.replace('transfer:import.errors.', '')]);
const added = (plan: ImportPlan, label: string) =>
  plan.ops.find((o) => o.op === 'addNode' && o.node.label === label) as
    Extract<ImportPlan['ops'][number], { op: 'addNode' }> | undefined;

describe('planImport: the Debian teams × packages file', () => {
  it('plans the UTF-8 file and its GB18030 twin identically: experts, knowledge items, knows edges', async () => {
    const mapping = mappingOf(DEBIAN);
    const utf8 = planImport(await tableOf('import/debian-teams.csv'), mapping, EMPTY);
    const gb = planImport(await tableOf('import/debian-teams.gb18030.csv'), mapping, EMPTY);
    expect(utf8.problems).toEqual([]);
    expect(gb.ops).toEqual(utf8.ops);
    expect(gb.summary).toEqual(utf8.summary);
    // Counted with Python's csv module: 25 teams (case-folded), 99 packages, 99 team–package pairs in 101 rows.
    expect(byKind(utf8)).toEqual({ expert: 25, knowledge: 99, knows: 99 });
    expect(utf8.summary).toMatchObject({ rows: 101, newNodes: 124, newEdges: 99, updatedNodes: 0 });
    expect(utf8.ops).toHaveLength(223);
  });

  it('lists the file’s own duplicates by line: another spelling of a team, packages given twice', async () => {
    const plan = planImport(await tableOf('import/debian-teams.csv'), mappingOf(DEBIAN), EMPTY);
    // Lines by grep -n on the fixture.
    expect(
      plan.summary.duplicates.map((d) => [d.line, d.kind, d.label, d.matches[0]!.label, d.matches[0]!.line]),
    ).toEqual([
      [324, 'expert', 'Debian kernel team', 'Debian Kernel Team', 241],
      [359, 'expert', 'Debian Libidn team', 'Debian Libidn Team', 356],
      [363, 'knowledge', 'linux-doc', 'linux-doc', 361],
      [367, 'knowledge', 'linux-source', 'linux-source', 366],
    ]);
  });

  it('maps each column to its field, with the kind’s defaults for props the file does not give', async () => {
    const plan = planImport(await tableOf('import/debian-teams.csv'), mappingOf(DEBIAN), EMPTY);
    const pkg = added(plan, '0ad')!;
    expect(pkg.node.kind).toBe('knowledge');
    expect(pkg.node.aliases).toEqual(['古代战争实时策略游戏']);
    expect(
      pkg.node.description!.startsWith(
        'Real-time strategy game of ancient warfare\n\n0 A.D. (发音"zero ey-dee")',
      ),
    ).toBe(true);
    expect(pkg.node.tags).toEqual([
      'games',
      'game::strategy',
      'interface::graphical',
      'interface::x11',
      'role::program',
      'uitoolkit::sdl',
      'uitoolkit::wxwidgets',
      'use::gameplaying',
      'x11::application',
    ]);
    expect(pkg.node.props).toEqual({ ...ITEM, existence: 'system' });
    const team = added(plan, 'Debian Games Team')!;
    expect(team.node.props).toEqual({ attritionRisk: 1, department: 'Debian' });
    const knows = plan.ops.filter((o) => o.op === 'addEdge' && o.edge.target === pkg.id);
    expect(knows).toEqual([
      { op: 'addEdge', edge: { kind: 'knows', source: team.id, target: pkg.id, props: { proficiency: 4 } } },
    ]);
  });

  it('reads the same rows from the XLSX sheet with the Chinese name as from the CSV it was made from', async () => {
    const mapping = { ...mappingOf(DEBIAN), sheet: '团队与软件包' };
    const plan = planImport(await tableOf('import/derived_team_packages_and_esco.xlsx'), mapping, EMPTY);
    expect(plan.problems).toEqual([]);
    expect(plan.sheet).toBe('团队与软件包');
    // The whole Debian file (725 rows), counted with Python: 117 teams case-folded, 723 packages, 723 pairs.
    expect(byKind(plan)).toEqual({ expert: 117, knowledge: 723, knows: 723 });
    const csv = planImport(await tableOf('import/debian-teams.csv'), mappingOf(DEBIAN), EMPTY);
    expect(added(plan, 'linux-doc')).toEqual(added(csv, 'linux-doc'));
    expect(added(plan, 'Debian Games Team')).toEqual(added(csv, 'Debian Games Team'));
  });

  it('names the sheets when the mapping’s sheet is not in the workbook', async () => {
    const plan = planImport(
      await tableOf('import/derived_team_packages_and_esco.xlsx'),
      { ...mappingOf(DEBIAN), sheet: 'Teams' },
      EMPTY,
    );
    expect(plan.ops).toEqual([]);
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]).toMatchObject({ line: 0, key: 'transfer:import.errors.sheetNotFound' });
    expect(plan.problems[0]!.reason).toBe(
      'derived_team_packages_and_esco.xlsx has no sheet “Teams” (its sheets: 团队与软件包, ESCO ICT skills, ESCO transversal).',
    );
  });
});

describe('planImport: ESCO and O*NET', () => {
  it('turns the ESCO skills hierarchy into categories, each part_of its parent by URI', async () => {
    const plan = planImport(
      await tableOf('import/esco-skills-hierarchy.S1.csv'),
      mappingOf('import/esco-hierarchy.categories.mapping.json'),
      EMPTY,
    );
    expect(plan.problems).toEqual([]);
    // 85 concepts (1 root, 1 level 1, 15 level 2, 68 level 3) and a parent for each but the root.
    expect(byKind(plan)).toEqual({ category: 85, part_of: 84 });
    const S = 'http://data.europa.eu/esco/skill/S';
    const nodes = new Map(plan.ops.flatMap((o) => (o.op === 'addNode' ? [[o.id!, o.node]] : [])));
    // S1 and S1.0 share a label but are two groups: ids tell them apart, not labels.
    expect(nodes.get(`${S}1`)!.label).toBe('communication, collaboration and creativity');
    expect(nodes.get(`${S}1.0`)!.label).toBe('communication, collaboration and creativity');
    expect(nodes.get(`${S}1.1.1`)!.label).toBe('negotiating and managing contracts and agreements');
    // The description is the row's Description and Scope note, multi-line, of that row only.
    expect(nodes.get(`${S}1`)!.description).toContain(
      '\n\nExcludes:\n- Communication or interaction with anim',
    );
    const parents = new Map(
      plan.ops.flatMap((o) => (o.op === 'addEdge' ? [[o.edge.source, o.edge.target]] : [])),
    );
    expect(parents.get(`${S}1.1.1`)).toBe(`${S}1.1`);
    expect(parents.get(`${S}1.1`)).toBe(`${S}1`);
    expect(parents.get(`${S}1`)).toBe(S);
    expect(parents.has(S)).toBe(false);
  });

  it('turns it into the competency tree too: the root core, level 1 a capability, deeper levels sub-competencies', async () => {
    const plan = planImport(
      await tableOf('import/esco-skills-hierarchy.S1.csv'),
      mappingOf('import/esco-hierarchy.competencies.mapping.json'),
      EMPTY,
    );
    expect(plan.problems).toEqual([]);
    const levels: Record<string, number> = {};
    for (const o of plan.ops)
      if (o.op === 'addNode') {
        const level = String(o.node.props!.level);
        levels[level] = (levels[level] ?? 0) + 1;
        expect(o.node.props!.target).toBe(3);
      }
    expect(levels).toEqual({ core: 1, capability: 1, sub: 83 });
    expect(byKind(plan)).toEqual({ competency: 85, part_of: 84 });
  });

  it('imports O*NET occupations (tab-separated) by their SOC code', async () => {
    const plan = planImport(
      await tableOf('import/onet-occupations.head.txt'),
      mappingOf('import/onet-occupations.mapping.json'),
      EMPTY,
    );
    expect(plan.problems).toEqual([]);
    expect(byKind(plan)).toEqual({ category: 40 });
    expect(plan.ops[0]).toMatchObject({
      op: 'addNode',
      id: '11-1011.00',
      node: { kind: 'category', label: 'Chief Executives', tags: ['O*NET'] },
    });
  });

  it('lists a code given twice, and an edge that would connect a node to itself', async () => {
    const text = [
      'Code\tTitle\tLike',
      '11-1011.00\tChief Executives\t',
      '11-1021.00\tGeneral and Operations Managers\t11-1021.00',
      '11-1011.00\tChief Executives, again\t',
    ].join('\n');
    const mapping = mappingOf({
      version: 1,
      nodes: [{ name: 'o', kind: 'category', id: { column: 'Code' }, label: { column: 'Title' } }],
      edges: [{ kind: 'related', source: { node: 'o' }, target: { column: 'Like', match: 'id' } }],
    });
    const plan = planImport(await tableFrom(text, 'o.tsv'), mapping, EMPTY);
    expect(problemsOf(plan)).toEqual([
      [3, 'selfLoop'],
      [4, 'duplicateId'],
    ]);
    expect(plan.problems[1]!.reason).toBe('The id “11-1011.00” is also on line 2.');
    expect(plan.ops).toEqual([]);
  });
});

describe('planImport: matching what the workspace has', () => {
  it('updates a node found by label (case and width folded) or alias instead of adding a duplicate', async () => {
    const { store } = openStore();
    const games = store.addNode({
      kind: 'expert',
      label: 'Debian 游戏团队',
      aliases: ['Debian Games Team'],
      props: { attritionRisk: 2 },
    });
    const oad = store.addNode({ kind: 'knowledge', label: '０AD', props: ITEM, tags: ['strategy'] });
    const plan = planImport(await tableOf('import/debian-teams.csv'), mappingOf(DEBIAN), store.getGraph());
    expect(plan.problems).toEqual([]);
    expect(plan.summary.duplicates.slice(0, 2)).toEqual([
      {
        line: 2,
        kind: 'expert',
        label: 'Debian Games Team',
        by: 'alias',
        matches: [{ id: games.id, label: 'Debian 游戏团队' }],
      },
      { line: 2, kind: 'knowledge', label: '0ad', by: 'label', matches: [{ id: oad.id, label: '０AD' }] },
    ]);
    expect(plan.summary).toMatchObject({ newNodes: 122, updatedNodes: 2, newEdges: 99 });
    const update = (id: string) => plan.ops.find((o) => o.op === 'updateNode' && o.id === id);
    // The expert keeps its label and attrition risk; it gains the department.
    expect(update(games.id)).toEqual({
      op: 'updateNode',
      id: games.id,
      patch: { props: { department: 'Debian' } },
    });
    const item = update(oad.id) as Extract<ImportPlan['ops'][number], { op: 'updateNode' }>;
    expect(item.patch.label).toBeUndefined();
    expect(item.patch.aliases).toEqual(['古代战争实时策略游戏']);
    expect(item.patch.tags!.slice(0, 3)).toEqual(['strategy', 'games', 'game::strategy']);
    expect(item.patch.props).toEqual({ existence: 'system' });
    expect(
      plan.ops.some((o) => o.op === 'addEdge' && o.edge.source === games.id && o.edge.target === oad.id),
    ).toBe(true);
  });

  it('a label two workspace nodes share is a problem on every row naming it: it cannot say which', async () => {
    const { store } = openStore();
    store.addNode({ kind: 'expert', label: 'Debian QA Group', props: { attritionRisk: 1 } });
    store.addNode({ kind: 'expert', label: 'debian qa group', props: { attritionRisk: 3 } });
    const plan = planImport(await tableOf('import/debian-teams.csv'), mappingOf(DEBIAN), store.getGraph());
    expect(plan.ops).toEqual([]);
    // 13 rows of the Debian QA Group (grep -c), the first on line 26.
    expect(plan.problems).toHaveLength(13);
    expect(plan.problems[0]).toMatchObject({
      line: 26,
      key: 'transfer:import.errors.ambiguousNode',
      column: 'team',
    });
  });

  it('planning the same file again into the imported workspace changes nothing', async () => {
    const { store } = openStore();
    const first = planImport(await tableOf('import/debian-teams.csv'), mappingOf(DEBIAN), EMPTY);
    store.apply(first.ops, { reason: 'import' });
    const again = planImport(
      await tableOf('import/debian-teams.gb18030.csv'),
      mappingOf(DEBIAN),
      store.getGraph(),
    );
    expect(again.problems).toEqual([]);
    expect(again.ops).toEqual([]);
    expect(again.summary).toMatchObject({
      newNodes: 0,
      updatedNodes: 0,
      unchangedNodes: 124,
      newEdges: 0,
      unchangedEdges: 99,
    });
  });

  it('updates an edge the workspace has when the file gives it other props', async () => {
    const { store } = openStore();
    const e = store.addNode({
      kind: 'expert',
      label: 'Debian Games Team',
      props: { attritionRisk: 1, department: 'Debian' },
    });
    const k = store.addNode({ kind: 'knowledge', label: '0ad', props: ITEM });
    const edge = store.addEdge({ kind: 'knows', source: e.id, target: k.id, props: { proficiency: 2 } });
    const plan = planImport(await tableOf('import/debian-teams.csv'), mappingOf(DEBIAN), store.getGraph());
    expect(plan.ops).toContainEqual({ op: 'updateEdge', id: edge.id, props: { proficiency: 4 } });
    expect(plan.summary).toMatchObject({ updatedEdges: 1, newEdges: 98 });
  });
});

describe('planImport: bad input, each problem with its line, nothing planned', () => {
  it('a malformed CSV: a row short of a field, a quote never closed', async () => {
    const plan = planImport(await tableOf('import/debian-teams.malformed.csv'), mappingOf(DEBIAN), EMPTY);
    expect(problemsOf(plan)).toEqual([
      [19, 'fieldCount'],
      [28, 'unclosedQuote'],
    ]);
    expect(plan.problems[0]!.reason).toBe('This row has 7 fields; the header has 8.');
    expect(plan.ops).toEqual([]);
  });

  it('a column mapped twice, and a column the header does not have, on the header’s line', async () => {
    const mapping = mappingOf({
      version: 1,
      nodes: [
        {
          name: 'package',
          kind: 'knowledge',
          label: { column: 'package' },
          description: { column: ['short_description', 'package'] },
          tags: { column: 'maintainer' },
        },
      ],
    });
    const plan = planImport(await tableOf('import/debian-teams.csv'), mapping, EMPTY);
    expect(plan.problems.map((p) => [p.line, p.column, p.reason])).toEqual([
      [1, 'package', 'The column “package” is mapped twice: to package.label and to package.description.'],
      [1, 'maintainer', 'The mapping names a column “maintainer” that the header does not have.'],
    ]);
    expect(plan.ops).toEqual([]);
  });

  it('an unknown kind in a kind column, a name no node has, an edge the model forbids', async () => {
    const text = [
      'name,kind,category,holder',
      '排料技巧,knowledge,面料,',
      '裁剪工艺,Knowledge,工艺,',
      '王芳,expert,,',
      '李娜,specialist,,',
      '面料,category,,',
      '打版,knowledge,面料,王芳',
    ].join('\r\n');
    const mapping = mappingOf({
      version: 1,
      nodes: [
        {
          name: 'n',
          kind: { column: 'kind' },
          label: { column: 'name' },
        },
      ],
      edges: [
        { kind: 'classified_as', source: { node: 'n' }, target: { column: 'category', kind: 'category' } },
        { kind: 'owns', source: { node: 'n' }, target: { column: 'holder' } },
      ],
    });
    const plan = planImport(await tableFrom(text), mapping, EMPTY);
    expect(problemsOf(plan)).toEqual([
      [3, 'endMissing'],
      [5, 'unknownKind'],
      [7, 'edgeNotAllowed'],
    ]);
    expect(plan.problems.map((p) => p.reason)).toEqual([
      'No node matches “工艺” (column “category”), in the file or in the workspace.',
      '“specialist” in column “kind” is not a kind of node Wellspring knows.',
      'A owns connection cannot go from a knowledge to a expert.',
    ]);
    // What the clean rows would do is still counted (case-folded “Knowledge” is the kind knowledge).
    expect(byKind(plan)).toMatchObject({ knowledge: 3, expert: 1, category: 1, classified_as: 2 });
  });

  it('converts values by the kind’s props and names what does not convert', async () => {
    const text = [
      'item,form,importance,review',
      '排料技巧,隐性,３,2027年3月1日',
      '裁剪工艺,explicit,high,2027/3/1',
      '缝制工艺,written,2,',
      '熨烫工艺,tacit,2,2027-02-30',
      '质检规范,TACIT,7,2027.12.31',
    ].join('\n');
    const mapping = mappingOf({
      version: 1,
      nodes: [
        {
          name: 'k',
          kind: 'knowledge',
          label: { column: 'item' },
          props: {
            form: { column: 'form', values: { 显性: 'explicit', 隐性: 'tacit' } },
            importance: { column: 'importance' },
            reviewDue: { column: 'review' },
          },
        },
      ],
    });
    const plan = planImport(await tableFrom(text), mapping, EMPTY);
    expect(plan.problems.map((p) => [p.line, p.key, p.params])).toEqual([
      [3, 'transfer:import.errors.badNumber', { value: 'high', column: 'importance' }],
      [
        4,
        'transfer:import.errors.badChoice',
        { value: 'written', column: 'form', choices: 'explicit, tacit' },
      ],
      [5, 'transfer:import.errors.badDate', { value: '2027-02-30', column: 'review' }],
      // Out of range: the write path's own schema says so, with its translated message.
      [6, 'errors.invalidPropMax', { field: 'importance', max: 3 }],
    ]);
    const plain = planImport(await tableFrom(text.split('\n').slice(0, 2).join('\n')), mapping, EMPTY);
    // The kind's defaults (DEFAULT_NODE_PROPS: a draft) for the props the file does not give.
    expect(added(plain, '排料技巧')!.node.props).toEqual({
      ...ITEM,
      status: 'draft',
      form: 'tacit',
      importance: 3,
      reviewDue: '2027-03-01',
    });
  });

  it('a label, aliases or tags past the contract’s limits are problems of their line', async () => {
    const long = '知'.repeat(501);
    const many = Array.from({ length: 51 }, (_, i) => `别名${i}`).join('|');
    const text = `name,aliases\n排料技巧,${many}\n${long},\n裁剪工艺,${'长'.repeat(501)}\n`;
    const mapping = mappingOf({
      version: 1,
      nodes: [{ name: 'k', kind: 'knowledge', label: { column: 'name' }, aliases: { column: 'aliases' } }],
    });
    const plan = planImport(await tableFrom(text), mapping, EMPTY);
    expect(plan.problems.map((p) => [p.line, p.reason])).toEqual([
      [2, 'There are more than 50 aliases.'],
      [3, 'The label is longer than 500 characters.'],
      [4, 'The alias is longer than 500 characters.'],
    ]);
  });

  it('an empty label is a problem of its row', async () => {
    const plan = planImport(
      await tableFrom('team,package\nDebian Games Team,\n'),
      mappingOf(DEBIAN_LIGHT),
      EMPTY,
    );
    expect(plan.problems.map((p) => [p.line, p.reason])).toEqual([
      [2, 'No label: the column “package” is empty.'],
    ]);
  });
});

const DEBIAN_LIGHT = {
  version: 1,
  nodes: [
    { name: 'team', kind: 'expert', label: { column: 'team' }, repeated: true },
    { name: 'package', kind: 'knowledge', label: { column: 'package' } },
  ],
  edges: [{ kind: 'knows', source: { node: 'team' }, target: { node: 'package' } }],
};
