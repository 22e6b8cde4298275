import type { GraphDto } from '../../../preload/contract';
import { edgePropColumns, flattenProp, nodePropColumns } from './prop-columns';

/** A node or edge element of Cytoscape.js: its `data`, and for a placed node its `position` (model px). */
export interface CyElement {
  data: Record<string, unknown>;
  position?: { x: number; y: number };
}

/** The Cytoscape JSON document (`.cyjs`): what Cytoscape desktop writes and reads, and cytoscape.js loads. */
export interface CytoscapeJson {
  format_version: '1.0';
  generated_by: string;
  target_cytoscapejs_version: string;
  data: { name: string; exportedAt: string };
  elements: { nodes: CyElement[]; edges: CyElement[] };
}

/**
 * The graph as Cytoscape JSON: `{ format_version, generated_by, target_cytoscapejs_version, data, elements:
 * { nodes: [{ data, position }], edges: [{ data }] } }`, the shape Cytoscape desktop exports as `.cyjs` and whose
 * `elements` `cytoscape({ elements })` takes as they are (js.cytoscape.org, "Notation for elements"). Node data:
 * id, label, kind, aliases, tags (lists), description, createdAt, updatedAt and the props; edge data: id, source,
 * target, kind, createdAt and the props. Props are flat values (prop-columns.ts flattenProp: objects as JSON text,
 * lists of strings kept), since Cytoscape desktop's tables hold no nested objects. Positions are the knowledge
 * map's; an unplaced node has no `position`.
 */
export function exportCytoscapeJson(graph: GraphDto, name: string, exportedAt: Date): CytoscapeJson {
  const nodeColumns = nodePropColumns(graph.nodes.map((n) => n.kind));
  const edgeColumns = edgePropColumns(graph.edges.map((e) => e.kind));
  const nodes = graph.nodes.map((n): CyElement => {
    const data: Record<string, unknown> = {
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
  const edges = graph.edges.map((e): CyElement => {
    const data: Record<string, unknown> = {
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
