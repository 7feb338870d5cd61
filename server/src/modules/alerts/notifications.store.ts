import type { Pool } from '../../db/pool.js';
import type { RenderedAlert } from './message/render.js';
import type { NotificationSnapshot } from './message/snapshot.js';
import type { Db } from './sql.js';

export type DeliveryChannel = 'EMAIL' | 'SLACK';
export type DeliveryStatus = 'PENDING' | 'SENDING' | 'SENT' | 'SKIPPED' | 'FAILED' | 'CANCELLED';

export interface DeliveryRow {
  id: number;
  notificationId: number;
  channel: DeliveryChannel;
  target: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  error: string | null;
  sentAt: Date | null;
}

/** A claimed delivery with what sending it needs. */
export interface ClaimedDelivery extends DeliveryRow {
  ruleId: number;
  ruleDeleted: boolean;
  snapshot: NotificationSnapshot;
  content: RenderedAlert | null;
}

const DELIVERY_COLUMNS = `d.id, d.notification_id as "notificationId", d.channel, d.target, d.status, d.attempts, d.next_attempt_at as "nextAttemptAt", d.error, d.sent_at as "sentAt"`;

/**
 * The outbox: a notification (one per rule and evaluation that changed something) and one
 * delivery per channel and target. Written in the transaction that records the transitions, so
 * a notification exists exactly when its events do; sent by whoever claims each delivery.
 */
export const notificationsStore = {
  async create(db: Db, rule: { id: number; tenantId: number; orgId: number }, snapshot: NotificationSnapshot, targets: { channel: DeliveryChannel; target: string }[], now: Date): Promise<number> {
    const { rows } = await db.query<{ id: number }>({
      name: 'alert-notification-insert',
      text: `insert into alert_notification (rule_id, tenant_id, org_id, event_ids, transitions, created_at) values ($1, $2, $3, $4, $5, $6) returning id`,
      values: [rule.id, rule.tenantId, rule.orgId, snapshot.transitions.map((t) => t.eventId), JSON.stringify(snapshot), now],
    });
    const id = rows[0].id;
    if (targets.length) {
      await db.query({
        name: 'alert-delivery-insert',
        text: `insert into alert_delivery (notification_id, channel, target, status, next_attempt_at)
               select $1, c, t, 'PENDING', $4 from unnest($2::text[], $3::text[]) as x(c, t) on conflict do nothing`,
        values: [id, targets.map((t) => t.channel), targets.map((t) => t.target), now],
      });
    }
    return id;
  },

  /**
   * Hands out due deliveries, each to one caller: PENDING ones whose time came, and SENDING ones
   * whose holder's lease ran out (it died mid-send). Skip-locked, so instances never wait on each other.
   */
  async claimDue(pool: Pool, now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    const { rows } = await pool.query<ClaimedDelivery & { transitions: NotificationSnapshot; subject: string | null; html: string | null; textBody: string | null; slack: Record<string, unknown> | null }>({
      name: 'alert-delivery-claim',
      text: `with claimed as (
               update alert_delivery d
                  set status = 'SENDING', attempts = attempts + 1, next_attempt_at = null,
                      lease_until = $1::timestamptz + make_interval(secs => $2::double precision / 1000)
                where d.id in (select id from alert_delivery
                                where (status = 'PENDING' and next_attempt_at <= $1) or (status = 'SENDING' and lease_until < $1)
                                order by id limit $3 for update skip locked)
               returning d.*)
             select ${DELIVERY_COLUMNS}, n.rule_id as "ruleId", r.deleted_at is not null as "ruleDeleted", n.transitions,
                    n.subject, n.html, n.text_body as "textBody", n.slack
               from claimed d join alert_notification n on n.id = d.notification_id join alert_rule r on r.id = n.rule_id
              order by d.id`,
      values: [now, leaseMs, limit],
    });
    return rows.map(({ transitions, subject, html, textBody, slack, ...d }) => ({
      ...d,
      snapshot: transitions,
      content: subject != null ? { subject, html: html ?? '', text: textBody ?? '', slack: slack ?? {} } : null,
    }));
  },

  /** Stores the rendering once; the first writer wins, so every delivery of a notification says the same. */
  async saveContent(db: Db, notificationId: number, c: RenderedAlert): Promise<void> {
    await db.query({
      name: 'alert-notification-content',
      text: `update alert_notification set subject = $2, html = $3, text_body = $4, slack = $5 where id = $1 and subject is null`,
      values: [notificationId, c.subject, c.html, c.text, JSON.stringify(c.slack)],
    });
  },

  /** Ends an attempt; only the holder of attempt `attempts` may (a stale holder changes nothing). */
  async finish(db: Db, d: { id: number; attempts: number }, outcome: { status: 'SENT' | 'SKIPPED' | 'FAILED' | 'CANCELLED'; error: string | null; at: Date } | { status: 'PENDING'; error: string; nextAttemptAt: Date }): Promise<boolean> {
    const { rowCount } = await db.query({
      name: 'alert-delivery-finish',
      text: `update alert_delivery set status = $3, error = $4, next_attempt_at = $5, lease_until = null,
                    sent_at = case when $3 = 'SENT' then $6::timestamptz else sent_at end
              where id = $1 and attempts = $2 and status = 'SENDING'`,
      values: [d.id, d.attempts, outcome.status, outcome.error, outcome.status === 'PENDING' ? outcome.nextAttemptAt : null, outcome.status === 'PENDING' ? null : outcome.at],
    });
    return rowCount === 1;
  },

  /** A deleted rule sends nothing more: its deliveries still waiting are cancelled. */
  async cancelForRule(db: Db, ruleId: number, reason: string): Promise<number> {
    const { rowCount } = await db.query({
      name: 'alert-delivery-cancel-rule',
      text: `update alert_delivery d set status = 'CANCELLED', error = $2, next_attempt_at = null
               from alert_notification n
              where n.id = d.notification_id and n.rule_id = $1 and d.status = 'PENDING'`,
      values: [ruleId, reason],
    });
    return rowCount ?? 0;
  },

  /** The deliveries of the notifications that mention these events, one row per (event, delivery), with the change told. */
  async deliveriesOfEvents(db: Db, eventIds: number[]): Promise<(DeliveryRow & { eventId: number; change: 'FIRED' | 'RESOLVED' })[]> {
    if (eventIds.length === 0) return [];
    const { rows } = await db.query<DeliveryRow & { eventId: number; change: 'FIRED' | 'RESOLVED' }>({
      name: 'alert-delivery-of-events',
      text: `select ${DELIVERY_COLUMNS}, t.event_id as "eventId", t.change
               from alert_notification n
               cross join lateral (select (x->>'eventId')::bigint as event_id, x->>'change' as change from jsonb_array_elements(n.transitions->'transitions') x) t
               join alert_delivery d on d.notification_id = n.id
              where n.event_ids && $1::bigint[] and t.event_id = any($1::bigint[])
              order by d.id`,
      values: [eventIds],
    });
    return rows;
  },
};
