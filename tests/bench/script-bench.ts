/**
 * Simplified ↔ Traditional benchmark (issue 11 §2): what script conversion costs a query. Run with
 * `npx tsx tests/bench/script-bench.ts`.
 *
 * - build: the four opencc-js converters, built once per process (prepareScriptConversion), wall time;
 * - plan: planSearch (the query's converted forms, no glossary) per query, the mean over every query × REPS, with a
 *   fresh suffix per repetition so no cache of the library's answers it;
 * - search: the maint-guide (fixtures/search, 74 chunks of ≤ 1,500 characters) searched as SearchService does it,
 *   the query alone against the query and its converted forms merged (mergeHits), mean ms per query.
 * Queries: Simplified words of the guide and Taiwan Traditional ones (the list of search-quality-script.test.ts,
 * shortened). Prints a table; writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { mergeHits } from '../../main/core/search/expanded-search';
import { SearchIndex } from '../../main/core/search/search-index';
import { planSearch, prepareScriptConversion } from '../../main/core/search/script-variants';

const REPS = 200;
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

function chunks(text: string, max = 1500): string[] {
  const out: string[] = [];
  let cur = '';
  for (const p of text.split(/\n[ \t]*\n/)) {
    if (cur && cur.length + 2 + p.length > max) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur}\n\n${p}` : p;
  }
  if (cur.trim()) out.push(cur);
  return out;
}

const t0 = performance.now();
prepareScriptConversion();
const buildMs = performance.now() - t0;

let planMs = 0;
for (let r = 0; r < REPS; r++) {
  const t = performance.now();
  for (const q of QUERIES) planSearch(`${q}${r}`, { glossary: null, convertScript: true });
  planMs += performance.now() - t;
}
planMs /= REPS * QUERIES.length;

const texts = chunks(
  fs.readFileSync(path.resolve(__dirname, '../../fixtures/search/maint-guide.zh-cn.txt'), 'utf8'),
);
const ix = new SearchIndex();
texts.forEach((text, i) => ix.addChunk({ chunkId: i, docId: i, page: 1, text }));
const options = { limit: 20, pagesPerDoc: 3, nodeLimit: 0 };
const rows: string[] = [];
let aloneAll = 0;
let convertedAll = 0;
for (const q of QUERIES) {
  let alone = 0;
  let converted = 0;
  let searches = 0;
  for (let r = 0; r < 20; r++) {
    let t = performance.now();
    ix.search(q, options);
    alone += performance.now() - t;
    t = performance.now();
    const plan = planSearch(q, { glossary: null, convertScript: true });
    const base = ix.search(q, options).docs;
    mergeHits(
      { forms: [q], hits: base },
      plan.alternatives.map((a) => ({ forms: a.forms, hits: ix.search(a.query, options).docs })),
      (d) => d.docId,
      20,
    );
    converted += performance.now() - t;
    searches = 1 + plan.alternatives.length;
  }
  aloneAll += alone / 20;
  convertedAll += converted / 20;
  rows.push(
    `${q.padEnd(18)}${(alone / 20).toFixed(3).padStart(9)}${(converted / 20).toFixed(3).padStart(11)}${String(searches).padStart(10)}`,
  );
}

console.log(
  [
    `SCRIPT-BENCH (opencc-js 1.4.2, maint-guide ${texts.length} chunks)`,
    `converters built once: ${buildMs.toFixed(0)} ms`,
    `planSearch per query: ${(planMs * 1000).toFixed(1)} µs (mean of ${REPS * QUERIES.length})`,
    `${'query'.padEnd(18)} alone ms  with forms  searches`,
    ...rows,
    `mean ms per query: alone ${(aloneAll / QUERIES.length).toFixed(3)}, with converted forms ${(convertedAll / QUERIES.length).toFixed(3)}`,
  ].join('\n'),
);
