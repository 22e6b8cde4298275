import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createFakeElectron,
  type FakeElectron,
  type FakeElectronOptions,
  type FakeWindow,
} from './fake-electron';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
/**
 * The built app (`npx electron-vite build`): out/main/index.js and its chunks, beside out/preload and out/renderer;
 * or WELLSPRING_OUT_DIR (relative to the repository, or absolute) when the build went there, as for tests/e2e.
 */
export const OUT_DIR = path.resolve(REPO, process.env.WELLSPRING_OUT_DIR ?? 'out');
export const MAIN_BUNDLE = path.join(OUT_DIR, 'main', 'index.js');
/** The URL of the app's own page when loaded from disk — what a trusted IPC sender frame shows. */
export const APP_URL = pathToFileURL(path.join(OUT_DIR, 'renderer', 'index.html')).href;

const nodeRequire = createRequire(import.meta.url);
const loader = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };

/** One booted copy of the built main process, running against its own fake Electron and temp folder. */
export interface LaunchedApp {
  fake: FakeElectron;
  /** The temp folder of this launch; `userData` lives inside it. */
  dir: string;
  /** The userData folder the shell was pointed at through WELLSPRING_USER_DATA. */
  userData: string;
  /** The first window the shell created (throws when it created none). */
  window(): FakeWindow;
  /** Calls a registered IPC handler the way Electron would, from a frame showing `senderUrl` (null: no frame). */
  invoke(channel: string, input: unknown, senderUrl?: string | null): Promise<unknown>;
  /** Closes windows and emits 'will-quit' (idempotent); does not remove `dir`. */
  quit(): void;
}

export interface LaunchOptions extends Partial<Pick<FakeElectronOptions, 'locale' | 'lock' | 'displays'>> {
  /** Reuse a folder from an earlier launch (a "next start" of the app); default: a new temp folder. */
  dir?: string;
  /** Extra environment for the load (e.g. ELECTRON_RENDERER_URL), removed again afterwards. */
  env?: Record<string, string>;
}

/**
 * Loads out/main/index.js with `require('electron')` answered by a fresh stand-in, then lets `app.whenReady()`
 * settle so the shell has booted. The bundle and its chunks are evicted from the require cache first, so every
 * launch runs the module top level again, as a new process would.
 * @throws when the bundle is missing (build first) or the shell called app.exit (its error box is in the message)
 */
export async function launch(options: LaunchOptions = {}): Promise<LaunchedApp> {
  assertFreshBundle();
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-shell-'));
  const userData = path.join(dir, 'user-data');
  const fake = createFakeElectron({
    userData: path.join(dir, 'electron-default-user-data'),
    documents: path.join(dir, 'documents'),
    locale: options.locale,
    lock: options.lock,
    displays: options.displays,
  });
  const env: Record<string, string> = { WELLSPRING_USER_DATA: userData, ...options.env };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const original = loader._load;
  loader._load = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'electron' ? fake.electron : original.call(this, request, ...rest);
  };
  Object.assign(process.env, env);
  try {
    const outMain = path.join(OUT_DIR, 'main') + path.sep;
    for (const key of Object.keys(nodeRequire.cache))
      if (key.startsWith(outMain)) delete nodeRequire.cache[key];
    nodeRequire(MAIN_BUNDLE);
  } finally {
    loader._load = original;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  await new Promise((resolve) => setImmediate(resolve)); // let whenReady().then(boot) run
  if (fake.record.exitCode !== null) {
    throw new Error(
      `the shell exited with ${fake.record.exitCode}: ${JSON.stringify(fake.record.errorBoxes)}`,
    );
  }
  let quitted = false;
  return {
    fake,
    dir,
    userData,
    window() {
      const w = fake.record.windows[0];
      if (!w) throw new Error('the shell created no window');
      return w;
    },
    invoke(channel, input, senderUrl = APP_URL) {
      const handler = fake.record.ipcHandlers.get(channel);
      if (!handler) throw new Error(`no IPC handler for ${channel}`);
      const senderFrame = senderUrl === null ? null : { url: senderUrl };
      return Promise.resolve(handler({ senderFrame, sender: fake.record.windows[0]?.webContents }, input));
    },
    quit() {
      if (quitted) return;
      quitted = true;
      for (const w of fake.record.windows) w.close();
      fake.app.emit('will-quit', { preventDefault() {} });
    },
  };
}

// The renderer's translation files too: main bundles them for its menus and dialogs (main/shell/menu-labels.ts).
const SOURCES = [
  'main/index.ts',
  'main/shell',
  'main/core',
  'preload',
  'resources/sample',
  'renderer/src/i18n/locales',
];

/**
 * Refuses to test a missing or stale bundle: a run against an old build would pass or fail for reasons that are
 * no longer in the source.
 * @throws Error naming the missing bundle or the first source file newer than it
 */
function assertFreshBundle(): void {
  if (!fs.existsSync(MAIN_BUNDLE))
    throw new Error(`${MAIN_BUNDLE} is missing: run \`npx electron-vite build\` first.`);
  const built = fs.statSync(MAIN_BUNDLE).mtimeMs;
  const root = REPO;
  const newer = (p: string): string | null => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) return null;
    if (!stat.isDirectory()) return /\.(ts|json)$/.test(p) && stat.mtimeMs > built ? p : null;
    for (const entry of fs.readdirSync(p)) {
      const found = newer(path.join(p, entry));
      if (found) return found;
    }
    return null;
  };
  for (const source of SOURCES) {
    const found = newer(path.join(root, source));
    if (found)
      throw new Error(
        `${path.relative(root, found)} is newer than out/main: run \`npx electron-vite build\`.`,
      );
  }
}
