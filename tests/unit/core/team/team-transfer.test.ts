import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { seedSample } from '../../../../main/core/sample/seed-sample';
import { exportWorkspace, readExportSource } from '../../../../main/core/transfer/workspace-export';
import { pullWorkspace, pushWorkspace } from '../../../../main/core/team/team-transfer';
import { openTeamWorkspace } from '../../../../main/core/team/team-workspace';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { translate } from '../../../../main/shell/menu-labels';
import type { WellspringError } from '../../../../main/core/util/errors';
import { tempDir } from '../../helpers';
import { run } from '../../cli/cli-helpers';
import { freshRole, freshSchema, sql, teamUrl } from '../../team-helpers';

const AT = new Date('2026-12-03T08:00:00.000Z');

/** A workspace file holding the sample graph (no documents), moved about on the map so positions matter. */
function sampleFile(): string {
  const file = path.join(tempDir(), 'sample.wellspring');
  const { db } = openWorkspaceDb(file, { create: true });
  seedSample(db);
  db.prepare("UPDATE view_positions SET x = x + 0.25 WHERE view_id = 'map'").run();
  db.close();
  return file;
}

/** The Wellspring JSON export of a workspace file, with a fixed name and date (those two may differ). */
function jsonExport(file: string): unknown {
  const { db } = openWorkspaceDb(file);
  try {
    const src = readExportSource(db, 'same', AT);
    return JSON.parse(exportWorkspace('json', { ...src, workspaceName: 'same' })[0]!.text);
  } finally {
    db.close();
  }
}

let savedUserData: string | undefined;
beforeEach(() => {
  savedUserData = process.env.WELLSPRING_USER_DATA;
  process.env.WELLSPRING_USER_DATA = tempDir();
});
afterEach(() => {
  if (savedUserData === undefined) delete process.env.WELLSPRING_USER_DATA;
  else process.env.WELLSPRING_USER_DATA = savedUserData;
});

describe('push and pull between a desktop file and a team workspace', () => {
  it('push → pull gives the same graph as the local file (the same JSON export)', async () => {
    const file = sampleFile();
    const url = teamUrl(freshSchema());
    const pushed = await pushWorkspace(file, url, { unit: 'hq' });
    const local = jsonExport(file) as { nodes: unknown[]; edges: unknown[]; views: unknown[] };
    expect(pushed.nodes).toBe(local.nodes.length);
    expect(pushed.edges).toBe(local.edges.length);
    expect(pushed.nodes).toBeGreaterThan(50);

    const copy = path.join(tempDir(), 'travel.wellspring');
    const pulled = pullWorkspace(url, copy, tempDir(), { now: AT });
    expect(pulled).toMatchObject({ nodes: pushed.nodes, edges: pushed.edges });
    expect(jsonExport(copy)).toEqual(local);
  });

  it('push refuses a team workspace that is not empty, and writes nothing', async () => {
    const url = teamUrl(freshSchema());
    const team = openTeamWorkspace(url, tempDir(), { create: true, live: false });
    team.store.addNode({ kind: 'category', label: 'already here' });
    await team.close();
    team.db.close();
    const e = (await pushWorkspace(sampleFile(), url).catch((x: unknown) => x)) as WellspringError;
    expect(e).toMatchObject({ code: 'invalid_input', key: 'errors.teamNotEmpty' });
    expect(translate('zh-CN', e.key!, e.params)).toContain('1 个节点');
    const schema = new URL(url).searchParams.get('schema')!;
    expect(await sql(`SELECT label FROM ${schema}.nodes`)).toEqual([{ label: 'already here' }]);
    expect(await sql(`SELECT count(*)::int AS n FROM ${schema}.views`)).toEqual([{ n: 0 }]);
  });

  it('push by an editor is refused as a whole: one transaction', async () => {
    const schema = freshSchema();
    const url = teamUrl(schema);
    expect((await run(['team', 'init', '--workspace', url])).code).toBe(0);
    const ed = { user: freshRole('ed'), password: 'pw-ed' };
    process.env.WELLSPRING_MEMBER_PASSWORD = ed.password;
    try {
      expect(
        (await run(['team', 'add-user', ed.user, '--role', 'editor', '--unit', 'hq', '--workspace', url]))
          .code,
      ).toBe(0);
    } finally {
      delete process.env.WELLSPRING_MEMBER_PASSWORD;
    }
    // The editor's push names unit "elsewhere" for every node: refused by row-level security, nothing kept.
    const e = await pushWorkspace(sampleFile(), teamUrl(schema, ed), { unit: 'elsewhere' }).catch(
      (x: WellspringError) => x,
    );
    expect(e).toMatchObject({ code: 'permission_denied' });
    expect(await sql(`SELECT count(*)::int AS n FROM ${schema}.nodes`)).toEqual([{ n: 0 }]);
  });

  it('a pulled copy opens read-only: edits are refused with a clear message', () => {
    const url = teamUrl(freshSchema());
    const team = openTeamWorkspace(url, tempDir(), { create: true, live: false });
    const n = team.store.addNode({ kind: 'category', label: '销售' });
    void team.close();
    team.db.close();
    const copy = path.join(tempDir(), 'copy.wellspring');
    pullWorkspace(url, copy, tempDir(), { now: AT });
    const ws = new WorkspaceService(tempDir(), 'node', { watch: false });
    const info = ws.open(copy);
    expect(info.pulledFrom).toEqual({
      address: expect.stringContaining('wellspring_test@127.0.0.1'),
      at: AT.toISOString(),
    });
    expect(info.team).toBeUndefined();
    let e: WellspringError | null = null;
    try {
      ws.store.updateNode(n.id, { label: 'changed offline' });
    } catch (x) {
      e = x as WellspringError;
    }
    expect(e).toMatchObject({ code: 'permission_denied', key: 'errors.pulledCopyReadOnly' });
    expect(translate('zh-CN', e!.key!, e!.params)).toContain('只读副本');
    expect(ws.store.findNode(n.id)?.label).toBe('销售');
    ws.close();
    // pull never overwrites a file.
    expect(() => pullWorkspace(url, copy, tempDir())).toThrow(
      expect.objectContaining({ key: 'errors.pullTargetExists' }),
    );
  });
});

describe('the CLI on a team workspace', () => {
  it('init --sample, stats, set-unit, audit export, push and pull take postgres:// addresses', async () => {
    const schema = freshSchema();
    const url = teamUrl(schema);
    const init = await run(['team', 'init', '--workspace', url]);
    expect(init.code).toBe(0);
    expect(init.out).toContain('0 nodes · 0 edges; you are wellspring_test (admin)');
    const push = await run(['push', '--workspace', sampleFile(), '--to', url]);
    expect(push.code).toBe(0);
    const stats = await run(['stats', '--workspace', url, '--json']);
    const s = JSON.parse(stats.out) as { nodeTotal: number; nodes: Record<string, number> };
    const [{ n }] = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.nodes`)) as [
      { n: number },
    ];
    expect(s.nodeTotal).toBe(n);

    const unit = await run(['team', 'set-unit', 'sales', '--kind', 'expert', '--workspace', url]);
    expect(unit.out).toBe(`${s.nodes.expert} nodes now in sales.`);
    const out = path.join(tempDir(), 'audit.csv');
    const audit = await run(['team', 'audit', '--workspace', url, '--format', 'csv', '--out', out]);
    expect(audit.code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(fs.readFileSync(out, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    // Every pushed node and edge was inserted, and every expert updated (its unit), each with its before/after.
    const inserts = rows.filter((r) => r.action === 'insert');
    const updates = rows.filter((r) => r.action === 'update');
    expect(inserts).toHaveLength(
      n + Object.values(JSON.parse(stats.out).edges as Record<string, number>).reduce((a, b) => a + b, 0),
    );
    expect(updates).toHaveLength(s.nodes.expert!);
    expect(JSON.parse(updates[0]!.after!)).toMatchObject({ unit_id: 'sales', kind: 'expert' });
    expect(JSON.parse(updates[0]!.before!).unit_id).toBeNull();

    const copy = path.join(tempDir(), 'exec.wellspring');
    const pull = await run(['pull', '--workspace', url, '--out', copy]);
    expect(pull.out).toContain(`read-only copy of`);
    expect(pull.out).toContain(`${n} nodes`);
    // Commands that only make sense for files say so.
    expect((await run(['backup', '--workspace', url])).code).toBe(2);
  });
});
