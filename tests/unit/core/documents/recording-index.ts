import type { PageIndex } from '../../../../main/core/documents/library-service';
import type { PageRow } from '../../../../main/core/documents/library-store';

/** A page index that records what it is given, standing in for the search service in library tests. */
export class RecordingIndex implements PageIndex {
  readonly chunks = new Map<number, PageRow>();
  addPages(pages: readonly PageRow[]): void {
    for (const p of pages) this.chunks.set(p.id, p);
  }
  removeChunks(ids: readonly number[]): void {
    for (const id of ids) this.chunks.delete(id);
  }
}
