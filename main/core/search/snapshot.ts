import fs from 'node:fs';
import { WellspringError } from '../util/errors';
import type { PostingSnapshot } from './posting-index';
import type { SearchIndex } from './search-index';
import type { SnapshotChunk, SnapshotData } from './snapshot-types';
import { TOKENIZER_VERSION } from './tokenize';

export type { SnapshotChunk, SnapshotData } from './snapshot-types';

/**
 * Index snapshots on disk, so start-up need not rebuild the index from stored text.
 *
 * Format 2 (issue 12): binary. `WSIX`, a little-endian u32 header length, the header (UTF-8 JSON: versions, options,
 * the caller's meta, and the byte range of every section), then the sections, each starting at a multiple of 8:
 * the chunk records as a `Float64Array` of (iid, chunkId, docId, page, length) per chunk; when the index keeps text,
 * the texts as UTF-8 with a `Float64Array` of byte offsets; the nodes as JSON; per posting index its tokens (UTF-8,
 * `\n`-joined), `starts` and `ids` (`Int32Array`, see `posting-index.ts`) and its counters (JSON). The file ends with
 * `WEND`, and the header gives the total size, so a truncated file is detected. Reading is a file read plus copies of
 * the arrays (no JSON of the postings): at 100k chunks see the numbers printed by `tests/bench/search-scale-bench.ts`.
 * (Format 1 was a JSON line per FlexSearch part: 3.5 s to read at 100k chunks.)
 *
 * Files are written to `<file>.tmp` and renamed, so a crash never leaves half a snapshot under the real name. The
 * header records the tokenizer version; a snapshot from another version is refused (`unsupported`: rebuild).
 */

/** Version of the snapshot layout; bump on any change. */
export const SNAPSHOT_VERSION = 2;

const MAGIC = Buffer.from('WSIX');
const TRAILER = Buffer.from('WEND');

/** The header of a snapshot file. */
interface Header {
  version: number;
  tokenizer: number;
  resolution: number;
  keepText: boolean;
  chunkIdsUsed: number;
  nodeIdsUsed: number;
  meta: unknown;
  /** Bytes of the whole file. */
  size: number;
  /** Section name → [byte offset in the file, byte length]. */
  sections: Record<string, [number, number]>;
}

type Section = [name: string, bytes: Uint8Array];

const bytesOf = (a: Int32Array | Float64Array): Uint8Array =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');

function postingSections(name: string, p: PostingSnapshot): Section[] {
  const { tokens, starts, ids, ...counters } = p;
  return [
    [`${name}.tokens`, utf8(tokens)],
    [`${name}.starts`, bytesOf(starts)],
    [`${name}.ids`, bytesOf(ids)],
    [`${name}.counters`, utf8(JSON.stringify(counters))],
  ];
}

/** Encodes `data` as the bytes of a snapshot file (see the file comment). */
export function encodeSnapshot(data: SnapshotData): Buffer {
  const n = data.chunks.length;
  const cols = new Float64Array(n * 5);
  data.chunks.forEach((c, i) => cols.set([c.iid, c.chunkId, c.docId, c.page, c.length], i * 5));
  const sections: Section[] = [['chunks', bytesOf(cols)]];
  if (data.keepText) {
    const parts = data.chunks.map((c) => utf8(c.text ?? ''));
    const offsets = new Float64Array(n + 1);
    parts.forEach((p, i) => (offsets[i + 1] = offsets[i]! + p.length));
    sections.push(['textOffsets', bytesOf(offsets)], ['texts', Buffer.concat(parts)]);
  }
  sections.push(['nodes', utf8(JSON.stringify(data.nodes))]);
  sections.push(...postingSections('chunkPostings', data.chunkPostings));
  sections.push(...postingSections('nodePostings', data.nodePostings));
  const header: Header = {
    version: SNAPSHOT_VERSION,
    tokenizer: TOKENIZER_VERSION,
    resolution: data.resolution,
    keepText: data.keepText,
    chunkIdsUsed: data.chunkIdsUsed,
    nodeIdsUsed: data.nodeIdsUsed,
    meta: data.meta ?? null,
    size: 0,
    sections: {},
  };
  // The header's length depends on the offsets it lists: lay out with a generous header size, then fix it.
  let headerBytes = 0;
  for (;;) {
    let at = align8(8 + headerBytes);
    for (const [name, bytes] of sections) {
      header.sections[name] = [at, bytes.length];
      at = align8(at + bytes.length);
    }
    header.size = at + TRAILER.length;
    const json = utf8(JSON.stringify(header));
    if (json.length <= headerBytes) break;
    headerBytes = json.length + 64;
  }
  const out = Buffer.alloc(header.size);
  MAGIC.copy(out, 0);
  const json = utf8(JSON.stringify(header));
  out.writeUInt32LE(headerBytes, 4);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + headerBytes);
  for (const [name, bytes] of sections) out.set(bytes, header.sections[name]![0]);
  TRAILER.copy(out, header.size - TRAILER.length);
  return out;
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/**
 * The header of snapshot bytes. Throws `WellspringError` `invalid_input` when the bytes are not a snapshot or are
 * truncated, `unsupported` when they come from another snapshot or tokenizer version (rebuild instead).
 */
function readHeader(buf: Uint8Array): Header {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length < 12 || !b.subarray(0, 4).equals(MAGIC))
    throw new WellspringError('invalid_input', 'not a search snapshot');
  const len = b.readUInt32LE(4);
  let header: Header;
  try {
    header = JSON.parse(b.toString('utf8', 8, 8 + len)) as Header;
  } catch (e) {
    throw new WellspringError('invalid_input', `malformed search snapshot: ${(e as Error).message}`);
  }
  if (header.version !== SNAPSHOT_VERSION || header.tokenizer !== TOKENIZER_VERSION)
    throw new WellspringError('unsupported', 'search snapshot from another version; rebuild the index');
  if (header.size !== b.length || !b.subarray(b.length - TRAILER.length).equals(TRAILER))
    throw new WellspringError('invalid_input', 'search snapshot is truncated');
  return header;
}

/**
 * Decodes the bytes from {@link encodeSnapshot}. The posting arrays are views into `buf` where it is aligned (keep
 * `buf` unchanged), copies otherwise. Throws
 * `WellspringError` `unsupported` when the snapshot comes from another snapshot or tokenizer version (rebuild
 * instead), `invalid_input` when it is truncated or malformed.
 */
export function decodeSnapshot(buf: Uint8Array): SnapshotData {
  const header = readHeader(buf);
  try {
    return decode(buf, header);
  } catch (e) {
    if (e instanceof WellspringError) throw e;
    throw new WellspringError('invalid_input', `malformed search snapshot: ${(e as Error).message}`);
  }
}

function decode(buf: Uint8Array, h: Header): SnapshotData {
  const raw = (name: string): Uint8Array => {
    const s = h.sections[name];
    if (!s || s[0] + s[1] > buf.length) throw new Error(`section ${name} missing`);
    return buf.subarray(s[0], s[0] + s[1]);
  };
  // A section 8-aligned in memory (a file read whole, bytes from a worker) is used in place; others are copied.
  const ints = (name: string): Int32Array => {
    const r = raw(name);
    if (r.byteOffset % 4 === 0) return new Int32Array(r.buffer, r.byteOffset, r.byteLength / 4);
    return new Int32Array(r.buffer.slice(r.byteOffset, r.byteOffset + r.byteLength));
  };
  const doubles = (name: string): Float64Array => {
    const r = raw(name);
    if (r.byteOffset % 8 === 0) return new Float64Array(r.buffer, r.byteOffset, r.byteLength / 8);
    return new Float64Array(r.buffer.slice(r.byteOffset, r.byteOffset + r.byteLength));
  };
  const view = (r: Uint8Array) => Buffer.from(r.buffer, r.byteOffset, r.byteLength);
  const text = (name: string) => view(raw(name)).toString('utf8');
  const cols = doubles('chunks');
  let texts: ((i: number) => string) | null = null;
  if (h.keepText) {
    const offsets = doubles('textOffsets');
    const all = view(raw('texts'));
    texts = (i) => all.toString('utf8', offsets[i], offsets[i + 1]);
  }
  const chunks: SnapshotChunk[] = [];
  for (let i = 0; i * 5 < cols.length; i++) {
    const o = i * 5;
    chunks.push({
      iid: cols[o]!,
      chunkId: cols[o + 1]!,
      docId: cols[o + 2]!,
      page: cols[o + 3]!,
      length: cols[o + 4]!,
      text: texts ? texts(i) : null,
    });
  }
  const postings = (name: string): PostingSnapshot => ({
    ...(JSON.parse(text(`${name}.counters`)) as Omit<PostingSnapshot, 'tokens' | 'starts' | 'ids'>),
    tokens: text(`${name}.tokens`),
    starts: ints(`${name}.starts`),
    ids: ints(`${name}.ids`),
  });
  return {
    meta: h.meta,
    resolution: h.resolution,
    keepText: h.keepText,
    chunkIdsUsed: h.chunkIdsUsed,
    nodeIdsUsed: h.nodeIdsUsed,
    chunks,
    nodes: JSON.parse(text('nodes')) as SnapshotData['nodes'],
    chunkPostings: postings('chunkPostings'),
    nodePostings: postings('nodePostings'),
  };
}

/**
 * Writes `index` to `file` atomically (temp file + rename), with the caller's `meta` (any JSON value) in the header.
 * Rejects with `io_error` on file-system errors.
 */
export async function saveSearchIndex(index: SearchIndex, file: string, meta?: unknown): Promise<void> {
  await writeSnapshotFile(file, encodeSnapshot({ ...index.exportSnapshot(), meta }));
}

/** Writes snapshot bytes to `file` atomically (temp file + rename). Rejects with `io_error`. */
export async function writeSnapshotFile(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${file}.tmp`;
  try {
    await fs.promises.writeFile(tmp, bytes);
    await fs.promises.rename(tmp, file);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    throw new WellspringError('io_error', `cannot write search snapshot: ${(e as Error).message}`);
  }
}

/** Options of {@link loadSearchIndex}. */
export interface LoadOptions {
  /** Decides from the saved `meta` whether the snapshot is still current; false → `unsupported` (rebuild). */
  accept?: (meta: unknown) => boolean;
}

/**
 * Replaces the content of `index` with the snapshot in `file`; resolves to the saved `meta`. Rejects with
 * `io_error` when the file cannot be read; `unsupported` when `accept` refuses the meta or the snapshot comes from
 * another version or other options (rebuild then); `invalid_input` when the file is damaged. The header is checked
 * before the bulk of the file is decoded.
 */
export async function loadSearchIndex(
  index: SearchIndex,
  file: string,
  options: LoadOptions = {},
): Promise<unknown> {
  let buf: Buffer;
  try {
    buf = await fs.promises.readFile(file);
  } catch (e) {
    throw new WellspringError('io_error', `cannot read search snapshot: ${(e as Error).message}`);
  }
  const header = readHeader(buf);
  if (options.accept && !options.accept(header.meta ?? null))
    throw new WellspringError('unsupported', 'search snapshot is out of date; rebuild the index');
  const data = decodeSnapshot(buf);
  index.importSnapshot(data);
  return data.meta ?? null;
}
