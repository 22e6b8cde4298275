/** The team domain (issue 13): connecting to a team workspace on PostgreSQL, and its audit log. Imports only zod. */
import { z } from 'zod';
import type { ChannelMap } from './channel';
import { WorkspaceInfo } from './workspace';

/** One entry of a team workspace's audit log: who changed which row when, with the row before and after. */
export const AuditEntry = z.object({
  id: z.number().int(),
  /** ISO 8601. */
  at: z.string(),
  /** The PostgreSQL login role that made the change. */
  actor: z.string(),
  /** The desktop that sent it (its replica's client id), or null for a change made outside the app. */
  client: z.string().nullable(),
  table: z.enum(['nodes', 'edges']),
  rowId: z.string(),
  action: z.enum(['insert', 'update', 'delete']),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const TEAM_CHANNELS = {
  /**
   * Connect to a team workspace and switch to it. `url` is `postgres://user@host:port/database?schema=name`; the
   * password comes separately (or from the OS keychain where the app kept it: Electron safeStorage), and with
   * `remember` it is kept there for the next start. Never stored in plain text.
   */
  'team:connect': {
    input: z.strictObject({
      url: z.string().min(1).max(2048),
      password: z.string().max(1024).optional(),
      remember: z.boolean().optional(),
    }),
    output: WorkspaceInfo,
  },
  /** The audit log of one node and its edges, newest first (a team workspace only). */
  'team:audit': {
    input: z.strictObject({
      nodeId: z.string().min(1).max(200),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    output: z.array(AuditEntry),
  },
} as const satisfies ChannelMap;
