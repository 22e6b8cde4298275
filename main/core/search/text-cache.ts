/**
 * A bounded cache of recently read chunk texts (NFKC), least recently used evicted first, bounded by bytes (UTF-16:
 * two bytes per code unit, the size V8 keeps a non-Latin-1 string in; a Latin-1 string takes less, so the bound
 * errs high). Used by `SearchIndex` when it keeps no text: a query repeated or refined (as typing does) verifies the
 * same candidates again without reading SQLite.
 */
export class TextCache {
  private readonly map = new Map<number, string>();
  private used = 0;

  /** `maxBytes`: the bound (0 disables the cache). */
  constructor(private readonly maxBytes: number) {}

  /** Bytes held (two per UTF-16 code unit). */
  get bytes(): number {
    return this.used;
  }

  /** Entries held. */
  get size(): number {
    return this.map.size;
  }

  /** The text of `chunkId`, marking it recently used; undefined when not cached. */
  get(chunkId: number): string | undefined {
    const text = this.map.get(chunkId);
    if (text !== undefined) {
      this.map.delete(chunkId);
      this.map.set(chunkId, text);
    }
    return text;
  }

  /** Caches `text` for `chunkId` (replacing any), evicting the least recently used past the bound. */
  set(chunkId: number, text: string): void {
    const bytes = text.length * 2;
    if (bytes > this.maxBytes) return;
    this.delete(chunkId);
    this.map.set(chunkId, text);
    this.used += bytes;
    while (this.used > this.maxBytes) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
  }

  /** Forgets `chunkId` (its text changed or it was removed). */
  delete(chunkId: number): void {
    const old = this.map.get(chunkId);
    if (old === undefined) return;
    this.map.delete(chunkId);
    this.used -= old.length * 2;
  }

  /** Forgets everything. */
  clear(): void {
    this.map.clear();
    this.used = 0;
  }
}
