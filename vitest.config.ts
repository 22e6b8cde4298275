import { defineConfig } from 'vitest/config';

// Three projects: unit (core on real better-sqlite3), shell (the built Electron main against a stand-in electron
// module) and e2e (the built app in Debian's Chromium through browser mode). `npm test` runs all of them.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
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
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // The UI answers through the API and server-sent events; on a loaded 2-core machine that can take seconds.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
