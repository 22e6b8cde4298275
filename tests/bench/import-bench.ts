/**
 * `npm run bench:import` (or `npx tsx tests/bench/import-bench.ts [rows]`; IMPORT_BENCH_ROWS also sets the size):
 * the spreadsheet import of issue 10 on a synthetic GB18030 CSV of `rows` rows (default 100,000), a quarter of
 * them edges: three quarters name a node each (knowledge items, every twentieth an expert; kind, label, Chinese
 * description, importance, tags), the last quarter a `knows` edge from an expert to an item by their labels, with
 * a proficiency. Goal (issue 10 §1): 100k rows in under 10 s, RSS under 500 MB.
 *
 * Each measurement runs in a fresh child process of its own (so that its peak RSS is its own, not the CSV
 * generator's or another run's):
 * - **import**, as the CLI and the app's core run it (Node with CORE_NODE_FLAGS, see main/core/util/node-flags.ts):
 *   reading (decode + parse), planning and applying (one GraphStore.apply into a new workspace file, one undo
 *   entry); rows/s and peak RSS;
 * - **import with Node's default heap settings**, for comparison (peak RSS only differs much);
 * - **baseline**, the least any importer does: iconv-lite decodes the file, papaparse parses it, and prepared
 *   INSERTs write the same nodes and edges into a new workspace's tables in one transaction — no mapping, no
 *   validation, no matching, no undo. The import's time is printed as a ratio to it.
 *
 * A benchmark, not a timed test: it prints; it fails only when it cannot run or the plan has problems.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import { SYNTHETIC_IMPORT_MAPPING, writeSyntheticImportCsv } from './synthetic-import';
import { openWorkspaceDb } from '../../main/core/db/workspace-db';
import { GraphStore } from '../../main/core/graph/graph-store';
import { applyImport, parseMapping, planImport, readTable } from '../../main/core/import';
import { CORE_NODE_FLAGS } from '../../main/core/util/node-flags';

const ROWS = Number(process.argv[2] ?? process.env.IMPORT_BENCH_ROWS ?? 100_000);

const MAPPING = parseMapping(SYNTHETIC_IMPORT_MAPPING, 'bench.mapping.json');

/** What one child process measured (one JSON line on its stdout). */
interface PhaseResult {
  phase: 'import' | 'baseline';
  readS: number;
  planS: number;
  applyS: number;
  totalS: number;
  nodes: number;
  edges: number;
  encoding: string;
  peakRssMb: number;
}

/** The import as the CLI runs it: readTable → planImport → applyImport (one operation, one undo entry). */
async function importPhase(csv: string, dir: string): Promise<PhaseResult> {
  const bytes = fs.readFileSync(csv);
  const { db } = openWorkspaceDb(path.join(dir, `import-${randomUUID()}.wellspring`), { create: true });
  const store = new GraphStore(db);
  const t0 = performance.now();
  // The table is local to this step: its rows are not needed once planned, and go before the write.
  const { plan, encoding, t1 } = await (async () => {
    const table = await readTable(bytes, path.basename(csv));
    const read = performance.now();
    return { plan: planImport(table, MAPPING, store.getGraph()), encoding: table.encoding ?? '?', t1: read };
  })();
  const t2 = performance.now();
  if (plan.problems.length)
    throw new Error(`plan has problems: ${JSON.stringify(plan.problems.slice(0, 3))}`);
  const result = applyImport(store, plan, path.basename(csv));
  const t3 = performance.now();
  db.close();
  return {
    phase: 'import',
    readS: (t1 - t0) / 1000,
    planS: (t2 - t1) / 1000,
    applyS: (t3 - t2) / 1000,
    totalS: (t3 - t0) / 1000,
    nodes: result.newNodes,
    edges: result.newEdges,
    encoding,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/**
 * The baseline: decode (iconv-lite), parse (papaparse, header row), then INSERT each node row into `nodes` and
 * each edge row into `edges` (ends looked up in a Map of the labels just inserted) in one transaction.
 */
function baselinePhase(csv: string, dir: string): PhaseResult {
  const { db } = openWorkspaceDb(path.join(dir, `baseline-${randomUUID()}.wellspring`), { create: true });
  const t0 = performance.now();
  const text = iconv.decode(fs.readFileSync(csv), 'gb18030');
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  const t1 = performance.now();
  const now = new Date().toISOString();
  const insertNode = db.prepare(
    `INSERT INTO nodes (id, kind, label, aliases, description, tags, props, created_at, updated_at)
     VALUES (?, ?, ?, '[]', ?, ?, ?, ?, ?)`,
  );
  const insertEdge = db.prepare(
    `INSERT INTO edges (id, kind, source, target, props, created_at) VALUES (?, 'knows', ?, ?, ?, ?)`,
  );
  const ids = new Map<string, string>();
  let nodes = 0;
  let edges = 0;
  db.transaction(() => {
    for (const r of rows) {
      const label = r['名称'];
      if (label) {
        const id = randomUUID();
        const kind = r['类型'] === '专家' ? 'expert' : 'knowledge';
        ids.set(label, id);
        const props = r['重要性'] ? { importance: Number(r['重要性']) } : {};
        const tags = JSON.stringify((r['标签'] ?? '').split('；').filter(Boolean));
        insertNode.run(id, kind, label, r['描述'] ?? '', tags, JSON.stringify(props), now, now);
        nodes++;
      } else {
        const source = ids.get(r['专家']!);
        const target = ids.get(r['知识条目']!);
        if (!source || !target)
          throw new Error(`baseline: an edge end is missing (${r['专家']} → ${r['知识条目']})`);
        insertEdge.run(
          randomUUID(),
          source,
          target,
          JSON.stringify({ proficiency: Number(r['熟练度']) }),
          now,
        );
        edges++;
      }
    }
  })();
  const t2 = performance.now();
  db.close();
  return {
    phase: 'baseline',
    readS: (t1 - t0) / 1000,
    planS: 0,
    applyS: (t2 - t1) / 1000,
    totalS: (t2 - t0) / 1000,
    nodes,
    edges,
    encoding: 'GB18030',
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/** Runs this file again in a fresh Node process (tsx loader, `nodeFlags` first) for one phase; its JSON result. */
function runChild(
  phase: PhaseResult['phase'],
  csv: string,
  dir: string,
  nodeFlags: readonly string[],
): PhaseResult {
  const r = spawnSync(
    process.execPath,
    [...nodeFlags, '--import', 'tsx', __filename, `--phase=${phase}`, csv, dir],
    { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (r.status !== 0)
    throw new Error(`the ${phase} child failed (${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop()!;
  return JSON.parse(line) as PhaseResult;
}

async function main(): Promise<void> {
  const phaseArg = process.argv.find((a) => a.startsWith('--phase='));
  if (phaseArg) {
    const [csv, dir] = process.argv.slice(process.argv.indexOf(phaseArg) + 1) as [string, string];
    const result = phaseArg === '--phase=import' ? await importPhase(csv, dir) : baselinePhase(csv, dir);
    console.log(JSON.stringify(result));
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-import-bench-'));
  try {
    const csv = path.join(dir, 'bench.gb18030.csv');
    writeSyntheticImportCsv(csv, ROWS);
    const size = fs.statSync(csv).size;
    const base = runChild('baseline', csv, dir, []);
    const imp = runChild('import', csv, dir, CORE_NODE_FLAGS);
    const plain = runChild('import', csv, dir, []);
    const s = (x: number) => `${x.toFixed(2)} s`;
    console.log(
      `import bench: ${ROWS.toLocaleString('en')} rows, ${(size / 1e6).toFixed(1)} MB GB18030 (read as ${imp.encoding})`,
    );
    console.log(
      `  import:   read ${s(imp.readS)} · plan ${s(imp.planS)} · apply ${s(imp.applyS)} · total ${s(imp.totalS)}` +
        ` — ${imp.nodes.toLocaleString('en')} nodes + ${imp.edges.toLocaleString('en')} edges in one operation list`,
    );
    console.log(
      `  baseline: decode + parse ${s(base.readS)} · raw INSERTs ${s(base.applyS)} · total ${s(base.totalS)}` +
        ` (iconv-lite + papaparse + SQLite, no validation, no undo; ${base.nodes.toLocaleString('en')} + ${base.edges.toLocaleString('en')} rows)`,
    );
    console.log(
      `  ${Math.round(ROWS / imp.totalS).toLocaleString('en')} rows/s · ${(imp.totalS / base.totalS).toFixed(2)}× the baseline's time` +
        ` · peak RSS ${imp.peakRssMb.toFixed(0)} MB with the core's Node flags (${CORE_NODE_FLAGS.join(' ')}),` +
        ` ${plain.peakRssMb.toFixed(0)} MB with Node's defaults, baseline ${base.peakRssMb.toFixed(0)} MB` +
        ` (goal: 100k rows < 10 s, < 500 MB)`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
