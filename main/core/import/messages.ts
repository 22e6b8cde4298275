import type { MessageParams } from '../../../preload/contract';
import { WellspringError, type Message, type MessageKey } from '../util/errors';
import type { ErrorCode } from '../../../preload/contract';

// Types only: the English translation file is the source of the keys, so a key that is not translated is a
// compile error (as for util/errors.ts's MessageKey).
type TransferJson = typeof import('../../../renderer/src/i18n/locales/en/transfer.json');

/** The name of an import message: `transfer:import.errors.<name>` in the renderer's `transfer` namespace. */
export type ImportErrorName = keyof TransferJson['import']['errors'];

/** The translation key of an import message, or a key of the common namespace (the write path's prop errors). */
export type ImportMessageKey = `transfer:import.errors.${ImportErrorName}` | MessageKey;

/** The translated message `transfer:import.errors.<name>` with its parameters. */
export function importMessage(name: ImportErrorName, params?: MessageParams): Message {
  const key = `transfer:import.errors.${name}` satisfies MessageKey;
  return params ? { key, params } : { key };
}

/** A WellspringError whose English message is `message` and whose translation is `transfer:import.errors.<name>`. */
export function importError(
  code: ErrorCode,
  name: ImportErrorName,
  message: string,
  params: MessageParams,
  path: Array<string | number> = [],
): WellspringError {
  return new WellspringError(code, message, path, importMessage(name, params));
}

/**
 * One problem with the input, found before anything is written.
 * `line` is where the row starts in the file (CSV/TSV: the 1-based line of the file; XLSX: the Excel row number);
 * problems of the mapping as a whole (a column the header lacks, a column mapped twice) name the header's line;
 * 0 means the file or the mapping, not a line (a sheet that does not exist).
 */
export interface ImportProblem {
  line: number;
  /** The column at fault, by its header name, when one is. */
  column?: string;
  /** English, for logs and the CLI (`line N: reason`). */
  reason: string;
  /** Its translation (`transfer:import.errors.*`, or a common `errors.*` key of the write path's validation). */
  key: ImportMessageKey;
  params: MessageParams;
}

/** An ImportProblem of one of the import's own messages. */
export function problem(
  line: number,
  name: ImportErrorName,
  reason: string,
  params: MessageParams,
  column?: string,
): ImportProblem {
  const p: ImportProblem = { line, reason, key: `transfer:import.errors.${name}`, params };
  if (column !== undefined) p.column = column;
  return p;
}
