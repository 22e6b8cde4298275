/**
 * The one way the renderer reaches the main process. Under Electron it uses the preload bridge
 * (`window.wellspring`); in browser mode it calls the same handlers over HTTP on 127.0.0.1 with the per-launch
 * token the server put into index.html, and listens to events over server-sent events. When that token stops
 * working (the server was restarted with a new one) the session is marked expired (`onSessionExpired`).
 */
import type {
  Channel,
  EventName,
  EventPayload,
  InputOf,
  MessageParams,
  OutputOf,
  Result,
  WellspringBridge,
} from '../../../preload/contract';
import { EVENT_NAMES } from '../../../preload/contract';
import { translateMessage } from '../i18n/messages';

declare global {
  interface Window {
    wellspring?: WellspringBridge;
  }
}

/**
 * An error envelope turned into an exception, keeping the stable code, the offending field's path and the message
 * key. `message` is what the user reads: the translation of `key` with `params` in the UI language when the
 * renderer's translation files have it, else the main process's English, which `english` always keeps (issue #6).
 * So every toast or inline error that shows `e.message` is in the UI language.
 */
export class ApiError extends Error {
  readonly english: string;
  constructor(
    readonly code: string,
    message: string,
    readonly path: Array<string | number>,
    readonly key?: string,
    readonly params?: MessageParams,
  ) {
    super(translateMessage(key, params, message));
    this.name = 'ApiError';
    this.english = message;
  }
}

type Listener = (payload: unknown) => void;

let sessionExpired = false;
const sessionListeners = new Set<() => void>();

/** Marks the browser-mode session expired (once) and tells the subscribers. */
function expireSession(): void {
  if (sessionExpired) return;
  sessionExpired = true;
  for (const l of sessionListeners) l();
}

/** True once the server refused this page's token: the app was restarted and the page must be reloaded. */
export function isSessionExpired(): boolean {
  return sessionExpired;
}

/** Calls `listener` when the session expires (see `isSessionExpired`); returns the unsubscribe function. */
export function onSessionExpired(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

/** Milliseconds before the event stream is tried again after the server refused it for another reason. */
const RECONNECT_MS = 3000;

/** A 403 whose body is the server's `unauthorized` envelope (see browser-server.ts `forbid`). */
async function isUnauthorized(res: Response): Promise<boolean> {
  if (res.status !== 403) return false;
  const body = (await res
    .clone()
    .json()
    .catch(() => null)) as { code?: unknown } | null;
  return body?.code === 'unauthorized';
}

function httpBridge(): WellspringBridge {
  const token = document.querySelector<HTMLMetaElement>('meta[name="wellspring-token"]')?.content ?? '';
  const eventsUrl = `/api/events?token=${encodeURIComponent(token)}`;
  const listeners = new Map<string, Set<Listener>>();
  let source: EventSource | null = null;
  const connect = () => {
    if (source || sessionExpired) return;
    const es = new EventSource(eventsUrl);
    source = es;
    for (const name of EVENT_NAMES) {
      es.addEventListener(name, (e) => {
        const payload = JSON.parse((e as MessageEvent<string>).data) as unknown;
        for (const l of listeners.get(name) ?? []) l(payload);
      });
    }
    // A dropped connection is retried by EventSource itself (readyState CONNECTING); it gives up (CLOSED) only
    // when an answer is not an event stream, which is what a restarted server's 403 is. EventSource does not say
    // the status, so ask once with fetch: unauthorized expires the session, anything else retries later.
    es.addEventListener('error', () => {
      if (es.readyState !== EventSource.CLOSED) return;
      source = null;
      void probeEvents().then((expired) => {
        if (!expired) setTimeout(connect, RECONNECT_MS);
      });
    });
  };
  /** Asks the event endpoint for its status (dropping the stream if it opens); true when the token is refused. */
  const probeEvents = async (): Promise<boolean> => {
    const abort = new AbortController();
    try {
      const res = await fetch(eventsUrl, { signal: abort.signal });
      if (await isUnauthorized(res)) {
        expireSession();
        return true;
      }
    } catch {
      // The server is not reachable right now: try again later.
    } finally {
      abort.abort();
    }
    return false;
  };
  return {
    platform: 'browser',
    async invoke(channel, input) {
      const res = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wellspring-token': token },
        body: JSON.stringify(input ?? {}),
      });
      if (await isUnauthorized(res)) {
        expireSession();
        return {
          ok: false,
          code: 'unauthorized',
          message: 'The app was restarted: reload the page',
          path: [],
          key: 'session.restarted',
        };
      }
      if (!res.ok)
        return { ok: false, code: 'internal', message: `${res.status} ${await res.text()}`, path: [] };
      return (await res.json()) as never;
    },
    on(event, listener) {
      connect();
      const set = listeners.get(event) ?? listeners.set(event, new Set()).get(event)!;
      set.add(listener as Listener);
      return () => set.delete(listener as Listener);
    },
  };
}

const bridge: WellspringBridge = window.wellspring ?? httpBridge();

/** True when running inside the Electron shell (native menus and dialogs are available). */
export const isElectron = window.wellspring !== undefined;

/** Calls a channel; resolves to its output or rejects with ApiError. */
export async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const r = (await bridge.invoke(channel, input)) as Result<OutputOf<C>>;
  if (!r.ok) throw new ApiError(r.code, r.message, r.path, r.key, r.params);
  return r.value;
}

/** Subscribes to a main-process event; returns the unsubscribe function. */
export function subscribe<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return bridge.on(event, listener);
}
