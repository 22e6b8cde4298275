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

/** What a task answers: MapMetrics for `map`, KnowledgeReports for `reports` (structured-cloned back). */
export type MetricsTaskResult = MapMetrics | KnowledgeReports;

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
    return computeKnowledgeReports({
      db: connection(task.file),
      today: task.today,
      candidateCounts: task.candidateCounts,
    });
  if ('graph' in task) return computeMapMetrics(task.graph, { seed: task.seed });
  const started = performance.now();
  const graph = new GraphStore(connection(task.file)).getGraph();
  const metrics = computeMapMetrics(graph, { seed: task.seed });
  return { ...metrics, tookMs: performance.now() - started };
}
