// Soak: 100 SIGKILLs at random moments during edits (40), imports (30) and document indexing (30), interleaved in a
// seeded order; after each the workspace is checked (tests/unit/core/db/crash-harness.ts). CRASH_SEED=<n> repeats a
// run; CRASH_KILLS=<n> scales the three counts to about n kills. Exit code 1 on the first failed check.
import fs from 'node:fs';
import { crashDir, crashSeed, runCrashRounds } from '../unit/core/db/crash-harness';

const KILLS = Number(process.env.CRASH_KILLS ?? 100);
const rounds = {
  edit: Math.round(KILLS * 0.4),
  import: Math.round(KILLS * 0.3),
  index: KILLS - Math.round(KILLS * 0.4) - Math.round(KILLS * 0.3),
};

async function main(): Promise<number> {
  const seed = crashSeed();
  console.log(
    `crash-safety: ${JSON.stringify(rounds)} kills, seed ${seed} (CRASH_SEED=${seed} repeats them)`,
  );
  const dir = crashDir();
  try {
    const s = await runCrashRounds(rounds, seed, dir, { log: (l) => console.log(`  ${l}`) });
    console.log(
      `kills ${JSON.stringify(s.kills)}; commits reported and found ${JSON.stringify(s.commits)}; ` +
        `search snapshots written ${s.snapshotsWritten}, restarts that used one ${s.roundsFromSnapshot}; ${s.seconds.toFixed(0)} s`,
    );
    console.log('crash-safety: ok');
    return 0;
  } catch (e) {
    console.log(`FAIL ${(e as Error).message}`);
    console.log('crash-safety: FAILED');
    return 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}

main().then((code) => process.exit(code));
