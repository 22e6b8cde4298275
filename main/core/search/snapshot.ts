import fs from 'node:fs';
import readline from 'node:readline';
import { WellspringError } from '../util/errors';
import type { PostingSnapshot } from './posting-index';
import type { SearchIndex } from './search-index';
import type { SnapshotChunk, SnapshotData } from './snapshot-types';

export type { SnapshotChunk, SnapshotData } from './snapshot-types';
import { TOKENIZER_VERSION } from './tokenize';

/**
 * Index snapshots on disk, so start-up need not rebuild the index from stored text.
 *
 * Measured (real PDF pages, ~2,000 characters each, texts included, Node 24, one core, quiet machine):
 * | chunks | rebuild from text | write snapshot | read snapshot | file   |
 * | 10k    | 3.6 s             | 0.8 s          | 0.5 s         | 33 MB  |
 * | 100k   | 42 s              | 5.4 s          | 3.5 s         | 324 MB |
 * So the index is persisted and read back at start; rebuilding (`SearchIndex.rebuild`) is the fallback when the
 * snapshot is missing, stale or from another version. FlexSearch's export does not carry the index options, so the
 * header records them (and the tokenizer version) and a snapshot made differently is refused.
 *
 * Format: UTF-8, one record per line, `<tag>\t<json>`; the last record is `end`, so a truncated file is detected.
 * Files are written to `<file>.tmp` and renamed, so a crash never leaves half a snapshot under the real name.
 */

/** Version of the snapshot layout; bump on any change. */
export const SNAPSHOT_VERSION = 1;

/** One snapshot record: a tag and a JSON document (no raw newlines). */
export type SnapshotRecord = [tag: string, json: string];

const TEXTS_PER_RECORD = 1000;

/** Encodes `data` as records (see the file comment). Lazy: strings are made as the records are consumed. */
export function* encodeSnapshot(data: SnapshotData): Generator<SnapshotRecord> {
  const { resolution, keepText, chunkIdsUsed, nodeIdsUsed } = data;
  const meta = data.meta ?? null;
  yield [
    'header',
    JSON.stringify({
      version: SNAPSHOT_VERSION,
      tokenizer: TOKENIZER_VERSION,
      resolution,
      keepText,
      chunkIdsUsed,
      nodeIdsUsed,
      meta,
    }),
  ];
  yield ['chunks', JSON.stringify(data.chunks.flatMap((c) => [c.iid, c.chunkId, c.docId, c.page, c.length]))];
  if (keepText) {
    for (let i = 0; i < data.chunks.length; i += TEXTS_PER_RECORD) {
      yield ['texts', JSON.stringify(data.chunks.slice(i, i + TEXTS_PER_RECORD).map((c) => c.text))];
    }
  }
  yield ['nodes', JSON.stringify(data.nodes)];
  for (const [name, postings] of [
    ['chunk', data.chunkPostings],
    ['node', data.nodePostings],
  ] as const) {
    const { parts, ...rest } = postings;
    yield [`${name}-postings`, JSON.stringify(rest)];
    for (const [key, json] of parts) yield [`${name}-part ${key}`, json];
  }
  yield ['end', '{}'];
}

/**
 * Decodes records from {@link encodeSnapshot}. Throws `WellspringError` `unsupported` when the snapshot comes from
 * another snapshot or tokenizer version (rebuild instead), `invalid_input` when it is truncated or malformed.
 */
export function decodeSnapshot(records: Iterable<SnapshotRecord>): SnapshotData {
  try {
    return decode(records);
  } catch (e) {
    if (e instanceof WellspringError) throw e;
    throw new WellspringError('invalid_input', `malformed search snapshot: ${(e as Error).message}`);
  }
}

function decode(records: Iterable<SnapshotRecord>): SnapshotData {
  let header:
    Pick<SnapshotData, 'meta' | 'resolution' | 'keepText' | 'chunkIdsUsed' | 'nodeIdsUsed'> | undefined;
  let flat: number[] = [];
  const texts: Array<string | null> = [];
  let nodes: SnapshotData['nodes'] = [];
  const postings = {
    chunk: { parts: [] as PostingSnapshot['parts'] },
    node: { parts: [] as PostingSnapshot['parts'] },
  };
  const meta: Record<string, Omit<PostingSnapshot, 'parts'>> = {};
  let ended = false;
  for (const [tag, json] of records) {
    if (tag === 'header') {
      const h = JSON.parse(json);
      if (h.version !== SNAPSHOT_VERSION || h.tokenizer !== TOKENIZER_VERSION) {
        throw new WellspringError('unsupported', 'search snapshot from another version; rebuild the index');
      }
      header = h;
    } else if (tag === 'chunks') flat = JSON.parse(json);
    else if (tag === 'texts') texts.push(...(JSON.parse(json) as Array<string | null>));
    else if (tag === 'nodes') nodes = JSON.parse(json);
    else if (tag === 'chunk-postings' || tag === 'node-postings') meta[tag.slice(0, -9)] = JSON.parse(json);
    else if (tag.startsWith('chunk-part ')) postings.chunk.parts.push([tag.slice(11), json]);
    else if (tag.startsWith('node-part ')) postings.node.parts.push([tag.slice(10), json]);
    else if (tag === 'end') ended = true;
  }
  if (!header || !ended || !meta.chunk || !meta.node)
    throw new WellspringError('invalid_input', 'search snapshot is truncated');
  const chunks: SnapshotChunk[] = [];
  for (let i = 0; i + 4 < flat.length; i += 5) {
    const [iid, chunkId, docId, page, length] = flat.slice(i, i + 5) as [
      number,
      number,
      number,
      number,
      number,
    ];
    chunks.push({ iid, chunkId, docId, page, length, text: texts[chunks.length] ?? null });
  }
  return {
    ...header,
    chunks,
    nodes,
    chunkPostings: { ...meta.chunk, parts: postings.chunk.parts },
    nodePostings: { ...meta.node, parts: postings.node.parts },
  };
}

/**
 * Writes `index` to `file` atomically (temp file + rename), with the caller's `meta` (any JSON value) in the header.
 * Rejects with `io_error` on file-system errors.
 */
export async function saveSearchIndex(index: SearchIndex, file: string, meta?: unknown): Promise<void> {
  const tmp = `${file}.tmp`;
  try {
    const out = fs.createWriteStream(tmp, { encoding: 'utf8' });
    const closed = new Promise<void>((resolve, reject) => {
      out.on('close', resolve);
      out.on('error', reject);
    });
    // A write error ends the stream without 'drain': wait for whichever comes first, and never leave `closed`
    // rejected without a handler (the folder can vanish while a snapshot is written).
    closed.catch(() => undefined);
    for (const [tag, json] of encodeSnapshot({ ...index.exportSnapshot(), meta })) {
      if (!out.write(`${tag}\t${json}\n`)) {
        await Promise.race([new Promise<void>((r) => out.once('drain', () => r())), closed]);
      }
    }
    out.end();
    await closed;
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
 * before the bulk of the file is parsed.
 */
export async function loadSearchIndex(
  index: SearchIndex,
  file: string,
  options: LoadOptions = {},
): Promise<unknown> {
  const records: SnapshotRecord[] = [];
  try {
    const input = fs.createReadStream(file, { encoding: 'utf8' });
    for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
      const tab = line.indexOf('\t');
      if (tab <= 0) continue;
      const record: SnapshotRecord = [line.slice(0, tab), line.slice(tab + 1)];
      if (records.length === 0 && record[0] === 'header' && options.accept) {
        const meta = (JSON.parse(record[1]) as { meta?: unknown }).meta ?? null;
        if (!options.accept(meta)) {
          input.destroy();
          throw new WellspringError('unsupported', 'search snapshot is out of date; rebuild the index');
        }
      }
      records.push(record);
    }
  } catch (e) {
    if (e instanceof WellspringError) throw e;
    if (e instanceof SyntaxError)
      throw new WellspringError('invalid_input', `malformed search snapshot: ${e.message}`);
    throw new WellspringError('io_error', `cannot read search snapshot: ${(e as Error).message}`);
  }
  const data = decodeSnapshot(records);
  index.importSnapshot(data);
  return data.meta ?? null;
}
