import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvidenceProgress } from '../../../../preload/contract';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { tempDir } from '../../helpers';

const open: WorkspaceService[] = [];
afterEach(async () => {
  for (const ws of open.splice(0)) await ws.shutdown();
});

/** Opens a new sample workspace and resolves when the evidence run after the first indexing run has finished. */
async function freshSample(): Promise<{ ws: WorkspaceService; file: string; progress: EvidenceProgress }> {
  const dir = tempDir();
  const ws = new WorkspaceService(path.join(dir, 'data'), 'node', { threads: 1, watch: false });
  open.push(ws);
  const finished = new Promise<EvidenceProgress>((resolve) => {
    ws.onEvent((event, payload) => {
      const p = payload as EvidenceProgress;
      if (event === 'evidence:did-progress' && !p.running && p.finishedAt) resolve(p);
    });
  });
  const file = path.join(dir, 'sample.wellspring');
  ws.open(file, { create: true, sample: true });
  const progress = await finished;
  return { ws, file, progress };
}

describe('a new sample workspace', () => {
  it('comes with its documents copied, indexed and linked by path, and the evidence run done', async () => {
    const { ws, file, progress } = await freshSample();
    const folder = path.join(path.dirname(file), 'sample-documents');
    const copies = fs.readdirSync(folder).sort();
    const bundled = fs.readdirSync(path.resolve(__dirname, '../../../../resources/sample/docs')).sort();
    expect(copies).toEqual(bundled);
    expect(ws.library.folders().map((f) => f.path)).toEqual([folder]);
    const docs = ws.libraryStore.documents({}).docs;
    expect(docs.map((d) => d.status)).toEqual(bundled.map(() => 'indexed'));

    // Every sample document node points at its copy, so reading lists and the viewer find the file.
    const docNodes = ws.store.getGraph().nodes.filter((n) => n.kind === 'document');
    expect(docNodes.length).toBeGreaterThan(0);
    for (const n of docNodes) expect(docs.map((d) => d.path)).toContain(n.props.path);

    expect(progress.proposals).toBeGreaterThan(0);
    expect(progress.proposals).toBe(ws.evidence.proposals(undefined, 100).length);
  });

  it('proposes, for every item, the sample pages that contain its name and that it does not link yet', async () => {
    const { ws } = await freshSample();
    const graph = ws.store.getGraph();
    const docNodePath = new Map(
      graph.nodes.filter((n) => n.kind === 'document').map((n) => [n.id, n.props.path]),
    );
    const linked = (itemId: string, docPath: string) =>
      graph.edges.some(
        (e) => e.kind === 'documented_by' && e.source === itemId && docNodePath.get(e.target) === docPath,
      );
    const pages = ws.libraryStore.documents({}).docs.flatMap((d) =>
      Array.from({ length: d.pageCount }, (_, i) => ({
        doc: d,
        text: ws.libraryStore.page(d.id, i + 1).text.normalize('NFKC'),
      })),
    );
    const proposals = ws.evidence.proposals(undefined, 100);
    // Each proposal: the page really contains the matched name, and the item does not link the document.
    for (const p of proposals) {
      const text = ws.libraryStore.page(p.docId, p.page).text.normalize('NFKC').toLowerCase();
      expect(text).toContain(p.matched.normalize('NFKC').toLowerCase());
      expect(linked(p.knowledgeId, p.path)).toBe(false);
    }
    // An independent check of recall: an item with an all-Chinese label (substring matching is exact for CJK) that
    // occurs on a page of a document it does not link has a proposal.
    const expected = graph.nodes.filter(
      (n) =>
        n.kind === 'knowledge' &&
        /^\p{sc=Han}{2,}$/u.test(n.label) &&
        pages.some((pg) => pg.text.includes(n.label) && !linked(n.id, pg.doc.path)),
    );
    expect(expected.length).toBeGreaterThan(3);
    const proposed = new Set(proposals.map((p) => p.knowledgeId));
    expect(expected.filter((n) => !proposed.has(n.id)).map((n) => n.label)).toEqual([]);
  });
});
