import type { GraphDto } from '../../../preload/contract';
import { edgePropColumns, flattenProp, nodePropColumns } from './prop-columns';

/** A node element of Cytoscape.js: its `data`, and when it is placed its `position` (model px). */
export interface CyNode {
  data: { id: string; [attribute: string]: unknown };
  position?: { x: number; y: number };
}

/** An edge element of Cytoscape.js. */
export interface CyEdge {
  data: { id: string; source: string; target: string; [attribute: string]: unknown };
}

/** The Cytoscape JSON document (`.cyjs`): what Cytoscape desktop writes and reads, and cytoscape.js loads. */
export interface CytoscapeJson {
  format_version: '1.0';
  generated_by: string;
  target_cytoscapejs_version: string;
  data: { name: string; exportedAt: string };
  elements: { nodes: CyNode[]; edges: CyEdge[] };
}

/**
 * The graph as Cytoscape JSON: `{ format_version, generated_by, target_cytoscapejs_version, data, elements:
 * { nodes: [{ data, position }], edges: [{ data }] } }`, the shape Cytoscape desktop exports as `.cyjs` and whose
 * `elements` `cytoscape({ elements })` takes as they are (js.cytoscape.org, "Notation for elements"). Node data:
 * id, label, kind, aliases, tags (lists), description, createdAt, updatedAt and the props; edge data: id, source,
 * target, kind, createdAt and the props. Props are flat values (prop-columns.ts flattenProp: objects as JSON text,
 * lists of strings kept), since Cytoscape desktop's tables hold no nested objects. Positions are the knowledge
 * map's; an unplaced node has no `position`. cytoscape.js keeps them with `layout: { name: 'preset' }` (its default
 * layout at start-up arranges the nodes anew).
 */
export function exportCytoscapeJson(graph: GraphDto, name: string, exportedAt: Date): CytoscapeJson {
  const nodeColumns = nodePropColumns(graph.nodes.map((n) => n.kind));
  const edgeColumns = edgePropColumns(graph.edges.map((e) => e.kind));
  const nodes = graph.nodes.map((n): CyNode => {
    const data: CyNode['data'] = {
      id: n.id,
      label: n.label,
      kind: n.kind,
      aliases: n.aliases,
      description: n.description,
      tags: n.tags,
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
    };
    for (const c of nodeColumns) {
      const v = n.props[c.prop];
      if (v === undefined) continue;
      data[c.name] = Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : flattenProp(v, c);
    }
    return n.x !== null && n.y !== null ? { data, position: { x: n.x, y: n.y } } : { data };
  });
  const edges = graph.edges.map((e): CyEdge => {
    const data: CyEdge['data'] = {
      id: e.id,
      source: e.source,
      target: e.target,
      kind: e.kind,
      createdAt: e.createdAt,
    };
    for (const c of edgeColumns) {
      const v = flattenProp(e.props[c.prop], c);
      if (v !== undefined) data[c.name] = v;
    }
    return { data };
  });
  return {
    format_version: '1.0',
    generated_by: 'Wellspring',
    target_cytoscapejs_version: '~3.35',
    data: { name, exportedAt: exportedAt.toISOString() },
    elements: { nodes, edges },
  };
}
