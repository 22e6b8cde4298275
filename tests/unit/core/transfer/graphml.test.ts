import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import type { GraphDto } from '../../../../preload/contract';
import { exportGraphml, xmlAttr, xmlText } from '../../../../main/core/transfer/graphml';
import { nodePropColumns, edgePropColumns } from '../../../../main/core/transfer/prop-columns';
import { edge, node } from '../../helpers';
import { arrangedSample, debianGraph } from './transfer-fixtures';

/** The attributes graphology-graphml reads back, with JSON-text props parsed again (the documented convention). */
function readBack(graph: GraphDto, xml: string) {
  const g = parse(MultiDirectedGraph, xml);
  const nodeJson = new Set(
    nodePropColumns(graph.nodes.map((n) => n.kind))
      .filter((c) => c.json)
      .map((c) => c.name),
  );
  const edgeJson = new Set(
    edgePropColumns(graph.edges.map((e) => e.kind))
      .filter((c) => c.json)
      .map((c) => c.name),
  );
  const revive = (attrs: Record<string, unknown>, json: Set<string>) =>
    Object.fromEntries(
      Object.entries(attrs).map(([k, v]) => [
        k,
        json.has(k) || k === 'aliases' || k === 'tags' ? JSON.parse(v as string) : v,
      ]),
    );
  return {
    g,
    node: (id: string) => revive(g.getNodeAttributes(id), nodeJson),
    edge: (id: string) => revive(g.getEdgeAttributes(id), edgeJson),
  };
}

describe('GraphML export', () => {
  it('the sample workspace parses with graphology-graphml: every value back with its type, Chinese intact', async () => {
    const ws = arrangedSample();
    try {
      const graph = ws.store.getGraph();
      const xml = exportGraphml(graph, ws.info().name);
      const { g, node: nodeOf, edge: edgeOf } = readBack(graph, xml);
      expect(g.order).toBe(graph.nodes.length);
      expect(g.size).toBe(graph.edges.length);
      for (const n of graph.nodes) {
        const a = nodeOf(n.id);
        expect(a.label).toBe(n.label);
        expect(a.kind).toBe(n.kind);
        expect(a.aliases ?? []).toEqual(n.aliases);
        expect(a.tags ?? []).toEqual(n.tags);
        expect(a.description ?? '').toBe(n.description);
        expect([a.x, a.y]).toEqual([n.x, n.y]);
        for (const [k, v] of Object.entries(n.props)) expect(a[k], `${n.id} ${k}`).toEqual(v);
      }
      for (const e of graph.edges) {
        expect(g.source(e.id)).toBe(e.source);
        expect(g.target(e.id)).toBe(e.target);
        const a = edgeOf(e.id);
        expect(a.kind).toBe(e.kind);
        for (const [k, v] of Object.entries(e.props)) expect(a[k], `${e.id} ${k}`).toEqual(v);
      }
      // Types come from the schema: importance and proficiency are int, weight double, x/y double.
      expect(xml).toContain('<key id="n.p.importance" for="node" attr.name="importance" attr.type="int"/>');
      expect(xml).toContain('<key id="e.p.proficiency" for="edge" attr.name="proficiency" attr.type="int"/>');
      expect(xml).toContain('<key id="e.p.weight" for="edge" attr.name="weight" attr.type="double"/>');
      expect(xml).toContain('<key id="n.x" for="node" attr.name="x" attr.type="double"/>');
      expect(xml).toContain('attr.name="translations" attr.type="string"><desc>JSON text');
      const item = graph.nodes.find((n) => n.kind === 'knowledge')!;
      expect(typeof nodeOf(item.id).importance).toBe('number');
      // No key id Gephi would take for yEd's label keys.
      expect(xml).not.toMatch(/<key id="d[37]"/);
    } finally {
      await ws.shutdown();
    }
  });

  it('real Debian package descriptions: multi-line Chinese text with quotes survives; unplaced nodes have no x/y', () => {
    const graph = debianGraph();
    const { g, node: nodeOf, edge: edgeOf } = readBack(graph, exportGraphml(graph, 'Debian'));
    const quoted = graph.nodes.find((n) => n.description.includes('"') && n.description.includes('\n'))!;
    expect(quoted).toBeDefined();
    expect(nodeOf(quoted.id).description).toBe(quoted.description);
    expect(nodeOf(quoted.id).label).toBe(quoted.label);
    const unplaced = graph.nodes.find((n) => n.kind === 'knowledge' && n.x === null)!;
    expect(nodeOf(unplaced.id).x).toBeUndefined();
    expect(edgeOf(graph.edges[0]!.id).note).toBe(graph.edges[0]!.props.note);
    expect(g.getAttribute('id')).toBe('G');
  });

  it('escapes what XML cannot take as it is and drops what it cannot hold at all', () => {
    const label = 'A & B <C> "D" \'E\' ]]> </script><!--';
    const description = 'line 1\r\nline 2\n\ttabbed\u0001 end\uD800';
    const graph: GraphDto = {
      nodes: [{ ...node('n&1', 'knowledge'), label, description }, node('n2', 'unit')],
      edges: [{ ...edge('n&1', 'n2', 'related', { note: 'x\ny' }), id: 'e"1' }],
    };
    const xml = exportGraphml(graph, 'a < b');
    const { g, node: nodeOf, edge: edgeOf } = readBack(graph, xml);
    expect(g.hasNode('n&1')).toBe(true);
    expect(nodeOf('n&1').label).toBe(label);
    expect(nodeOf('n&1').description).toBe('line 1\r\nline 2\n\ttabbed end');
    expect(edgeOf('e"1').note).toBe('x\ny');
    expect(xmlText('a & <b> \r')).toBe('a &amp; &lt;b&gt; &#13;');
    expect(xmlAttr('"x"\n\t')).toBe('&quot;x&quot;&#10;&#9;');
    expect(xml).toContain('<desc>a &lt; b</desc>');
  });
});
