import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchIndex } from '../../../../main/core/search/search-index';
import type { ChunkEntry, SearchResult } from '../../../../main/core/search/search-types';
import { TextCache } from '../../../../main/core/search/text-cache';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { fixture, tempDir } from '../../helpers';

// Pages of the Debian maintainer's guide (Chinese translation, fixtures/documents/derived-zh), cut at blank lines
// into chunks of about 600 characters, many documents of several pages: enough candidates per query for several
// batches of 256.
function guideChunks(): ChunkEntry[] {
  const text = fs.readFileSync(fixture('documents/derived-zh/maint-guide.first.zh-cn.md'), 'utf8');
  const parts: string[] = [];
  let cur = '';
  for (const para of text.split(/\n\s*\n/)) {
    cur += `${para}\n\n`;
    if (cur.length > 600) {
      parts.push(cur);
      cur = '';
    }
  }
  if (cur) parts.push(cur);
  const chunks: ChunkEntry[] = [];
  // Twelve copies, so that common words have hundreds of candidates.
  for (let copy = 0; copy < 12; copy++)
    parts.forEach((t, i) =>
      chunks.push({
        chunkId: chunks.length + 1,
        docId: copy * 1000 + Math.floor(i / 5),
        page: (i % 5) + 1,
        text: t,
      }),
    );
  return chunks;
}

const shape = (r: SearchResult) => ({
  total: r.total,
  totalChunks: r.totalChunks,
  docs: r.docs.map((d) => ({ docId: d.docId, pages: d.pages.map((p) => [p.chunkId, p.snippets]) })),
});

describe('SearchIndex without kept text: batched reads and the text cache', () => {
  const chunks = guideChunks();
  const byId = new Map(chunks.map((c) => [c.chunkId, c.text]));
  const queries = [
    '"软件包"',
    '维护者',
    '软件包维护',
    '上游 软件包',
    '打包 维护者 文件',
    'dh_make',
    '"Debian 软件包"',
  ];

  it('answers as an index with kept text, reading at most 256 pages per statement and never one by one', () => {
    const kept = new SearchIndex();
    kept.rebuild(chunks);
    const batches: number[] = [];
    const one = vi.fn((id: number) => byId.get(id));
    const lean = new SearchIndex({
      keepText: false,
      getText: one,
      getTexts: (ids) => {
        batches.push(ids.length);
        return new Map(ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!] as const] : [])));
      },
      textCacheBytes: 0,
    });
    lean.rebuild(chunks);
    let most = 0;
    for (const q of queries) {
      const before = batches.length;
      const r = lean.search(q, { limit: 10 });
      expect(shape(r), q).toEqual(shape(kept.search(q, { limit: 10 })));
      most = Math.max(most, r.candidates);
      // Candidates verified plus the pages shown: no more statements than batches of 256 of each need.
      const shownPages = r.docs.reduce((s, d) => s + d.pages.length, 0);
      expect(batches.length - before, q).toBeLessThanOrEqual(
        Math.ceil(r.candidates / 256) * 3 + Math.ceil(shownPages / 256) + 2,
      );
    }
    expect(most).toBeGreaterThan(256); // some query needed several batches
    expect(one).not.toHaveBeenCalled();
    expect(Math.max(...batches)).toBeLessThanOrEqual(256);
    expect(batches.some((n) => n > 1)).toBe(true);
  });

  it('reads nothing again for a repeated query while the cache holds its pages, and forgets a changed page', () => {
    let read = 0;
    const lean = new SearchIndex({
      keepText: false,
      getTexts: (ids) => {
        read += ids.length;
        return new Map(ids.map((id) => [id, byId.get(id)!]));
      },
    });
    lean.rebuild(chunks);
    const first = lean.search('"软件包"');
    expect(read).toBeGreaterThan(0);
    const afterFirst = read;
    expect(shape(lean.search('"软件包"'))).toEqual(shape(first));
    expect(read).toBe(afterFirst);
    expect(lean.textCache.bytes).toBeGreaterThan(0);
    // A page re-indexed with new text is read again, and its new text is what verification sees.
    const hit = first.docs[0]!.pages[0]!;
    const c = chunks.find((x) => x.chunkId === hit.chunkId)!;
    byId.set(c.chunkId, '已经没有那个词了');
    lean.addChunk({ ...c, text: '已经没有那个词了' });
    const again = lean.search('"软件包"');
    expect(again.docs.flatMap((d) => d.pages.map((p) => p.chunkId))).not.toContain(c.chunkId);
    byId.set(c.chunkId, c.text);
  });
});

describe('TextCache', () => {
  it('keeps at most its bound in bytes, evicting the least recently used first', () => {
    const cache = new TextCache(100); // 50 UTF-16 code units
    cache.set(1, 'a'.repeat(20));
    cache.set(2, 'b'.repeat(20));
    expect(cache.get(1)).toBe('a'.repeat(20)); // 1 is now the most recent
    cache.set(3, 'c'.repeat(20)); // 120 bytes: 2 goes
    expect(cache.get(2)).toBeUndefined();
    expect(cache.get(1)).toBeDefined();
    expect(cache.get(3)).toBeDefined();
    expect(cache.bytes).toBe(80);
    cache.set(4, 'd'.repeat(60)); // larger than the bound: not cached
    expect(cache.get(4)).toBeUndefined();
    cache.delete(1);
    expect(cache.bytes).toBe(40);
    expect(cache.size).toBe(1);
  });
});

describe('SearchService after a snapshot load (real workspace)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('re-indexes only the graph nodes edited since the snapshot, and later only the node touched', async () => {
    const file = path.join(tempDir(), 'w.wellspring');
    const ws = new WorkspaceService(path.dirname(file), 'node', { watch: false, threads: 1 });
    ws.open(file, { create: true, sample: true });
    const nodes = ws.store.getGraph().nodes;
    expect(nodes.length).toBeGreaterThan(5);
    const [edited, later] = nodes.filter((n) => n.kind === 'knowledge');
    expect(ws.search.query('版型').nodes.length).toBeGreaterThan(0); // builds and indexes every node
    await ws.shutdown();

    const again = new WorkspaceService(path.dirname(file), 'node', { watch: false, threads: 1 });
    again.open(file);
    expect(await again.search.warm()).toBe(true);
    const added = vi.spyOn(SearchIndex.prototype, 'addNode');
    const removed = vi.spyOn(SearchIndex.prototype, 'removeNode');
    again.store.updateNode(edited!.id, { label: '快照之后改的标签' });
    expect(again.search.query('快照之后').nodes.map((n) => n.node.id)).toEqual([edited!.id]);
    // addNode removes the old entry itself; nothing else was tokenized again.
    expect(added.mock.calls.map(([n]) => n.nodeId)).toEqual([edited!.id]);
    expect(removed.mock.calls.map(([id]) => id).filter((id) => id !== edited!.id)).toEqual([]);

    added.mockClear();
    removed.mockClear();
    again.store.updateNode(later!.id, { label: '再后来改的标签' });
    expect(again.search.query('再后来').nodes.map((n) => n.node.id)).toEqual([later!.id]);
    expect(added.mock.calls.map(([n]) => n.nodeId)).toEqual([later!.id]);
    expect(new Set(removed.mock.calls.map(([id]) => id))).toEqual(new Set([later!.id]));
    // The old label is gone, the other nodes are still found.
    expect(again.search.query('快照之后').nodes.map((n) => n.node.id)).toEqual([edited!.id]);
    expect(again.search.query('版型').nodes.length).toBeGreaterThan(0);
    await again.shutdown();
  });
});
