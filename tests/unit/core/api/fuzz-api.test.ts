import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import {
  channelFamilies,
  formatStats,
  fuzzFamily,
  idPools,
  quietSample,
  type FamilyStats,
  type FuzzOptions,
  type FuzzProblem,
} from './fuzz-api';
import { ipcTarget } from './fuzz-targets';

/**
 * The fuzzed API, short version (the soak, tests/soak/fuzz-api.soak.ts, sends 10,000 per family and target):
 * FUZZ_PER_FAMILY (default 50: with the HTTP test about 30 s on a loaded 2-core machine) payloads per channel family through the IPC dispatcher as main/shell/ipc.ts registers it, on the
 * sample workspace. 0 crashes, 0 writes from refused payloads, every answer a well-formed envelope whose message
 * key exists in both languages; accepted values parse with the channel's output schema. FUZZ_SEED repeats a run.
 */
const PER_FAMILY = Number(process.env.FUZZ_PER_FAMILY ?? 50);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

let ws: WorkspaceService;
let options: FuzzOptions;
let close = () => {};
let dir = '';
const rows: FamilyStats[] = [];
const problems: FuzzProblem[] = [];

beforeAll(async () => {
  // Not helpers.tempDir: that is removed after each test, and the workspace lives across the families' tests.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-fuzz-'));
  const file = path.join(dir, 'sample.wellspring');
  ws = new WorkspaceService(dir, 'node', { watch: false, threads: 1 });
  ws.open(file, { create: true, sample: true });
  await quietSample(ws);
  const target = ipcTarget(ws, dir);
  close = target.close;
  options = {
    target,
    ws,
    workspaceFile: file,
    dir,
    ids: idPools(ws),
    sizes: { hugeString: 200_000, deepNesting: 2_000 },
    seed: SEED,
  };
}, 120_000);

afterAll(() => {
  close();
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  console.log(`fuzz-api (IPC), seed ${SEED} (FUZZ_SEED=${SEED} repeats it)\n${formatStats('ipc', rows)}`);
});

describe('fuzzed API through the IPC dispatcher', () => {
  it('enumerates the families from the dispatcher table', () => {
    const families = channelFamilies();
    expect(families.get('graph')).toContain('graph:add-node');
    expect([...families.values()].flat().length).toBeGreaterThan(100);
  });

  for (const family of channelFamilies().keys()) {
    it(`${family}: no crash, no write from a refused payload, every answer an envelope`, async () => {
      const { stats, problems: found } = await fuzzFamily(family, PER_FAMILY, { ...options, seed: SEED });
      rows.push(stats);
      problems.push(...found);
      expect(stats.payloads).toBe(PER_FAMILY);
      expect(found.map((p) => `${p.kind} ${p.channel}: ${p.detail} ← ${p.payload}`)).toEqual([]);
      // The payloads reach the handlers, not only the schema: something was refused beyond invalid_input or accepted.
      expect(stats.accepted + Object.values(stats.refusedByCode).reduce((a, b) => a + b, 0)).toBe(PER_FAMILY);
    });
  }
});
