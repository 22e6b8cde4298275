import path from 'node:path';

// Locations the e2e tests, the benchmarks and the preflight check share. A module of its own without imports,
// so that the library benchmark's memory child and the preflight check can read it without loading Playwright
// (which would add to the RSS the memory child measures).

/** Debian's Chromium (apt-get install chromium), or CHROMIUM_PATH; tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The build folder: out/, or WELLSPRING_OUT_DIR (relative to the repository, or absolute) when it went elsewhere. */
export const BUILD_DIR = path.resolve(__dirname, '../..', process.env.WELLSPRING_OUT_DIR ?? 'out');
/** The built renderer, BUILD_DIR/renderer. */
export const RENDERER_DIR = path.join(BUILD_DIR, 'renderer');
