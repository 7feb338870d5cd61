import { hostname } from 'node:os';
import { Agenda } from 'agenda';
import { PostgresBackend } from '@agendajs/postgres-backend';
import type { Services } from '../app/services.js';
import { createPool } from '../db/pool.js';
import { cronOf } from '../modules/reports/periods.js';
import type { ReportSchedule } from '../modules/reports/report-schedule.entity.js';
import type { ReportJobs } from '../modules/reports/reports.service.js';
import { REPORT_ATTEMPT_JOB, REPORT_SCHEDULE_JOB, REPORT_SWEEP_JOB } from './names.js';
import { defineReportAttemptJob } from './report-attempt.job.js';
import { defineReportScheduleJob } from './report-schedule.job.js';
import { defineReportSweepJob } from './report-sweep.job.js';
import { defineAlertEvaluationJob, scheduleAlertEvaluation } from './alert-evaluation.job.js';

const SWEEP_EVERY = '5 minutes';

export interface Scheduler {
  agenda: Agenda;
  /** The start-up catch-up (runs in the background after start). */
  caughtUp: Promise<unknown>;
  stop(): Promise<void>;
}

type Timed = Pick<ReportSchedule, 'id' | 'frequency' | 'timezone' | 'hour' | 'weekday' | 'dayOfMonth' | 'enabled' | 'deletedAt'>;

/**
 * Agenda on the same PostgreSQL (its own small pool; LISTEN/NOTIFY wakes every instance when a
 * job is saved). Any number of instances may run this: Agenda locks each job to one of them, and
 * the report runs are exactly-once by their own unique keys anyway. On start it brings the
 * schedules' jobs in line with the schedules and catches up what fell due while it was down.
 */
export async function startScheduler(services: Services): Promise<Scheduler> {
  const { config, log } = services;
  // Our own pool (with an error handler): one Agenda would create has none, so a database restart
  // or shutdown dropping an idle connection would crash the process.
  const agendaPool = createPool(services.pool.options.connectionString!, (err) => log.warn({ err }, 'idle scheduler connection lost'), 4);
  const backend = new PostgresBackend({ pool: agendaPool, ensureSchema: false }); // the table comes from our migrations
  const agenda = new Agenda({
    name: `${hostname()}:${process.pid}`,
    backend,
    processEvery: config.REPORT_SCHEDULER_POLL_MS,
    defaultLockLifetime: 10 * 60_000,
  });
  agenda.on('error', (err) => log.error({ err }, 'scheduler error'));
  agenda.on('fail', (err: Error | string, job: { attrs?: { name?: string } }) => log.error({ err, job: job?.attrs?.name }, 'scheduled job failed'));

  defineReportScheduleJob(agenda, services, config.REPORT_CONCURRENCY);
  defineReportAttemptJob(agenda, services, config.REPORT_CONCURRENCY);
  defineReportSweepJob(agenda, services);
  defineAlertEvaluationJob(agenda, services);
  await agenda.start();

  const jobs = agendaReportJobs(agenda);
  services.reports.useJobs(jobs);
  await reconcile(services, jobs);
  await agenda.every(SWEEP_EVERY, REPORT_SWEEP_JOB, undefined, { skipImmediate: true });
  await scheduleAlertEvaluation(agenda);

  const caughtUp = services.reports.catchUp().then(
    (r) => (r.dispatched || r.resumed) && log.info(r, 'report scheduler caught up'),
    (err) => log.error({ err }, 'report catch-up failed'),
  );
  return {
    agenda,
    caughtUp,
    async stop() {
      services.reports.useJobs(null);
      await caughtUp;
      // Lets running report jobs finish (a half-sent report is worse than a slower shutdown).
      await agenda.drain({ timeout: 30_000 });
      await agendaPool.end();
    },
  };
}

/** Keeps one repeating Agenda job per schedule, matching its timing and enabled flag. */
export function agendaReportJobs(agenda: Agenda): ReportJobs {
  return {
    async syncSchedule(s: Timed) {
      if (s.deletedAt) {
        await agenda.cancel({ name: REPORT_SCHEDULE_JOB, data: { scheduleId: s.id } });
        return;
      }
      const job = agenda
        .create(REPORT_SCHEDULE_JOB, { scheduleId: s.id })
        .repeatEvery(cronOf(s), { timezone: s.timezone, skipImmediate: true })
        .unique({ 'data.scheduleId': s.id });
      if (!s.enabled) job.disable();
      await job.save();
    },
    async scheduleRetry(runId, delayMs) {
      await agenda.schedule(new Date(Date.now() + delayMs), REPORT_ATTEMPT_JOB, { runId });
    },
  };
}

/** Creates missing jobs, fixes drifted ones and removes those of deleted schedules, in two reads when all is well. */
async function reconcile(services: Services, jobs: ReportJobs): Promise<void> {
  const { rows: schedules } = await services.pool.query<Timed & { deletedAt: null }>(
    `select id, frequency, timezone, hour, weekday, day_of_month as "dayOfMonth", enabled, deleted_at as "deletedAt"
       from report_schedule where deleted_at is null`,
  );
  const { rows: existing } = await services.pool.query<{ schedule_id: string; repeat_interval: string; repeat_timezone: string; disabled: boolean }>(
    `select data->>'scheduleId' as schedule_id, repeat_interval, repeat_timezone, disabled from agenda_jobs where name = $1`,
    [REPORT_SCHEDULE_JOB],
  );
  const byId = new Map(existing.map((j) => [j.schedule_id, j]));
  for (const s of schedules) {
    const job = byId.get(String(s.id));
    byId.delete(String(s.id));
    if (job && job.repeat_interval === cronOf(s) && job.repeat_timezone === s.timezone && job.disabled === !s.enabled) continue;
    await jobs.syncSchedule(s as unknown as ReportSchedule);
  }
  for (const orphan of byId.keys()) await jobs.syncSchedule({ id: Number(orphan), deletedAt: new Date() } as ReportSchedule);
}
