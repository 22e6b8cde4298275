import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { fuzzFamily, idPools, type Answer, type FuzzOptions, type FuzzTarget } from './fuzz-api';

/** The fuzz harness catches what it is there to catch: targets that misbehave on purpose. */
let ws: WorkspaceService;
let dir = '';
let file = '';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-fuzz-harness-'));
  file = path.join(dir, 'w.wellspring');
  ws = new WorkspaceService(dir, 'node', { watch: false, threads: 1 });
  ws.open(file, { create: true });
});

afterAll(() => {
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

function run(call: FuzzTarget['call']) {
  const options: FuzzOptions = {
    target: { name: 'fake', call },
    ws,
    workspaceFile: file,
    dir,
    ids: idPools(ws),
    sizes: { hugeString: 2_000, deepNesting: 60 },
    seed: 7,
    callTimeoutMs: 200,
  };
  return fuzzFamily('history', 12, options);
}

const refusal = { ok: false, code: 'not_found', message: 'No such thing', path: [] };

describe('fuzz harness', () => {
  it('counts a refused payload that wrote to the workspace', async () => {
    const { stats, problems } = await run(async (): Promise<Answer> => {
      ws.store.addNode({ kind: 'category', label: 'written anyway' });
      return { envelope: refusal };
    });
    expect(stats.writesFromInvalid).toBe(12);
    expect(problems[0]).toMatchObject({ kind: 'write-from-invalid', family: 'history' });
  });

  it('counts malformed envelopes, untranslated keys, throws and hangs', async () => {
    let n = 0;
    const { stats } = await run(async (): Promise<Answer> => {
      switch (n++ % 4) {
        case 0:
          return { envelope: { ok: false, code: 'oops', message: 'x', path: [] } };
        case 1:
          return { envelope: { ...refusal, key: 'errors.noSuchKeyAnywhere' } };
        case 2:
          throw new Error('boom');
        default:
          return new Promise<Answer>(() => {});
      }
    });
    expect(stats).toMatchObject({ badEnvelopes: 3, untranslated: 3, crashes: 6, writesFromInvalid: 0 });
  });

  it('passes a target that answers well', async () => {
    const { stats, problems } = await run(async () => ({
      envelope: { ...refusal, key: 'errors.nodeNotFound' },
    }));
    expect(problems).toEqual([]);
    expect(stats.refusedByCode).toEqual({ not_found: 12 });
  });
});
