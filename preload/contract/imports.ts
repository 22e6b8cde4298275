/**
 * The import wizard (issue 10 §1): a spreadsheet (CSV, TSV, XLSX) or a Wellspring JSON export read into a session,
 * previewed, mapped, planned and applied as one undo step. Computed in main/core/import/ (the session service
 * import-sessions.ts, readTable, planImport, applyImport) and main/core/transfer/ (Wellspring JSON). The column
 * mapping's schemas live here so that the channels can take an ImportMapping; main/core/import/mapping.ts re-exports
 * them with parseMapping. Imports only zod.
 */
import { z } from 'zod';
import type { ChannelMap } from './channel';
import {
  EDGE_KINDS,
  EDGE_PROPS,
  NODE_KINDS,
  NODE_PROPS,
  allowedEdgeKinds,
  type EdgeKind,
  type NodeKind,
} from './model';

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
 * The biggest file the wizard reads, in bytes (40 MiB). Its base64 (4/3 of it, 53.3 MiB) stays under browser mode's
 * 64 MiB request limit (main/core/server/browser-server.ts MAX_BODY) with room for the JSON around it.
 */
export const IMPORT_MAX_BYTES = 40 * 1024 * 1024;
/** Data rows of the chosen sheet shown in the preview (from the first after the header). */
export const IMPORT_PREVIEW_ROWS = 50;
/** Characters of a cell shown in the preview; longer cells are clipped with “…” (an ESCO cell holds 580 KB). */
export const IMPORT_PREVIEW_CELL = 300;
/** Problems (and duplicates) a plan lists; the totals say how many there are in all. */
export const IMPORT_LISTED = 500;

const sessionId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'a session id is 8–64 letters, digits, _ or -');
const count = z.number().int().min(0);

/** How the file is read: the format told by its bytes. */
export const ImportFormat = z.enum(['csv', 'tsv', 'xlsx', 'wellspring-json']);
export type ImportFormat = z.infer<typeof ImportFormat>;

/**
 * One problem found before anything is written, in the UI's terms: `line` where the row starts in the file
 * (CSV/TSV: the file's line; XLSX: the Excel row number; JSON: the line of the member; 0: the file or the mapping
 * as a whole), the column at fault by its header name, the JSON path (Wellspring JSON), the English `reason` and
 * its translation (`key` with `params`: transfer:import.errors.*, transfer:export.errors.* or a common errors.*).
 */
export const ImportProblemDto = z.object({
  line: count,
  column: z.string().nullable(),
  path: z.string().nullable(),
  reason: z.string(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ImportProblemDto = z.infer<typeof ImportProblemDto>;

/** One row of the preview: its line (see ImportProblemDto) and its cells, each clipped to IMPORT_PREVIEW_CELL. */
export const ImportPreviewRow = z.object({ line: count, cells: z.array(z.string()) });
export type ImportPreviewRow = z.infer<typeof ImportPreviewRow>;

/**
 * An open import session: the file as read with the session's settings. Tables (csv, tsv, xlsx) carry the
 * settings used (detected unless the user chose), the sheets, the header and a preview; a Wellspring JSON export
 * carries only its name and size (it needs no mapping: plan it straight away).
 */
export const ImportSession = z.object({
  sessionId,
  fileName: z.string(),
  /** Bytes. */
  size: count,
  format: ImportFormat,
  /** CSV/TSV: the encoding the text was read in ('UTF-8', 'UTF-8 BOM', 'GB18030', …); null for XLSX and JSON. */
  encoding: z.string().nullable(),
  /** True when `encoding` is what the session was told to use rather than the detected one. */
  encodingChosen: z.boolean(),
  /** What the user may choose instead (util/text-encoding TEXT_ENCODINGS); empty for XLSX and JSON. */
  encodings: z.array(z.string()),
  /** CSV/TSV: the field delimiter used (`,` `;` `\t` `|`); null otherwise. */
  delimiter: z.string().nullable(),
  /** Every sheet with its data rows (after its first row); one, named after the file, for CSV/TSV; none for JSON. */
  sheets: z.array(z.object({ name: z.string(), rows: count })),
  /** The sheet shown and planned; null for JSON. */
  sheet: z.string().nullable(),
  /** The 1-based row of the sheet (its rows with a value) that holds the header. */
  headerRow: z.number().int().min(1),
  /** Where that header row is in the file (see ImportProblemDto.line); 0 when the sheet has no such row. */
  headerLine: count,
  header: z.array(z.string()),
  /** Data rows after the header. */
  rows: count,
  preview: z.array(ImportPreviewRow),
  /** What the reader found wrong (an unclosed quote …), the first IMPORT_LISTED. */
  problems: z.array(ImportProblemDto),
  problemCount: count,
});
export type ImportSession = z.infer<typeof ImportSession>;

/** Counts of one node or edge kind in a plan. */
export const ImportKindCounts = z.object({ new: count, updated: count, unchanged: count });
export type ImportKindCounts = z.infer<typeof ImportKindCounts>;

/** A row whose label or alias matched a workspace node or an earlier row: merged into it, not duplicated. */
export const ImportDuplicateDto = z.object({
  line: count,
  kind: z.enum(NODE_KINDS),
  label: z.string(),
  by: z.enum(['label', 'alias']),
  matches: z.array(z.object({ id: z.string(), label: z.string(), line: count.nullable() })),
});
export type ImportDuplicateDto = z.infer<typeof ImportDuplicateDto>;

/**
 * The dry run: what the import would do. The counts are of the rows without problems; `operations` is what would
 * be written — 0 whenever `problemCount` is not (nothing is imported until the plan is clean).
 */
export const ImportPlanDto = z.object({
  sessionId,
  fileName: z.string(),
  format: ImportFormat,
  /** The sheet planned (CSV/TSV: the file's name without its extension); null for JSON. */
  sheet: z.string().nullable(),
  /** Data rows read; for JSON the nodes and edges of the file. */
  rows: count,
  newNodes: count,
  updatedNodes: count,
  unchangedNodes: count,
  newEdges: count,
  updatedEdges: count,
  unchangedEdges: count,
  /** JSON: nodes and edges of the file that would be left out; 0 for tables (their rows are problems instead). */
  skipped: count,
  /** Per node kind and per edge kind (the two sets of names do not overlap). */
  byKind: z.record(z.string(), ImportKindCounts),
  duplicates: z.array(ImportDuplicateDto),
  duplicateCount: count,
  problems: z.array(ImportProblemDto),
  problemCount: count,
  operations: count,
  /** No problem: import:apply will write it. */
  clean: z.boolean(),
});
export type ImportPlanDto = z.infer<typeof ImportPlanDto>;

/** What import:apply wrote, as ONE undo step (history:undo takes all of it back). */
export const ImportApplied = z.object({
  newNodes: count,
  updatedNodes: count,
  newEdges: count,
  updatedEdges: count,
  operations: count,
  /** The ids of the nodes written (the map can show them); the first 1,000. */
  nodeIds: z.array(z.string()),
});
export type ImportApplied = z.infer<typeof ImportApplied>;

/** Changes of how a session reads its file; what is left out stays as it was. */
const Reread = z.strictObject({
  sessionId,
  /** CSV/TSV: one of the session's `encodings`; null: detect again. */
  encoding: z.string().min(1).max(40).nullable().optional(),
  /** CSV/TSV: `,` `;` `\t` `|` (or another single character); null: detect again. */
  delimiter: z.string().min(1).max(1).nullable().optional(),
  /** XLSX: one of the session's sheets. */
  sheet: z.string().min(1).max(200).optional(),
  headerRow: z.number().int().min(1).max(1000).optional(),
});

export const IMPORT_CHANNELS = {
  /**
   * Reads a picked file into a new session held in main (its bytes are not sent again). The format is told by the
   * bytes: a workbook, else a Wellspring JSON export (`"format": "wellspring"`), else delimited text in the detected
   * encoding. `sessionId`, when given, names the session so that import:cancel can stop this very read; at most
   * four sessions are kept (the oldest idle one is closed), all of them dropped when another workspace opens.
   * Emits `import:did-progress` (reading) for big files.
   * @throws invalid_input `transfer:import.errors.fileTooBig` over IMPORT_MAX_BYTES, `badBase64`, `emptyFile`;
   *   unsupported `notSpreadsheet`, `encryptedXlsx`, `legacyXls`; `damagedXlsx`; `cancelled` (import:cancel)
   */
  'import:open': {
    input: z.strictObject({
      fileName: z.string().trim().min(1).max(260),
      /** The whole file, base64. Checked against IMPORT_MAX_BYTES once decoded (the message names the file). */
      data: z.string().max(64 * 1024 * 1024),
      sessionId: sessionId.optional(),
    }),
    output: ImportSession,
  },
  /**
   * Reads the session's file again with another encoding or delimiter, or shows another sheet or header row.
   * @throws not_found `sessionGone`; invalid_input `unknownEncoding`, `headerRowMissing`; not_found `sheetNotFound`
   */
  'import:reread': { input: Reread, output: ImportSession },
  /**
   * The dry run of a mapping (tables) or of the export itself (JSON: `mapping` is ignored) against the workspace
   * as it is now. Writes nothing. Emits `import:did-progress` (planning) for big files.
   * @throws not_found `sessionGone`; invalid_input `mappingMissing`; `cancelled`
   */
  'import:plan': {
    input: z.strictObject({ sessionId, mapping: ImportMapping.optional() }),
    output: ImportPlanDto,
  },
  /**
   * Plans again against the workspace as it is now and, only when that plan is clean, writes it with ONE
   * GraphStore.apply: one transaction (a failure half-way leaves the workspace as it was), one undo step.
   * @throws invalid_input `planHasProblems` (nothing written); not_found `sessionGone`; the write path's errors
   */
  'import:apply': {
    input: z.strictObject({ sessionId, mapping: ImportMapping.optional() }),
    output: ImportApplied,
  },
  /** Stops the session's read or plan under way (it rejects with `cancelled`); false when nothing was running. */
  'import:cancel': { input: z.strictObject({ sessionId }), output: z.object({ cancelled: z.boolean() }) },
  /** Drops the session and its bytes (stopping what runs); false when there was no such session. */
  'import:close': { input: z.strictObject({ sessionId }), output: z.object({ closed: z.boolean() }) },
} as const satisfies ChannelMap;
