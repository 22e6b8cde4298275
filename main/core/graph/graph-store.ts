import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import {
  DEFAULT_EDGE_PROPS,
  DEFAULT_NODE_PROPS,
  EDGE_PROPS,
  EDGE_RULES,
  NODE_PROPS,
  allowedEdgeKinds,
  type EdgeDto,
  type GraphDto,
  type GraphFilter,
  type HistoryState,
  type NewEdge,
  type NewNode,
  type NodeDto,
  type NodeKind,
  type NodePatch,
  type Stats,
} from '../../../preload/contract';
import { WellspringError } from '../util/errors';
import { nowIso } from '../util/clock';
import { HistoryLog, type RowOp } from './history-log';
import { applyFilter } from './graph-filter';
import { edgeFromRow, nodeFromRow, nodeToRow, type EdgeRow, type NodeRow } from './rows';

/**
 * The graph of one workspace: nodes and edges of DESIGN §3 with per-kind props validated by zod, edge kinds
 * checked against EDGE_RULES, and every user edit recorded in the persistent undo log.
 *
 * Every method that writes runs in one SQLite transaction, so an edit is stored whole or not at all.
 * Errors are WellspringError: `not_found`, `invalid_input` (path names the field), `edge_kind_mismatch`,
 * `duplicate_edge`.
 */
export class GraphStore {
  readonly history: HistoryLog;
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.history = new HistoryLog(db);
    this.q = {
      allNodes: db.prepare('SELECT * FROM nodes ORDER BY rowid'),
      allEdges: db.prepare('SELECT * FROM edges ORDER BY rowid'),
      node: db.prepare('SELECT * FROM nodes WHERE id = ?'),
      edge: db.prepare('SELECT * FROM edges WHERE id = ?'),
      edgeByKey: db.prepare('SELECT id FROM edges WHERE kind = ? AND source = ? AND target = ?'),
      incident: db.prepare('SELECT * FROM edges WHERE source = ? OR target = ? ORDER BY rowid'),
      position: db.prepare('UPDATE nodes SET x = ?, y = ? WHERE id = ?'),
      nodeCounts: db.prepare('SELECT kind, COUNT(*) AS n FROM nodes GROUP BY kind'),
      documentByPath: db.prepare(
        "SELECT * FROM nodes WHERE kind = 'document' AND json_extract(props, '$.path') = ? LIMIT 1",
      ),
      edgeCounts: db.prepare('SELECT kind, COUNT(*) AS n FROM edges GROUP BY kind'),
    };
  }

  /** The whole graph, or the part a filter keeps (edges whose two ends are kept). */
  getGraph(filter?: GraphFilter): GraphDto {
    const nodes = (this.q.allNodes.all() as NodeRow[]).map(nodeFromRow);
    const edges = (this.q.allEdges.all() as EdgeRow[]).map(edgeFromRow);
    return filter ? applyFilter({ nodes, edges }, filter) : { nodes, edges };
  }

  /** One node or null. */
  findNode(id: string): NodeDto | null {
    const row = this.q.node.get(id) as NodeRow | undefined;
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
   * among them. Breadth-first search over an adjacency list built from one scan of `edges`.
   * @throws not_found
   */
  egoGraph(nodeId: string, depth: number, filter?: GraphFilter): GraphDto {
    this.requireNode(nodeId, ['nodeId']);
    const { nodes, edges } = this.getGraph();
    const adj = new Map<string, string[]>();
    for (const e of edges) {
      (adj.get(e.source) ?? adj.set(e.source, []).get(e.source)!).push(e.target);
      (adj.get(e.target) ?? adj.set(e.target, []).get(e.target)!).push(e.source);
    }
    const seen = new Set([nodeId]);
    let frontier = [nodeId];
    for (let d = 0; d < depth && frontier.length > 0; d++) {
      const next: string[] = [];
      for (const n of frontier) {
        for (const m of adj.get(n) ?? []) {
          if (!seen.has(m)) {
            seen.add(m);
            next.push(m);
          }
        }
      }
      frontier = next;
    }
    const ego = {
      nodes: nodes.filter((n) => seen.has(n.id)),
      edges: edges.filter((e) => seen.has(e.source) && seen.has(e.target)),
    };
    if (!filter) return ego;
    const kept = applyFilter(ego, filter);
    // The centre stays even when the filter would drop it, so the view keeps its anchor.
    if (!kept.nodes.some((n) => n.id === nodeId)) kept.nodes.unshift(ego.nodes.find((n) => n.id === nodeId)!);
    return kept;
  }

  /** Creates a node; props default to DEFAULT_NODE_PROPS[kind]. @throws invalid_input */
  addNode(input: NewNode, id: string = randomUUID()): NodeDto {
    const props = validateNodeProps(input.kind, input.props ?? DEFAULT_NODE_PROPS[input.kind]);
    const now = nowIso();
    const node: NodeDto = {
      id,
      kind: input.kind,
      label: input.label,
      aliases: input.aliases ?? [],
      description: input.description ?? '',
      tags: input.tags ?? [],
      props,
      x: input.x ?? null,
      y: input.y ?? null,
      createdAt: now,
      updatedAt: now,
    };
    this.db.transaction(() => {
      this.history.commit(
        { action: 'add', kind: node.kind, label: node.label },
        [{ op: 'putNode', row: nodeToRow(node) }],
        [{ op: 'deleteNode', id }],
      );
    })();
    return node;
  }

  /** Updates label, aliases, description, tags and/or props (merged; `null` removes a key). @throws not_found, invalid_input */
  updateNode(id: string, patch: NodePatch): NodeDto {
    return this.db.transaction(() => {
      const before = this.requireNode(id, ['id']);
      let props = before.props;
      if (patch.props) {
        const merged: Record<string, unknown> = { ...before.props };
        for (const [k, v] of Object.entries(patch.props)) {
          if (v === null) delete merged[k];
          else merged[k] = v;
        }
        props = validateNodeProps(before.kind, merged);
      }
      const after: NodeDto = {
        ...before,
        label: patch.label ?? before.label,
        aliases: patch.aliases ?? before.aliases,
        description: patch.description ?? before.description,
        tags: patch.tags ?? before.tags,
        props,
        updatedAt: nowIso(),
      };
      this.history.commit(
        { action: 'edit', kind: before.kind, label: after.label },
        [{ op: 'putNode', row: nodeToRow(after) }],
        [{ op: 'putNode', row: nodeToRow(before) }],
      );
      return after;
    })();
  }

  /** Deletes a node and its incident edges; undo restores both. @throws not_found */
  deleteNode(id: string): void {
    this.db.transaction(() => {
      const node = this.requireNode(id, ['id']);
      const edges = this.q.incident.all(id, id) as EdgeRow[];
      const forward: RowOp[] = [
        ...edges.map((e) => ({ op: 'deleteEdge' as const, id: e.id })),
        { op: 'deleteNode', id },
      ];
      const backward: RowOp[] = [
        { op: 'putNode', row: nodeToRow(node) },
        ...edges.map((row) => ({ op: 'putEdge' as const, row })),
      ];
      this.history.commit({ action: 'delete', kind: node.kind, label: node.label }, forward, backward);
    })();
  }

  /**
   * Creates an edge after checking that both ends exist, that EDGE_RULES allow the kind between their kinds, and
   * that the props fit EDGE_PROPS[kind].
   * @throws not_found, edge_kind_mismatch, duplicate_edge, invalid_input
   */
  addEdge(input: NewEdge, id: string = randomUUID()): EdgeDto {
    return this.db.transaction(() => {
      const source = this.requireNode(input.source, ['source']);
      const target = this.requireNode(input.target, ['target']);
      checkEdgeKind(input.kind, source.kind, target.kind);
      if (input.source === input.target) {
        throw new WellspringError('edge_kind_mismatch', 'An edge cannot connect a node to itself.', [
          'target',
        ]);
      }
      if (this.q.edgeByKey.get(input.kind, input.source, input.target)) {
        throw new WellspringError(
          'duplicate_edge',
          `“${source.label}” already has a ${input.kind} edge to “${target.label}”.`,
          ['kind'],
        );
      }
      const props = validateEdgeProps(input.kind, input.props ?? DEFAULT_EDGE_PROPS[input.kind]);
      const row: EdgeRow = {
        id,
        kind: input.kind,
        source: input.source,
        target: input.target,
        props: JSON.stringify(props),
        created_at: nowIso(),
      };
      this.history.commit(
        { action: 'connect', kind: input.kind, label: `${source.label} → ${target.label}` },
        [{ op: 'putEdge', row }],
        [{ op: 'deleteEdge', id }],
      );
      return edgeFromRow(row);
    })();
  }

  /** Replaces an edge's props. @throws not_found, invalid_input */
  updateEdge(id: string, propsIn: Record<string, unknown>): EdgeDto {
    return this.db.transaction(() => {
      const before = this.requireEdge(id);
      const props = validateEdgeProps(before.kind, propsIn);
      const after: EdgeRow = { ...before, props: JSON.stringify(props) };
      this.history.commit(
        { action: 'edit-edge', kind: before.kind, label: this.edgeEnds(before) },
        [{ op: 'putEdge', row: after }],
        [{ op: 'putEdge', row: before }],
      );
      return edgeFromRow(after);
    })();
  }

  /** Deletes an edge. @throws not_found */
  deleteEdge(id: string): void {
    this.db.transaction(() => {
      const row = this.requireEdge(id);
      this.history.commit(
        { action: 'disconnect', kind: row.kind, label: this.edgeEnds(row) },
        [{ op: 'deleteEdge', id }],
        [{ op: 'putEdge', row }],
      );
    })();
  }

  /**
   * Links a page of a library file to a knowledge item as ONE undoable edit: the `document` node for the file is
   * created on first use (found again by its path), then a `documented_by` edge with `{page}` is added, or the
   * page of the existing edge is updated.
   * @throws not_found (knowledge item), edge_kind_mismatch (the node is not a knowledge item)
   */
  linkDocument(
    knowledgeId: string,
    doc: { path: string; name: string; mime: string | null; pageCount: number; size: number },
    page: number,
  ): EdgeDto {
    return this.db.transaction(() => {
      const item = this.requireNode(knowledgeId, ['knowledgeId']);
      checkEdgeKind('documented_by', item.kind, 'document');
      const forward: RowOp[] = [];
      const backward: RowOp[] = [];
      const now = nowIso();
      let docNode = this.q.documentByPath.get(doc.path) as NodeRow | undefined;
      if (!docNode) {
        const props = validateNodeProps('document', {
          path: doc.path,
          mime: doc.mime ?? undefined,
          pages: doc.pageCount,
          size: doc.size,
          status: 'indexed',
        });
        docNode = nodeToRow({
          id: randomUUID(),
          kind: 'document',
          label: doc.name,
          aliases: [],
          description: '',
          tags: [],
          props,
          x: item.x === null ? null : item.x + 80,
          y: item.y === null ? null : item.y + 40,
          createdAt: now,
          updatedAt: now,
        });
        forward.push({ op: 'putNode', row: docNode });
        backward.unshift({ op: 'deleteNode', id: docNode.id });
      }
      const existing = this.q.edgeByKey.get('documented_by', knowledgeId, docNode.id) as
        { id: string } | undefined;
      const props = JSON.stringify(validateEdgeProps('documented_by', { page }));
      let row: EdgeRow;
      if (existing) {
        const before = this.requireEdge(existing.id);
        row = { ...before, props };
        forward.push({ op: 'putEdge', row });
        backward.unshift({ op: 'putEdge', row: before });
      } else {
        row = {
          id: randomUUID(),
          kind: 'documented_by',
          source: knowledgeId,
          target: docNode.id,
          props,
          created_at: now,
        };
        forward.push({ op: 'putEdge', row });
        backward.unshift({ op: 'deleteEdge', id: row.id });
      }
      this.history.commit(
        {
          action: existing ? 'edit-edge' : 'connect',
          kind: 'documented_by',
          label: `${item.label} → ${doc.name} p.${page}`,
        },
        forward,
        backward,
      );
      return edgeFromRow(row);
    })();
  }

  /** Stores layout positions (model px) in one transaction; unknown ids are skipped. Not recorded in history. */
  savePositions(positions: ReadonlyArray<{ id: string; x: number; y: number }>): number {
    return this.db.transaction(() => {
      let saved = 0;
      for (const p of positions) saved += this.q.position.run(p.x, p.y, p.id).changes;
      return saved;
    })();
  }

  /** Undo the newest edit. */
  undo(): HistoryState {
    this.history.undo();
    return this.history.state();
  }

  /** Redo the oldest undone edit. */
  redo(): HistoryState {
    this.history.redo();
    return this.history.state();
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

  private edgeEnds(row: EdgeRow): string {
    return `${this.findNode(row.source)?.label ?? row.source} → ${this.findNode(row.target)?.label ?? row.target}`;
  }

  private requireNode(id: string, path: string[]): NodeDto {
    const n = this.findNode(id);
    if (!n) throw new WellspringError('not_found', `No node with id ${id}.`, path);
    return n;
  }

  private requireEdge(id: string): EdgeRow {
    const row = this.q.edge.get(id) as EdgeRow | undefined;
    if (!row) throw new WellspringError('not_found', `No edge with id ${id}.`, ['id']);
    return row;
  }
}

/** @throws edge_kind_mismatch naming the kinds allowed. */
export function checkEdgeKind(kind: keyof typeof EDGE_RULES, source: NodeKind, target: NodeKind): void {
  if (allowedEdgeKinds(source, target).includes(kind)) return;
  const allowed = EDGE_RULES[kind].map(([s, t]) => `${s} → ${t}`).join(', ');
  throw new WellspringError(
    'edge_kind_mismatch',
    `A ${kind} edge cannot go from a ${source} to a ${target}; it connects ${allowed}.`,
    ['kind'],
  );
}

/** Validates props for a node kind. @throws invalid_input with path ['props', …] */
export function validateNodeProps(kind: NodeKind, props: unknown): Record<string, unknown> {
  return parseProps(NODE_PROPS[kind], props, `${kind} props`);
}

/** Validates props for an edge kind. @throws invalid_input with path ['props', …] */
export function validateEdgeProps(kind: keyof typeof EDGE_PROPS, props: unknown): Record<string, unknown> {
  return parseProps(EDGE_PROPS[kind], props, `${kind} edge props`);
}

function parseProps(schema: z.ZodType, props: unknown, what: string): Record<string, unknown> {
  const r = schema.safeParse(props);
  if (r.success) return r.data as Record<string, unknown>;
  const issue = r.error.issues[0]!;
  const path = ['props', ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
  throw new WellspringError('invalid_input', `Invalid ${what} at ${path.join('.')}: ${issue.message}`, path);
}
