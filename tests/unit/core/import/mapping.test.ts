import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mappingToJson, parseMapping } from '../../../../main/core/import';
import { isWellspringError } from '../../../../main/core/util/errors';
import { fixture } from '../../helpers';

/** The error parseMapping throws for `value` (the test fails when it does not throw). */
function fault(value: unknown): { message: string; key?: string; params?: unknown; path: unknown[] } {
  try {
    parseMapping(value, 'teams.mapping.json');
  } catch (e) {
    if (isWellspringError(e)) return { message: e.message, key: e.key, params: e.params, path: e.path };
    throw e;
  }
  throw new Error('expected parseMapping to throw');
}

const node = { name: 'package', kind: 'knowledge', label: { column: 'package' } };

describe('parseMapping', () => {
  it('reads the Debian mapping, and the JSON the wizard saves reads back the same', () => {
    const text = fs.readFileSync(fixture('import/debian-teams.mapping.json'), 'utf8');
    const m = parseMapping(text, 'debian-teams.mapping.json');
    expect(m.nodes!.map((n) => [n.name, n.kind])).toEqual([
      ['team', 'expert'],
      ['package', 'knowledge'],
    ]);
    expect(parseMapping(mappingToJson(m), 'again.json')).toEqual(m);
    expect(mappingToJson(m).endsWith('}\n')).toBe(true);
  });

  it('says where JSON is broken, and which version it needs', () => {
    expect(fault('{"version": 1, "nodes": [')).toMatchObject({
      key: 'transfer:import.errors.mappingNotJson',
    });
    expect(fault('{"version": 1, "nodes": [').message).toMatch(
      /^The mapping teams\.mapping\.json is not JSON \(/,
    );
    expect(fault({ version: 2, nodes: [node] })).toMatchObject({
      key: 'transfer:import.errors.mappingVersion',
      message: 'The mapping teams.mapping.json is version 2; this version of Wellspring reads version 1.',
      path: ['version'],
    });
    expect(fault({ nodes: [node] }).message).toContain('is version missing');
  });

  it('names the JSON path of the first fault', () => {
    const cases: Array<[unknown, string, string]> = [
      [{ version: 1 }, 'nodes', 'map at least one node or edge'],
      [{ version: 1, nodes: [{ ...node, kind: 'skill' }] }, 'nodes[0].kind', 'unknown kind “skill”'],
      [
        { version: 1, nodes: [node, { ...node, name: 'p2', props: { colour: { value: 'red' } } }] },
        'nodes[1].props.colour',
        'a knowledge has no prop “colour”',
      ],
      [
        { version: 1, nodes: [{ ...node, label: { column: 'a', value: 'b' } }] },
        'nodes[0].label',
        'give either "column" or "value"',
      ],
      [{ version: 1, nodes: [node, node] }, 'nodes[1].name', 'the name “package” is taken'],
      [
        {
          version: 1,
          nodes: [node],
          edges: [{ kind: 'knows', source: { node: 'team' }, target: { node: 'package' } }],
        },
        'edges[0].source.node',
        'no node mapping is called “team”',
      ],
      [
        {
          version: 1,
          nodes: [node, { name: 'team', kind: 'expert', label: { column: 'team' } }],
          edges: [{ kind: 'knows', source: { node: 'package' }, target: { node: 'team' } }],
        },
        'edges[0].kind',
        'a knows edge cannot go from a knowledge to a expert',
      ],
      [{ version: 1, nodes: [{ ...node, colour: 'red' }] }, 'nodes[0]', 'Unrecognized key'],
    ];
    for (const [value, at, reason] of cases) {
      const e = fault(value);
      expect(e.key, at).toBe('transfer:import.errors.badMapping');
      expect(e.message, at).toContain(`teams.mapping.json is not valid at ${at}: `);
      expect(e.message, at).toContain(reason);
    }
  });
});
