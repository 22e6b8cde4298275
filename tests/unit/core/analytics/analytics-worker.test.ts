import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KnowledgeReports } from '../../../../main/core/analytics/knowledge-reports';
import { computeMapMetrics, type MapMetrics } from '../../../../main/core/analytics/map-metrics';
import { MetricsService } from '../../../../main/core/analytics/metrics-service';
import { isWellspringError } from '../../../../main/core/util/errors';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import en from '../../../../renderer/src/i18n/locales/en/common.json';
import zh from '../../../../renderer/src/i18n/locales/zh-CN/common.json';
import { createSyntheticWorkspace } from '../../../bench/synthetic-workspace';
import { tempDir } from '../../helpers';

// The analytics worker (metrics-worker.ts through MetricsService) on real workspaces: its results are the ones the
// main thread's services give, a change while it computes gives the new graph's result, and a crashed worker
// gives a bilingual error and works again on the next call.

const open: WorkspaceService[] = [];
const services: MetricsService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
  await Promise.all(open.splice(0).map((ws) => ws.shutdown()));
});

/** The bundled sample (sample) or a generated workspace of `size` nodes (the benchmarks' generator), opened. */
function workspace(kind: 'sample' | number): WorkspaceService {
  const dir = tempDir();
  const file = path.join(dir, 'w.wellspring');
  if (kind !== 'sample') createSyntheticWorkspace(file, kind);
  const ws = new WorkspaceService(dir, 'node', { watch: false, threads: 1 });
  open.push(ws);
  ws.open(file, { create: kind === 'sample', sample: kind === 'sample' });
  return ws;
}

/** What the main thread's own services answer for each report (the channels' handlers before issue 12). */
function mainThreadReports(ws: WorkspaceService): Omit<KnowledgeReports, 'partMs' | 'tookMs'> {
  return {
    itemStrengths: ws.knowledge.itemStrengths(),
    stepStrengths: ws.knowledge.stepStrengths(),
    processes: ws.knowledge.processes(),
    gaps: ws.knowledge.gaps(),
    risk: ws.experts.risk(),
    directory: ws.experts.directory(),
    heatmap: ws.experts.heatmap(),
    inventory: ws.inventory.summary(),
    inventoryTrend: ws.inventory.trend(26),
    competencyTree: ws.competencies.tree(),
    competencyRadar: ws.competencies.radar(),
  };
}

const withoutTimes = ({ partMs: _p, tookMs: _t, ...rest }: KnowledgeReports) => rest;
const metricsWithoutTime = ({ tookMs: _t, ...rest }: MapMetrics) => rest;

describe('analytics worker on real workspaces', () => {
  it.each(['sample', 1_500] as const)(
    'gives the main thread’s reports and map metrics (workspace: %s)',
    async (kind) => {
      const ws = workspace(kind);
      expect(ws.metrics.mode).toBe('worker');
      const reports = await ws.metrics.reports();
      expect(withoutTimes(reports)).toEqual(mainThreadReports(ws));
      expect(reports.itemStrengths.length).toBeGreaterThan(kind === 'sample' ? 10 : 1_000);
      expect(reports.risk.length).toBeGreaterThan(kind === 'sample' ? 3 : 100);
      expect(Object.keys(reports.partMs).sort()).toEqual(
        [
          'competencyRadar',
          'competencyTree',
          'directory',
          'gaps',
          'heatmap',
          'index',
          'inventory',
          'inventoryTrend',
          'itemStrengths',
          'processes',
          'risk',
          'stepStrengths',
        ].sort(),
      );
      const metrics = await ws.metrics.mapMetrics();
      expect(metricsWithoutTime(metrics)).toEqual(metricsWithoutTime(computeMapMetrics(ws.store.getGraph())));
    },
  );

  it('answers a call made before a change with the result of the changed graph', async () => {
    const ws = workspace(1_500);
    const before = ws.inventory.summary().knowledgeItems;
    const expert = ws.experts.risk()[0]!;
    // Ask, then change the graph before the worker can have answered (the answer needs this thread's event loop).
    const asked = ws.metrics.reports();
    const askedMap = ws.metrics.mapMetrics();
    expect(ws.metrics.reportsState().computing).toBe(true);
    const added = ws.store.addNode({
      kind: 'knowledge',
      label: '新增知识 mid-computation',
      props: {
        form: 'tacit',
        existence: 'person',
        status: 'active',
        confidentiality: 'internal',
        importance: 3,
      },
    });
    ws.store.addEdge({ kind: 'knows', source: expert.id, target: added.id, props: { proficiency: 5 } });
    const reports = await asked;
    expect(reports.inventory.knowledgeItems).toBe(before + 1);
    expect(reports.itemStrengths.some((s) => s.id === added.id)).toBe(true);
    expect(withoutTimes(reports)).toEqual(mainThreadReports(ws));
    const metrics = await askedMap;
    expect(metrics.degree[added.id]).toBe(1);
    const state = ws.metrics.reportsState();
    expect(state).toMatchObject({ fresh: true, computing: false, error: null });
    expect(withoutTimes(state.reports!.all())).toEqual(withoutTimes(reports));
  });

  it('shows the last reports while the next are computed (stale-while-revalidate)', async () => {
    const ws = workspace('sample');
    expect(ws.metrics.reportsState()).toMatchObject({ reports: null, fresh: false, computing: true });
    const first = await ws.metrics.reports();
    ws.store.addNode({ kind: 'knowledge', label: '又一条知识' });
    const stale = ws.metrics.reportsState();
    expect(stale).toMatchObject({ fresh: false, computing: true });
    expect(stale.reports!.get('inventory')).toEqual(first.inventory);
    const second = await ws.metrics.reports();
    expect(second.inventory.knowledgeItems).toBe(first.inventory.knowledgeItems + 1);
  });

  it('turns a crashed worker into a clear error in both languages, and works again on the next call', async () => {
    const ws = workspace('sample');
    // The sample library is indexed in the background and the evidence finder's proposal counts are part of the
    // reports' key: a count that changes while the crashing task runs makes the service follow a new computation
    // (the real worker, the marker gone) instead of reporting the crash. Wait until they are settled (the finder
    // starts after the library is idle, so its counts are first awaited, then its own idleness).
    await ws.library.whenIdle();
    await vi.waitFor(() => expect(ws.evidence.candidateCounts().size).toBeGreaterThan(0), { timeout: 60_000 });
    await ws.evidence.whenIdle();
    const marker = path.join(tempDir(), 'crash-next-task');
    fs.writeFileSync(marker, '');
    process.env.WELLSPRING_TEST_CRASH_MARKER = marker;
    try {
      const s = new MetricsService(() => ws.store.getGraph(), {
        file: ws.info().path!,
        worker: {
          filename: path.join(__dirname, 'crashing-metrics-worker.ts'),
          execArgv: ['--import', 'tsx'],
        },
      });
      services.push(s);
      s.setReportInputs({ candidateCounts: () => ws.evidence.candidateCounts() });
      const error: unknown = await s.reports().then(
        () => null,
        (e: unknown) => e,
      );
      expect(isWellspringError(error)).toBe(true);
      const e = error as { code: string; key: string; params: { detail: string }; message: string };
      expect(e.code).toBe('internal');
      expect(e.key).toBe('errors.analyticsWorkerFailed');
      expect(e.message).toMatch(/^The analytics computation stopped before it finished \(.+\)\. Ask again/);
      expect(e.params.detail).toMatch(/70|exit/i);
      const fill = (text: string) => text.replace('{{detail}}', e.params.detail);
      expect(fill(en.errors.analyticsWorkerFailed)).toContain(e.params.detail);
      expect(fill(en.errors.analyticsWorkerFailed)).toMatch(/^The analysis stopped/);
      expect(fill(zh.errors.analyticsWorkerFailed)).toMatch(/^分析在完成前中断了（.+）。请重试。$/);
      expect(s.reportsState().error).toBe(error);
      // The marker is gone, so the retry runs the real worker in a new thread.
      expect(fs.existsSync(marker)).toBe(false);
      const reports = await s.reports();
      expect(withoutTimes(reports)).toEqual(mainThreadReports(ws));
      expect(s.reportsState().error).toBeNull();
    } finally {
      delete process.env.WELLSPRING_TEST_CRASH_MARKER;
    }
  });
});
