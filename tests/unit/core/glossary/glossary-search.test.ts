import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NodeDto } from '../../../../preload/contract';
import { findTermMentions } from '../../../../main/core/glossary/term-mentions';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { tempDir } from '../../helpers';

const open: WorkspaceService[] = [];
afterEach(async () => {
  for (const ws of open.splice(0)) await ws.shutdown();
});

/** A new sample workspace with its seven documents indexed. */
async function sample(): Promise<WorkspaceService> {
  const file = path.join(tempDir(), 'sample.wellspring');
  const ws = new WorkspaceService(path.dirname(file), 'node', { watch: false, threads: 1 });
  open.push(ws);
  ws.open(file, { create: true, sample: true });
  await ws.whenLibraryIdle();
  return ws;
}

/**
 * The oracle: names of documents whose stored text contains one of `names` — Chinese as a substring, Latin as a whole
 * word in any case — read straight from SQLite, without the search index.
 */
function docsNaming(ws: WorkspaceService, names: string[]): string[] {
  const found = new Set<number>();
  for (const p of ws.libraryStore.allPages()) if (names.some((n) => contains(p.text, n))) found.add(p.doc_id);
  return [...found].map((id) => ws.libraryStore.document(id).name).sort();
}

/** Ids of the graph nodes whose label, an alias or the description contains one of `names` (as docsNaming). */
function nodesNaming(ws: WorkspaceService, names: string[]): string[] {
  return ws.store
    .getGraph()
    .nodes.filter((n: NodeDto) =>
      [n.label, ...n.aliases, n.description].some((f) => names.some((x) => contains(f, x))),
    )
    .map((n) => n.id)
    .sort();
}

function contains(text: string, name: string): boolean {
  if (/\p{sc=Han}/u.test(name)) return text.includes(name);
  return new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

describe('search with glossary expansion (sample workspace)', () => {
  it('finds what a synonym’s term is called elsewhere, original hits first', async () => {
    const ws = await sample();
    // 排料图 is a synonym of the sample's term 唛架 (Marker, 马克); no document uses it.
    const off = ws.search.query('排料图', { expand: false });
    const on = ws.search.query('排料图');
    expect(off.docs).toEqual([]);
    expect(on.alsoSearched).toEqual(['唛架', 'Marker', '马克']);
    expect(on.docs.map((d) => d.doc.name).sort()).toEqual(
      docsNaming(ws, ['排料图', '唛架', 'Marker', '马克']),
    );
    expect(on.docs.map((d) => d.doc.name)).toEqual(['sop-cutting.md']);
    expect(on.docs[0]!.matchedForms).toEqual(['唛架']);
    expect(on.docs[0]!.pages[0]!.snippets[0]!.text).toContain('唛架');
    // Nodes: what the query finds alone comes first, in its order, then what only the other names find.
    const offIds = off.nodes.map((n) => n.node.id);
    expect(offIds).toEqual(['sample:te-majia']); // its definition (the description) says 排料图
    expect(on.nodes.map((n) => n.node.id).slice(0, offIds.length)).toEqual(offIds);
    expect(on.nodes[0]!.matchedForms).toEqual(['排料图', '唛架', 'Marker']);
    expect(on.nodes.map((n) => n.node.id).sort()).toEqual(
      nodesNaming(ws, ['排料图', '唛架', 'Marker', '马克']),
    );
    expect(on.totalNodes).toBe(4);
    expect(on.total).toBe(1);
  });

  it('the issue’s example: 客户资料卡 also finds customer profile card and 客户档案卡 (the sample’s term)', async () => {
    const ws = await sample();
    const term = ws.store.getGraph().nodes.find((n) => n.kind === 'term' && n.label === '客户资料卡')!;
    expect(term.props).toMatchObject({
      synonyms: ['客户档案卡'],
      translations: { en: 'Customer profile card' },
    });
    const off = ws.search.query('客户资料卡', { expand: false });
    const on = ws.search.query('客户资料卡');
    expect(on.alsoSearched).toEqual(['Customer profile card', '客户档案卡']);
    expect(off.docs).toEqual([]);
    const named = docsNaming(ws, ['客户资料卡', '客户档案卡', 'customer profile card']);
    expect(named).toEqual(['customer-profile-card-template.md', 'sales-group-uniform-handbook.md']);
    expect(on.docs.map((d) => d.doc.name).sort()).toEqual(named);
    expect(on.docs.every((d) => d.matchedForms.includes('客户档案卡'))).toBe(true);
    // Without expansion the nodes naming 客户资料卡 (the term and the item with that alias); with it, every node
    // naming the card in any of its names, the former first.
    const offIds = off.nodes.map((n) => n.node.id);
    expect([...offIds].sort()).toEqual(nodesNaming(ws, ['客户资料卡']));
    expect(offIds).toContain('sample:kn-customer-profile-card');
    expect(on.nodes.map((n) => n.node.id).slice(0, offIds.length)).toEqual(offIds);
    expect(on.nodes.map((n) => n.node.id).sort()).toEqual(
      nodesNaming(ws, ['客户资料卡', '客户档案卡', 'customer profile card']),
    );
    expect(on.nodes.map((n) => n.node.id)).toContain('sample:st-sales-opportunity'); // 建立客户档案卡
    // Typed in English, it finds the Chinese documents.
    expect(
      ws.search
        .query('Customer Profile Card')
        .docs.map((d) => d.doc.name)
        .sort(),
    ).toEqual(named);

    // The glossary follows edits: without the term, 客户资料卡 expands no more; undo brings it back.
    ws.store.apply([{ op: 'deleteNode', id: term.id }], { reason: 'test' });
    expect(ws.search.query('客户资料卡').alsoSearched).toEqual([]);
    ws.store.undo();
    expect(ws.search.query('客户资料卡').alsoSearched).toEqual(['Customer profile card', '客户档案卡']);
  });

  it('expand: false, or a query naming no term, gives exactly the results of the index as before', async () => {
    const ws = await sample();
    const index = ws.search.searchIndex();
    for (const q of ['排料图', '唛架 缸差', '裁剪', 'AQL 抽样', 'Marker']) {
      const off = ws.search.query(q, { expand: false });
      const raw = index.search(q, { limit: 20, nodeLimit: 10, pagesPerDoc: 3 });
      expect(
        off.docs.map((d) => d.doc.id),
        q,
      ).toEqual(raw.docs.map((d) => d.docId));
      expect(
        off.docs.map((d) => d.pages),
        q,
      ).toEqual(
        raw.docs.map((d) =>
          d.pages.map((p) => ({
            page: p.page,
            score: p.score,
            snippets: p.snippets.map((x) => ({ text: x.text, highlights: x.highlights })),
          })),
        ),
      );
      expect(
        off.nodes.map((n) => [n.node.id, n.score]),
        q,
      ).toEqual(raw.nodes.map((n) => [n.nodeId, n.score]));
      expect([off.total, off.totalNodes, off.alsoSearched], q).toEqual([raw.total, raw.totalNodes, []]);
      const nodesOff = ws.search.nodes(q, 20, undefined, { expand: false });
      const rawNodes = index.searchNodes(q, 20);
      expect(
        nodesOff.nodes.map((n) => n.node.id),
        q,
      ).toEqual(rawNodes.hits.map((h) => h.nodeId));
      expect(nodesOff.total, q).toBe(rawNodes.total);
    }
    const plain = ws.search.query('裁剪');
    expect(plain.alsoSearched).toEqual([]);
    expect({ ...plain, tookMs: 0 }).toEqual({ ...ws.search.query('裁剪', { expand: false }), tookMs: 0 });
  });

  it('the map’s node search expands too, and mentions mark the terms of a description', async () => {
    const ws = await sample();
    const on = ws.search.nodes('排料图', 20, ['knowledge', 'step']);
    expect(on.alsoSearched).toEqual(['唛架', 'Marker', '马克']);
    expect(on.nodes.map((n) => n.node.id).sort()).toEqual([
      'sample:kn-fabric-consumption',
      'sample:kn-marker-making',
      'sample:st-mfg-prep',
    ]);
    expect(ws.search.nodes('排料图', 20, ['knowledge', 'step'], { expand: false }).nodes).toEqual([]);

    const step = ws.store.findNode('sample:st-mfg-prep')!;
    expect(step.description).toBe('齐套面辅料、排料出唛架、召开产前会议。');
    expect(findTermMentions(step.description, ws.search.glossary())).toEqual([
      { start: 2, end: 5, termId: 'sample:te-mianfuliao' },
      { start: 9, end: 11, termId: 'sample:te-majia' },
    ]);
  });
});
