import type { MessageParams } from '../../../preload/contract';
import type { Message, MessageKey } from '../util/errors';

// Types only: the English translation file is the source of the keys, so a key that is not translated is a
// compile error here, as it is for the keys of util/errors.ts.
type TransferJson = typeof import('../../../renderer/src/i18n/locales/en/transfer.json');

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A message of the export side of the `transfer` namespace: `transfer:export.errors.*`. */
export type ExportMessageKey = `transfer:export.${Leaves<TransferJson['export']>}`;

/**
 * The translated message of an export or JSON-import error or problem (its key checked against transfer.json).
 */
export function exportMessage(key: ExportMessageKey, params?: MessageParams): Message {
  const checked: MessageKey = key;
  return { key: checked, ...(params ? { params } : {}) };
}
