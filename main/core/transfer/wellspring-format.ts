import { z } from 'zod';
import {
  Camera,
  EdgeKind,
  GraphFilter,
  KeptTimes,
  LayoutSettings,
  NodeKind,
  ViewKind,
} from '../../../preload/contract';

/** The `format` member of every Wellspring JSON export. */
export const WELLSPRING_FORMAT = 'wellspring';

/**
 * The version this build writes and the newest it reads. Raise it when a change of the document below would make
 * an older build misread a file (a member renamed or given another meaning); a new optional member needs none.
 */
export const WELLSPRING_VERSION = 1;

const id = z.string().min(1).max(64);
const position = z.strictObject({ id, x: z.number().finite(), y: z.number().finite() });

/**
 * A node as exported: every column of the `nodes` table (DESIGN §3). Props are checked against NODE_PROPS[kind]
 * by the import plan, not here, so one item with a wrong prop is a problem of that item, not of the file.
 */
export const ExportedNode = z.strictObject({
  id,
  kind: NodeKind,
  label: z.string(),
  aliases: z.array(z.string()),
  description: z.string(),
  tags: z.array(z.string()),
  props: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ExportedNode = z.infer<typeof ExportedNode>;

/** An edge as exported: every column of the `edges` table. */
export const ExportedEdge = z.strictObject({
  id,
  kind: EdgeKind,
  source: id,
  target: id,
  props: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type ExportedEdge = z.infer<typeof ExportedEdge>;

/**
 * A view as exported (DESIGN §4, views are data): its settings and its own node positions (model px). Views carry
 * no id: ids are local to a workspace (the knowledge map is always `map`; another view gets a new id where it is
 * imported), and a view is found again by its kind and name. A process or competency view names its process or
 * focus in `layout` by node id, which the export keeps.
 */
export const ExportedView = z.strictObject({
  kind: ViewKind,
  name: z.string(),
  filters: GraphFilter,
  layout: LayoutSettings,
  camera: Camera.nullable(),
  order: z.number().int(),
  positions: z.array(position),
});
export type ExportedView = z.infer<typeof ExportedView>;

/**
 * The Wellspring JSON document, version 1:
 * `{ format: "wellspring", version: 1, exportedAt, workspace: { name }, nodes, edges, views }`, nodes and edges in
 * the store's order (insertion order), views in sidebar order. Times are ISO-8601 (UTC).
 */
export const WellspringDocument = z.strictObject({
  format: z.literal(WELLSPRING_FORMAT),
  version: z.literal(WELLSPRING_VERSION),
  exportedAt: z.string(),
  workspace: z.strictObject({ name: z.string() }),
  nodes: z.array(ExportedNode),
  edges: z.array(ExportedEdge),
  views: z.array(ExportedView),
});
export type WellspringDocument = z.infer<typeof WellspringDocument>;

/** Whether `s` is an ISO 8601 instant the write path keeps (KeptTimes in preload/contract/graph.ts). */
export function validInstant(s: string | undefined): s is string {
  return KeptTimes.shape.createdAt.safeParse(s).success;
}
