import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel, type InputOf } from '../../../../preload/contract';
import { createHandlers } from '../../../../main/core/api/handlers';
import { dispatch } from '../../../../main/core/api/dispatch';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { tempDir } from '../../helpers';

/** The experts channels through the real handlers and dispatch on the sample: outputs fit their schemas. */
describe('experts channels on the sample workspace', () => {
  it('answer what the output schemas say; bad input comes back as an envelope naming the value', async () => {
    const dir = tempDir();
    const ws = new WorkspaceService(dir, 'node', { watch: false, threads: 1 });
    ws.open(path.join(dir, 'sample.wellspring'), { create: true, sample: true });
    const handlers = createHandlers(ws, {
      saveFile: async () => null,
      openExternal: async () => undefined,
      pickFolder: async () => null,
    });
    async function ok<C extends Channel>(channel: C, input: InputOf<C>) {
      const r = await dispatch(handlers, channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.code} ${r.message}`);
      return CHANNELS[channel].output.parse(r.value) as never;
    }
    const risk: { id: string }[] = await ok('experts:risk', {});
    const top = risk[0]!.id;
    await ok('experts:directory', {});
    const profile: { areas: { id: string; proficiency: number }[] } = await ok('experts:profile', {
      id: top,
    });
    await ok('experts:heatmap', {});
    await ok('experts:simulate', { expertIds: [top, risk[1]!.id] });
    await ok('experts:locate', { query: '唛架' });
    const area = profile.areas[0]!;
    await ok('experts:edit-areas', {
      expertId: top,
      changes: [{ change: 'proficiency', targetId: area.id, proficiency: area.proficiency === 5 ? 4 : 5 }],
    });
    await ok('experts:set-risk', { expertId: top, patch: { positionRiskNote: 'checked' } });

    const missing = await dispatch(handlers, 'experts:simulate', { expertIds: ['nobody'] });
    expect(missing).toMatchObject({
      ok: false,
      code: 'not_found',
      key: 'errors.expertNotFound',
      params: { value: 'nobody' },
    });
    const past = await dispatch(handlers, 'experts:set-risk', {
      expertId: top,
      patch: { expectedLeaving: '2001-01-01' },
    });
    expect(past).toMatchObject({ ok: false, code: 'invalid_input', key: 'errors.leavingDateInPast' });
    ws.close();
  });
});
