import type { ErrorCode, MessageParams } from '../../../preload/contract';
import { WellspringError, type Message, type MessageKey } from '../util/errors';

// Types only: the English translation file is the source of the keys, so a key that is not translated is a
// compile error (as for util/errors.ts's MessageKey).
type TaxonomyJson = typeof import('../../../renderer/src/i18n/locales/en/taxonomy.json');

/** The name of a taxonomy error: `taxonomy:errors.<name>` in the renderer's `taxonomy` namespace. */
export type TaxonomyErrorName = keyof TaxonomyJson['errors'];

/** The translated message `taxonomy:errors.<name>` with its parameters. */
export function taxonomyMessage(name: TaxonomyErrorName, params?: MessageParams): Message {
  const key = `taxonomy:errors.${name}` satisfies MessageKey;
  return params ? { key, params } : { key };
}

/** A WellspringError whose English message is `message` and whose translation is `taxonomy:errors.<name>`. */
export function taxonomyError(
  code: ErrorCode,
  name: TaxonomyErrorName,
  message: string,
  params: MessageParams,
  path: Array<string | number> = [],
): WellspringError {
  return new WellspringError(code, message, path, taxonomyMessage(name, params));
}
