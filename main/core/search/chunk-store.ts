/**
 * The chunk side of the index apart from the postings: a record per internal id, the maps from chunk and document
 * ids, and dense document numbers so that per-query work can use typed arrays instead of maps.
 *
 * Internal ids are handed out in increasing order and never reused (the postings rely on that; see
 * `posting-index.ts`); a removed chunk leaves a hole. Dense document numbers are likewise never reused.
 */

/** A stored chunk. */
export interface ChunkRecord {
  chunkId: number;
  docId: number;
  /** Dense number of the document. */
  doc: number;
  page: number;
  /** Number of tokens (BM25 document length). */
  length: number;
  /** NFKC text, when the index keeps text. */
  text: string | null;
}

/** Records and id maps of the indexed chunks; see the file comment. */
export class ChunkStore {
  /** Records by internal id; `undefined` once removed. */
  records: Array<ChunkRecord | undefined> = [];
  /** Dense document number by internal id, −1 when removed: what hot loops read instead of the records. */
  chunkDoc = new Int32Array(1024).fill(-1);
  /** Document id by dense number. */
  docIdOf: number[] = [];
  /** Sum of the lengths of the live chunks. */
  totalLength = 0;
  private readonly byChunkId = new Map<number, number>();
  private readonly docChunks = new Map<number, Set<number>>();
  private readonly docNumber = new Map<number, number>();

  /** Live chunks. */
  get size(): number {
    return this.byChunkId.size;
  }

  /** Documents with at least one live chunk. */
  get documents(): number {
    return this.docChunks.size;
  }

  /** Internal ids handed out so far (the next id). */
  get idsUsed(): number {
    return this.records.length;
  }

  /** Internal id of `chunkId`, if stored. */
  iidOf(chunkId: number): number | undefined {
    return this.byChunkId.get(chunkId);
  }

  /** Internal ids of the live chunks of `docId`. */
  chunksOf(docId: number): ReadonlySet<number> {
    return this.docChunks.get(docId) ?? new Set();
  }

  /** Stores a chunk under internal id `iid` (a new id, or one from a snapshot); returns its record. */
  place(iid: number, chunk: Omit<ChunkRecord, 'doc'>): ChunkRecord {
    const rec: ChunkRecord = { ...chunk, doc: this.denseDoc(chunk.docId) };
    this.records[iid] = rec;
    this.byChunkId.set(rec.chunkId, iid);
    let set = this.docChunks.get(rec.docId);
    if (!set) this.docChunks.set(rec.docId, (set = new Set()));
    set.add(iid);
    this.totalLength += rec.length;
    if (iid >= this.chunkDoc.length) this.chunkDoc = grow(this.chunkDoc, iid, -1);
    this.chunkDoc[iid] = rec.doc;
    return rec;
  }

  /** Forgets `chunkId`; returns its internal id and record, or undefined when it was not stored. */
  remove(chunkId: number): { iid: number; rec: ChunkRecord } | undefined {
    const iid = this.byChunkId.get(chunkId);
    if (iid === undefined) return undefined;
    const rec = this.records[iid]!;
    this.records[iid] = undefined;
    this.chunkDoc[iid] = -1;
    this.byChunkId.delete(chunkId);
    const set = this.docChunks.get(rec.docId)!;
    set.delete(iid);
    if (set.size === 0) this.docChunks.delete(rec.docId);
    this.totalLength -= rec.length;
    return { iid, rec };
  }

  /** Flags by dense document number for a document filter; null when there is no filter. */
  allowedDocs(docIds: ReadonlySet<number> | undefined): Uint8Array | null {
    if (!docIds) return null;
    const allowed = new Uint8Array(this.docIdOf.length);
    for (const id of docIds) {
      const d = this.docNumber.get(id);
      if (d !== undefined) allowed[d] = 1;
    }
    return allowed;
  }

  /** Drops everything; `idsUsed` restarts at `reserve` (a snapshot's count). */
  clear(reserve = 0): void {
    this.records = new Array<ChunkRecord | undefined>(reserve);
    this.chunkDoc = new Int32Array(Math.max(1024, reserve)).fill(-1);
    this.docIdOf = [];
    this.totalLength = 0;
    this.byChunkId.clear();
    this.docChunks.clear();
    this.docNumber.clear();
  }

  private denseDoc(docId: number): number {
    let d = this.docNumber.get(docId);
    if (d === undefined) {
      d = this.docIdOf.length;
      this.docNumber.set(docId, d);
      this.docIdOf.push(docId);
    }
    return d;
  }
}

/** A copy of `a` able to hold index `i` (capacity doubled), new slots set to `fill`. */
export function grow<T extends Float64Array | Int32Array>(a: T, i: number, fill = 0): T {
  let n = Math.max(1, a.length);
  while (n <= i) n *= 2;
  const next = new (a.constructor as new (n: number) => T)(n);
  if (fill !== 0) next.fill(fill);
  next.set(a);
  return next;
}
