/**
 * Simplified ↔ Traditional benchmark (issue 11 §2): what script conversion costs a query. `npm run bench:search`
 * runs it; by hand `npx tsx tests/bench/script-bench.ts`. SCRIPT_BENCH_REPS sets the repetitions of each search
 * (default 20; planSearch runs 10 × as many).
 *
 * - build: the four opencc-js converters, built once per process (prepareScriptConversion), wall time;
 * - plan: planSearch (the query's converted forms, no glossary) per query, the mean over every query × REPS, with a
 *   fresh suffix per repetition so no cache of the library's answers it;
 * - search: the maint-guide (fixtures/search, 75 chunks of ≤ 1,500 characters, quality-oracle.ts's chunkText) searched
 *   as SearchService does it, the query alone against the query and its converted forms merged (mergeHits), mean ms
 *   per query after one warm-up round of both; the ratio (with forms ÷ alone, measured in the same run) per query
 *   and over all queries (the sum of the means with forms ÷ the sum alone). "With forms" includes planSearch itself; a Traditional query
 *   alone finds next to nothing in the Simplified guide (it is fast because it is useless), so its ratio is large.
 * Queries: Simplified words of the guide and Taiwan Traditional ones (the list of search-quality-script.test.ts,
 * shortened). Prints a table; writes nothing.
 */
import fs from 'node:fs';
import { mergeHits } from '../../main/core/search/expanded-search';
import { SearchIndex } from '../../main/core/search/search-index';
import { planSearch, prepareScriptConversion } from '../../main/core/search/script-variants';
import { MAINT_GUIDE_TEXT, chunkText } from '../unit/core/search/quality-oracle';

/** Repetitions of each search; planSearch runs 10 × as many. */
const REPS = Math.max(1, Number(process.env.SCRIPT_BENCH_REPS ?? 20) || 20);
const PLAN_REPS = REPS * 10;
const QUERIES = [
  '打包',
  '维护者',
  '软件包',
  '源代码包',
  '上游源代码',
  '文件 系统',
  'debian 软件包',
  '軟體包',
  '原始碼',
  '檔案',
  '程式',
  '"Debian 軟體包"',
  'lintian 檢查',
];

const t0 = performance.now();
prepareScriptConversion();
const buildMs = performance.now() - t0;

let planMs = 0;
for (let r = 0; r < PLAN_REPS; r++) {
  const t = performance.now();
  for (const q of QUERIES) planSearch(`${q}${r}`, { glossary: null, convertScript: true });
  planMs += performance.now() - t;
}
planMs /= PLAN_REPS * QUERIES.length;

const texts = chunkText(fs.readFileSync(MAINT_GUIDE_TEXT!, 'utf8'));
const ix = new SearchIndex();
texts.forEach((text, i) => ix.addChunk({ chunkId: i, docId: i, page: 1, text }));
const options = { limit: 20, pagesPerDoc: 3, nodeLimit: 0 };
/** The query and its converted forms searched and merged as SearchService does it; how many searches that took. */
function searchWithForms(q: string): number {
  const plan = planSearch(q, { glossary: null, convertScript: true });
  const base = ix.search(q, options).docs;
  mergeHits(
    { forms: [q], hits: base },
    plan.alternatives.map((a) => ({ forms: a.forms, hits: ix.search(a.query, options).docs })),
    (d) => d.docId,
    20,
  );
  return 1 + plan.alternatives.length;
}
// One warm-up round of both, so that the first query measured does not pay for the JIT.
for (const q of QUERIES) {
  ix.search(q, options);
  searchWithForms(q);
}
const rows: string[] = [];
let aloneAll = 0;
let convertedAll = 0;
for (const q of QUERIES) {
  let alone = 0;
  let converted = 0;
  let searches = 0;
  for (let r = 0; r < REPS; r++) {
    let t = performance.now();
    ix.search(q, options);
    alone += performance.now() - t;
    t = performance.now();
    searches = searchWithForms(q);
    converted += performance.now() - t;
  }
  aloneAll += alone / REPS;
  convertedAll += converted / REPS;
  rows.push(
    `${q.padEnd(18)}${(alone / REPS).toFixed(3).padStart(9)}${(converted / REPS).toFixed(3).padStart(11)}` +
      `${String(searches).padStart(10)}${(converted / alone).toFixed(2).padStart(8)}`,
  );
}

console.log(
  [
    `SCRIPT-BENCH (opencc-js 1.4.2, maint-guide ${texts.length} chunks)`,
    `converters built once: ${buildMs.toFixed(0)} ms`,
    `planSearch per query: ${(planMs * 1000).toFixed(1)} µs (mean of ${PLAN_REPS * QUERIES.length})`,
    `${'query'.padEnd(18)} alone ms  with forms  searches   ratio`,
    ...rows,
    `mean ms per query: alone ${(aloneAll / QUERIES.length).toFixed(3)}, with converted forms ${(convertedAll / QUERIES.length).toFixed(3)}, ` +
      `ratio ${(convertedAll / aloneAll).toFixed(2)} (with forms ÷ alone, ${REPS} runs a query)`,
  ].join('\n'),
);
