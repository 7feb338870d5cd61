import pg from 'pg';
import { filter, pipe } from '@graphql-yoga/subscription';
import type { PubSub } from '../../graphql/schema.js';
import type { Logger } from '../../shared/logger.js';
import type { TenantScope } from '../accounts/access.js';
import type { Db } from './sql.js';

/** PostgreSQL channel carrying alert transitions to every instance. */
export const ALERTS_CHANNEL = 'tokentally_alerts';
/** The pubSub topic of the `alertFired` subscription on each instance. */
export const ALERT_FIRED_TOPIC = 'alertFired';

/** Ids only: a subscriber loads the event with its own EntityManager fork and scope. */
export interface AlertFiredMessage {
  tenantId: number;
  /** The rule's organization, for scoping to the subscriber's tree. */
  orgId: number;
  ruleId: string;
  eventId: string;
  status: 'FIRING' | 'RESOLVED';
}

/**
 * Carries alert transitions to `alertFired` subscribers on every instance. The evaluator calls
 * `notify` inside the transaction that records the transition, so a message goes out exactly
 * when (and only if) the event commits; each instance LISTENs on one dedicated connection (opened
 * with its first subscriber) and republishes on its own pubSub, its own notifications included.
 * A message sent while a listener reconnects is lost for live subscribers only: the event stays
 * in `alertEvents`.
 */
export class AlertFeed {
  private pubSub: PubSub | null = null;
  private client: pg.Client | null = null;
  private ready: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private attempt = 0;

  constructor(
    private readonly connectionString: string,
    private readonly log: Logger,
  ) {}

  attach(pubSub: PubSub): void {
    this.pubSub = pubSub;
  }

  /** Queues the message in the caller's transaction (delivered by PostgreSQL on commit). */
  async notify(db: Db, message: AlertFiredMessage): Promise<void> {
    await db.query({ name: 'alert-notify', text: 'select pg_notify($1, $2)', values: [ALERTS_CHANNEL, JSON.stringify(message)] });
  }

  /** Messages for one subscriber: its tenant and organizations, optionally one rule and resolutions too. */
  async subscribe(scope: TenantScope, accept: (m: AlertFiredMessage) => boolean): Promise<AsyncIterable<AlertFiredMessage>> {
    if (!this.pubSub) throw new Error('The alerts module is not attached to a server yet.');
    await this.listen();
    const source = this.pubSub.subscribe(ALERT_FIRED_TOPIC) as AsyncIterable<AlertFiredMessage>;
    return pipe(
      source,
      filter((m: AlertFiredMessage) => m.tenantId === scope.tenantId && (!scope.orgIds || scope.orgIds.includes(m.orgId)) && accept(m)),
    );
  }

  private listen(): Promise<void> {
    if (this.ready) return this.ready;
    this.ready = new Promise<void>((resolve) => this.connect(resolve));
    return this.ready;
  }

  private connect(onReady: () => void): void {
    if (this.stopped) return onReady();
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'tokentally-alerts', keepAlive: true });
    this.client = client;
    client.on('notification', (msg) => {
      if (msg.channel !== ALERTS_CHANNEL || !msg.payload) return;
      try {
        this.pubSub?.publish(ALERT_FIRED_TOPIC, JSON.parse(msg.payload) as AlertFiredMessage);
      } catch {
        // A foreign payload: ignore it.
      }
    });
    const lost = (err?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      client.removeAllListeners('notification');
      client.end().catch(() => undefined);
      if (this.stopped) return onReady();
      const delay = Math.min(10_000, 250 * 2 ** this.attempt++);
      this.log.warn({ err, retryInMs: delay }, 'alerts: LISTEN connection lost; reconnecting');
      this.retryTimer = setTimeout(() => this.connect(onReady), delay);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client
      .connect()
      .then(() => client.query(`listen ${ALERTS_CHANNEL}`))
      .then(() => {
        this.attempt = 0;
        onReady();
      })
      .catch((err: Error) => lost(err));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('notification');
      await client.end().catch(() => undefined);
    }
  }
}
