import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WellspringError } from '../../../../main/core/util/errors';
import { openTeamWorkspace, type TeamWorkspace } from '../../../../main/core/team/team-workspace';
import { TeamSession, memberRoleName, type ConflictDetail } from '../../../../main/core/team/pg-session';
import { parseTeamAddress } from '../../../../main/core/team/team-url';
import { translate } from '../../../../main/shell/menu-labels';
import { tempDir } from '../../helpers';
import { freshRole, freshSchema, sql, teamUrl } from '../../team-helpers';

const knowledge = {
  form: 'tacit',
  existence: 'person',
  status: 'active',
  confidentiality: 'internal',
  importance: 3,
};

function caught(f: () => unknown): WellspringError {
  try {
    f();
  } catch (e) {
    return e as WellspringError;
  }
  throw new Error('expected a throw');
}

/** Resolves when `cond` holds (polled every 10 ms), with the time it took; rejects after `ms`. */
async function until(cond: () => boolean, ms = 5000): Promise<number> {
  const t0 = performance.now();
  while (!cond()) {
    if (performance.now() - t0 > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return performance.now() - t0;
}

function closeAll(...ws: TeamWorkspace[]): Promise<void[]> {
  return Promise.all(
    ws.map(async (w) => {
      await w.close();
      w.db.close();
    }),
  );
}

/** Both languages translate `e`'s message with every value it interpolates. */
function expectBilingual(e: WellspringError): void {
  expect(e.key).toBeDefined();
  for (const lang of ['en', 'zh-CN'] as const) {
    const text = translate(lang, e.key!, e.params)!;
    expect(text, `${lang} ${e.key}`).toBeTruthy();
    expect(text).not.toMatch(/\{\{/);
  }
}

describe('live collaboration on one team workspace', () => {
  it('shows an edit of one desktop in the other within a second, only what changed', async () => {
    const url = teamUrl(freshSchema());
    const a = openTeamWorkspace(url, tempDir(), { create: true });
    const b = openTeamWorkspace(url, tempDir());
    await Promise.all([a.feedReady, b.feedReady]);
    const changes: string[][] = [];
    b.store.onDidChange((c) => changes.push(c.nodeIds));
    const other = a.store.addNode({ kind: 'category', label: '质量' });
    await until(() => b.store.findNode(other.id) !== null);
    changes.length = 0;

    const t0 = performance.now();
    const k = a.store.addNode({ kind: 'knowledge', label: '焊缝检验 Weld inspection', props: knowledge });
    await until(() => b.store.findNode(k.id) !== null);
    const delay = performance.now() - t0;
    expect(delay).toBeLessThan(1000);
    expect(b.store.findNode(k.id)).toMatchObject({ label: '焊缝检验 Weld inspection', props: knowledge });
    // The other desktop's change event names only the new node, and is no undo step there.
    expect(changes).toEqual([[k.id]]);
    expect(b.store.history.state().canUndo).toBe(false);
    await closeAll(a, b);
  });

  it('tells the second of two editors of one node, with both versions, and overwrites nothing', async () => {
    const schema = freshSchema();
    const url = teamUrl(schema);
    const a = openTeamWorkspace(url, tempDir(), { create: true, live: false });
    const b = openTeamWorkspace(url, tempDir(), { live: false });
    const n = a.store.addNode({ kind: 'knowledge', label: 'Torque settings', props: knowledge });
    b.replica.catchUp();
    b.store.updateNode(n.id, { label: 'Torque settings (line 2)' });

    const e = caught(() => a.store.updateNode(n.id, { label: 'Torque settings v2', description: 'mine' }));
    expect(e.code).toBe('edit_conflict');
    expect(e.key).toBe('errors.teamConflict');
    expectBilingual(e);
    const detail = JSON.parse(String(e.params!.detail)) as ConflictDetail;
    expect(detail).toMatchObject({ table: 'nodes', id: n.id, reason: 'changed' });
    expect(detail.theirs).toMatchObject({ label: 'Torque settings (line 2)', version: 2 });
    // Mine is untouched locally (nothing half-written) and can be shown beside theirs; the server kept theirs.
    expect(a.store.findNode(n.id)?.label).toBe('Torque settings');
    expect(a.store.history.state().undo?.action).toBe('add');
    const [row] = await sql<{ label: string; version: number }>(
      `SELECT label, version FROM ${schema}.nodes WHERE id = $1`,
      [n.id],
    );
    expect(row).toEqual({ label: 'Torque settings (line 2)', version: 2 });
    // After catching up, the edit made again on top of theirs goes through.
    a.replica.catchUp();
    expect(a.store.findNode(n.id)?.label).toBe('Torque settings (line 2)');
    expect(a.store.updateNode(n.id, { description: 'mine' }).description).toBe('mine');
    // A deleted node: the editor is told so.
    b.replica.catchUp();
    b.store.deleteNode(n.id);
    const gone = caught(() => a.store.updateNode(n.id, { label: 'again' }));
    expect(gone).toMatchObject({ code: 'edit_conflict', key: 'errors.teamConflictDeleted' });
    await closeAll(a, b);
  });

  it('undo undoes only your own edits', async () => {
    const url = teamUrl(freshSchema());
    const a = openTeamWorkspace(url, tempDir(), { create: true, live: false });
    const b = openTeamWorkspace(url, tempDir(), { live: false });
    const mine = a.store.addNode({ kind: 'category', label: '设备' });
    b.replica.catchUp();
    const theirs = b.store.addNode({ kind: 'category', label: '工艺' });
    a.replica.catchUp();
    expect(a.store.findNode(theirs.id)).not.toBeNull();
    a.store.updateNode(mine.id, { label: '设备维护' });
    a.store.undo();
    a.store.undo();
    // Both of A's steps are undone on the server too; B's node is untouched, and A has nothing more to undo.
    expect(a.store.history.state().canUndo).toBe(false);
    expect(a.store.findNode(theirs.id)?.label).toBe('工艺');
    b.replica.catchUp();
    expect(b.store.findNode(mine.id)).toBeNull();
    expect(b.store.findNode(theirs.id)?.label).toBe('工艺');
    await closeAll(a, b);
  });

  it('refuses to undo an edit that someone else has changed since, and keeps the undo step', async () => {
    const schema = freshSchema();
    const url = teamUrl(schema);
    const a = openTeamWorkspace(url, tempDir(), { create: true, live: false });
    const b = openTeamWorkspace(url, tempDir(), { live: false });
    const n = a.store.addNode({ kind: 'category', label: '仓储' });
    a.store.updateNode(n.id, { label: '仓储管理' });
    b.replica.catchUp();
    b.store.updateNode(n.id, { label: '仓储与物流' });
    a.replica.catchUp();
    const e = caught(() => a.store.undo());
    expect(e).toMatchObject({ code: 'edit_conflict', key: 'errors.teamUndoConflict' });
    expectBilingual(e);
    expect(a.store.history.state()).toMatchObject({ canUndo: true, undo: { action: 'edit' } });
    const [row] = await sql<{ label: string }>(`SELECT label FROM ${schema}.nodes WHERE id = $1`, [n.id]);
    expect(row!.label).toBe('仓储与物流');
    // Once this desktop writes the node again, its own newer edit undoes as usual.
    a.store.updateNode(n.id, { description: '仓库' });
    a.store.undo();
    expect(a.store.findNode(n.id)).toMatchObject({ label: '仓储与物流', description: '' });
    await closeAll(a, b);
  });

  it('reports reconnecting when the server drops the connections, and resumes', async () => {
    const schema = freshSchema();
    const url = teamUrl(schema);
    const statuses: string[] = [];
    const a = openTeamWorkspace(url, tempDir(), { create: true, onStatus: (s) => statuses.push(s) });
    const b = openTeamWorkspace(url, tempDir(), { live: false });
    await a.feedReady;
    // What a server restart does to a client: every connection of this workspace is terminated.
    await sql('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
      `wellspring:${schema}`,
    ]);
    await until(() => statuses.includes('reconnecting'));
    await until(() => a.status() === 'connected');
    // Missed while down and after: both arrive (the catch-up reads by horizon), and writes work again.
    const n = b.store.addNode({ kind: 'category', label: 'after restart' });
    await until(() => a.store.findNode(n.id) !== null);
    expect(a.store.addNode({ kind: 'category', label: 'mine again' }).label).toBe('mine again');
    expect(statuses).toEqual(['reconnecting', 'connected']);
    await closeAll(a, b);
  });
});

describe('permissions: roles and row-level security', () => {
  async function team() {
    const schema = freshSchema();
    const url = teamUrl(schema);
    const admin = openTeamWorkspace(url, tempDir(), { create: true, live: false });
    const nodeA = admin.store.addNode({ kind: 'knowledge', label: 'A 部门知识', props: knowledge });
    const nodeB = admin.store.addNode({ kind: 'knowledge', label: 'B 部门知识', props: knowledge });
    const session = await TeamSession.open(parseTeamAddress(url));
    await session.setUnit({ ids: [nodeA.id] }, 'unit-a');
    await session.setUnit({ ids: [nodeB.id] }, 'unit-b');
    const editor = { user: freshRole('ed'), password: 'editor pw ✓' };
    const viewer = { user: freshRole('vw'), password: 'viewer-pw' };
    await session.setMember(editor.user, 'editor', ['unit-a'], { password: editor.password });
    await session.setMember(viewer.user, 'viewer', [], { password: viewer.password });
    await session.close();
    return { schema, url, admin, nodeA, nodeB, editor, viewer };
  }

  it('lets an editor of unit A change A’s node and refuses B’s, through the API', async () => {
    const t = await team();
    const ed = openTeamWorkspace(teamUrl(t.schema, t.editor), tempDir(), { live: false });
    expect(ed.replica.info).toMatchObject({ role: 'editor', units: ['unit-a'] });
    expect(ed.store.updateNode(t.nodeA.id, { label: 'A 部门知识（修订）' }).label).toBe('A 部门知识（修订）');
    const e = caught(() => ed.store.updateNode(t.nodeB.id, { label: 'hijacked' }));
    expect(e).toMatchObject({ code: 'permission_denied', key: 'errors.teamRefused' });
    expectBilingual(e);
    expect(ed.store.findNode(t.nodeB.id)?.label).toBe('B 部门知识');
    // An edge to B's node is allowed (either end is the editor's); a new node lands in the editor's unit.
    const k = ed.store.addNode({ kind: 'knowledge', label: '新知识', props: knowledge });
    expect(ed.store.addEdge({ kind: 'related', source: k.id, target: t.nodeB.id }).target).toBe(t.nodeB.id);
    const [row] = await sql<{ unit_id: string }>(`SELECT unit_id FROM ${t.schema}.nodes WHERE id = $1`, [
      k.id,
    ]);
    expect(row!.unit_id).toBe('unit-a');
    await closeAll(ed, t.admin);
  });

  it('refuses the same change through raw SQL with the editor’s own role', async () => {
    const t = await team();
    const s = t.schema;
    // UPDATE: the policy hides B's row from the editor's writes, so nothing changes.
    const updated = await sql(
      `UPDATE ${s}.nodes SET label = 'hijacked' WHERE id = $1 RETURNING id`,
      [t.nodeB.id],
      t.editor,
    );
    expect(updated).toEqual([]);
    // Moving A's node into unit B, inserting into unit B, deleting B's node: refused or no row touched.
    await expect(
      sql(`UPDATE ${s}.nodes SET unit_id = 'unit-b' WHERE id = $1`, [t.nodeA.id], t.editor),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      sql(
        `INSERT INTO ${s}.nodes (id, kind, label, created_at, updated_at, unit_id)
         VALUES ('x', 'category', 'x', '2026-12-03', '2026-12-03', 'unit-b')`,
        [],
        t.editor,
      ),
    ).rejects.toMatchObject({ code: '42501' });
    expect(await sql(`DELETE FROM ${s}.nodes WHERE id = $1 RETURNING id`, [t.nodeB.id], t.editor)).toEqual(
      [],
    );
    // Making oneself an admin, or forging the audit log: refused.
    await expect(
      sql(`UPDATE ${s}.members SET role = 'admin' WHERE role_name = current_user`, [], t.editor),
    ).resolves.toEqual([]);
    await expect(
      sql(
        `INSERT INTO ${s}.audit_log (table_name, row_id, action) VALUES ('nodes', 'x', 'delete')`,
        [],
        t.editor,
      ),
    ).rejects.toMatchObject({ code: '42501' });
    const [b] = await sql<{ label: string; unit_id: string }>(
      `SELECT label, unit_id FROM ${s}.nodes WHERE id = $1`,
      [t.nodeB.id],
    );
    expect(b).toEqual({ label: 'B 部门知识', unit_id: 'unit-b' });
    const [me] = await sql<{ role: string }>(`SELECT role FROM ${s}.members WHERE role_name = $1`, [
      t.editor.user,
    ]);
    expect(me!.role).toBe('editor');
    await closeAll(t.admin);
  });

  it('refuses every write of a viewer with a clear message, and keeps nothing of it', async () => {
    const t = await team();
    const vw = openTeamWorkspace(teamUrl(t.schema, t.viewer), tempDir(), { live: false });
    expect(vw.store.getGraph().nodes).toHaveLength(2);
    const e = caught(() => vw.store.addNode({ kind: 'category', label: 'viewer was here' }));
    expect(e).toMatchObject({ code: 'permission_denied', key: 'errors.teamRefused' });
    expect(translate('zh-CN', e.key!, e.params)).toContain('查看者只能阅读');
    expect(vw.store.getGraph().nodes).toHaveLength(2);
    expect(vw.store.history.state().canUndo).toBe(false);
    expect(caught(() => vw.store.updateNode(t.nodeA.id, { label: 'x' })).code).toBe('permission_denied');
    const [{ n }] = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${t.schema}.nodes`)) as [
      { n: number },
    ];
    expect(n).toBe(2);
    await closeAll(vw, t.admin);
  });
});

describe('integrity against a member with SQL access', () => {
  it('records the real writer even when the member shadows functions or sets the actor, and feeds the change', async () => {
    const schema = freshSchema();
    const url = teamUrl(schema);
    const admin = openTeamWorkspace(url, tempDir(), { create: true, live: true });
    await admin.feedReady;
    const own = admin.store.addNode({ kind: 'category', label: 'own' });
    const other = admin.store.addNode({ kind: 'category', label: 'other' });
    const link = admin.store.addEdge({ kind: 'related', source: own.id, target: other.id });
    const session = await TeamSession.open(parseTeamAddress(url));
    await session.setUnit({ ids: [own.id, other.id] }, 'u');
    const ed = { user: freshRole('ed'), password: 'pw-integrity' };
    await session.setMember(ed.user, 'editor', ['u'], { password: ed.password });
    await session.close();
    // A schema of the editor's own, where it may create functions that shadow the trigger's built-ins.
    const evil = freshSchema('evil');
    await sql(`CREATE SCHEMA ${evil}; GRANT USAGE, CREATE ON SCHEMA ${evil} TO ${ed.user}`);
    await sql(
      `CREATE FUNCTION ${evil}.set_config(text, text, boolean) RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;
       CREATE FUNCTION ${evil}.pg_current_xact_id() RETURNS xid8 LANGUAGE sql AS $$ SELECT '3'::xid8 $$;
       SET search_path = ${schema}, ${evil}, pg_catalog;
       SET wellspring.actor = 'wellspring_test';
       UPDATE ${schema}.nodes SET label = 'changed in psql' WHERE id = '${own.id}'`,
      [],
      ed,
    );
    const [entry] = await sql<{ actor: string }>(
      `SELECT actor FROM ${schema}.audit_log WHERE row_id = $1 AND action = 'update' ORDER BY id DESC LIMIT 1`,
      [own.id],
    );
    expect(entry!.actor).toBe(ed.user);
    // The desktop hears of it (the notification names the table's schema, not the session's) and reads it.
    await until(() => admin.store.findNode(own.id)?.label === 'changed in psql');
    // A delete that cascades to the node's edges is the editor's too, in every audit row.
    await sql(`DELETE FROM ${schema}.nodes WHERE id = '${own.id}'`, [], ed);
    const gone = await sql<{ row_id: string; actor: string }>(
      `SELECT row_id, actor FROM ${schema}.audit_log WHERE action = 'delete' ORDER BY id`,
    );
    expect(gone).toHaveLength(2);
    expect(gone).toEqual(
      expect.arrayContaining([
        { row_id: link.id, actor: ed.user },
        { row_id: own.id, actor: ed.user },
      ]),
    );
    await closeAll(admin);
  });

  it('keeps an existing login’s password, its last admin, and one member group per schema', async () => {
    const schema = freshSchema();
    const url = teamUrl(schema);
    const a = openTeamWorkspace(url, tempDir(), { create: true, live: false });
    await closeAll(a);
    const session = await TeamSession.open(parseTeamAddress(url));
    const m = { user: freshRole('pw'), password: 'first password' };
    await session.setMember(m.user, 'viewer', [], { password: m.password });
    await session.setMember(m.user, 'editor', ['u'], { password: 'another password' });
    expect(await sql('SELECT 1 AS ok', [], m)).toEqual([{ ok: 1 }]);
    const last = await session.setMember('wellspring_test', 'viewer', []).catch((e: WellspringError) => e);
    expect(last).toMatchObject({ code: 'invalid_input', key: 'errors.teamLastAdmin' });
    expectBilingual(last as WellspringError);
    const nobody = await session.setMember(freshRole('no'), 'viewer', []).catch((e: WellspringError) => e);
    expect(nobody).toMatchObject({ key: 'errors.teamNewLoginNeedsPassword' });
    await session.close();
    const long = 'x'.repeat(50);
    const one = memberRoleName(parseTeamAddress(teamUrl(`${long}_one`)));
    const two = memberRoleName(parseTeamAddress(teamUrl(`${long}_two`)));
    expect(one).not.toBe(two);
    expect(Buffer.byteLength(one)).toBeLessThanOrEqual(63);
  });
});

describe('the audit log', () => {
  it('records every accepted change with who, before and after, per node, and not refused ones', async () => {
    const schema = freshSchema();
    const url = teamUrl(schema);
    const a = openTeamWorkspace(url, tempDir(), { create: true, live: false });
    const n = a.store.addNode({ kind: 'knowledge', label: '排产经验', props: knowledge });
    const c = a.store.addNode({ kind: 'category', label: '计划' });
    const e = a.store.addEdge({ kind: 'classified_as', source: n.id, target: c.id });
    a.store.updateNode(n.id, { label: '排产经验（旺季）', props: { importance: 2 } });
    a.store.deleteEdge(e.id);
    const session = await TeamSession.open(parseTeamAddress(url));
    const log = await session.audit(n.id);
    await session.close();
    // Newest first: the edge's delete, the node's update, the edge's insert, the node's insert.
    expect(log.map((x) => [x.table, x.action])).toEqual([
      ['edges', 'delete'],
      ['nodes', 'update'],
      ['edges', 'insert'],
      ['nodes', 'insert'],
    ]);
    expect(new Set(log.map((x) => x.actor))).toEqual(new Set(['wellspring_test']));
    expect(log.every((x) => x.client === a.replica.clientId)).toBe(true);
    const update = log[1]!;
    expect(update.before).toMatchObject({ label: '排产经验', version: 1, props: { importance: 3 } });
    expect(update.after).toMatchObject({ label: '排产经验（旺季）', version: 2, props: { importance: 2 } });
    expect(log[0]!.before).toMatchObject({ id: e.id, source: n.id });
    expect(log[0]!.after).toBeNull();
    expect(log[3]!.before).toBeNull();
    await closeAll(a);
  });
});

describe('bad addresses and servers: a clear message, nothing written', () => {
  it('a wrong password', () => {
    const u = new URL(teamUrl(freshSchema()));
    u.password = 'not-the-password';
    const dir = tempDir();
    const e = caught(() => openTeamWorkspace(u.toString(), dir));
    // Nothing written on this side either: no replica file was left for the refused address.
    expect(fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).includes('.wellspring'))).toEqual(
      [],
    );
    expect(e).toMatchObject({ code: 'team_unreachable', key: 'errors.teamAuthFailed' });
    expect(e.message).toContain('wellspring_test');
    expect(e.message).not.toContain('not-the-password');
    expectBilingual(e);
  });

  it('an unreachable server', () => {
    const e = caught(() =>
      openTeamWorkspace('postgres://someone:pw@127.0.0.1:1/nowhere?schema=x', tempDir()),
    );
    expect(e).toMatchObject({ code: 'team_unreachable', key: 'errors.teamUnreachable' });
    expect(translate('zh-CN', e.key!, e.params)).toContain('127.0.0.1:1');
    expectBilingual(e);
  });

  it('no workspace in the schema, or another program’s tables there', async () => {
    const empty = freshSchema();
    const absent = caught(() => openTeamWorkspace(teamUrl(empty), tempDir()));
    expect(absent).toMatchObject({ code: 'not_a_workspace', key: 'errors.teamNoWorkspace' });
    expectBilingual(absent);
    expect(await sql('SELECT 1 FROM pg_namespace WHERE nspname = $1', [empty])).toEqual([]);

    const foreign = freshSchema();
    await sql(`CREATE SCHEMA ${foreign}; CREATE TABLE ${foreign}.invoices (id int)`);
    const other = caught(() => openTeamWorkspace(teamUrl(foreign), tempDir(), { create: true }));
    expect(other).toMatchObject({ code: 'not_a_workspace', key: 'errors.teamOtherSchema' });
    expectBilingual(other);
    const tables = await sql<{ t: string }>('SELECT tablename AS t FROM pg_tables WHERE schemaname = $1', [
      foreign,
    ]);
    expect(tables.map((r) => r.t)).toEqual(['invoices']);
  });

  it('a workspace of a newer schema version', async () => {
    const schema = freshSchema();
    const a = openTeamWorkspace(teamUrl(schema), tempDir(), { create: true, live: false });
    a.store.addNode({ kind: 'category', label: 'kept' });
    await closeAll(a);
    await sql(
      `INSERT INTO ${schema}.schema_migrations (version, name, applied_at) VALUES (99, '0099-future', now())`,
    );
    const e = caught(() => openTeamWorkspace(teamUrl(schema), tempDir()));
    expect(e).toMatchObject({ code: 'workspace_too_new', key: 'errors.workspaceTooNew' });
    expectBilingual(e);
    const rows = await sql<{ label: string }>(`SELECT label FROM ${schema}.nodes`);
    expect(rows).toEqual([{ label: 'kept' }]);
  });

  it('a URL that is not a team workspace address', () => {
    for (const bad of ['postgres://host/db', 'postgres://u@host/', 'postgres://u@host/db?schema=Bad-Name']) {
      const e = caught(() => parseTeamAddress(bad));
      expect(e).toMatchObject({ code: 'invalid_input', key: 'errors.teamAddressInvalid' });
      expectBilingual(e);
    }
  });
});
