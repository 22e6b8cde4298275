import type { EdgeDto, GraphDto, GraphOp, NodeDto } from '../../../preload/contract';
import { conditionHolds, rowView, sourceColumns } from './cell-values';
import type { ImportMapping, NodeMapping, ValueSource } from './mapping';
import { problem, type ImportProblem } from './messages';
import { NameIndex } from './name-index';
import { EdgePlanner } from './plan-edges';
import { NodePlanner, type ImportDuplicate } from './plan-nodes';
import type { Table, TableRow, TableSheet } from './table';

export type { ImportDuplicate } from './plan-nodes';
export type { ImportProblem } from './messages';

/** Counts of one node or edge kind in a plan. */
export interface KindCounts {
  new: number;
  updated: number;
  unchanged: number;
}

/** What an import would do: the dry-run summary. */
export interface ImportSummary {
  /** Data rows read (after the header). */
  rows: number;
  newNodes: number;
  updatedNodes: number;
  /** Workspace nodes the file names but does not change. */
  unchangedNodes: number;
  newEdges: number;
  updatedEdges: number;
  unchangedEdges: number;
  /** Rows whose label or alias matched a workspace node or an earlier row: updated or merged, not duplicated. */
  duplicates: ImportDuplicate[];
  /** Per node kind and per edge kind (the two sets of names do not overlap). */
  byKind: Record<string, KindCounts>;
}

/**
 * An import plan. `ops` is the one operation list for `GraphStore.apply` — empty whenever `problems` is not:
 * nothing is imported until the input is clean. The summary counts what the rows without problems would do.
 */
export interface ImportPlan {
  fileName: string;
  /** The sheet read (for CSV/TSV the file's name without its extension). */
  sheet: string;
  ops: GraphOp[];
  summary: ImportSummary;
  /** Sorted by line (0, the file or mapping as a whole, first). */
  problems: ImportProblem[];
}

/**
 * Plans the import of a table into the graph `graph` by `mapping` — a pure function: nothing is written.
 *
 * 1. The sheet (`mapping.sheet`, else the first) and its header (`mapping.headerRow`, default the first row);
 *    every column the mapping names must be in the header once, and no column may feed two fields of one node
 *    or edge mapping — problems on the header's line, and then no row is read.
 * 2. Every row: its field count must be the header's (CSV/TSV; an XLSX row may be shorter, never longer with
 *    values), then each node mapping gives a node (NodePlanner: identity by id or by label/alias, values
 *    converted by the kind's NODE_PROPS, repeats merged).
 * 3. Every row again: each edge mapping gives edges (EdgePlanner), now that all the file's nodes are known.
 * 4. Operations: new and changed nodes, then edges; each validated with the write path's schemas.
 *
 * @param table from readTable
 * @param mapping from parseMapping
 * @param graph the workspace's graph (GraphStore.getGraph()), for matching and the model's rules
 */
export function planImport(table: Table, mapping: ImportMapping, graph: GraphDto): ImportPlan {
  const steps = planSteps(table, mapping, graph);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Rows planned between two progress reports of planImportAsync (and checks of its abort signal). */
const PLAN_CHUNK_ROWS = 5000;

/** Progress and Cancel of planImportAsync. */
export interface PlanProgress {
  /** Called between chunks: rows done of `total` (every row is visited twice: once for nodes, once for edges). */
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks; when aborted the plan stops and rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * planImport in chunks of 5,000 rows with a turn of the event loop in between, so that a big file (100k rows plan
 * in about a second) neither blocks the process that serves the UI nor ignores a Cancel. Same result as planImport.
 * @throws the signal's reason when `progress.signal` is aborted
 */
export async function planImportAsync(
  table: Table,
  mapping: ImportMapping,
  graph: GraphDto,
  progress: PlanProgress = {},
): Promise<ImportPlan> {
  progress.signal?.throwIfAborted();
  const steps = planSteps(table, mapping, graph);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    progress.onProgress?.(next.value.done, next.value.total);
    await new Promise<void>((resolve) => setImmediate(resolve));
    progress.signal?.throwIfAborted();
  }
}

/** The work of planImport, pausing (yielding rows done of total) every PLAN_CHUNK_ROWS rows of either pass. */
function* planSteps(
  table: Table,
  mapping: ImportMapping,
  graph: GraphDto,
): Generator<{ done: number; total: number }, ImportPlan> {
  const problems: ImportProblem[] = [];
  const sheet = pickSheet(table, mapping, problems);
  const plan = (rows: number): ImportPlan => ({
    fileName: table.fileName,
    sheet: sheet?.name ?? mapping.sheet ?? '',
    ops: [],
    summary: emptySummary(rows),
    problems: sortProblems(problems),
  });
  if (!sheet) return plan(0);
  const framed = frame(sheet, mapping.headerRow ?? 1, problems);
  if (!framed) return plan(0);
  const { header, headerLine, rows } = framed;
  problems.push(...sheet.problems.filter((p) => p.line > headerLine));
  const columns = checkColumns(header, headerLine, mapping, problems);
  if (!columns) return plan(rows.length);

  const existingNodes = new Map<string, NodeDto>(graph.nodes.map((n) => [n.id, n]));
  const existingEdges = new Map<string, EdgeDto>(
    graph.edges.map((e) => [`${e.kind}\u0000${e.source}\u0000${e.target}`, e]),
  );
  const names = new NameIndex();
  for (const n of graph.nodes) names.add(n.kind, n.id, n.label, n.aliases, true);
  const nodes = new NodePlanner(existingNodes, names, problems);
  const edges = new EdgePlanner(nodes, names, existingEdges, problems);

  const strict = table.format !== 'xlsx';
  const nodeMappings = mapping.nodes ?? [];
  const edgeMappings = mapping.edges ?? [];
  // Per row read: its cells and the node id each node mapping gave (by mapping index), for the edge pass.
  const kept: Array<{ line: number; cells: string[]; given: Array<string | undefined> }> = [];
  const total = rows.length * (edgeMappings.length ? 2 : 1);
  let done = 0;
  for (const row of rows) {
    if (++done % PLAN_CHUNK_ROWS === 0) yield { done, total };
    const cells = fitCells(row, header.length, strict, problems);
    if (!cells) continue;
    const view = rowView(row.line, cells, columns);
    const given = nodeMappings.map((m) =>
      conditionHolds(m.when, view) ? nodes.planRow(m, view) : undefined,
    );
    if (edgeMappings.length) kept.push({ line: row.line, cells, given });
  }
  const mappingNames = nodeMappings.map((m) => m.name);
  done = rows.length;
  for (const { line, cells, given } of kept) {
    if (++done % PLAN_CHUNK_ROWS === 0) yield { done, total };
    const view = rowView(line, cells, columns);
    const byName = new Map<string, string>();
    given.forEach((id, i) => {
      if (id !== undefined) byName.set(mappingNames[i]!, id);
    });
    for (const m of edgeMappings) edges.planRow(m, view, byName);
  }

  const nodeOps = nodes.ops();
  const edgeOps = edges.ops();
  const summary = emptySummary(rows.length);
  summary.duplicates = nodes.duplicates;
  const count = (kinds: readonly string[], what: keyof KindCounts) => {
    for (const k of kinds) (summary.byKind[k] ??= { new: 0, updated: 0, unchanged: 0 })[what]++;
  };
  count(nodeOps.added, 'new');
  count(nodeOps.updated, 'updated');
  count(nodeOps.unchanged, 'unchanged');
  count(edgeOps.added, 'new');
  count(edgeOps.updated, 'updated');
  count(edgeOps.unchanged, 'unchanged');
  summary.newNodes = nodeOps.added.length;
  summary.updatedNodes = nodeOps.updated.length;
  summary.unchangedNodes = nodeOps.unchanged.length;
  summary.newEdges = edgeOps.added.length;
  summary.updatedEdges = edgeOps.updated.length;
  summary.unchangedEdges = edgeOps.unchanged.length;
  return {
    ...plan(rows.length),
    summary,
    ops: problems.length === 0 ? [...nodeOps.ops, ...edgeOps.ops] : [],
    problems: sortProblems(problems),
  };
}

function emptySummary(rows: number): ImportSummary {
  return {
    rows,
    newNodes: 0,
    updatedNodes: 0,
    unchangedNodes: 0,
    newEdges: 0,
    updatedEdges: 0,
    unchangedEdges: 0,
    duplicates: [],
    byKind: {},
  };
}

function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  // Array.prototype.sort is stable: problems of one line keep the order they were found in.
  return [...problems].sort((a, b) => a.line - b.line);
}

function pickSheet(table: Table, mapping: ImportMapping, problems: ImportProblem[]): TableSheet | undefined {
  if (table.format !== 'xlsx' || mapping.sheet === undefined) return table.sheets[0];
  const found = table.sheets.find((s) => s.name === mapping.sheet);
  if (!found) {
    const sheets = table.sheets.map((s) => s.name).join(', ');
    problems.push(
      problem(
        0,
        'sheetNotFound',
        `${table.fileName} has no sheet “${mapping.sheet}” (its sheets: ${sheets}).`,
        {
          file: table.fileName,
          sheet: mapping.sheet,
          sheets,
        },
      ),
    );
  }
  return found;
}

/** The header and the data rows when the header is not the sheet's first row. */
function frame(
  sheet: TableSheet,
  headerRow: number,
  problems: ImportProblem[],
): { header: string[]; headerLine: number; rows: TableRow[] } | undefined {
  if (sheet.header.length === 0) {
    problems.push(
      problem(0, 'emptySheet', `The sheet “${sheet.name}” has no header row.`, { sheet: sheet.name }),
    );
    return undefined;
  }
  if (headerRow === 1) return { header: sheet.header, headerLine: sheet.headerLine, rows: sheet.rows };
  const at = sheet.rows[headerRow - 2];
  if (!at) {
    problems.push(
      problem(
        0,
        'headerRowMissing',
        `The sheet “${sheet.name}” has no row ${headerRow} to read the header from.`,
        {
          sheet: sheet.name,
          row: headerRow,
        },
      ),
    );
    return undefined;
  }
  return { header: at.cells, headerLine: at.line, rows: sheet.rows.slice(headerRow - 1) };
}

/**
 * The column index of every header name, after checking that each column the mapping names is in the header
 * exactly once and that no column feeds two fields of one mapping. Undefined (problems listed) when not.
 */
function checkColumns(
  header: readonly string[],
  line: number,
  mapping: ImportMapping,
  problems: ImportProblem[],
): Map<string, number> | undefined {
  const columns = new Map<string, number>();
  const twice = new Set<string>();
  header.forEach((h, i) => {
    const name = h.trim();
    if (!name) return;
    if (columns.has(name)) twice.add(name);
    else columns.set(name, i);
  });
  const before = problems.length;
  const named = new Set<string>();
  const field = (owner: string, what: string, source: ValueSource | undefined, used: Map<string, string>) => {
    for (const c of sourceColumns(source)) {
      named.add(c);
      const first = used.get(c);
      const here = `${owner}.${what}`;
      if (first !== undefined)
        problems.push(
          problem(
            line,
            'columnMappedTwice',
            `The column “${c}” is mapped twice: to ${first} and to ${here}.`,
            {
              column: c,
              first,
              second: here,
            },
            c,
          ),
        );
      else used.set(c, here);
    }
  };
  for (const m of mapping.nodes ?? []) {
    const used = new Map<string, string>();
    if (typeof m.kind !== 'string') field(m.name, 'kind', { column: m.kind.column }, used);
    for (const f of ['id', 'label', 'aliases', 'description', 'tags'] as const)
      field(m.name, f, (m as NodeMapping)[f], used);
    for (const [k, s] of Object.entries(m.props ?? {})) field(m.name, k, s, used);
    for (const c of [...(m.when?.filled ?? []), ...(m.when?.empty ?? [])]) named.add(c);
  }
  (mapping.edges ?? []).forEach((e, i) => {
    const used = new Map<string, string>();
    for (const [k, s] of Object.entries(e.props ?? {})) field(`edges[${i}]`, k, s, used);
    for (const end of [e.source, e.target]) if (end.column !== undefined) named.add(end.column);
    for (const c of [...(e.when?.filled ?? []), ...(e.when?.empty ?? [])]) named.add(c);
  });
  for (const c of named) {
    if (!columns.has(c))
      problems.push(
        problem(
          line,
          'missingColumn',
          `The mapping names a column “${c}” that the header does not have.`,
          {
            column: c,
          },
          c,
        ),
      );
    else if (twice.has(c))
      problems.push(
        problem(line, 'duplicateHeader', `The header has two columns called “${c}”.`, { column: c }, c),
      );
  }
  return problems.length === before ? columns : undefined;
}

/**
 * The row's cells, as many as the header has: CSV/TSV rows must have exactly that many fields; an XLSX row's
 * missing trailing cells are empty, and values beyond the header's last column are a problem.
 */
function fitCells(
  row: TableRow,
  width: number,
  strict: boolean,
  problems: ImportProblem[],
): string[] | undefined {
  const n = row.cells.length;
  const extra = row.cells.slice(width).some((c) => c.trim() !== '');
  if ((strict && n !== width) || extra) {
    problems.push(
      problem(row.line, 'fieldCount', `This row has ${n} fields; the header has ${width}.`, {
        count: n,
        expected: width,
      }),
    );
    return undefined;
  }
  if (n >= width) return n === width ? row.cells : row.cells.slice(0, width);
  return [...row.cells, ...new Array<string>(width - n).fill('')];
}
