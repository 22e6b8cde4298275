import { BM25_B, BM25_K1, bucketWeight, impactBucket } from './ranking';

/**
 * An inverted index from our tokens to internal ids in typed arrays, plus the candidate step of the search (AND of
 * tokens) done here on typed arrays. (Until issue 12 it was a FlexSearch 0.8 `Index`: 187 MB of JS arrays and
 * 22 s to build at 100k chunks, with no way to hand it from a worker to the main thread but a JSON export.)
 *
 * Layout: a *frozen* part and a *delta*. The frozen part is CSR: `tokens` (sorted as they were first seen), a
 * `Map` from token to its number `tid`, `starts` (`Int32Array`, `tid × resolution + bucket` → offset into `ids`, one
 * more entry at the end) and `ids` (`Int32Array`, each list ascending). Four bytes per posting; it is what a
 * snapshot holds and what a worker transfers (`export`, `fromSnapshot`). Entries added since the last `freeze` go to
 * the delta (`Map<token, number[][]>`); a lookup joins both (cached until the next change). Removal marks the id dead
 * (`dead`, one byte per id): `intersect` skips dead ids, and the callers that read posting lists directly check their
 * own records (a removed chunk's record is gone). `freeze` (after a rebuild, before an export, and by itself when
 * the delta or the dead ids grow past a quarter of the entries) merges the delta and drops dead ids.
 *
 * Postings are stored in `resolution` slots by *impact*: the BM25 term-frequency component of the token in the entry
 * (Robertson & Zaragoza 2009, "The Probabilistic Relevance Framework: BM25 and Beyond"; k1 = 1.2, b = 0.75,
 * document length in tokens against the running average), quantised into `resolution` buckets, higher = more
 * important. Candidates come out in the bucket order of their rarest token, so when a very common query is cut off
 * after a budget, the entries with the most occurrences are the ones that were looked at (impact-ordered postings,
 * Anh & Moffat 2002, "Impact transformation: effective and efficient web retrieval", SIGIR).
 *
 * Internal ids only grow (the caller never reuses one), so every list stays ascending.
 */

/** One posting list: ascending internal ids. */
export type PostingList = ArrayLike<number> & Iterable<number>;

/** Posting slots of one token: `slots[bucket]` is an id list or a hole. */
export type PostingSlots = ReadonlyArray<PostingList | null | undefined>;

/** Options of {@link PostingIndex}. */
export interface PostingIndexOptions {
  /** Number of impact buckets (1 = no impact ordering). Default 8. */
  resolution?: number;
}

/**
 * A {@link PostingIndex} frozen for a snapshot or a transfer between threads. The arrays are the index's own (do not
 * change them); `tokens` is every token joined by `\n` (tokens never hold whitespace).
 */
export interface PostingSnapshot {
  resolution: number;
  tokens: string;
  /** `tid × resolution + bucket` → offset into `ids`; length `tokens × resolution + 1`. */
  starts: Int32Array<ArrayBufferLike>;
  ids: Int32Array<ArrayBufferLike>;
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

const EMPTY = new Int32Array(0);

/** The inverted index; see the file comment. Not thread-safe; all methods are synchronous. */
export class PostingIndex {
  readonly resolution: number;
  private tokens: string[] = [];
  private dict = new Map<string, number>();
  private starts: Int32Array<ArrayBufferLike> = new Int32Array(1);
  private ids: Int32Array<ArrayBufferLike> = EMPTY;
  private delta = new Map<string, number[][]>();
  /** Entries added to the delta since the last freeze. */
  private deltaEntries = 0;
  private dead = new Uint8Array(1024);
  private deadCount = 0;
  /** Lookups joined from both parts, valid until the next change. */
  private readonly cache = new Map<string, PostingSlots | null>();
  private totalLength = 0;
  private entries = 0;
  /** Per-id scratch of `intersect`: the stage an id has passed (epoch-stamped, never cleared) and its score so far. */
  private stamp = new Int32Array(1024);
  private acc = new Float64Array(1024);
  private epoch = 1;
  private maxId = 0;
  /** Every CJK character seen, to expand a one-character query into the bigrams around it. */
  private readonly cjkChars = new Set<string>();
  /** Expansions of one-character queries, valid until the next change of the index. */
  private readonly singleCache = new Map<string, PostingSlots[]>();

  constructor(options: PostingIndexOptions = {}) {
    this.resolution = Math.max(1, Math.floor(options.resolution ?? 8));
  }

  /** An index holding what {@link PostingIndex.export} produced (the arrays are taken, not copied). */
  static fromSnapshot(data: PostingSnapshot): PostingIndex {
    const p = new PostingIndex({ resolution: data.resolution });
    p.tokens = data.tokens === '' ? [] : data.tokens.split('\n');
    if (data.starts.length !== p.tokens.length * p.resolution + 1)
      throw new Error('posting snapshot: starts do not match the tokens');
    if (data.starts[data.starts.length - 1] !== data.ids.length)
      throw new Error('posting snapshot: starts do not match the ids');
    p.tokens.forEach((t, tid) => p.dict.set(t, tid));
    p.starts = data.starts;
    p.ids = data.ids;
    p.totalLength = data.totalLength;
    p.entries = data.entries;
    for (const ch of data.cjkChars) p.cjkChars.add(ch);
    p.ensureId(data.maxId);
    return p;
  }

  /** Live entries and distinct tokens (frozen part plus delta, dead ids included until the next freeze). */
  get stats(): { entries: number; tokens: number; postings: number; deltaEntries: number; dead: number } {
    let delta = 0;
    for (const slots of this.delta.values()) for (const l of slots) if (l) delta += l.length;
    return {
      entries: this.entries,
      tokens: this.dict.size + [...this.delta.keys()].filter((t) => !this.dict.has(t)).length,
      postings: this.ids.length + delta,
      deltaEntries: this.deltaEntries,
      dead: this.deadCount,
    };
  }

  /** Bucket of a token seen `tf` times in an entry of `length` tokens (BM25 tf component against the average). */
  private impact(tf: number, length: number): number {
    const avg = this.entries > 0 ? this.totalLength / this.entries : length || 1;
    const w = (tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * length) / avg));
    return impactBucket(w, this.resolution);
  }

  /**
   * Indexes `tokens` (from `tokenizeFolded`, duplicates included) under internal id `id` (a non-negative integer
   * larger than any id added before, so that lists stay ascending).
   */
  add(id: number, tokens: readonly string[]): void {
    if (tokens.length === 0) return;
    this.changed();
    const counts = new Map<string, number>();
    for (const t of tokens) {
      counts.set(t, (counts.get(t) ?? 0) + 1);
      if (t.charCodeAt(0) >= 0x2e80) for (const ch of t) this.cjkChars.add(ch);
    }
    this.totalLength += tokens.length;
    this.entries++;
    this.ensureId(id);
    if (this.dead[id]) {
      this.dead[id] = 0;
      this.deadCount--;
    }
    for (const [t, tf] of counts) {
      const b = this.impact(tf, tokens.length);
      let slots = this.delta.get(t);
      if (!slots) this.delta.set(t, (slots = []));
      (slots[b] ??= []).push(id);
    }
    this.deltaEntries++;
    if (this.deltaEntries > 4096 && this.deltaEntries * 4 > this.entries) this.freeze();
  }

  /**
   * Removes id `id`, an entry of `length` tokens: marked dead at once, its postings dropped at the next freeze.
   * Removing an id twice, or one never added, changes nothing.
   */
  remove(id: number, length: number): void {
    if (id > this.maxId || this.dead[id]) return;
    this.changed();
    this.dead[id] = 1;
    this.deadCount++;
    this.totalLength -= length;
    this.entries--;
    if (this.deadCount > 4096 && this.deadCount * 4 > this.entries) this.freeze();
  }

  /** The posting slots of `token`, or undefined when no entry has it. Read-only. Dead ids may still be listed. */
  postings(token: string): PostingSlots | undefined {
    const cached = this.cache.get(token);
    if (cached !== undefined) return cached ?? undefined;
    const tid = this.dict.get(token);
    const d = this.delta.get(token);
    let slots: PostingSlots | null = null;
    if (tid !== undefined) {
      const r = this.resolution;
      const out: Array<PostingList | undefined> = [];
      for (let b = 0; b < r; b++) {
        const from = this.starts[tid * r + b]!;
        const to = this.starts[tid * r + b + 1]!;
        const frozen = to > from ? this.ids.subarray(from, to) : undefined;
        const extra = d?.[b];
        if (frozen && extra?.length) {
          const joined = new Int32Array(frozen.length + extra.length);
          joined.set(frozen);
          joined.set(extra, frozen.length);
          out.push(joined);
        } else out.push(frozen ?? (extra?.length ? extra : undefined));
      }
      slots = out;
    } else if (d) slots = d;
    if (this.cache.size > 4096) this.cache.clear();
    this.cache.set(token, slots);
    return slots ?? undefined;
  }

  /** Number of ids posted under `token` (its document frequency; dead ids count until the next freeze). */
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
   * Calls `visit(id, score)` for every live id present in all groups (a group is the union of its posting lists),
   * once each, in the impact order of the smallest group; `score` = Σ over groups of `weight × bucketWeight(bucket of
   * the id)` (for a group of several lists, the bucket of the first list holding the id). Returns the number of ids
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
    const { stamp, acc, dead } = this;
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
            if (dead[id]) continue;
            visited++;
            visit(id, add + (k === 1 ? 0 : acc[id]!));
          }
        }
      }
    }
    return visited;
  }

  /**
   * Merges the delta into the frozen part and drops dead ids: O(postings), about 0.1 s per 10 M postings. Lookups
   * are the same before and after.
   */
  freeze(): void {
    if (this.deltaEntries === 0 && this.deadCount === 0) return;
    this.changed();
    const r = this.resolution;
    const { dead, starts, ids, delta } = this;
    const live = (id: number) => dead[id] === 0;
    const names: string[] = [...this.tokens];
    for (const t of delta.keys()) if (!this.dict.has(t)) names.push(t);
    const kept: string[] = [];
    const counts: number[] = [];
    let total = 0;
    const bucketCounts = new Array<number>(r);
    for (const t of names) {
      const tid = this.dict.get(t);
      const d = delta.get(t);
      let sum = 0;
      for (let b = 0; b < r; b++) {
        let c = 0;
        if (tid !== undefined)
          for (let i = starts[tid * r + b]!, end = starts[tid * r + b + 1]!; i < end; i++)
            c += live(ids[i]!) ? 1 : 0;
        const extra = d?.[b];
        if (extra) for (const id of extra) c += live(id) ? 1 : 0;
        bucketCounts[b] = c;
        sum += c;
      }
      if (sum === 0) continue;
      kept.push(t);
      for (let b = 0; b < r; b++) counts.push(bucketCounts[b]!);
      total += sum;
    }
    const nextStarts = new Int32Array(kept.length * r + 1);
    const nextIds = new Int32Array(total);
    let at = 0;
    kept.forEach((t, nt) => {
      const tid = this.dict.get(t);
      const d = delta.get(t);
      for (let b = 0; b < r; b++) {
        nextStarts[nt * r + b] = at;
        if (tid !== undefined)
          for (let i = starts[tid * r + b]!, end = starts[tid * r + b + 1]!; i < end; i++) {
            const id = ids[i]!;
            if (live(id)) nextIds[at++] = id;
          }
        const extra = d?.[b];
        if (extra) for (const id of extra) if (live(id)) nextIds[at++] = id;
      }
    });
    nextStarts[kept.length * r] = at;
    this.tokens = kept;
    this.dict = new Map(kept.map((t, i) => [t, i]));
    this.starts = nextStarts;
    this.ids = nextIds;
    this.delta = new Map();
    this.deltaEntries = 0;
    // Dead ids stay marked (a caller may still hold the id); they are simply no longer posted.
    this.deadCount = 0;
  }

  private changed(): void {
    this.cache.clear();
    this.singleCache.clear();
  }

  private ensureId(id: number): void {
    if (id > this.maxId) this.maxId = id;
    if (id < this.stamp.length) return;
    let n = this.stamp.length;
    while (n <= id) n *= 2;
    const next = new Int32Array(n);
    next.set(this.stamp);
    this.stamp = next;
    this.acc = new Float64Array(n);
    const d = new Uint8Array(n);
    d.set(this.dead);
    this.dead = d;
  }

  /** Drops everything. */
  clear(): void {
    this.changed();
    this.tokens = [];
    this.dict = new Map();
    this.starts = new Int32Array(1);
    this.ids = EMPTY;
    this.delta = new Map();
    this.deltaEntries = 0;
    this.dead.fill(0);
    this.deadCount = 0;
    this.totalLength = 0;
    this.entries = 0;
    this.maxId = 0;
    this.cjkChars.clear();
  }

  /** Freezes the index and returns its arrays (shared, not copied: do not change them; see {@link PostingSnapshot}). */
  export(): PostingSnapshot {
    this.freeze();
    return {
      resolution: this.resolution,
      tokens: this.tokens.join('\n'),
      starts: this.starts,
      ids: this.ids,
      totalLength: this.totalLength,
      entries: this.entries,
      cjkChars: [...this.cjkChars].join(''),
      maxId: this.maxId,
    };
  }

  /** Replaces the content with what {@link PostingIndex.export} produced (same `resolution`; the caller checks). */
  import(data: PostingSnapshot): void {
    const p = PostingIndex.fromSnapshot(data);
    this.clear();
    this.tokens = p.tokens;
    this.dict = p.dict;
    this.starts = p.starts;
    this.ids = p.ids;
    this.totalLength = p.totalLength;
    this.entries = p.entries;
    for (const ch of p.cjkChars) this.cjkChars.add(ch);
    this.ensureId(p.maxId);
  }
}

/** Total number of ids in posting slots. */
export function sizeOf(slots: PostingSlots): number {
  let n = 0;
  for (const ids of slots) if (ids) n += ids.length;
  return n;
}
