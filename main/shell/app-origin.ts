import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the app's own pages come from; everything else is foreign content. */
export interface AppOrigin {
  /** True when `url` is one of the app's own pages or assets. Never throws: an unparsable URL is foreign. */
  isAppUrl(url: string): boolean;
  /** The page the main window loads: the dev-server URL, or the absolute path of the built `index.html`. */
  readonly entry: { kind: 'url'; url: string } | { kind: 'file'; file: string };
}

/** Options of {@link createAppOrigin}. */
export interface AppOriginOptions {
  /** Absolute path of the built renderer folder (`out/renderer`). */
  rendererDir: string;
  /** electron-vite's dev-server URL (`ELECTRON_RENDERER_URL`); when set, only its origin is the app's. */
  devServerUrl?: string;
}

/**
 * The app's origin: `file://` URLs inside `rendererDir`, or, in development, the dev server's http origin
 * (scheme + host + port, compared exactly).
 * @throws TypeError when `devServerUrl` is given but is not an absolute http(s) URL
 */
export function createAppOrigin({ rendererDir, devServerUrl }: AppOriginOptions): AppOrigin {
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    if (!isHttpUrl(dev.href))
      throw new TypeError(`ELECTRON_RENDERER_URL must be http(s), got ${devServerUrl}`);
    return {
      entry: { kind: 'url', url: dev.href },
      isAppUrl: (url) => parse(url)?.origin === dev.origin,
    };
  }
  const root = path.resolve(rendererDir);
  return {
    entry: { kind: 'file', file: path.join(root, 'index.html') },
    isAppUrl: (url) => {
      const u = parse(url);
      if (u?.protocol !== 'file:') return false;
      // Compare resolved paths, not URL prefixes: `file:///app/out/renderer/../../etc/passwd` and
      // `file:///app/out/renderer-evil/` both start with the renderer URL but lie outside it.
      let file: string;
      try {
        file = fileURLToPath(u);
      } catch {
        return false; // e.g. a UNC host on POSIX
      }
      const rel = path.relative(root, file);
      return rel !== '' && rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel);
    },
  };
}

/** True for an absolute `http:` or `https:` URL — the only links handed to the system browser. */
export function isHttpUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && (u.protocol === 'http:' || u.protocol === 'https:');
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
