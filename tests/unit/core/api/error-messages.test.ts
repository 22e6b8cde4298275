import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../preload/contract';
import { createHandlers } from '../../../../main/core/api/handlers';
import { dispatch } from '../../../../main/core/api/dispatch';
import { LATEST_VERSION } from '../../../../main/core/db/migrations';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { translate } from '../../../../main/shell/menu-labels';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import enCommon from '../../../../renderer/src/i18n/locales/en/common.json';
import enLibrary from '../../../../renderer/src/i18n/locales/en/library.json';
import zhCommon from '../../../../renderer/src/i18n/locales/zh-CN/common.json';
import zhLibrary from '../../../../renderer/src/i18n/locales/zh-CN/library.json';
import { tempDir } from '../../helpers';

type Failure = Extract<Result<unknown>, { ok: false }>;

function setup() {
  const dir = tempDir();
  const ws = new WorkspaceService(dir, 'node', { watch: false });
  ws.open(path.join(dir, 'w.wellspring'), { create: true });
  const handlers = createHandlers(ws);
  const run = async (channel: string, input: unknown): Promise<Failure> => {
    const r = await dispatch(handlers, channel, input);
    if (r.ok) throw new Error(`${channel} succeeded`);
    return r;
  };
  return { dir, ws, handlers, run };
}

const TEMPLATES: Record<string, Record<string, unknown>> = {
  en: { common: enCommon, library: enLibrary },
  'zh-CN': { common: zhCommon, library: zhLibrary },
};

/** The raw translation of `key` (`ns:dotted.path`, `common` when unprefixed). */
function template(lang: string, key: string): string {
  const [ns, dotted] = key.includes(':') ? key.split(':') : ['common', key];
  return dotted!
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], TEMPLATES[lang]![ns!]) as string;
}

/**
 * The failure names a message that both languages translate, and gives every value their templates interpolate;
 * returns the Chinese text.
 */
function zh(r: Failure): string {
  expect(r.key, r.message).toBeDefined();
  for (const lang of ['en', 'zh-CN']) {
    const names = [...template(lang, r.key!).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
    expect(
      names.filter((n) => !Object.hasOwn(r.params ?? {}, n)),
      `${lang} ${r.key}`,
    ).toEqual([]);
  }
  return translate('zh-CN', r.key!, r.params)!;
}

describe('errors a user meets carry a translated message', () => {
  it('graph: node and edge not found, edge kind mismatch, duplicate edge, invalid props', async () => {
    const { ws, handlers, run } = setup();
    const add = async (kind: string, label: string) =>
      ((await dispatch(handlers, 'graph:add-node', { kind, label })) as { value: { id: string } }).value.id;
    const expert = await add('expert', '王芳');
    const item = await add('knowledge', '面料缩水率控制');

    const node = await run('graph:get-node', { id: 'nope' });
    expect(node).toMatchObject({ code: 'not_found', key: 'errors.nodeNotFound', params: { id: 'nope' } });
    expect(zh(node)).toBe('节点 nope 已不存在（可能已被删除）。');

    const edge = await run('graph:delete-edge', { id: 'gone' });
    expect(edge).toMatchObject({ code: 'not_found', key: 'errors.edgeNotFound', params: { id: 'gone' } });

    const mismatch = await run('graph:add-edge', { kind: 'part_of', source: expert, target: item });
    expect(mismatch).toMatchObject({
      code: 'edge_kind_mismatch',
      key: 'errors.edgeKindMismatch',
      params: { kind: 'part_of', source: 'expert', target: 'knowledge' },
    });
    expect(zh(mismatch)).toBe('“属于”连线不能从“专家”连到“知识条目”。');

    const self = await run('graph:add-edge', { kind: 'related', source: expert, target: expert });
    expect(self).toMatchObject({ code: 'edge_kind_mismatch', key: 'errors.selfLoop' });

    expect(
      (await dispatch(handlers, 'graph:add-edge', { kind: 'owns', source: expert, target: item })).ok,
    ).toBe(true);
    const duplicate = await run('graph:add-edge', { kind: 'owns', source: expert, target: item });
    expect(duplicate).toMatchObject({
      code: 'duplicate_edge',
      key: 'errors.duplicateEdge',
      params: { kind: 'owns', source: '王芳', target: '面料缩水率控制' },
    });
    expect(zh(duplicate)).toBe('“王芳”与“面料缩水率控制”之间已有“负责维护”连线。');

    const props = await run('graph:update-node', { id: expert, patch: { props: { attritionRisk: 9 } } });
    expect(props).toMatchObject({
      code: 'invalid_input',
      key: 'errors.invalidPropMax',
      params: { field: 'attritionRisk', max: 5 },
    });
    // The message says what is wrong: the bound, a whole number, a date that exists.
    expect(zh(props)).toBe('“流失风险（1–5）”的值不能大于 5。');
    const half = await run('graph:update-node', { id: item, patch: { props: { importance: 1.5 } } });
    expect(zh(half)).toBe('“重要度（1–3）”的值应为整数。');
    const feb30 = await run('graph:update-node', { id: item, patch: { props: { reviewDue: '2027-02-30' } } });
    expect(zh(feb30)).toBe('“复审日期”应为真实存在的日期，格式为 YYYY-MM-DD。');

    // Inside graph:apply the error keeps its message and gains the operation's index in its path.
    const applied = await run('graph:apply', { ops: [{ op: 'deleteNode', id: 'nope' }] });
    expect(applied).toMatchObject({
      path: ['ops', 0, 'id'],
      key: 'errors.nodeNotFound',
      params: { id: 'nope' },
    });

    // A refused plain value is named, in the English message and in the translation (issue 8's bad input).
    const proficiency = await run('experts:edit-areas', {
      expertId: expert,
      changes: [{ change: 'proficiency', targetId: expert, proficiency: 6 }],
    });
    expect(proficiency).toMatchObject({
      code: 'invalid_input',
      key: 'errors.invalidInputValue',
      params: { field: 'changes.0.proficiency', value: '6' },
    });
    expect(proficiency.message).toContain('(got 6)');
    expect(zh(proficiency)).toBe('“6”不是“changes.0.proficiency”的有效值。');
    const date = await run('graph:update-node', {
      id: expert,
      patch: { props: { expectedLeaving: '2027-02-30' } },
    });
    expect(date).toMatchObject({ key: 'errors.leavingDateMalformed', params: { value: '2027-02-30' } });
    const viaRisk = await run('experts:set-risk', {
      expertId: expert,
      patch: { expectedLeaving: 'next June' },
    });
    expect(viaRisk).toMatchObject({ key: 'errors.leavingDateMalformed', params: { value: 'next June' } });
    expect(zh(viaRisk)).toBe('离职日期“next June”不是有效日期：请按 YYYY-MM-DD 填写，例如 2027-06-30。');

    const schema = await run('graph:add-node', { kind: 'knowledge', label: '' });
    expect(schema).toMatchObject({
      code: 'invalid_input',
      key: 'errors.invalidInput',
      params: { field: 'label' },
    });
    ws.close();
  });

  it('library: the folder errors', async () => {
    const { dir, ws, run } = setup();
    const missing = path.join(dir, 'no-such-folder');
    const notFound = await run('library:add-folder', { path: missing });
    expect(notFound).toMatchObject({ key: 'library:errors.folderNotFound', params: { path: missing } });
    expect(zh(notFound)).toBe(`找不到文件夹：${missing}`);
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, 'x');
    expect(await run('library:add-folder', { path: file })).toMatchObject({
      key: 'library:errors.notAFolder',
      params: { path: file },
    });
    expect(await run('library:remove-folder', { id: 999 })).toMatchObject({
      key: 'library:errors.folderMissing',
    });
    ws.close();
  });

  it('workspace: not a workspace, too new, unknown history', async () => {
    const { dir, ws, run } = setup();
    const junk = path.join(dir, 'junk.wellspring');
    fs.writeFileSync(junk, 'not a database');
    const notWs = await run('workspace:open', { path: junk });
    expect(notWs).toMatchObject({
      code: 'not_a_workspace',
      key: 'errors.notAWorkspace',
      params: { file: junk },
    });
    expect(zh(notWs)).toContain('不是 Wellspring 工作区');

    const future = path.join(dir, 'future.wellspring');
    openWorkspaceDb(future, { create: true }).db.close();
    const db = new Database(future);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(LATEST_VERSION + 1, '9999-future', 'x');
    db.close();
    const tooNew = await run('workspace:open', { path: future });
    expect(tooNew).toMatchObject({
      code: 'workspace_too_new',
      key: 'errors.workspaceTooNew',
      params: { file: future, version: LATEST_VERSION + 1, known: LATEST_VERSION },
    });
    expect(zh(tooNew)).toContain(`结构版本 ${LATEST_VERSION + 1}`);

    const forked = path.join(dir, 'forked.wellspring');
    openWorkspaceDb(forked, { create: true }).db.close();
    const db2 = new Database(forked);
    db2.prepare("UPDATE schema_migrations SET name = '0002-someone-elses' WHERE version = 2").run();
    db2.close();
    expect(await run('workspace:open', { path: forked })).toMatchObject({
      code: 'unknown_history',
      key: 'errors.unknownHistory',
      params: { file: forked, version: 2, name: '0002-someone-elses' },
    });
    ws.close();
  });
});
