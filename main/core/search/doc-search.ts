import { allMatches, lookup } from './candidates';
import { grow, type ChunkRecord, type ChunkStore } from './chunk-store';
import type { PostingGroup, PostingIndex } from './posting-index';
import { findMatches, type QueryTerm } from './query-terms';
import { bm25Tf, bucketWeight, documentScore, idf, pageTier, type TermsTogether } from './ranking';
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
  /** Reads the texts of these chunks (internal ids) in batches, so that the `textOf` calls that follow are cheap. */
  prefetch: (iids: readonly number[]) => void;
}

/** Candidates whose texts are read at once (one `prefetch`) before they are verified (as in `chunk-search.ts`). */
const VERIFY_BATCH = 256;

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
 * Steps, on typed arrays indexed by internal chunk id or dense document number:
 * 1. The document-level AND on document ids: each term's candidates (the AND of its own tokens), rarest term first;
 *    a candidate counts only when its document had candidates for every earlier term, so the work per posting is a
 *    look-up of its document. Only the terms the index cannot decide keep their candidates (for step 3).
 * 2. In the documents left, the chunks holding every term — the page-level search as it was before: the AND of all
 *    the terms' tokens, verified against the text (up to `verifyBudget`), BM25 per chunk. A document with such a chunk
 *    is in the `page` tier; its score, `matchingPages` and pages are those chunks', exactly as before.
 * 3. The other documents hold the terms only on different pages, if at all: each term the index cannot decide is
 *    verified on their candidates (rarest term first, loose one-character terms on every chunk of the document last)
 *    until one page of each document holds it; documents where none does drop out.
 * 4. For the documents left from step 3 only: which of their pages hold which term — the decided terms' postings
 *    read again for these documents, the other terms' remaining candidates verified while the budget lasts. The tier
 *    comes from the smallest stretch of consecutive pages that holds every term (the "MinCover" span of Tao & Zhai
 *    2007, "An exploration of proximity measures in information retrieval", SIGIR, counted in pages instead of
 *    words; the idea of Recoll's and Xapian's proximity (NEAR) ranking): `near` when two adjacent pages do, `apart`
 *    otherwise (`ranking.ts` pageTier). Their score: `documentScore` over their pages holding a term, each page
 *    scoring the terms it holds.
 * 5. Ranking by tier (`page`, `near`, `apart`), then score, then document id. Pages shown (`pagesPerDoc`): for a
 *    `page` document its chunks holding every term, best score first; for a `near` one first the best adjacent pair
 *    of pages holding every term between them (`adjacentPair`); then, for the others, greedily the page adding the
 *    most terms not yet shown, then the most terms, then the best score, then the lowest page (`pickPages`), so the
 *    pages listed together show every term. Snippets highlight every term on the page where it occurs.
 *
 * The budget counts every verification of steps 2–4; running out in step 2 or 3 makes the result
 * `exhaustive: false` (documents may be missing), in step 4 only leaves the pages of a spread document short.
 * `matchingPages`: a `page` document's chunks holding every term; another's chunks holding at least one term.
 * `totalChunks` sums them; `candidates` sums the chunks each term's index lookup proposed (step 1).
 *
 * Cost (tests/bench/doclevel-bench.ts, one index, both ways alternately; 2 cores, load average ~3): at 100k chunks
 * of real PDF pages, two-word English queries p50 2.4 ms / p95 7.3 ms against 1.3 / 5.4 ms at page level, finding
 * 16,125 documents instead of 10,305; at 43k chunks 1.4 against 1.0 ms per query. One scan per term more than
 * page level, plus the per-page work for the documents whose terms never share a page.
 */
export class DocumentSearch {
  private docStage = new Int32Array(64);
  private docMask = new Int32Array(64);
  private docSlot = new Int32Array(64);
  private docBest = new Float64Array(64);
  private docSum = new Float64Array(64);
  private docCount = new Int32Array(64);
  private chunkMask = new Int32Array(1024);
  private chunkScore = new Float64Array(1024);
  private chunkSeen = new Int32Array(1024);
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
    const { docStage, docMask, docSlot, docBest, docSum, docCount, chunkMask, chunkScore, chunkSeen } = this;
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
    const full = (1 << terms.length) - 1;

    // 1. The document-level AND on document ids: each term's candidates, rarest term first; a chunk counts only when
    // its document had candidates for every earlier term. Only a term that needs verification keeps its candidates.
    if (this.epoch > 0x7fff0000) {
      docStage.fill(0);
      this.epoch = 1;
    }
    const base = this.epoch;
    this.epoch += k + 3;
    const final = base + k;
    const dead = base + k + 1;
    const alive: number[] = [];
    let candidates = 0;
    let decidedBits = 0;
    for (let i = 0; i < k; i++) {
      const p = indexed[i]!;
      const need = base + i;
      const mark = base + i + 1;
      const last = i === k - 1;
      const keep = !p.decided;
      if (p.decided) decidedBits |= 1 << p.bit;
      const { iids, scores } = p;
      let kept = 0;
      scan(postings, p.groups, (iid, score) => {
        const d = chunkDoc[iid]!;
        if (d < 0 || (allowed && allowed[d] === 0)) return;
        const s = docStage[d]!;
        if (s !== mark) {
          if (i > 0 && s !== need) return;
          docStage[d] = mark;
          if (last) alive.push(d);
        }
        kept++;
        if (keep) {
          iids.push(iid);
          scores.push(score);
        }
      });
      candidates += kept;
      if (kept === 0) break;
    }
    result.candidates = candidates;
    if (alive.length === 0) return this.empty(result);
    for (const d of alive) {
      docMask[d] = decidedBits;
      docSlot[d] = 0; // no chunk holding every term yet
    }

    // 2. Chunks holding every term (verified as a page-level search verifies them), in the documents left: they make
    // a document's `page` tier, its score and its pages, exactly as before document-level matching.
    // The AND of every term's groups: what `lookup` gives for all the terms at once (loose terms have no groups).
    const groupsAll = plans.flatMap((p) => p.groups);
    const verifyPlans = plans.filter((p) => !p.decided).sort((a, b) => a.df - b.df);
    const verifyAll = verifyPlans.map((p) => p.term);
    const weightsAll = verifyPlans.map((p) => idf(p.df, n));
    let examined = 0;
    let exhaustive = true;
    const onePage: number[] = [];
    // Candidates to verify are collected first (impact order, up to the budget), then their texts read in batches.
    const pending: number[] = [];
    const pendingScore: number[] = [];
    postings.intersect(groupsAll, (iid, indexScore) => {
      const d = chunkDoc[iid]!;
      if (d < 0 || docStage[d] !== final) return;
      if (verifyAll.length === 0) return acceptAll(iid, d, indexScore);
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
        const text = ctx.textOf(records[iid]!);
        if (text === undefined) continue;
        let score = pendingScore[j]!;
        for (let v = 0; v < verifyAll.length && score >= 0; v++) {
          const tf = findMatches(verifyAll[v]!, text, TF_CAP).length / 2;
          score = tf === 0 ? -1 : score + weightsAll[v]! * bm25Tf(tf, records[iid]!.length, avgLength);
        }
        if (score >= 0) acceptAll(iid, chunkDoc[iid]!, score);
      }
    }
    function acceptAll(iid: number, d: number, score: number): void {
      chunkSeen[iid] = query;
      chunkMask[iid] = full;
      chunkScore[iid] = score;
      if (docSlot[d] === 0) {
        docSlot[d] = 1;
        docMask[d] = full;
        docBest[d] = 0;
        docSum[d] = 0;
        docCount[d] = 0;
        onePage.push(d);
      }
      docCount[d] = docCount[d]! + 1;
      docSum[d] = docSum[d]! + score;
      if (score > docBest[d]!) docBest[d] = score;
    }

    // 3. The other documents hold every term only on different pages, if at all: each term the index cannot decide
    // must be verified on one of their pages (rarest term first, loose terms last); the chunks found are marked.
    const touched: number[] = [];
    const touch = (iid: number, bit: number, add: number): void => {
      if (chunkSeen[iid] !== query) {
        chunkSeen[iid] = query;
        chunkMask[iid] = 0;
        chunkScore[iid] = 0;
        touched.push(iid);
      }
      chunkMask[iid] = chunkMask[iid]! | (1 << bit);
      chunkScore[iid] = chunkScore[iid]! + add;
      const d = chunkDoc[iid]!;
      docMask[d] = docMask[d]! | (1 << bit);
    };
    const check = (p: TermPlan, iid: number, indexScore: number, weight: number): boolean | null => {
      if (chunkSeen[iid] === query && (chunkMask[iid]! & (1 << p.bit)) !== 0) return true;
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
    let spread = alive.filter((d) => docSlot[d] === 0);
    const verify = plans
      .filter((p) => !p.decided)
      .sort((a, b) => Number(a.loose) - Number(b.loose) || a.df - b.df);
    const weightOf = (p: TermPlan) => idf(p.loose ? n : p.df, n);
    const tried: Uint8Array[] = [];
    // Reads ahead the texts of the next VERIFY_BATCH candidates of `p` from `j` on that the loop will check (those
    // already verified for this term are skipped by `check` and need none); returns the index after the last read.
    const prefetchFrom = (p: TermPlan, j: number, wanted: (k: number) => boolean): number => {
      const ids: number[] = [];
      let k = j;
      const room = Math.min(VERIFY_BATCH, ctx.verifyBudget - examined);
      for (; k < p.iids.length && ids.length < room; k++) {
        const iid = p.iids[k]!;
        if (!wanted(k)) continue;
        if (chunkSeen[iid] === query && (chunkMask[iid]! & (1 << p.bit)) !== 0) continue;
        ids.push(iid);
      }
      ctx.prefetch(ids);
      return Math.max(k, j + 1);
    };
    for (const p of verify) {
      if (spread.length === 0) break;
      if (p.loose) {
        // Every chunk of these documents is a candidate; index score 0.
        for (const d of spread) {
          for (const iid of store.chunksOf(store.docIdOf[d]!)) {
            p.iids.push(iid);
            p.scores.push(0);
          }
        }
      }
      const weight = weightOf(p);
      const done = new Uint8Array(p.iids.length);
      tried.push(done);
      const bit = 1 << p.bit;
      const wanted = (j: number): boolean => {
        const d = chunkDoc[p.iids[j]!]!;
        return docStage[d] === final && docSlot[d] === 0 && (docMask[d]! & bit) === 0;
      };
      let readTo = 0;
      for (let j = 0; j < p.iids.length && exhaustive; j++) {
        const iid = p.iids[j]!;
        if (!wanted(j)) continue;
        if (j >= readTo) readTo = prefetchFrom(p, j, wanted);
        done[j] = 1;
        if (check(p, iid, p.scores[j]!, weight) === null) exhaustive = false;
      }
      const next: number[] = [];
      for (const d of spread) {
        if ((docMask[d]! & bit) !== 0) next.push(d);
        else docStage[d] = dead;
      }
      spread = next;
    }
    result.exhaustive = exhaustive;

    // 4. Documents with every term on different pages: which pages hold which term — the decided terms' postings read
    // again for these documents only, the other terms' remaining candidates verified while the budget lasts.
    if (spread.length > 0) {
      for (const d of spread) docSlot[d] = 2;
      for (const p of indexed) {
        if (!p.decided) continue;
        scan(postings, p.groups, (iid, score) => {
          const d = chunkDoc[iid]!;
          if (d >= 0 && docSlot[d] === 2 && docStage[d] === final) touch(iid, p.bit, score);
        });
      }
      verify.forEach((p, v) => {
        const done = tried[v];
        if (!done) return;
        const weight = weightOf(p);
        const wanted = (j: number): boolean => {
          const d = chunkDoc[p.iids[j]!]!;
          return !done[j] && docSlot[d] === 2 && docStage[d] === final;
        };
        let readTo = 0;
        for (let j = 0; j < p.iids.length && examined < ctx.verifyBudget; j++) {
          const iid = p.iids[j]!;
          if (!wanted(j)) continue;
          if (j >= readTo) readTo = prefetchFrom(p, j, wanted);
          done[j] = 1;
          check(p, iid, p.scores[j]!, weight);
        }
      });
      for (const d of spread) {
        docBest[d] = 0;
        docSum[d] = 0;
        docCount[d] = 0;
      }
    }
    const spreadPages = new Map<number, number[]>(spread.map((d) => [d, []]));
    for (const iid of touched) {
      const d = chunkDoc[iid]!;
      const list = d >= 0 && docSlot[d] === 2 && docStage[d] === final ? spreadPages.get(d) : undefined;
      if (!list) continue;
      list.push(iid);
      const sc = chunkScore[iid]!;
      docCount[d] = docCount[d]! + 1;
      docSum[d] = docSum[d]! + sc;
      if (sc > docBest[d]!) docBest[d] = sc;
    }

    // 5. Ranking: tier, then score, then id.
    const docs: Array<{ d: number; count: number; score: number; tier: number; together: TermsTogether }> =
      [];
    for (const d of onePage) {
      if (docStage[d] === final)
        docs.push({
          d,
          count: docCount[d]!,
          score: documentScore(docBest[d]!, docSum[d]!),
          tier: 2,
          together: 'page',
        });
    }
    for (const [d, iids] of spreadPages) {
      if (docMask[d] !== full) continue;
      const { tier, together } = pageTier(
        iids.map((iid) => records[iid]!.page),
        iids.map((iid) => chunkMask[iid]!),
        full,
      );
      docs.push({ d, count: docCount[d]!, score: documentScore(docBest[d]!, docSum[d]!), tier, together });
    }
    result.total = docs.length;
    result.totalChunks = docs.reduce((sum, doc) => sum + doc.count, 0);
    const docIdOf = store.docIdOf;
    docs.sort((a, b) => b.tier - a.tier || b.score - a.score || docIdOf[a.d]! - docIdOf[b.d]!);

    // 6. Pages shown, snippets: a document with pages holding every term lists those; another, its pages holding a
    // term, those that add terms first.
    const offset = Math.max(0, options.offset ?? 0);
    const limit = Math.max(0, options.limit ?? 20);
    const pagesPerDoc = Math.max(1, options.pagesPerDoc ?? 3);
    const shown = docs.slice(offset, offset + limit).map((doc) => {
      let iids = spreadPages.get(doc.d);
      if (!iids) {
        iids = [];
        for (const iid of store.chunksOf(docIdOf[doc.d]!))
          if (chunkSeen[iid] === query && chunkMask[iid] === full) iids.push(iid);
      }
      const list = iids;
      // A `near` document shows first the two adjacent pages that hold every term between them.
      const pair =
        doc.together === 'near'
          ? adjacentPair(
              list.map((iid) => records[iid]!.page),
              list.map((iid) => chunkMask[iid]!),
              list.map((iid) => chunkScore[iid]!),
              full,
            )
          : [];
      const picked = pickPages(
        list.length,
        pagesPerDoc,
        (i) => chunkMask[list[i]!]!,
        (i) => chunkScore[list[i]!]!,
        (i) => records[list[i]!]!.page,
        pair,
      );
      return { doc, list, picked };
    });
    // Snippets: the texts of every page shown in one batched read.
    ctx.prefetch(shown.flatMap(({ list, picked }) => picked.map((i) => list[i]!)));
    result.docs = shown.map(({ doc, list, picked }): DocHit => {
      return {
        docId: docIdOf[doc.d]!,
        score: doc.score,
        matchingPages: doc.count,
        together: doc.together,
        pages: picked.map((i): PageHit => {
          const rec = records[list[i]!]!;
          const text = ctx.textOf(rec) ?? '';
          const snippets = buildSnippets(text, allMatches(terms, text), {
            width: options.snippetWidth,
            max: options.snippetsPerPage,
          });
          return { page: rec.page, chunkId: rec.chunkId, score: chunkScore[list[i]!]!, snippets };
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
      this.docBest = grow(this.docBest, docs);
      this.docSum = grow(this.docSum, docs);
      this.docCount = grow(this.docCount, docs);
    }
    if (store.idsUsed > this.chunkMask.length) {
      this.chunkMask = grow(this.chunkMask, store.idsUsed);
      this.chunkScore = grow(this.chunkScore, store.idsUsed);
      this.chunkSeen = grow(this.chunkSeen, store.idsUsed);
    }
  }
}

/**
 * Calls `visit(id, score)` for every id in the AND of `groups` (a term's lookup groups), in impact order, as
 * `PostingIndex.intersect` does; a single posting list (a one-token term) is read directly, without the
 * intersection's bookkeeping.
 */
function scan(
  postings: PostingIndex,
  groups: readonly PostingGroup[],
  visit: (id: number, score: number) => void,
): void {
  const group = groups.length === 1 && groups[0]!.lists.length === 1 ? groups[0]! : null;
  if (!group) {
    postings.intersect(groups, visit);
    return;
  }
  const slots = group.lists[0]!;
  const r = postings.resolution;
  for (let bucket = slots.length - 1; bucket >= 0; bucket--) {
    const list = slots[bucket];
    if (!list) continue;
    const add = group.weight * bucketWeight(bucket, r);
    for (let j = 0; j < list.length; j++) visit(list[j]!, add);
  }
}

/**
 * Which of `count` pages to show, at most `keep`, in order (indices into the caller's list): first the pages of
 * `first` (taken as they are), then each time the page adding the most terms not yet shown, then the most terms,
 * then the best score, then the lowest page number (see the class comment). Greedy while some page adds a term (at
 * most one round per term), then the rest by the same key. `mask(i)` is page i's term bit mask, `score(i)` its
 * score, `page(i)` its number. Pure.
 */
export function pickPages(
  count: number,
  keep: number,
  mask: (i: number) => number,
  score: (i: number) => number,
  page: (i: number) => number,
  first: readonly number[] = [],
): number[] {
  const masks = new Int32Array(count);
  const terms = new Int32Array(count);
  const scores = new Float64Array(count);
  const pages = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    masks[i] = mask(i);
    terms[i] = popcount(masks[i]!);
    scores[i] = score(i);
    pages[i] = page(i);
  }
  /** True when page i ranks before page j, terms added aside. */
  const before = (i: number, j: number) =>
    terms[i] !== terms[j]
      ? terms[i]! > terms[j]!
      : scores[i] !== scores[j]
        ? scores[i]! > scores[j]!
        : pages[i]! < pages[j]!;
  const out: number[] = [];
  const taken = new Uint8Array(count);
  let shown = 0;
  for (const i of first) {
    if (out.length >= keep || taken[i]) continue;
    taken[i] = 1;
    out.push(i);
    shown |= masks[i]!;
  }
  while (out.length < keep && out.length < count) {
    let best = -1;
    let bestAdds = 0;
    for (let i = 0; i < count; i++) {
      if (taken[i]) continue;
      const adds = popcount(masks[i]! & ~shown);
      if (adds > bestAdds || (adds === bestAdds && adds > 0 && before(i, best))) {
        best = i;
        bestAdds = adds;
      }
    }
    if (best < 0) break; // no page adds a term: the order no longer changes as pages are taken
    taken[best] = 1;
    out.push(best);
    shown |= masks[best]!;
  }
  const wanted = Math.min(keep, count) - out.length;
  if (wanted > 16) {
    const rest: number[] = [];
    for (let i = 0; i < count; i++) if (!taken[i]) rest.push(i);
    rest.sort((i, j) => (before(i, j) ? -1 : before(j, i) ? 1 : 0));
    out.push(...rest.slice(0, wanted));
  } else {
    // A few more pages (the usual 3 per document): select them, O(count) each, instead of sorting them all.
    for (let w = 0; w < wanted; w++) {
      let best = -1;
      for (let i = 0; i < count; i++) if (!taken[i] && (best < 0 || before(i, best))) best = i;
      taken[best] = 1;
      out.push(best);
    }
  }
  return out;
}

/**
 * The two chunks on adjacent pages p and p + 1 that together hold every term (`full`), best summed score first, then
 * the lowest p; as `[lower page, higher page]` indices into the lists, or `[]` when no such pair exists. Pure.
 */
export function adjacentPair(
  pages: readonly number[],
  masks: readonly number[],
  scores: readonly number[],
  full: number,
): number[] {
  const byPage = new Map<number, number[]>();
  pages.forEach((p, i) => {
    const at = byPage.get(p);
    if (at) at.push(i);
    else byPage.set(p, [i]);
  });
  let best: number[] = [];
  let bestScore = -Infinity;
  let bestPage = Infinity;
  pages.forEach((p, i) => {
    for (const j of byPage.get(p + 1) ?? []) {
      if ((masks[i]! | masks[j]!) !== full) continue;
      const sc = scores[i]! + scores[j]!;
      if (sc > bestScore || (sc === bestScore && p < bestPage)) {
        best = [i, j];
        bestScore = sc;
        bestPage = p;
      }
    }
  });
  return best;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
