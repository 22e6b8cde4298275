/**
 * The graph domain: reading the graph, and the ONE write path — a list of operations applied in one transaction
 * with one undo entry and one change event naming the ids it touched (DESIGN §4). Imports only zod.
 */
import { z } from 'zod';
import type { ChannelMap } from './channel';
import {
  EdgeDto,
  EdgeKind,
  GraphDto,
  GraphFilter,
  NewEdge,
  NewNode,
  NodeDto,
  NodeKind,
  NodePatch,
  id,
} from './model';

const props = z.record(z.string(), z.unknown());

/** A node position in model coordinates (px). */
export const Position = z.strictObject({ id, x: z.number().finite(), y: z.number().finite() });
export type Position = z.infer<typeof Position>;

/**
 * One operation of the write path. `addNode`/`addEdge` may name the new element's id so that later operations of
 * the same list can refer to it (an import creates nodes, then the edges between them); without one a UUID is
 * made. `setPositions` stores positions of nodes in one view (its own arrangement; DESIGN §4 "views are data").
 */
/** An ISO 8601 instant with a time zone, e.g. "2026-12-02T07:03:10.000Z". */
const instant = z.iso.datetime({ offset: true });

/**
 * The times an added node or edge keeps instead of "now" (a workspace import carrying its file's history; the
 * inventory's trend reads them). Absent: the store dates it now.
 */
export const KeptTimes = z.strictObject({ createdAt: instant, updatedAt: instant.optional() });

export const GraphOp = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('addNode'), id: id.optional(), node: NewNode, times: KeptTimes.optional() }),
  z.strictObject({ op: z.literal('updateNode'), id, patch: NodePatch }),
  z.strictObject({ op: z.literal('deleteNode'), id }),
  z.strictObject({ op: z.literal('addEdge'), id: id.optional(), edge: NewEdge, times: KeptTimes.optional() }),
  z.strictObject({ op: z.literal('updateEdge'), id, props }),
  z.strictObject({ op: z.literal('deleteEdge'), id }),
  z.strictObject({ op: z.literal('setPositions'), viewId: id, positions: z.array(Position).max(200_000) }),
]);
export type GraphOp = z.infer<typeof GraphOp>;

/**
 * What one applied operation list (or one undo/redo) changed: every node and edge id added, changed or removed,
 * and per view the nodes whose stored position changed. `seq` grows by one per change while the workspace is open,
 * so a subscriber can tell it missed one.
 */
export const GraphChange = z.object({
  seq: z.number().int(),
  /** `apply`, `undo`, `redo`, or the caller's name for the list (`link-document`, `import`, …). */
  reason: z.string(),
  nodeIds: z.array(id),
  edgeIds: z.array(id),
  positions: z.array(z.object({ viewId: id, nodeIds: z.array(id) })),
});
export type GraphChange = z.infer<typeof GraphChange>;

/**
 * A node as the map draws it (`graph:map`, issue 12): what the canvas, its labels, the legend, the filter panel
 * and the search box need, and no more. `form` and `importance` are the knowledge props the stylesheet and the
 * size encoding read (absent for other kinds); everything else (description, props, times) comes with
 * `graph:get-node` when the node is selected. x/y: model px in the view read, or null.
 */
export const MapNodeDto = z.object({
  id,
  kind: NodeKind,
  label: z.string(),
  aliases: z.array(z.string()),
  tags: z.array(z.string()),
  form: z.string().optional(),
  importance: z.number().optional(),
  x: z.number().nullable(),
  y: z.number().nullable(),
});
export type MapNodeDto = z.infer<typeof MapNodeDto>;

/** An edge as the map draws it: no props, no time (`graph:get-node` has them). */
export const MapEdgeDto = z.object({ id, kind: EdgeKind, source: id, target: id });
export type MapEdgeDto = z.infer<typeof MapEdgeDto>;

/** The map's graph: lean nodes and edges (10k synthetic nodes, 20k edges: 7.5 → 4.9 MB; the edges' three UUIDs are most of it). */
export const MapGraphDto = z.object({ nodes: z.array(MapNodeDto), edges: z.array(MapEdgeDto) });
export type MapGraphDto = z.infer<typeof MapGraphDto>;

/** The map's shape of a full node (what `graph:map` sends for it). Pure. */
export function mapNodeOf(n: NodeDto): MapNodeDto {
  const out: MapNodeDto = {
    id: n.id,
    kind: n.kind,
    label: n.label,
    aliases: n.aliases,
    tags: n.tags,
    x: n.x,
    y: n.y,
  };
  if (n.kind === 'knowledge') {
    if (typeof n.props.form === 'string') out.form = n.props.form;
    if (typeof n.props.importance === 'number') out.importance = n.props.importance;
  }
  return out;
}

/** The map's shape of a full graph (an ego graph, a filtered one). Pure. */
export function mapGraphOf(g: GraphDto): MapGraphDto {
  return {
    nodes: g.nodes.map(mapNodeOf),
    edges: g.edges.map((e) => ({ id: e.id, kind: e.kind, source: e.source, target: e.target })),
  };
}

/** Which view's positions a read returns as the nodes' x/y (default: the knowledge map, `map`). */
const viewId = id.optional();

export const GRAPH_CHANNELS = {
  /** The whole graph, or what a filter keeps; node x/y are the positions in `viewId` (null where none). */
  'graph:get': { input: z.strictObject({ filter: GraphFilter.optional(), viewId }), output: GraphDto },
  /**
   * The knowledge map's graph, lean (MapGraphDto): the whole graph or what a filter keeps, x/y in `viewId`. The
   * map draws from it; a node's details come from `graph:get-node`.
   */
  'graph:map': { input: z.strictObject({ filter: GraphFilter.optional(), viewId }), output: MapGraphDto },
  /** `graph:elements` in the map's lean shape: how a change reaches the cached map. */
  'graph:map-elements': {
    input: z.strictObject({
      nodeIds: z.array(id).max(200_000),
      edgeIds: z.array(id).max(400_000),
      viewId,
    }),
    output: MapGraphDto,
  },
  'graph:ego': {
    input: z.strictObject({
      nodeId: id,
      depth: z.number().int().min(0).max(6),
      filter: GraphFilter.optional(),
      viewId,
    }),
    output: GraphDto,
  },
  /** The nodes and edges of the given ids that exist (those missing were removed): how a change is applied. */
  'graph:elements': {
    input: z.strictObject({
      nodeIds: z.array(id).max(200_000),
      edgeIds: z.array(id).max(400_000),
      viewId,
    }),
    output: GraphDto,
  },
  'graph:get-node': {
    input: z.strictObject({ id }),
    output: z.object({ node: NodeDto, edges: z.array(EdgeDto), neighbours: z.array(NodeDto) }),
  },
  /**
   * Applies a list of operations as one transaction and one undo entry (all or nothing); answers the id each
   * operation acted on, in order, and the change it made.
   */
  'graph:apply': {
    input: z.strictObject({ ops: z.array(GraphOp).min(1).max(200_000) }),
    output: z.object({ ids: z.array(id), change: GraphChange }),
  },
  'graph:add-node': { input: NewNode, output: NodeDto },
  /**
   * `seen`: the node's `updatedAt` as the editor saw it; when the node changed since (another person's edit in a
   * team workspace), the patch is refused with `edit_conflict` instead of saved over theirs.
   */
  'graph:update-node': {
    input: z.strictObject({ id, patch: NodePatch, seen: z.string().max(40).optional() }),
    output: NodeDto,
  },
  'graph:delete-node': { input: z.strictObject({ id }), output: z.object({ ok: z.literal(true) }) },
  'graph:add-edge': { input: NewEdge, output: EdgeDto },
  'graph:update-edge': { input: z.strictObject({ id, props }), output: EdgeDto },
  'graph:delete-edge': { input: z.strictObject({ id }), output: z.object({ ok: z.literal(true) }) },
} as const satisfies ChannelMap;
