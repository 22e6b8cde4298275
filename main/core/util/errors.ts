import type { ErrorCode } from '../../../preload/contract';

/**
 * The one error type the core throws on purpose. `code` is stable and crosses the IPC boundary unchanged;
 * `path` names the offending field of the input (e.g. `['props', 'proficiency']`), empty when no field is at fault.
 */
export class WellspringError extends Error {
  override readonly name = 'WellspringError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path: Array<string | number> = [],
  ) {
    super(message);
  }
}

/** True when `e` is a WellspringError (also across bundle copies, by name and code). */
export function isWellspringError(e: unknown): e is WellspringError {
  return e instanceof WellspringError || (e instanceof Error && e.name === 'WellspringError' && 'code' in e);
}
