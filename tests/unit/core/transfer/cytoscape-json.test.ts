import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { exportCytoscapeJson } from '../../../../main/core/transfer/cytoscape-json';
import { exportWorkspace } from '../../../../main/core/transfer/workspace-export';
import { arrangedSample, debianGraph } from './transfer-fixtures';

describe('Cytoscape JSON export', () => {
  it('loads in headless cytoscape with the same nodes, edges, data and positions', async () => {
    const ws = arrangedSample();
    try {
      const graph = ws.store.getGraph();
      const at = new Date('2026-12-02T09:30:00Z');
      const [file] = exportWorkspace('cyjs', {
        graph,
        workspaceName: ws.info().name,
        views: [],
        exportedAt: at,
      });
      const doc = JSON.parse(file!.text) as ReturnType<typeof exportCytoscapeJson>;
      expect(doc).toMatchObject({ format_version: '1.0', data: { exportedAt: '2026-12-02T09:30:00.000Z' } });
      // Counts with the default layout; positions as stored with the preset one (cytoscape lays out otherwise, and
      // moves the position objects it was given: the default one gets a copy).
      const plain = cytoscape({ headless: true, elements: structuredClone(doc.elements) });
      expect([plain.nodes().length, plain.edges().length]).toEqual([graph.nodes.length, graph.edges.length]);
      plain.destroy();
      const cy = cytoscape({ headless: true, elements: doc.elements, layout: { name: 'preset' } });
      expect(cy.nodes().length).toBe(graph.nodes.length);
      expect(cy.edges().length).toBe(graph.edges.length);
      for (const n of graph.nodes) {
        const el = cy.getElementById(n.id);
        expect(el.data('label')).toBe(n.label);
        expect(el.data('kind')).toBe(n.kind);
        expect(el.position()).toEqual({ x: n.x, y: n.y });
      }
      for (const e of graph.edges) {
        const el = cy.getElementById(e.id);
        expect([el.source().id(), el.target().id(), el.data('kind')]).toEqual([e.source, e.target, e.kind]);
        for (const [k, v] of Object.entries(e.props)) expect(el.data(k)).toEqual(v);
      }
      const term = cy.getElementById('sample:te-banxing');
      expect(term.data('synonyms')).toEqual(['板型', '版']);
      expect(JSON.parse(term.data('translations') as string)).toEqual({ en: 'Pattern / fit', zh: '版型' });
      cy.destroy();
    } finally {
      await ws.shutdown();
    }
  });

  it('an unplaced node has no position; real multi-line Chinese descriptions are kept', () => {
    const graph = debianGraph();
    const doc = exportCytoscapeJson(graph, 'Debian', new Date());
    const unplaced = graph.nodes.find((n) => n.x === null)!;
    expect(doc.elements.nodes.find((e) => e.data.id === unplaced.id)!.position).toBeUndefined();
    const cy = cytoscape({ headless: true, elements: doc.elements });
    const multi = graph.nodes.find((n) => n.description.includes('\n'))!;
    expect(cy.getElementById(multi.id).data('description')).toBe(multi.description);
    cy.destroy();
  });
});
