import { z } from 'zod';
import {
  EDGE_KINDS,
  EDGE_PROPS,
  NODE_KINDS,
  NODE_PROPS,
  allowedEdgeKinds,
  type EdgeKind,
  type NodeKind,
} from '../../../preload/contract';
import { importError } from './messages';

/**
 * The mapping of a spreadsheet's columns onto the graph (issue 10 §1): JSON, versioned, saved by the import wizard
 * and read back with `parseMapping` (the CLI's `--mapping`). One sheet can give several node kinds and the edges
 * between them; fixtures/import/debian-teams.mapping.json is a worked example:
 *
 * ```json
 * { "version": 1,
 *   "nodes": [
 *     { "name": "team", "kind": "expert", "label": { "column": "team" }, "repeated": true },
 *     { "name": "package", "kind": "knowledge", "label": { "column": "package" },
 *       "description": { "column": ["description_zh_CN", "long_description_zh_CN"] },
 *       "props": { "form": { "value": "explicit" } } } ],
 *   "edges": [
 *     { "kind": "knows", "source": { "node": "team" }, "target": { "node": "package" },
 *       "props": { "proficiency": { "value": 4 } } } ] }
 * ```
 */

const columnName = z.string().min(1).max(500);
const scalar = z.union([z.string().max(100_000), z.number(), z.boolean()]);

/**
 * Where a value comes from: a column (`column`), several columns joined (`column: [...]`, non-empty cells joined
 * by `join`, default a blank line), or a fixed `value`. `separator` splits a cell into a list (aliases, tags, list
 * props, edge ends naming several nodes; default `|`, line breaks always split). `values` translates cell values
 * (NFKC, case-insensitive) into model values: `{"显性": "explicit", "隐性": "tacit"}`.
 */
export const ValueSource = z
  .strictObject({
    column: z.union([columnName, z.array(columnName).min(1).max(20)]).optional(),
    value: z.union([scalar, z.array(z.string().max(500)).max(100)]).optional(),
    join: z.string().max(20).optional(),
    separator: z.string().min(1).max(10).optional(),
    values: z.record(z.string().max(500), scalar).optional(),
  })
  .refine((s) => (s.column === undefined) !== (s.value === undefined), {
    message: 'give either "column" or "value"',
  });
export type ValueSource = z.infer<typeof ValueSource>;

/** A condition on a row: every `filled` column has a value and every `empty` column has none. */
export const RowCondition = z.strictObject({
  filled: z.array(columnName).max(20).optional(),
  empty: z.array(columnName).max(20).optional(),
});
export type RowCondition = z.infer<typeof RowCondition>;

/** A node kind: fixed, or read from a column (a row with an unknown kind is a problem of that line). */
const KindSpec = z.union([
  z.string(),
  z.strictObject({ column: columnName, values: z.record(z.string().max(500), z.string()).optional() }),
]);

/**
 * One node a row gives. `name` is how edges refer to it. Rows name the same node by `id` when an id column is
 * mapped, else by label (NFKC, case-folded, within the kind), and an existing node so found is updated. Fields:
 * `label`, `aliases` (a list), `description`, `tags` (a list) and `props` (the kind's NODE_PROPS, converted:
 * numbers, choices, dates as YYYY-MM-DD; `translations.en` reaches into an object prop).
 * `repeated`: many rows name this node (a team on every row of its packages) — expected, not a duplicate.
 * `when`: only rows meeting the condition give this node (a hierarchy's level-2 node only on level-2 rows).
 */
export const NodeMapping = z.strictObject({
  name: z.string().min(1).max(64),
  kind: KindSpec,
  id: ValueSource.optional(),
  label: ValueSource.optional(),
  aliases: ValueSource.optional(),
  description: ValueSource.optional(),
  tags: ValueSource.optional(),
  props: z.record(z.string().min(1).max(100), ValueSource).optional(),
  repeated: z.boolean().optional(),
  when: RowCondition.optional(),
});
export type NodeMapping = z.infer<typeof NodeMapping>;

/**
 * One end of an edge: the node a mapping of the same row gives (`node`: its name), or the node(s) a column names
 * (`column`), looked up among the file's nodes and the workspace's by `match` — `id`, `label` (labels first, then
 * aliases; the default) or `alias` (aliases first, then labels) — within `kind` when given. An empty cell means the
 * row has no such edge; `separator` lets one cell name several nodes.
 */
export const EdgeEnd = z
  .strictObject({
    node: z.string().min(1).max(64).optional(),
    column: columnName.optional(),
    match: z.enum(['id', 'label', 'alias']).optional(),
    kind: z.enum(NODE_KINDS).optional(),
    separator: z.string().min(1).max(10).optional(),
  })
  .refine((e) => (e.node === undefined) !== (e.column === undefined), {
    message: 'give either "node" or "column"',
  });
export type EdgeEnd = z.infer<typeof EdgeEnd>;

/** Edges a row gives: of `kind`, from `source` to `target`, with `props` (EDGE_PROPS[kind]); `when` as for nodes. */
export const EdgeMapping = z.strictObject({
  kind: z.enum(EDGE_KINDS),
  source: EdgeEnd,
  target: EdgeEnd,
  props: z.record(z.string().min(1).max(100), ValueSource).optional(),
  when: RowCondition.optional(),
});
export type EdgeMapping = z.infer<typeof EdgeMapping>;

/** The whole mapping, version 1. `sheet`: the workbook's sheet (default the first); `headerRow`: 1-based. */
export const ImportMapping = z
  .strictObject({
    version: z.literal(1),
    sheet: z.string().min(1).max(200).optional(),
    headerRow: z.number().int().min(1).max(1000).optional(),
    nodes: z.array(NodeMapping).max(50).optional(),
    edges: z.array(EdgeMapping).max(50).optional(),
  })
  .superRefine(checkReferences);
export type ImportMapping = z.infer<typeof ImportMapping>;

/** Cross-field rules: known kinds and props, unique node names, edge ends that exist and edges the model allows. */
function checkReferences(m: z.infer<typeof ImportMapping>, ctx: z.RefinementCtx): void {
  const nodes = m.nodes ?? [];
  const edges = m.edges ?? [];
  if (nodes.length + edges.length === 0)
    ctx.addIssue({ code: 'custom', path: ['nodes'], message: 'map at least one node or edge' });
  const kinds = new Map<string, NodeKind | undefined>();
  nodes.forEach((n, i) => {
    if (kinds.has(n.name))
      ctx.addIssue({ code: 'custom', path: ['nodes', i, 'name'], message: `the name “${n.name}” is taken` });
    let kind: NodeKind | undefined;
    if (typeof n.kind === 'string') {
      if (!(NODE_KINDS as readonly string[]).includes(n.kind))
        ctx.addIssue({
          code: 'custom',
          path: ['nodes', i, 'kind'],
          message: `unknown kind “${n.kind}” (one of ${NODE_KINDS.join(', ')})`,
        });
      else kind = n.kind as NodeKind;
    } else {
      for (const [from, to] of Object.entries(n.kind.values ?? {}))
        if (!(NODE_KINDS as readonly string[]).includes(to))
          ctx.addIssue({
            code: 'custom',
            path: ['nodes', i, 'kind', 'values', from],
            message: `unknown kind “${to}” (one of ${NODE_KINDS.join(', ')})`,
          });
    }
    kinds.set(n.name, kind);
    if (n.id === undefined && n.label === undefined)
      ctx.addIssue({ code: 'custom', path: ['nodes', i, 'label'], message: 'map a label or an id' });
    for (const prop of Object.keys(n.props ?? {})) {
      const known = kind ? propNames(NODE_PROPS[kind]) : undefined;
      if (known && !known.includes(prop.split('.')[0]!))
        ctx.addIssue({
          code: 'custom',
          path: ['nodes', i, 'props', prop],
          message: `a ${kind} has no prop “${prop}” (it has ${known.join(', ') || 'none'})`,
        });
    }
  });
  edges.forEach((e, i) => {
    const ends: Array<['source' | 'target', NodeKind | undefined]> = [];
    for (const side of ['source', 'target'] as const) {
      const end = e[side];
      if (end.node !== undefined && !kinds.has(end.node))
        ctx.addIssue({
          code: 'custom',
          path: ['edges', i, side, 'node'],
          message: `no node mapping is called “${end.node}”`,
        });
      ends.push([side, end.node !== undefined ? kinds.get(end.node) : end.kind]);
    }
    const [s, t] = [ends[0]![1], ends[1]![1]];
    if (s && t && !allowedEdgeKinds(s, t).includes(e.kind))
      ctx.addIssue({
        code: 'custom',
        path: ['edges', i, 'kind'],
        message: `a ${e.kind} edge cannot go from a ${s} to a ${t}`,
      });
    const known = propNames(EDGE_PROPS[e.kind as EdgeKind]);
    for (const prop of Object.keys(e.props ?? {}))
      if (!known.includes(prop))
        ctx.addIssue({
          code: 'custom',
          path: ['edges', i, 'props', prop],
          message: `a ${e.kind} edge has no prop “${prop}” (it has ${known.join(', ') || 'none'})`,
        });
  });
}

function propNames(schema: z.ZodType): string[] {
  return Object.keys((schema as unknown as { shape: Record<string, unknown> }).shape);
}

/**
 * Reads a mapping from its JSON text (or an already parsed value).
 *
 * @param fileName the mapping file's name, for messages
 * @throws WellspringError invalid_input: `mappingNotJson` naming the parser's reason; `mappingVersion` for a
 *   missing or other version; `badMapping` naming the JSON path of the first fault (`nodes[0].kind`) and why
 */
export function parseMapping(json: string | unknown, fileName: string): ImportMapping {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (e) {
      const reason = (e as Error).message;
      throw importError(
        'invalid_input',
        'mappingNotJson',
        `The mapping ${fileName} is not JSON (${reason}).`,
        { file: fileName, reason },
      );
    }
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (version !== 1) {
    const shown = version === undefined ? 'missing' : JSON.stringify(version);
    throw importError(
      'invalid_input',
      'mappingVersion',
      `The mapping ${fileName} is version ${shown}; this version of Wellspring reads version 1.`,
      { file: fileName, version: shown },
      ['version'],
    );
  }
  const r = ImportMapping.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const at = jsonPath(issue.path);
  throw importError(
    'invalid_input',
    'badMapping',
    `The mapping ${fileName} is not valid at ${at}: ${issue.message}`,
    { file: fileName, path: at, reason: issue.message },
    issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
  );
}

/** `['nodes', 0, 'kind']` → `nodes[0].kind`; the root is `$`. */
function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : `${s ? '.' : ''}${String(p)}`;
  return s || '$';
}

/** The mapping as the JSON the wizard saves (two-space indented, a final newline). */
export function mappingToJson(mapping: ImportMapping): string {
  return `${JSON.stringify(mapping, null, 2)}\n`;
}
