import fs from 'node:fs';
import path from 'node:path';
import { Piscina } from 'piscina';
import type { GraphDto } from '../../../preload/contract';
import { computeMapMetrics, type MapMetrics } from './map-metrics';
import type { MetricsTask } from './metrics-worker';

/**
 * Where the worker entry is: `metrics-worker.js` in the built `out/main` (this module may sit in a chunk folder
 * below it), else the TypeScript source beside this file, loaded through tsx (tests, CLI); null when neither
 * exists. Same lookup as main/core/documents/extract-pool.ts.
 */
function workerEntry(): { filename: string; execArgv: string[] } | null {
  const built = [path.join(__dirname, 'metrics-worker.js'), path.join(__dirname, '..', 'metrics-worker.js')];
  const found = built.find((f) => fs.existsSync(f));
  if (found) return { filename: found, execArgv: [] };
  const source = path.join(__dirname, 'metrics-worker.ts');
  return fs.existsSync(source) ? { filename: source, execArgv: ['--import', 'tsx'] } : null;
}

/** Options of MetricsService. */
export interface MetricsServiceOptions {
  /** `worker` (default): compute in a worker thread; `inline`: on the calling thread (blocks it). */
  mode?: 'worker' | 'inline';
  /** Louvain seed passed to computeMapMetrics. */
  seed?: number;
}

/**
 * The analytics cache of one workspace: computes the map metrics (computeMapMetrics) in a worker thread so the
 * main process stays responsive, and keeps the result until `invalidate()` (call it on every graph change event).
 *
 * `mapMetrics()` reads the graph through `getGraph` when it starts a computation, not when it is invalidated, so
 * a burst of changes costs one computation. Callers that asked before an `invalidate()` get the metrics of the
 * graph as it was when they asked; the next call starts a fresh computation. A failed computation is not cached.
 * Only the topology crosses to the worker (ids, kinds, edges; labels, text and props are blanked).
 *
 * Falls back to inline mode when no worker entry file exists (`mode` tells which is in use).
 */
export class MetricsService {
  /** Where metrics are computed. */
  readonly mode: 'worker' | 'inline';
  private readonly pool: Piscina | null;
  private readonly seed: number | undefined;
  private cached: Promise<MapMetrics> | null = null;
  private closed = false;

  constructor(
    private readonly getGraph: () => GraphDto,
    options: MetricsServiceOptions = {},
  ) {
    this.seed = options.seed;
    const entry = options.mode === 'inline' ? null : workerEntry();
    this.mode = entry ? 'worker' : 'inline';
    this.pool = entry
      ? new Piscina({
          filename: entry.filename,
          execArgv: entry.execArgv,
          minThreads: 0,
          maxThreads: 1,
          // Kept warm a while so edits in a row do not pay for a thread start (~0.5 s through tsx) each time.
          idleTimeout: 30_000,
        })
      : null;
  }

  /** Drops the cached metrics; the next mapMetrics() computes them again from getGraph(). */
  invalidate(): void {
    this.cached = null;
  }

  /**
   * The map metrics of the current graph, from the cache or computed now.
   * @throws (rejects) Error when the service is closed, or the worker's error when the computation failed.
   */
  mapMetrics(): Promise<MapMetrics> {
    if (this.closed) return Promise.reject(new Error('MetricsService is closed.'));
    if (!this.cached) {
      const computing = this.compute(this.getGraph());
      this.cached = computing;
      computing.catch(() => {
        if (this.cached === computing) this.cached = null;
      });
    }
    return this.cached;
  }

  /** Ends the worker thread; computations under way are rejected and later calls reject. */
  async close(): Promise<void> {
    this.closed = true;
    this.cached = null;
    await this.pool?.destroy();
  }

  private async compute(graph: GraphDto): Promise<MapMetrics> {
    if (!this.pool) return computeMapMetrics(graph, { seed: this.seed });
    const task: MetricsTask = { graph: topologyOf(graph), seed: this.seed };
    return (await this.pool.run(task)) as MapMetrics;
  }
}

/** The graph with the text and props of its nodes and edges blanked: all that map metrics read, cheaper to clone. */
function topologyOf(graph: GraphDto): GraphDto {
  return {
    nodes: graph.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      label: '',
      aliases: [],
      description: '',
      tags: [],
      props: {},
      x: null,
      y: null,
      createdAt: '',
      updatedAt: '',
    })),
    edges: graph.edges.map((e) => ({
      id: e.id,
      kind: e.kind,
      source: e.source,
      target: e.target,
      props: {},
      createdAt: '',
    })),
  };
}
