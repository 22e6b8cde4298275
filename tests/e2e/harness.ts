import type { Page } from 'playwright-core';
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

/**
 * Calls a channel of the running app through its HTTP bridge from inside the page, with the page's token, as the
 * renderer's client does; resolves to the value, or rejects with the core's message when the call was refused.
 */
export async function callApi<T>(page: Page, channel: string, input: object): Promise<T> {
  return page.evaluate(
    async ([c, i]) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="wellspring-token"]')!.content;
      const res = await fetch(`/api/${c}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wellspring-token': token },
        body: JSON.stringify(i),
      });
      const r = (await res.json()) as { ok: boolean; value: unknown; message?: string };
      if (!r.ok) throw new Error(r.message);
      return r.value;
    },
    [channel, input] as const,
  ) as Promise<T>;
}
