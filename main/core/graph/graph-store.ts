import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  MAP_VIEW_ID,
  type EdgeDto,
  type EditSummary,
  type GraphChange,
  type GraphDto,
  type GraphFilter,
  type GraphOp,
  type HistoryState,
  type MapGraphDto,
  type NewEdge,
  type NewNode,
  type NodeDto,
  type NodePatch,
  type PositionReason,
  type Stats,
  mapGraphOf,
} from '../../../preload/contract';
import { WellspringError } from '../util/errors';
import { HistoryLog, collectTouched, touched, type RowOp, type Touched } from './history-log';
import { applyFilter } from './graph-filter';
import { OpPlanner } from './plan-ops';
import { MapGraphReader } from './map-graph';
import { edgeFromRow, nodeFromRow, type EdgeRow, type NodeRow, type PlacedNodeRow } from './rows';
import { egoGraph as egoOf } from '../analytics/ego-graph';
import { buildGraphIndex } from '../analytics/graph-index';

export { checkEdgeKind, validateEdgeProps, validateNodeProps } from './validate';

/** Receives every change the store makes (after its transaction committed). */
export type ChangeListener = (change: GraphChange) => void;

/** Options of one operation list. */
export interface ApplyOptions {
  /** Name of the change in the event (`apply` when not given): `link-document`, `import`, `layout`, … */
  reason?: string;
  /** How the undo entry is described; derived from the operations when not given. */
  summary?: EditSummary;
  /** False: written through the same path (one transaction, one event) but not undoable. Default true. */
  undoable?: boolean;
  /** Overrides the action of the derived summary (`layout` for positions a layout computed). */
  action?: EditSummary['action'];
  /** Prefix error paths with `['ops', index]` (default true; the one-operation conveniences say false). */
  opPaths?: boolean;
}

/**
 * The graph of one workspace: nodes and edges of DESIGN §3 with per-kind props validated by zod, edge kinds
 * checked against EDGE_RULES, node positions per view (migration 0004), and the persistent undo log.
 *
 * ONE WRITE PATH (DESIGN §4): every change — an edit, a link, a layout, an import — is `apply(ops)`: a list of
 * GraphOps written in one SQLite transaction with one undo entry, after which ONE change event names every id it
 * touched. Search, analytics and the renderer subscribe with `onDidChange`; nobody notifies by hand. A failing
 * operation rolls back the whole list, and then no event is sent.
 *
 * Errors are WellspringError: `not_found`, `invalid_input` (path names the field), `edge_kind_mismatch`,
 * `duplicate_edge`.
 */
export class GraphStore {
  readonly history: HistoryLog;
  private readonly planner: OpPlanner;
  private readonly listeners = new Set<ChangeListener>();
  private seq = 0;
  private readonly q;
  private readonly mapReader: MapGraphReader;

  constructor(private readonly db: Database.Database) {
    this.history = new HistoryLog(db);
    this.planner = new OpPlanner(db);
    this.mapReader = new MapGraphReader(db);
    this.q = {
      allNodes: db.prepare(
        `SELECT n.*, p.x AS x, p.y AS y FROM nodes n
         LEFT JOIN view_positions p ON p.node_id = n.id AND p.view_id = ? ORDER BY n.rowid`,
      ),
      allEdges: db.prepare('SELECT * FROM edges ORDER BY rowid'),
      node: db.prepare(
        `SELECT n.*, p.x AS x, p.y AS y FROM nodes n
         LEFT JOIN view_positions p ON p.node_id = n.id AND p.view_id = ? WHERE n.id = ?`,
      ),
      edge: db.prepare('SELECT * FROM edges WHERE id = ?'),
      edgeByKey: db.prepare('SELECT id FROM edges WHERE kind = ? AND source = ? AND target = ?'),
      incident: db.prepare('SELECT * FROM edges WHERE source = ? OR target = ? ORDER BY rowid'),
      nodeCounts: db.prepare('SELECT kind, COUNT(*) AS n FROM nodes GROUP BY kind'),
      documentByPath: db.prepare(
        "SELECT * FROM nodes WHERE kind = 'document' AND json_extract(props, '$.path') = ? LIMIT 1",
      ),
      edgeCounts: db.prepare('SELECT kind, COUNT(*) AS n FROM edges GROUP BY kind'),
    };
  }

  /** Subscribes to changes (one event per operation list, undo or redo); returns the unsubscribe function. */
  onDidChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ----------------------------------------------------------------------------------------------------------
  // Reads
  // ----------------------------------------------------------------------------------------------------------

  /** The whole graph, or the part a filter keeps (edges whose two ends are kept); x/y are positions in `viewId`. */
  getGraph(filter?: GraphFilter, viewId: string = MAP_VIEW_ID): GraphDto {
    const nodes = (this.q.allNodes.all(viewId) as PlacedNodeRow[]).map(nodeFromRow);
    const edges = (this.q.allEdges.all() as EdgeRow[]).map(edgeFromRow);
    return filter ? applyFilter({ nodes, edges }, filter) : { nodes, edges };
  }

  /**
   * The knowledge map's lean graph (`graph:map`): the whole graph read column by column (map-graph.ts), or, with a
   * filter, what `getGraph` keeps in the map's shape (a filter may read descriptions and edges).
   */
  getMapGraph(filter?: GraphFilter, viewId: string = MAP_VIEW_ID): MapGraphDto {
    return filter ? mapGraphOf(this.getGraph(filter, viewId)) : this.mapReader.all(viewId);
  }

  /** `getElements` in the map's lean shape (`graph:map-elements`). */
  getMapElements(
    nodeIds: readonly string[],
    edgeIds: readonly string[],
    viewId: string = MAP_VIEW_ID,
  ): MapGraphDto {
    return this.mapReader.elements(nodeIds, edgeIds, viewId);
  }

  /** The nodes and edges of the given ids that exist, in the given order (what a change event names). */
  getElements(
    nodeIds: readonly string[],
    edgeIds: readonly string[],
    viewId: string = MAP_VIEW_ID,
  ): GraphDto {
    const nodes: NodeDto[] = [];
    for (const id of nodeIds) {
      const row = this.q.node.get(viewId, id) as PlacedNodeRow | undefined;
      if (row) nodes.push(nodeFromRow(row));
    }
    const edges: EdgeDto[] = [];
    for (const id of edgeIds) {
      const row = this.q.edge.get(id) as EdgeRow | undefined;
      if (row) edges.push(edgeFromRow(row));
    }
    return { nodes, edges };
  }

  /** One node (x/y in `viewId`) or null. */
  findNode(id: string, viewId: string = MAP_VIEW_ID): NodeDto | null {
    const row = this.q.node.get(viewId, id) as PlacedNodeRow | undefined;
    return row ? nodeFromRow(row) : null;
  }

  /** One node, its incident edges and its neighbours. @throws not_found */
  getNodeDetail(id: string): { node: NodeDto; edges: EdgeDto[]; neighbours: NodeDto[] } {
    const node = this.requireNode(id, ['id']);
    const edges = (this.q.incident.all(id, id) as EdgeRow[]).map(edgeFromRow);
    const ids = new Set(edges.flatMap((e) => [e.source, e.target]));
    ids.delete(id);
    const neighbours = [...ids].map((n) => this.findNode(n)).filter((n): n is NodeDto => n !== null);
    return { node, edges, neighbours };
  }

  /**
   * The ego graph of `nodeId`: every node within `depth` hops (edges followed in both directions) and the edges
   * among them, then the filter; the centre stays even when the filter would drop it. @throws not_found
   */
  egoGraph(nodeId: string, depth: number, filter?: GraphFilter, viewId: string = MAP_VIEW_ID): GraphDto {
    this.requireNode(nodeId, ['nodeId']);
    const graph = this.getGraph(undefined, viewId);
    return egoOf(graph, buildGraphIndex(graph), nodeId, depth, filter);
  }

  /** The `document` node of a file path, or null. */
  documentNodeByPath(path: string): NodeDto | null {
    const row = this.q.documentByPath.get(path) as NodeRow | undefined;
    return row ? nodeFromRow(row) : null;
  }

  /** Node and edge counts by kind. */
  stats(): Stats {
    const nodes = Object.fromEntries(
      (this.q.nodeCounts.all() as Array<{ kind: string; n: number }>).map((r) => [r.kind, r.n]),
    );
    const edges = Object.fromEntries(
      (this.q.edgeCounts.all() as Array<{ kind: string; n: number }>).map((r) => [r.kind, r.n]),
    );
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    return { nodes, edges, nodeTotal: sum(nodes), edgeTotal: sum(edges) };
  }

  // ----------------------------------------------------------------------------------------------------------
  // The write path
  // ----------------------------------------------------------------------------------------------------------

  /**
   * Applies `ops` in order in ONE transaction with ONE undo entry, then emits ONE change event with every id they
   * touched. Each operation is validated against the graph as the earlier ones left it. All or nothing: when an
   * operation throws, nothing of the list is stored and no event is sent; the error's `path` is prefixed with
   * `['ops', index]`. Returns the id each operation acted on (the new id for `addNode`/`addEdge`).
   * @throws WellspringError of the failing operation
   */
  apply(ops: readonly GraphOp[], options: ApplyOptions = {}): { ids: string[]; change: GraphChange } {
    if (ops.length === 0)
      throw new WellspringError('invalid_input', 'No operations to apply.', ['ops'], { key: 'errors.noOps' });
    const ids: string[] = [];
    const forward: RowOp[] = [];
    const backwardParts: RowOp[][] = [];
    const summaries: EditSummary[] = [];
    this.db.transaction(() => {
      ops.forEach((op, i) => {
        let planned;
        try {
          planned = this.planner.plan(op);
        } catch (e) {
          if (e instanceof WellspringError && options.opPaths !== false)
            throw new WellspringError(e.code, e.message, ['ops', i, ...e.path], e.translated);
          throw e;
        }
        this.history.apply(planned.forward);
        ids.push(planned.id);
        forward.push(...planned.forward);
        backwardParts.push(planned.backward);
        summaries.push(planned.summary);
      });
      if (options.undoable !== false) {
        const backward = backwardParts.reverse().flat();
        const summary = options.summary ?? summarise(summaries);
        this.history.record(
          options.action ? { ...summary, action: options.action } : summary,
          forward,
          backward,
        );
      }
      // Last before the commit: a team workspace's server may refuse the list, which then rolls back here too.
      this.history.publish(forward);
    })();
    const change = this.emit(options.reason ?? 'apply', collectTouched(forward, touched()));
    return { ids, change };
  }

  /** Creates a node; props default to DEFAULT_NODE_PROPS[kind]. @throws invalid_input */
  addNode(input: NewNode, id: string = randomUUID()): NodeDto {
    this.apply([{ op: 'addNode', id, node: input }], { reason: 'add-node', opPaths: false });
    return this.findNode(id)!;
  }

  /** Updates label, aliases, description, tags and/or props (merged; `null` removes a key). @throws not_found, invalid_input */
  updateNode(id: string, patch: NodePatch): NodeDto {
    this.apply([{ op: 'updateNode', id, patch }], { reason: 'update-node', opPaths: false });
    return this.findNode(id)!;
  }

  /** Deletes a node and its incident edges; undo restores both and its positions. @throws not_found */
  deleteNode(id: string): void {
    this.apply([{ op: 'deleteNode', id }], { reason: 'delete-node', opPaths: false });
  }

  /**
   * Creates an edge after checking that both ends exist, that EDGE_RULES allow the kind between their kinds, and
   * that the props fit EDGE_PROPS[kind].
   * @throws not_found, edge_kind_mismatch, duplicate_edge, invalid_input
   */
  addEdge(input: NewEdge, id: string = randomUUID()): EdgeDto {
    this.apply([{ op: 'addEdge', id, edge: input }], { reason: 'add-edge', opPaths: false });
    return edgeFromRow(this.q.edge.get(id) as EdgeRow);
  }

  /** Replaces an edge's props. @throws not_found, invalid_input */
  updateEdge(id: string, props: Record<string, unknown>): EdgeDto {
    this.apply([{ op: 'updateEdge', id, props }], { reason: 'update-edge', opPaths: false });
    return edgeFromRow(this.q.edge.get(id) as EdgeRow);
  }

  /** Deletes an edge. @throws not_found */
  deleteEdge(id: string): void {
    this.apply([{ op: 'deleteEdge', id }], { reason: 'delete-edge', opPaths: false });
  }

  /**
   * Stores node positions (model px) of one view through the write path. `move` and `layout` are undoable;
   * `place` (nodes placed automatically beside their neighbours) is no step of its own: the positions of nodes
   * that the newest undo entry added join that entry, so its redo puts them back where they were placed.
   * Unknown node ids are skipped.
   * Returns how many were stored. @throws not_found (view)
   */
  savePositions(
    viewId: string,
    positions: ReadonlyArray<{ id: string; x: number; y: number }>,
    reason: PositionReason = 'move',
  ): number {
    if (positions.length === 0) return 0;
    return this.db.transaction(() => {
      const { change } = this.apply([{ op: 'setPositions', viewId, positions: [...positions] }], {
        reason,
        undoable: reason !== 'place',
        action: reason === 'layout' ? 'layout' : 'move',
        opPaths: false,
      });
      // Where a node was placed belongs to the edit that added it: redo brings it back to the same spot.
      if (reason === 'place') this.history.amendNewestAdd(viewId, positions);
      return change.positions.find((p) => p.viewId === viewId)?.nodeIds.length ?? 0;
    })();
  }

  /**
   * Links a page of a library file to a knowledge item as ONE undoable operation list: the `document` node for
   * the file is created on first use (found again by its path), then a `documented_by` edge with `{page}` is
   * added, or the page of the existing edge is updated. The new document node has no position: the map places it
   * beside the knowledge item.
   * @throws not_found (knowledge item), edge_kind_mismatch (the node is not a knowledge item)
   */
  linkDocument(
    knowledgeId: string,
    doc: { path: string; name: string; mime: string | null; pageCount: number; size: number },
    page: number,
  ): EdgeDto {
    return this.db.transaction(() => {
      const item = this.requireNode(knowledgeId, ['knowledgeId']);
      const ops: GraphOp[] = [];
      let docId = this.documentNodeByPath(doc.path)?.id;
      if (!docId) {
        docId = randomUUID();
        const props = { path: doc.path, pages: doc.pageCount, size: doc.size, status: 'indexed' } as Record<
          string,
          unknown
        >;
        if (doc.mime) props.mime = doc.mime;
        ops.push({ op: 'addNode', id: docId, node: { kind: 'document', label: doc.name, props } });
      }
      const existing = this.q.edgeByKey.get('documented_by', knowledgeId, docId) as
        { id: string } | undefined;
      const edgeId = existing?.id ?? randomUUID();
      ops.push(
        existing
          ? { op: 'updateEdge', id: edgeId, props: { page } }
          : {
              op: 'addEdge',
              id: edgeId,
              edge: { kind: 'documented_by', source: knowledgeId, target: docId, props: { page } },
            },
      );
      this.apply(ops, {
        reason: 'link-document',
        summary: {
          action: existing ? 'edit-edge' : 'connect',
          kind: 'documented_by',
          label: `${item.label} → ${doc.name} p.${page}`,
        },
      });
      return edgeFromRow(this.q.edge.get(edgeId) as EdgeRow);
    })();
  }

  /**
   * Applies row operations that another writer already committed (a team workspace's change feed): no planning,
   * no undo entry, not published again; `inTransaction` runs in the same transaction (the replica's bookkeeping).
   * Emits one change event with `reason` when anything was given. Rows must be consistent (an edge's nodes exist).
   */
  applyRemote(ops: readonly RowOp[], inTransaction: () => void, reason = 'remote'): GraphChange | null {
    this.db.transaction(() => {
      this.history.apply(ops);
      inTransaction();
    })();
    if (ops.length === 0) return null;
    return this.emit(reason, collectTouched(ops, touched()));
  }

  /** Undoes the newest entry and emits its change. */
  undo(): HistoryState {
    const r = this.history.undo();
    if (r) this.emit('undo', collectTouched(r.ops, touched()));
    return this.history.state();
  }

  /** Redoes the oldest undone entry and emits its change. */
  redo(): HistoryState {
    const r = this.history.redo();
    if (r) this.emit('redo', collectTouched(r.ops, touched()));
    return this.history.state();
  }

  private emit(reason: string, t: Touched): GraphChange {
    const change: GraphChange = {
      seq: ++this.seq,
      reason,
      nodeIds: [...t.nodeIds],
      edgeIds: [...t.edgeIds],
      positions: [...t.positions].map(([viewId, ids]) => ({ viewId, nodeIds: [...ids] })),
    };
    for (const l of this.listeners) {
      try {
        l(change);
      } catch (e) {
        // A subscriber's failure must not undo a committed change nor starve the other subscribers.
        console.error('wellspring: change listener failed:', e);
      }
    }
    return change;
  }

  private requireNode(id: string, path: string[]): NodeDto {
    const n = this.findNode(id);
    if (!n)
      throw new WellspringError('not_found', `No node with id ${id}.`, path, {
        key: 'errors.nodeNotFound',
        params: { id },
      });
    return n;
  }
}

/** One operation keeps its own summary; several are a batch named after the first, with their count. */
function summarise(summaries: readonly EditSummary[]): EditSummary {
  if (summaries.length === 1) return summaries[0]!;
  const first = summaries[0]!;
  return { action: 'batch', kind: first.kind, label: first.label, count: summaries.length };
}
