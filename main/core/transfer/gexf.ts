import { MultiDirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import type { Attributes } from 'graphology-types';
import type { GraphDto } from '../../../preload/contract';
import { edgePropColumns, flattenProp, nodePropColumns } from './prop-columns';

/**
 * The graph as GEXF 1.3 (gexf.net; Gephi's own format), written by graphology-gexf from a graphology
 * MultiDirectedGraph (two nodes may be joined by edges of several kinds: an expert `knows` and `owns` an item).
 * Nodes: the label, `viz:position` from the knowledge map's x/y where placed, and the attributes kind, aliases and
 * tags (liststring), description, createdAt, updatedAt and every prop (prop-columns.ts: arrays of strings stay
 * lists, objects are JSON text). Edges: the relation as the GEXF edge `kind` and label, createdAt and the props.
 * The graph's meta names the creator (Wellspring) and the workspace (description).
 *
 * graphology-gexf declares each attribute's type from the values it meets (integer, long, double, boolean,
 * string, liststring): a double prop whose values are all whole numbers is declared integer, and empty strings
 * and empty lists are left out, as GEXF has no empty value.
 * @param exportedAt written as the meta's lastmodifieddate (a date)
 */
export function exportGexf(graph: GraphDto, name: string, exportedAt: Date): string {
  const g = new MultiDirectedGraph();
  g.mergeAttributes({
    creator: 'Wellspring',
    description: name,
    lastModifiedDate: exportedAt.toISOString().slice(0, 10),
  });
  const nodeColumns = nodePropColumns(graph.nodes.map((n) => n.kind));
  const edgeColumns = edgePropColumns(graph.edges.map((e) => e.kind));
  for (const n of graph.nodes) {
    const attributes: Attributes = {
      kind: n.kind,
      aliases: n.aliases,
      description: n.description,
      tags: n.tags,
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
    };
    for (const c of nodeColumns) {
      const v = n.props[c.prop];
      // A list of strings is a GEXF liststring; other arrays and objects are JSON text.
      attributes[c.name] = Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : flattenProp(v, c);
    }
    g.addNode(n.id, { label: n.label, x: n.x, y: n.y, attributes });
  }
  for (const e of graph.edges) {
    const attributes: Attributes = { createdAt: e.createdAt };
    for (const c of edgeColumns) attributes[c.name] = flattenProp(e.props[c.prop], c);
    g.addEdgeWithKey(e.id, e.source, e.target, { kind: e.kind, attributes });
  }
  return write(g, {
    version: '1.3',
    formatNode: (_key, a) => ({
      label: a.label as string,
      ...(a.x !== null && a.y !== null ? { viz: { x: a.x as number, y: a.y as number } } : {}),
      attributes: a.attributes as Attributes,
    }),
    formatEdge: (_key, a) => ({
      label: a.kind as string,
      kind: a.kind as string,
      attributes: a.attributes as Attributes,
    }),
  });
}
