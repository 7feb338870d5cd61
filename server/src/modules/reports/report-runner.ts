import type { Pool } from '../../db/pool.js';
import type { Mailer } from '../../emails/mailer.js';
import { postToSlack } from '../../emails/slack.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import { scrubSecrets } from './masking.js';
import { latestSendAt, periodEndingBefore, type Period } from './periods.js';
import type { RenderedReport, ReportSpec } from './report-builder.js';
import { RunsStore, type DeliveryRow, type RunRow, type StoredContent } from './runs.store.js';

export const MAX_ATTEMPTS = 3;
// Long enough for a slow report (10M events, a slow SMTP relay); a holder that dies mid-send
// is replaced after it, by the sweep or the next start.
const LEASE_MS = 10 * 60_000;

/** The schedule as the runner needs it, re-read from the database before each step. */
export interface ScheduleState extends ReportSpec {
  id: number;
  enabled: boolean;
  activeSince: Date;
  deletedAt: Date | null;
  emailRecipients: string[];
  slackWebhookUrls: string[];
}

export interface RunnerDeps {
  pool: Pool;
  clock: Clock;
  log: Logger;
  mailer: Mailer | null;
  retryDelayMs: number;
  build(spec: ReportSpec, period: Period): Promise<RenderedReport>;
  /** Called after every status change of a run. */
  published(run: RunRow): void;
  /** Asks the scheduler to attempt the run again after `delayMs` (real time). */
  scheduleRetry(runId: number, delayMs: number): Promise<void>;
}

/**
 * Turns due schedules into runs and runs into deliveries, exactly once per (schedule, period):
 *
 *   dispatchDue(schedule) ──claim──▶ run PENDING ──acquire──▶ SENDING ──▶ SENT
 *                                        ▲                        │
 *                                        └── retry with backoff ◀─┴─▶ FAILED after 3 attempts
 *
 * Claims and attempts are conditional statements (see RunsStore), so any number of instances can
 * call these at once. The report is rendered once per run and stored with it; a retry re-sends
 * the stored report to the deliveries that have not succeeded. Before each delivery the schedule
 * is re-read: once deleted (or, for a scheduled run, disabled) nothing more is sent.
 */
export class ReportRunner {
  readonly store: RunsStore;

  constructor(private readonly deps: RunnerDeps) {
    this.store = new RunsStore(deps.pool);
  }

  /**
   * Sends the schedule's most recent due period unless that period already has its run.
   * `toleranceMs` lets a job that fires a moment before its minute still count for it.
   */
  async dispatchDue(scheduleId: number, toleranceMs = 0): Promise<RunRow | null> {
    const schedule = await this.loadSchedule(scheduleId);
    if (!schedule || schedule.deletedAt || !schedule.enabled) return null;
    const now = this.deps.clock.now();
    const sendAt = latestSendAt(schedule, new Date(now.getTime() + toleranceMs));
    // A schedule sends the periods due after it took its current timing, never older ones.
    if (sendAt.getTime() < schedule.activeSince.getTime()) return null;
    const run = await this.store.claimScheduled({ scheduleId, tenantId: schedule.tenantId, orgId: schedule.orgId }, periodEndingBefore(schedule, sendAt), now);
    if (!run) return null;
    this.deps.published(run);
    return (await this.attempt(run.id)) ?? run;
  }

  /** A "send now": a run of its own for the latest complete period, attempted at once. */
  async sendNow(scheduleId: number): Promise<RunRow> {
    const schedule = await this.loadSchedule(scheduleId);
    if (!schedule || schedule.deletedAt) throw new Error(`report schedule ${scheduleId} does not exist`);
    const now = this.deps.clock.now();
    const run = await this.store.createManual({ scheduleId, tenantId: schedule.tenantId, orgId: schedule.orgId }, periodEndingBefore(schedule, now), now);
    this.deps.published(run);
    return (await this.attempt(run.id)) ?? run;
  }

  /**
   * One attempt at a run, if this caller gets it. `dueOnly` leaves PENDING runs alone until their
   * retry time (the sweep uses it; the retry job fires at that time anyway).
   */
  async attempt(runId: number, dueOnly = false): Promise<RunRow | null> {
    const { clock, log } = this.deps;
    const run = await this.store.acquire(runId, clock.now(), LEASE_MS, MAX_ATTEMPTS, dueOnly);
    if (!run) return null;
    this.deps.published(run);
    const attempt = run.attempts;
    let schedule = await this.loadSchedule(run.schedule_id);
    try {
      if (this.stopped(schedule, run)) return await this.cancel(run, attempt, schedule);
      const content = await this.contentOf(run, schedule!);
      if (attempt === 1) await this.store.ensureDeliveries(run.id, targetsOf(schedule!));
      const open = (await this.store.deliveries([run.id])).filter((d) => d.status === 'PENDING' || d.status === 'FAILED');
      for (const delivery of open) {
        schedule = await this.loadSchedule(run.schedule_id);
        if (this.stopped(schedule, run)) return await this.cancel(run, attempt, schedule);
        await this.deliver(run, delivery, content, schedule!.slackWebhookUrls);
      }
      return await this.settle(run, attempt, schedule!.slackWebhookUrls);
    } catch (err) {
      // Building or rendering failed (the analytics query, a template): the whole attempt failed.
      const message = scrubSecrets((err as Error).message, schedule?.slackWebhookUrls ?? []);
      log.warn({ runId: run.id, attempt, err: message }, 'report run attempt failed');
      return this.failAttempt(run, attempt, `Building the report failed: ${message}`);
    }
  }

  private stopped(schedule: ScheduleState | null, run: RunRow): boolean {
    return !schedule || !!schedule.deletedAt || (run.kind === 'SCHEDULED' && !schedule.enabled);
  }

  private async cancel(run: RunRow, attempt: number, schedule: ScheduleState | null): Promise<RunRow | null> {
    const reason = !schedule || schedule.deletedAt ? 'The schedule was deleted before the report was sent.' : 'The schedule was disabled before the report was sent.';
    const now = this.deps.clock.now();
    for (const d of await this.store.deliveries([run.id])) {
      if (d.status !== 'SENT') await this.store.markDelivery(run.id, d, 'CANCELLED', reason, now);
    }
    await this.store.finishAttempt(run.id, attempt, { status: 'CANCELLED', error: reason, at: now });
    return this.publishFresh(run.id);
  }

  /** The stored rendering of the run, or a new one (stored before anything is sent). */
  private async contentOf(run: RunRow, schedule: ScheduleState): Promise<StoredContent> {
    if (run.has_content) {
      const stored = await this.store.content(run.id);
      if (stored) return stored;
    }
    const rendered = await this.deps.build(schedule, { from: run.period_from, to: run.period_to });
    const content = { subject: rendered.subject, html: rendered.html, text: rendered.text, slack: rendered.slack };
    await this.store.saveContent(run.id, content);
    return content;
  }

  private async deliver(run: RunRow, d: DeliveryRow, content: StoredContent, secrets: string[]): Promise<void> {
    const now = () => this.deps.clock.now();
    try {
      if (d.channel === 'SLACK') {
        await postToSlack(d.target, content.slack);
      } else {
        // Without SMTP the report stays stored with its run (viewable through the API): nothing is
        // lost, and retrying could not help, so the delivery is STORED rather than FAILED.
        if (!this.deps.mailer) return await this.store.markDelivery(run.id, d, 'STORED', 'No SMTP server is configured (SMTP_URL); the report is stored with its run.', now());
        await this.deps.mailer.send({ to: d.target, subject: content.subject, html: content.html, text: content.text });
      }
      await this.store.markDelivery(run.id, d, 'SENT', null, now());
    } catch (err) {
      const message = scrubSecrets((err as Error).message || String(err), [...secrets, d.target]).slice(0, 500);
      this.deps.log.warn({ runId: run.id, channel: d.channel, err: message }, 'report delivery failed');
      await this.store.markDelivery(run.id, d, 'FAILED', message, now());
    }
  }

  /** SENT when every delivery went out; otherwise retried with backoff, FAILED after the last attempt. */
  private async settle(run: RunRow, attempt: number, secrets: string[]): Promise<RunRow | null> {
    const deliveries = await this.store.deliveries([run.id]);
    const failed = deliveries.filter((d) => d.status !== 'SENT' && d.status !== 'STORED');
    if (failed.length === 0) {
      await this.store.finishAttempt(run.id, attempt, { status: 'SENT', error: null, at: this.deps.clock.now() });
      return this.publishFresh(run.id);
    }
    const summary = failed.map((d) => `${d.channel === 'SLACK' ? 'Slack' : d.target}: ${d.error ?? d.status}`).join('; ');
    return this.failAttempt(run, attempt, scrubSecrets(summary, secrets).slice(0, 1000));
  }

  private async failAttempt(run: RunRow, attempt: number, error: string): Promise<RunRow | null> {
    const now = this.deps.clock.now();
    if (attempt >= MAX_ATTEMPTS) {
      await this.store.finishAttempt(run.id, attempt, { status: 'FAILED', error, at: now });
      return this.publishFresh(run.id);
    }
    // Backoff: the base delay, then four times it (1 min, 4 min by default).
    const delayMs = this.deps.retryDelayMs * 4 ** (attempt - 1);
    const ok = await this.store.finishAttempt(run.id, attempt, { status: 'PENDING', error, nextAttemptAt: new Date(now.getTime() + delayMs) });
    const fresh = await this.publishFresh(run.id);
    if (ok) await this.deps.scheduleRetry(run.id, delayMs);
    return fresh;
  }

  private async publishFresh(runId: number): Promise<RunRow | null> {
    const run = await this.store.get(runId);
    if (run) this.deps.published(run);
    return run;
  }

  /** The schedule as stored now, deleted ones included (they still own their runs). */
  async loadSchedule(id: number): Promise<ScheduleState | null> {
    const { rows } = await this.deps.pool.query({
      name: 'report-schedule-state',
      text: `select s.id, s.tenant_id, s.org_id, s.name, s.frequency, s.timezone, s.hour, s.weekday, s.day_of_month, s.email_recipients,
                    s.slack_webhook_urls, s.filter, s.sections, s.enabled, s.active_since, s.deleted_at, o.name as org_name
               from report_schedule s join organization o on o.id = s.org_id where s.id = $1`,
      values: [id],
    });
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      tenantId: r.tenant_id,
      orgId: r.org_id,
      organizationName: r.org_name,
      name: r.name,
      frequency: r.frequency,
      timezone: r.timezone,
      hour: r.hour,
      weekday: r.weekday,
      dayOfMonth: r.day_of_month,
      emailRecipients: r.email_recipients,
      slackWebhookUrls: r.slack_webhook_urls,
      filter: r.filter ?? {},
      sections: r.sections,
      enabled: r.enabled,
      activeSince: r.active_since,
      deletedAt: r.deleted_at,
    };
  }
}

function targetsOf(s: ScheduleState): { channel: 'EMAIL' | 'SLACK'; target: string }[] {
  return [...s.emailRecipients.map((target) => ({ channel: 'EMAIL' as const, target })), ...s.slackWebhookUrls.map((target) => ({ channel: 'SLACK' as const, target }))];
}
