import type { ErrorCode, MessageParams } from '../../../preload/contract';
import { WellspringError, type Message, type MessageKey } from '../util/errors';

// Types only: the renderer's English glossary.json is the source of the names, so an untranslated one fails to
// compile, as the keys of util/errors.ts do.
type GlossaryJson = typeof import('../../../renderer/src/i18n/locales/en/glossary.json');

/** The name of a message of the `glossary` namespace: `glossary:errors.<name>` in glossary.json. */
export type GlossaryMessageName = keyof GlossaryJson['errors'] & string;

/** The translated message `glossary:errors.<name>` with `params` (every param its translation interpolates). */
export function glossaryMessage(name: GlossaryMessageName, params: MessageParams): Message {
  return { key: `glossary:errors.${name}` satisfies MessageKey, params };
}

/**
 * A WellspringError translated as `glossary:errors.<name>`; `message` is the English text, which names the file
 * (and the line) at fault as the translation does. `path` names the offending input field.
 */
export function glossaryError(
  code: ErrorCode,
  message: string,
  name: GlossaryMessageName,
  params: MessageParams,
  path: Array<string | number> = [],
): WellspringError {
  return new WellspringError(code, message, path, glossaryMessage(name, params));
}
