import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The tests' extraction processes: normal priority (the test workers keep both cores busy; extract-process-pool.ts) and
// the built child where `npm test` has built it (a child through tsx compiles on every start).
const builtChild = path.resolve(process.env.WELLSPRING_OUT_DIR ?? 'out', 'main', 'extract-child.js');
const extractEnv: Record<string, string> = {
  WELLSPRING_EXTRACT_NICE: '0',
  ...(fs.existsSync(builtChild) ? { WELLSPRING_EXTRACT_CHILD: builtChild } : {}),
};

// Four projects: unit (core on real better-sqlite3), shell (the built Electron main against a stand-in electron
// module), e2e (the built app in Debian's Chromium through browser mode) and bench-smoke (every benchmark once at
// a tiny size, so that they keep working; no speed is asserted). `npm test` runs all of them in three groups, one
// after the other (sequence.groupOrder): unit and shell together, then e2e (two files at a time), then bench-smoke,
// so that the timed benchmark smoke runs never compete with the e2e files for the cores.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          env: extractEnv,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'shell',
          include: ['tests/shell/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          env: extractEnv,
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // The UI answers through the API and server-sent events; on a loaded 2-core machine that can take seconds.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          // Two files at a time: a file's server and Chromium leave the second core mostly idle (all 33 files
          // passed both ways; 451 s against about 535 s one at a time on this machine).
          fileParallelism: true,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'bench-smoke',
          include: ['tests/bench/**/*.smoke.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          // Each file starts a benchmark process (the map's starts Chromium): one at a time.
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
