/**
 * Worker-thread entry of MetricsService (a piscina task module on node:worker_threads): computes the map metrics
 * of one graph. Plain Node, nothing from electron. Built to out/main/metrics-worker.js (electron.vite.config.ts);
 * run from source through tsx.
 */
import type { GraphDto } from '../../../preload/contract';
import { computeMapMetrics, type MapMetrics } from './map-metrics';

/** A task for the metrics worker: the graph (its topology is enough) and the Louvain seed. */
export interface MetricsTask {
  graph: GraphDto;
  seed?: number;
}

/** Computes computeMapMetrics(task.graph, { seed }) in the worker; the result is structured-cloned back. */
export default function run(task: MetricsTask): MapMetrics {
  return computeMapMetrics(task.graph, { seed: task.seed });
}
