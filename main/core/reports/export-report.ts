import type { ReportFormat, ReportRequest } from '../../../preload/contract';
import type { ExpertService } from '../experts/expert-service';
import type { InventoryService } from '../inventory/inventory-service';
import type { KnowledgeService } from '../processes/knowledge-service';
import { departureTable, riskTable } from './expert-tables';
import { inventoryListName, inventoryTable } from './inventory-table';
import type { ReportLanguage } from './report-labels';
import { gapsTable, matrixTable, processName, type ReportTable } from './report-table';
import { writeCsv } from './write-csv';
import { writeXlsx } from './write-xlsx';

/**
 * What exportReport reads: the same services, so the same numbers, as the views — the knowledge service (gaps,
 * matrix, process names, node labels), the expert service (risk ranking, departure simulation) and the inventory.
 */
export interface ReportSource {
  knowledge: Pick<KnowledgeService, 'gaps' | 'matrix' | 'processes' | 'index'>;
  experts: Pick<ExpertService, 'risk' | 'simulate'>;
  inventory: Pick<InventoryService, 'list'>;
}

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
 * The table of a report request: `knowledge.gaps(processId)`, `knowledge.matrix(processId, rows)`,
 * `experts.risk()`, `experts.simulate(expertIds)` or `inventory.list(query)`. Throws what those throw (a
 * WellspringError `not_found` for an unknown process or expert, `invalid_input` for an unknown inventory key).
 */
export function reportTable(
  source: ReportSource,
  request: ReportRequest,
  language: ReportLanguage,
  date: string,
): ReportTable {
  const { knowledge } = source;
  switch (request.report) {
    case 'risk':
      return riskTable(source.experts.risk(), date, language);
    case 'departure':
      return departureTable(source.experts.simulate(request.expertIds), date, language);
    case 'inventory': {
      const rows = source.inventory.list(request.query);
      const key = request.query.key;
      const keyLabel = key === null ? null : (knowledge.index().node(key)?.label ?? null);
      return inventoryTable(rows, inventoryListName(request.query, keyLabel, language), date, language);
    }
    case 'gaps':
      return gapsTable(
        knowledge.gaps(request.processId),
        processName(knowledge.processes(), request.processId, language),
        date,
        language,
      );
    case 'matrix': {
      const process = processName(knowledge.processes(), request.processId, language);
      const rows = request.rows ?? 'all';
      return matrixTable(knowledge.matrix(request.processId, rows), process, rows, date, language);
    }
  }
}

/**
 * Builds a report file (issues 7, 8): the gaps report, the step × knowledge matrix, the key-person risk ranking, a
 * departure simulation or an inventory list as CSV (UTF-8 with a BOM, CRLF) or XLSX, column headers and cell
 * words in `language`. `options.today` (YYYY-MM-DD) pins the date of the title and file name (tests); it defaults
 * to today in local time. Errors: those of the services read (see reportTable).
 */
export async function exportReport(
  source: ReportSource,
  request: ReportRequest,
  format: ReportFormat,
  language: ReportLanguage,
  options: { today?: string } = {},
): Promise<ReportFile> {
  const table = reportTable(source, request, language, options.today ?? localDate());
  const bytes = format === 'csv' ? writeCsv(table) : await writeXlsx(table);
  return { fileName: `${table.fileStem}.${format}`, mime: MIME[format], base64: bytes.toString('base64') };
}
