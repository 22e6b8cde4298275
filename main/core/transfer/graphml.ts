import type { EdgeDto, GraphDto, NodeDto } from '../../../preload/contract';
import {
  edgePropColumns,
  flattenProp,
  nodePropColumns,
  type AttrType,
  type PropColumn,
} from './prop-columns';

// XML 1.0 §2.2 (Char): these code points cannot appear in an XML document at all, not even as a character
// reference, so they are dropped (a lone surrogate cannot be written in UTF-8 either).
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching the control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Character data for XML element content: `& < >` escaped, `\r` as `&#13;` (XML 1.0 §2.11 would turn a raw CR or
 * CRLF into LF), characters XML cannot hold dropped.
 */
export function xmlText(s: string): string {
  return s
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/**
 * A double-quoted XML attribute value: as xmlText, plus `"` and the whitespace characters TAB, LF, CR as
 * character references, which attribute-value normalisation (XML 1.0 §3.3.3) would otherwise turn into spaces.
 */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** One `<key>`: where its values come from, for nodes or edges. */
interface Key<T> {
  id: string;
  for: 'node' | 'edge';
  name: string;
  type: AttrType;
  desc?: string;
  value: (el: T) => string | number | boolean | undefined;
}

const JSON_DESC = 'JSON text (an array or object of the Wellspring prop)';

function nodeKeys(graph: GraphDto): Array<Key<NodeDto>> {
  const fixed: Array<Key<NodeDto>> = [
    { id: 'n.label', for: 'node', name: 'label', type: 'string', value: (n) => n.label },
    { id: 'n.kind', for: 'node', name: 'kind', type: 'string', value: (n) => n.kind },
    {
      id: 'n.aliases',
      for: 'node',
      name: 'aliases',
      type: 'string',
      desc: 'JSON array of strings',
      value: (n) => (n.aliases.length ? JSON.stringify(n.aliases) : undefined),
    },
    {
      id: 'n.description',
      for: 'node',
      name: 'description',
      type: 'string',
      desc: 'Markdown',
      value: (n) => n.description || undefined,
    },
    {
      id: 'n.tags',
      for: 'node',
      name: 'tags',
      type: 'string',
      desc: 'JSON array of strings',
      value: (n) => (n.tags.length ? JSON.stringify(n.tags) : undefined),
    },
    { id: 'n.createdAt', for: 'node', name: 'createdAt', type: 'string', value: (n) => n.createdAt },
    { id: 'n.updatedAt', for: 'node', name: 'updatedAt', type: 'string', value: (n) => n.updatedAt },
    // Gephi's GraphML importer reads attributes named x and y as the node's position.
    { id: 'n.x', for: 'node', name: 'x', type: 'double', value: (n) => n.x ?? undefined },
    { id: 'n.y', for: 'node', name: 'y', type: 'double', value: (n) => n.y ?? undefined },
  ];
  const props = nodePropColumns(graph.nodes.map((n) => n.kind)).map((c) => propKey<NodeDto>('node', c));
  return [...fixed, ...props];
}

function edgeKeys(graph: GraphDto): Array<Key<EdgeDto>> {
  const fixed: Array<Key<EdgeDto>> = [
    { id: 'e.kind', for: 'edge', name: 'kind', type: 'string', value: (e) => e.kind },
    { id: 'e.createdAt', for: 'edge', name: 'createdAt', type: 'string', value: (e) => e.createdAt },
  ];
  const props = edgePropColumns(graph.edges.map((e) => e.kind)).map((c) => propKey<EdgeDto>('edge', c));
  return [...fixed, ...props];
}

function propKey<T extends { props: Record<string, unknown> }>(
  target: 'node' | 'edge',
  c: PropColumn,
): Key<T> {
  return {
    id: `${target[0]}.p.${c.name}`,
    for: target,
    name: c.name,
    type: c.type,
    ...(c.json ? { desc: JSON_DESC } : {}),
    value: (el) => flattenProp(el.props[c.prop], c),
  };
}

function dataText(value: string | number | boolean, type: AttrType): string {
  if (type === 'string') return xmlText(String(value));
  return String(value);
}

function writeData<T>(out: string[], keys: ReadonlyArray<Key<T>>, el: T, indent: string): void {
  for (const k of keys) {
    const v = k.value(el);
    if (v === undefined) continue;
    out.push(`${indent}<data key="${k.id}">${dataText(v, k.type)}</data>`);
  }
}

/**
 * The graph as GraphML (graphml.graphdrawing.org, "GraphML Primer" §2–4: one `<graph edgedefault="directed">`,
 * typed `<key>` declarations with `attr.name` / `attr.type`, `<data>` per value). For nodes: label, kind, aliases,
 * description, tags, createdAt, updatedAt, x and y (the knowledge map's position, when placed) and every prop of
 * the kinds present; for edges: kind, createdAt and their props. A prop's type comes from its schema
 * (prop-columns.ts: int, long, double, boolean, string); arrays and objects are JSON text in a string attribute
 * whose key says so in its `<desc>`. A value that is absent has no `<data>`.
 *
 * Key ids are `n.*` / `e.*`, never yEd's `d3`/`d7` that Gephi's importer takes for labels. Gephi maps the
 * attributes named label, x and y to the node's label and position; yEd lists every key as a custom property
 * (map `label` to the node label with Edit → Properties Mapper). Strings are escaped for XML (xmlText, xmlAttr),
 * so labels like `A & B <C>` and Chinese text survive; the text is UTF-8.
 * @param name the workspace name, written as the graph's `<desc>`
 * @returns the XML text, built as an array of lines and joined once
 */
export function exportGraphml(graph: GraphDto, name: string): string {
  const nKeys = nodeKeys(graph);
  const eKeys = edgeKeys(graph);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"',
    '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const k of [...nKeys, ...eKeys]) {
    const head = `  <key id="${k.id}" for="${k.for}" attr.name="${xmlAttr(k.name)}" attr.type="${k.type}"`;
    out.push(k.desc ? `${head}><desc>${xmlText(k.desc)}</desc></key>` : `${head}/>`);
  }
  out.push('  <graph id="G" edgedefault="directed">');
  out.push(`    <desc>${xmlText(name)}</desc>`);
  for (const n of graph.nodes) {
    out.push(`    <node id="${xmlAttr(n.id)}">`);
    writeData(out, nKeys, n, '      ');
    out.push('    </node>');
  }
  for (const e of graph.edges) {
    out.push(`    <edge id="${xmlAttr(e.id)}" source="${xmlAttr(e.source)}" target="${xmlAttr(e.target)}">`);
    writeData(out, eKeys, e, '      ');
    out.push('    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
