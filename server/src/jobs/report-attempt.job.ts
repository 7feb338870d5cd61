import type { Agenda } from 'agenda';
import type { Services } from '../app/services.js';
import { REPORT_ATTEMPT_JOB } from './names.js';

/** The retry of a run whose last attempt failed, scheduled at its backoff time. */
export function defineReportAttemptJob(agenda: Agenda, services: Services, concurrency: number): void {
  agenda.define<{ runId: number }>(
    REPORT_ATTEMPT_JOB,
    async (job) => {
      await services.reports.runner.attempt(Number(job.attrs.data.runId));
    },
    { concurrency, removeOnComplete: true },
  );
}
