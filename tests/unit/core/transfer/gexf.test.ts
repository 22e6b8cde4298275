import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { exportGexf } from '../../../../main/core/transfer/gexf';
import { arrangedSample, debianGraph } from './transfer-fixtures';

describe('GEXF export', () => {
  it('the sample workspace reads back with graphology-gexf: labels, kinds, typed props, lists and positions', async () => {
    const ws = arrangedSample();
    try {
      const graph = ws.store.getGraph();
      const xml = exportGexf(graph, ws.info().name, new Date('2026-12-02T09:30:00Z'));
      expect(xml).toContain('<gexf version="1.3"');
      expect(xml).toContain('<meta lastmodifieddate="2026-12-02">');
      const g = parse(MultiDirectedGraph, xml);
      expect(g.order).toBe(graph.nodes.length);
      expect(g.size).toBe(graph.edges.length);
      for (const n of graph.nodes) {
        const a = g.getNodeAttributes(n.id);
        expect(a.label).toBe(n.label);
        expect(a.kind).toBe(n.kind);
        // GEXF has no empty value: an empty list or text is left out. Lists are JSON text (see exportGexf).
        expect(JSON.parse((a.aliases as string | undefined) ?? '[]')).toEqual(n.aliases);
        expect(JSON.parse((a.tags as string | undefined) ?? '[]')).toEqual(n.tags);
        expect(a.description ?? '').toBe(n.description);
        expect([a.x, a.y]).toEqual([n.x, n.y]);
        for (const [k, v] of Object.entries(n.props)) {
          const back = k === 'translations' || k === 'synonyms' ? JSON.parse(a[k] as string) : a[k];
          expect(back, `${n.id} ${k}`).toEqual(v);
        }
      }
      for (const e of graph.edges) {
        const a = g.getEdgeAttributes(e.id);
        expect([g.source(e.id), g.target(e.id), a.kind]).toEqual([e.source, e.target, e.kind]);
        for (const [k, v] of Object.entries(e.props)) expect(a[k], `${e.id} ${k}`).toEqual(v);
      }
      // Declared types: numbers as numbers; lists as JSON text in strings.
      expect(xml).toMatch(/<attribute id="importance" title="importance" type="integer"\/>/);
      expect(xml).toMatch(/<attribute id="aliases" title="aliases" type="string"\/>/);
      expect(xml).toMatch(/<attribute id="proficiency" title="proficiency" type="integer"\/>/);
      expect(xml).toMatch(/<attribute id="weight" title="weight" type="double"\/>/);
    } finally {
      await ws.shutdown();
    }
  });

  it('real multi-line Chinese descriptions with quotes survive', () => {
    const graph = debianGraph();
    const g = parse(MultiDirectedGraph, exportGexf(graph, 'Debian', new Date()));
    const quoted = graph.nodes.filter((n) => n.description.includes('"') && n.description.includes('\n'));
    expect(quoted.length).toBeGreaterThan(0);
    for (const n of quoted) expect(g.getNodeAttribute(n.id, 'description')).toBe(n.description);
    // An alias with a comma stays one alias (a GEXF liststring would split it).
    const aliased = graph.nodes.find((n) => n.aliases.some((a) => a.includes(',')))!;
    expect(JSON.parse(g.getNodeAttribute(aliased.id, 'aliases') as string)).toEqual(aliased.aliases);
  });
});
