import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCommand } from '../../../../main/cli/import-commands';
import { exportWorkspaceCommand } from '../../../../main/cli/transfer-commands';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import type { ImportSummary } from '../../../../main/core/import';
import { fixture, tempDir } from '../../helpers';

const MAPPING = fixture('import/debian-teams.mapping.json');

async function run(
  file: string,
  workspace: string,
  options: Partial<Parameters<typeof importCommand>[2]> = {},
): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await importCommand(
    file,
    workspace,
    { mapping: MAPPING, dryRun: false, format: 'text', ...options },
    (l) => lines.push(l),
  );
  return { code, out: lines.join('\n') };
}

async function graphOf(file: string) {
  const ws = new WorkspaceService(tempDir(), 'node', { watch: false });
  ws.open(file);
  try {
    return { graph: ws.store.getGraph(), history: ws.store.history.state() };
  } finally {
    await ws.shutdown();
  }
}

describe('cli: import', () => {
  it('a dry run prints the plan and writes nothing; the import writes it as one undo step', async () => {
    const workspace = path.join(tempDir(), 'w.wellspring');
    const dry = await run(fixture('import/debian-teams.gb18030.csv'), workspace, { dryRun: true });
    expect(dry.code).toBe(0);
    expect(dry.out.split('\n').slice(0, 4)).toEqual([
      'debian-teams.gb18030.csv (CSV, GB18030, delimiter ","), sheet “debian-teams.gb18030”: 101 rows',
      'nodes: 124 new, 0 updated, 0 unchanged',
      'edges: 99 new, 0 updated, 0 unchanged',
      'by kind: expert 25 new · knowledge 99 new · knows 99 new',
    ]);
    expect(dry.out).toContain(
      '  line 324: expert “Debian kernel team” = “Debian Kernel Team” (line 241), by label',
    );
    expect(dry.out.endsWith('Dry run: 223 operations planned, nothing written.')).toBe(true);
    expect((await graphOf(workspace)).graph.nodes).toEqual([]);

    const real = await run(fixture('import/debian-teams.gb18030.csv'), workspace);
    expect(real.code).toBe(0);
    expect(real.out.endsWith('Imported: 223 operations as one undo step (“debian-teams.gb18030.csv”).')).toBe(
      true,
    );
    const { graph, history } = await graphOf(workspace);
    expect(graph.nodes).toHaveLength(124);
    expect(graph.edges).toHaveLength(99);
    expect(history.undo).toMatchObject({ action: 'import', label: 'debian-teams.gb18030.csv', count: 223 });

    // The UTF-8 twin finds all of it there already.
    const json = await run(fixture('import/debian-teams.csv'), workspace, { format: 'json' });
    const parsed = JSON.parse(json.out) as { summary: ImportSummary; imported: boolean; encoding: string };
    expect(parsed.encoding).toBe('UTF-8');
    expect(parsed.summary).toMatchObject({
      newNodes: 0,
      unchangedNodes: 124,
      newEdges: 0,
      unchangedEdges: 99,
    });
    expect(parsed.imported).toBe(true);
  });

  it('lists problems as “line N: reason”, answers 1 and imports nothing', async () => {
    const workspace = path.join(tempDir(), 'w.wellspring');
    const { code, out } = await run(fixture('import/debian-teams.malformed.csv'), workspace);
    expect(code).toBe(1);
    expect(out).toContain(
      'problems (2):\n  line 19: This row has 7 fields; the header has 8.\n  line 28: A quoted field starts in this row and is never closed.',
    );
    expect(out.endsWith('Nothing was imported: fix the problems and import again.')).toBe(true);
    expect((await graphOf(workspace)).graph.nodes).toEqual([]);
  });

  it('imports the Chinese sheet of a workbook given by --sheet', async () => {
    const workspace = path.join(tempDir(), 'w.wellspring');
    const { code, out } = await run(fixture('import/derived_team_packages_and_esco.xlsx'), workspace, {
      sheet: '团队与软件包',
      dryRun: true,
    });
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe(
      'derived_team_packages_and_esco.xlsx (XLSX), sheet “团队与软件包”: 725 rows',
    );
    expect(out).toContain('by kind: expert 117 new · knowledge 723 new · knows 723 new');
  });

  it('refuses a spreadsheet without a mapping, and a file that is not one, naming the file', async () => {
    const workspace = path.join(tempDir(), 'w.wellspring');
    await expect(run(fixture('import/debian-teams.csv'), workspace, { mapping: undefined })).rejects.toThrow(
      'debian-teams.csv needs a mapping of its columns to nodes and connections (--mapping <file.json>).',
    );
    await expect(run(fixture('documents/pdfjs/issue12823.pdf'), workspace)).rejects.toThrow(
      'issue12823.pdf is not a spreadsheet: import reads CSV, TSV and XLSX files.',
    );
    await expect(run(path.join(tempDir(), 'missing.csv'), workspace)).rejects.toThrow(
      'cannot be read (ENOENT)',
    );
  });

  it('imports a Wellspring JSON export without a mapping', async () => {
    const source = path.join(tempDir(), 'a.wellspring');
    expect((await run(fixture('import/debian-teams.csv'), source)).code).toBe(0);
    const exported = path.join(tempDir(), 'a.json');
    expect(await exportWorkspaceCommand(source, 'json', exported, () => {})).toBe(0);
    const target = path.join(tempDir(), 'b.wellspring');
    const { code, out } = await run(exported, target, { mapping: undefined });
    expect(code).toBe(0);
    expect(out).toContain('nodes: 124 new');
    const [a, b] = [(await graphOf(source)).graph, (await graphOf(target)).graph];
    expect(b.nodes.map((n) => [n.id, n.kind, n.label])).toEqual(a.nodes.map((n) => [n.id, n.kind, n.label]));
    expect(b.edges).toHaveLength(a.edges.length);
  });

  it('imports an export edited elsewhere back into its workspace: a changed node is an update, not a refusal', async () => {
    const source = path.join(tempDir(), 'a.wellspring');
    expect((await run(fixture('import/debian-teams.csv'), source)).code).toBe(0);
    const exported = path.join(tempDir(), 'a.json');
    expect(await exportWorkspaceCommand(source, 'json', exported, () => {})).toBe(0);
    const doc = JSON.parse(fs.readFileSync(exported, 'utf8')) as {
      nodes: Array<{ id: string; kind: string; description?: string }>;
    };
    const edited = doc.nodes.find((n) => n.kind === 'knowledge')!;
    edited.description = '在别处改过的说明。';
    fs.writeFileSync(exported, JSON.stringify(doc));
    const { code, out } = await run(exported, source, { mapping: undefined });
    expect(code, out).toBe(0);
    expect(out).toContain('nodes: 0 new, 1 updated');
    const { graph, history } = await graphOf(source);
    expect(graph.nodes.find((n) => n.id === edited.id)?.description).toBe('在别处改过的说明。');
    expect(history.undo).toMatchObject({ action: 'import', label: 'a.json' });
  });
});
