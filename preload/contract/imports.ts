/**
 * The import wizard (issue 10 §1): a spreadsheet (CSV, TSV, XLSX) or a Wellspring JSON export read into a session, previewed, mapped, planned and applied as one undo step. Computed in main/core/import/ and main/core/transfer/. Imports only zod.
 */
import type { ChannelMap } from './channel';

export const IMPORT_CHANNELS = {} as const satisfies ChannelMap;
