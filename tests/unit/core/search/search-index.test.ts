import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../../main/core/search/search-index';
import type { ChunkEntry, SearchResult } from '../../../../main/core/search/search-types';
import {
  decodeSnapshot,
  encodeSnapshot,
  loadSearchIndex,
  saveSearchIndex,
} from '../../../../main/core/search/snapshot';
import { tempDir } from '../../helpers';

const CHUNKS: ChunkEntry[] = [
  { chunkId: 1, docId: 10, page: 1, text: '知识管理是企业的核心能力。知识管理需要流程。' },
  { chunkId: 2, docId: 10, page: 2, text: '知识很重要，而企业的管理也很重要。' },
  { chunkId: 3, docId: 10, page: 3, text: '我们用 C++ 编译器编译源代码。' },
  {
    chunkId: 4,
    docId: 11,
    page: 1,
    text: 'Use node.js and .NET; the network (net) is fine. C is old, C# is not.',
  },
  {
    chunkId: 5,
    docId: 11,
    page: 2,
    text: 'Run dpkg-buildpackage, then edit debian/rules and run make install.',
  },
  { chunkId: 6, docId: 12, page: 7, text: '知识管理 knowledge management 知识管理 知识管理' },
];

function index(options: ConstructorParameters<typeof SearchIndex>[0] = {}): SearchIndex {
  const ix = new SearchIndex(options);
  for (const c of CHUNKS) ix.addChunk(c);
  ix.addNode({
    nodeId: 'k1',
    kind: 'knowledge',
    label: '知识管理',
    aliases: ['Knowledge management', 'KM'],
    description: '企业对知识的识别、获取与共享。',
  });
  ix.addNode({
    nodeId: 'e1',
    kind: 'expert',
    label: '张伟',
    aliases: [],
    description: '精通 C++ 编译与知识管理流程。',
  });
  ix.addNode({
    nodeId: 't1',
    kind: 'term',
    label: '.NET',
    aliases: ['dotnet'],
    description: 'Microsoft platform',
  });
  return ix;
}

/** `[docId, [chunkId…]]` of a result, for compact assertions. */
function hits(r: SearchResult): Array<[number, number[]]> {
  return r.docs.map((d) => [d.docId, d.pages.map((p) => p.chunkId)]);
}

describe('SearchIndex: matching', () => {
  const ix = index();

  it('finds a Chinese phrase and drops the bigram false positive', () => {
    const r = ix.search('知识管理');
    // Chunk 2 has 知识 and 管理 apart: it shares two of the three bigrams and must not match.
    expect(hits(r)).toEqual([
      [12, [6]],
      [10, [1]],
    ]);
    expect(r.total).toBe(2);
    expect(r.totalChunks).toBe(2);
    expect(r.exhaustive).toBe(true);
  });

  it('drops a chunk that has every bigram of the query, but not the phrase', () => {
    const ix2 = new SearchIndex();
    ix2.addChunk({ chunkId: 1, docId: 1, page: 1, text: '知识很重要。识管这个词不存在。管理也重要。' });
    ix2.addChunk({ chunkId: 2, docId: 2, page: 1, text: '本章讨论知识管理。' });
    const r = ix2.search('知识管理');
    expect(r.candidates).toBe(2); // both have 知识, 识管 and 管理
    expect(hits(r)).toEqual([[2, [2]]]);
  });

  it('ANDs terms separated by spaces, anywhere in the document', () => {
    expect(hits(ix.search('知识 管理')).sort((a, b) => a[0] - b[0])).toEqual([
      [10, [1, 2]],
      [12, [6]],
    ]);
    // 知识 on pages 1 and 2 of document 10, 源代码 on page 3: found, though no page holds both; two pages listed
    // show both words.
    const [doc] = ix.search('知识 源代码', { pagesPerDoc: 2 }).docs;
    expect([doc!.docId, doc!.together, doc!.matchingPages]).toEqual([10, 'near', 3]);
    expect(doc!.pages.map((p) => p.page)).toContain(3);
  });

  it('keeps symbols that matter and matches Latin words whole', () => {
    expect(hits(ix.search('C++'))).toEqual([[10, [3]]]);
    expect(hits(ix.search('c'))).toEqual([[11, [4]]]); // not C++ (chunk 3) and not C#
    expect(hits(ix.search('C#'))).toEqual([[11, [4]]]);
    expect(hits(ix.search('.NET'))).toEqual([[11, [4]]]);
    expect(hits(ix.search('net'))).toEqual([[11, [4]]]); // "(net)", not ".NET"
    expect(ix.search('network').docs[0]!.pages[0]!.snippets[0]!.text).toContain('network');
    expect(hits(ix.search('node'))).toEqual([[11, [4]]]);
    expect(hits(ix.search('node.js'))).toEqual([[11, [4]]]);
    expect(hits(ix.search('dpkg-buildpackage debian/rules'))).toEqual([[11, [5]]]);
    expect(hits(ix.search('"make install"'))).toEqual([[11, [5]]]);
    expect(hits(ix.search('"install make"'))).toEqual([]);
    expect(hits(ix.search('c++编译'))).toEqual([[10, [3]]]); // optional space between C++ and 编译
  });

  it('finds one CJK character through the bigrams around it', () => {
    expect(hits(ix.search('译'))).toEqual([[10, [3]]]);
    expect(ix.search('鑫').total).toBe(0);
  });

  it('returns nothing for unknown words, empty or symbol-only queries', () => {
    for (const q of ['zzz', '', '   ', '-', '++', '知识 zzz']) {
      const r = ix.search(q);
      expect(r.docs, q).toEqual([]);
      expect(r.total, q).toBe(0);
    }
  });

  it('filters by document and pages through results', () => {
    expect(hits(ix.search('知识', { filter: { docIds: new Set([12]) } }))).toEqual([[12, [6]]]);
    expect(ix.search('知识', { filter: { docIds: new Set([999]) } }).total).toBe(0);
    const all = ix.search('知识');
    expect(all.total).toBe(2);
    expect(ix.search('知识', { limit: 1 }).docs.map((d) => d.docId)).toEqual([all.docs[0]!.docId]);
    expect(ix.search('知识', { limit: 1, offset: 1 }).docs.map((d) => d.docId)).toEqual([all.docs[1]!.docId]);
  });

  it('never throws on odd input', () => {
    for (const q of [
      '"',
      '""',
      '((',
      '\\',
      '[a-z]+',
      '.*',
      '𠀀',
      '\u0000',
      'a'.repeat(500),
      '知'.repeat(500),
    ]) {
      expect(() => ix.search(q), q).not.toThrow();
    }
  });
});

describe('SearchIndex: ranking, grouping, snippets', () => {
  const ix = index();

  it('ranks by BM25 and groups pages by document, best page first', () => {
    const r = ix.search('知识管理');
    expect(r.docs[0]!.docId).toBe(12); // three occurrences in a short chunk
    expect(r.docs[0]!.score).toBeGreaterThan(r.docs[1]!.score);
    const doc10 = ix.search('知识').docs.find((d) => d.docId === 10)!;
    expect(doc10.matchingPages).toBe(2);
    expect(doc10.pages.map((p) => p.page)).toEqual([1, 2]);
    expect(doc10.pages[0]!.score).toBeGreaterThanOrEqual(doc10.pages[1]!.score);
  });

  it('limits pages per document', () => {
    const doc10 = ix.search('知识', { pagesPerDoc: 1 }).docs.find((d) => d.docId === 10)!;
    expect(doc10.pages).toHaveLength(1);
    expect(doc10.matchingPages).toBe(2);
  });

  it('gives snippets whose highlights cover exactly the matches, in snippet coordinates', () => {
    const r = ix.search('知识管理 流程');
    const snippet = r.docs[0]!.pages[0]!.snippets[0]!;
    expect(snippet.text).toBe('知识管理是企业的核心能力。知识管理需要流程。');
    expect(snippet.highlights.map(([s, e]) => snippet.text.slice(s, e))).toEqual([
      '知识管理',
      '知识管理',
      '流程',
    ]);
    const latin = ix.search('dpkg-buildpackage').docs[0]!.pages[0]!.snippets[0]!;
    expect(latin.highlights.map(([s, e]) => latin.text.slice(s, e))).toEqual(['dpkg-buildpackage']);
  });

  it('highlights in NFKC text and keeps the original case', () => {
    const ix2 = new SearchIndex();
    ix2.addChunk({ chunkId: 1, docId: 1, page: 1, text: 'Ｄｅｂｉａｎ uses ⼀些 tools' });
    const s = ix2.search('debian 一些').docs[0]!.pages[0]!.snippets[0]!;
    expect(s.text).toBe('Debian uses 一些 tools');
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['Debian', '一些']);
  });
});

describe('SearchIndex: graph nodes', () => {
  const ix = index();

  it('finds nodes by label, alias and description, label first', () => {
    const r = ix.search('知识管理');
    expect(r.nodes.map((n) => n.nodeId)).toEqual(['k1', 'e1']);
    expect(r.nodes[0]).toMatchObject({ kind: 'knowledge', label: '知识管理', highlights: [[0, 4]] });
    expect(r.nodes[0]!.matchedIn).toContain('label');
    expect(r.nodes[1]!.matchedIn).toEqual(['description']);
    expect(r.nodes[1]!.snippet!.highlights.map(([s, e]) => r.nodes[1]!.snippet!.text.slice(s, e))).toEqual([
      '知识管理',
    ]);
    expect(r.totalNodes).toBe(2);
  });

  it('matches aliases and symbols, and filters by kind', () => {
    expect(ix.search('knowledge management').nodes.map((n) => n.nodeId)).toEqual(['k1']);
    expect(ix.search('.net').nodes.map((n) => n.nodeId)).toEqual(['t1']);
    expect(ix.search('C++').nodes.map((n) => n.nodeId)).toEqual(['e1']);
    expect(
      ix.search('知识', { filter: { nodeKinds: new Set(['expert']) } }).nodes.map((n) => n.nodeId),
    ).toEqual(['e1']);
    expect(ix.search('知识', { nodeLimit: 0 }).nodes).toEqual([]);
  });

  it('updates and removes nodes', () => {
    const ix2 = index();
    ix2.addNode({ nodeId: 'k1', kind: 'knowledge', label: '质量管理', aliases: [], description: '' });
    expect(ix2.search('知识管理').nodes.map((n) => n.nodeId)).toEqual(['e1']);
    expect(ix2.search('质量').nodes.map((n) => n.nodeId)).toEqual(['k1']);
    expect(ix2.removeNode('e1')).toBe(true);
    expect(ix2.removeNode('e1')).toBe(false);
    expect(ix2.search('知识管理').nodes).toEqual([]);
    expect(ix2.stats.nodes).toBe(2);
  });
});

describe('SearchIndex: updates', () => {
  it('removes a document and all its chunks', () => {
    const ix = index();
    expect(ix.removeDocument(10)).toBe(3);
    expect(ix.removeDocument(10)).toBe(0);
    expect(hits(ix.search('知识管理'))).toEqual([[12, [6]]]);
    expect(ix.search('C++').total).toBe(0);
    expect(ix.stats).toMatchObject({ chunks: 3, documents: 2 });
  });

  it('replaces a chunk re-added under the same id', () => {
    const ix = index();
    ix.addChunk({ chunkId: 3, docId: 10, page: 3, text: '现在讲质量管理。' });
    expect(ix.search('C++').total).toBe(0);
    expect(hits(ix.search('质量管理'))).toEqual([[10, [3]]]);
    expect(ix.stats.chunks).toBe(6);
  });

  it('rejects non-integer ids', () => {
    expect(() => new SearchIndex().addChunk({ chunkId: 1.5, docId: 1, page: 1, text: 'x' })).toThrow(
      /chunkId/,
    );
  });

  it('works without kept text, through getText', () => {
    const texts = new Map(CHUNKS.map((c) => [c.chunkId, c.text]));
    const ix = new SearchIndex({ keepText: false, getText: (id) => texts.get(id) });
    for (const c of CHUNKS) ix.addChunk(c);
    expect(hits(ix.search('知识管理'))).toEqual([
      [12, [6]],
      [10, [1]],
    ]);
    expect(ix.search('知识管理').docs[0]!.pages[0]!.snippets[0]!.highlights.length).toBeGreaterThan(0);
    ix.removeDocument(12);
    expect(hits(ix.search('知识管理'))).toEqual([[10, [1]]]);
  });

  it('removes by scanning the index when no text is available', () => {
    const ix = new SearchIndex({ keepText: false });
    for (const c of CHUNKS) ix.addChunk(c);
    const texts = new Map(CHUNKS.map((c) => [c.chunkId, c.text]));
    ix.removeDocument(12);
    expect(hits(ix.search('知识管理', { getText: (id) => texts.get(id) }))).toEqual([[10, [1]]]);
  });

  it('verifies at most verifyBudget candidates and says so', () => {
    const ix = new SearchIndex({ verifyBudget: 2 });
    for (let i = 1; i <= 5; i++) ix.addChunk({ chunkId: i, docId: i, page: 1, text: `第${i}章：知识管理。` });
    const r = ix.search('知识管理');
    expect(r.candidates).toBe(5);
    expect(r.totalChunks).toBe(2);
    expect(r.exhaustive).toBe(false);
    // One-token terms and lone CJK characters are decided by the index: the budget does not apply.
    for (const q of ['知识', '知']) {
      expect(ix.search(q).total, q).toBe(5);
      expect(ix.search(q).exhaustive, q).toBe(true);
    }
  });
});

describe('SearchIndex: snapshots', () => {
  it('round-trips through bytes and gives the same results', () => {
    const ix = index();
    const copy = new SearchIndex();
    copy.importSnapshot(decodeSnapshot(encodeSnapshot(ix.exportSnapshot())));
    for (const q of ['知识管理', '知识 管理', 'C++', 'net', '译', 'make install']) {
      expect(copy.search(q).docs, q).toEqual(ix.search(q).docs);
      expect(copy.search(q).nodes, q).toEqual(ix.search(q).nodes);
    }
    expect(copy.stats).toEqual(ix.stats);
    // The imported index keeps working: add and remove after import.
    copy.addChunk({ chunkId: 7, docId: 13, page: 1, text: '知识管理手册' });
    copy.removeDocument(10);
    expect(hits(copy.search('知识管理')).map(([d]) => d)).toEqual(expect.arrayContaining([12, 13]));
    expect(hits(copy.search('知识管理')).map(([d]) => d)).not.toContain(10);
  });

  it('saves to and loads from a file', async () => {
    const file = path.join(tempDir(), 'search.idx');
    const ix = index();
    await saveSearchIndex(ix, file);
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
    const copy = new SearchIndex();
    await loadSearchIndex(copy, file);
    expect(hits(copy.search('知识管理'))).toEqual(hits(ix.search('知识管理')));
  });

  it('keeps the caller meta and refuses a snapshot the caller calls stale', async () => {
    const file = path.join(tempDir(), 'search.idx');
    await saveSearchIndex(index(), file, { generation: 7 });
    const copy = new SearchIndex();
    expect(
      await loadSearchIndex(copy, file, { accept: (m) => (m as { generation: number }).generation === 7 }),
    ).toEqual({
      generation: 7,
    });
    expect(copy.stats.chunks).toBe(6);
    await expect(loadSearchIndex(copy, file, { accept: () => false })).rejects.toMatchObject({
      code: 'unsupported',
    });
    fs.writeFileSync(file, 'WSIX\u0005\u0000\u0000\u0000{oops');
    await expect(loadSearchIndex(copy, file, { accept: () => true })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('refuses a snapshot made with other options, a truncated one, and a missing file', async () => {
    const data = index().exportSnapshot();
    expect(() => new SearchIndex({ keepText: false }).importSnapshot(data)).toThrow(
      expect.objectContaining({ code: 'unsupported' }),
    );
    expect(() => new SearchIndex({ resolution: 2 }).importSnapshot(data)).toThrow(
      expect.objectContaining({ code: 'unsupported' }),
    );
    const bytes = encodeSnapshot(data);
    expect(() => decodeSnapshot(bytes.subarray(0, bytes.length - 1))).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(() => decodeSnapshot(bytes.subarray(0, bytes.length - 100))).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(() => decodeSnapshot(Buffer.from('header\t{not json'))).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    // The header with another tokenizer version, padded to the same length: refused as another version.
    const len = bytes.readUInt32LE(4);
    const header = JSON.parse(bytes.toString('utf8', 8, 8 + len)) as Record<string, unknown>;
    const otherVersion = Buffer.from(bytes);
    otherVersion.write(JSON.stringify({ ...header, tokenizer: -1 }).padEnd(len, ' '), 8, 'utf8');
    expect(() => decodeSnapshot(otherVersion)).toThrow(expect.objectContaining({ code: 'unsupported' }));
    // A damaged section (the posting counters' JSON overwritten) is invalid input, not a crash.
    const damaged = Buffer.from(bytes);
    const [at] = (header.sections as Record<string, [number, number]>)['chunkPostings.counters']!;
    damaged.write('}', at, 'utf8');
    expect(() => decodeSnapshot(damaged)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    await expect(
      loadSearchIndex(new SearchIndex(), path.join(tempDir(), 'missing.idx')),
    ).rejects.toMatchObject({
      code: 'io_error',
    });
  });
});
