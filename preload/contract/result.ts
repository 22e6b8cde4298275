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
  /** Team workspace: someone else changed or deleted the row since it was read (optimistic concurrency). */
  'edit_conflict',
  /** Team workspace: the server refused the write (row-level security: a viewer, or a unit the editor is not in). */
  'permission_denied',
  /** Team workspace: the server cannot be reached, or refused the login. */
  'team_unreachable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Values interpolated into a translated message (`{{name}}` in the renderer's JSON). Plain data: kinds and prop
 * names go as their ids and the translation nests their own keys (`$t(map:kinds.{{source}})`).
 */
export type MessageParams = Record<string, string | number>;

/**
 * What every channel answers: `{ok:true, value}` or `{ok:false, code, message, path}` (path: the offending field).
 * `message` is English, for logs and as the fallback; `key` (an i18next key of the renderer's translation files,
 * namespace `common` unless prefixed, e.g. `errors.nodeNotFound`, `library:errors.folderNotFound`) and `params`
 * let the UI show the same message in its own language.
 */
export type Result<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      code: ErrorCode;
      message: string;
      path: Array<string | number>;
      key?: string;
      params?: MessageParams;
    };
