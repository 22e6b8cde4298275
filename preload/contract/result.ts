/** The result envelope every channel answers with, and the stable error codes that cross the boundary. */

/** Stable error codes that cross the boundary. */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'edge_kind_mismatch',
  'duplicate_edge',
  'not_a_workspace',
  'workspace_too_new',
  'unknown_history',
  'unsupported',
  'io_error',
  'unauthorized',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What every channel answers: `{ok:true, value}` or `{ok:false, code, message, path}` (path: the offending field). */
export type Result<T> =
  { ok: true; value: T } | { ok: false; code: ErrorCode; message: string; path: Array<string | number> };
