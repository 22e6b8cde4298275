import {
  DEFAULT_EDGE_PROPS,
  EDGE_PROPS,
  NODE_KINDS,
  allowedEdgeKinds,
  type EdgeDto,
  type EdgeKind,
  type GraphOp,
} from '../../../preload/contract';
import { validateEdgeProps } from '../graph/validate';
import { isWellspringError } from '../util/errors';
import {
  conditionHolds,
  propSchema,
  propValueOf,
  sourceColumns,
  splitList,
  type RowView,
} from './cell-values';
import type { EdgeEnd, EdgeMapping } from './mapping';
import { problem, type ImportProblem } from './messages';
import type { MatchedBy, NameIndex } from './name-index';
import { conversionProblem, type NodePlanner } from './plan-nodes';

/** An edge the import will add or update. */
interface PlannedEdge {
  kind: EdgeKind;
  source: string;
  target: string;
  /** The props the file gives (converted, before defaults). */
  props: Record<string, unknown>;
  line: number;
  existing?: EdgeDto;
}

/** What an edge plan adds to the import: its operations and counts by edge kind. */
export interface EdgeOps {
  ops: GraphOp[];
  added: EdgeKind[];
  updated: EdgeKind[];
  unchanged: EdgeKind[];
  /** Rows that named an edge an earlier row had already planned (same kind and ends, same props). */
  repeated: number;
}

/**
 * Collects the edges of an import (pass 2 of planImport, once every row's nodes are known, so an end may name a
 * node a later row gives) and turns them into operations.
 *
 * Per row and edge mapping: ends are the nodes the row's node mappings gave (`node`) or those a cell names
 * (`column`, looked up by id, label or alias among the file's and the workspace's nodes); an empty cell or an end
 * whose node mapping gave nothing on this row means no edge. Problems: a name that matches no node or several, an
 * edge the model forbids between the ends' kinds (EDGE_RULES), a self loop, a prop that does not convert, and the
 * same edge given with other props on another row. An edge the workspace has already is updated when its props
 * differ (merged over the existing ones), else left as it is.
 */
export class EdgePlanner {
  private readonly edges = new Map<string, PlannedEdge>();
  private repeated = 0;

  constructor(
    private readonly nodes: NodePlanner,
    private readonly names: NameIndex,
    private readonly existing: ReadonlyMap<string, EdgeDto>,
    private readonly problems: ImportProblem[],
  ) {}

  /** The edge mapping `m` on one row, whose node mappings gave `rowNodes` (mapping name → node id). */
  planRow(m: EdgeMapping, row: RowView, rowNodes: ReadonlyMap<string, string>): void {
    if (!conditionHolds(m.when, row)) return;
    const sources = this.resolve(m.source, row, rowNodes);
    const targets = this.resolve(m.target, row, rowNodes);
    if (!sources || !targets) return;
    const props = this.propsOfRow(m, row);
    if (!props) return;
    for (const source of sources)
      for (const target of targets) this.add(m.kind, source, target, props, row.line);
  }

  private add(
    kind: EdgeKind,
    source: string,
    target: string,
    props: Record<string, unknown>,
    line: number,
  ): void {
    const sk = this.nodes.kindOf(source)!;
    const tk = this.nodes.kindOf(target)!;
    if (source === target) {
      const label = this.nodes.labelOf(source);
      this.problems.push(
        problem(line, 'selfLoop', `The ${kind} connection would connect “${label}” to itself.`, {
          kind,
          label,
        }),
      );
      return;
    }
    if (!allowedEdgeKinds(sk, tk).includes(kind)) {
      this.problems.push(
        problem(line, 'edgeNotAllowed', `A ${kind} connection cannot go from a ${sk} to a ${tk}.`, {
          kind,
          source: sk,
          target: tk,
        }),
      );
      return;
    }
    const key = `${kind}\u0000${source}\u0000${target}`;
    const planned = this.edges.get(key);
    if (planned) {
      if (JSON.stringify(planned.props) === JSON.stringify(props)) this.repeated++;
      else {
        const [s, t] = [this.nodes.labelOf(source), this.nodes.labelOf(target)];
        this.problems.push(
          problem(
            line,
            'conflictingEdge',
            `The ${kind} connection “${s}” → “${t}” has other values on line ${planned.line}.`,
            { kind, source: s, target: t, first: planned.line },
          ),
        );
      }
      return;
    }
    const edge: PlannedEdge = { kind, source, target, props, line };
    const existing = this.existing.get(key);
    if (existing) edge.existing = existing;
    this.edges.set(key, edge);
  }

  /** The node ids an end stands for on a row; undefined for none (nothing to connect) or a problem (listed). */
  private resolve(end: EdgeEnd, row: RowView, rowNodes: ReadonlyMap<string, string>): string[] | undefined {
    if (end.node !== undefined) {
      const id = rowNodes.get(end.node);
      return id === undefined ? undefined : [id];
    }
    const column = end.column!;
    const cell = row.cell(column).trim();
    if (cell === '') return undefined;
    const values = end.separator ? splitList(cell, end.separator) : [cell];
    const ids: string[] = [];
    for (const value of values) {
      const found = this.lookUp(value, end);
      if (found.length === 1) {
        ids.push(found[0]!);
        continue;
      }
      if (found.length === 0)
        this.problems.push(
          problem(
            row.line,
            'endMissing',
            `No node matches “${value}” (column “${column}”), in the file or in the workspace.`,
            { value, column },
            column,
          ),
        );
      else {
        const labels = found
          .slice(0, 5)
          .map((id) => `${this.nodes.labelOf(id)} (${id})`)
          .join(', ');
        this.problems.push(
          problem(
            row.line,
            'endAmbiguous',
            `“${value}” (column “${column}”) matches ${found.length} nodes: ${labels}.`,
            { value, column, count: found.length, labels },
            column,
          ),
        );
      }
      return undefined;
    }
    return ids.length ? ids : undefined;
  }

  /** Node ids a cell value names: by id, or by label then alias (`label`), or alias then label (`alias`). */
  private lookUp(value: string, end: EdgeEnd): string[] {
    const kinds = end.kind ? [end.kind] : NODE_KINDS;
    if (end.match === 'id') {
      const kind = this.nodes.kindOf(value);
      return kind && kinds.includes(kind) ? [value] : [];
    }
    const order: MatchedBy[] = end.match === 'alias' ? ['alias', 'label'] : ['label', 'alias'];
    for (const by of order) {
      const ids = new Set(kinds.flatMap((k) => this.names.find(k, value, by)));
      if (ids.size) return [...ids];
    }
    return [];
  }

  private propsOfRow(m: EdgeMapping, row: RowView): Record<string, unknown> | undefined {
    const props: Record<string, unknown> = {};
    let ok = true;
    for (const [key, source] of Object.entries(m.props ?? {})) {
      const schema = propSchema(EDGE_PROPS[m.kind], key)!;
      const r = propValueOf(source, schema, row);
      if (r === undefined) continue;
      if ('fault' in r) {
        this.problems.push(conversionProblem(row.line, sourceColumns(source)[0] ?? key, r));
        ok = false;
      } else props[key] = r.value;
    }
    return ok ? props : undefined;
  }

  /**
   * The operations of every planned edge, after the nodes' (so `addEdge` may name a node the same list adds):
   * props over DEFAULT_EDGE_PROPS (new) or the existing props, validated with EDGE_PROPS as the write path does.
   */
  ops(): EdgeOps {
    const out: EdgeOps = { ops: [], added: [], updated: [], unchanged: [], repeated: this.repeated };
    for (const e of this.edges.values()) {
      const base = e.existing ? e.existing.props : DEFAULT_EDGE_PROPS[e.kind];
      let props: Record<string, unknown>;
      try {
        props = validateEdgeProps(e.kind, { ...base, ...e.props });
      } catch (err) {
        if (!isWellspringError(err)) throw err;
        this.problems.push({
          line: e.line,
          reason: `${this.nodes.labelOf(e.source)} → ${this.nodes.labelOf(e.target)}: ${err.message}`,
          key: err.key ?? 'errors.invalidInput',
          params: err.params ?? { field: String(err.path[1] ?? '') },
        });
        continue;
      }
      if (!e.existing) {
        out.ops.push({ op: 'addEdge', edge: { kind: e.kind, source: e.source, target: e.target, props } });
        out.added.push(e.kind);
      } else if (JSON.stringify(sorted(props)) !== JSON.stringify(sorted(e.existing.props))) {
        out.ops.push({ op: 'updateEdge', id: e.existing.id, props });
        out.updated.push(e.kind);
      } else out.unchanged.push(e.kind);
    }
    return out;
  }
}

function sorted(o: Record<string, unknown>): Array<[string, unknown]> {
  return Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
