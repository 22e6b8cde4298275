/**
 * Worker-thread entry of MetricsService (a piscina task module on node:worker_threads). Plain Node, nothing from
 * electron. Built to out/main/metrics-worker.js (electron.vite.config.ts); run from source through tsx.
 *
 * Tasks that name the workspace file read it themselves through their own read-only better-sqlite3 connection
 * (WAL: they see the last commit, never a half-written transaction), so the main thread sends a path, not 50k
 * nodes to structured-clone. The connection is kept open between tasks of one file.
 */
import Database from 'better-sqlite3';
import type { GraphDto } from '../../../preload/contract';
import { GraphStore } from '../graph/graph-store';
import { computeKnowledgeReports, type KnowledgeReports } from './knowledge-reports';
import { computeMapMetrics, type MapMetrics } from './map-metrics';

/**
 * A task for the metrics worker:
 * - `map` with `graph`: the map metrics of that graph (its topology is enough);
 * - `map` with `file`: the map metrics of the workspace file's graph, read here;
 * - `reports`: KnowledgeReports of the workspace file, for `today` and the main thread's evidence counts.
 */
export type MetricsTask =
  | { kind: 'map'; graph: GraphDto; seed?: number }
  | { kind: 'map'; file: string; seed?: number }
  | { kind: 'reports'; file: string; today: string; candidateCounts: Record<string, number> };

/**
 * A report bundle as it crosses back to the main thread: every report as its own JSON text, so the main thread
 * clones strings (a copy, no object graph to rebuild) and parses only the report a channel asks for.
 */
export interface SerializedReports {
  kind: 'reports';
  /** Report name → JSON text of its value. */
  json: Record<ReportName, string>;
  partMs: KnowledgeReports['partMs'];
  tookMs: number;
}

/** The names of the reports of KnowledgeReports (its fields without the timings). */
export type ReportName = Exclude<keyof KnowledgeReports, 'partMs' | 'tookMs'>;

/** The map metrics as JSON text (one string to clone back instead of three records of every node). */
export interface SerializedMapMetrics {
  kind: 'map';
  json: string;
}

/** What a task answers: the map metrics or the reports, serialised (see SerializedReports). */
export type MetricsTaskResult = SerializedMapMetrics | SerializedReports;

/** The serialised form of computeKnowledgeReports' result. */
export function serializeReports(reports: KnowledgeReports): SerializedReports {
  const { partMs, tookMs, ...rest } = reports;
  const json = {} as Record<ReportName, string>;
  for (const [name, value] of Object.entries(rest)) json[name as ReportName] = JSON.stringify(value);
  return { kind: 'reports', json, partMs, tookMs };
}

let open: { file: string; db: Database.Database } | null = null;

/** The read-only connection to `file`, opened on first use (one per worker, replaced when the file changes). */
function connection(file: string): Database.Database {
  if (open?.file === file) return open.db;
  open?.db.close();
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  open = { file, db };
  return db;
}

/**
 * Runs one task (see MetricsTask).
 * @throws SqliteError when the file cannot be opened or read (MetricsService turns it into a bilingual error)
 */
export default function run(task: MetricsTask): MetricsTaskResult {
  if (task.kind === 'reports')
    return serializeReports(
      computeKnowledgeReports({
        db: connection(task.file),
        today: task.today,
        candidateCounts: task.candidateCounts,
      }),
    );
  let metrics: MapMetrics;
  if ('graph' in task) metrics = computeMapMetrics(task.graph, { seed: task.seed });
  else {
    const started = performance.now();
    const graph = new GraphStore(connection(task.file)).getGraph();
    metrics = { ...computeMapMetrics(graph, { seed: task.seed }), tookMs: performance.now() - started };
  }
  return { kind: 'map', json: JSON.stringify(metrics) };
}
