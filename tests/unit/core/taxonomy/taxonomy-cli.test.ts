import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { taxonomyCommand, taxonomyMergeCommand } from '../../../../main/cli/taxonomy-commands';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { tempDir } from '../../helpers';

// The commands open the workspace under the user data folder (its recent list): a temporary one here.
let saved: string | undefined;
beforeEach(() => {
  saved = process.env.WELLSPRING_USER_DATA;
  process.env.WELLSPRING_USER_DATA = tempDir();
});
afterEach(() => {
  if (saved === undefined) delete process.env.WELLSPRING_USER_DATA;
  else process.env.WELLSPRING_USER_DATA = saved;
});

/** A fresh sample workspace file, closed again. */
async function sampleFile(): Promise<string> {
  const dir = tempDir();
  const file = path.join(dir, 'w.wellspring');
  const ws = new WorkspaceService(dir, 'node', { watch: false, threads: 1 });
  ws.open(file, { create: true, sample: true });
  await ws.shutdown();
  return file;
}

async function run(f: (out: (line: string) => void) => Promise<number>) {
  const lines: string[] = [];
  const code = await f((l) => lines.push(l));
  return { code, text: lines.join('\n') };
}

describe('taxonomy commands', () => {
  it('prints the tree with own / subtree counts, then merges by name and alias (dry run first)', async () => {
    const file = await sampleFile();
    const tree = await run((out) => taxonomyCommand(file, 'text', out));
    expect(tree.code).toBe(0);
    const lines = tree.text.split('\n');
    expect(lines[0]).toBe('产品与设计  0 / 32');
    expect(lines).toContain('  版型与制版  11 / 11');
    expect(lines.at(-1)).toBe(
      '16 categories · 115 items classified · 0 unclassified (items: own / with sub-categories)',
    );
    const dry = await run((out) => taxonomyMergeCommand(file, '款式设计', '打版', { dryRun: true }, out));
    expect(dry.text).toBe(
      'Would merge “款式设计” into “版型与制版”: 6 items, 0 sub-categories; 7 connections moved, 0 already there, ' +
        '1 removed with it; aliases added: 款式设计, Style design.',
    );
    const json = JSON.parse((await run((out) => taxonomyCommand(file, 'json', out))).text) as {
      totals: { categories: number };
    };
    expect(json.totals.categories).toBe(16);
    const done = await run((out) =>
      taxonomyMergeCommand(file, 'style design', '打版', { dryRun: false }, out),
    );
    expect(done.text.startsWith('Merged “款式设计” into “版型与制版”')).toBe(true);
    const after = await run((out) => taxonomyCommand(file, 'text', out));
    expect(after.text.split('\n')).toContain('  版型与制版  17 / 17');
    expect(after.text.split('\n')[0]).toBe('产品与设计  0 / 32');
  });

  it('refuses a name no category has, naming it', async () => {
    const file = await sampleFile();
    await expect(
      run((out) => taxonomyMergeCommand(file, '不存在的分类', '打版', { dryRun: true }, out)),
    ).rejects.toMatchObject({
      code: 'not_found',
      key: 'taxonomy:errors.noSuchCategory',
      params: { name: '不存在的分类' },
    });
  });
});
