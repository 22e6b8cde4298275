import { randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  IMPORT_LISTED,
  IMPORT_MAX_BYTES,
  IMPORT_PREVIEW_CELL,
  IMPORT_PREVIEW_ROWS,
  type EventPayload,
  type GraphOp,
  type ImportApplied,
  type ImportFormat,
  type ImportMapping,
  type ImportPlanDto,
  type ImportProblemDto,
  type ImportSession,
} from '../../../preload/contract';
import type { GraphStore } from '../graph/graph-store';
import type { ViewStore } from '../graph/view-store';
import { applyWellspringJsonPlan } from '../transfer/apply-import';
import {
  blockingProblems,
  planWellspringJsonImport,
  type WellspringJsonPlan,
} from '../transfer/wellspring-import';
import { parseWellspringJson } from '../transfer/wellspring-json';
import { TEXT_ENCODINGS } from '../util/text-encoding';
import { applyImport } from './apply';
import { importError, type ImportProblem } from './messages';
import { planImportAsync, type ImportPlan } from './plan';
import { readTable } from './read-table';
import type { Table, TableRow, TableSheet } from './table';

/** What the sessions need of the open workspace (read at every call: a workspace opened since is the one used). */
export interface ImportSessionDeps {
  store: () => GraphStore;
  views: () => ViewStore;
  /** Sends `import:did-progress`. */
  progress: (p: EventPayload<'import:did-progress'>) => void;
  /** Sessions kept at once (default 4): opening one more closes the least recently used. */
  maxSessions?: number;
}

/** Files from this size on report the start of each phase, so that the wizard shows its bar at once. */
const ANNOUNCE_BYTES = 256 * 1024;
/** A Wellspring export says so near its start (`"format": "wellspring"`, wellspring-format.ts). */
const WELLSPRING_MARK = /"format"\s*:\s*"wellspring"/;

interface Session {
  id: string;
  fileName: string;
  bytes: Buffer;
  format: ImportFormat;
  /** CSV/TSV: what the user chose (undefined: detect). */
  encoding?: string;
  delimiter?: string;
  sheet: string | null;
  headerRow: number;
  /** Tables: as read with the settings above. */
  table: Table | null;
  /** Wellspring JSON: the text. */
  json: string | null;
  /** The read, plan or write under way. */
  job: AbortController | null;
  lastUsed: number;
}

/**
 * The import wizard's sessions (issue 10 §1): a picked file's bytes held in main between the wizard's steps, read
 * into a table (readTable) with the detected or chosen encoding and delimiter, previewed, planned (planImportAsync:
 * a dry run against the workspace as it is) and applied (applyImport: ONE GraphStore.apply, one undo step). A
 * Wellspring JSON export is planned and applied by main/core/transfer instead and needs no mapping.
 *
 * Nothing is written before `apply`, and `apply` plans again against the current workspace and writes only a
 * clean plan. One job runs per session: starting another (a re-plan after an edit of the mapping) cancels the one
 * under way; `cancel` stops it (its call rejects with `cancelled`). At most `maxSessions` are kept; `clear` drops
 * them all (the workspace changed).
 */
export class ImportSessions {
  private readonly sessions = new Map<string, Session>();
  private clock = 0;

  constructor(private readonly deps: ImportSessionDeps) {}

  /**
   * Opens a session on a file's bytes (base64 from the renderer).
   * @param requestedId the id the caller chose (so it can cancel this read), else a new one
   * @throws WellspringError invalid_input `fileTooBig` (over IMPORT_MAX_BYTES), `badBase64`, `sessionTaken`; the
   *   errors of readTable (`emptyFile`, `notSpreadsheet` …) and of parseWellspringJson; `cancelled`
   */
  async open(fileName: string, base64: string, requestedId?: string): Promise<ImportSession> {
    const name = path.basename(fileName);
    // Decoded size from the base64 length, before decoding: a file over the limit costs nothing.
    const size =
      Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
    if (size > IMPORT_MAX_BYTES) throw fileTooBig(name, size);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 === 1)
      throw importError(
        'invalid_input',
        'badBase64',
        `${name} did not arrive whole (its data is not base64).`,
        {
          file: name,
        },
      );
    if (requestedId !== undefined && this.sessions.has(requestedId))
      throw importError(
        'invalid_input',
        'sessionTaken',
        `An import session ${requestedId} is open already.`,
        {
          id: requestedId,
        },
      );
    const bytes = Buffer.from(base64, 'base64');
    const session: Session = {
      id: requestedId ?? randomUUID(),
      fileName: name,
      bytes,
      format: isWellspringJson(bytes, name) ? 'wellspring-json' : 'csv',
      sheet: null,
      headerRow: 1,
      table: null,
      json: null,
      job: null,
      lastUsed: ++this.clock,
    };
    this.makeRoom();
    this.sessions.set(session.id, session);
    try {
      if (session.format === 'wellspring-json') {
        session.json = stripBom(bytes.toString('utf8'));
        parseWellspringJson(session.json, name); // refuses what is not an export now, naming the line
      } else {
        await this.read(session);
      }
    } catch (e) {
      this.sessions.delete(session.id);
      throw e;
    }
    return this.describe(session);
  }

  /**
   * Reads the file again with another encoding or delimiter (null: detect again), or shows another sheet or
   * header row (no new read). Undefined fields stay as they were.
   * @throws WellspringError not_found `sessionGone`, `sheetNotFound`; invalid_input `unknownEncoding`,
   *   `headerRowMissing`; `cancelled`
   */
  async reread(
    id: string,
    change: { encoding?: string | null; delimiter?: string | null; sheet?: string; headerRow?: number },
  ): Promise<ImportSession> {
    const s = this.get(id);
    if (s.format === 'wellspring-json') return this.describe(s);
    const sheets = s.table?.sheets ?? [];
    if (change.sheet !== undefined && !sheets.some((x) => x.name === change.sheet)) {
      const names = sheets.map((x) => x.name).join(', ');
      throw importError(
        'not_found',
        'sheetNotFound',
        `${s.fileName} has no sheet “${change.sheet}” (its sheets: ${names}).`,
        { file: s.fileName, sheet: change.sheet, sheets: names },
        ['sheet'],
      );
    }
    const before = { encoding: s.encoding, delimiter: s.delimiter, sheet: s.sheet, headerRow: s.headerRow };
    if (change.encoding !== undefined) s.encoding = change.encoding ?? undefined;
    if (change.delimiter !== undefined) s.delimiter = change.delimiter ?? undefined;
    if (change.sheet !== undefined) s.sheet = change.sheet;
    if (change.headerRow !== undefined) s.headerRow = change.headerRow;
    try {
      if (s.encoding !== before.encoding || s.delimiter !== before.delimiter) await this.read(s);
      return this.describe(s);
    } catch (e) {
      Object.assign(s, before);
      throw e;
    }
  }

  /**
   * The dry run against the workspace as it is: a table by `mapping` (its `sheet` and `headerRow`, else the
   * session's), a Wellspring export by itself. Lists are capped at IMPORT_LISTED with their totals.
   * @throws WellspringError not_found `sessionGone`; invalid_input `mappingMissing`; `cancelled`
   */
  async plan(id: string, mapping: ImportMapping | undefined): Promise<ImportPlanDto> {
    const s = this.get(id);
    const graph = this.deps.store().getGraph();
    if (s.format === 'wellspring-json')
      return jsonPlanDto(s, planWellspringJsonImport(s.json!, s.fileName, graph), graph.nodes, graph.edges);
    const plan = await this.planTable(s, mapping);
    return tablePlanDto(s, plan);
  }

  /**
   * Plans again and, when the plan is clean, writes it as ONE GraphStore.apply (one transaction, one undo step
   * named after the file). A failure half-way rolls everything back.
   * @throws WellspringError invalid_input `planHasProblems` (nothing written), `mappingMissing`; not_found
   *   `sessionGone`; the write path's error of a failing operation
   */
  async apply(id: string, mapping: ImportMapping | undefined): Promise<ImportApplied> {
    const s = this.get(id);
    const store = this.deps.store();
    if (s.format === 'wellspring-json') {
      const plan = planWellspringJsonImport(s.json!, s.fileName, store.getGraph());
      const blocking = blockingProblems(plan);
      if (blocking.length > 0) throw planHasProblems(s.fileName, blocking.length);
      this.deps.progress({ sessionId: s.id, phase: 'applying', done: 0, total: plan.ops.length });
      applyWellspringJsonPlan(plan, { graph: store, views: this.deps.views() }, s.fileName);
      this.deps.progress({
        sessionId: s.id,
        phase: 'applying',
        done: plan.ops.length,
        total: plan.ops.length,
      });
      // An export keeps its ids: the nodes written are those its operations name.
      const nodeIds = plan.ops.flatMap((op) =>
        (op.op === 'addNode' || op.op === 'updateNode') && op.id !== undefined ? [op.id] : [],
      );
      return { ...opCounts(plan.ops), operations: plan.ops.length, nodeIds: nodeIds.slice(0, 1000) };
    }
    const plan = await this.planTable(s, mapping);
    if (plan.problems.length > 0) throw planHasProblems(s.fileName, plan.problems.length);
    this.deps.progress({ sessionId: s.id, phase: 'applying', done: 0, total: plan.ops.length });
    const result = applyImport(store, plan, s.fileName);
    this.deps.progress({ sessionId: s.id, phase: 'applying', done: plan.ops.length, total: plan.ops.length });
    return {
      newNodes: result.newNodes,
      updatedNodes: result.updatedNodes,
      newEdges: result.newEdges,
      updatedEdges: result.updatedEdges,
      operations: result.ops,
      nodeIds: (result.change?.nodeIds ?? []).slice(0, 1000),
    };
  }

  /** Stops the session's job under way (its call rejects with `cancelled`); false when none was running. */
  cancel(id: string): boolean {
    const job = this.sessions.get(id)?.job;
    if (!job) return false;
    job.abort(cancelled(this.sessions.get(id)!.fileName));
    return true;
  }

  /** Drops a session and its bytes, stopping its job; false when there was none. */
  close(id: string): boolean {
    this.cancel(id);
    return this.sessions.delete(id);
  }

  /** Drops every session (another workspace was opened: their plans were of the other one). */
  clear(): void {
    for (const id of [...this.sessions.keys()]) this.close(id);
  }

  /** Open sessions (tests). */
  get size(): number {
    return this.sessions.size;
  }

  private get(id: string): Session {
    const s = this.sessions.get(id);
    if (!s)
      throw importError(
        'not_found',
        'sessionGone',
        'This import was closed (another workspace was opened, or it was the oldest of too many); pick the file again.',
        { id },
      );
    s.lastUsed = ++this.clock;
    return s;
  }

  /** Closes the least recently used sessions until there is room for one more. */
  private makeRoom(): void {
    const max = this.deps.maxSessions ?? 4;
    while (this.sessions.size >= max) {
      const oldest = [...this.sessions.values()].sort((a, b) => a.lastUsed - b.lastUsed)[0]!;
      this.close(oldest.id);
    }
  }

  /** Starts the session's one job, cancelling the one under way. */
  private startJob(s: Session): AbortController {
    s.job?.abort(cancelled(s.fileName));
    const job = new AbortController();
    s.job = job;
    return job;
  }

  private endJob(s: Session, job: AbortController): void {
    if (s.job === job) s.job = null;
  }

  private async read(s: Session): Promise<void> {
    const job = this.startJob(s);
    const announce = s.bytes.length >= ANNOUNCE_BYTES;
    if (announce) this.deps.progress({ sessionId: s.id, phase: 'reading', done: 0, total: null });
    try {
      const table = await readTable(s.bytes, s.fileName, {
        ...(s.encoding !== undefined ? { encoding: s.encoding } : {}),
        ...(s.delimiter !== undefined ? { delimiter: s.delimiter } : {}),
        signal: job.signal,
        onProgress: (done) => this.deps.progress({ sessionId: s.id, phase: 'reading', done, total: null }),
      });
      s.table = table;
      s.format = table.format;
      if (s.sheet === null || !table.sheets.some((x) => x.name === s.sheet))
        s.sheet = table.sheets[0]?.name ?? null;
    } finally {
      this.endJob(s, job);
    }
  }

  private async planTable(s: Session, mapping: ImportMapping | undefined): Promise<ImportPlan> {
    if (!mapping)
      throw importError(
        'invalid_input',
        'mappingMissing',
        `Map the columns of ${s.fileName} to nodes or connections first.`,
        { file: s.fileName },
        ['mapping'],
      );
    const framed: ImportMapping = {
      ...mapping,
      ...(s.format === 'xlsx' && s.sheet !== null && mapping.sheet === undefined ? { sheet: s.sheet } : {}),
      ...(mapping.headerRow === undefined && s.headerRow !== 1 ? { headerRow: s.headerRow } : {}),
    };
    const job = this.startJob(s);
    try {
      const rows = s.table!.sheets.find((x) => x.name === (framed.sheet ?? s.sheet))?.rows.length ?? 0;
      if (rows >= 5000) this.deps.progress({ sessionId: s.id, phase: 'planning', done: 0, total: rows });
      return await planImportAsync(s.table!, framed, this.deps.store().getGraph(), {
        signal: job.signal,
        onProgress: (done, total) => this.deps.progress({ sessionId: s.id, phase: 'planning', done, total }),
      });
    } finally {
      this.endJob(s, job);
    }
  }

  private describe(s: Session): ImportSession {
    const base = {
      sessionId: s.id,
      fileName: s.fileName,
      size: s.bytes.length,
      format: s.format,
    };
    if (s.format === 'wellspring-json' || !s.table)
      return {
        ...base,
        encoding: null,
        encodingChosen: false,
        encodings: [],
        delimiter: null,
        sheets: [],
        sheet: null,
        headerRow: 1,
        headerLine: 0,
        header: [],
        rows: 0,
        preview: [],
        problems: [],
        problemCount: 0,
      };
    const t = s.table;
    const sheet = t.sheets.find((x) => x.name === s.sheet) ?? t.sheets[0]!;
    const framed = frameSheet(sheet, s.headerRow);
    const problems = sheet.problems.filter((p) => p.line > framed.headerLine);
    return {
      ...base,
      encoding: t.encoding ?? null,
      encodingChosen: s.encoding !== undefined,
      encodings: t.format === 'xlsx' ? [] : [...TEXT_ENCODINGS],
      delimiter: t.delimiter ?? null,
      sheets: t.sheets.map((x) => ({ name: x.name, rows: x.rows.length })),
      sheet: sheet.name,
      headerRow: s.headerRow,
      headerLine: framed.headerLine,
      header: framed.header.map(clip),
      rows: framed.rows.length,
      preview: framed.rows
        .slice(0, IMPORT_PREVIEW_ROWS)
        .map((r) => ({ line: r.line, cells: r.cells.map(clip) })),
      problems: problems.slice(0, IMPORT_LISTED).map(tableProblemDto),
      problemCount: problems.length,
    };
  }
}

/**
 * The header and data rows of a sheet whose header is its `headerRow`-th row with a value (as planImport frames
 * it). @throws WellspringError invalid_input `headerRowMissing` when the sheet has fewer rows
 */
function frameSheet(
  sheet: TableSheet,
  headerRow: number,
): { header: string[]; headerLine: number; rows: TableRow[] } {
  if (headerRow === 1) return { header: sheet.header, headerLine: sheet.headerLine, rows: sheet.rows };
  const at = sheet.rows[headerRow - 2];
  if (!at)
    throw importError(
      'invalid_input',
      'headerRowMissing',
      `The sheet “${sheet.name}” has no row ${headerRow} to read the header from.`,
      { sheet: sheet.name, row: headerRow },
      ['headerRow'],
    );
  return { header: at.cells, headerLine: at.line, rows: sheet.rows.slice(headerRow - 1) };
}

/** A ZIP or compound file is a workbook's business; a `{` that says `"format": "wellspring"` is an export. */
function isWellspringJson(bytes: Buffer, fileName: string): boolean {
  const head = stripBom(bytes.subarray(0, 64 * 1024).toString('utf8')).trimStart();
  if (!head.startsWith('{')) return false;
  return path.extname(fileName).toLowerCase() === '.json' || WELLSPRING_MARK.test(head);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function clip(cell: string): string {
  return cell.length > IMPORT_PREVIEW_CELL ? `${cell.slice(0, IMPORT_PREVIEW_CELL)}…` : cell;
}

function tableProblemDto(p: ImportProblem): ImportProblemDto {
  return {
    line: p.line,
    column: p.column ?? null,
    path: null,
    reason: p.reason,
    key: p.key,
    params: p.params,
  };
}

function tablePlanDto(s: Session, plan: ImportPlan): ImportPlanDto {
  const sum = plan.summary;
  return {
    sessionId: s.id,
    fileName: s.fileName,
    format: s.format,
    sheet: plan.sheet,
    rows: sum.rows,
    newNodes: sum.newNodes,
    updatedNodes: sum.updatedNodes,
    unchangedNodes: sum.unchangedNodes,
    newEdges: sum.newEdges,
    updatedEdges: sum.updatedEdges,
    unchangedEdges: sum.unchangedEdges,
    skipped: 0,
    byKind: sum.byKind,
    duplicates: sum.duplicates.slice(0, IMPORT_LISTED).map((d) => ({
      line: d.line,
      kind: d.kind,
      label: d.label,
      by: d.by,
      matches: d.matches.map((m) => ({ id: m.id, label: m.label, line: m.line ?? null })),
    })),
    duplicateCount: sum.duplicates.length,
    problems: plan.problems.slice(0, IMPORT_LISTED).map(tableProblemDto),
    problemCount: plan.problems.length,
    operations: plan.ops.length,
    clean: plan.problems.length === 0,
  };
}

function jsonPlanDto(
  s: Session,
  plan: WellspringJsonPlan,
  nodes: ReadonlyArray<{ id: string; kind: string }>,
  edges: ReadonlyArray<{ id: string; kind: string }>,
): ImportPlanDto {
  const { nodes: n, edges: e } = plan.summary;
  const problems = blockingProblems(plan);
  const kindOf = new Map<string, string>([...nodes, ...edges].map((x) => [x.id, x.kind]));
  const byKind: ImportPlanDto['byKind'] = {};
  const bump = (kind: string | undefined, what: 'new' | 'updated') => {
    if (kind) (byKind[kind] ??= { new: 0, updated: 0, unchanged: 0 })[what]++;
  };
  for (const op of plan.ops) {
    if (op.op === 'addNode') bump(op.node.kind, 'new');
    else if (op.op === 'addEdge') bump(op.edge.kind, 'new');
    else if (op.op === 'updateNode' || op.op === 'updateEdge') bump(kindOf.get(op.id), 'updated');
  }
  return {
    sessionId: s.id,
    fileName: s.fileName,
    format: 'wellspring-json',
    sheet: null,
    rows: n.add + n.update + n.unchanged + n.skipped + e.add + e.update + e.unchanged + e.skipped,
    newNodes: n.add,
    updatedNodes: n.update,
    unchangedNodes: n.unchanged,
    newEdges: e.add,
    updatedEdges: e.update,
    unchangedEdges: e.unchanged,
    skipped: n.skipped + e.skipped,
    byKind,
    duplicates: [],
    duplicateCount: 0,
    problems: problems.slice(0, IMPORT_LISTED).map((p) => ({
      line: p.line ?? 0,
      column: null,
      path: p.path,
      reason: p.reason,
      key: p.key,
      params: p.params,
    })),
    problemCount: problems.length,
    operations: plan.ops.length,
    clean: problems.length === 0,
  };
}

function opCounts(ops: readonly GraphOp[]): Omit<ImportApplied, 'operations' | 'nodeIds'> {
  const c = { newNodes: 0, updatedNodes: 0, newEdges: 0, updatedEdges: 0 };
  for (const op of ops) {
    if (op.op === 'addNode') c.newNodes++;
    else if (op.op === 'updateNode') c.updatedNodes++;
    else if (op.op === 'addEdge') c.newEdges++;
    else if (op.op === 'updateEdge') c.updatedEdges++;
  }
  return c;
}

function fileTooBig(file: string, size: number) {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return importError(
    'invalid_input',
    'fileTooBig',
    `${file} is ${mb(size)} MB; the import reads files up to ${mb(IMPORT_MAX_BYTES)} MB. Split it and import the parts.`,
    { file, size: mb(size), max: mb(IMPORT_MAX_BYTES) },
  );
}

function planHasProblems(file: string, count: number) {
  return importError(
    'invalid_input',
    'planHasProblems',
    `The import of ${file} has ${count} problems; nothing was imported.`,
    { count, file },
  );
}

function cancelled(file: string) {
  return importError('invalid_input', 'cancelled', `The import of ${file} was cancelled.`, { file });
}
