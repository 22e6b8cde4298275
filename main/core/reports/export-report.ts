import type { ReportFormat, ReportRequest } from '../../../preload/contract';
import type { KnowledgeService } from '../processes/knowledge-service';
import type { ReportLanguage } from './report-labels';
import { gapsTable, matrixTable, processName, type ReportTable } from './report-table';
import { writeCsv } from './write-csv';
import { writeXlsx } from './write-xlsx';
import { WellspringError } from '../util/errors';

/** What exportReport reads: the same numbers the views show. */
export type ReportSource = Pick<KnowledgeService, 'gaps' | 'matrix' | 'processes'>;

/** A built report file: its name (`gaps-团体定制销售流程-2026-05-01.csv`), MIME type and bytes as base64. */
export interface ReportFile {
  fileName: string;
  mime: string;
  base64: string;
}

const MIME: Record<ReportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Today in local time as YYYY-MM-DD. */
function localDate(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The table of a report request, from `knowledge.gaps(processId)` or `knowledge.matrix(processId, rows)`.
 * Throws what those throw (a WellspringError `not_found` for an unknown process).
 */
export function reportTable(
  knowledge: ReportSource,
  request: ReportRequest,
  language: ReportLanguage,
  date: string,
): ReportTable {
  if (request.report !== 'gaps' && request.report !== 'matrix')
    throw new WellspringError('internal', `The ${request.report} report is being built (issue 8).`);
  const process = processName(knowledge.processes(), request.processId, language);
  if (request.report === 'gaps') return gapsTable(knowledge.gaps(request.processId), process, date, language);
  const rows = request.rows ?? 'all';
  return matrixTable(knowledge.matrix(request.processId, rows), process, rows, date, language);
}

/**
 * Builds a report file (issue 7): the gaps report or the step × knowledge matrix as CSV (UTF-8 with a BOM, CRLF)
 * or XLSX, column headers and cell words in `language`. `options.today` (YYYY-MM-DD) pins the date of the title
 * and file name (tests); it defaults to today in local time. Errors: those of the knowledge service.
 */
export async function exportReport(
  knowledge: ReportSource,
  request: ReportRequest,
  format: ReportFormat,
  language: ReportLanguage,
  options: { today?: string } = {},
): Promise<ReportFile> {
  const table = reportTable(knowledge, request, language, options.today ?? localDate());
  const bytes = format === 'csv' ? writeCsv(table) : await writeXlsx(table);
  return { fileName: `${table.fileStem}.${format}`, mime: MIME[format], base64: bytes.toString('base64') };
}
