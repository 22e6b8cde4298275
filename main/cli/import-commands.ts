import fs from 'node:fs';
import path from 'node:path';
import { applyImport, parseMapping, planImport, readTable, type ImportPlan } from '../core/import';
import type { Table } from '../core/import';
import { importError } from '../core/import/messages';
import { applyWellspringJsonPlan } from '../core/transfer/apply-import';
import { blockingProblems, planWellspringJsonImport } from '../core/transfer/wellspring-import';
import { WorkspaceService } from '../core/workspace/workspace-service';
import { userDataDir } from '../core/workspace/paths';
import type { Out } from './library-commands';

/** Options of importCommand. */
export interface ImportCommandOptions {
  /** The mapping JSON file (required for CSV, TSV and XLSX). */
  mapping?: string;
  /** Plan and print, write nothing. */
  dryRun: boolean;
  format: 'text' | 'json';
  /** CSV/TSV: read the text in this encoding instead of the detected one (UTF-8, UTF-8 BOM, GB18030, GBK, …). */
  encoding?: string;
  /** XLSX: the sheet to import (overrides the mapping's). */
  sheet?: string;
}

/** Files from this size on show a row counter on a terminal while they are read. */
const PROGRESS_BYTES = 1024 * 1024;
/** Problems printed in the text format (all of them are in --format json). */
const SHOWN_PROBLEMS = 200;

/**
 * `import FILE --workspace W [--mapping M.json] [--dry-run] [--format json] [--encoding E] [--sheet S]`: plans the
 * import of a spreadsheet (CSV, TSV, XLSX; readTable, parseMapping, planImport) or of a Wellspring JSON export (no
 * mapping; the export's own plan) into the workspace (created when missing), prints the summary — counts by kind,
 * duplicates by label or alias, problems as `line N: reason` — and, when there is no problem and no --dry-run,
 * applies it as ONE operation list: one transaction, one undo step. A row counter runs on stderr for files over
 * 1 MB when stderr is a terminal.
 *
 * @returns 0 when the plan is clean (imported, or a dry run), 1 when it has problems (nothing imported)
 * @throws WellspringError: the file cannot be read, is not a spreadsheet, is empty; the mapping is missing or
 *   invalid (naming its JSON path); the workspace cannot be opened; the write path refused an operation (then
 *   nothing was written)
 */
export async function importCommand(
  file: string,
  workspaceFile: string,
  options: ImportCommandOptions,
  out: Out,
): Promise<number> {
  const name = path.basename(file);
  const bytes = readFile(file);
  const json = path.extname(file).toLowerCase() === '.json' && options.mapping === undefined;
  let table: Table | undefined;
  let mapping;
  if (!json) {
    if (options.mapping === undefined)
      throw importError(
        'invalid_input',
        'mappingRequired',
        `${name} needs a mapping of its columns to nodes and connections (--mapping <file.json>).`,
        { file: name },
        ['mapping'],
      );
    mapping = parseMapping(readFile(options.mapping).toString('utf8'), path.basename(options.mapping));
    if (options.sheet !== undefined) mapping = { ...mapping, sheet: options.sheet };
    const counter = bytes.length >= PROGRESS_BYTES ? rowCounter(name) : undefined;
    table = await readTable(bytes, name, {
      ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
      ...(mapping.sheet !== undefined ? { sheet: mapping.sheet } : {}),
      ...(counter ? { onProgress: counter } : {}),
    });
    counter?.end();
  }

  const ws = new WorkspaceService(userDataDir(), 'node', { watch: false });
  ws.open(workspaceFile, { create: true });
  try {
    const graph = ws.store.getGraph();
    if (json) return jsonExport(bytes.toString('utf8'), name, ws, options, out);
    const plan = planImport(table!, mapping!, graph);
    const clean = plan.problems.length === 0;
    const result = clean && !options.dryRun ? applyImport(ws.store, plan, name) : undefined;
    if (options.format === 'json')
      out(
        JSON.stringify(
          {
            file: name,
            format: table!.format,
            encoding: table!.encoding ?? null,
            delimiter: table!.delimiter ?? null,
            sheet: plan.sheet,
            summary: plan.summary,
            problems: plan.problems,
            imported: result !== undefined,
            operations: plan.ops.length,
          },
          null,
          2,
        ),
      );
    else printPlan(plan, table!, out, result ? 'imported' : clean ? 'dry-run' : 'problems');
    return clean ? 0 : 1;
  } finally {
    await ws.shutdown();
  }
}

/** A Wellspring JSON export: the export's own plan (main/core/transfer), printed the same way. */
function jsonExport(
  text: string,
  name: string,
  ws: WorkspaceService,
  options: ImportCommandOptions,
  out: Out,
): number {
  const plan = planWellspringJsonImport(text, name, ws.store.getGraph());
  const clean = blockingProblems(plan).length === 0;
  const imported = clean && !options.dryRun && plan.ops.length > 0;
  if (imported) applyWellspringJsonPlan(plan, { graph: ws.store, views: ws.views }, name);
  if (options.format === 'json') {
    out(
      JSON.stringify(
        { file: name, format: 'wellspring-json', summary: plan.summary, problems: plan.problems, imported },
        null,
        2,
      ),
    );
  } else {
    const { nodes, edges } = plan.summary;
    out(`${name} (Wellspring JSON, “${plan.summary.workspaceName}”, exported ${plan.summary.exportedAt})`);
    out(
      `nodes: ${nodes.add} new, ${nodes.update} updated, ${nodes.unchanged} unchanged, ${nodes.skipped} skipped`,
    );
    out(
      `edges: ${edges.add} new, ${edges.update} updated, ${edges.unchanged} unchanged, ${edges.skipped} skipped`,
    );
    printProblems(
      plan.problems.map((p) => ({ line: p.line ?? 0, reason: p.reason })),
      out,
    );
    out(verdict(imported ? 'imported' : clean ? 'dry-run' : 'problems', plan.ops.length, name));
  }
  return clean ? 0 : 1;
}

function printPlan(
  plan: ImportPlan,
  table: Table,
  out: Out,
  state: 'imported' | 'dry-run' | 'problems',
): void {
  const s = plan.summary;
  const how = [
    table.format.toUpperCase(),
    table.encoding,
    table.delimiter && `delimiter ${JSON.stringify(table.delimiter)}`,
  ]
    .filter(Boolean)
    .join(', ');
  out(`${plan.fileName} (${how}), sheet “${plan.sheet}”: ${s.rows} rows`);
  out(`nodes: ${s.newNodes} new, ${s.updatedNodes} updated, ${s.unchangedNodes} unchanged`);
  out(`edges: ${s.newEdges} new, ${s.updatedEdges} updated, ${s.unchangedEdges} unchanged`);
  const kinds = Object.entries(s.byKind).map(
    ([k, c]) =>
      `${k} ${c.new} new${c.updated ? `, ${c.updated} updated` : ''}${c.unchanged ? `, ${c.unchanged} unchanged` : ''}`,
  );
  if (kinds.length) out(`by kind: ${kinds.join(' · ')}`);
  if (s.duplicates.length) {
    out(`duplicates by label or alias (${s.duplicates.length}), merged instead of added:`);
    for (const d of s.duplicates.slice(0, SHOWN_PROBLEMS)) {
      const m = d.matches
        .map((x) => `“${x.label}” (${x.line !== undefined ? `line ${x.line}` : x.id})`)
        .join(', ');
      out(`  line ${d.line}: ${d.kind} “${d.label}” = ${m}, by ${d.by}`);
    }
    if (s.duplicates.length > SHOWN_PROBLEMS) out(`  … and ${s.duplicates.length - SHOWN_PROBLEMS} more`);
  }
  printProblems(plan.problems, out);
  out(verdict(state, plan.ops.length, plan.fileName));
}

function printProblems(problems: ReadonlyArray<{ line: number; reason: string }>, out: Out): void {
  if (problems.length === 0) return;
  out(`problems (${problems.length}):`);
  for (const p of problems.slice(0, SHOWN_PROBLEMS))
    out(p.line > 0 ? `  line ${p.line}: ${p.reason}` : `  ${p.reason}`);
  if (problems.length > SHOWN_PROBLEMS)
    out(`  … and ${problems.length - SHOWN_PROBLEMS} more (all of them with --format json)`);
}

function verdict(state: 'imported' | 'dry-run' | 'problems', ops: number, name: string): string {
  if (state === 'problems') return 'Nothing was imported: fix the problems and import again.';
  if (state === 'dry-run') return `Dry run: ${ops} operations planned, nothing written.`;
  return ops === 0
    ? 'Nothing to import: the workspace has all of it already.'
    : `Imported: ${ops} operations as one undo step (“${name}”).`;
}

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    const name = path.basename(file);
    throw importError('io_error', 'unreadable', `${file} cannot be read (${reason}).`, {
      file: name,
      reason,
    });
  }
}

/** A row counter redrawn in place on stderr while a big file is read (nothing off a terminal). */
function rowCounter(name: string): ((rows: number) => void) & { end(): void } {
  const stream = process.stderr;
  const tty = stream.isTTY === true;
  const f = (rows: number) => {
    if (tty) stream.write(`\rreading ${name}: ${rows.toLocaleString('en')} rows`);
  };
  return Object.assign(f, {
    end() {
      if (tty) stream.write('\n');
    },
  });
}
