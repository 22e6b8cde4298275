import { afterAll, beforeAll } from 'vitest';
import { launchChromium, startApp } from './browser';

// The vitest side of the e2e helpers. Everything that starts a browser or the app lives in browser.ts, which
// the benchmarks import without vitest; it is re-exported here so the test files need one import.
export * from './browser';

/**
 * Registers beforeAll/afterAll hooks that start the app (fresh sample workspace) and Chromium for one test file,
 * and returns accessors to them (valid inside the tests, after beforeAll).
 */
export function useAppInChromium(): {
  readonly app: Awaited<ReturnType<typeof startApp>>;
  readonly chrome: Awaited<ReturnType<typeof launchChromium>>;
} {
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let chrome: Awaited<ReturnType<typeof launchChromium>> | undefined;
  beforeAll(async () => {
    app = await startApp();
    chrome = await launchChromium();
  });
  afterAll(async () => {
    await chrome?.close();
    await app?.stop();
  });
  return {
    get app() {
      return app!;
    },
    get chrome() {
      return chrome!;
    },
  };
}
