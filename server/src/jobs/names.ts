/** Agenda job names. One repeating `report.schedule` job exists per report schedule (unique on data.scheduleId). */
export const REPORT_SCHEDULE_JOB = 'report.schedule';
/** A one-off retry of one run, after its backoff. */
export const REPORT_ATTEMPT_JOB = 'report.attempt';
/** A single repeating job: catches up whatever a skipped cron minute or a crash left behind. */
export const REPORT_SWEEP_JOB = 'report.sweep';
