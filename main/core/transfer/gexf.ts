import { MultiDirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import type { Attributes } from 'graphology-types';
import type { GraphDto } from '../../../preload/contract';
import { edgePropColumns, flattenProp, nodePropColumns } from './prop-columns';

/**
 * The graph as GEXF 1.3 (gexf.net; Gephi's own format), written by graphology-gexf from a graphology
 * MultiDirectedGraph (two nodes may be joined by edges of several kinds: an expert `knows` and `owns` an item).
 * Nodes: the label, `viz:position` from the knowledge map's x/y where placed, and the attributes kind, aliases,
 * description, tags, createdAt, updatedAt and every prop (prop-columns.ts). Lists (aliases, tags, a term's
 * synonyms) and objects are JSON text in string attributes, not GEXF liststrings: graphology-gexf 0.13 writes a
 * liststring's items unquoted and its reader splits them at commas, so an alias like “Jinxiu Apparel Co., Ltd.”
 * would come back as two. Edges: the relation as the GEXF edge `kind` and label, createdAt and the props.
 * The graph's meta names the creator (Wellspring) and the workspace (description).
 *
 * graphology-gexf declares each attribute's type from the values it meets (integer, long, double, boolean,
 * string): a double prop whose values are all whole numbers is declared integer, and empty strings
 * are left out, as GEXF has no empty value (a prop's empty list is written `[]`).
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
      aliases: listText(n.aliases),
      description: n.description,
      tags: listText(n.tags),
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
    };
    for (const c of nodeColumns) attributes[c.name] = flattenProp(n.props[c.prop], c);
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

/** A list as JSON text; an empty list is left out like an empty string. */
function listText(list: readonly string[]): string | undefined {
  return list.length ? JSON.stringify(list) : undefined;
}
