/**
 * Pinyin node search benchmark (issue 11 §1): what the pinyin index of node names costs. Run with
 * `npx tsx tests/bench/pinyin-bench.ts [sizes…]` (default 10000 100000).
 *
 * For each size, a synthetic workspace (synthetic-workspace.ts: realistic kind mix, Chinese labels such as
 * 客户拜访记录 12) is written to a temporary folder and read back; then, wall time on one core:
 * - build: PinyinNodeIndex over every node (pinyin-pro reading each label and alias), as the first pinyin query
 *   does it;
 * - query: PinyinNodeIndex.search per query (limit 20), mean over REPS runs, for initials, full pinyin and mixed
 *   queries, and how many nodes each matched;
 * - change: re-reading 100 changed nodes (nodesChanged then the next query), per node.
 * Prints a table; writes nothing outside the temporary folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PinyinNodeIndex } from '../../main/core/search/pinyin-index';
import { createSyntheticWorkspace } from './synthetic-workspace';

const REPS = 50;
const QUERIES = ['kh', 'khbfjl', 'kehubaifangjilu', 'kehubfjl', 'zl', 'zhiliang', 'zs', 'gysczgc'];

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
for (const size of sizes.length ? sizes : [10_000, 100_000]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pinyin-bench-'));
  try {
    const graph = createSyntheticWorkspace(path.join(dir, 'w.wellspring'), size);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const index = new PinyinNodeIndex({ all: () => graph.nodes, find: (id) => byId.get(id) });
    let t0 = performance.now();
    const readable = index.build();
    const buildMs = performance.now() - t0;
    console.log(`\n${size} nodes: build ${buildMs.toFixed(0)} ms (${readable} with a Chinese name)`);
    console.log('query              matched   ms/query');
    for (const q of QUERIES) {
      let total = 0;
      t0 = performance.now();
      for (let r = 0; r < REPS; r++) total = index.search(q, { limit: 20 }).total;
      const ms = (performance.now() - t0) / REPS;
      console.log(`${q.padEnd(18)} ${String(total).padStart(7)}   ${ms.toFixed(2)}`);
    }
    const changed = graph.nodes.slice(0, 100).map((n) => n.id);
    t0 = performance.now();
    index.changed(changed);
    index.search('kh', { limit: 20 });
    console.log(
      `change: ${((performance.now() - t0) / changed.length).toFixed(3)} ms per changed node (100, with one query)`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
