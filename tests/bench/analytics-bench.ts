/**
 * `npm run bench:analytics`: the process-knowledge reports of issue 7 and the expert and inventory measures of
 * issue 8 on a synthetic workspace of ANALYTICS_BENCH_NODES nodes (default 10,000): processes of ten steps in
 * sequence, each step requiring three knowledge items and producing one, experts who know items at proficiency
 * 1–5 (some with an expected leaving date) and own items, documents that document some of them, a two-level
 * taxonomy, and a full history log (HISTORY_LIMIT entries over the last 26 weeks) for the inventory trend.
 * Measures, as the median of ANALYTICS_BENCH_RUNS runs (default 7), the graph index build and then each report on
 * the built index — every item strength, every step strength, the gaps report; key-person risk, the departure
 * simulation of the top-risk expert and of the top three, the inventory summary and its 26-week trend — against
 * baselines measured in the same run: one plain pass counting degrees over the same edge list (issue 7's), and
 * one GraphIndex build (issue 8's ratio). Goal: each report under 200 ms after the index is built.
 *
 * Then issue 12's scale part (ANALYTICS_SCALE_NODES, default 50,000; 0 skips it): a workspace file of that many
 * nodes and about two edges per node written by the real core (synthetic-workspace.ts), and on it the map metrics
 * (degree, betweenness — exact or Brandes & Pich pivots —, Louvain) and every knowledge-view report
 * (knowledge-reports.ts), once on the main thread (the baseline: what the app did before) and once through
 * MetricsService in its worker thread, which reads the file itself. For each it prints the times and the main
 * thread's largest event-loop delay while they ran (perf_hooks.monitorEventLoopDelay, 10 ms resolution), and the
 * ratio worker ÷ main thread of that delay; it checks that both give the same reports. Goal: the worker run's
 * largest delay ≤ 100 ms (one UI frame budget of issue 12's map goal). Writes test-results/bench/analytics.json (or
 * ANALYTICS_BENCH_RESULTS).
 *
 * A benchmark, not a timed test: it prints and records; it fails only when it cannot run.
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { betweennessCentrality } from '../../main/core/analytics/betweenness-centrality';
import { degreeCentrality } from '../../main/core/analytics/degree-centrality';
import {
  computeKnowledgeReports,
  REPORT_PARTS,
  type KnowledgeReports,
  type ReportPart,
} from '../../main/core/analytics/knowledge-reports';
import { louvainCommunities } from '../../main/core/analytics/louvain-communities';
import { MetricsService } from '../../main/core/analytics/metrics-service';
import { toGraphology } from '../../main/core/analytics/to-graphology';
import { GraphStore } from '../../main/core/graph/graph-store';
import { localToday } from '../../main/core/util/clock';
import { createSyntheticWorkspace } from './synthetic-workspace';
import { simulateDeparture } from '../../main/core/analytics/departure-simulation';
import { knowledgeGaps } from '../../main/core/analytics/gaps';
import { inventorySummary } from '../../main/core/analytics/inventory';
import { inventoryTrend, type TrendHistoryRow } from '../../main/core/analytics/inventory-trend';
import { keyPersonRisk } from '../../main/core/analytics/key-person-risk';
import { HISTORY_LIMIT, type RowOp } from '../../main/core/graph/history-log';
import { buildGraphIndex } from '../../main/core/analytics/graph-index';
import { allKnowledgeStrengths } from '../../main/core/analytics/knowledge-strength';
import { processIdsByLabel, processSteps } from '../../main/core/analytics/process-steps';
import { stepStrength } from '../../main/core/analytics/step-strength';
import { mulberry32 } from '../../main/core/analytics/seeded-random';
import { DEFAULT_STRENGTH_SETTINGS } from '../../main/core/analytics/strength-settings';
import type { EdgeDto, EdgeKind, GraphDto, NodeDto, NodeKind } from '../../preload/contract';

const REPO = path.resolve(__dirname, '../..');
const NODES = Number(process.env.ANALYTICS_BENCH_NODES ?? 10_000);
const RUNS = Math.max(1, Number(process.env.ANALYTICS_BENCH_RUNS ?? 7));
const RESULTS = path.resolve(
  process.env.ANALYTICS_BENCH_RESULTS ?? path.join(REPO, 'test-results/bench/analytics.json'),
);
const GOAL_MS = 200;
const SCALE_NODES = Number(process.env.ANALYTICS_SCALE_NODES ?? 50_000);
/** Issue 12: the main thread's largest event-loop delay while the worker computes, at most one frame budget. */
const DELAY_GOAL_MS = 100;
const TODAY = '2027-01-10';

/** One measured part: median and all runs (ms), ratio to the baseline's median, and whether it meets the goal. */
export interface AnalyticsPart {
  medianMs: number;
  runsMs: number[];
  ratio: number;
  underGoal: boolean | null;
}

/** A measured part of issue 8, also against the median graph index build of the same run. */
export type IndexedPart = AnalyticsPart & { ratioToIndex: number };

/** The result file. */
export interface AnalyticsBenchResults {
  benchmark: 'analytics';
  nodes: number;
  edges: number;
  counts: Record<string, number>;
  runs: number;
  baseline: { medianMs: number; runsMs: number[] };
  index: AnalyticsPart;
  itemStrengths: AnalyticsPart;
  stepStrengths: AnalyticsPart;
  gaps: AnalyticsPart & { rows: number };
  /** Issue 8: each also as a ratio to one graph index build (`ratioToIndex`). */
  keyPersonRisk: IndexedPart & { experts: number };
  departureTop: IndexedPart & { uncovered: number };
  departureTop3: IndexedPart & { uncovered: number };
  inventorySummary: IndexedPart;
  inventoryTrend: IndexedPart & { weeks: number; historyRows: number };
  goals: Array<{ name: string; goalMs: number; medianMs: number; met: boolean }>;
  /** Issue 12's scale part, absent when ANALYTICS_SCALE_NODES is 0. */
  scale?: ScaleResults;
}

/** Issue 12: map metrics and every knowledge-view report on a generated workspace, main thread vs worker. */
export interface ScaleResults {
  nodes: number;
  edges: number;
  /** Writing the workspace file through the real core (not measured against anything). */
  generateMs: number;
  /** The baseline: everything on the main thread, as the app did before issue 12. */
  mainThread: {
    /** Reading the graph (GraphStore.getGraph), GraphIndex + graphology conversion, each measure. */
    mapMs: {
      read: number;
      index: number;
      degree: number;
      betweenness: number;
      louvain: number;
      total: number;
    };
    /** How betweenness was computed: pivots (= nodes when exact). */
    betweennessPivots: number;
    betweennessExact: boolean;
    /** knowledge-reports.ts per part (its `index`: reading the graph and building its index) and in all. */
    reportsMs: Record<ReportPart, number> & { total: number };
    /** The main thread's largest event-loop delay while all of it ran (ms). */
    maxDelayMs: number;
  };
  /**
   * The same through MetricsService's worker, asked as the views ask (map metrics and one report, `risk`; each
   * channel parses only its own report): wall clock seen by the main thread, and the worker's own times.
   */
  worker: {
    /** From asking to having both results on the main thread (thread start, reading, computing, cloning back). */
    wallMs: number;
    mapTookMs: number;
    reportsTookMs: number;
    reportsMs: Record<ReportPart, number>;
    maxDelayMs: number;
    /** Mean event-loop delay over the run (ms). */
    meanDelayMs: number;
  };
  /** worker.maxDelayMs ÷ mainThread.maxDelayMs. */
  delayRatio: number;
  /** The worker's reports equal the main thread's (times aside). */
  sameReports: boolean;
  /** The worker's map metrics equal the main thread's (times aside). */
  sameMapMetrics: boolean;
  goal: { name: string; goalMs: number; maxDelayMs: number; met: boolean };
}

/** A deterministic process-knowledge graph of about `size` nodes. */
export function syntheticProcessGraph(size: number, seed = 7): GraphDto {
  const rnd = mulberry32(seed ^ size);
  const at = '2026-12-01T00:00:00.000Z';
  const nodes: NodeDto[] = [];
  const edges: EdgeDto[] = [];
  const add = (kind: NodeKind, label: string, props: Record<string, unknown>): string => {
    const id = `${kind}-${nodes.length}`;
    nodes.push({
      id,
      kind,
      label,
      aliases: [],
      description: '',
      tags: [],
      props,
      x: null,
      y: null,
      createdAt: at,
      updatedAt: at,
    });
    return id;
  };
  const link = (kind: EdgeKind, source: string, target: string, props: Record<string, unknown> = {}) =>
    edges.push({ id: `e${edges.length}`, kind, source, target, props, createdAt: at });
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const processes = Math.max(1, Math.round(size * 0.01));
  const experts = Math.max(2, Math.round(size * 0.08));
  const documents = Math.max(1, Math.round(size * 0.1));
  const topCategories = Math.max(1, Math.round(size * 0.001));
  const subCategories = topCategories * 5;
  const items = Math.max(4, size - processes * 11 - experts - documents - topCategories - subCategories);
  const itemIds = Array.from({ length: items }, (_, i) =>
    add('knowledge', `知识 ${i}`, {
      form: rnd() < 0.3 ? 'tacit' : 'explicit',
      existence: pick(['document', 'template', 'system', 'case', 'training', 'person']),
      status: 'active',
      confidentiality: 'internal',
      importance: 1 + Math.floor(rnd() * 3),
      ...(rnd() < 0.4
        ? { seciStage: pick(['socialisation', 'externalisation', 'combination', 'internalisation']) }
        : {}),
      ...(rnd() < 0.6
        ? { reviewDue: `202${5 + Math.floor(rnd() * 4)}-0${1 + Math.floor(rnd() * 9)}-15` }
        : {}),
    }),
  );
  const expertIds = Array.from({ length: experts }, (_, i) =>
    add('expert', `专家 ${i}`, {
      attritionRisk: 1 + Math.floor(rnd() * 5),
      availability: pick(['available', 'limited', 'unavailable']),
      // A quarter have a leaving date 0–8 years ahead (attrition from the date's band), a few an override.
      ...(rnd() < 0.25
        ? { expectedLeaving: `20${27 + Math.floor(rnd() * 8)}-0${1 + Math.floor(rnd() * 9)}-01` }
        : {}),
      ...(rnd() < 0.05 ? { positionRiskOverride: 1 + Math.floor(rnd() * 5) } : {}),
    }),
  );
  const tops = Array.from({ length: topCategories }, (_, i) => add('category', `分类 ${i}`, {}));
  const subs = Array.from({ length: subCategories }, (_, i) => {
    const c = add('category', `分类 ${i % topCategories}.${i}`, {});
    link('part_of', c, tops[i % topCategories]!);
    return c;
  });
  const docIds = Array.from({ length: documents }, (_, i) =>
    add('document', `文档 ${i}`, { path: `/docs/${i}.pdf` }),
  );
  for (const k of itemIds) {
    const holders = Math.floor(rnd() * 4);
    const seen = new Set<string>();
    for (let h = 0; h < holders; h++) {
      const e = pick(expertIds);
      if (seen.has(e)) continue;
      seen.add(e);
      link('knows', e, k, { proficiency: 1 + Math.floor(rnd() * 5) });
    }
    if (rnd() < 0.5) link('owns', pick(expertIds), k);
    if (rnd() < 0.9) link('classified_as', k, pick(rnd() < 0.8 ? subs : tops));
    if (rnd() < 0.5) link('documented_by', k, pick(docIds), { page: 1 + Math.floor(rnd() * 40) });
  }
  for (let p = 0; p < processes; p++) {
    const pid = add('process', `流程 ${p}`, {});
    let prev: string | null = null;
    for (let s = 0; s < 10; s++) {
      const sid = add('step', `流程 ${p} 步骤 ${s + 1}`, { order: s + 1 });
      link('part_of', sid, pid);
      if (prev) link('next', prev, sid);
      prev = sid;
      const req = new Set<string>();
      while (req.size < 3) req.add(pick(itemIds));
      for (const k of req)
        link('requires', sid, k, rnd() < 0.5 ? { importance: 1 + Math.floor(rnd() * 3) } : {});
      link('produces', sid, pick(itemIds));
      link('consults', sid, pick(expertIds));
    }
  }
  return { nodes, edges };
}

/**
 * A full history log (HISTORY_LIMIT entries, the most the app keeps) spread evenly over the 26 weeks before
 * `today`, as JSON text like the table holds: nine in ten entries added a knowledge item of `graph` (backward:
 * delete its edges, then the node); one in ten deleted an item that is gone now (backward: put it back).
 */
export function syntheticHistory(graph: GraphDto, today: string): TrendHistoryRow[] {
  const end = Date.parse(`${today}T00:00:00Z`);
  const span = 26 * 7 * 86_400_000;
  const items = graph.nodes.filter((n) => n.kind === 'knowledge');
  const edgesOf = new Map<string, string[]>();
  for (const e of graph.edges)
    for (const id of [e.source, e.target]) {
      const list = edgesOf.get(id);
      if (list) list.push(e.id);
      else edgesOf.set(id, [e.id]);
    }
  const n = Math.min(HISTORY_LIMIT, items.length);
  return Array.from({ length: n }, (_, i) => {
    const item = items[items.length - n + i]!;
    const backward: RowOp[] =
      i % 10 === 9
        ? [
            {
              op: 'putNode',
              row: {
                id: `gone-${i}`,
                kind: 'knowledge',
                label: `已删除 ${i}`,
                aliases: '[]',
                description: '',
                tags: '[]',
                props: JSON.stringify({ ...item.props, form: 'tacit' }),
                created_at: item.createdAt,
                updated_at: item.updatedAt,
              },
            },
          ]
        : [
            ...(edgesOf.get(item.id) ?? []).map((id) => ({ op: 'deleteEdge' as const, id })),
            { op: 'deleteNode', id: item.id },
          ];
    return {
      seq: i + 1,
      backward: JSON.stringify(backward),
      undone: 0,
      created_at: new Date(end - span + Math.floor(((i + 0.5) * span) / n)).toISOString(),
    };
  });
}

function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Largest and mean event-loop delay (ms) of the main thread while `work` runs (monitorEventLoopDelay). */
async function withDelayMonitor<T>(
  work: () => Promise<T>,
): Promise<{ value: T; maxMs: number; meanMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  try {
    const value = await work();
    // One more turn of the loop, so that a block at the very end is recorded too.
    await new Promise((r) => setTimeout(r, 20));
    return { value, maxMs: h.max / 1e6, meanMs: h.mean / 1e6 };
  } finally {
    h.disable();
  }
}

const withoutTimes = ({ partMs: _p, tookMs: _t, ...rest }: KnowledgeReports) => rest;

/** Issue 12's scale part (see the file's docstring). */
async function scale(size: number): Promise<ScaleResults> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-analytics-bench-'));
  try {
    const file = path.join(dir, `scale-${size}.wellspring`);
    const t0 = performance.now();
    const generated = createSyntheticWorkspace(file, size);
    const generateMs = performance.now() - t0;
    const today = localToday();

    // Baseline: the main thread computes it all, as the handlers did before; a timer keeps measuring the delay.
    const db = new Database(file, { readonly: true });
    const main = await withDelayMonitor(async () => {
      await new Promise((r) => setTimeout(r, 20));
      const read = time(() => new GraphStore(db).getGraph());
      const index = time(() => toGraphology(buildGraphIndex(read.value)));
      const degree = time(() => degreeCentrality(buildGraphIndex(read.value)));
      const betweenness = time(() => betweennessCentrality(index.value, { seed: 1 }));
      const louvain = time(() => louvainCommunities(index.value, { seed: 1 }));
      await new Promise((r) => setTimeout(r, 20));
      const reports = time(() => computeKnowledgeReports({ db, today, candidateCounts: {} }));
      return { read, index, degree, betweenness, louvain, reports };
    });
    db.close();
    const mapMs = {
      read: main.value.read.ms,
      index: main.value.index.ms,
      degree: main.value.degree.ms,
      betweenness: main.value.betweenness.ms,
      louvain: main.value.louvain.ms,
      total: 0,
    };
    mapMs.total = mapMs.read + mapMs.index + mapMs.degree + mapMs.betweenness + mapMs.louvain;

    // The worker: the app's MetricsService asked for both at once, the main thread otherwise idle.
    const service = new MetricsService(
      () => {
        throw new Error('the worker reads the file itself');
      },
      { file, seed: 1 },
    );
    service.setReportInputs({ today: () => today });
    if (service.mode !== 'worker') throw new Error('MetricsService found no worker entry.');
    const started = performance.now();
    // As the views ask: the map metrics, and one report (a channel parses only its own; see ReportBundle).
    const inWorker = await withDelayMonitor(() =>
      Promise.all([service.mapMetrics(), service.report('risk')]),
    );
    const wallMs = performance.now() - started - 20;
    const [metrics] = inWorker.value;
    // Every report parsed, outside the measured span, for the comparison (the bundle is cached: nothing recomputed).
    const reports = await service.reports();
    await service.close();
    const sameReports =
      JSON.stringify(withoutTimes(reports)) === JSON.stringify(withoutTimes(main.value.reports.value));
    const mainBetweenness = main.value.betweenness.value.betweenness;
    const sameMapMetrics =
      JSON.stringify(metrics.degree) === JSON.stringify(main.value.degree.value.degree) &&
      JSON.stringify(metrics.betweenness) === JSON.stringify(mainBetweenness) &&
      JSON.stringify(metrics.community) === JSON.stringify(main.value.louvain.value.community);
    return {
      nodes: generated.nodes.length,
      edges: generated.edges.length,
      generateMs,
      mainThread: {
        mapMs,
        betweennessPivots: main.value.betweenness.value.pivots,
        betweennessExact: main.value.betweenness.value.exact,
        reportsMs: { ...main.value.reports.value.partMs, total: main.value.reports.ms },
        maxDelayMs: main.maxMs,
      },
      worker: {
        wallMs,
        mapTookMs: metrics.tookMs,
        reportsTookMs: reports.tookMs,
        reportsMs: reports.partMs,
        maxDelayMs: inWorker.maxMs,
        meanDelayMs: inWorker.meanMs,
      },
      delayRatio: inWorker.maxMs / main.maxMs,
      sameReports,
      sameMapMetrics,
      goal: {
        name: 'main-thread event-loop delay while the worker computes',
        goalMs: DELAY_GOAL_MS,
        maxDelayMs: inWorker.maxMs,
        met: inWorker.maxMs <= DELAY_GOAL_MS,
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the scale part. */
function printScale(r: ScaleResults): void {
  const ms = (x: number) => `${x.toFixed(0).padStart(7)} ms`;
  const m = r.mainThread;
  console.log(
    [
      `Analytics at scale (issue 12): ${r.nodes} nodes, ${r.edges} edges (workspace written in ${(r.generateMs / 1000).toFixed(1)} s)`,
      `  main thread (baseline): read ${ms(m.mapMs.read).trim()}, index ${ms(m.mapMs.index).trim()}, degree ${ms(m.mapMs.degree).trim()}, betweenness ${ms(m.mapMs.betweenness).trim()} (${m.betweennessExact ? 'exact' : `${m.betweennessPivots} pivots, Brandes & Pich 2007`}), Louvain ${ms(m.mapMs.louvain).trim()}`,
      `    reports: ${REPORT_PARTS.map((p) => `${p} ${m.reportsMs[p].toFixed(0)}`).join(', ')} ms; all ${ms(m.reportsMs.total).trim()}`,
      `    largest event-loop delay ${ms(m.maxDelayMs)}`,
      `  worker: map metrics ${ms(r.worker.mapTookMs).trim()}, reports ${ms(r.worker.reportsTookMs).trim()} (${REPORT_PARTS.map((p) => `${p} ${r.worker.reportsMs[p].toFixed(0)}`).join(', ')} ms); ${ms(r.worker.wallMs).trim()} from asking to both results`,
      `    largest event-loop delay ${ms(r.worker.maxDelayMs)} (mean ${r.worker.meanDelayMs.toFixed(1)} ms)  ×${r.delayRatio.toFixed(3)} main thread  ${r.goal.met ? `≤ ${DELAY_GOAL_MS} ms ✓` : `OVER ${DELAY_GOAL_MS} ms ✗`}`,
      `  same reports as the main thread: ${r.sameReports ? 'yes' : 'NO'}; same map metrics: ${r.sameMapMetrics ? 'yes' : 'NO'}`,
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  const graph = syntheticProcessGraph(NODES);
  const settings = DEFAULT_STRENGTH_SETTINGS;
  const counts: Record<string, number> = {};
  for (const n of graph.nodes) counts[n.kind] = (counts[n.kind] ?? 0) + 1;
  for (const e of graph.edges) counts[`edge:${e.kind}`] = (counts[`edge:${e.kind}`] ?? 0) + 1;

  const runs = {
    baseline: [] as number[],
    index: [] as number[],
    items: [] as number[],
    steps: [] as number[],
    gaps: [] as number[],
    risk: [] as number[],
    top: [] as number[],
    top3: [] as number[],
    summary: [] as number[],
    trend: [] as number[],
  };
  const history = syntheticHistory(graph, TODAY);
  let rows = 0;
  const sizes = { experts: 0, uncoveredTop: 0, uncoveredTop3: 0 };
  for (let r = 0; r < RUNS; r++) {
    runs.baseline.push(
      time(() => {
        const degree = new Map<string, number>();
        for (const e of graph.edges) {
          degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
          degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
        }
        return degree.size;
      }).ms,
    );
    const index = time(() => buildGraphIndex(graph));
    runs.index.push(index.ms);
    const items = time(() => allKnowledgeStrengths(index.value, { settings, today: TODAY }));
    runs.items.push(items.ms);
    runs.steps.push(
      time(() =>
        processIdsByLabel(index.value).flatMap((p) =>
          processSteps(index.value, p).map((s) => stepStrength(index.value, s.id, items.value, settings)),
        ),
      ).ms,
    );
    const gaps = time(() => knowledgeGaps(index.value, { settings, strengths: items.value }));
    runs.gaps.push(gaps.ms);
    rows = gaps.value.length;
    const risk = time(() => keyPersonRisk(index.value, { today: TODAY }));
    runs.risk.push(risk.ms);
    sizes.experts = risk.value.length;
    const depart = (ids: string[]) =>
      time(() => simulateDeparture(index.value, ids, { settings, today: TODAY, strengths: items.value }));
    const top = depart(risk.value.slice(0, 1).map((r) => r.id));
    runs.top.push(top.ms);
    sizes.uncoveredTop = top.value.uncovered.length;
    const top3 = depart(risk.value.slice(0, 3).map((r) => r.id));
    runs.top3.push(top3.ms);
    sizes.uncoveredTop3 = top3.value.uncovered.length;
    runs.summary.push(time(() => inventorySummary(index.value, { today: TODAY, strengths: items.value })).ms);
    runs.trend.push(time(() => inventoryTrend(history, index.value, { weeks: 26, today: TODAY })).ms);
  }
  const base = median(runs.baseline);
  const part = (xs: number[], goal: boolean): AnalyticsPart => {
    const m = median(xs);
    return { medianMs: m, runsMs: xs, ratio: m / base, underGoal: goal ? m < GOAL_MS : null };
  };
  const indexMs = median(runs.index);
  const indexed = (xs: number[]): IndexedPart => {
    const p = part(xs, true);
    return { ...p, ratioToIndex: p.medianMs / indexMs };
  };
  const results: AnalyticsBenchResults = {
    benchmark: 'analytics',
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    counts,
    runs: RUNS,
    baseline: { medianMs: base, runsMs: runs.baseline },
    index: part(runs.index, false),
    itemStrengths: part(runs.items, true),
    stepStrengths: part(runs.steps, true),
    gaps: { ...part(runs.gaps, true), rows },
    keyPersonRisk: { ...indexed(runs.risk), experts: sizes.experts },
    departureTop: { ...indexed(runs.top), uncovered: sizes.uncoveredTop },
    departureTop3: { ...indexed(runs.top3), uncovered: sizes.uncoveredTop3 },
    inventorySummary: indexed(runs.summary),
    inventoryTrend: { ...indexed(runs.trend), weeks: 26, historyRows: history.length },
    goals: [],
  };
  results.goals = (
    [
      ['all item strengths', results.itemStrengths],
      ['step strengths', results.stepStrengths],
      ['gaps report', results.gaps],
      ['key-person risk', results.keyPersonRisk],
      ['departure of the top expert', results.departureTop],
      ['departure of the top 3', results.departureTop3],
      ['inventory summary', results.inventorySummary],
      ['inventory trend', results.inventoryTrend],
    ] as const
  ).map(([name, p]) => ({ name, goalMs: GOAL_MS, medianMs: p.medianMs, met: p.medianMs < GOAL_MS }));

  const fmt = (ms: number) => `${ms.toFixed(2).padStart(9)} ms`;
  const line = (name: string, p: AnalyticsPart) =>
    `  ${name.padEnd(22)} ${fmt(p.medianMs)}  ×${p.ratio.toFixed(1).padStart(6)} baseline${
      p.underGoal === null ? '' : p.underGoal ? `  under ${GOAL_MS} ms ✓` : `  OVER ${GOAL_MS} ms ✗`
    }`;
  const iline = (name: string, p: IndexedPart) =>
    `  ${name.padEnd(30)} ${fmt(p.medianMs)}  ×${p.ratioToIndex.toFixed(2).padStart(6)} index build${
      p.underGoal ? `  under ${GOAL_MS} ms ✓` : `  OVER ${GOAL_MS} ms ✗`
    }`;
  console.log(
    [
      `Analytics benchmark: ${results.nodes} nodes, ${results.edges} edges (${counts.process ?? 0} processes, ${counts.step ?? 0} steps, ${counts.knowledge ?? 0} knowledge items), median of ${RUNS} runs`,
      `  ${'baseline (degree pass)'.padEnd(22)} ${fmt(base)}`,
      line('graph index build', results.index),
      line('all item strengths', results.itemStrengths),
      line('step strengths', results.stepStrengths),
      line(`gaps (${rows} rows)`, results.gaps),
      `  issue 8, against one graph index build (${fmt(indexMs).trim()}):`,
      iline(`key-person risk (${sizes.experts})`, results.keyPersonRisk),
      iline(`departure top 1 (${sizes.uncoveredTop} uncov.)`, results.departureTop),
      iline(`departure top 3 (${sizes.uncoveredTop3} uncov.)`, results.departureTop3),
      iline('inventory summary', results.inventorySummary),
      iline(`inventory trend (${history.length} entries)`, results.inventoryTrend),
    ].join('\n'),
  );
  if (SCALE_NODES > 0) {
    results.scale = await scale(SCALE_NODES);
    printScale(results.scale);
  }
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, JSON.stringify(results, null, 2));
  console.log(`Results: ${path.relative(process.cwd(), RESULTS)}`);
}

if (require.main === module)
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
