import fs from 'node:fs';
import path from 'node:path';
import { Piscina } from 'piscina';
import type { GraphDto } from '../../../preload/contract';
import { localToday } from '../util/clock';
import { WellspringError } from '../util/errors';
import type { KnowledgeReports } from './knowledge-reports';
import type { MapMetrics } from './map-metrics';
import runTask, {
  type MetricsTask,
  type MetricsTaskResult,
  type ReportName,
  type SerializedMapMetrics,
  type SerializedReports,
} from './metrics-worker';

export type { ReportName } from './metrics-worker';

/** Where a worker entry is: its file, and the Node options the thread starts with (`--import tsx` for .ts). */
export interface WorkerEntry {
  filename: string;
  execArgv: string[];
}

/**
 * Where the worker entry is: `metrics-worker.js` in the built `out/main` (this module may sit in a chunk folder
 * below it), else the TypeScript source beside this file, loaded through tsx (tests, CLI); null when neither
 * exists. Same lookup as main/core/documents/extract-pool.ts.
 */
function workerEntry(): WorkerEntry | null {
  const built = [path.join(__dirname, 'metrics-worker.js'), path.join(__dirname, '..', 'metrics-worker.js')];
  const found = built.find((f) => fs.existsSync(f));
  if (found) return { filename: found, execArgv: [] };
  const source = path.join(__dirname, 'metrics-worker.ts');
  return fs.existsSync(source) ? { filename: source, execArgv: ['--import', 'tsx'] } : null;
}

/** What the knowledge reports depend on besides the graph; read when a computation starts. */
export interface ReportInputs {
  /** Today as YYYY-MM-DD (default: the local date, as the services use). */
  today?: () => string;
  /** Evidence-finder proposal counts per knowledge item (EvidenceService.candidateCounts); default none. */
  candidateCounts?: () => ReadonlyMap<string, number>;
  /** A string that changes when the strength settings change (e.g. their JSON); default constant. */
  settingsKey?: () => string;
}

/** Options of MetricsService. */
export interface MetricsServiceOptions {
  /** `worker` (default): compute in a worker thread; `inline`: on the calling thread (blocks it). */
  mode?: 'worker' | 'inline';
  /** Louvain seed (and betweenness pivot seed) passed to computeMapMetrics. */
  seed?: number;
  /**
   * The workspace file: the worker then reads the graph itself through a read-only connection (nothing cloned from
   * this thread), and reports() is available. Without it the map metrics get the topology of getGraph().
   */
  file?: string;
  /** The worker entry to start instead of metrics-worker (tests start one that crashes). */
  worker?: WorkerEntry;
}

/** Where the knowledge reports stand, for a view that shows the last result while the next one is computed. */
export interface ReportsState {
  /** The newest finished reports (possibly of an older graph), or null before the first finished. */
  reports: ReportBundle | null;
  /** True when `reports` is of the current graph, settings and day. */
  fresh: boolean;
  /** True while a computation for the current graph runs. */
  computing: boolean;
  /** The error of the last computation when it failed (bilingual, errors.analyticsWorkerFailed), else null. */
  error: WellspringError | null;
}

/**
 * A finished set of reports as the worker sent them: `get(name)` parses one report on first use (and keeps it), so
 * a channel asking for the risk ranking does not rebuild the 50k item strengths on the main thread.
 */
export class ReportBundle {
  private readonly parsed = new Map<ReportName, unknown>();
  /** Milliseconds each part took in the worker, and the whole computation. */
  readonly partMs: KnowledgeReports['partMs'];
  readonly tookMs: number;

  constructor(private readonly serialized: SerializedReports) {
    this.partMs = serialized.partMs;
    this.tookMs = serialized.tookMs;
  }

  /** One report, parsed from its JSON on first use; callers must not mutate it (it is shared). */
  get<K extends ReportName>(name: K): KnowledgeReports[K] {
    let value = this.parsed.get(name);
    if (value === undefined) {
      value = JSON.parse(this.serialized.json[name]) as unknown;
      this.parsed.set(name, value);
    }
    return value as KnowledgeReports[K];
  }

  /** Every report (parsing all of them), with the timings. */
  all(): KnowledgeReports {
    const out = { partMs: this.partMs, tookMs: this.tookMs } as KnowledgeReports;
    for (const name of Object.keys(this.serialized.json) as ReportName[])
      (out as unknown as Record<string, unknown>)[name] = this.get(name);
    return out;
  }
}

/** One computation under way or done: its generation and key, its promise, and how to cancel it. */
interface Run<T> {
  generation: number;
  key: string;
  promise: Promise<T>;
  abort: AbortController;
}

/**
 * Latest-wins computation of one kind of result. `get` answers for the generation and key current when it
 * settles: a caller that asked before a change gets the result of the graph after the change (the computation
 * under way is cancelled and a new one started). A failed computation is not kept, so the next call retries.
 */
class LatestResult<T> {
  private running: Run<T> | null = null;
  private done: { generation: number; key: string; value: T } | null = null;
  private failure: WellspringError | null = null;

  constructor(
    private readonly generation: () => number,
    private readonly key: () => string,
    private readonly start: (signal: AbortSignal) => Promise<T>,
  ) {}

  /** Cancels the computation under way (its callers move on to the next one). */
  cancel(): void {
    this.running?.abort.abort();
  }

  state(): { value: T | null; fresh: boolean; computing: boolean; error: WellspringError | null } {
    const g = this.generation();
    const k = this.key();
    const fresh = !!this.done && this.done.generation === g && this.done.key === k;
    const computing = !!this.running && this.running.generation === g && this.running.key === k;
    return { value: this.done?.value ?? null, fresh, computing, error: this.failure };
  }

  /** Starts a computation for the current graph unless the last result is current or one is under way. */
  kick(): void {
    void this.get().catch(() => undefined);
  }

  async get(): Promise<T> {
    for (;;) {
      const generation = this.generation();
      const key = this.key();
      if (this.done && this.done.generation === generation && this.done.key === key) return this.done.value;
      let run = this.running;
      if (!run || run.generation !== generation || run.key !== key) {
        run?.abort.abort();
        run = this.begin(generation, key);
      }
      try {
        const value = await run.promise;
        if (this.generation() === generation && this.key() === key) return value;
      } catch (e) {
        // Cancelled because the graph changed: follow the new computation. Any other error is the caller's.
        if (this.generation() === generation && this.key() === key) throw e;
      }
    }
  }

  private begin(generation: number, key: string): Run<T> {
    const abort = new AbortController();
    const run: Run<T> = { generation, key, abort, promise: this.start(abort.signal) };
    this.running = run;
    run.promise.then(
      (value) => {
        if (this.running === run) this.running = null;
        if (!abort.signal.aborted) {
          this.done = { generation, key, value };
          this.failure = null;
        }
      },
      (e: unknown) => {
        if (this.running === run) this.running = null;
        if (!abort.signal.aborted && e instanceof WellspringError) this.failure = e;
      },
    );
    return run;
  }
}

/**
 * The analytics of one workspace off the main thread: the map metrics (computeMapMetrics: degree, betweenness,
 * Louvain) and the reports of the knowledge views (computeKnowledgeReports), computed in one worker thread that
 * reads the workspace file through its own read-only connection, so the main (API) thread stays responsive.
 *
 * Results are kept until `invalidate()` (call it on every graph change event); a computation under way is then
 * cancelled (its thread is terminated, piscina starts another) and the callers waiting for it get the result of
 * the new graph. Calls made while one computation runs share it. `reportsState()` gives the last finished reports
 * and whether a fresher one is being computed (stale-while-revalidate). A failed or crashed computation rejects
 * with WellspringError `internal` errors.analyticsWorkerFailed {detail} and is not kept: the next call retries in
 * a new thread.
 *
 * Falls back to inline mode when no worker entry file exists (`mode` tells which is in use).
 */
export class MetricsService {
  /** Where metrics are computed. */
  readonly mode: 'worker' | 'inline';
  private readonly pool: Piscina | null;
  private readonly seed: number | undefined;
  private readonly file: string | undefined;
  private inputs: ReportInputs = {};
  private generation = 0;
  private closed = false;
  private readonly map: LatestResult<MapMetrics>;
  private readonly reportsResult: LatestResult<ReportBundle>;

  constructor(
    private readonly getGraph: () => GraphDto,
    options: MetricsServiceOptions = {},
  ) {
    this.seed = options.seed;
    this.file = options.file;
    const entry = options.mode === 'inline' ? null : (options.worker ?? workerEntry());
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
    // A task's own failure reaches its promise. The pool itself emits 'error' when a result arrives for a task
    // that was cancelled meanwhile ("Unexpected message from Worker"): nothing is waiting for it any more.
    this.pool?.on('error', () => undefined);
    const generation = () => this.generation;
    this.map = new LatestResult(
      generation,
      () => '',
      (signal) => this.computeMap(signal),
    );
    this.reportsResult = new LatestResult(
      generation,
      () => this.reportsKey(),
      (signal) => this.computeReports(signal),
    );
  }

  /** Sets what the reports read besides the graph (the workspace service passes its knowledge and evidence). */
  setReportInputs(inputs: ReportInputs): void {
    this.inputs = inputs;
  }

  /** The graph changed: results become stale and computations under way are cancelled (their callers follow). */
  invalidate(): void {
    this.generation++;
    this.map.cancel();
    this.reportsResult.cancel();
  }

  /**
   * The map metrics of the current graph, from the cache or computed now.
   * @throws (rejects) Error when the service is closed; WellspringError `internal` errors.analyticsWorkerFailed
   *   when the worker failed or crashed (the next call retries)
   */
  mapMetrics(): Promise<MapMetrics> {
    if (this.closed) return Promise.reject(new Error('MetricsService is closed.'));
    return this.map.get();
  }

  /**
   * Every knowledge-view report of the current graph, settings and day, from the cache or computed now (all
   * parsed: for tests and the benchmark; a channel asks for its one report with `report(name)`).
   * @throws (rejects) as report()
   */
  async reports(): Promise<KnowledgeReports> {
    return (await this.bundle()).all();
  }

  /**
   * One report of the current graph, settings and day (e.g. `risk`: what `experts:risk` answers), from the cache
   * or computed now in the worker with all the others.
   * @throws (rejects) Error when the service is closed or was made without `file`; WellspringError `internal`
   *   errors.analyticsWorkerFailed when the worker failed or crashed (the next call retries)
   */
  async report<K extends ReportName>(name: K): Promise<KnowledgeReports[K]> {
    return (await this.bundle()).get(name);
  }

  private bundle(): Promise<ReportBundle> {
    if (this.closed) return Promise.reject(new Error('MetricsService is closed.'));
    if (!this.file) return Promise.reject(new Error('MetricsService has no workspace file for reports.'));
    return this.reportsResult.get();
  }

  /**
   * The last finished reports and whether they are current; starts a computation when they are not (and none
   * runs), so a view can show the last result and a "computing…" state without waiting. Never throws.
   */
  reportsState(): ReportsState {
    if (!this.closed && this.file) this.reportsResult.kick();
    const s = this.reportsResult.state();
    return { reports: s.value, fresh: s.fresh, computing: s.computing, error: s.error };
  }

  /** Ends the worker thread; computations under way are rejected and later calls reject. */
  async close(): Promise<void> {
    this.closed = true;
    this.invalidate();
    await this.pool?.destroy();
  }

  private reportsKey(): string {
    return `${this.inputs.today?.() ?? localToday()}\n${this.inputs.settingsKey?.() ?? ''}\n${JSON.stringify([
      ...(this.inputs.candidateCounts?.() ?? []),
    ])}`;
  }

  private async computeMap(signal: AbortSignal): Promise<MapMetrics> {
    const task: MetricsTask = this.file
      ? { kind: 'map', file: this.file, seed: this.seed }
      : { kind: 'map', graph: this.pool ? topologyOf(this.getGraph()) : this.getGraph(), seed: this.seed };
    const { json } = (await this.runTask(task, signal)) as SerializedMapMetrics;
    return JSON.parse(json) as MapMetrics;
  }

  private async computeReports(signal: AbortSignal): Promise<ReportBundle> {
    const task: MetricsTask = {
      kind: 'reports',
      file: this.file!,
      today: this.inputs.today?.() ?? localToday(),
      candidateCounts: Object.fromEntries(this.inputs.candidateCounts?.() ?? []),
    };
    return new ReportBundle((await this.runTask(task, signal)) as SerializedReports);
  }

  private async runTask(task: MetricsTask, signal: AbortSignal): Promise<MetricsTaskResult> {
    try {
      if (!this.pool) return runTask(task);
      return (await this.pool.run(task, { signal })) as MetricsTaskResult;
    } catch (e) {
      if (signal.aborted) throw e;
      throw workerFailed(e);
    }
  }
}

/** The bilingual error of a computation that failed in (or took down) the worker; `detail` is its own message. */
function workerFailed(e: unknown): WellspringError {
  const detail = e instanceof Error ? e.message : String(e);
  return new WellspringError(
    'internal',
    `The analytics computation stopped before it finished (${detail}). Ask again to retry.`,
    [],
    { key: 'errors.analyticsWorkerFailed', params: { detail } },
  );
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
