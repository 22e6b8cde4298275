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
 * The translated message of an export or JSON-import error or problem. util/errors.ts's MessageKey does not list
 * the `transfer` namespace yet, so the key is checked against transfer.json here and handed on as a MessageKey.
 */
export function exportMessage(key: ExportMessageKey, params?: MessageParams): Message {
  return { key: key as unknown as MessageKey, ...(params ? { params } : {}) };
}
