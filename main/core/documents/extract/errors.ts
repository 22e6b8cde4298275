import type { ExtractStatus } from './types';

/**
 * A known reason why a file cannot be extracted, carrying the status `extractFile` reports for it. The message is the
 * human-readable reason and already names the file (and the line, for text formats): "x.csv line 17: unclosed quote".
 * Format modules throw it; `extractFile` catches it and never lets it escape.
 */
export class ExtractError extends Error {
  override readonly name = 'ExtractError';

  constructor(
    /** The status the file gets: 'failed', 'unsupported', 'needs-password' or 'no-text'. */
    readonly status: Exclude<ExtractStatus, 'indexed'>,
    message: string,
  ) {
    super(message);
  }
}
