/**
 * Document-level against page-level matching of multi-term queries (issue 11 §5), in one process on one index, so
 * that the load of the machine weighs on both alike. Run with `npm run bench:search` (or
 * `npx tsx tests/bench/doclevel-bench.ts`); the smoke test (doclevel-bench.smoke.test.ts) runs it at 1,000 chunks.
 *
 * Corpus: the PDFs of `DOCLEVEL_BENCH_PDF_DIR`, by default the 23 of `../shared/corpus/bench-pdf`; without that folder
 * (a clean checkout) the repository's own text PDFs ({@link FIXTURE_PDFS}: the Chinese maint-guide and five small
 * English ones), said so in the output. As text by `pdftotext` (one page per form feed), made into
 * `DOCLEVEL_BENCH_CHUNKS` (default 100,000) chunks as library-bench.ts makes them: the pages, then copies of every
 * page with its lines rotated and its second half from another page, each copy of a PDF a document of its own.
 * Queries (deterministic): two words of 4+ letters from one page (`en-and`), one word each from two random pages
 * (`en-spread`), a Chinese bigram with an English word of the same page (`mixed`), and a few fixed ones. Each query
 * runs with `match: 'page'` and with the default (document level), alternately, twice; wall time around the call.
 * Prints p50/p95 per kind, the ratio document-level ÷ page-level of the p50s per kind and over all queries (p50,
 * p95 and total time), and the documents found each way. Skipped with a message (exit 0) without pdftotext.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SearchIndex } from '../../main/core/search/search-index';

const REPO = path.resolve(__dirname, '../..');
const CORPUS = path.resolve(
  process.env.DOCLEVEL_BENCH_PDF_DIR ?? path.join(REPO, '../shared/corpus/bench-pdf'),
);
const TOTAL = Number(process.env.DOCLEVEL_BENCH_CHUNKS ?? 100_000);
/** The repository's PDFs with a text layer, used when {@link CORPUS} is missing (see fixtures' attribution files). */
const FIXTURE_PDFS = [
  'fixtures/search/maint-guide.zh-cn.pdf',
  'fixtures/documents/textract/raw_text.pdf',
  'fixtures/documents/pdfjs/issue9972-1.pdf',
  'fixtures/documents/pdfjs/issue12823.pdf',
  'fixtures/documents/pdfjs/issue15340.pdf',
  'fixtures/documents/pdfjs/Pages-tree-refs.pdf',
].map((f) => path.join(REPO, f));

/** The PDFs to read: the corpus folder's, sorted, or the fixtures when it is missing; and where they come from. */
function pdfFiles(): { files: string[]; source: string } {
  if (fs.existsSync(CORPUS)) {
    const files = fs
      .readdirSync(CORPUS)
      .filter((f) => f.toLowerCase().endsWith('.pdf'))
      .sort()
      .map((f) => path.join(CORPUS, f));
    return { files, source: CORPUS };
  }
  return {
    files: FIXTURE_PDFS.filter((f) => fs.existsSync(f)),
    source: `${CORPUS} is missing: the repository's fixtures`,
  };
}

function pages(files: readonly string[]): Array<{ docId: number; page: number; text: string }> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'doclevel-bench-'));
  try {
    const out: Array<{ docId: number; page: number; text: string }> = [];
    files.forEach((file, d) => {
      const txt = path.join(tmp, `${d}.txt`);
      spawnSync('pdftotext', ['-enc', 'UTF-8', file, txt], { stdio: 'ignore' });
      if (!fs.existsSync(txt)) return;
      fs.readFileSync(txt, 'utf8')
        .split('\f')
        .forEach((text, i) => {
          if (text.trim()) out.push({ docId: d + 1, page: i + 1, text });
        });
    });
    return out;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

function main(): void {
  if (spawnSync('pdftotext', ['-v']).error)
    return console.log('doclevel bench: skipped, pdftotext is not installed');
  const { files, source } = pdfFiles();
  console.log(`doclevel bench: ${files.length} PDFs from ${source}`);
  const texts = pages(files);
  if (texts.length === 0) throw new Error(`doclevel bench: no page with text in ${source}`);
  const lines = texts.map((p) => p.text.split('\n'));
  const index = new SearchIndex();
  let id = 0;
  const t0 = performance.now();
  for (let copy = 0; id < TOTAL; copy++) {
    for (let i = 0; i < texts.length && id < TOTAL; i++) {
      const p = texts[i]!;
      let text = p.text;
      if (copy > 0) {
        const a = lines[i]!;
        const b = lines[(i * 31 + copy * 977) % texts.length]!;
        const shift = (copy * 13) % a.length;
        const rotated = a.slice(shift).concat(a.slice(0, shift));
        text = rotated
          .slice(0, Math.ceil(rotated.length / 2))
          .concat(b.slice(Math.floor(b.length / 2)))
          .join('\n');
      }
      index.addChunk({ chunkId: ++id, docId: copy * 1000 + p.docId, page: p.page, text });
    }
  }
  console.log(`${texts.length} pages, ${id} chunks, index built in ${Math.round(performance.now() - t0)} ms`);

  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const words = (t: string) => t.match(/[A-Za-z]{4,}/g) ?? [];
  const bigrams = (t: string) => t.match(/[\u4e00-\u9fff]{2}/g) ?? [];
  const queries: Array<[kind: string, query: string]> = [];
  for (let q = 0; q < 80; q++) {
    const p = pick(texts).text;
    const w = words(p);
    if (w.length > 2) queries.push(['en-and', `${pick(w)} ${pick(w)}`]);
    const w2 = words(pick(texts).text);
    if (w.length && w2.length) queries.push(['en-spread', `${pick(w)} ${pick(w2)}`]);
    const z = bigrams(p);
    if (z.length && w.length) queries.push(['mixed', `${pick(z)} ${pick(w)}`]);
  }
  for (const q of [
    'the default',
    'trace can',
    'set 认为',
    'shape 范围',
    'debian/rules 文件',
    '"the default" value',
  ])
    queries.push(['fixed', q]);
  for (const [, q] of queries.slice(0, 20)) {
    index.search(q);
    index.search(q, { match: 'page' });
  }
  const kinds = new Map<string, { page: number[]; doc: number[]; pageDocs: number; docDocs: number }>();
  for (let round = 0; round < 2; round++) {
    for (const [kind, q] of queries) {
      const k = kinds.get(kind) ?? { page: [], doc: [], pageDocs: 0, docDocs: 0 };
      kinds.set(kind, k);
      let t = performance.now();
      const a = index.search(q, { match: 'page' });
      k.page.push(performance.now() - t);
      t = performance.now();
      const b = index.search(q);
      k.doc.push(performance.now() - t);
      if (round === 0) {
        k.pageDocs += a.total;
        k.docDocs += b.total;
      }
    }
  }
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${os.cpus().length} CPUs`,
  );
  // Ratios of times under a microsecond's resolution would be noise: floored at 0.001 ms.
  const ratio = (doc: number, page: number) => (Math.max(doc, 0.001) / Math.max(page, 0.001)).toFixed(2);
  console.log(
    'kind       queries  page p50   p95  document p50   p95  doc÷page p50  documents found: page → document',
  );
  for (const [kind, k] of kinds) {
    const [p50, d50] = [percentile(k.page, 50), percentile(k.doc, 50)];
    console.log(
      `${kind.padEnd(10)}${String(k.page.length / 2).padStart(8)}` +
        `${p50.toFixed(2).padStart(10)}${percentile(k.page, 95).toFixed(2).padStart(6)}` +
        `${d50.toFixed(2).padStart(14)}${percentile(k.doc, 95).toFixed(2).padStart(6)}` +
        `${`${ratio(d50, p50)}×`.padStart(14)}   ${k.pageDocs} → ${k.docDocs}`,
    );
  }
  const all = [...kinds.values()];
  const page = all.flatMap((k) => k.page);
  const doc = all.flatMap((k) => k.doc);
  const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
  console.log(
    `document-level ÷ page-level over ${page.length / 2} queries: p50 ${ratio(percentile(doc, 50), percentile(page, 50))}×, ` +
      `p95 ${ratio(percentile(doc, 95), percentile(page, 95))}×, total time ${ratio(sum(doc), sum(page))}× ` +
      `(${sum(doc).toFixed(1)} ms against ${sum(page).toFixed(1)} ms); documents found ` +
      `${sum(all.map((k) => k.pageDocs))} → ${sum(all.map((k) => k.docDocs))}`,
  );
}

main();
