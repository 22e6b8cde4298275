import { Index } from 'flexsearch';
import { BM25_B, BM25_K1, bucketWeight, impactBucket } from './ranking';
import { tokenize } from './tokenize';

/**
 * A FlexSearch 0.8 `Index` used as an inverted index from our tokens to internal ids, plus the candidate step of the
 * search (AND of tokens) done here on typed arrays.
 *
 * Why not FlexSearch's own multi-term search: its intersection keys a plain object by id and took 20–30 ms for two
 * common words at 100k chunks; reading each token's posting slots (zero-copy, through `resolve: false`) and
 * intersecting with an epoch-stamped `Int32Array` takes well under 1 ms.
 *
 * Postings are stored in `resolution` slots by *impact*: the BM25 term-frequency component of the token in the entry
 * (Robertson & Zaragoza 2009, "The Probabilistic Relevance Framework: BM25 and Beyond"; k1 = 1.2, b = 0.75,
 * document length in tokens against the running average), quantised into `resolution` buckets, higher = more
 * important. Candidates come out in the bucket order of their rarest token, so when a very common query is cut off
 * after a budget, the entries with the most occurrences are the ones that were looked at (impact-ordered postings,
 * Anh & Moffat 2002, "Impact transformation: effective and efficient web retrieval", SIGIR).
 *
 * Removal: we create the FlexSearch index with `fastupdate: false`, which halves its memory (187 vs 368 MB at 100k
 * chunks, measured), and remove an entry by taking its tokens again and splicing its id out of each token's posting
 * slots. Internal ids are never reused (FlexSearch's own register keeps them), so a posting we miss is harmless.
 */

/** Posting slots of one token as FlexSearch stores them: `slots[bucket]` is an id list or a hole. */
export type PostingSlots = ReadonlyArray<ReadonlyArray<number> | null | undefined>;

/** Options of {@link PostingIndex}. */
export interface PostingIndexOptions {
  /** Number of impact buckets (1 = no impact ordering). Default 8. */
  resolution?: number;
}

/** One serialised part of the FlexSearch index: key and JSON data, as FlexSearch's `export` hands them out. */
export type FlexPart = [key: string, data: string];

/** A {@link PostingIndex} serialised: FlexSearch's parts and our counters. */
export interface PostingSnapshot {
  parts: FlexPart[];
  /** Sum of the token counts of the live entries (for BM25's average length). */
  totalLength: number;
  entries: number;
  /** Every CJK character seen, concatenated. */
  cjkChars: string;
  /** Largest internal id the scratch arrays must hold. */
  maxId: number;
}

/** A lookup group: the union of some posting lists, and the weight (idf) its impact adds to an id's score. */
export interface PostingGroup {
  lists: PostingSlots[];
  /** Multiplies the group's bucket weight in the score; 0 = the group does not score. */
  weight: number;
}

/** A FlexSearch index over internal numeric ids with impact-ordered postings; see the file comment. */
export class PostingIndex {
  readonly resolution: number;
  private flex: Index;
  /** Tokens the next FlexSearch `encode` call returns (set right before `add`/`search`, so text is tokenized once). */
  private pending: string[] | null = null;
  /** Impact inputs for the entry being added: its token counts and length. */
  private counts = new Map<string, number>();
  private addedLength = 0;
  private totalLength = 0;
  private entries = 0;
  /** Per-id scratch of `intersect`: the stage an id has passed (epoch-stamped, never cleared) and its score so far. */
  private stamp = new Int32Array(1024);
  private acc = new Float64Array(1024);
  private epoch = 1;
  /** Every CJK character seen, to expand a one-character query into the bigrams around it. */
  private readonly cjkChars = new Set<string>();
  /** Expansions of one-character queries, valid until the next change of the index. */
  private readonly singleCache = new Map<string, PostingSlots[]>();

  constructor(options: PostingIndexOptions = {}) {
    this.resolution = Math.max(1, Math.floor(options.resolution ?? 8));
    this.flex = this.createFlex();
  }

  private createFlex(): Index {
    return new Index({
      tokenize: 'strict',
      resolution: this.resolution,
      fastupdate: false,
      cache: false,
      encode: (text: string) => {
        const tokens = this.pending ?? tokenize(text);
        this.pending = null;
        return tokens;
      },
      score: (_content: string[], term: string) => this.impact(term),
    });
  }

  /** Bucket of `term` in the entry being added: quantised BM25 tf component (see the file comment). */
  private impact(term: string): number {
    const tf = this.counts.get(term) ?? 1;
    const avg = this.entries > 0 ? this.totalLength / this.entries : this.addedLength || 1;
    const w = (tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * this.addedLength) / avg));
    return impactBucket(w, this.resolution);
  }

  /** Indexes `tokens` (from `tokenizeFolded`, duplicates included) under internal id `id` (a non-negative integer). */
  add(id: number, tokens: readonly string[]): void {
    if (tokens.length === 0) return;
    this.singleCache.clear();
    const counts = new Map<string, number>();
    for (const t of tokens) {
      counts.set(t, (counts.get(t) ?? 0) + 1);
      if (t.charCodeAt(0) >= 0x2e80) for (const ch of t) this.cjkChars.add(ch);
    }
    this.counts = counts;
    this.addedLength = tokens.length;
    this.totalLength += tokens.length;
    this.entries++;
    this.pending = tokens as string[];
    this.flex.add(id, ' ');
    this.pending = null;
    this.ensureStamp(id);
  }

  /** Removes id `id`, which was added with `tokens` (the same tokens; extra or missing ones are tolerated). */
  remove(id: number, tokens: readonly string[]): void {
    this.singleCache.clear();
    const seen = new Set<string>();
    for (const t of tokens) {
      if (seen.has(t)) continue;
      seen.add(t);
      for (const ids of this.postings(t) ?? []) {
        if (!ids) continue;
        const at = findId(ids, id);
        if (at >= 0) (ids as number[]).splice(at, 1);
      }
    }
    if (seen.size > 0) {
      this.totalLength -= tokens.length;
      this.entries--;
    }
  }

  /** Removes `id` without knowing its tokens: a scan of the whole index (slow at 100k entries; last resort). */
  removeByScan(id: number, length: number): void {
    this.singleCache.clear();
    this.flex.remove(id);
    this.totalLength -= length;
    this.entries--;
  }

  /** The posting slots of `token`, or undefined when no entry has it. Read-only: the arrays are FlexSearch's own. */
  postings(token: string): PostingSlots | undefined {
    this.pending = [token];
    const resolver = this.flex.search(token, { resolve: false });
    this.pending = null;
    const slots = resolver.result as PostingSlots;
    return slots.length > 0 ? slots : undefined;
  }

  /** Number of ids posted under `token` (its document frequency). */
  df(token: string): number {
    return sizeOf(this.postings(token) ?? []);
  }

  /**
   * Posting slots of every bigram that contains the CJK character `ch`, plus `ch` on its own (a one-character run).
   * Cost: two lookups per distinct CJK character ever indexed (a few thousand) — only for queries that have nothing
   * better to look up.
   */
  expandSingle(ch: string): PostingSlots[] {
    const cached = this.singleCache.get(ch);
    if (cached) return cached;
    const out: PostingSlots[] = [];
    const own = this.postings(ch);
    if (own) out.push(own);
    for (const other of this.cjkChars) {
      const a = this.postings(ch + other);
      if (a) out.push(a);
      if (other !== ch) {
        const b = this.postings(other + ch);
        if (b) out.push(b);
      }
    }
    if (this.singleCache.size > 256) this.singleCache.clear();
    this.singleCache.set(ch, out);
    return out;
  }

  /**
   * Calls `visit(id, score)` for every id present in all groups (a group is the union of its posting lists), once
   * each, in the impact order of the smallest group; `score` = Σ over groups of `weight × bucketWeight(bucket of the
   * id)` (for a group of several lists, the bucket of the first list holding the id). Returns the number of ids
   * visited. Cost: O(total postings of all groups), no allocation per id. No groups, or an empty group: no ids.
   */
  intersect(groups: readonly PostingGroup[], visit: (id: number, score: number) => void): number {
    if (groups.length === 0 || groups.some((g) => g.lists.length === 0)) return 0;
    const order = groups.map((g) => ({ g, size: g.lists.reduce((s, slots) => s + sizeOf(slots), 0) }));
    order.sort((a, b) => a.size - b.size);
    const k = order.length;
    if (this.epoch > 0x7fff0000) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    const base = this.epoch;
    this.epoch += k + 1;
    const { stamp, acc } = this;
    const r = this.resolution;
    for (let gi = 1; gi < k; gi++) {
      const need = base + gi - 1;
      const mark = base + gi;
      const { lists, weight } = order[gi]!.g;
      for (const slots of lists) {
        for (let bucket = 0; bucket < slots.length; bucket++) {
          const list = slots[bucket];
          if (!list) continue;
          const add = weight * bucketWeight(bucket, r);
          for (let i = 0; i < list.length; i++) {
            const id = list[i]!;
            if (gi === 1 ? stamp[id]! < base : stamp[id] === need) {
              stamp[id] = mark;
              acc[id] = (gi === 1 ? 0 : acc[id]!) + add;
            }
          }
        }
      }
    }
    const final = base + k - 1;
    const done = base + k;
    let visited = 0;
    const { lists, weight } = order[0]!.g;
    for (let bucket = r - 1; bucket >= 0; bucket--) {
      const add = weight * bucketWeight(bucket, r);
      for (const slots of lists) {
        const list = slots[bucket];
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const id = list[i]!;
          const s = stamp[id]!;
          if (k === 1 ? s !== done : s === final) {
            stamp[id] = done;
            visited++;
            visit(id, add + (k === 1 ? 0 : acc[id]!));
          }
        }
      }
    }
    return visited;
  }

  private ensureStamp(id: number): void {
    if (id < this.stamp.length) return;
    let n = this.stamp.length;
    while (n <= id) n *= 2;
    const next = new Int32Array(n);
    next.set(this.stamp);
    this.stamp = next;
    this.acc = new Float64Array(n);
  }

  /** Drops everything. */
  clear(): void {
    this.flex = this.createFlex();
    this.totalLength = 0;
    this.entries = 0;
    this.cjkChars.clear();
    this.singleCache.clear();
  }

  /** Serialises the index: FlexSearch's parts plus our counters. Synchronous; the strings can be large. */
  export(): PostingSnapshot {
    const parts: FlexPart[] = [];
    this.flex.export((key: string, data: string) => {
      parts.push([key, data]);
    });
    return {
      parts,
      totalLength: this.totalLength,
      entries: this.entries,
      cjkChars: [...this.cjkChars].join(''),
      maxId: this.stamp.length - 1,
    };
  }

  /** Replaces the content with what {@link export} produced (same `resolution` required; the caller checks). */
  import(data: PostingSnapshot): void {
    this.clear();
    for (const [key, json] of data.parts) this.flex.import(key, json);
    this.totalLength = data.totalLength;
    this.entries = data.entries;
    for (const ch of data.cjkChars) this.cjkChars.add(ch);
    this.ensureStamp(data.maxId);
  }
}

/**
 * Position of `id` in a posting list by binary search: lists are ascending, since internal ids only grow and
 * FlexSearch appends (and export/import keeps the order). −1 when absent.
 */
function findId(ids: ReadonlyArray<number>, id: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return ids[lo] === id ? lo : -1;
}

/** Total number of ids in posting slots. */
export function sizeOf(slots: PostingSlots): number {
  let n = 0;
  for (const ids of slots) if (ids) n += ids.length;
  return n;
}
