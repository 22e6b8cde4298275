import type pg from 'pg';
import { connect } from './pg-session';
import { CHANGE_CHANNEL } from './pg-migrations';
import type { TeamAddress } from './team-url';

/** The state of a team workspace's connection, as the app shows it. */
export type FeedStatus = 'connected' | 'reconnecting';

/** What the feed calls. */
export interface FeedHandlers {
  /** Another client committed a change (or the feed reconnected and may have missed some): catch up now. */
  onChange: () => void;
  /** The connection was lost or is back. `detail` says why it was lost. */
  onStatus: (status: FeedStatus, detail?: string) => void;
}

/** Delays between reconnection attempts, ms (the last one repeats). */
const BACKOFF_MS = [250, 500, 1000, 2000, 5000];

/**
 * The change feed of a team workspace: one connection that LISTENs on the workspace's channel (PostgreSQL
 * LISTEN/NOTIFY; the server's statement triggers notify on every commit with `<schema>|<client id>`). Own echoes
 * (this client's id) are skipped. When the connection drops (server restart, network), the feed reports
 * `reconnecting`, retries with back-off, and on success reports `connected` and asks for a catch-up, since
 * notifications sent meanwhile are lost; reading by horizon (team-replica.ts) makes that catch-up complete.
 */
export class TeamFeed {
  private client: pg.Client | null = null;
  private stopped = false;
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;
  private status: FeedStatus = 'connected';

  constructor(
    private readonly address: TeamAddress,
    private readonly clientId: string,
    private readonly handlers: FeedHandlers,
  ) {}

  /**
   * Connects and listens; resolves once listening, or once the first attempt failed (the feed then reports
   * `reconnecting` and keeps trying). Never rejects.
   */
  async start(): Promise<void> {
    try {
      await this.listen();
    } catch (e) {
      this.setStatus('reconnecting', (e as Error).message);
      this.retry();
    }
  }

  /** True while the feed is connected. */
  get connected(): boolean {
    return this.status === 'connected';
  }

  /** Stops listening and closes the connection. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = await connect(this.address);
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    client.on('notification', (n) => {
      if (n.channel !== CHANGE_CHANNEL || !n.payload) return;
      const [schema, from] = n.payload.split('|');
      if (schema !== this.address.schema || from === this.clientId) return;
      this.handlers.onChange();
    });
    const lost = (why: string) => {
      if (this.client !== client || this.stopped) return;
      this.client = null;
      void client.end().catch(() => undefined);
      this.setStatus('reconnecting', why);
      this.retry();
    };
    client.on('error', (e) => lost(e.message));
    client.on('end', () => lost('connection closed'));
    await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    this.attempt = 0;
    if (this.status !== 'connected') {
      this.setStatus('connected');
      this.handlers.onChange();
    }
  }

  private retry(): void {
    if (this.stopped) return;
    const delay = BACKOFF_MS[Math.min(this.attempt++, BACKOFF_MS.length - 1)]!;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.listen().catch(() => this.retry());
    }, delay);
  }

  private setStatus(status: FeedStatus, detail?: string): void {
    this.status = status;
    this.handlers.onStatus(status, detail);
  }
}
