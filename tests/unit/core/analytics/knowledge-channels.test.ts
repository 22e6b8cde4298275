import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHANNELS,
  STRENGTH_CHANNELS,
  PROCESSES_CHANNELS,
  type Channel,
  type InputOf,
} from '../../../../preload/contract';
import { createHandlers } from '../../../../main/core/api/handlers';
import { dispatch } from '../../../../main/core/api/dispatch';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { DEFAULT_STRENGTH_SETTINGS } from '../../../../main/core/analytics/strength-settings';
import { tempDir } from '../../helpers';

/** The strength and processes channels through the real handlers and dispatch: outputs fit their schemas. */
describe('strength and processes channels on the sample workspace', () => {
  it('every channel answers what its output schema says; bad input comes back as an envelope naming the key', async () => {
    const dir = tempDir();
    const ws = new WorkspaceService(dir, 'node', { watch: false, threads: 1 });
    const events: string[] = [];
    ws.onEvent((event) => events.push(event));
    ws.open(path.join(dir, 'sample.wellspring'), { create: true, sample: true });
    const handlers = createHandlers(ws, {
      saveFile: async () => null,
      openExternal: async () => undefined,
      pickFolder: async () => null,
    });
    const called = new Set<string>();
    async function ok<C extends Channel>(channel: C, input: InputOf<C>) {
      const r = await dispatch(handlers, channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.code} ${r.message}`);
      called.add(channel);
      return CHANNELS[channel].output.parse(r.value) as never;
    }
    const sales = 'sample:pr-sales';
    await ok('strength:settings', {});
    await ok('strength:update-settings', { settings: DEFAULT_STRENGTH_SETTINGS });
    expect(events).toContain('strength:did-change');
    await ok('strength:items', {});
    await ok('strength:steps', { processId: sales });
    await ok('strength:gaps', {});
    await ok('processes:list', {});
    const created = (await ok('processes:create', { label: '新流程', steps: ['一', '二'] })) as {
      processId: string;
      stepIds: string[];
    };
    const pipeline = (await ok('processes:pipeline', { processId: sales })) as {
      steps: Array<{ id: string }>;
    };
    await ok('processes:step', { stepId: pipeline.steps[0]!.id });
    await ok('processes:edit', { processId: created.processId, edits: [{ op: 'addStep', label: '三' }] });
    const matrix = (await ok('processes:matrix', { processId: sales, rows: 'all' })) as {
      items: Array<{ id: string }>;
    };
    await ok('processes:set-cell', {
      stepId: created.stepIds[0]!,
      knowledgeId: matrix.items[0]!.id,
      cell: 'both',
    });
    await ok('processes:journey', { processId: sales });
    expect(
      [...Object.keys(STRENGTH_CHANNELS), ...Object.keys(PROCESSES_CHANNELS)].filter((c) => !called.has(c)),
    ).toEqual([]);

    const bad = {
      ...DEFAULT_STRENGTH_SETTINGS,
      weights: { ...DEFAULT_STRENGTH_SETTINGS.weights, holders: 150 },
    };
    const r = await dispatch(handlers, 'strength:update-settings', { settings: bad });
    expect(r.ok).toBe(false);
    // The contract's own input schema refuses it first, naming the field.
    expect(r).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(JSON.stringify(r)).toContain('holders');
    await ws.shutdown();
  });
});
