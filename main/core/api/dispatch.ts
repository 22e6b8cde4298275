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
 * runs nothing; a WellspringError keeps its code; anything else is `internal`.
 */
export async function dispatch(handlers: Handlers, channel: string, raw: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, code: 'invalid_input', message: `Unknown channel: ${channel}`, path: [] };
  }
  const parsed = CHANNELS[channel].input.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const where = path.length ? ` at ${path.join('.')}` : '';
    return {
      ok: false,
      code: 'invalid_input',
      message: `Invalid input for ${channel}${where}: ${issue.message}`,
      path,
      ...invalidInputMessage(path),
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

/** The translated message for input its schema refused: the prop's own name for `props.<name>`, else the path. */
function invalidInputMessage(path: Array<string | number>): Message {
  const [first, field] = path;
  if (first === 'props' && typeof field === 'string') return { key: 'errors.invalidProp', params: { field } };
  return { key: 'errors.invalidInput', params: { field: path.join('.') || '—' } };
}
