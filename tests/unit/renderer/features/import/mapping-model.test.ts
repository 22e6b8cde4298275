import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportMapping } from '../../../../../preload/contract';
import {
  guessMapping,
  mappingIssues,
  nodePropsOf,
  withKind,
} from '../../../../../renderer/src/features/import/mapping-model';
import { readTable } from '../../../../../main/core/import';
import { fixture } from '../../../helpers';

// The import wizard's mapping model (renderer/src/features/import/mapping-model.ts) on real fixture headers.
const noLabels = () => [];
const tableOf = (name: string) => readTable(fs.readFileSync(fixture(name)), path.basename(name));

describe('the wizard’s first guess of a mapping, from real headers', () => {
  it('O*NET: Title is the label, the SOC code the id, Description the description', async () => {
    const header = (await tableOf('import/onet-occupations.head.txt')).sheets[0]!.header;
    const m = guessMapping(header, noLabels);
    expect(m.nodes).toEqual([
      {
        name: 'knowledge',
        kind: 'knowledge',
        label: { column: 'Title' },
        id: { column: 'O*NET-SOC Code' },
        description: { column: 'Description' },
      },
    ]);
    expect(ImportMapping.safeParse(m).success).toBe(true);
  });

  it('Debian teams: no label-like column, so the first; description and tags by the words in their names', async () => {
    const header = (await tableOf('import/debian-teams.csv')).sheets[0]!.header;
    const [node] = guessMapping(header, noLabels).nodes!;
    expect(node).toMatchObject({
      label: { column: 'team' },
      description: { column: 'short_description' },
      tags: { column: 'debtags' },
    });
  });

  it('Chinese headers, and props by their translated names', () => {
    const [node] = guessMapping(['姓名', '部门', '描述'], (p) => (p === 'department' ? ['部门'] : [])).nodes!;
    expect(node).toEqual({
      name: 'expert',
      kind: 'expert',
      label: { column: '姓名' },
      description: { column: '描述' },
      props: { department: { column: '部门' } },
    });
  });
});

describe('the mapping step’s checks and edits', () => {
  it('names what keeps a mapping from being planned, in the UI’s terms', () => {
    expect(mappingIssues({ version: 1 })).toEqual([{ key: 'empty', params: {} }]);
    const m: ImportMapping = {
      version: 1,
      nodes: [
        { name: 'a', kind: 'expert' },
        { name: 'b', kind: 'knowledge', label: { column: 'x' } },
      ],
      edges: [{ kind: 'supports', source: { node: 'a' }, target: { node: 'b' } }],
    };
    expect(mappingIssues(m)).toEqual([
      { key: 'needLabel', params: { name: 'a' } },
      { key: 'edgeKinds', params: { kind: 'supports', source: 'expert', target: 'knowledge' } },
    ]);
    const fixed: ImportMapping = {
      ...m,
      nodes: [{ ...m.nodes![0]!, label: { column: 'y' } }, m.nodes![1]!],
      edges: [{ ...m.edges![0]!, kind: 'knows' }],
    };
    expect(mappingIssues(fixed)).toEqual([]);
    expect(ImportMapping.safeParse(fixed).success).toBe(true);
  });

  it('a kind’s props with their choices; a new kind drops the props it lacks', () => {
    const form = nodePropsOf('knowledge').find((p) => p.name === 'form')!;
    expect(form).toEqual({ name: 'form', choices: ['explicit', 'tacit'], number: false });
    expect(nodePropsOf('knowledge').find((p) => p.name === 'importance')).toMatchObject({ number: true });
    const changed = withKind(
      { name: 'n', kind: 'knowledge', label: { column: 'x' }, props: { form: { value: 'tacit' } } },
      'expert',
    );
    expect(changed).toEqual({ name: 'n', kind: 'expert', label: { column: 'x' } });
  });
});
