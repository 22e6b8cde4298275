import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  DEFAULT_EDGE_PROPS,
  DEFAULT_NODE_PROPS,
  GraphOp,
  MAP_VIEW_ID,
  type EditSummary,
  type NodeDto,
} from '../../../preload/contract';
import { WellspringError } from '../util/errors';
import { localToday, nowIso } from '../util/clock';
import type { RowOp } from './history-log';
import { nodeFromRow, nodeToRow, type EdgeRow, type NodeRow, type PositionRow } from './rows';
import { checkEdgeKind, validateEdgeProps, validateNodeProps } from './validate';
import { foldText } from '../util/text';

/** The operation as the contract's schema reads it (labels trimmed). @throws invalid_input naming the field */
function parseOp(input: GraphOp): GraphOp {
  const r = GraphOp.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  const field = path.filter((p) => typeof p === 'string').slice(-1)[0] ?? 'op';
  const emptyLabel = field === 'label' && issue.code === 'too_small';
  throw new WellspringError(
    'invalid_input',
    `Invalid operation at ${path.join('.')}: ${issue.message}`,
    path,
    emptyLabel
      ? { key: 'errors.emptyLabel' }
      : { key: 'errors.invalidInput', params: { field: String(field) } },
  );
}

/** One operation turned into row operations: what redoes it, what undoes it, the id it acted on, what to call it. */
export interface PlannedOp {
  id: string;
  forward: RowOp[];
  backward: RowOp[];
  summary: EditSummary;
}

/**
 * Turns graph operations (contract `GraphOp`) into reversible row operations, validating each against the
 * database as it is at that moment — inside the write path's transaction, after the earlier operations of the
 * same list were applied, so an edge may connect nodes the same list created.
 *
 * Errors are WellspringError: `not_found`, `invalid_input` (path names the field), `edge_kind_mismatch`,
 * `duplicate_edge`.
 */
export class OpPlanner {
  private readonly q;

  constructor(db: Database.Database) {
    this.q = {
      node: db.prepare('SELECT * FROM nodes WHERE id = ?'),
      edge: db.prepare('SELECT * FROM edges WHERE id = ?'),
      edgeByKey: db.prepare('SELECT id FROM edges WHERE kind = ? AND source = ? AND target = ?'),
      processes: db.prepare("SELECT id, label FROM nodes WHERE kind = 'process'"),
      processOfStep: db.prepare(
        `SELECT n.id, n.label FROM edges e JOIN nodes n ON n.id = e.target
         WHERE e.kind = 'part_of' AND e.source = ? LIMIT 1`,
      ),
      incident: db.prepare('SELECT * FROM edges WHERE source = ? OR target = ? ORDER BY rowid'),
      positionsOfNode: db.prepare('SELECT view_id, x, y FROM view_positions WHERE node_id = ?'),
      position: db.prepare('SELECT x, y FROM view_positions WHERE view_id = ? AND node_id = ?'),
      view: db.prepare('SELECT 1 FROM views WHERE id = ?').pluck(),
    };
  }

  /**
   * Plans one operation. The operation is checked against the contract's GraphOp schema first, so a caller inside
   * main (an import, the CLI) meets the same rules as the IPC boundary (a label of spaces, a 600-character label).
   * @throws see the class doc
   */
  plan(input: GraphOp): PlannedOp {
    const op = parseOp(input);
    switch (op.op) {
      case 'addNode':
        return this.addNode(op.node, op.id ?? randomUUID(), op.times);
      case 'updateNode':
        return this.updateNode(op.id, op.patch);
      case 'deleteNode':
        return this.deleteNode(op.id);
      case 'addEdge':
        return this.addEdge(op.edge, op.id ?? randomUUID(), op.times);
      case 'updateEdge':
        return this.updateEdge(op.id, op.props);
      case 'deleteEdge':
        return this.deleteEdge(op.id);
      case 'setPositions':
        return this.setPositions(op.viewId, op.positions);
    }
  }

  private addNode(
    input: Extract<GraphOp, { op: 'addNode' }>['node'],
    id: string,
    times?: { createdAt: string; updatedAt?: string },
  ): PlannedOp {
    if (this.q.node.get(id))
      throw new WellspringError('invalid_input', `A node with id ${id} exists.`, ['id'], {
        key: 'errors.nodeExists',
        params: { id },
      });
    if (input.kind === 'process') this.requireFreeProcessName(input.label, id);
    if (input.kind === 'expert') requireLeavingDate(input.props?.expectedLeaving, undefined);
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
      x: null,
      y: null,
      createdAt: times?.createdAt ?? now,
      updatedAt: times?.updatedAt ?? times?.createdAt ?? now,
    };
    const forward: RowOp[] = [{ op: 'putNode', row: nodeToRow(node) }];
    // A position given with the node is its place on the knowledge map.
    if (input.x !== undefined && input.y !== undefined)
      forward.push({ op: 'putPositions', viewId: MAP_VIEW_ID, positions: [{ id, x: input.x, y: input.y }] });
    return {
      id,
      forward,
      backward: [{ op: 'deleteNode', id }],
      summary: { action: 'add', kind: node.kind, label: node.label },
    };
  }

  /**
   * Two processes of one name cannot be told apart in the process list, the reports or the CLI's `--process`: a
   * new or renamed process must differ (NFKC, case-insensitive) from every other.
   * @throws WellspringError invalid_input `errors.processNameTaken`
   */
  private requireFreeProcessName(label: string, id: string): void {
    const fold = (l: string) => foldText(l).trim();
    const wanted = fold(label);
    const taken = (this.q.processes.all() as Array<{ id: string; label: string }>).find(
      (p) => p.id !== id && fold(p.label) === wanted,
    );
    if (taken)
      throw new WellspringError(
        'invalid_input',
        `A process called “${taken.label}” exists already.`,
        ['label'],
        {
          key: 'errors.processNameTaken',
          params: { label: taken.label },
        },
      );
  }

  private updateNode(id: string, patch: Extract<GraphOp, { op: 'updateNode' }>['patch']): PlannedOp {
    const before = this.requireNode(id, ['id']);
    if (before.kind === 'process' && patch.label !== undefined) this.requireFreeProcessName(patch.label, id);
    let props = before.props;
    if (patch.props) {
      const merged: Record<string, unknown> = { ...before.props };
      for (const [k, v] of Object.entries(patch.props)) {
        if (v === null) delete merged[k];
        else merged[k] = v;
      }
      if (before.kind === 'expert') requireLeavingDate(merged.expectedLeaving, before.props.expectedLeaving);
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
    return {
      id,
      forward: [{ op: 'putNode', row: nodeToRow(after) }],
      backward: [{ op: 'putNode', row: nodeToRow(before) }],
      summary: { action: 'edit', kind: before.kind, label: after.label },
    };
  }

  private deleteNode(id: string): PlannedOp {
    const node = this.requireNode(id, ['id']);
    const edges = this.q.incident.all(id, id) as EdgeRow[];
    // Positions go with the node (ON DELETE CASCADE); undo puts them back in every view.
    const placed = this.q.positionsOfNode.all(id) as Array<{ view_id: string; x: number; y: number }>;
    return {
      id,
      forward: [...edges.map((e) => ({ op: 'deleteEdge' as const, id: e.id })), { op: 'deleteNode', id }],
      backward: [
        { op: 'putNode', row: nodeToRow(node) },
        ...edges.map((row) => ({ op: 'putEdge' as const, row })),
        ...placed.map((p) => ({
          op: 'putPositions' as const,
          viewId: p.view_id,
          positions: [{ id, x: p.x, y: p.y }],
        })),
      ],
      summary: { action: 'delete', kind: node.kind, label: node.label },
    };
  }

  private addEdge(
    input: Extract<GraphOp, { op: 'addEdge' }>['edge'],
    id: string,
    times?: { createdAt: string },
  ): PlannedOp {
    const source = this.requireNode(input.source, ['source']);
    const target = this.requireNode(input.target, ['target']);
    checkEdgeKind(input.kind, source.kind, target.kind);
    if (input.source === input.target) {
      throw new WellspringError(
        'edge_kind_mismatch',
        'An edge cannot connect a node to itself.',
        ['target'],
        { key: 'errors.selfLoop' },
      );
    }
    if (this.q.edge.get(id))
      throw new WellspringError('invalid_input', `An edge with id ${id} exists.`, ['id'], {
        key: 'errors.edgeExists',
        params: { id },
      });
    if (this.q.edgeByKey.get(input.kind, input.source, input.target)) {
      throw new WellspringError(
        'duplicate_edge',
        `“${source.label}” already has a ${input.kind} edge to “${target.label}”.`,
        ['kind'],
        {
          key: 'errors.duplicateEdge',
          params: { kind: input.kind, source: source.label, target: target.label },
        },
      );
    }
    // A process step belongs to one process (DESIGN §3): its strength, place in the pipeline and workstation card
    // are those of that process. Moving it means removing the old part_of first, in the same operation list.
    type ProcessRef = { id: string; label: string } | undefined;
    if (input.kind === 'part_of' && source.kind === 'step') {
      const process = this.q.processOfStep.get(input.source) as ProcessRef;
      if (process !== undefined)
        throw new WellspringError(
          'invalid_input',
          `The step “${source.label}” is already part of the process “${process.label}”.`,
          ['source'],
          { key: 'errors.stepInOtherProcess', params: { step: source.label, process: process.label } },
        );
    }
    // `next` runs between steps of one process: a flow into another process's step would be drawn by neither.
    if (input.kind === 'next') {
      const from = this.q.processOfStep.get(input.source) as ProcessRef;
      const to = this.q.processOfStep.get(input.target) as ProcessRef;
      if (from && to && from.id !== to.id)
        throw new WellspringError(
          'invalid_input',
          `“${source.label}” (${from.label}) cannot lead to “${target.label}” (${to.label}): steps of different processes.`,
          ['target'],
          {
            key: 'errors.nextAcrossProcesses',
            params: { from: source.label, to: target.label, fromProcess: from.label, toProcess: to.label },
          },
        );
    }
    const props = validateEdgeProps(input.kind, input.props ?? DEFAULT_EDGE_PROPS[input.kind]);
    const row: EdgeRow = {
      id,
      kind: input.kind,
      source: input.source,
      target: input.target,
      props: JSON.stringify(props),
      created_at: times?.createdAt ?? nowIso(),
    };
    return {
      id,
      forward: [{ op: 'putEdge', row }],
      backward: [{ op: 'deleteEdge', id }],
      summary: { action: 'connect', kind: input.kind, label: `${source.label} → ${target.label}` },
    };
  }

  private updateEdge(id: string, propsIn: Record<string, unknown>): PlannedOp {
    const before = this.requireEdge(id);
    const props = validateEdgeProps(before.kind, propsIn);
    const after: EdgeRow = { ...before, props: JSON.stringify(props) };
    return {
      id,
      forward: [{ op: 'putEdge', row: after }],
      backward: [{ op: 'putEdge', row: before }],
      summary: { action: 'edit-edge', kind: before.kind, label: this.edgeEnds(before) },
    };
  }

  private deleteEdge(id: string): PlannedOp {
    const row = this.requireEdge(id);
    return {
      id,
      forward: [{ op: 'deleteEdge', id }],
      backward: [{ op: 'putEdge', row }],
      summary: { action: 'disconnect', kind: row.kind, label: this.edgeEnds(row) },
    };
  }

  /** Positions of nodes that exist; unknown node ids are skipped (a node deleted meanwhile). */
  private setPositions(viewId: string, positions: readonly PositionRow[]): PlannedOp {
    if (!this.q.view.get(viewId))
      throw new WellspringError('not_found', `No view with id ${viewId}.`, ['viewId'], {
        key: 'errors.viewNotFound',
        params: { id: viewId },
      });
    const kept: PositionRow[] = [];
    const previous: PositionRow[] = [];
    const unplaced: string[] = [];
    for (const p of positions) {
      if (!this.q.node.get(p.id)) continue;
      kept.push({ id: p.id, x: p.x, y: p.y });
      const old = this.q.position.get(viewId, p.id) as { x: number; y: number } | undefined;
      if (old) previous.push({ id: p.id, x: old.x, y: old.y });
      else unplaced.push(p.id);
    }
    const backward: RowOp[] = [];
    if (previous.length) backward.push({ op: 'putPositions', viewId, positions: previous });
    if (unplaced.length) backward.push({ op: 'deletePositions', viewId, ids: unplaced });
    return {
      id: viewId,
      forward: [{ op: 'putPositions', viewId, positions: kept }],
      backward,
      summary: { action: 'move', kind: '', label: '', count: kept.length },
    };
  }

  /** The node or a not_found error naming `path`. */
  requireNode(id: string, path: string[]): NodeDto {
    const row = this.q.node.get(id) as NodeRow | undefined;
    if (!row)
      throw new WellspringError('not_found', `No node with id ${id}.`, path, {
        key: 'errors.nodeNotFound',
        params: { id },
      });
    return nodeFromRow(row);
  }

  /** The edge row or a not_found error. */
  requireEdge(id: string): EdgeRow {
    const row = this.q.edge.get(id) as EdgeRow | undefined;
    if (!row)
      throw new WellspringError('not_found', `No edge with id ${id}.`, ['id'], {
        key: 'errors.edgeNotFound',
        params: { id },
      });
    return row;
  }

  private edgeEnds(row: EdgeRow): string {
    const label = (id: string) => (this.q.node.get(id) as NodeRow | undefined)?.label ?? id;
    return `${label(row.source)} → ${label(row.target)}`;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A leaving date further away than this is a typo (9999-12-31), not a plan: a working life is shorter. */
const LEAVING_HORIZON_YEARS = 50;

/**
 * An expert's expected leaving date (issue 8): when it is set or changed it must be a date that exists, written
 * YYYY-MM-DD, not before today (local calendar) — a leaving date already past says nothing about the future —
 * and at most LEAVING_HORIZON_YEARS ahead.
 * An unchanged date is let through, so an expert whose date has passed can still be edited otherwise.
 * @throws WellspringError invalid_input `errors.leavingDateMalformed` / `errors.leavingDateInPast` /
 *   `errors.leavingDateTooFar` naming the value
 */
function requireLeavingDate(value: unknown, before: unknown): void {
  if (value === undefined || value === before) return;
  const path = ['props', 'expectedLeaving'];
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const exists =
    typeof value === 'string' &&
    ISO_DATE.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!exists)
    throw new WellspringError(
      'invalid_input',
      `The leaving date “${text}” is not a date (YYYY-MM-DD).`,
      path,
      {
        key: 'errors.leavingDateMalformed',
        params: { value: text },
      },
    );
  const today = localToday();
  if (value < today)
    throw new WellspringError(
      'invalid_input',
      `The leaving date ${value} is in the past (today is ${today}).`,
      path,
      { key: 'errors.leavingDateInPast', params: { value, today } },
    );
  const latest = `${Number(today.slice(0, 4)) + LEAVING_HORIZON_YEARS}${today.slice(4)}`;
  if (value > latest)
    throw new WellspringError(
      'invalid_input',
      `The leaving date ${value} is more than ${LEAVING_HORIZON_YEARS} years away (latest ${latest}).`,
      path,
      { key: 'errors.leavingDateTooFar', params: { value, latest } },
    );
}
