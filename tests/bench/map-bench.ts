/**
 * Knowledge-map benchmark: time to the first painted frame of a whole map with stored positions, the app against
 * bare Cytoscape.js drawing the same elements. Run with `npm run bench:map` (builds first).
 *
 * Workspaces: 1k, 5k and 10k nodes with about two edges per node and x/y on every node (synthetic-workspace.ts),
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

const SIZES = (process.env.MAP_BENCH_SIZES ?? '1000,5000,10000').split(',').map(Number);
const RUNS = Number(process.env.MAP_BENCH_RUNS ?? 3);
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
  /** Request for the graph started (app: `graph:get`; bare: the elements JSON). */
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
function barePage(size: number, style: unknown, box: { width: number; height: number }): string {
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
        });
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
      return send('text/html; charset=utf-8', barePage(size, style, app.canvas));
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
    if (variant === 'app') await page.addInitScript(APP_PAINT_HOOK);
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
    const wanted = variant === 'app' ? '/api/graph:get' : `/elements/${size}.json`;
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
  /** Size of the graph response on the wire (bytes): the app's `graph:get`, the baseline's elements JSON. */
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
          `${index === 0 ? '1 warm-up + ' : ''}${RUNS} run${RUNS === 1 ? '' : 's'} of each variant`,
      );
      const runs: Record<Variant, Run[]> = { app: [], bare: [], bareAppStyle: [] };
      try {
        for (let round = index === 0 ? 0 : 1; round <= RUNS; round++) {
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
    `\nMap first paint, median of ${RUNS} run${RUNS === 1 ? '' : 's'} (ms from navigation start; canvas ${canvas.width}×${canvas.height})\n`,
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
