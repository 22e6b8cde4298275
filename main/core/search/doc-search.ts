import { allMatches, lookup } from './candidates';
import { grow, type ChunkRecord, type ChunkStore } from './chunk-store';
import type { PostingGroup, PostingIndex } from './posting-index';
import { findMatches, type QueryTerm } from './query-terms';
import { bm25Tf, documentScore, idf, pageTier, type TermsTogether } from './ranking';
import type { DocHit, PageHit, SearchOptions, SearchResult } from './search-types';
import { buildSnippets } from './snippet';

/** Occurrences counted per term and chunk (as in `chunk-search.ts`). */
const TF_CAP = 8;

/** Terms a query may have for document-level matching: one bit each in a 32-bit mask. */
export const MAX_DOC_TERMS = 30;

/** What {@link DocumentSearch.run} needs besides the query (the same as `ChunkSearchContext`). */
export interface DocumentSearchContext {
  store: ChunkStore;
  postings: PostingIndex;
  /** Candidates verified against text at most. */
  verifyBudget: number;
  /** NFKC text of a chunk, or undefined when none is available. */
  textOf: (rec: ChunkRecord) => string | undefined;
}

/** One query term's part of a document-level search. */
interface TermPlan {
  term: QueryTerm;
  /** Its bit in the chunk and document masks. */
  bit: number;
  /** Lookup groups of the term alone (empty for a loose term). */
  groups: PostingGroup[];
  /** Smallest posting size among its tokens (see `candidates.ts`). */
  df: number;
  /** Decided by the index: every candidate matches (see `candidates.ts`). */
  decided: boolean;
  /**
   * A term without index tokens (one CJK character) in a query whose other terms have some: it is looked for in the
   * chunks of the documents the other terms leave, instead of through the bigrams around it.
   */
  loose: boolean;
  /** Candidate chunks (internal ids) and their index scores, in the impact order of the term's rarest token. */
  iids: number[];
  scores: number[];
}

/**
 * The document-level half of a multi-term search (2 to {@link MAX_DOC_TERMS} terms; issue 11 §5): a document
 * matches when every term occurs somewhere in it, each term verified on its own pages' text exactly as a one-term
 * search verifies it, not necessarily all on one page. A term is still one phrase: a quoted `"debian/rules 文件"`
 * or a CJK run such as 上游源代码 must occur on one page.
 *
 * Steps, all on typed arrays indexed by internal chunk id or dense document number:
 * 1. Candidates per term: the AND of the term's own tokens (`lookup` on the term alone), terms rarest first. The
 *    documents are intersected as the lists are read — a chunk is kept only when its document had candidates for
 *    every earlier term — so the later, longer posting lists cost a scan and no allocation for documents already
 *    out. This is the document-level AND over posting lists, on document ids.
 * 2. Verification of the terms the index cannot decide (rarest first), in three passes per term: (a) the chunks
 *    that are candidates of every term (where the terms may share a page), (b) for each document the term has not
 *    been verified in yet, its other candidate chunks until one matches, then documents without the term are
 *    dropped; after all terms, (c) the remaining candidate chunks of the documents left, while the budget lasts.
 *    The budget (`verifyBudget`) counts all three; running out in (a) or (b) makes the result `exhaustive: false`
 *    (documents may be missing), in (c) only leaves `matchingPages` and the choice of pages short.
 * 3. Ranking, by how close the terms lie, then score: the smallest stretch of consecutive pages holding every term
 *    (the "MinCover" span of Tao & Zhai 2007, "An exploration of proximity measures in information retrieval",
 *    SIGIR, measured in pages instead of words; the same idea as the proximity boost of Recoll/Xapian's NEAR
 *    queries) gives the tier — `page` (span 0: one page holds every term), `near` (span 1: two adjacent pages do),
 *    `apart` — and documents are ordered by tier, then by `documentScore` of their pages' BM25 scores (a page
 *    scores the terms it holds), then by id. O(chunks holding a term) per document (`ranking.ts` pageTier).
 * 4. Pages shown (`pagesPerDoc`): greedily, the page adding the most terms not yet shown, then the page with the most
 *    terms, then the best score, then the lowest page number — so the pages listed together show every term when
 *    they can. Snippets highlight every term on the page where it occurs.
 *
 * `matchingPages` of a document and `totalChunks` count chunks holding at least one term (verified), in matching
 * documents.
 */
export class DocumentSearch {
  private docStage = new Int32Array(64);
  private docMask = new Int32Array(64);
  private docSlot = new Int32Array(64);
  private chunkMask = new Int32Array(1024);
  private chunkScore = new Float64Array(1024);
  private chunkQuery = new Int32Array(1024);
  private chunkSeen = new Int32Array(1024);
  private chunkHits = new Int32Array(1024);
  private queryNo = 0;
  private epoch = 1;

  /** Fills `result.docs`, `total`, `totalChunks`, `candidates` and `exhaustive` for 2 to MAX_DOC_TERMS `terms`. */
  run(
    ctx: DocumentSearchContext,
    terms: readonly QueryTerm[],
    options: SearchOptions,
    result: SearchResult,
  ): void {
    const { store, postings } = ctx;
    this.fit(store);
    const n = Math.max(1, store.size);
    const avgLength = store.totalLength / n;
    const allowed = store.allowedDocs(options.filter?.docIds);
    const { chunkDoc, records } = store;
    const { docStage, docMask, chunkMask, chunkScore, chunkQuery, chunkSeen, chunkHits } = this;
    const query = ++this.queryNo;
    const anyTokens = terms.some((t) => t.tokens.length > 0);
    const plans: TermPlan[] = terms.map((term, bit) => {
      const loose = anyTokens && term.tokens.length === 0;
      const lk = loose ? null : lookup(postings, [term], (d) => idf(d, n));
      return {
        term,
        bit,
        loose,
        groups: lk?.groups ?? [],
        df: lk?.df.get(term) ?? Number.POSITIVE_INFINITY,
        decided: lk?.decided.has(term) ?? false,
        iids: [],
        scores: [],
      };
    });
    const indexed = plans.filter((p) => !p.loose).sort((a, b) => a.df - b.df);
    const k = indexed.length;

    // 1. Candidates per term, documents intersected as the lists are read.
    if (this.epoch > 0x7fff0000) {
      docStage.fill(0);
      this.epoch = 1;
    }
    const base = this.epoch;
    this.epoch += k + 3;
    const final = base + k;
    const dead = base + k + 1;
    for (let i = 0; i < k; i++) {
      const p = indexed[i]!;
      const need = base + i;
      const mark = base + i + 1;
      let kept = 0;
      postings.intersect(p.groups, (iid, score) => {
        const d = chunkDoc[iid]!;
        if (d < 0 || (allowed && allowed[d] === 0)) return;
        const s = docStage[d]!;
        if (i > 0 && s !== need && s !== mark) return;
        docStage[d] = mark;
        p.iids.push(iid);
        p.scores.push(score);
        if (chunkSeen[iid] !== query) {
          chunkSeen[iid] = query;
          chunkHits[iid] = 0;
        }
        chunkHits[iid] = chunkHits[iid]! + 1;
        kept++;
      });
      if (kept === 0) return this.empty(result);
    }

    // Documents left, in the impact order of the rarest term; their masks start empty.
    const alive: number[] = [];
    let candidates = 0;
    for (const p of indexed) {
      for (const iid of p.iids) {
        const d = chunkDoc[iid]!;
        if (docStage[d] !== final) continue;
        candidates++;
        if (this.docSlot[d] !== query) {
          this.docSlot[d] = query;
          docMask[d] = 0;
          alive.push(d);
        }
      }
    }
    result.candidates = candidates;
    if (alive.length === 0) return this.empty(result);

    const touch = (iid: number, bit: number, add: number): void => {
      if (chunkQuery[iid] !== query) {
        chunkQuery[iid] = query;
        chunkMask[iid] = 0;
        chunkScore[iid] = 0;
      }
      chunkMask[iid] = chunkMask[iid]! | (1 << bit);
      chunkScore[iid] = chunkScore[iid]! + add;
      const d = chunkDoc[iid]!;
      docMask[d] = docMask[d]! | (1 << bit);
    };
    // Decided terms: every candidate in a document left matches.
    for (const p of indexed) {
      if (!p.decided) continue;
      p.iids.forEach((iid, j) => {
        if (docStage[chunkDoc[iid]!] === final) touch(iid, p.bit, p.scores[j]!);
      });
    }

    // 2. Verification, rarest term first; loose terms last (their candidates are the documents' chunks).
    const verify = plans
      .filter((p) => !p.decided)
      .sort((a, b) => Number(a.loose) - Number(b.loose) || a.df - b.df);
    let examined = 0;
    let exhaustive = true;
    const tried: Uint8Array[] = [];
    const check = (p: TermPlan, iid: number, indexScore: number, weight: number): boolean | null => {
      if (examined >= ctx.verifyBudget) return null;
      examined++;
      const rec = records[iid]!;
      const text = ctx.textOf(rec);
      if (text === undefined) return false;
      const tf = findMatches(p.term, text, TF_CAP).length / 2;
      if (tf === 0) return false;
      touch(iid, p.bit, indexScore + weight * bm25Tf(tf, rec.length, avgLength));
      return true;
    };
    let left = alive;
    for (const p of verify) {
      if (p.loose) {
        // Every chunk of the documents left is a candidate; index score 0.
        for (const d of left) {
          for (const iid of store.chunksOf(store.docIdOf[d]!)) {
            p.iids.push(iid);
            p.scores.push(0);
          }
        }
      }
      const weight = idf(p.loose ? n : p.df, n);
      const done = new Uint8Array(p.iids.length);
      tried.push(done);
      const bit = 1 << p.bit;
      // (a) chunks that are candidates of every indexed term.
      for (let j = 0; j < p.iids.length && exhaustive; j++) {
        const iid = p.iids[j]!;
        if (docStage[chunkDoc[iid]!] !== final) continue;
        if (chunkSeen[iid] !== query || chunkHits[iid] !== k) continue;
        done[j] = 1;
        if (check(p, iid, p.scores[j]!, weight) === null) exhaustive = false;
      }
      // (b) one verified chunk per document that does not have the term yet.
      for (let j = 0; j < p.iids.length && exhaustive; j++) {
        const iid = p.iids[j]!;
        const d = chunkDoc[iid]!;
        if (done[j] || docStage[d] !== final || (docMask[d]! & bit) !== 0) continue;
        done[j] = 1;
        if (check(p, iid, p.scores[j]!, weight) === null) exhaustive = false;
      }
      const next: number[] = [];
      for (const d of left) {
        if ((docMask[d]! & bit) !== 0) next.push(d);
        else docStage[d] = dead;
      }
      left = next;
      if (left.length === 0) break;
    }
    // (c) the other candidates of the documents left, while the budget lasts.
    verify.forEach((p, v) => {
      const done = tried[v];
      if (!done) return;
      const weight = idf(p.loose ? n : p.df, n);
      for (let j = 0; j < p.iids.length && examined < ctx.verifyBudget; j++) {
        const iid = p.iids[j]!;
        if (done[j] || docStage[chunkDoc[iid]!] !== final) continue;
        done[j] = 1;
        check(p, iid, p.scores[j]!, weight);
      }
    });
    result.exhaustive = exhaustive;

    // 3. Ranking: per matched document its chunks holding a term, their best and summed score, the tier.
    const full = (1 << terms.length) - 1;
    const docs: Array<{ d: number; count: number; score: number; tier: number; together: TermsTogether }> =
      [];
    let totalChunks = 0;
    for (const d of left) {
      if (docMask[d] !== full) continue;
      let best = 0;
      let sum = 0;
      let count = 0;
      let onePage = false;
      const chunks = store.chunksOf(store.docIdOf[d]!);
      for (const iid of chunks) {
        if (chunkQuery[iid] !== query || chunkMask[iid] === 0) continue;
        const s = chunkScore[iid]!;
        count++;
        sum += s;
        if (s > best) best = s;
        if (chunkMask[iid] === full) onePage = true;
      }
      let tier = 2;
      let together: TermsTogether = 'page';
      if (!onePage) {
        const pages: number[] = [];
        const masks: number[] = [];
        for (const iid of chunks) {
          if (chunkQuery[iid] !== query || chunkMask[iid] === 0) continue;
          pages.push(records[iid]!.page);
          masks.push(chunkMask[iid]!);
        }
        ({ tier, together } = pageTier(pages, masks, full));
      }
      totalChunks += count;
      docs.push({ d, count, score: documentScore(best, sum), tier, together });
    }
    result.total = docs.length;
    result.totalChunks = totalChunks;
    const docIdOf = store.docIdOf;
    docs.sort((a, b) => b.tier - a.tier || b.score - a.score || docIdOf[a.d]! - docIdOf[b.d]!);

    // 4. Pages shown, snippets.
    const offset = Math.max(0, options.offset ?? 0);
    const limit = Math.max(0, options.limit ?? 20);
    const pagesPerDoc = Math.max(1, options.pagesPerDoc ?? 3);
    result.docs = docs.slice(offset, offset + limit).map((doc): DocHit => {
      const chunks: ScoredPage[] = [];
      for (const iid of store.chunksOf(docIdOf[doc.d]!)) {
        if (chunkQuery[iid] !== query || chunkMask[iid] === 0) continue;
        chunks.push({ rec: records[iid]!, mask: chunkMask[iid]!, score: chunkScore[iid]! });
      }
      return {
        docId: docIdOf[doc.d]!,
        score: doc.score,
        matchingPages: doc.count,
        together: doc.together,
        pages: pickPages(chunks, pagesPerDoc).map(({ rec, score }): PageHit => {
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

  private empty(result: SearchResult): void {
    result.docs = [];
    result.total = 0;
    result.totalChunks = 0;
    result.exhaustive = true;
  }

  /** Grows the scratch arrays to the store's id ranges. */
  private fit(store: ChunkStore): void {
    const docs = store.docIdOf.length;
    if (docs > this.docStage.length) {
      this.docStage = grow(this.docStage, docs);
      this.docMask = grow(this.docMask, docs);
      this.docSlot = grow(this.docSlot, docs);
    }
    if (store.idsUsed > this.chunkMask.length) {
      this.chunkMask = grow(this.chunkMask, store.idsUsed);
      this.chunkScore = grow(this.chunkScore, store.idsUsed);
      this.chunkQuery = grow(this.chunkQuery, store.idsUsed);
      this.chunkSeen = grow(this.chunkSeen, store.idsUsed);
      this.chunkHits = grow(this.chunkHits, store.idsUsed);
    }
  }
}

/** A chunk of a matched document with the terms it holds (bit mask) and its score. */
interface ScoredPage {
  rec: ChunkRecord;
  mask: number;
  score: number;
}

/**
 * The `keep` pages to show, in order: each time the page adding the most terms not yet shown, then the most terms,
 * then the best score, then the lowest page number (see the class comment). O(keep × pages).
 */
export function pickPages(pages: readonly ScoredPage[], keep: number): ScoredPage[] {
  const rest = [...pages];
  const out: ScoredPage[] = [];
  let shown = 0;
  while (out.length < keep && rest.length > 0) {
    let bestAt = 0;
    let bestKey = [-1, -1, -Infinity, 0];
    rest.forEach((p, i) => {
      const key = [popcount(p.mask & ~shown), popcount(p.mask), p.score, -p.rec.page];
      for (let j = 0; j < key.length; j++) {
        if (key[j] === bestKey[j]) continue;
        if (key[j]! > bestKey[j]!) {
          bestKey = key;
          bestAt = i;
        }
        break;
      }
    });
    const [p] = rest.splice(bestAt, 1);
    out.push(p!);
    shown |= p!.mask;
  }
  return out;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
