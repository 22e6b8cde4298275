// Soak: the fuzzed API (issue 12) — FUZZ_PER_FAMILY (default 10,000) generated payloads per channel family through
// the IPC dispatcher (as main/shell/ipc.ts registers it) and through the browser-mode HTTP bridge, each on its own
// sample workspace; the checks are tests/unit/core/api/fuzz-api.ts's (0 crashes, 0 writes from refused payloads,
// every answer a well-formed envelope with its message key in both languages, accepted values matching the output
// schema). FUZZ_SEED=<n> repeats a run; FUZZ_TARGETS=ipc|http and FUZZ_FAMILIES=graph,library narrow it. Short
// versions in npm test: tests/unit/core/api/fuzz-api.test.ts and tests/unit/core/server/fuzz-http.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkspaceService } from '../../main/core/workspace/workspace-service';
import {
  channelFamilies,
  formatStats,
  fuzzFamily,
  idPools,
  quietSample,
  type FamilyStats,
  type FuzzProblem,
  type FuzzTarget,
} from '../unit/core/api/fuzz-api';
import { httpTarget, ipcTarget } from '../unit/core/api/fuzz-targets';

const PER_FAMILY = Number(process.env.FUZZ_PER_FAMILY ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const TARGETS = (process.env.FUZZ_TARGETS ?? 'ipc,http').split(',');
const FAMILIES = process.env.FUZZ_FAMILIES?.split(',') ?? [...channelFamilies().keys()];

let uncaught = 0;
process.on('uncaughtException', (e) => {
  uncaught++;
  console.error('fuzz-api: uncaught exception', e);
});
process.on('unhandledRejection', (e) => {
  uncaught++;
  console.error('fuzz-api: unhandled rejection', e);
});

async function runTarget(name: string): Promise<{ rows: FamilyStats[]; problems: FuzzProblem[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `wellspring-fuzz-soak-${name}-`));
  const file = path.join(dir, 'sample.wellspring');
  const ws = new WorkspaceService(dir, name === 'http' ? 'browser' : 'node', { watch: false, threads: 1 });
  ws.open(file, { create: true, sample: true });
  await quietSample(ws);
  const target: FuzzTarget & { close(): void | Promise<void> } =
    name === 'http' ? await httpTarget(ws, dir) : ipcTarget(ws, dir);
  const rows: FamilyStats[] = [];
  const problems: FuzzProblem[] = [];
  // Belt and braces beside fuzz-api.ts's anchorPaths: a relative path a payload carries lands in the scratch folder.
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    for (const family of FAMILIES) {
      const { stats, problems: found } = await fuzzFamily(family, PER_FAMILY, {
        target,
        ws,
        workspaceFile: file,
        dir,
        ids: idPools(ws),
        sizes: { hugeString: 1_000_000, deepNesting: 10_000 },
        seed: SEED,
        withRaw: name === 'http',
      });
      rows.push(stats);
      problems.push(...found);
      for (const p of found)
        console.log(`${name}: PROBLEM ${p.kind} ${p.channel}: ${p.detail} ← ${p.payload}`);
      console.log(formatStats(name, [stats]).split('\n')[1]);
    }
  } finally {
    process.chdir(cwd);
    await target.close();
    ws.close();
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
  return { rows, problems };
}

async function main(): Promise<number> {
  console.log(
    `fuzz-api: ${PER_FAMILY} payloads per family, targets ${TARGETS.join(', ')}, seed ${SEED} (FUZZ_SEED=${SEED} repeats it)`,
  );
  let failed = false;
  for (const name of TARGETS) {
    const t0 = Date.now();
    const { rows, problems } = await runTarget(name);
    console.log(`${formatStats(name, rows)}\n${name}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    const total = (k: keyof FamilyStats) => rows.reduce((a, r) => a + (r[k] as number), 0);
    console.log(
      `${name}: total payloads ${total('payloads')}, accepted ${total('accepted')}, crashes ${total('crashes')}, ` +
        `writes from invalid ${total('writesFromInvalid')}, bad envelopes ${total('badEnvelopes')}, ` +
        `untranslated ${total('untranslated')}, output mismatches ${total('outputMismatches')}`,
    );
    console.log(`${name}: ${problems.length} problems (listed under their families above)`);
    if (problems.length > 0) failed = true;
  }
  if (uncaught > 0) {
    console.log(`fuzz-api: ${uncaught} uncaught exceptions or unhandled rejections`);
    failed = true;
  }
  console.log(`fuzz-api: ${failed ? 'FAILED' : 'ok'}`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    console.log('fuzz-api: FAILED');
    process.exit(1);
  },
);
