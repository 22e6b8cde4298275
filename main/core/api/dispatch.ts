import { CHANNELS, type Channel, type Result } from '../../../preload/contract';
import { isWellspringError, type Message } from '../util/errors';
import type { Handlers } from './handlers';

/** True when `name` is a channel of the contract. */
export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(CHANNELS, name);
}

/**
 * Validates `raw` against the channel's input schema, runs its handler and wraps the outcome in the result
 * envelope. Never throws: invalid input answers `invalid_input` with the path of the first offending field and
 * runs nothing; a WellspringError keeps its code; anything else is `internal`. Object keys whose value is
 * `undefined` are dropped first (see {@link withoutUndefined}).
 */
export async function dispatch(handlers: Handlers, channel: string, raw: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, code: 'invalid_input', message: `Unknown channel: ${channel}`, path: [] };
  }
  const parsed = CHANNELS[channel].input.safeParse(withoutUndefined(raw ?? {}, 0));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const where = path.length ? ` at ${path.join('.')}` : '';
    const value = shownValue(valueAt(raw, path));
    const got = value === null ? '' : ` (got ${value})`;
    return {
      ok: false,
      code: 'invalid_input',
      message: `Invalid input for ${channel}${where}: ${issue.message}${got}`,
      path,
      ...invalidInputMessage(path, value),
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (e) {
    if (isWellspringError(e))
      return { ok: false, code: e.code, message: e.message, path: e.path, ...e.translated };
    return { ok: false, code: 'internal', message: e instanceof Error ? e.message : String(e), path: [] };
  }
}

/**
 * The translated message for input its schema refused: the prop's own name for `props.<name>` (anywhere in the
 * path, as in `patch.props.expectedLeaving`), else the path; naming the value refused when it is a plain one
 * (a proficiency of 6, a leaving date of 2027-02-30); the English message adds the schema's reason.
 */
function invalidInputMessage(path: Array<string | number>, value: string | null): Message {
  const at = path.lastIndexOf('props');
  const field = at >= 0 ? path[at + 1] : undefined;
  if (typeof field === 'string' && at === path.length - 2)
    return value === null
      ? { key: 'errors.invalidProp', params: { field } }
      : { key: 'errors.invalidPropValue', params: { field, value } };
  const name = path.join('.') || '—';
  return value === null
    ? { key: 'errors.invalidInput', params: { field: name } }
    : { key: 'errors.invalidInputValue', params: { field: name, value } };
}

const MAX_UNDEFINED_DEPTH = 64;

/**
 * `v` with every object key whose value is `undefined` left out (plain copies; arrays keep their items), to
 * `MAX_UNDEFINED_DEPTH` levels. IPC's structured clone keeps `{name: undefined}` where the HTTP bridge's JSON drops
 * it, and zod keeps a present optional key: a patch spread over the stored row then wrote `undefined` into it
 * (views:update {patch:{name: undefined}} answered `internal: NOT NULL constraint failed: views.name`, found by the
 * fuzzed API). Now both transports hand the handlers the same input.
 */
function withoutUndefined(v: unknown, depth: number): unknown {
  if (v === null || typeof v !== 'object' || depth >= MAX_UNDEFINED_DEPTH) return v;
  if (Array.isArray(v)) return v.map((x) => withoutUndefined(x, depth + 1));
  if (v instanceof Date || ArrayBuffer.isView(v)) return v;
  // Object.fromEntries defines own data properties, so a `__proto__` key stays a key and never sets a prototype.
  return Object.fromEntries(
    Object.entries(v)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => [k, withoutUndefined(x, depth + 1)]),
  );
}

/** The value at `path` inside `raw` (undefined where the path leads nowhere). */
function valueAt(raw: unknown, path: ReadonlyArray<string | number>): unknown {
  let v: unknown = raw;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/**
 * A refused value as the message shows it: numbers, booleans and non-blank strings (cut at 80 characters); null for
 * anything else (a blank label reads better as "the value of label" than as "“” is not valid").
 */
function shownValue(v: unknown): string | null {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string' && v.trim() !== '') return v.length > 80 ? `${v.slice(0, 80)}…` : v;
  return null;
}
