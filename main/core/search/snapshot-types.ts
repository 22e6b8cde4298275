/**
 * The decoded content of a search-index snapshot (snapshot.ts writes and reads it; SearchIndex exports and
 * imports it). Its own file so that the index and the snapshot code do not import each other.
 */
import type { NodeRecord } from './node-search';
import type { PostingSnapshot } from './posting-index';

/** A stored chunk as the snapshot carries it; `iid` is the internal id the postings refer to. */
export interface SnapshotChunk {
  iid: number;
  chunkId: number;
  docId: number;
  page: number;
  length: number;
  text: string | null;
}

/** Everything a snapshot holds, decoded. */
export interface SnapshotData {
  /**
   * The caller's own JSON value saved with the snapshot, e.g. a change counter of the database the index was built
   * from, to tell at start-up whether the snapshot is still current (see {@link loadSearchIndex}).
   */
  meta?: unknown;
  resolution: number;
  keepText: boolean;
  /** Internal ids handed out so far (chunks, nodes); new ids continue from here. */
  chunkIdsUsed: number;
  nodeIdsUsed: number;
  chunks: SnapshotChunk[];
  nodes: Array<[iid: number, node: NodeRecord]>;
  chunkPostings: PostingSnapshot;
  nodePostings: PostingSnapshot;
}
