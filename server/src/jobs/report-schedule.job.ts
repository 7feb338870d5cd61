import type { Agenda } from 'agenda';
import type { Services } from '../app/services.js';
import { REPORT_SCHEDULE_JOB } from './names.js';

// A cron job may fire a moment before its minute: it still belongs to that minute's send.
const EARLY_FIRE_TOLERANCE_MS = 60_000;

/**
 * Fires at each send time of one schedule (cron in the schedule's timezone) and sends the period
 * that became due. Idempotent: the run of a period exists once, whoever fires first.
 */
export function defineReportScheduleJob(agenda: Agenda, services: Services, concurrency: number): void {
  agenda.define<{ scheduleId: number }>(
    REPORT_SCHEDULE_JOB,
    async (job) => {
      await services.reports.runner.dispatchDue(Number(job.attrs.data.scheduleId), EARLY_FIRE_TOLERANCE_MS);
    },
    { concurrency, lockLimit: concurrency * 4 },
  );
}
