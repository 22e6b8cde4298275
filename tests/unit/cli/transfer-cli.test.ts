import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers';
import { run, withApp } from './cli-helpers';

// `npm run cli -- import` and `export` through the CLI's own argument handling (the import and export cores are
// tested in tests/unit/core/import and tests/unit/core/transfer): the Debian teams file in GB18030 with its
// mapping, exported as Wellspring JSON and imported again into an empty workspace.
const fixture = (f: string) => path.resolve('fixtures/import', f);
const graphOf = (file: string) =>
  withApp(file, (ws) => {
    const g = ws.store.getGraph();
    return {
      nodes: g.nodes.map((n) => `${n.id} ${n.kind} ${n.label} ${n.createdAt} ${n.updatedAt}`).sort(),
      edges: g.edges
        .map((e) => `${e.id} ${e.kind} ${e.source} ${e.target} ${JSON.stringify(e.props)}`)
        .sort(),
    };
  });

describe('import and export from the command line', () => {
  it('GB18030 CSV with a mapping → workspace → JSON → an empty workspace: the same graph', async () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.wellspring');
    const imported = await run([
      'import',
      fixture('debian-teams.gb18030.csv'),
      '--workspace',
      a,
      '--mapping',
      fixture('debian-teams.mapping.json'),
    ]);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('GB18030');
    const json = path.join(dir, 'a.json');
    expect((await run(['export', '--workspace', a, '--format', 'json', '--out', json])).code).toBe(0);
    const b = path.join(dir, 'b.wellspring');
    expect((await run(['import', json, '--workspace', b])).code).toBe(0);
    const [ga, gb] = [await graphOf(a), await graphOf(b)];
    expect(ga.nodes.length).toBeGreaterThan(100);
    expect(gb).toEqual(ga);
  });

  it('a malformed CSV: exit 1 with each problem’s line, nothing imported; usage errors are exit 2', async () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.wellspring');
    const r = await run([
      'import',
      fixture('debian-teams.malformed.csv'),
      '--workspace',
      a,
      '--mapping',
      fixture('debian-teams.mapping.json'),
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/line 19: /);
    expect(r.out).toMatch(/line 28: /);
    expect((await graphOf(a)).nodes).toEqual([]);
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((s: unknown) => void errors.push(String(s)));
    expect((await run(['import', '--workspace', a])).code).toBe(2);
    expect((await run(['export', '--workspace', a, '--out', path.join(dir, 'x.json')])).code).toBe(2);
    expect(errors.map((e) => e.split('\n')[0])).toEqual([
      'wellspring: import needs the FILE to import (CSV, TSV, XLSX or a Wellspring .json export).',
      'wellspring: export needs --format json, graphml, gexf, csv, cypher or cyjs.',
    ]);
    vi.restoreAllMocks();
  });
});
