/** The workspace domain: which file is open, its counts, the recent list. Imports only zod. */
import { z } from 'zod';
import type { ChannelMap } from './channel';

export const WorkspaceInfo = z.object({
  path: z.string(),
  name: z.string(),
  schemaVersion: z.number().int(),
  nodeCount: z.number().int(),
  edgeCount: z.number().int(),
  /** How the workspace is served: inside Electron or in a browser through the loopback bridge. */
  mode: z.enum(['electron', 'browser', 'node']),
  /** Set when the workspace is a team workspace on PostgreSQL (issue 13); `path` is then its address. */
  team: z
    .object({
      /** The address without its password. */
      address: z.string(),
      user: z.string(),
      role: z.enum(['viewer', 'editor', 'admin']),
      /** Ids of the units whose nodes this member may change (editors). */
      units: z.array(z.string()),
      status: z.enum(['connected', 'reconnecting']),
    })
    .optional(),
  /** Set when the file is a read-only offline copy pulled from a team workspace: graph edits are refused. */
  pulledFrom: z.object({ address: z.string(), at: z.string() }).optional(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;

export const Stats = z.object({
  nodes: z.record(z.string(), z.number().int()),
  edges: z.record(z.string(), z.number().int()),
  nodeTotal: z.number().int(),
  edgeTotal: z.number().int(),
});
export type Stats = z.infer<typeof Stats>;

const empty = z.strictObject({});

export const WORKSPACE_CHANNELS = {
  'workspace:info': { input: empty, output: WorkspaceInfo },
  'workspace:stats': { input: empty, output: Stats },
  'workspace:recent': { input: empty, output: z.array(z.string()) },
  /** Open another workspace file (Electron: from the native dialog or the recent list). */
  'workspace:open': { input: z.strictObject({ path: z.string().min(1).max(4096) }), output: WorkspaceInfo },
  /** Create a workspace at `path`, optionally seeded with the sample, and switch to it. */
  'workspace:create': {
    input: z.strictObject({ path: z.string().min(1).max(4096), sample: z.boolean().optional() }),
    output: WorkspaceInfo,
  },
} as const satisfies ChannelMap;
