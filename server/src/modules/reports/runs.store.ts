import type { Pool } from '../../db/pool.js';
import type { Period } from './periods.js';

/**
 * SQL for report runs and deliveries. Every state change is one conditional statement, so two
 * server instances can race on the same run and exactly one wins: the unique index on
 * (schedule, period start) makes the scheduled run of a period exist once, and `acquire` hands
 * an attempt to one holder at a time, fenced by its attempt number.
 */
export interface RunRow {
  id: number;
  schedule_id: number;
  tenant_id: number;
  org_id: number;
  kind: 'SCHEDULED' | 'MANUAL';
  period_from: Date;
  period_to: Date;
  status: 'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'CANCELLED';
  attempts: number;
  error: string | null;
  next_attempt_at: Date | null;
  lease_until: Date | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  has_content: boolean;
}

export interface DeliveryRow {
  run_id: number;
  channel: 'EMAIL' | 'SLACK';
  target: string;
  status: 'PENDING' | 'SENT' | 'STORED' | 'FAILED' | 'CANCELLED';
  error: string | null;
  attempts: number;
  sent_at: Date | null;
}

export interface StoredContent {
  subject: string;
  html: string;
  text: string;
  slack: Record<string, unknown>;
}

const RUN_COLUMNS = `id, schedule_id, tenant_id, org_id, kind, period_from, period_to, status, attempts, error,
  next_attempt_at, lease_until, created_at, started_at, finished_at, subject is not null as has_content`;

export class RunsStore {
  constructor(private readonly pool: Pool) {}

  /** Creates the scheduled run of a period, or returns null when it already exists. */
  async claimScheduled(s: { scheduleId: number; tenantId: number; orgId: number }, period: Period, now: Date): Promise<RunRow | null> {
    const { rows } = await this.pool.query<RunRow>({
      name: 'report-run-claim',
      text: `insert into report_run (schedule_id, tenant_id, org_id, kind, period_from, period_to, status, next_attempt_at, created_at)
             values ($1, $2, $3, 'SCHEDULED', $4, $5, 'PENDING', $6, $6)
             on conflict (schedule_id, period_from) where kind = 'SCHEDULED' do nothing
             returning ${RUN_COLUMNS}`,
      values: [s.scheduleId, s.tenantId, s.orgId, period.from, period.to, now],
    });
    return rows[0] ?? null;
  }

  async createManual(s: { scheduleId: number; tenantId: number; orgId: number }, period: Period, now: Date): Promise<RunRow> {
    const { rows } = await this.pool.query<RunRow>({
      name: 'report-run-manual',
      text: `insert into report_run (schedule_id, tenant_id, org_id, kind, period_from, period_to, status, next_attempt_at, created_at)
             values ($1, $2, $3, 'MANUAL', $4, $5, 'PENDING', $6, $6) returning ${RUN_COLUMNS}`,
      values: [s.scheduleId, s.tenantId, s.orgId, period.from, period.to, now],
    });
    return rows[0];
  }

  /**
   * Takes the next attempt of a run: PENDING (when `dueOnly`, only once its retry time came),
   * or SENDING whose holder's lease ran out (it crashed). Returns null when someone else holds
   * it, it is finished, or it has used its attempts.
   */
  async acquire(runId: number, now: Date, leaseMs: number, maxAttempts: number, dueOnly: boolean): Promise<RunRow | null> {
    const { rows } = await this.pool.query<RunRow>({
      name: 'report-run-acquire',
      text: `update report_run
                set status = 'SENDING', attempts = attempts + 1, started_at = coalesce(started_at, $2),
                    lease_until = $2::timestamptz + make_interval(secs => $3::double precision / 1000), next_attempt_at = null
              where id = $1 and attempts < $4
                and ((status = 'PENDING' and (not $5 or next_attempt_at <= $2)) or (status = 'SENDING' and lease_until < $2))
             returning ${RUN_COLUMNS}`,
      values: [runId, now, leaseMs, maxAttempts, dueOnly],
    });
    return rows[0] ?? null;
  }

  /** Ends an attempt. Only the holder of attempt `attempt` may: a stale holder changes nothing. */
  async finishAttempt(
    runId: number,
    attempt: number,
    outcome: { status: 'SENT' | 'FAILED' | 'CANCELLED'; error: string | null; at: Date } | { status: 'PENDING'; error: string; nextAttemptAt: Date },
  ): Promise<boolean> {
    const finished = outcome.status === 'PENDING' ? null : outcome.at;
    const next = outcome.status === 'PENDING' ? outcome.nextAttemptAt : null;
    const { rowCount } = await this.pool.query({
      name: 'report-run-finish',
      text: `update report_run set status = $3, error = $4, finished_at = $5, next_attempt_at = $6, lease_until = null
              where id = $1 and attempts = $2 and status = 'SENDING'`,
      values: [runId, attempt, outcome.status, outcome.error, finished, next],
    });
    return rowCount === 1;
  }

  async saveContent(runId: number, c: StoredContent): Promise<void> {
    await this.pool.query({
      name: 'report-run-content',
      text: `update report_run set subject = $2, html = $3, text_body = $4, slack = $5 where id = $1`,
      values: [runId, c.subject, c.html, c.text, JSON.stringify(c.slack)],
    });
  }

  async content(runId: number): Promise<(StoredContent & { period_from: Date; period_to: Date }) | null> {
    const { rows } = await this.pool.query({
      name: 'report-run-read-content',
      text: `select subject, html, text_body as text, slack, period_from, period_to from report_run where id = $1 and subject is not null`,
      values: [runId],
    });
    return rows[0] ?? null;
  }

  /** Records the deliveries a run owes (once: later attempts keep the first list). */
  async ensureDeliveries(runId: number, targets: { channel: 'EMAIL' | 'SLACK'; target: string }[]): Promise<void> {
    if (targets.length === 0) return;
    await this.pool.query({
      name: 'report-delivery-ensure',
      text: `insert into report_delivery (run_id, channel, target, status)
             select $1, c, t, 'PENDING' from unnest($2::text[], $3::text[]) as x(c, t)
             on conflict (run_id, channel, target) do nothing`,
      values: [runId, targets.map((t) => t.channel), targets.map((t) => t.target)],
    });
  }

  async deliveries(runIds: number[]): Promise<DeliveryRow[]> {
    if (runIds.length === 0) return [];
    const { rows } = await this.pool.query<DeliveryRow>({
      name: 'report-delivery-list',
      text: `select run_id, channel, target, status, error, attempts, sent_at from report_delivery where run_id = any($1::bigint[]) order by run_id, id`,
      values: [runIds],
    });
    return rows;
  }

  async markDelivery(runId: number, d: { channel: string; target: string }, status: 'SENT' | 'STORED' | 'FAILED' | 'CANCELLED', error: string | null, at: Date): Promise<void> {
    await this.pool.query({
      name: 'report-delivery-mark',
      text: `update report_delivery set status = $4, error = $5, attempts = attempts + case when $4 = 'CANCELLED' then 0 else 1 end,
                    sent_at = case when $4 = 'SENT' then $6::timestamptz else sent_at end
              where run_id = $1 and channel = $2 and target = $3 and status <> 'SENT'`,
      values: [runId, d.channel, d.target, status, error, at],
    });
  }

  async get(runId: number): Promise<RunRow | null> {
    const { rows } = await this.pool.query<RunRow>({ name: 'report-run-get', text: `select ${RUN_COLUMNS} from report_run where id = $1`, values: [runId] });
    return rows[0] ?? null;
  }

  /** Runs of a tenant (optionally of some organizations, or of one schedule), newest first. */
  async list(q: { tenantId: number; orgIds: number[] | null; scheduleId: number | null; limit: number }): Promise<RunRow[]> {
    const { rows } = await this.pool.query<RunRow>({
      name: 'report-run-list',
      text: `select ${RUN_COLUMNS} from report_run
              where tenant_id = $1 and ($2::int[] is null or org_id = any($2)) and ($3::int is null or schedule_id = $3)
              order by id desc limit $4`,
      values: [q.tenantId, q.orgIds, q.scheduleId, q.limit],
    });
    return rows;
  }

  /** Runs waiting for a retry whose time has come, and attempts whose holder died. */
  async due(now: Date, limit = 500): Promise<number[]> {
    const { rows } = await this.pool.query<{ id: number }>({
      name: 'report-run-due',
      text: `select id from report_run
              where (status = 'PENDING' and next_attempt_at <= $1) or (status = 'SENDING' and lease_until < $1)
              order by id limit $2`,
      values: [now, limit],
    });
    return rows.map((r) => r.id);
  }

  /** Cancels the runs of a schedule still waiting for an attempt (deleted: all; disabled: the scheduled ones). */
  async cancelOpenRuns(scheduleId: number, reason: string, at: Date, onlyScheduled: boolean): Promise<RunRow[]> {
    const { rows } = await this.pool.query<RunRow>({
      name: 'report-run-cancel-open',
      text: `update report_run set status = 'CANCELLED', error = $2, finished_at = $3, next_attempt_at = null, lease_until = null
              where schedule_id = $1 and status = 'PENDING' and (not $4 or kind = 'SCHEDULED') returning ${RUN_COLUMNS}`,
      values: [scheduleId, reason, at, onlyScheduled],
    });
    if (rows.length) {
      await this.pool.query({
        name: 'report-delivery-cancel-open',
        text: `update report_delivery set status = 'CANCELLED' where run_id = any($1::bigint[]) and status in ('PENDING', 'FAILED')`,
        values: [rows.map((r) => r.id)],
      });
    }
    return rows;
  }
}
