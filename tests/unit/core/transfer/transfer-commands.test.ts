import fs from 'node:fs';
import path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { exportWorkspaceCommand } from '../../../../main/cli/transfer-commands';
import { isWellspringError, type WellspringError } from '../../../../main/core/util/errors';
import { parseWellspringJson } from '../../../../main/core/transfer/wellspring-json';
import { tempDir } from '../../helpers';
import { arrangedSample } from './transfer-fixtures';

/** The arranged sample as a workspace file, closed; its node and edge counts. */
async function sampleFile(): Promise<{ file: string; nodes: number; edges: number }> {
  const ws = arrangedSample();
  const { path: file, nodeCount, edgeCount } = ws.info();
  await ws.shutdown();
  return { file, nodes: nodeCount, edges: edgeCount };
}

async function run(file: string, format: string, out: string): Promise<string[]> {
  const lines: string[] = [];
  expect(await exportWorkspaceCommand(file, format, out, (l) => lines.push(l))).toBe(0);
  return lines;
}

async function failure(p: Promise<unknown>): Promise<WellspringError> {
  try {
    await p;
  } catch (e) {
    if (isWellspringError(e)) return e;
    throw e;
  }
  throw new Error('did not fail');
}

describe('cli: export', () => {
  it('writes every format, prints the paths and the counts', async () => {
    const { file, nodes, edges } = await sampleFile();
    const dir = tempDir();

    const json = path.join(dir, 'w.json');
    const printed = await run(file, 'json', json);
    expect(printed[0]).toBe(json);
    expect(printed[1]).toMatch(new RegExp(`^json: ${nodes} nodes · ${edges} edges · 1 file · \\d+ KB$`));
    const { doc } = parseWellspringJson(fs.readFileSync(json, 'utf8'), 'w.json');
    expect([doc.nodes.length, doc.edges.length, doc.views.length]).toEqual([nodes, edges, 3]);

    const graphml = path.join(dir, 'w.graphml');
    await run(file, 'graphml', graphml);
    expect(parseGraphml(MultiDirectedGraph, fs.readFileSync(graphml, 'utf8')).order).toBe(nodes);
    const gexf = path.join(dir, 'w.gexf');
    await run(file, 'gexf', gexf);
    expect(parseGexf(MultiDirectedGraph, fs.readFileSync(gexf, 'utf8')).size).toBe(edges);
    await run(file, 'cypher', path.join(dir, 'w.cypher'));
    await run(file, 'cyjs', path.join(dir, 'w.cyjs'));

    const csv = path.join(dir, 'csv');
    const files = await run(file, 'csv', csv);
    const names = fs.readdirSync(csv).sort();
    expect(
      files
        .slice(0, -1)
        .map((f) => path.basename(f))
        .sort(),
    ).toEqual(names);
    expect(names).toContain('nodes-knowledge.csv');
    expect(names).toContain('edges-knows.csv');
    expect(files.at(-1)).toMatch(new RegExp(`^csv: ${nodes} nodes · ${edges} edges · ${names.length} files`));
    // Nothing but the exports: no temporary file is left beside them.
    expect(fs.readdirSync(dir).sort()).toEqual([
      'csv',
      'w.cyjs',
      'w.cypher',
      'w.gexf',
      'w.graphml',
      'w.json',
    ]);
  });

  it('refuses a path it cannot write, a wrong extension or a file as the CSV folder before writing anything', async () => {
    const { file } = await sampleFile();
    const dir = tempDir();
    const noFolder = await failure(
      exportWorkspaceCommand(file, 'json', path.join(dir, 'missing', 'w.json'), () => {}),
    );
    expect(noFolder).toMatchObject({ code: 'io_error', key: 'errors.exportUnwritable' });
    expect(noFolder.message).toContain('the folder does not exist');

    const ext = await failure(exportWorkspaceCommand(file, 'gexf', path.join(dir, 'w.graphml'), () => {}));
    expect(ext).toMatchObject({ code: 'invalid_input', key: 'transfer:export.errors.outExtension' });
    expect(ext.params).toMatchObject({ ext: '.gexf', format: 'gexf' });

    const taken = path.join(dir, 'taken.csv');
    fs.writeFileSync(taken, 'x');
    const notFolder = await failure(exportWorkspaceCommand(file, 'csv', taken, () => {}));
    expect(notFolder.key).toBe('transfer:export.errors.csvOutIsFile');

    const csvInMissing = await failure(
      exportWorkspaceCommand(file, 'csv', path.join(dir, 'a', 'b'), () => {}),
    );
    expect(csvInMissing.code).toBe('io_error');

    const unknown = await failure(exportWorkspaceCommand(file, 'xlsx', path.join(dir, 'w.xlsx'), () => {}));
    expect(unknown.message).toBe(
      'Unknown export format “xlsx” (one of json, graphml, gexf, csv, cypher, cyjs).',
    );
    expect(fs.readdirSync(dir)).toEqual(['taken.csv']);
  });
});
