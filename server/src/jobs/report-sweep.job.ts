import type { Agenda } from 'agenda';
import type { Services } from '../app/services.js';
import { REPORT_SWEEP_JOB } from './names.js';

/**
 * A safety net every few minutes: sends a period whose cron minute never fired (a local hour
 * that DST skips, a long outage) and resumes runs whose holder died. Everything it does is
 * conditional on the run tables, so it can overlap with the other jobs and other instances.
 */
export function defineReportSweepJob(agenda: Agenda, services: Services): void {
  agenda.define(
    REPORT_SWEEP_JOB,
    async () => {
      await services.reports.catchUp();
    },
    { concurrency: 1 },
  );
}
