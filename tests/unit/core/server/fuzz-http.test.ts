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
} from '../api/fuzz-api';
import { httpTarget } from '../api/fuzz-targets';

/**
 * The fuzzed API through the browser-mode HTTP bridge, short version (the soak sends 10,000 per family): the same
 * generated payloads as the IPC test plus raw bodies that are not JSON, POSTed with the page's token and origin to
 * the real server on 127.0.0.1. FUZZ_PER_FAMILY and FUZZ_SEED as there.
 */
const PER_FAMILY = Number(process.env.FUZZ_PER_FAMILY ?? 50);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

let ws: WorkspaceService;
let options: FuzzOptions;
let close = async () => {};
let dir = '';
const rows: FamilyStats[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-fuzz-http-'));
  const file = path.join(dir, 'sample.wellspring');
  ws = new WorkspaceService(dir, 'browser', { watch: false, threads: 1 });
  ws.open(file, { create: true, sample: true });
  await quietSample(ws);
  const target = await httpTarget(ws, dir);
  close = target.close;
  options = {
    target,
    ws,
    workspaceFile: file,
    dir,
    ids: idPools(ws),
    sizes: { hugeString: 200_000, deepNesting: 2_000 },
    seed: SEED,
    withRaw: true,
  };
}, 120_000);

afterAll(async () => {
  await close();
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  console.log(`fuzz-api (HTTP), seed ${SEED} (FUZZ_SEED=${SEED} repeats it)\n${formatStats('http', rows)}`);
});

describe('fuzzed API through the browser-mode HTTP bridge', () => {
  for (const family of channelFamilies().keys()) {
    it(`${family}: no crash, no write from a refused payload, every answer an envelope`, async () => {
      const { stats, problems } = await fuzzFamily(family, PER_FAMILY, options);
      rows.push(stats);
      expect(problems.map((p) => `${p.kind} ${p.channel}: ${p.detail} ← ${p.payload}`)).toEqual([]);
      expect(stats.payloads).toBe(PER_FAMILY);
    });
  }
});
