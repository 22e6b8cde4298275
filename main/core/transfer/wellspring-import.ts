import { isDeepStrictEqual } from 'node:util';
import {
  GraphOp,
  MAP_VIEW_ID,
  type GraphDto,
  type MessageParams,
  type NodeDto,
  type NodeKind,
} from '../../../preload/contract';
import { validateNodeProps } from '../graph/validate';
import { isWellspringError } from '../util/errors';
import { localToday } from '../util/clock';
import { foldText } from '../util/text';
import { exportMessage, type ExportMessageKey } from './messages';
import { validInstant, type ExportedNode, type ExportedView } from './wellspring-format';
import { formatJsonPath, parseWellspringJson } from './wellspring-json';
import type { JsonPathStep } from './json-locator';
import { planEdges, type PlanCounts } from './plan-edges';

export type { PlanCounts } from './plan-edges';

/**
 * Something in an imported file that is not imported as it stands, found before anything is written: the line
 * (1-based) and JSON path of the member at fault (`nodes[12]`), the reason in English, and its translation
 * (`key` of transfer:export.errors.*, `params` always with `file`, `line` and `path`).
 */
export interface ImportProblem {
  line?: number;
  path: string;
  reason: string;
  key: string;
  params: MessageParams;
}

/**
 * A view of the file and the positions the import writes into it (of nodes the import keeps or that exist); for
 * the knowledge map none: its positions are in the plan's `ops` already.
 */
export interface PlannedView {
  view: Omit<ExportedView, 'positions'>;
  positions: ExportedView['positions'];
}

/**
 * What importing a Wellspring JSON file into a workspace would do, computed without writing anything:
 * - `ops`: GraphOps for GraphStore.apply, in this order: `addNode` with the file's ids (or `updateNode` for an id
 *   that exists with other content: label, aliases, description, tags and props replaced, props the file lacks
 *   removed), then `addEdge` with the file's ids (or `updateEdge` for new props), then the knowledge map's
 *   `setPositions`. Elements that exist with the same content get no operation.
 * - `views`: every view of the file with its settings, and the positions of the views other than the map. Views
 *   are not graph rows: applyWellspringJsonPlan finds or creates each and adds its `setPositions` to the same
 *   operation list.
 * - `summary`: counts, and the file's workspace name and export time.
 * - `problems`: everything skipped or changed, each naming its line (duplicate ids, edges to nodes that are
 *   neither in the file nor in the workspace, an id that exists as another kind, props that do not fit their kind,
 *   edges the rules refuse, a leaving date that has passed — dropped, as the store refuses past dates — and ids
 *   that exist with other content, which become updates).
 * Creation and change times are in the file but are not restored: the write path dates what it adds (now).
 */
export interface WellspringJsonPlan {
  ops: GraphOp[];
  views: PlannedView[];
  summary: {
    workspaceName: string;
    exportedAt: string;
    nodes: PlanCounts;
    edges: PlanCounts;
    /** Positions the plan writes, in every view together (the map's that are where they are already excepted). */
    positions: number;
  };
  problems: ImportProblem[];
}

const counts = (): PlanCounts => ({ add: 0, update: 0, unchanged: 0, skipped: 0 });

/**
 * Plans the import of a Wellspring JSON export (parseWellspringJson) into a workspace whose graph is `graph`
 * (GraphStore.getGraph(), empty for a new workspace). Pure: the plan is applied with applyWellspringJsonPlan (apply-import.ts), or
 * its `ops` with GraphStore.apply, as one transaction and one undo step. What the plan keeps passes the write
 * path's checks (kinds, props, edge rules, one process per step, unique process names), so applying it does not
 * fail on the file's content.
 * @throws WellspringError of parseWellspringJson when the file itself cannot be read
 */
export function planWellspringJsonImport(
  text: string,
  fileName: string,
  graph: GraphDto,
): WellspringJsonPlan {
  const { doc, locator } = parseWellspringJson(text, fileName);
  const problems: ImportProblem[] = [];
  const problem = (
    path: JsonPathStep[],
    name: ExportMessageKey,
    reason: string,
    extra: MessageParams = {},
  ): void => {
    const line = locator.lineOf(path);
    const where = formatJsonPath(path);
    const params = { file: fileName, line, path: where, ...extra };
    const m = exportMessage(name, params);
    problems.push({
      line,
      path: where,
      reason: `${fileName}, line ${line}: ${where}: ${reason}`,
      key: m.key,
      params,
    });
  };

  const existingNodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const existingEdges = new Map(graph.edges.map((e) => [e.id, e]));
  const nodeOps: GraphOp[] = [];
  const nodeCounts = counts();
  // Node kind of every node there will be after the import: those of the workspace, then those the file keeps.
  const kindAfter = new Map<string, NodeKind>(graph.nodes.map((n) => [n.id, n.kind]));
  const labelAfter = new Map<string, string>(graph.nodes.map((n) => [n.id, n.label]));
  const seenNodes = new Map<string, number>();
  const processNames = new Map<string, string>(
    graph.nodes.filter((n) => n.kind === 'process').map((n) => [foldName(n.label), n.id]),
  );
  const today = localToday();

  doc.nodes.forEach((n, i) => {
    const at: JsonPathStep[] = ['nodes', i];
    const first = seenNodes.get(n.id);
    if (first !== undefined) {
      nodeCounts.skipped++;
      return problem(
        at,
        'transfer:export.errors.duplicateId',
        `the id ${n.id} is used twice; this one is skipped.`,
        {
          id: n.id,
          first: locator.lineOf(['nodes', first]),
        },
      );
    }
    seenNodes.set(n.id, i);
    const before = existingNodes.get(n.id);
    if (before && before.kind !== n.kind) {
      nodeCounts.skipped++;
      return problem(
        at,
        'transfer:export.errors.kindChanged',
        `${n.id} is a ${before.kind} in the workspace, a ${n.kind} in the file; skipped.`,
        { id: n.id, existing: before.kind, kind: n.kind },
      );
    }
    let props = n.props;
    const leaving = props.expectedLeaving;
    if (
      n.kind === 'expert' &&
      typeof leaving === 'string' &&
      leaving < today &&
      leaving !== before?.props.expectedLeaving
    ) {
      const { expectedLeaving: _, ...rest } = props;
      props = rest;
      problem(
        [...at, 'props', 'expectedLeaving'],
        'transfer:export.errors.leavingDatePassed',
        `the leaving date ${leaving} of “${n.label}” has passed; it is not imported.`,
        { label: n.label, value: leaving },
      );
    }
    try {
      props = validateNodeProps(n.kind, props);
    } catch (e) {
      if (!isWellspringError(e)) throw e;
      nodeCounts.skipped++;
      return problem([...at, ...e.path], 'transfer:export.errors.badProps', `${e.message} Skipped.`, {
        kind: n.kind,
      });
    }
    if (n.kind === 'process') {
      const owner = processNames.get(foldName(n.label));
      if (owner !== undefined && owner !== n.id) {
        nodeCounts.skipped++;
        return problem(
          [...at, 'label'],
          'transfer:export.errors.processNameTaken',
          `a process called “${n.label}” exists already; skipped.`,
          { label: n.label },
        );
      }
    }
    const op = nodeOp(n, props, before);
    if (op === null) nodeCounts.unchanged++;
    else {
      const checked = GraphOp.safeParse(op);
      if (!checked.success) {
        const issue = checked.error.issues[0]!;
        nodeCounts.skipped++;
        // The op's node or patch mirrors the file's node: its field path is the file's path.
        const field = issue.path.slice(2).map((p) => (typeof p === 'number' ? p : String(p)));
        return problem([...at, ...field], 'transfer:export.errors.badNode', `${issue.message}; skipped.`);
      }
      nodeOps.push(checked.data);
      if (op.op === 'addNode') nodeCounts.add++;
      else {
        nodeCounts.update++;
        problem(
          at,
          'transfer:export.errors.updatesExisting',
          `“${n.label}” exists with other content; it is updated.`,
          {
            id: n.id,
            label: n.label,
          },
        );
      }
    }
    kindAfter.set(n.id, n.kind);
    labelAfter.set(n.id, n.label);
    if (n.kind === 'process') processNames.set(foldName(n.label), n.id);
  });

  const edgeCounts = counts();
  const edgeOps = planEdges(
    doc.edges,
    graph.edges,
    existingEdges,
    kindAfter,
    labelAfter,
    edgeCounts,
    problem,
  );

  const known = (id: string) => kindAfter.has(id);
  const views: PlannedView[] = [];
  const positionOps: GraphOp[] = [];
  let positions = 0;
  for (const { positions: all, ...view } of doc.views) {
    const kept = all.filter((p) => known(p.id));
    if (view.kind === 'map') {
      // Where a node is on the map already, its position needs no operation.
      const moved = kept.filter((p) => {
        const n = existingNodes.get(p.id);
        return !(n && n.x === p.x && n.y === p.y);
      });
      positions += moved.length;
      if (moved.length) positionOps.push({ op: 'setPositions', viewId: MAP_VIEW_ID, positions: moved });
      views.push({ view, positions: [] });
    } else {
      positions += kept.length;
      views.push({ view, positions: kept });
    }
  }

  return {
    ops: [...nodeOps, ...edgeOps, ...positionOps],
    views,
    summary: {
      workspaceName: doc.workspace.name,
      exportedAt: doc.exportedAt,
      nodes: nodeCounts,
      edges: edgeCounts,
      positions,
    },
    problems,
  };
}

/** The operation that makes the workspace's node `before` (absent: none) what the file says, or null when it is. */
function nodeOp(
  n: ExportedNode,
  props: Record<string, unknown>,
  before: NodeDto | undefined,
): GraphOp | null {
  if (!before)
    return {
      op: 'addNode',
      id: n.id,
      node: {
        kind: n.kind,
        label: n.label,
        ...(n.aliases.length ? { aliases: n.aliases } : {}),
        ...(n.description ? { description: n.description } : {}),
        ...(n.tags.length ? { tags: n.tags } : {}),
        props,
      },
      // The file's times, so the inventory's history survives the round trip (an empty or broken time: now).
      ...(validInstant(n.createdAt)
        ? {
            times: {
              createdAt: n.createdAt,
              ...(validInstant(n.updatedAt) ? { updatedAt: n.updatedAt } : {}),
            },
          }
        : {}),
    };
  const same =
    before.label === n.label &&
    isDeepStrictEqual(before.aliases, n.aliases) &&
    before.description === n.description &&
    isDeepStrictEqual(before.tags, n.tags) &&
    isDeepStrictEqual(sortKeys(before.props), sortKeys(props));
  if (same) return null;
  // Props are merged by the store: a key the file lacks is removed with null.
  const patchProps: Record<string, unknown> = { ...props };
  for (const k of Object.keys(before.props)) if (!(k in props)) patchProps[k] = null;
  return {
    op: 'updateNode',
    id: n.id,
    patch: {
      label: n.label,
      aliases: n.aliases,
      description: n.description,
      tags: n.tags,
      props: patchProps,
    },
  };
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function foldName(label: string): string {
  return foldText(label).trim();
}

/**
 * The problems of a plan that keep it from being applied: all but `updatesExisting` — an id that exists with other
 * content is an update the summary counts (`nodes.update`), as a spreadsheet's changed rows are, and is said, not
 * refused. Duplicate ids, unknown kinds, edges to missing nodes … block.
 */
export function blockingProblems(plan: WellspringJsonPlan): WellspringJsonPlan['problems'] {
  return plan.problems.filter((p) => p.key !== 'transfer:export.errors.updatesExisting');
}
