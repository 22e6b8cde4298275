/**
 * Report exports (issues 7, 8): the gaps report, the step × knowledge matrix, the key-person risk ranking, a
 * departure simulation and the inventory lists as CSV (UTF-8 with a BOM, so Excel
 * opens Chinese) or XLSX, built in the main process with the same numbers the views show. Imports only zod.
 */
import { z } from 'zod';
import type { ChannelMap } from './channel';
import { InventoryQuery } from './inventory';
import { id } from './model';

export const ReportFormat = z.enum(['csv', 'xlsx']);
export type ReportFormat = z.infer<typeof ReportFormat>;

/** Which report: the gaps of one process (or all), or one process's matrix (all rows or only templates). */
export const ReportRequest = z.discriminatedUnion('report', [
  z.strictObject({ report: z.literal('gaps'), processId: id.optional() }),
  z.strictObject({
    report: z.literal('matrix'),
    processId: id,
    rows: z.enum(['all', 'templates']).optional(),
  }),
  /** The key-person risk ranking (issue 8). */
  z.strictObject({ report: z.literal('risk') }),
  /** A departure simulation: uncovered items, strength drops, successors and externalisation tasks. */
  z.strictObject({ report: z.literal('departure'), expertIds: z.array(id).min(1).max(1000) }),
  /** The list behind one inventory bucket. */
  z.strictObject({ report: z.literal('inventory'), query: InventoryQuery }),
]);
export type ReportRequest = z.infer<typeof ReportRequest>;

export const REPORTS_CHANNELS = {
  /**
   * Builds a report file. Column headers in `language`. Answers a file name and the bytes as base64 (save them
   * with `export:save-file` as a data URL).
   */
  'reports:export': {
    input: z.strictObject({
      request: ReportRequest,
      format: ReportFormat,
      language: z.enum(['en', 'zh-CN']),
    }),
    output: z.object({ fileName: z.string(), mime: z.string(), base64: z.string() }),
  },
} as const satisfies ChannelMap;
