/**
 * `npm run bench:team` (issue 13): a team workspace on the local PostgreSQL under load, and opening it.
 *
 * 1. **Load**: WRITERS concurrent writers (default 20, one connection each, as 20 desktops) make EDITS edits each
 *    (default 500) through the server's write function `apply_ops` — the same call the desktop's write path makes —
 *    each naming the version it read (optimistic concurrency). Nine edits in ten change one of the writer's own
 *    nodes; every tenth changes a node all writers share, where a version conflict is the expected answer (the
 *    writer reads the new version and tries again, as a user would after the conflict dialog). Meanwhile READERS
 *    (default 5) poll the graph for changes (the desktop's catch-up read) and one LISTEN connection times every
 *    change notification from the writer's call to its arrival. Afterwards every node is checked: its version is 1
 *    plus the edits acknowledged to it and its label is the last one written — so 0 lost writes is measured, not
 *    assumed. Printed: p50 / p95 write latency, notification delay, conflicts, retried serialisation failures and
 *    deadlocks, unhandled errors. Goals: p95 write ≤ 20 ms, notification ≤ 1 s.
 * 2. **Open**: a synthetic workspace of OPEN_NODES nodes (default 10,000, about two edges per node) pushed into an
 *    empty team workspace, then opened as the desktop opens it — a new desktop (empty replica: everything is read)
 *    and again (the replica is current: only the horizon is read) — against opening the same workspace from its
 *    SQLite file; each until the map's graph (`getMapGraph`) is in hand; median of 3. Goal: ≤ 1.5× SQLite.
 *
 * The server: WELLSPRING_TEST_PG (as `.ci/run` sets it) or the local test role; the benchmark's schema is dropped
 * at the end. A benchmark, not a timed test: it prints; it fails only when it cannot run or a write was lost.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openWorkspaceDb } from '../../main/core/db/workspace-db';
import { GraphStore } from '../../main/core/graph/graph-store';
import type { NodeRow } from '../../main/core/graph/rows';
import { TeamSession, connect, type RemoteOp } from '../../main/core/team/pg-session';
import { CHANGE_CHANNEL } from '../../main/core/team/pg-migrations';
import { pushWorkspace } from '../../main/core/team/team-transfer';
import { openTeamWorkspace } from '../../main/core/team/team-workspace';
import { parseTeamAddress } from '../../main/core/team/team-url';
import { createSyntheticWorkspace } from './synthetic-workspace';

const SERVER =
  process.env.WELLSPRING_TEST_PG ??
  'postgres://wellspring_test:wellspring_test@127.0.0.1:5432/wellspring_test';
const WRITERS = Number(process.env.TEAM_BENCH_WRITERS ?? 20);
const EDITS = Number(process.env.TEAM_BENCH_EDITS ?? 500);
const READERS = Number(process.env.TEAM_BENCH_READERS ?? 5);
const OPEN_NODES = Number(process.env.TEAM_BENCH_OPEN_NODES ?? 10_000);
/** Nodes each writer owns (its edits go round them). */
const OWN = 10;

const now = () => performance.timeOrigin + performance.now();

function urlOf(schema: string): string {
  const u = new URL(SERVER);
  u.searchParams.set('schema', schema);
  return u.toString();
}

function pct(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function ms(n: number): string {
  return `${n.toFixed(n < 10 ? 2 : 1)} ms`;
}

function nodeRow(id: string, label: string): NodeRow {
  const at = new Date().toISOString();
  return {
    id,
    kind: 'category',
    label,
    aliases: '[]',
    description: '',
    tags: '[]',
    props: '{}',
    created_at: at,
    updated_at: at,
  };
}

async function load(schema: string): Promise<void> {
  const address = parseTeamAddress(urlOf(schema));
  const admin = await TeamSession.open(address, { create: true });
  const setup: RemoteOp[] = [{ op: 'putNode', row: nodeRow('hot', 'hot 0'), base: null, unit: null }];
  for (let w = 0; w < WRITERS; w++)
    for (let i = 0; i < OWN; i++)
      setup.push({ op: 'putNode', row: nodeRow(`w${w}-${i}`, `w${w}-${i} 0`), base: null, unit: null });
  await admin.applyOps(setup, 'bench-setup');

  // The notification clock: the writer's client id carries the time it called (same process, same clock).
  const listener = await connect(address);
  const delays: number[] = [];
  listener.on('notification', (n) => {
    const client = n.payload?.split('|')[1] ?? '';
    const m = /^bench:w\d+:(\d+(?:\.\d+)?)$/.exec(client);
    if (n.channel === CHANGE_CHANNEL && m) delays.push(now() - Number(m[1]));
  });
  await listener.query(`LISTEN ${CHANGE_CHANNEL}`);

  const latencies: number[] = [];
  const ownLatencies: number[] = [];
  const hotLatencies: number[] = [];
  let conflicts = 0;
  let unhandled = 0;
  const acked = new Map<string, { version: number; label: string }>();
  let ackedOwn = 0;
  let ackedHot = 0;
  let done = false;

  const writer = async (w: number) => {
    const s = await TeamSession.open(address);
    const versions = new Map<string, number>();
    for (let i = 0; i < OWN; i++) versions.set(`w${w}-${i}`, 1);
    versions.set('hot', 1);
    try {
      for (let e = 1; e <= EDITS; e++) {
        const id = e % 10 === 0 ? 'hot' : `w${w}-${e % OWN}`;
        const label = `${id} w${w} edit ${e}`;
        for (;;) {
          const base = versions.get(id)!;
          const t0 = now();
          try {
            const v = await s.applyOps(
              [{ op: 'putNode', row: { ...nodeRow(id, label), created_at: '2026-12-03' }, base }],
              `bench:w${w}:${t0}`,
            );
            const took = now() - t0;
            latencies.push(took);
            (id === 'hot' ? hotLatencies : ownLatencies).push(took);
            if (id === 'hot') ackedHot++;
            else ackedOwn++;
            versions.set(id, v[`n:${id}`]!);
            const prev = acked.get(id);
            if (!prev || prev.version < v[`n:${id}`]!) acked.set(id, { version: v[`n:${id}`]!, label });
            break;
          } catch (err) {
            const code = (err as { code?: string }).code;
            if (code !== 'edit_conflict') {
              unhandled++;
              break;
            }
            conflicts++;
            const detail = JSON.parse(String((err as { params?: { detail?: string } }).params?.detail)) as {
              theirs: { version: number };
            };
            versions.set(id, detail.theirs.version);
          }
        }
      }
      return s.retried;
    } finally {
      await s.close();
    }
  };

  const readLatencies: number[] = [];
  const reader = async () => {
    const s = await TeamSession.open(address);
    let horizon: string | null = null;
    let reads = 0;
    try {
      while (!done) {
        const t0 = now();
        const c = await s.changesSince(horizon);
        readLatencies.push(now() - t0);
        horizon = c.horizon;
        reads++;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await s.close();
    }
    return reads;
  };

  const t0 = now();
  const readers = Array.from({ length: READERS }, () => reader());
  const retried = (await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)))).reduce(
    (a, b) => a + b,
    0,
  );
  const wall = (now() - t0) / 1000;
  done = true;
  const reads = (await Promise.all(readers)).reduce((a, b) => a + b, 0);
  await new Promise((r) => setTimeout(r, 1000)); // the last notifications
  await listener.end();

  // Lost writes: every acknowledged edit is a version step on the server, and each node holds its last label.
  await admin.close();
  const check = new pg.Client({ connectionString: address.connectionString });
  await check.connect();
  const rows = (
    await check.query<{ id: string; version: number; label: string }>(
      `SELECT id, version, label FROM ${pg.escapeIdentifier(schema)}.nodes`,
    )
  ).rows;
  await check.end();
  let lost = 0;
  for (const r of rows) {
    const a = acked.get(r.id);
    if (a && (r.version !== a.version || r.label !== a.label)) lost++;
  }
  const hot = rows.find((r) => r.id === 'hot')!;
  const ownSteps = rows.filter((r) => r.id !== 'hot').reduce((n, r) => n + r.version - 1, 0);
  lost += Math.abs(ownSteps - ackedOwn) + Math.abs(hot.version - 1 - ackedHot);

  latencies.sort((a, b) => a - b);
  ownLatencies.sort((a, b) => a - b);
  hotLatencies.sort((a, b) => a - b);
  delays.sort((a, b) => a - b);
  readLatencies.sort((a, b) => a - b);
  const writes = latencies.length;
  console.log(
    `load: ${WRITERS} writers × ${EDITS} edits, ${READERS} readers polling every 100 ms — ${wall.toFixed(1)} s, ${Math.round(writes / wall)} writes/s`,
  );
  console.log(
    `write latency (apply_ops round trip): p50 ${ms(pct(latencies, 50))} · p95 ${ms(pct(latencies, 95))} · max ${ms(latencies[latencies.length - 1] ?? NaN)} (goal p95 ≤ 20 ms)`,
  );
  console.log(
    `  of which own nodes: p50 ${ms(pct(ownLatencies, 50))} · p95 ${ms(pct(ownLatencies, 95))}; the shared node (waits for its row lock): p50 ${ms(pct(hotLatencies, 50))} · p95 ${ms(pct(hotLatencies, 95))}`,
  );
  console.log(
    `change notification delay: p50 ${ms(pct(delays, 50))} · p95 ${ms(pct(delays, 95))} · max ${ms(delays[delays.length - 1] ?? NaN)} over ${delays.length} notifications (goal ≤ 1 s)`,
  );
  console.log(
    `reads: ${reads} catch-up reads, p50 ${ms(pct(readLatencies, 50))} · p95 ${ms(pct(readLatencies, 95))}`,
  );
  console.log(
    `writes: ${writes} acknowledged · ${conflicts} version conflicts on the shared node (told, re-read, retried; its version ${hot.version}) · ${retried} serialisation failures or deadlocks retried · ${unhandled} unhandled · ${lost} lost writes`,
  );
  if (lost > 0 || unhandled > 0) throw new Error(`${lost} lost writes, ${unhandled} unhandled errors`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function open(schema: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-team-bench-'));
  try {
    const file = path.join(dir, 'synthetic.wellspring');
    const graph = createSyntheticWorkspace(file, OPEN_NODES);
    const url = urlOf(schema);
    const tp = now();
    const pushed = await pushWorkspace(file, url);
    const pushS = (now() - tp) / 1000;
    console.log(
      `push: ${pushed.nodes} nodes · ${pushed.edges} edges · ${pushed.positions} positions in one transaction, ${pushS.toFixed(2)} s`,
    );
    const sqlite: number[] = [];
    const cold: number[] = [];
    const warm: number[] = [];
    for (let run = 0; run < 3; run++) {
      let t0 = now();
      const { db } = openWorkspaceDb(file);
      const n = new GraphStore(db).getMapGraph().nodes.length;
      sqlite.push(now() - t0);
      db.close();
      if (n !== graph.nodes.length) throw new Error(`sqlite read ${n} nodes`);

      const desk = path.join(dir, `desk-${run}`);
      t0 = now();
      let team = openTeamWorkspace(url, desk, { live: false });
      const m = team.store.getMapGraph().nodes.length;
      cold.push(now() - t0);
      await team.close();
      team.db.close();
      if (m !== graph.nodes.length) throw new Error(`team read ${m} nodes`);
      t0 = now();
      team = openTeamWorkspace(url, desk, { live: false });
      team.store.getMapGraph();
      warm.push(now() - t0);
      await team.close();
      team.db.close();
    }
    const base = median(sqlite);
    console.log(`open ${OPEN_NODES.toLocaleString('en')} nodes until the map's graph is read (median of 3):`);
    console.log(`  SQLite file (baseline)             ${ms(base)}`);
    console.log(
      `  team, new desktop (full read)      ${ms(median(cold))} — ${(median(cold) / base).toFixed(2)}× SQLite (goal ≤ 1.5×)`,
    );
    console.log(
      `  team, replica current (catch-up)   ${ms(median(warm))} — ${(median(warm) / base).toFixed(2)}× SQLite (goal ≤ 1.5×)`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const suffix = randomBytes(4).toString('hex');
  const schemas = [`bench_load_${suffix}`, `bench_open_${suffix}`];
  try {
    await load(schemas[0]!);
    await open(schemas[1]!);
  } finally {
    const c = new pg.Client({ connectionString: SERVER });
    await c.connect();
    for (const s of schemas) {
      await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
      const groups = await c.query<{ rolname: string }>(
        'SELECT rolname FROM pg_roles WHERE rolname LIKE $1',
        [`%\\_${s}\\_member`],
      );
      for (const g of groups.rows) await c.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(g.rolname)}`);
    }
    await c.end();
  }
}

main().catch((e: unknown) => {
  console.error(`team benchmark failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
