/**
 * Evidence finder benchmark (issue 7): the finder over every knowledge item of a synthetic 10k-node workspace
 * (`synthetic-workspace.ts`) with a 100k-page library, against a baseline measured in the same run. Run with
 * `npm run bench:analytics` (after the analytics benchmark) or `tsx tests/bench/evidence-bench.ts`.
 *
 * Library: pages of ~1,500 characters made from a fixed vocabulary of Chinese business words (the synthetic
 * workspace's topics and things among them, so the bigrams of every label are common) and English filler, written
 * straight into `documents`/`document_pages` of the workspace in one transaction (10 pages per file), as
 * library-bench fills its search index from generated chunks rather than through extraction. One page in eight
 * names a knowledge item (`客户拜访记录 1234`, the synthetic labels), some in their first line; a third of the items
 * get an English alias that pages use too. Deterministic (mulberry32).
 *
 * - ours: EvidenceService.run() to the end (whenIdle), the real background run with its slices and yields, on a
 *   SearchService index built beforehand (build time reported apart). ms per item = run wall time ÷ items.
 * - baseline: SQLite FTS5 with the `trigram` tokenizer over the same page texts (a temporary file, WAL), each of the
 *   same names queried as a quoted phrase `ORDER BY rank LIMIT 25` with `snippet()` — the same per-name work an
 *   FTS5-based finder would do, without our ranking and exclusions. Ratio = ours ÷ FTS5 (below 1: ours is faster).
 *
 * Goal: under 1 ms per knowledge item. Results go to test-results/bench/evidence.json (EVIDENCE_BENCH_RESULTS).
 * Environment: EVIDENCE_BENCH_NODES (default 10000), EVIDENCE_BENCH_PAGES (default 100000).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { mulberry32 } from '../../main/core/analytics/seeded-random';
import { openWorkspaceDb } from '../../main/core/db/workspace-db';
import { LibraryStore } from '../../main/core/documents/library-store';
import { searchableNames } from '../../main/core/evidence/evidence-finder';
import { EvidenceService } from '../../main/core/evidence/evidence-service';
import { GraphStore } from '../../main/core/graph/graph-store';
import { SearchService } from '../../main/core/search/search-service';
import { TOPICS, createSyntheticWorkspace } from './synthetic-workspace';

const REPO = path.resolve(__dirname, '../..');
const NODES = Number(process.env.EVIDENCE_BENCH_NODES ?? 10_000);
const PAGES = Number(process.env.EVIDENCE_BENCH_PAGES ?? 100_000);
const RESULTS = path.resolve(
  process.env.EVIDENCE_BENCH_RESULTS ?? path.join(REPO, 'test-results/bench/evidence.json'),
);
const PAGES_PER_DOC = 10;
const GOAL_MS_PER_ITEM = 1;

const ZH_WORDS = [
  ...TOPICS,
  '拜访记录',
  '操作规程',
  '检查清单',
  '故障案例',
  '培训手册',
  '报价模板',
  '经验总结',
  '审批流程',
  '我们',
  '需要',
  '按照',
  '要求',
  '进行',
  '检查',
  '确认',
  '完成',
  '记录',
  '管理',
  '部门',
  '负责',
  '每月',
  '提交',
  '报告',
  '问题',
  '改进',
  '标准',
  '流程',
  '节点',
  '数据',
  '系统',
  '分析',
  '结果',
];
const EN_WORDS = [
  'the',
  'review',
  'of',
  'process',
  'and',
  'quality',
  'for',
  'each',
  'shift',
  'report',
  'visit',
];
const EN_TOPICS = ['Customer', 'Supplier', 'Quality', 'Safety', 'Equipment', 'Finance'];
const EN_THINGS = ['visit log', 'procedure', 'checklist', 'case file', 'handbook', 'quote template'];

interface Item {
  id: string;
  label: string;
  alias: string | null;
}

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

/** One page of about 1,500 characters; `mention` (a name) goes in its first line or in its body when given. */
function pageText(rnd: () => number, mention: string | null, first: boolean): string {
  const lines: string[] = [];
  let chars = 0;
  while (chars < 1500) {
    let line = '';
    for (let w = 0; w < 30; w++) line += pick(rnd, ZH_WORDS);
    if (rnd() < 0.3) line += ` ${Array.from({ length: 8 }, () => pick(rnd, EN_WORDS)).join(' ')}。`;
    lines.push(line);
    chars += line.length;
  }
  if (mention) {
    const at = first ? 0 : 1 + Math.floor(rnd() * (lines.length - 1));
    lines[at] = first
      ? `${mention}\n${lines[at]}`
      : `${lines[at]!.slice(0, 20)}${mention}${lines[at]!.slice(20)}`;
  }
  return lines.join('\n');
}

function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-evidence-bench-'));
  try {
    const file = path.join(tmp, 'bench.wellspring');
    const t0 = performance.now();
    createSyntheticWorkspace(file, NODES);
    const { db } = openWorkspaceDb(file);
    const rnd = mulberry32(7_061_001);
    // A third of the items get an English alias (the pages use it too).
    const items: Item[] = (
      db.prepare("SELECT id, label FROM nodes WHERE kind = 'knowledge' ORDER BY id").all() as Item[]
    ).map((r, i) => ({
      ...r,
      alias: rnd() < 0.33 ? `${pick(rnd, EN_TOPICS)} ${pick(rnd, EN_THINGS)} ${i + 1}` : null,
    }));
    const setAliases = db.prepare('UPDATE nodes SET aliases = ? WHERE id = ?');
    const insertFolder = db.prepare("INSERT INTO library_folders (id, path, added_at) VALUES (1, ?, 'x')");
    const insertDoc = db.prepare(
      `INSERT INTO documents (id, folder_id, path, name, ext, size, mtime_ms, mime, page_count, status)
       VALUES (?, 1, ?, ?, 'txt', 1, 1, 'text/plain', ?, 'indexed')`,
    );
    const insertPage = db.prepare(
      'INSERT INTO document_pages (doc_id, page, label, text) VALUES (?, ?, NULL, ?)',
    );
    const texts: string[] = [];
    db.transaction(() => {
      for (const it of items) if (it.alias) setAliases.run(JSON.stringify([it.alias]), it.id);
      insertFolder.run(path.join(tmp, 'library'));
      for (let p = 0; p < PAGES; p++) {
        const docId = Math.floor(p / PAGES_PER_DOC) + 1;
        const page = (p % PAGES_PER_DOC) + 1;
        if (page === 1)
          insertDoc.run(
            docId,
            path.join(tmp, 'library', `doc-${docId}.txt`),
            `doc-${docId}.txt`,
            PAGES_PER_DOC,
          );
        let mention: string | null = null;
        if (rnd() < 0.125) {
          const it = pick(rnd, items);
          mention = it.alias && rnd() < 0.5 ? it.alias : it.label;
        }
        const text = pageText(rnd, mention, rnd() < 0.3);
        texts.push(text);
        insertPage.run(docId, page, text);
      }
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('library_generation', '1')").run();
    })();
    const setupMs = performance.now() - t0;
    console.log(`Evidence benchmark: ${NODES} nodes (${items.length} knowledge items), ${PAGES} pages`);
    console.log(`  workspace and library written in ${Math.round(setupMs)} ms`);

    const store = new GraphStore(db);
    const library = new LibraryStore(db);
    const search = new SearchService(library, store);
    const tb = performance.now();
    search.searchIndex();
    const indexBuildMs = performance.now() - tb;
    console.log(`  search index built in ${Math.round(indexBuildMs)} ms`);

    const evidence = new EvidenceService({ db, store, library, search, emit: () => undefined });
    const tr = performance.now();
    evidence.run();
    await evidence.whenIdle();
    const oursMs = performance.now() - tr;
    const progress = evidence.progress();
    await evidence.close();

    // Baseline: FTS5 trigram over the same texts, the same names as phrases.
    const ftsFile = path.join(tmp, 'fts5.sqlite');
    const fts = new Database(ftsFile);
    fts.pragma('journal_mode = WAL');
    fts.exec("CREATE VIRTUAL TABLE pages USING fts5(text, tokenize = 'trigram')");
    const tf = performance.now();
    const ins = fts.prepare('INSERT INTO pages (rowid, text) VALUES (?, ?)');
    fts.transaction(() => texts.forEach((t, i) => ins.run(i + 1, t)))();
    const ftsBuildMs = performance.now() - tf;
    const query = fts.prepare(
      "SELECT rowid, snippet(pages, 0, '[', ']', '…', 16) AS s FROM pages WHERE pages MATCH ? ORDER BY rank LIMIT 25",
    );
    const names = items.flatMap((it) =>
      searchableNames({ id: it.id, label: it.label, aliases: it.alias ? [it.alias] : [] }).map((n) => n.raw),
    );
    let ftsHits = 0;
    const tq = performance.now();
    for (const n of names) ftsHits += query.all(`"${n.replaceAll('"', '""')}"`).length;
    const ftsMs = performance.now() - tq;
    fts.close();
    db.close();

    const msPerItem = oursMs / Math.max(1, items.length);
    const result = {
      benchmark: 'evidence',
      nodes: NODES,
      knowledgeItems: items.length,
      pages: PAGES,
      names: names.length,
      indexBuildMs: Math.round(indexBuildMs),
      ours: {
        totalMs: round(oursMs, 1),
        msPerItem: round(msPerItem),
        proposals: progress.proposals,
        items: progress.items,
      },
      fts5: {
        buildMs: Math.round(ftsBuildMs),
        totalMs: round(ftsMs, 1),
        msPerItem: round(ftsMs / Math.max(1, items.length)),
        hits: ftsHits,
      },
      ratio: round(oursMs / ftsMs),
      goals: [
        {
          goal: `evidence finder < ${GOAL_MS_PER_ITEM} ms per knowledge item`,
          met: msPerItem < GOAL_MS_PER_ITEM,
        },
      ],
      loadAverage: os.loadavg().map((l) => round(l, 2)),
    };
    console.log(
      `  ours:  ${result.ours.totalMs} ms in all, ${result.ours.msPerItem} ms per item (goal < ${GOAL_MS_PER_ITEM}), ` +
        `${progress.proposals} proposals for ${progress.items} items`,
    );
    console.log(
      `  FTS5 trigram: ${result.fts5.totalMs} ms for ${names.length} names, ${result.fts5.msPerItem} ms per item ` +
        `(${ftsHits} hits; built in ${result.fts5.buildMs} ms)`,
    );
    console.log(`  ratio ours ÷ FTS5: ${result.ratio}; load average ${result.loadAverage.join(' ')}`);
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, JSON.stringify(result, null, 2));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export type EvidenceBenchResults = {
  benchmark: 'evidence';
  knowledgeItems: number;
  pages: number;
  ours: { totalMs: number; msPerItem: number; proposals: number; items: number };
  fts5: { totalMs: number; msPerItem: number; hits: number };
  ratio: number;
  goals: Array<{ goal: string; met: boolean }>;
};

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
