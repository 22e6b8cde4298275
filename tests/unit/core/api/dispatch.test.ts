import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, CHANNEL_NAMES } from '../../../../preload/contract';
import { createHandlers } from '../../../../main/core/api/handlers';
import { dispatch } from '../../../../main/core/api/dispatch';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { tempDir } from '../../helpers';

function setup() {
  const dir = tempDir();
  const ws = new WorkspaceService(dir, 'node');
  ws.open(path.join(dir, 'w.wellspring'), { create: true });
  const events: string[] = [];
  ws.onEvent((e) => events.push(e));
  return { ws, handlers: createHandlers(ws), events };
}

describe('contract', () => {
  it('names every channel domain:verb and gives each a handler', () => {
    const { handlers, ws } = setup();
    for (const c of CHANNEL_NAMES) {
      expect(c).toMatch(/^[a-z]+:[a-z-]+$/);
      expect(typeof handlers[c]).toBe('function');
    }
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
    ws.close();
  });
});

describe('dispatch', () => {
  it('answers invalid input with an envelope naming the field, and writes nothing', async () => {
    const { handlers, ws, events } = setup();
    const r1 = await dispatch(handlers, 'graph:add-node', { kind: 'knowledge', label: '' });
    expect(r1).toMatchObject({ ok: false, code: 'invalid_input', path: ['label'] });
    const r2 = await dispatch(handlers, 'graph:add-node', { kind: 'robot', label: 'x' });
    expect(r2).toMatchObject({ ok: false, code: 'invalid_input', path: ['kind'] });
    const r3 = await dispatch(handlers, 'graph:add-node', { kind: 'expert', label: 'x', evil: 1 });
    expect(r3).toMatchObject({ ok: false, code: 'invalid_input' });
    const r4 = await dispatch(handlers, 'graph:add-node', {
      kind: 'expert',
      label: 'x',
      props: { attritionRisk: 0 },
    });
    expect(r4).toMatchObject({ ok: false, code: 'invalid_input', path: ['props', 'attritionRisk'] });
    const r5 = await dispatch(handlers, 'views:save-positions', {
      viewId: 'map',
      positions: [{ id: 'a', x: 'left', y: 0 }],
    });
    expect(r5).toMatchObject({ ok: false, code: 'invalid_input', path: ['positions', 0, 'x'] });
    const r5b = await dispatch(handlers, 'graph:apply', {
      ops: [{ op: 'addNode', node: { kind: 'unit', label: '门店' } }, { op: 'deleteNode' }],
    });
    expect(r5b).toMatchObject({ ok: false, code: 'invalid_input', path: ['ops', 1, 'id'] });
    const r6 = await dispatch(handlers, 'no:such-channel', {});
    expect(r6).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(ws.store.stats().nodeTotal).toBe(0);
    expect(events).toEqual([]);
    ws.close();
  });

  it('runs valid calls, validates outputs against the contract and emits change events', async () => {
    const { handlers, ws, events } = setup();
    const a = await dispatch(handlers, 'graph:add-node', {
      kind: 'step',
      label: '需求探讨',
      props: { order: 3 },
    });
    expect(a.ok).toBe(true);
    const node = CHANNELS['graph:add-node'].output.parse((a as { value: unknown }).value);
    const b = await dispatch(handlers, 'graph:add-node', {
      kind: 'expert',
      label: '周敏',
      props: { attritionRisk: 5 },
    });
    const expert = CHANNELS['graph:add-node'].output.parse((b as { value: unknown }).value);
    const e = await dispatch(handlers, 'graph:add-edge', {
      kind: 'consults',
      source: node.id,
      target: expert.id,
    });
    expect(e.ok).toBe(true);
    const bad = await dispatch(handlers, 'graph:add-edge', {
      kind: 'knows',
      source: node.id,
      target: expert.id,
    });
    expect(bad).toMatchObject({ ok: false, code: 'edge_kind_mismatch', path: ['kind'] });
    const g = await dispatch(handlers, 'graph:get', {});
    expect(CHANNELS['graph:get'].output.parse((g as { value: unknown }).value).edges).toHaveLength(1);
    const info = await dispatch(handlers, 'workspace:info', {});
    expect(CHANNELS['workspace:info'].output.parse((info as { value: unknown }).value)).toMatchObject({
      nodeCount: 2,
      edgeCount: 1,
    });
    const u = await dispatch(handlers, 'history:undo', {});
    expect(CHANNELS['history:undo'].output.parse((u as { value: unknown }).value)).toMatchObject({
      canUndo: true,
      canRedo: true,
    });
    expect(events.filter((x) => x === 'graph:did-change')).toHaveLength(4);
    expect(events).toContain('history:did-change');
    const ext = await dispatch(handlers, 'shell:open-external', { url: 'file:///etc/passwd' });
    expect(ext).toMatchObject({ ok: false, code: 'invalid_input', path: ['url'] });
    ws.close();
  });
});

describe('dispatch and keys set to undefined', () => {
  it('treats {name: undefined} as no name, as the HTTP bridge (JSON) does', async () => {
    const { handlers, ws } = setup();
    const created = await dispatch(handlers, 'views:create', { kind: 'saved', name: '门店视图' });
    expect(created.ok).toBe(true);
    const id = (created as { value: { id: string } }).value.id;
    // Found by the fuzzed API: structured clone (IPC) keeps the key; the patch spread wrote undefined into the row.
    const r = await dispatch(handlers, 'views:update', { id, patch: { name: undefined, order: undefined } });
    expect(r).toMatchObject({ ok: true, value: { id, name: '门店视图' } });
    const polluted = JSON.parse('{"id":"x","patch":{"__proto__":{"polluted":1},"name":"n"}}') as unknown;
    expect(await dispatch(handlers, 'views:update', polluted)).toMatchObject({ ok: false });
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    ws.close();
  });
});
