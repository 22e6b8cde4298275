import type { EdgeKind, GraphDto, NodeKind } from '../../../preload/contract';
import { EDGE_KINDS, NODE_KINDS } from '../../../preload/contract';
import { edgePropColumns, nodePropColumns, type PropColumn } from './prop-columns';

/** Rows per UNWIND statement: large enough to be fast, small enough for a transaction of Neo4j's default memory. */
export const CYPHER_BATCH = 500;

/** The label every exported node has (the key of the uniqueness constraint on `id`). */
export const CYPHER_NODE_LABEL = 'WellspringNode';

/**
 * A Cypher string literal: single-quoted, with the escapes of the Cypher manual (Neo4j Cypher Manual, "Syntax →
 * Expressions → String literals": \t \b \n \r \f \' \" \\ \uxxxx). Backslash and quote are escaped, the five
 * named control characters by name and any other control character as \uXXXX; a lone surrogate (not encodable
 * in UTF-8) becomes U+FFFD. Everything else, Chinese included, stays as it is in the UTF-8 script.
 */
export function cypherString(s: string): string {
  let out = "'";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c < 32 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += ch + s[i + 1]!;
        i++;
      } else out += '\uFFFD';
    } else if (c >= 0xdc00 && c <= 0xdfff) out += '\uFFFD';
    else out += ch;
  }
  return `${out}'`;
}

/**
 * A Cypher name (label, relationship type, map key): as it is when it is a plain identifier, else in backticks
 * with backticks doubled (Cypher manual, "Syntax → Naming rules and recommendations").
 */
export function cypherName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

/** A value as a Cypher literal; `double` keeps a decimal point so that 1 stays a FLOAT. */
function literal(v: unknown, type?: PropColumn['type']): string {
  if (typeof v === 'string') return cypherString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    const text = String(v).replace('e+', 'e');
    return type === 'double' && Number.isInteger(v) && !text.includes('e') ? `${text}.0` : text;
  }
  if (Array.isArray(v)) return `[${v.map((x) => literal(x)).join(', ')}]`;
  return 'null';
}

/** A Cypher map literal of the entries whose value is not undefined. */
function mapLiteral(entries: ReadonlyArray<readonly [string, unknown, PropColumn['type']?]>): string {
  const parts: string[] = [];
  for (const [k, v, t] of entries)
    if (v !== undefined && v !== null) parts.push(`${cypherName(k)}: ${literal(v, t)}`);
  return `{${parts.join(', ')}}`;
}

/**
 * A prop as a Neo4j property value: Neo4j stores numbers, booleans, strings and lists of one of those, but no
 * maps (Neo4j Cypher Manual, "Values and types → Property, structural, and constructed values"): lists of strings
 * stay lists, other lists and objects become their JSON text.
 */
function propertyValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.every((x) => typeof x === 'string') ? v : JSON.stringify(v);
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v;
}

const labelOf = (kind: NodeKind) => kind[0]!.toUpperCase() + kind.slice(1);
const typeOf = (kind: EdgeKind) => kind.toUpperCase();

/**
 * The graph as a Cypher script for Neo4j 5: a uniqueness constraint on `:WellspringNode(id)`, then per node kind
 * batches of `UNWIND [...] AS row MERGE (n:WellspringNode {id: row.id}) SET n:Knowledge, n += row.p` (one label per
 * kind, PascalCase), then per edge kind batches that MATCH both ends by id and MERGE the relationship (type per
 * kind, `PART_OF`, `KNOWS` …) keyed by its id. MERGE makes the script safe to run twice. Node properties: id,
 * kind, label, aliases, description, tags, createdAt, updatedAt, x and y (the knowledge map's, where placed) and
 * the props (objects as JSON text: propertyValue); relationship properties: id, createdAt and the props. Values
 * are literals in the script, escaped by cypherString, so it runs as it is in cypher-shell
 * (`cypher-shell -f workspace.cypher`) or Neo4j Browser; statements end with `;`.
 * @returns the script, built as an array of lines joined once
 */
export function exportCypher(graph: GraphDto, name: string): string {
  const out: string[] = [
    `// Wellspring workspace ${name.replace(/[\r\n]+/g, ' ')}: ${graph.nodes.length} nodes, ${graph.edges.length} relationships.`,
    '// Run with: cypher-shell -f <this file>   (Neo4j 5; MERGE keeps a second run from duplicating anything)',
    `CREATE CONSTRAINT wellspring_node_id IF NOT EXISTS FOR (n:${CYPHER_NODE_LABEL}) REQUIRE n.id IS UNIQUE;`,
    '',
  ];
  const nodeColumns = nodePropColumns(graph.nodes.map((n) => n.kind));
  for (const kind of NODE_KINDS) {
    const rows = graph.nodes.filter((n) => n.kind === kind);
    for (let i = 0; i < rows.length; i += CYPHER_BATCH) {
      const lines = rows.slice(i, i + CYPHER_BATCH).map((n) => {
        const entries: Array<readonly [string, unknown, PropColumn['type']?]> = [
          ['kind', n.kind],
          ['label', n.label],
          ['aliases', n.aliases],
          ['description', n.description],
          ['tags', n.tags],
          ['createdAt', n.createdAt],
          ['updatedAt', n.updatedAt],
          ['x', n.x ?? undefined, 'double'],
          ['y', n.y ?? undefined, 'double'],
        ];
        for (const c of nodeColumns)
          if (c.prop in n.props) entries.push([c.name, propertyValue(n.props[c.prop]), c.type]);
        return `  {id: ${cypherString(n.id)}, p: ${mapLiteral(entries)}}`;
      });
      out.push(
        'UNWIND [',
        lines.join(',\n'),
        '] AS row',
        `MERGE (n:${CYPHER_NODE_LABEL} {id: row.id})`,
        `SET n:${cypherName(labelOf(kind))}, n += row.p;`,
        '',
      );
    }
  }
  const edgeColumns = edgePropColumns(graph.edges.map((e) => e.kind));
  for (const kind of EDGE_KINDS) {
    const rows = graph.edges.filter((e) => e.kind === kind);
    for (let i = 0; i < rows.length; i += CYPHER_BATCH) {
      const lines = rows.slice(i, i + CYPHER_BATCH).map((e) => {
        const entries: Array<readonly [string, unknown, PropColumn['type']?]> = [['createdAt', e.createdAt]];
        for (const c of edgeColumns)
          if (c.prop in e.props) entries.push([c.name, propertyValue(e.props[c.prop]), c.type]);
        return `  {id: ${cypherString(e.id)}, s: ${cypherString(e.source)}, t: ${cypherString(e.target)}, p: ${mapLiteral(entries)}}`;
      });
      out.push(
        'UNWIND [',
        lines.join(',\n'),
        '] AS row',
        `MATCH (s:${CYPHER_NODE_LABEL} {id: row.s})`,
        `MATCH (t:${CYPHER_NODE_LABEL} {id: row.t})`,
        `MERGE (s)-[r:${cypherName(typeOf(kind))} {id: row.id}]->(t)`,
        'SET r += row.p;',
        '',
      );
    }
  }
  return out.join('\n');
}
