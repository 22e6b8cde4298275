/**
 * `npm run bench:import` (or `npx tsx tests/bench/import-bench.ts [rows]`; IMPORT_BENCH_ROWS also sets the size):
 * the spreadsheet import of issue 10 on a synthetic GB18030 CSV of `rows` rows (default 100,000), a quarter of
 * them edges: three quarters name a node each (knowledge items, every twentieth an expert; kind, label, Chinese
 * description, importance, tags), the last quarter a `knows` edge from an expert to an item by their labels, with
 * a proficiency. Measures reading (decode + parse), planning and applying (one GraphStore.apply into a new
 * workspace file, one undo entry), and prints rows/s and the process's peak RSS. Goal (issue 10 §1): 100k rows in
 * under 10 s, RSS under 500 MB.
 *
 * A benchmark, not a timed test: it prints; it fails only when it cannot run or the plan has problems.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import iconv from 'iconv-lite';
import { THINGS, TOPICS } from './synthetic-workspace';
import { openWorkspaceDb } from '../../main/core/db/workspace-db';
import { GraphStore } from '../../main/core/graph/graph-store';
import { applyImport, parseMapping, planImport, readTable } from '../../main/core/import';

const ROWS = Number(process.argv[2] ?? process.env.IMPORT_BENCH_ROWS ?? 100_000);

const MAPPING = parseMapping(
  {
    version: 1,
    nodes: [
      {
        name: 'node',
        kind: { column: '类型', values: { 知识: 'knowledge', 专家: 'expert' } },
        label: { column: '名称' },
        description: { column: '描述' },
        tags: { column: '标签', separator: '；' },
        props: { importance: { column: '重要性' } },
        when: { filled: ['名称'] },
      },
    ],
    edges: [
      {
        kind: 'knows',
        source: { column: '专家', kind: 'expert' },
        target: { column: '知识条目', kind: 'knowledge' },
        props: { proficiency: { column: '熟练度' } },
      },
    ],
  },
  'bench.mapping.json',
);

/**
 * Writes the CSV in GB18030 to `file`, a chunk of lines at a time (so that making it does not inflate the memory
 * the import is measured with): node rows first (importance only on items), then edge rows.
 */
function writeSyntheticCsv(file: string, rows: number): void {
  const nodeRows = Math.round(rows * 0.75);
  const experts = Math.max(1, Math.floor(nodeRows / 20));
  const items = nodeRows - experts;
  const fd = fs.openSync(file, 'w');
  let chunk: string[] = ['类型,名称,描述,重要性,标签,专家,知识条目,熟练度'];
  const flush = () => {
    fs.writeSync(fd, iconv.encode(`${chunk.join('\r\n')}\r\n`, 'gb18030'));
    chunk = [];
  };
  for (let i = 0; i < rows; i++) {
    if (i < experts) {
      const topic = TOPICS[i % TOPICS.length]!;
      chunk.push(`专家,专家${i},"负责${topic}，联系人：""${topic}组""",,${topic},,,`);
    } else if (i < nodeRows) {
      const k = i - experts;
      const topic = TOPICS[i % TOPICS.length]!;
      const label = `${topic}${THINGS[k % THINGS.length]}${k}`;
      chunk.push(
        `知识,${label},"${label}的说明，\r\n第二行：适用于${topic}。",${1 + (k % 3)},${topic}；${THINGS[k % THINGS.length]},,,`,
      );
    } else {
      const j = i - nodeRows;
      const k = (j * 7919) % items;
      const label = `${TOPICS[(k + experts) % TOPICS.length]}${THINGS[k % THINGS.length]}${k}`;
      chunk.push(`,,,,,专家${j % experts},${label},${1 + (j % 5)}`);
    }
    if (chunk.length >= 10_000) flush();
  }
  flush();
  fs.closeSync(fd);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-import-bench-'));
  try {
    const csv = path.join(dir, 'bench.gb18030.csv');
    writeSyntheticCsv(csv, ROWS);
    const bytes = fs.readFileSync(csv);
    const { db } = openWorkspaceDb(path.join(dir, 'bench.wellspring'), { create: true });
    const store = new GraphStore(db);
    const t0 = performance.now();
    let table: Awaited<ReturnType<typeof readTable>> | undefined = await readTable(
      bytes,
      'bench.gb18030.csv',
    );
    const encoding = table.encoding;
    const t1 = performance.now();
    const plan = planImport(table, MAPPING, store.getGraph());
    const t2 = performance.now();
    if (plan.problems.length)
      throw new Error(`plan has problems: ${JSON.stringify(plan.problems.slice(0, 3))}`);
    // The rows are not needed once planned: let them go before the write.
    table = undefined;
    const result = applyImport(store, plan, 'bench.gb18030.csv');
    const t3 = performance.now();
    db.close();
    const total = (t3 - t0) / 1000;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    console.log(
      `import bench: ${ROWS.toLocaleString('en')} rows, ${(bytes.length / 1e6).toFixed(1)} MB GB18030 (${encoding})`,
    );
    console.log(
      `  read ${((t1 - t0) / 1000).toFixed(2)} s · plan ${((t2 - t1) / 1000).toFixed(2)} s · apply ${((t3 - t2) / 1000).toFixed(2)} s · total ${total.toFixed(2)} s`,
    );
    console.log(
      `  ${result.newNodes.toLocaleString('en')} nodes + ${result.newEdges.toLocaleString('en')} edges in one operation list`,
    );
    console.log(
      `  ${Math.round(ROWS / total).toLocaleString('en')} rows/s · peak RSS ${peakRssMb.toFixed(0)} MB (goal: 100k rows < 10 s, < 500 MB)`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
