/**
 * Pinyin node search benchmark (issue 11 §1): what the pinyin index of node names costs, against a baseline
 * measured in the same run. `npm run bench:search` runs it at the default sizes; by hand
 * `npx tsx tests/bench/pinyin-bench.ts [sizes…]`, or PINYIN_BENCH_SIZES=500,10000 (default 10000,100000);
 * PINYIN_BENCH_REPS sets the repetitions of each index query (default 50).
 *
 * For each size, a synthetic workspace (synthetic-workspace.ts: realistic kind mix, Chinese labels such as
 * 客户拜访记录 12) is written to a temporary folder and read back; then, wall time on one core:
 * - build: PinyinNodeIndex over every node (pinyin-pro reading each label and alias), as the first pinyin query
 *   does it; also printed as how many baseline queries take as long (after that many queries the index has paid
 *   for itself);
 * - query: PinyinNodeIndex.search per query (limit 20), the mean over REPS runs, for initials, full pinyin and
 *   mixed queries (`shchgl`, 生产管理流程 by the initials sh/ch, shows the difference below), and how many nodes each
 *   matched;
 * - baseline: the library's own brute force, pinyin-pro's `match(name, query, { continuous: true, v: true })` over
 *   the label and every alias of every node (a node counts once), repeated until 200 ms are spent (once at least);
 *   its mean ms per query and how many nodes it matched. The ratio is index ms ÷ baseline ms (below 1: the index is
 *   faster), per query and over all queries.
 * - change: re-reading 100 changed nodes (nodesChanged then the next query), per node.
 *
 * The match counts differ on purpose, and the table says by how much (nodes only one side found): `match()`
 * accepts every reading of every character (银行 for `yinxing`, 长大 for `changda`), which is why the index does not
 * use it and matches only the reading pinyin-pro picks in context (main/core/search/pinyin.ts); `match()` also takes
 * only a first letter or a whole syllable per character, where the index takes the initials `zh` / `ch` / `sh`
 * too, and the index also reads a glossary term's other names. A benchmark, not a test: it prints and writes nothing
 * outside the temporary folder; it fails only when it cannot run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { match } from 'pinyin-pro';
import type { NodeDto } from '../../preload/contract';
import { PinyinNodeIndex } from '../../main/core/search/pinyin-index';
import { createSyntheticWorkspace } from './synthetic-workspace';

const REPS = Math.max(1, Number(process.env.PINYIN_BENCH_REPS ?? 50) || 50);
/** The baseline repeats a query until this much time is spent (at least once). */
const BASELINE_BUDGET_MS = 200;
const QUERIES = ['kh', 'khbfjl', 'kehubaifangjilu', 'kehubfjl', 'zl', 'zhiliang', 'zs', 'gysczgc', 'shchgl'];
const MATCH_OPTIONS = { continuous: true, v: true } as const;

function sizesFrom(list: readonly string[]): number[] {
  return list.map(Number).filter((n) => Number.isInteger(n) && n > 0);
}
const argSizes = sizesFrom(process.argv.slice(2));
const envSizes = sizesFrom((process.env.PINYIN_BENCH_SIZES ?? '').split(','));
const SIZES = argSizes.length ? argSizes : envSizes.length ? envSizes : [10_000, 100_000];

/** The baseline: ids of the nodes whose label or an alias pinyin-pro's `match()` accepts for `query`. */
function bruteForce(nodes: readonly NodeDto[], query: string): string[] {
  const found: string[] = [];
  for (const n of nodes) {
    if (match(n.label, query, MATCH_OPTIONS) || n.aliases.some((a) => match(a, query, MATCH_OPTIONS)))
      found.push(n.id);
  }
  return found;
}

/** Milliseconds to print: whole above 100, else three significant digits (never 0 for a measured time). */
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toPrecision(3));
const ratio = (n: number) => n.toPrecision(3);

console.log(
  `PINYIN-BENCH (pinyin-pro ${(require('pinyin-pro/package.json') as { version: string }).version}, ` +
    `index queries × ${REPS}, baseline match() over labels and aliases)`,
);
for (const size of SIZES) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pinyin-bench-'));
  try {
    const graph = createSyntheticWorkspace(path.join(dir, 'w.wellspring'), size);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const index = new PinyinNodeIndex({ all: () => graph.nodes, find: (id) => byId.get(id) });
    let t0 = performance.now();
    const readable = index.build();
    const buildMs = performance.now() - t0;

    const rows: string[] = [];
    let indexAll = 0;
    let baselineAll = 0;
    for (const q of QUERIES) {
      let total = 0;
      t0 = performance.now();
      for (let r = 0; r < REPS; r++) total = index.search(q, { limit: 20 }).total;
      const indexMs = (performance.now() - t0) / REPS;

      let found: string[] = [];
      let runs = 0;
      t0 = performance.now();
      do {
        found = bruteForce(graph.nodes, q);
        runs++;
      } while (performance.now() - t0 < BASELINE_BUDGET_MS);
      const baselineMs = (performance.now() - t0) / runs;

      // Which nodes only one side found (outside the timings).
      const byIndex = new Set(index.search(q, { limit: Infinity }).hits.map((h) => h.nodeId));
      const byBaseline = new Set(found);
      const indexOnly = [...byIndex].filter((id) => !byBaseline.has(id)).length;
      const baselineOnly = found.filter((id) => !byIndex.has(id)).length;

      indexAll += indexMs;
      baselineAll += baselineMs;
      rows.push(
        `${q.padEnd(16)}${String(total).padStart(8)}${String(found.length).padStart(10)}` +
          `${String(indexOnly).padStart(8)}${String(baselineOnly).padStart(8)}` +
          `${ms(indexMs).padStart(11)}${ms(baselineMs).padStart(13)}${ratio(indexMs / baselineMs).padStart(10)}`,
      );
    }

    const changed = graph.nodes.slice(0, 100).map((n) => n.id);
    t0 = performance.now();
    index.changed(changed);
    index.search('kh', { limit: 20 });
    const changeMs = (performance.now() - t0) / changed.length;

    const baselineMean = baselineAll / QUERIES.length;
    console.log(
      [
        '',
        `${size} nodes: build ${ms(buildMs)} ms (${readable} with a Chinese name) = ${ratio(buildMs / baselineMean)} baseline queries`,
        `${'query'.padEnd(16)} matched  baseline  idx-only  bl-only   index ms  baseline ms     ratio`,
        ...rows,
        `all queries (${size} nodes): index ${ms(indexAll / QUERIES.length)} ms, baseline ${ms(baselineMean)} ms per query, ` +
          `ratio ${ratio(indexAll / baselineAll)} (index ÷ baseline; the baseline takes ${ratio(baselineAll / indexAll)}× as long)`,
        `change: ${changeMs.toFixed(3)} ms per changed node (100, with one query)`,
      ].join('\n'),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
