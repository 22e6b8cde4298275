/**
 * Knowledge-map benchmark: time to the first painted frame of a whole map with stored positions, the app against
 * bare Cytoscape.js drawing the same elements. Run with `npm run bench:map` (builds first).
 *
 * Workspaces: 1k, 10k and 50k nodes with about two edges per node and x/y on every node (synthetic-workspace.ts),
 * created with the real core. All sizes are measured in one headless Chromium (fresh profile, the e2e flags from
 * tests/e2e/browser.ts, viewport 1440×900), each run in a fresh page; every time is `performance.now()` inside
 * the page, that is ms since that page's navigation started.
 *
 * - app: the built renderer through browser mode (startBrowserMode on the workspace, a temporary data folder).
 *   An init script wraps `window.__wellspring.lastPaint` so that the moment MapView stores the engine's `painted`
 *   event (the first Cytoscape `render` after `setGraph`) is stamped with `performance.now()`; the run ends at the
 *   first such paint showing all nodes.
 * - bare: a minimal page served from 127.0.0.1 by this script that loads `cytoscape.min.js`, fetches the same
 *   elements as JSON and creates Cytoscape with them (preset layout, fit with the app's 40 px padding) in a
 *   container of the app's map-canvas size; the time is taken at its first `render` event. Style: the basics the
 *   app shares (its node sizes per kind, labels under nodes with its minimum zoomed font size, straight edges with
 *   triangle arrows), in one colour.
 * - bare + app style: the same page with the app's whole stylesheet, a diagnostic that separates what the
 *   stylesheet costs from what the rest of the app costs.
 * The canvas size, the node sizes and the app's stylesheet (`cy.style().json()`) are read from the app's page in
 * the warm-up, so the baseline follows the app when its layout or style change.
 *
 * One warm-up round before the first size (the browser's first pages, Node's JIT, the fonts); every size then gets
 * `MAP_BENCH_RUNS` (default 3) measured rounds, each running every variant once, starting with a different one
 * each round. No run profits from an earlier one: every page is fresh and every response `no-store`, so neither
 * the HTTP cache nor the script code cache is used. Reported: medians, the app/bare ratio of the medians (goal
 * ≤ 1.1), the median of the per-round app/bare ratios (steadier when the machine's load changes) and, as
 * medians too, where the time goes: scripts run (DOMContentLoaded), until the graph request starts (boot), the
 * request (api), from response to drawing (JSON and hand-off to the engine) and the drawing itself (draw, ending
 * at the first render).
 * Results go to test-results/bench/map.json (or MAP_BENCH_RESULTS). The exit code is 0 whether the goal is met
 * or not; 1 when a run failed (no page painted every node, a page error, a timeout). Other work on
 * the machine inflates and scatters the times (software rendering is CPU-bound): the load average is printed and
 * recorded, with a warning when it is high.
 *
 * Frames (issue 12): at MAP_BENCH_FRAME_SIZE nodes (default 50,000) the app and bare Cytoscape, each with the
 * canvas and, where the browser offers WebGL2, the WebGL renderer, get MAP_BENCH_FRAME_STEPS (20) mouse-wheel
 * notches and as many 20 px pan steps (a drag on the background; cy.panBy where none is free); each frame is timed
 * from its input event to Cytoscape's `render` event; medians and p95 are printed (goal: app median ≤ 100 ms).
 * Sizes from 20,000 nodes get MAP_BENCH_LARGE_RUNS (1) rounds. MAP_BENCH_FRAME_WEBGL=0 skips the WebGL variants.
 *
 * Environment: MAP_BENCH_SIZES (comma-separated node counts), MAP_BENCH_RUNS, MAP_BENCH_RESULTS (a JSON file
 * path) and MAP_BENCH_RUN_TIMEOUT_S (how long one page may take to paint, default 120) override the defaults; WELLSPRING_OUT_DIR names the build to measure (as for the e2e tests). The smoke
 * test (map-bench.smoke.test.ts) runs this file the way `npm run bench:map` does, at a tiny size.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { startBrowserMode } from '../../main/core/host/start-browser-mode';
import { WORKSPACE_EXT } from '../../main/core/workspace/paths';
import { RENDERER_DIR, launchChromium } from '../e2e/browser';
import { createSyntheticWorkspace, toCytoscapeElements } from './synthetic-workspace';

const SIZES = (process.env.MAP_BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const RUNS = Number(process.env.MAP_BENCH_RUNS ?? 3);
/** Sizes from LARGE nodes up get MAP_BENCH_LARGE_RUNS rounds (a 50k page takes a minute to paint here). */
const LARGE = 20_000;
const LARGE_RUNS = Number(process.env.MAP_BENCH_LARGE_RUNS ?? 1);
/** The size whose zoom and pan frames are timed (when it is among the sizes), and the steps of each. */
const FRAME_SIZE = Number(process.env.MAP_BENCH_FRAME_SIZE ?? 50_000);
const FRAME_STEPS = Number(process.env.MAP_BENCH_FRAME_STEPS ?? 20);
const FRAME_GOAL_MS = 100;
/** MAP_BENCH_FRAME_WEBGL=0 leaves the WebGL variants out (the smoke run: a WebGL page may never paint here). */
const FRAME_WEBGL = process.env.MAP_BENCH_FRAME_WEBGL !== '0';
const GOAL = 1.1;
const RUN_TIMEOUT_MS = Number(process.env.MAP_BENCH_RUN_TIMEOUT_S ?? 120) * 1000;
const RESULTS = path.resolve(
  process.env.MAP_BENCH_RESULTS ?? path.join(__dirname, '../../test-results/bench/map.json'),
);
const CYTOSCAPE_JS = path.resolve(__dirname, '../../node_modules/cytoscape/dist/cytoscape.min.js');

export type Variant = 'app' | 'bare' | 'bareAppStyle';
const VARIANTS: readonly Variant[] = ['app', 'bare', 'bareAppStyle'];
const VARIANT_TITLE: Record<Variant, string> = {
  app: 'app',
  bare: 'bare Cytoscape',
  bareAppStyle: 'bare + app style',
};

/** One measured page load; every time in ms since navigation start. */
export interface Run {
  firstPaint: number;
  /** Request for the graph started (app: `graph:map`; bare: the elements JSON). */
  requestStart: number;
  requestEnd: number;
  /** The elements were handed to Cytoscape (app: `setGraph`; bare: the `cytoscape()` call). */
  drawStart: number;
  domContentLoaded: number;
  graphBytes: number;
  nodes: number;
  edges: number;
}

/**
 * Where the time goes, from the stamps of one run. `domReady` (DOMContentLoaded: the page's scripts have run) is
 * a point inside `boot`, not a phase of its own: the app evaluates its bundle and only then starts React, which
 * requests the graph; the baseline requests its elements while its scripts still run.
 */
function phases(r: Run): Record<'domReady' | 'boot' | 'api' | 'handoff' | 'draw', number> {
  return {
    domReady: r.domContentLoaded,
    boot: r.requestStart,
    api: r.requestEnd - r.requestStart,
    handoff: r.drawStart - r.requestEnd,
    draw: r.firstPaint - r.drawStart,
  };
}

/** What the page scripts below leave in the page: one record per paint. */
interface PagePaint {
  at: number;
  nodes: number;
  edges: number;
  /** ms from handing the elements to Cytoscape to this paint. */
  ms: number;
}

/**
 * Init script for the app's pages: stamps every `lastPaint` that MapView stores with `performance.now()`.
 * Plain JavaScript, injected before the page's own scripts (the app's CSP does not apply to init scripts).
 *
 * The other page-side code below is written as single anonymous arrow functions: the app's CSP forbids `eval`,
 * which Playwright needs for string expressions, and this file's transpiler would wrap named inner functions in a
 * helper that does not exist in the page.
 */
const APP_PAINT_HOOK = `(() => {
  const paints = [];
  window.__benchPaints = paints;
  let current;
  Object.defineProperty(window, '__wellspring', {
    configurable: true,
    get() { return current; },
    set(value) {
      if (value && typeof value === 'object') {
        let last = value.lastPaint;
        Object.defineProperty(value, 'lastPaint', {
          configurable: true,
          enumerable: true,
          get() { return last; },
          set(p) {
            last = p;
            if (p) paints.push({ at: performance.now(), nodes: p.nodes, edges: p.edges, ms: p.ms });
          },
        });
      }
      current = value;
    },
  });
})();`;

/** The page's globals and APIs the page-side functions use, typed here (they run in the page). */
interface PageScope {
  __benchPaints?: PagePaint[];
  __wellspring?: { engine: { cy: { style(): { json(): unknown } } } | null };
  performance: {
    getEntriesByType(type: 'navigation'): Array<{ domContentLoadedEventEnd: number }>;
    getEntriesByType(type: 'resource'): Array<{
      name: string;
      startTime: number;
      responseEnd: number;
      encodedBodySize: number;
    }>;
  };
}

/** True once a paint showing `nodes` nodes was recorded (page side). */
const paintedAll = (nodes: number) =>
  ((globalThis as unknown as PageScope).__benchPaints ?? []).some((p) => p.nodes === nodes);

/** The paints and the timing entries of a finished run (page side). */
const readTimings = () => ({
  paints: (globalThis as unknown as PageScope).__benchPaints ?? [],
  domContentLoaded:
    (globalThis as unknown as PageScope).performance.getEntriesByType('navigation')[0]
      ?.domContentLoadedEventEnd ?? 0,
  resources: (globalThis as unknown as PageScope).performance
    .getEntriesByType('resource')
    .map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd, bytes: e.encodedBodySize })),
});

/** The app's live stylesheet (page side). */
const readAppStyle = () =>
  ((globalThis as unknown as PageScope).__wellspring?.engine?.cy.style().json() ?? []) as StyleRule[];

/** A Cytoscape style rule as JSON. */
interface StyleRule {
  selector: string;
  style: Record<string, unknown>;
}

/** What the baseline takes from the app's page: the map canvas size and the stylesheet in use. */
interface AppPage {
  canvas: { width: number; height: number };
  style: StyleRule[];
}

/**
 * The basic style: labels under the nodes (hidden below the app's minimum zoomed font size, as in the app),
 * the app's node size per kind, straight edges with triangle arrows, all in one colour.
 */
function basicStyle(app: StyleRule[]): StyleRule[] {
  const sizes = app.flatMap((rule) => {
    const kind = /^node\[kind = "?(\w+)"?\]$/.exec(rule.selector);
    return kind && rule.style.width !== undefined
      ? [{ selector: rule.selector, style: { width: rule.style.width, height: rule.style.height } }]
      : [];
  });
  if (sizes.length === 0) throw new Error('No per-kind node sizes in the app stylesheet');
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'background-color': '#3b82f6',
        'font-size': 11,
        'text-valign': 'bottom',
        'min-zoomed-font-size': 7,
      },
    },
    ...sizes,
    {
      selector: 'edge',
      style: {
        width: 1.2,
        'line-color': '#cbd5e1',
        'target-arrow-color': '#cbd5e1',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'straight',
      },
    },
  ];
}

/** The baseline page: bare Cytoscape, the elements fetched as JSON, time stamped at the first `render`. */
function barePage(
  size: number,
  style: unknown,
  box: { width: number; height: number },
  webgl = false,
): string {
  return `<!doctype html>
<html>
  <head>
    <meta charset="utf-8" />
    <title>bare Cytoscape ${size}</title>
    <style>
      html, body { margin: 0; height: 100%; background: #f8fafc; }
      #cy { position: absolute; left: 0; top: 0; width: ${box.width}px; height: ${box.height}px; }
    </style>
  </head>
  <body>
    <div id="cy"></div>
    <script src="/cytoscape.min.js"></script>
    <script>
      window.__benchPaints = [];
      fetch('/elements/${size}.json').then((r) => r.json()).then((elements) => {
        const start = performance.now();
        const cy = cytoscape({
          container: document.getElementById('cy'),
          elements,
          style: ${JSON.stringify(style)},
          layout: { name: 'preset', fit: true, padding: 40 },
          minZoom: 0.02,
          maxZoom: 4,
          renderer: { name: 'canvas', webgl: ${webgl} },
        });
        window.__cy = cy;
        cy.one('render', () => {
          const at = performance.now();
          window.__benchPaints.push({ at, nodes: cy.nodes().length, edges: cy.edges().length, ms: at - start });
        });
      });
    </script>
  </body>
</html>`;
}

/** Serves the baseline pages, cytoscape.min.js and the elements of every size on 127.0.0.1 (no caching). */
async function startBareServer(
  elements: Map<number, string>,
  appPage: () => AppPage | null,
): Promise<{ url: string; close: () => Promise<void> }> {
  const cytoscapeJs = fs.readFileSync(CYTOSCAPE_JS);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (type: string, body: string | Buffer) =>
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    const elementsMatch = /^\/elements\/(\d+)\.json$/.exec(url.pathname);
    if (url.pathname === '/cytoscape.min.js') return send('text/javascript; charset=utf-8', cytoscapeJs);
    if (elementsMatch && elements.has(Number(elementsMatch[1]))) {
      return send('application/json', elements.get(Number(elementsMatch[1]))!);
    }
    const app = appPage();
    if (url.pathname === '/bare' && app) {
      const size = Number(url.searchParams.get('size'));
      const style = url.searchParams.get('style') === 'app' ? app.style : basicStyle(app.style);
      const webgl = url.searchParams.get('webgl') === '1';
      return send('text/html; charset=utf-8', barePage(size, style, app.canvas, webgl));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Loads `url` in a fresh page and waits for the first paint showing `size` nodes; returns the run's stamps. */
async function measure(
  context: BrowserContext,
  url: string,
  size: number,
  variant: Variant,
  onAppPage?: (app: AppPage) => void,
): Promise<Run> {
  const page = await context.newPage();
  // A page error ends the run at once: a page that threw seldom paints, and waiting out the timeout hides why.
  const errors: string[] = [];
  const pageError = new Promise<never>((_, reject) =>
    page.on('pageerror', (e) => {
      errors.push(e.message);
      reject(new Error(`${variant} page error: ${e.message}`));
    }),
  );
  pageError.catch(() => undefined);
  try {
    if (variant === 'app') {
      await page.addInitScript(APP_PAINT_HOOK);
      // The app's own renderer choice (renderer-choice.ts), not one a frame test left in this profile.
      await page.addInitScript("localStorage.removeItem('wellspring.webgl')");
    }
    await page.goto(url, { waitUntil: 'commit' });
    await Promise.race([
      page.waitForFunction(paintedAll, size, { timeout: RUN_TIMEOUT_MS, polling: 200 }),
      pageError,
    ]);
    if (errors.length) throw new Error(`${variant} page error: ${errors.join('; ')}`);
    const t = await page.evaluate(readTimings);
    if (onAppPage) {
      const box = await page.getByTestId('map-canvas').boundingBox();
      if (!box) throw new Error('The map canvas is not on screen');
      const canvas = { width: Math.round(box.width), height: Math.round(box.height) };
      onAppPage({ canvas, style: await page.evaluate(readAppStyle) });
    }
    const paint = t.paints.find((p) => p.nodes === size)!;
    const wanted = variant === 'app' ? '/api/graph:map' : `/elements/${size}.json`;
    const request = t.resources.find((r) => new URL(r.name).pathname === wanted);
    if (!request) throw new Error(`${variant}: no timing entry for ${wanted}`);
    return {
      firstPaint: paint.at,
      requestStart: request.start,
      requestEnd: request.end,
      drawStart: paint.at - paint.ms,
      domContentLoaded: t.domContentLoaded,
      graphBytes: request.bytes,
      nodes: paint.nodes,
      edges: paint.edges,
    };
  } finally {
    await page.close();
  }
}

/** Where a frame test ran: the app or bare Cytoscape, each with the canvas or the WebGL renderer. */
export type FrameVariant = 'app' | 'bare' | 'appWebgl' | 'bareWebgl';
const FRAME_TITLE: Record<FrameVariant, string> = {
  app: 'app (canvas)',
  bare: 'bare Cytoscape (canvas)',
  appWebgl: 'app (WebGL)',
  bareWebgl: 'bare Cytoscape (WebGL)',
};

/** Frame times of one variant (ms from the input event to the end of the frame it caused). */
export interface FrameRun {
  zoom: number[];
  pan: number[];
  /** How the pan was driven: a mouse drag on the background, or cy.panBy where no free spot was found. */
  panBy: 'drag' | 'panBy';
}

interface FrameProbe {
  pending: number | null;
  frames: number[];
}

/** What the browser offers for WebGL2 (page side): none, or its renderer string. */
const readWebgl = () => {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return '';
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
};

/**
 * Installs the frame probe (page side): an input event (wheel, mouse move, or `__frameMark()` before a
 * programmatic move) stamps the time, the next Cytoscape `render` (emitted when the frame is drawn) ends it.
 */
const installFrameProbe = () => {
  const w = globalThis as unknown as {
    __wellspring?: { engine: { cy: CyLike } | null };
    __cy?: CyLike;
    __frameProbe?: FrameProbe;
    __frameMark?: () => void;
    addEventListener(type: string, fn: () => void, options: object): void;
  };
  const cy = (w.__wellspring?.engine?.cy ?? w.__cy)!;
  const probe: FrameProbe = { pending: null, frames: [] };
  w.__frameProbe = probe;
  const stamp = () => {
    if (probe.pending === null) probe.pending = performance.now();
  };
  w.__frameMark = stamp;
  w.addEventListener('wheel', stamp, { capture: true, passive: true });
  w.addEventListener('mousemove', stamp, { capture: true, passive: true });
  cy.on('render', () => {
    if (probe.pending === null) return;
    probe.frames.push(performance.now() - probe.pending);
    probe.pending = null;
  });
};

/** The part of a Cytoscape core the page-side functions use. */
interface CyLike {
  on(event: string, fn: () => void): void;
  container(): { getBoundingClientRect(): { left: number; top: number; width: number; height: number } };
  nodes(): { map<T>(fn: (n: { renderedPosition(): { x: number; y: number } }) => T): T[] };
  panBy(d: { x: number; y: number }): void;
}

/** True once more than `n` frames were recorded (page side). */
const framesPast = (n: number) =>
  (globalThis as unknown as { __frameProbe: FrameProbe }).__frameProbe.frames.length > n;
/** Frames recorded so far (page side). */
const frameCount = () => (globalThis as unknown as { __frameProbe: FrameProbe }).__frameProbe.frames.length;
const readFrames = () => (globalThis as unknown as { __frameProbe: FrameProbe }).__frameProbe.frames;
const clearPending = () =>
  void ((globalThis as unknown as { __frameProbe: FrameProbe }).__frameProbe.pending = null);

/** The canvas centre and a background spot at least 30 px from every node near the centre (page side). */
const findSpots = () => {
  const w = globalThis as unknown as { __wellspring?: { engine: { cy: CyLike } | null }; __cy?: CyLike };
  const cy = (w.__wellspring?.engine?.cy ?? w.__cy)!;
  const box = cy.container().getBoundingClientRect();
  const centre = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  const pts = cy.nodes().map((n) => n.renderedPosition());
  for (let gy = 0.35; gy <= 0.65; gy += 0.025)
    for (let gx = 0.3; gx <= 0.6; gx += 0.025) {
      const x = box.width * gx;
      const y = box.height * gy;
      if (pts.every((p) => Math.abs(p.x - x) > 30 || Math.abs(p.y - y) > 30))
        return { centre, free: { x: box.left + x, y: box.top + y } };
    }
  return { centre, free: null };
};

/** A programmatic pan step (page side), stamped as an input. */
const panStep = (dx: number) => {
  const w = globalThis as unknown as {
    __wellspring?: { engine: { cy: CyLike } | null };
    __cy?: CyLike;
    __frameMark(): void;
  };
  w.__frameMark();
  (w.__wellspring?.engine?.cy ?? w.__cy)!.panBy({ x: dx, y: 0 });
};

/**
 * Times zoom and pan frames on a painted map: FRAME_STEPS mouse-wheel notches towards the centre (zooming in,
 * as a user scrolls), then a drag of FRAME_STEPS × 20 px on the background (or cy.panBy steps where no free spot
 * is found). Each step waits for the frame it caused (up to 30 s), so a slow frame delays the next input as it
 * would for a user.
 */
async function measureFrames(
  context: BrowserContext,
  url: string,
  size: number,
  variant: FrameVariant,
): Promise<FrameRun> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    // tsx names the probe's inner functions through a `__name` helper the page lacks: an identity stands in.
    await page.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
    if (variant === 'app' || variant === 'appWebgl') await page.addInitScript(APP_PAINT_HOOK);
    // The app's renderer follows the toolbar's remembered choice (renderer-choice.ts otherwise).
    if (variant === 'appWebgl') await page.addInitScript("localStorage.setItem('wellspring.webgl', '1')");
    if (variant === 'app') await page.addInitScript("localStorage.setItem('wellspring.webgl', '0')");
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(paintedAll, size, { timeout: RUN_TIMEOUT_MS, polling: 200 });
    // Let the first frame's follow-ups (labels, legend, fit) settle.
    await pause(1500);
    await page.evaluate(installFrameProbe);
    const spots = await page.evaluate(findSpots);
    const step = async (act: () => Promise<void>, out: number[], timeout = 30_000) => {
      const before = await page.evaluate(frameCount);
      await act();
      try {
        await page.waitForFunction(framesPast, before, { timeout, polling: 'raf' });
        out.push((await page.evaluate(readFrames))[before]!);
      } catch {
        // No frame for this input (Cytoscape drew nothing new): nothing to time.
        await page.evaluate(clearPending);
      }
    };
    const zoom: number[] = [];
    await page.mouse.move(spots.centre.x, spots.centre.y);
    // A frame the pointer's arrival may cause (hover) is let through untimed; a still map draws none, so this
    // waits 2 s at most (it waited the full 30 s per variant before: 60 of the smoke run’s 85 s).
    await step(async () => undefined, [], 2000);
    for (let i = 0; i < FRAME_STEPS; i++) await step(() => page.mouse.wheel(0, -100), zoom);
    await pause(500);
    const free = (await page.evaluate(findSpots)).free;
    const pan: number[] = [];
    if (free) {
      await page.mouse.move(free.x, free.y);
      await page.mouse.down();
      for (let i = 1; i <= FRAME_STEPS; i++) await step(() => page.mouse.move(free.x + i * 20, free.y), pan);
      await page.mouse.up();
    } else {
      for (let i = 0; i < FRAME_STEPS; i++) await step(() => page.evaluate(panStep, 20), pan);
    }
    if (errors.length) throw new Error(`${variant} page error: ${errors.join('; ')}`);
    return { zoom, pan, panBy: free ? 'drag' : 'panBy' };
  } finally {
    await page.close();
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** The frame test's results (in the result file's `frames`). */
export interface FrameResults {
  nodes: number;
  edges: number;
  steps: number;
  /** WebGL2 renderer string the browser offered ('' for none: the WebGL variants are left out). */
  webgl: string;
  /** Median and p95 per variant and gesture (ms); the goal reads the app's canvas medians. */
  summary: Partial<
    Record<FrameVariant, { zoom: { median: number; p95: number }; pan: { median: number; p95: number } }>
  >;
  goal: { maxMedianMs: number; met: boolean };
  runs: Partial<Record<FrameVariant, FrameRun>>;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One size's results, as written to the result file. */
export interface SizeResult {
  nodes: number;
  edges: number;
  /** Size of the graph response on the wire (bytes): the app's `graph:map`, the baseline's elements JSON. */
  graphBytes: Record<'app' | 'bare', number>;
  /** Median first paint per variant (ms from navigation start). */
  firstPaintMs: Record<Variant, number>;
  /** Fastest run per variant, for comparison on a busy machine. */
  bestFirstPaintMs: Record<Variant, number>;
  /** Median app / median bare: the goal's measure. */
  ratio: number;
  /** Median over rounds of app / bare within the round (runs close in time share the machine's load). */
  pairedRatio: number;
  ratioToAppStyle: number;
  goalMet: boolean;
  phasesMs: Record<Variant, ReturnType<typeof phases>>;
  runs: Record<Variant, Run[]>;
}

/** The result file (test-results/bench/map.json or MAP_BENCH_RESULTS). */
export interface MapBenchResults {
  benchmark: 'map-first-paint';
  /** ISO 8601. */
  date: string;
  goal: { maxRatio: number; met: boolean };
  environment: Record<string, unknown>;
  runsPerVariant: number;
  durationSeconds: number;
  sizes: SizeResult[];
  /** The zoom and pan frame test at MAP_BENCH_FRAME_SIZE nodes, when that size was measured. */
  frames?: FrameResults;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
    )
    .join('\n');
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run bench:map` (it builds first).');
  }
  const started = Date.now();
  const loadBefore = os.loadavg().map(round1);
  const busy = loadBefore[0]! > os.cpus().length / 2;
  console.log(
    `Load average ${loadBefore.join(' ')} on ${os.cpus().length} CPUs` +
      (busy ? ' — the machine is busy; expect slow, scattered times' : ''),
  );
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-bench-'));
  const elements = new Map<number, string>();
  const seen: { app: AppPage | null } = { app: null };
  const bare = await startBareServer(elements, () => seen.app);
  const chrome = await launchChromium();
  const results: SizeResult[] = [];
  let userAgent = '';
  let frames: FrameResults | undefined;
  try {
    for (const [index, size] of SIZES.entries()) {
      const t0 = Date.now();
      const file = path.join(tmp, `map-${size}${WORKSPACE_EXT}`);
      const graph = createSyntheticWorkspace(file, size);
      elements.set(size, JSON.stringify(toCytoscapeElements(graph)));
      const dataDir = path.join(tmp, `data-${size}`);
      const { server, workspace } = await startBrowserMode({
        rendererDir: RENDERER_DIR,
        workspace: file,
        dataDir,
      });
      console.log(
        `\n${size} nodes, ${graph.edges.length} edges (workspace written in ${Date.now() - t0} ms); ` +
          `${index === 0 ? '1 warm-up + ' : ''}${size >= LARGE ? LARGE_RUNS : RUNS} run(s) of each variant`,
      );
      const runs: Record<Variant, Run[]> = { app: [], bare: [], bareAppStyle: [] };
      try {
        const runsHere = size >= LARGE ? LARGE_RUNS : RUNS;
        for (let round = index === 0 ? 0 : 1; round <= runsHere; round++) {
          // Rotate the order every round so no variant always runs right after another.
          const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]!);
          const line: string[] = [];
          for (const variant of order) {
            const url =
              variant === 'app'
                ? server.url
                : `${bare.url}bare?size=${size}&style=${variant === 'bare' ? 'basic' : 'app'}`;
            const run = await measure(
              chrome.context,
              url,
              size,
              variant,
              variant === 'app' ? (app) => (seen.app ??= app) : undefined,
            );
            if (run.nodes !== size) throw new Error(`${variant} painted ${run.nodes} nodes, not ${size}`);
            if (round > 0) runs[variant].push(run);
            line.push(`${VARIANT_TITLE[variant]} ${Math.round(run.firstPaint)}`);
            await pause(300);
          }
          console.log(`  ${round === 0 ? 'warm-up' : `run ${round}  `}  ${line.join(' · ')} ms`);
        }
        if (size === FRAME_SIZE) {
          const blank = await chrome.context.newPage();
          const webgl = (await blank.evaluate(readWebgl)) as string;
          await blank.close();
          console.log(
            `  frames: ${FRAME_STEPS} wheel notches and ${FRAME_STEPS} pan steps; WebGL2: ${webgl || 'none'}`,
          );
          const variants: FrameVariant[] =
            webgl && FRAME_WEBGL ? ['app', 'bare', 'appWebgl', 'bareWebgl'] : ['app', 'bare'];
          const runs: Partial<Record<FrameVariant, FrameRun>> = {};
          for (const v of variants) {
            const url = v.startsWith('app')
              ? server.url
              : `${bare.url}bare?size=${size}&style=basic${v === 'bareWebgl' ? '&webgl=1' : ''}`;
            let r: FrameRun;
            try {
              r = await measureFrames(chrome.context, url, size, v);
            } catch (e) {
              // The WebGL variants are diagnostics: a page that never paints under software GL is reported.
              if (v === 'app' || v === 'bare') throw e;
              console.log(`  ${FRAME_TITLE[v]}: failed (${(e as Error).message.split('\n')[0]})`);
              continue;
            }
            runs[v] = r;
            console.log(
              `  ${FRAME_TITLE[v]}: zoom median ${round1(median(r.zoom))} ms, pan median ${round1(median(r.pan))} ms` +
                ` (${r.zoom.length}/${r.pan.length} frames, pan by ${r.panBy})`,
            );
          }
          const summary = Object.fromEntries(
            Object.entries(runs).map(([v, r]) => [
              v,
              {
                zoom: { median: round1(median(r.zoom)), p95: round1(percentile(r.zoom, 95)) },
                pan: { median: round1(median(r.pan)), p95: round1(percentile(r.pan, 95)) },
              },
            ]),
          ) as FrameResults['summary'];
          const app = summary.app!;
          frames = {
            nodes: size,
            edges: graph.edges.length,
            steps: FRAME_STEPS,
            webgl,
            summary,
            goal: {
              maxMedianMs: FRAME_GOAL_MS,
              met: app.zoom.median <= FRAME_GOAL_MS && app.pan.median <= FRAME_GOAL_MS,
            },
            runs,
          };
        }
        if (!userAgent) {
          const page = await chrome.context.newPage();
          userAgent = (await page.evaluate('navigator.userAgent')) as string;
          await page.close();
        }
      } finally {
        await server.close();
        workspace.close();
      }
      const firstPaintMs = Object.fromEntries(
        VARIANTS.map((v) => [v, round1(median(runs[v].map((r) => r.firstPaint)))]),
      ) as Record<Variant, number>;
      const bestFirstPaintMs = Object.fromEntries(
        VARIANTS.map((v) => [v, round1(Math.min(...runs[v].map((r) => r.firstPaint)))]),
      ) as Record<Variant, number>;
      const phasesMs = Object.fromEntries(
        VARIANTS.map((v) => {
          const ps = runs[v].map(phases);
          const keys = Object.keys(ps[0]!) as Array<keyof ReturnType<typeof phases>>;
          return [v, Object.fromEntries(keys.map((k) => [k, round1(median(ps.map((p) => p[k])))]))];
        }),
      ) as Record<Variant, ReturnType<typeof phases>>;
      const ratio = Math.round((firstPaintMs.app / firstPaintMs.bare) * 100) / 100;
      results.push({
        nodes: size,
        edges: graph.edges.length,
        graphBytes: { app: runs.app[0]!.graphBytes, bare: runs.bare[0]!.graphBytes },
        firstPaintMs,
        bestFirstPaintMs,
        ratio,
        pairedRatio:
          Math.round(median(runs.app.map((r, i) => r.firstPaint / runs.bare[i]!.firstPaint)) * 100) / 100,
        ratioToAppStyle: Math.round((firstPaintMs.app / firstPaintMs.bareAppStyle) * 100) / 100,
        goalMet: ratio <= GOAL,
        phasesMs,
        runs,
      });
    }
  } finally {
    await chrome.close();
    await bare.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  const fmt = (n: number) => n.toFixed(0);
  const canvas = seen.app?.canvas ?? { width: 0, height: 0 };
  console.log(
    `\nMap first paint, median of ${RUNS} run${RUNS === 1 ? '' : 's'} (${LARGE_RUNS} from ${LARGE} nodes; ms from navigation start; canvas ${canvas.width}×${canvas.height})\n`,
  );
  console.log(
    table([
      [
        'nodes',
        'edges',
        'app',
        'bare Cytoscape',
        'app/bare',
        'paired',
        'bare + app style',
        'app/(bare + app style)',
      ],
      ...results.map((r) => [
        String(r.nodes),
        String(r.edges),
        fmt(r.firstPaintMs.app),
        fmt(r.firstPaintMs.bare),
        r.ratio.toFixed(2),
        r.pairedRatio.toFixed(2),
        fmt(r.firstPaintMs.bareAppStyle),
        r.ratioToAppStyle.toFixed(2),
      ]),
    ]),
  );
  console.log('(paired: median over rounds of app/bare within a round, less sensitive to changing load)');
  console.log(
    '\nWhere the time goes (medians, ms from navigation start): DOM ready (scripts run), boot (until the graph ' +
      'request starts),\napi (the request), handoff (response to Cytoscape: JSON, React), draw (until the first ' +
      'render)\n',
  );
  console.log(
    table([
      ['nodes', 'variant', 'DOM ready', 'boot', 'api', 'handoff', 'draw', 'graph bytes'],
      ...results.flatMap((r) =>
        VARIANTS.map((v) => [
          String(r.nodes),
          VARIANT_TITLE[v],
          fmt(r.phasesMs[v].domReady),
          fmt(r.phasesMs[v].boot),
          fmt(r.phasesMs[v].api),
          fmt(r.phasesMs[v].handoff),
          fmt(r.phasesMs[v].draw),
          String(v === 'app' ? r.graphBytes.app : r.graphBytes.bare),
        ]),
      ),
    ]),
  );
  const missed = results.filter((r) => !r.goalMet);
  console.log(
    `\nGoal: app first paint ≤ ${GOAL}× bare Cytoscape at every size — ` +
      (missed.length ? `NOT met (${missed.map((r) => `${r.nodes}: ${r.ratio}×`).join(', ')})` : 'met'),
  );

  if (frames) {
    console.log(
      `\nZoom and pan frames at ${frames.nodes} nodes, ${frames.edges} edges (ms from the input event to the frame ` +
        `drawn; ${frames.steps} steps each; WebGL2: ${frames.webgl || 'none, WebGL variants left out'})\n`,
    );
    const f = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(1));
    console.log(
      table([
        ['variant', 'zoom median', 'zoom p95', 'pan median', 'pan p95'],
        ...(Object.keys(frames.summary) as FrameVariant[]).map((v) => [
          FRAME_TITLE[v],
          f(frames!.summary[v]?.zoom.median),
          f(frames!.summary[v]?.zoom.p95),
          f(frames!.summary[v]?.pan.median),
          f(frames!.summary[v]?.pan.p95),
        ]),
      ]),
    );
    const a = frames.summary.app!;
    const b = frames.summary.bare!;
    console.log(
      `app/bare (canvas): zoom ${(a.zoom.median / b.zoom.median).toFixed(2)}, pan ${(a.pan.median / b.pan.median).toFixed(2)}` +
        (frames.summary.appWebgl
          ? `; app WebGL/canvas: zoom ${(frames.summary.appWebgl.zoom.median / a.zoom.median).toFixed(2)}, pan ${(frames.summary.appWebgl.pan.median / a.pan.median).toFixed(2)}`
          : ''),
    );
    console.log(
      `Goal: a zoom or pan frame ≤ ${FRAME_GOAL_MS} ms (median) at ${frames.nodes} nodes in the app — ` +
        (frames.goal.met ? 'met' : `NOT met (zoom ${f(a.zoom.median)} ms, pan ${f(a.pan.median)} ms)`),
    );
  }

  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(
    RESULTS,
    JSON.stringify(
      {
        benchmark: 'map-first-paint',
        date: new Date().toISOString(),
        goal: { maxRatio: GOAL, met: missed.length === 0 },
        environment: {
          node: process.version,
          browser: userAgent,
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model ?? '',
          loadAverageBefore: loadBefore,
          loadAverageAfter: os.loadavg().map(round1),
          busy,
          viewport: { width: 1440, height: 900 },
          canvas,
        },
        runsPerVariant: RUNS,
        durationSeconds: Math.round((Date.now() - started) / 1000),
        sizes: results,
        frames,
      } satisfies MapBenchResults,
      null,
      2,
    ) + '\n',
  );
  console.log(
    `Results: ${path.relative(process.cwd(), RESULTS)} (${Math.round((Date.now() - started) / 1000)} s)`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
