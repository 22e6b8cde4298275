import Papa from 'papaparse';
import type { GapRow, ItemStrength, StepStrength } from '../../preload/contract';
import { processSteps, stepItems } from '../core/analytics/process-steps';
import { WorkspaceService } from '../core/workspace/workspace-service';
import { userDataDir } from '../core/workspace/paths';
import type { Out } from './library-commands';
import { foldText } from '../core/util/text';
import { BOM } from '../core/reports/write-csv';

/** The reports of `npm run cli -- report <name>`. */
export const REPORTS = ['gaps', 'strength', 'evidence'] as const;
export type ReportName = (typeof REPORTS)[number];

/** Options of reportCommand. */
export interface ReportOptions {
  /** A process id, exact label or alias (case-insensitive); every process when absent. */
  process?: string;
  format: 'json' | 'csv';
}

/**
 * `report gaps|strength|evidence`: prints a report of the workspace as JSON (default) or CSV (papaparse, UTF-8
 * with a byte-order mark so Excel reads Chinese). The numbers come from the same KnowledgeService as the app's
 * views, so the CLI and the UI agree.
 * - strength: every item's strength with its parts and inputs; with --process also the strengths of its steps
 *   (CSV: the item table, an empty line, the step table);
 * - gaps: the gaps report (of one process with --process);
 * - evidence: runs the evidence finder over the library, waits for it, and prints its proposals (with
 *   --process only for items the process's steps require or produce).
 * @returns the exit code: 0, or 1 when --process names no process (message on stderr)
 * @throws WellspringError of opening the workspace (the caller prints it)
 */
export async function reportCommand(
  file: string,
  report: ReportName,
  options: ReportOptions,
  out: Out,
): Promise<number> {
  const ws = new WorkspaceService(userDataDir(), 'node', { watch: false });
  ws.open(file);
  try {
    let processId: string | undefined;
    if (options.process !== undefined) {
      const found = resolveProcess(ws, options.process);
      if (found.length !== 1) {
        console.error(
          found.length === 0
            ? `wellspring: no process is called “${options.process}” (give its id, name or alias).`
            : `wellspring: “${options.process}” names ${found.length} processes (${found.join(', ')}); give its id.`,
        );
        return 1;
      }
      processId = found[0];
    }
    const csv = options.format === 'csv';
    if (report === 'strength') {
      const items = ws.knowledge.itemStrengths();
      const steps = processId ? ws.knowledge.stepStrengths(processId) : undefined;
      if (!csv) out(JSON.stringify(steps ? { items, steps } : { items }, null, 2));
      else out(bom(itemCsv(items) + (steps ? `\r\n\r\n${stepCsv(steps)}` : '')));
    } else if (report === 'gaps') {
      const rows = ws.knowledge.gaps(processId);
      out(csv ? bom(gapCsv(rows)) : JSON.stringify(rows, null, 2));
    } else {
      ws.evidence.run();
      await ws.evidence.whenIdle();
      let proposals = ws.evidence.proposals();
      if (processId) {
        const index = ws.knowledge.index();
        const items = new Set(
          processSteps(index, processId).flatMap((s) =>
            [...stepItems(index, s.id, 'requires'), ...stepItems(index, s.id, 'produces')].map((r) => r.id),
          ),
        );
        proposals = proposals.filter((p) => items.has(p.knowledgeId));
      }
      if (!csv) out(JSON.stringify(proposals, null, 2));
      else
        out(
          bom(
            Papa.unparse(
              proposals.map((p) => ({
                knowledgeId: p.knowledgeId,
                knowledge: p.knowledgeLabel,
                document: p.docName,
                path: p.path,
                page: p.page,
                score: p.score,
                matched: p.matched,
                snippet: p.snippet.text,
              })),
              {
                newline: '\r\n',
                columns: [
                  'knowledgeId',
                  'knowledge',
                  'document',
                  'path',
                  'page',
                  'score',
                  'matched',
                  'snippet',
                ],
              },
            ),
          ),
        );
    }
    return 0;
  } finally {
    await ws.shutdown();
  }
}

/**
 * The processes `name` names: the one with that id; else those with that label; else those with that alias
 * (NFKC, case-insensitive). More than one means the name is ambiguous (a workspace made before process names had
 * to differ); none, that nothing matches.
 */
export function resolveProcess(ws: WorkspaceService, name: string): string[] {
  const fold = (s: string) => foldText(s).trim();
  const wanted = fold(name);
  const list = ws.knowledge.processes();
  const byId = list.filter((p) => p.id === name);
  if (byId.length) return byId.map((p) => p.id);
  const byLabel = list.filter((p) => fold(p.label) === wanted);
  if (byLabel.length) return byLabel.map((p) => p.id);
  return list.filter((p) => p.aliases.some((a) => fold(a) === wanted)).map((p) => p.id);
}

const bom = (s: string) => BOM + s;

function itemCsv(items: readonly ItemStrength[]): string {
  return Papa.unparse(
    items.map((s) => ({
      id: s.id,
      label: s.label,
      strength: s.strength,
      band: s.band,
      documentation: s.parts.documentation,
      holders: s.parts.holders,
      owner: s.parts.owner,
      freshness: s.parts.freshness,
      documents: s.inputs.documents,
      form: s.inputs.form,
      existence: s.inputs.existence,
      holderCount: s.inputs.holders.length,
      owners: s.inputs.owners.map((o) => o.label).join('; '),
      reviewDue: s.inputs.reviewDue ?? '',
      overdueDays: s.inputs.overdueDays ?? '',
    })),
    { newline: '\r\n' },
  );
}

function stepCsv(steps: readonly StepStrength[]): string {
  return Papa.unparse(
    steps.map((s) => ({
      stepId: s.id,
      step: s.label,
      strength: s.strength ?? '',
      band: s.band,
      requires: s.inputs.map((i) => `${i.label} (${i.strength}×${i.importance})`).join('; '),
    })),
    { newline: '\r\n', columns: ['stepId', 'step', 'strength', 'band', 'requires'] },
  );
}

function gapCsv(rows: readonly GapRow[]): string {
  return Papa.unparse(
    rows.map((r) => ({
      processId: r.processId,
      process: r.processLabel,
      stepId: r.stepId,
      stepOrder: r.stepOrder,
      step: r.stepLabel,
      itemId: r.itemId,
      item: r.itemLabel,
      strength: r.strength,
      reasons: r.reasons.join('; '),
      holders: r.holders,
      capableHolders: r.capableHolders,
      documents: r.documents,
      candidatePages: r.candidatePages,
    })),
    {
      newline: '\r\n',
      columns: [
        'processId',
        'process',
        'stepId',
        'stepOrder',
        'step',
        'itemId',
        'item',
        'strength',
        'reasons',
        'holders',
        'capableHolders',
        'documents',
        'candidatePages',
      ],
    },
  );
}
