import pg from 'pg';
import type { Logger } from '../../shared/logger.js';
import { LIVE_CHANNEL } from './notification.js';

/** application_name of the LISTEN connection, so it can be seen in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'tokentally-live';

export type ListenerState = 'stopped' | 'connecting' | 'listening';

export interface ListenerOptions {
  /** How long to keep listening after the last live subscriber left (ms), read when it leaves. */
  idleMs: () => number;
  /** First and longest wait between reconnection attempts (ms). */
  retryMinMs: number;
  retryMaxMs: number;
}

/**
 * One dedicated connection per process that LISTENs on the live channel while the process has
 * live subscribers (pooled connections cannot LISTEN: a notification goes to the session that
 * asked). Reconnects with backoff when the connection drops; since notifications sent meanwhile
 * are lost, `onResume` lets the views rebuild their state from the database.
 */
export class BatchListener {
  private client: pg.Client | null = null;
  private wanted = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private everListened = false;
  private readyWaiters: (() => void)[] = [];
  state: ListenerState = 'stopped';
  /** Times the connection was re-established after a loss (for stats and tests). */
  reconnects = 0;

  constructor(
    private readonly connectionString: string,
    private readonly log: Logger,
    private readonly onNotification: (payload: string | undefined) => void,
    private readonly onResume: () => void,
    readonly options: ListenerOptions,
  ) {}

  /** Starts listening if needed; resolves once LISTEN is active (or after `timeoutMs`). */
  async want(timeoutMs = 5000): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.wanted = true;
    if (this.state === 'listening') return;
    if (this.state === 'stopped') this.connect();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.readyWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** No live subscriber is left: stop listening after the idle delay. */
  unwant(): void {
    if (!this.wanted) return;
    this.wanted = false;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (!this.wanted) void this.disconnect();
    }, this.options.idleMs());
  }

  private connect(): void {
    this.state = 'connecting';
    const client = new pg.Client({ connectionString: this.connectionString, application_name: LISTENER_APPLICATION_NAME, keepAlive: true });
    this.client = client;
    client.on('notification', (msg) => {
      if (msg.channel === LIVE_CHANNEL) this.onNotification(msg.payload);
    });
    const lost = (err?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      client.removeAllListeners('notification');
      client.end().catch(() => undefined);
      if (!this.wanted) {
        this.state = 'stopped';
        return;
      }
      this.state = 'connecting';
      const delay = Math.min(this.options.retryMaxMs, this.options.retryMinMs * 2 ** this.attempt++);
      this.log.warn({ err, retryInMs: delay }, 'live: LISTEN connection lost; reconnecting');
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        if (this.wanted) this.connect();
        else this.state = 'stopped';
      }, delay);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client
      .connect()
      .then(() => client.query(`listen ${LIVE_CHANNEL}`))
      .then(() => {
        if (this.client !== client) return;
        this.state = 'listening';
        this.attempt = 0;
        if (this.everListened) {
          this.reconnects++;
          this.log.info('live: LISTEN connection re-established');
          this.onResume();
        }
        this.everListened = true;
        const waiters = this.readyWaiters;
        this.readyWaiters = [];
        for (const w of waiters) w();
      })
      .catch((err: Error) => lost(err));
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.state = 'stopped';
    this.everListened = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (client) {
      client.removeAllListeners('notification');
      await client.end().catch(() => undefined);
    }
  }

  async stop(): Promise<void> {
    this.wanted = false;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const w of waiters) w();
    await this.disconnect();
  }
}
