/** Events pushed from main to the renderer (IPC in Electron, server-sent events in browser mode). Imports only zod. */
import { z } from 'zod';
import { GraphChange } from './graph';
import { HistoryState } from './history';
import { LibraryProgress } from './library';
import { WorkspaceInfo } from './workspace';
import { EvidenceProgress } from './evidence';

export const EVENTS = {
  /** One applied operation list, undo or redo: the ids it touched (see GraphChange). */
  'graph:did-change': GraphChange,
  'history:did-change': HistoryState,
  /** A view was created, renamed, re-filtered or deleted (its positions change through `graph:did-change`). */
  'views:did-change': z.object({ viewIds: z.array(z.string()) }),
  'workspace:did-open': WorkspaceInfo,
  'library:did-progress': LibraryProgress,
  /** Files were added, re-extracted or removed. */
  'library:did-change': z.object({ folderId: z.number().int().nullable() }),
  /** The evidence finder's background run moved on, or finished (then proposals may have changed). */
  'evidence:did-progress': EvidenceProgress,
  /** Strength settings changed (every strength may differ). */
  'strength:did-change': z.object({}),
  /**
   * An import session (import:open … import:apply) moved on: `phase` reading the file, planning the rows or
   * writing them; `done` of `total` rows (total null while reading a text file whose row count is not known yet).
   */
  'import:did-progress': z.object({
    sessionId: z.string(),
    phase: z.enum(['reading', 'planning', 'applying']),
    done: z.number().int().min(0),
    total: z.number().int().min(0).nullable(),
  }),
  /** A backup was written or a restore finished (the list of backups may have changed). */
  'backup:did-change': z.object({}),
  /**
   * A team workspace's connection was lost (`reconnecting`: edits are refused with a clear message and stay in their
   * forms) or is back (`connected`: the replica caught up with what changed meanwhile).
   */
  'team:did-change-status': z.object({
    status: z.enum(['connected', 'reconnecting']),
    detail: z.string().optional(),
  }),
  /** A command chosen in the native app menu (id from preload/commands.ts). */
  'app:did-run-command': z.object({ id: z.string() }),
} as const;
export type EventName = keyof typeof EVENTS;
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];
export type EventPayload<E extends EventName> = z.infer<(typeof EVENTS)[E]>;
