import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openWorkspaceDb } from '../db/workspace-db';
import { GraphStore } from '../graph/graph-store';
import { metaOfDb } from '../db/meta-table';
import { TeamBridge } from './team-bridge';
import { TeamFeed, type FeedStatus } from './team-feed';
import { ADDRESS_KEY, TeamReplica, type CatchUpResult } from './team-replica';
import { parseTeamAddress, replicaPathOf, type TeamAddress } from './team-url';

/** Options of {@link openTeamWorkspace}. */
export interface OpenTeamOptions {
  /** The password when the URL has none (the Electron shell reads it from the OS keychain). */
  password?: string;
  /** Initialise the schema when the database has none (the CLI's `team init`). */
  create?: boolean;
  /** Listen for other clients' changes (default true; the CLI's one-shot commands say false). */
  live?: boolean;
  /** Called after a change of another client was applied locally, or the connection state changed. */
  onStatus?: (status: FeedStatus, detail?: string) => void;
}

/** An open team workspace: the local replica file and its store, the server connection and the change feed. */
export interface TeamWorkspace {
  address: TeamAddress;
  /** The replica file (`<dataDir>/team/…`). */
  file: string;
  db: Database.Database;
  store: GraphStore;
  replica: TeamReplica;
  /** What the catch-up at open did. */
  opened: CatchUpResult;
  /** The connection state (always `connected` without a feed). */
  status(): FeedStatus;
  /** Resolves once the change feed listens (or its first attempt failed and it keeps retrying); at once without one. */
  feedReady: Promise<void>;
  /** Stops the feed and closes the server connection (the replica file stays open: its owner closes `db`). */
  close(): Promise<void>;
}

/**
 * Opens a team workspace (issue 13): connects (checking that the schema is a Wellspring team workspace this build
 * knows — nothing is written otherwise), opens or creates the desktop's replica file under `dataDir`, catches up
 * with the server (everything on the first open, what changed since the last one after), makes the replica the
 * store's publisher, and with `live` starts the LISTEN/NOTIFY feed that applies other clients' changes as they
 * commit (coalesced: one catch-up per burst of notifications). Synchronous like opening a workspace file (the
 * bridge blocks on the server); the feed connects in the background (`feedReady`).
 *
 * @throws WellspringError `invalid_input` (address), `team_unreachable` (server down, wrong password),
 *   `not_a_workspace`, `workspace_too_new`, `unknown_history`, `permission_denied` (not a member); the errors of
 *   openWorkspaceDb for the replica file
 */
export function openTeamWorkspace(
  url: string,
  dataDir: string,
  options: OpenTeamOptions = {},
): TeamWorkspace {
  const address = parseTeamAddress(url, options.password);
  // Connecting (a TLS or SCRAM handshake, the schema check) overlaps opening the replica file.
  const connecting = TeamBridge.begin(address, { create: options.create });
  let db: Database.Database | null = null;
  let bridge: TeamBridge | null = null;
  try {
    const file = replicaPathOf(dataDir, address);
    const isNew = !fs.existsSync(file);
    let fileError: unknown = null;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      db = openWorkspaceDb(file, { create: true }).db;
    } catch (e) {
      fileError = e;
    }
    // Always collected, so that a failed file open does not leave the connection's answer unread.
    try {
      bridge = connecting.finish();
    } catch (e) {
      // A refused connection leaves nothing behind: not even the empty replica just made for it.
      db?.close();
      db = null;
      if (isNew) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
      throw e;
    }
    if (fileError !== null || db === null) throw fileError;
    const live = bridge;
    const meta = metaOfDb(db);
    meta.set(ADDRESS_KEY, address.display);
    if (meta.get('name') === null) meta.set('name', `${address.database}/${address.schema}`);
    const store = new GraphStore(db);
    const replica = new TeamReplica(db, store, live);
    const opened = replica.catchUp();
    replica.attach();
    let status: FeedStatus = 'connected';
    let feed: TeamFeed | null = null;
    let feedReady: Promise<void> = Promise.resolve();
    let closed = false;
    // One catch-up per burst of notifications (and after a refused, conflicting write).
    let scheduled = false;
    const catchUpSoon = () => {
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        if (closed) return;
        try {
          replica.catchUp();
        } catch (e) {
          console.warn(`wellspring: catching up with ${address.display} failed: ${(e as Error).message}`);
        }
      });
    };
    replica.onConflict = catchUpSoon;
    if (options.live !== false) {
      feed = new TeamFeed(address, replica.clientId, {
        onChange: catchUpSoon,
        onStatus: (s, detail) => {
          status = s;
          options.onStatus?.(s, detail);
        },
      });
      feedReady = feed.start();
    }
    const openDb = db;
    return {
      address,
      file,
      db: openDb,
      store,
      replica,
      opened,
      feedReady,
      status: () => status,
      close: async () => {
        if (closed) return;
        closed = true;
        replica.detach();
        await feed?.stop();
        live.close();
      },
    };
  } catch (e) {
    db?.close();
    try {
      bridge?.close();
    } catch {
      // the connection is gone already
    }
    throw e;
  }
}
