/**
 * Scoring formulas of the search, in one place.
 *
 * Chunks: Okapi BM25 (Robertson & Zaragoza 2009, "The Probabilistic Relevance Framework: BM25 and Beyond",
 * Foundations and Trends in IR 3(4)) with k1 = 1.2, b = 0.75 and the Lucene form of idf,
 * `ln(1 + (N − df + 0.5) / (df + 0.5))`, which stays positive. A *term* is a query term (a phrase such as 知识管理),
 * its tf the number of verified, non-overlapping occurrences in the chunk, its df the smallest posting-list length
 * among its tokens (an upper bound of the phrase's df; exact for one-token terms), and the length of a chunk its
 * number of tokens.
 *
 * A one-token term (`type`, `软件`, `c++`) needs no verification: its token is in a chunk exactly when it matches
 * (see `query-terms.ts`). Its BM25 tf component then comes from the index instead of the text: at indexing time each
 * token's component is quantised into one of `R` impact buckets (`impactBucket`), and the search uses the bucket's
 * midpoint (`bucketWeight`) — impact-ordered indexing, Anh & Moffat 2002, "Impact transformation: effective and
 * efficient web retrieval", SIGIR. Length normalisation then uses the average length at the time the chunk was added.
 *
 * Documents: the best page's score plus a tenth of the other matching pages' scores, the bonus capped at half the
 * best score, so a document that discusses the query on several pages ranks above one that mentions it once, without
 * long documents winning by size.
 *
 * Multi-term queries match documents (`doc-search.ts`): a document holding every term, not necessarily on one page.
 * They rank by a proximity tier first — the smallest stretch of consecutive pages that holds every term, the
 * "MinCover" span of Tao & Zhai 2007 ("An exploration of proximity measures in information retrieval", SIGIR),
 * counted in pages: 0 = one page (`page`), 1 = two adjacent pages (`near`), more (`apart`) — then by the
 * document score above, where a page scores the terms it holds (`pageTier`).
 *
 * Nodes: per term, `idf × Σ_field weight × tf / (tf + k1)` over label (weight 3), each alias (2) and description (1),
 * i.e. BM25 without length normalisation (fields are short); a label or alias equal to the whole query doubles the
 * score.
 */

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** Field weights of node search. */
export const NODE_FIELD_WEIGHT = { label: 3, alias: 2, description: 1 } as const;

/** Lucene's BM25 idf for a term found in `df` of `n` entries (`df` is clamped to [0, n]). Always > 0. */
export function idf(df: number, n: number): number {
  const d = Math.min(Math.max(df, 0), n);
  return Math.log(1 + (n - d + 0.5) / (d + 0.5));
}

/**
 * BM25 term-frequency component for `tf` occurrences in an entry of `length` tokens (average `avgLength`), with
 * length normalisation `b` (default BM25_B; 0 = none, 1 = full).
 */
export function bm25Tf(tf: number, length: number, avgLength: number, b: number = BM25_B): number {
  const norm = 1 - b + (b * length) / (avgLength > 0 ? avgLength : 1);
  return (tf * (BM25_K1 + 1)) / (tf + BM25_K1 * norm);
}

/** Impact bucket in [0, r) of a BM25 tf component `w` (which lies in [0, k1 + 1)). */
export function impactBucket(w: number, r: number): number {
  return Math.min(r - 1, Math.max(0, Math.floor((w / (BM25_K1 + 1)) * r)));
}

/** The BM25 tf component a bucket stands for: its midpoint. */
export function bucketWeight(bucket: number, r: number): number {
  return ((bucket + 0.5) / r) * (BM25_K1 + 1);
}

/** Saturating tf of a short field (BM25 with b = 0). */
export function fieldTf(tf: number): number {
  return tf / (tf + BM25_K1);
}

/** Document score from its best page score and the sum of all its matching page scores (see the file comment). */
export function documentScore(best: number, sum: number): number {
  return best + Math.min(0.1 * (sum - best), 0.5 * best);
}

/** How close the terms of a multi-term query lie in a matched document (see the file comment). */
export type TermsTogether = 'page' | 'near' | 'apart';

/**
 * Proximity tier of a document from its chunks holding query terms: `pages[i]` is chunk i's page number, `masks[i]`
 * the bit mask of the terms it holds (bit t = term t), `full` the mask of all terms. The terms' MinCover span in
 * pages (see the file comment) decides: 2 `page` when one page holds every term (the chunks of a page together),
 * 1 `near` when two adjacent pages p and p + 1 do, else 0 `apart` (also when the chunks do not hold every term).
 * O(chunks) with a map from page to mask. Pure.
 */
export function pageTier(
  pages: readonly number[],
  masks: readonly number[],
  full: number,
): { tier: number; together: TermsTogether } {
  const byPage = new Map<number, number>();
  pages.forEach((p, i) => byPage.set(p, (byPage.get(p) ?? 0) | masks[i]!));
  let near = false;
  for (const [p, m] of byPage) {
    if (m === full) return { tier: 2, together: 'page' };
    if (!near && (m | (byPage.get(p + 1) ?? 0)) === full) near = true;
  }
  return near ? { tier: 1, together: 'near' } : { tier: 0, together: 'apart' };
}
