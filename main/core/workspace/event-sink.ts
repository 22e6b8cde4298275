import type { EventName, EventPayload } from '../../../preload/contract';

/**
 * Receives main-process events; Electron forwards them over IPC, browser mode over server-sent events. Its own
 * file so that the services WorkspaceService owns (the library) can take one without importing their owner.
 */
export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
