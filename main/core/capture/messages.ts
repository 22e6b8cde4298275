import type { ErrorCode, MessageParams } from '../../../preload/contract';
import { WellspringError, type Message, type MessageKey } from '../util/errors';

// Types only: the English translation file is the source of the keys, so a key that is not translated is a
// compile error here, as it is for util/errors.ts's MessageKey.
type CaptureJson = typeof import('../../../renderer/src/i18n/locales/en/capture.json');

/** The name of a capture message: `capture:errors.<name>` in the renderer's `capture` namespace. */
export type CaptureErrorName = keyof CaptureJson['errors'];

/** The translated message `capture:errors.<name>` with its parameters. */
export function captureMessage(name: CaptureErrorName, params?: MessageParams): Message {
  const key = `capture:errors.${name}` satisfies MessageKey;
  return params ? { key, params } : { key };
}

/**
 * A WellspringError whose English message is `message`, whose translation is `capture:errors.<name>` and whose
 * path names the offending part of the input (`['values', 'keep', 2]`, `['template', 'sections', 0, …]`).
 */
export function captureError(
  code: ErrorCode,
  name: CaptureErrorName,
  message: string,
  path: Array<string | number>,
  params?: MessageParams,
): WellspringError {
  return new WellspringError(code, message, path, captureMessage(name, params));
}
