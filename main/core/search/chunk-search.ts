import { allMatches, lookup } from './candidates';
import { grow, type ChunkRecord, type ChunkStore } from './chunk-store';
import { DocumentSearch, MAX_DOC_TERMS } from './doc-search';
import type { PostingIndex } from './posting-index';
import { findMatches, type QueryTerm } from './query-terms';
import { bm25Tf, documentScore, idf } from './ranking';
import type { DocHit, PageHit, SearchOptions, SearchResult } from './search-types';
import { buildSnippets } from './snippet';

/** Occurrences counted per term and chunk: BM25 is within 10% of its limit by then, and the scan stops early. */
const TF_CAP = 8;

/** What {@link ChunkSearch.run} needs besides the query. */
export interface ChunkSearchContext {
  store: ChunkStore;
  postings: PostingIndex;
  /** Candidates verified against text at most. */
  verifyBudget: number;
  /** NFKC text of a chunk, or undefined when none is available. */
  textOf: (rec: ChunkRecord) => string | undefined;
  /** Reads the texts of these chunks (internal ids) in batches, so that the `textOf` calls that follow are cheap. */
  prefetch: (iids: readonly number[]) => void;
}

/** Candidates whose texts are read at once (one `prefetch`) before they are verified. */
export const VERIFY_BATCH = 256;

/**
 * The chunk half of a search, with its scratch arrays reused across queries.
 *
 * A query of 2 to {@link MAX_DOC_TERMS} terms matches documents (every term somewhere in the document, ranked by how
 * close the terms lie): `doc-search.ts`. A one-term query, one of more than MAX_DOC_TERMS terms, and any query with
 * `match: 'page'` (every term then on one page) are answered here, at page level:
 *
 * One pass over the candidates in impact order verifies the terms the index cannot decide (up to the budget) and
 * accumulates per document the best score, the score sum and the count in typed arrays indexed by dense document
 * number; nothing is allocated per candidate, so a query matching most of 100k chunks stays within a few
 * milliseconds. The shown documents then pick their best pages from the per-chunk scores this query recorded.
 */
export class ChunkSearch {
  private docBest = new Float64Array(64);
  private docSum = new Float64Array(64);
  private docCount = new Int32Array(64);
  private chunkScore = new Float64Array(1024);
  private chunkQuery = new Int32Array(1024);
  private queryNo = 0;
  private readonly documents = new DocumentSearch();

  /** Fills `result.docs`, `total`, `totalChunks`, `candidates` and `exhaustive` for `terms` (non-empty). */
  run(
    ctx: ChunkSearchContext,
    terms: readonly QueryTerm[],
    options: SearchOptions,
    result: SearchResult,
  ): void {
    if (terms.length >= 2 && terms.length <= MAX_DOC_TERMS && options.match !== 'page') {
      this.documents.run(ctx, terms, options, result);
      return;
    }
    const { store, postings } = ctx;
    this.fit(store);
    const n = Math.max(1, store.size);
    const { groups, df, decided } = lookup(postings, terms, (d) => idf(d, n));
    const avgLength = store.totalLength / n;
    // Terms the index cannot decide are verified against the text, rarest first (most failures happen there).
    const verify = terms.filter((t) => !decided.has(t)).sort((a, b) => df.get(a)! - df.get(b)!);
    const weights = verify.map((t) => idf(df.get(t)!, n));
    const allowed = store.allowedDocs(options.filter?.docIds);
    const { docBest, docSum, docCount, chunkScore, chunkQuery } = this;
    const { chunkDoc, records } = store;
    const query = ++this.queryNo;
    const touched: number[] = [];
    let examined = 0;
    let candidates = 0;
    let matched = 0;
    let exhaustive = true;
    // Candidates to verify are collected first (impact order, up to the budget), then their texts read in batches.
    const pending: number[] = [];
    const pendingScore: number[] = [];
    const accept = (iid: number, d: number, score: number): void => {
      matched++;
      chunkScore[iid] = score;
      chunkQuery[iid] = query;
      if (docCount[d] === 0) touched.push(d);
      docCount[d] = docCount[d]! + 1;
      docSum[d] = docSum[d]! + score;
      if (score > docBest[d]!) docBest[d] = score;
    };
    postings.intersect(groups, (iid, indexScore) => {
      const d = chunkDoc[iid]!;
      if (d < 0 || (allowed && allowed[d] === 0)) return;
      candidates++;
      if (verify.length === 0) return accept(iid, d, indexScore);
      if (examined >= ctx.verifyBudget) {
        exhaustive = false;
        return;
      }
      examined++;
      pending.push(iid);
      pendingScore.push(indexScore);
    });
    for (let at = 0; at < pending.length; at += VERIFY_BATCH) {
      const end = Math.min(pending.length, at + VERIFY_BATCH);
      ctx.prefetch(pending.slice(at, end));
      for (let j = at; j < end; j++) {
        const iid = pending[j]!;
        const rec = records[iid]!;
        const text = ctx.textOf(rec);
        if (text === undefined) continue;
        let score = pendingScore[j]!;
        for (let v = 0; v < verify.length && score >= 0; v++) {
          const tf = findMatches(verify[v]!, text, TF_CAP).length / 2;
          score = tf === 0 ? -1 : score + weights[v]! * bm25Tf(tf, rec.length, avgLength);
        }
        if (score >= 0) accept(iid, chunkDoc[iid]!, score);
      }
    }
    result.candidates = candidates;
    result.totalChunks = matched;
    result.total = touched.length;
    result.exhaustive = exhaustive;

    const docs = touched.map((d) => ({
      d,
      score: documentScore(docBest[d]!, docSum[d]!),
      count: docCount[d]!,
    }));
    for (const d of touched) {
      docBest[d] = 0;
      docSum[d] = 0;
      docCount[d] = 0;
    }
    const docIdOf = store.docIdOf;
    docs.sort((a, b) => b.score - a.score || docIdOf[a.d]! - docIdOf[b.d]!);
    const offset = Math.max(0, options.offset ?? 0);
    const limit = Math.max(0, options.limit ?? 20);
    const pagesPerDoc = Math.max(1, options.pagesPerDoc ?? 3);
    const shown = docs.slice(offset, offset + limit).map((d) => {
      const docId = docIdOf[d.d]!;
      const pages: PageScore[] = [];
      for (const iid of store.chunksOf(docId)) {
        if (chunkQuery[iid] === query)
          insertTop(pages, { iid, rec: records[iid]!, score: chunkScore[iid]! }, pagesPerDoc);
      }
      return { d, docId, pages };
    });
    // Snippets: the texts of every page shown in one batched read.
    ctx.prefetch(shown.flatMap((s) => s.pages.map((p) => p.iid)));
    result.docs = shown.map(({ d, docId, pages }): DocHit => {
      return {
        docId,
        score: d.score,
        matchingPages: d.count,
        pages: pages.map(({ rec, score }): PageHit => {
          const text = ctx.textOf(rec) ?? '';
          const snippets = buildSnippets(text, allMatches(terms, text), {
            width: options.snippetWidth,
            max: options.snippetsPerPage,
          });
          return { page: rec.page, chunkId: rec.chunkId, score, snippets };
        }),
      };
    });
  }

  /** Grows the scratch arrays to the store's id ranges. */
  private fit(store: ChunkStore): void {
    const docs = store.docIdOf.length;
    if (docs > this.docBest.length) {
      this.docBest = grow(this.docBest, docs);
      this.docSum = grow(this.docSum, docs);
      this.docCount = grow(this.docCount, docs);
    }
    if (store.idsUsed > this.chunkScore.length) {
      this.chunkScore = grow(this.chunkScore, store.idsUsed);
      this.chunkQuery = grow(this.chunkQuery, store.idsUsed);
    }
  }
}

interface PageScore {
  iid: number;
  rec: ChunkRecord;
  score: number;
}

/** Inserts `p` into `top` (best score first, then lowest page) and keeps at most `keep` entries. */
function insertTop(top: PageScore[], p: PageScore, keep: number): void {
  let i = top.length;
  while (
    i > 0 &&
    (top[i - 1]!.score < p.score || (top[i - 1]!.score === p.score && top[i - 1]!.rec.page > p.rec.page))
  ) {
    i--;
  }
  if (i >= keep) return;
  top.splice(i, 0, p);
  if (top.length > keep) top.pop();
}
