/**
 * `reportRunUpdated` is published at every status change of a run (PENDING, SENDING, SENT,
 * FAILED, CANCELLED). The message carries ids only: a subscriber loads the run with a fresh
 * EntityManager per event through `ReportsService.runForSubscriber`, which scopes it to the
 * subscriber and masks webhook URLs for non-admins.
 */
export const REPORT_RUN_UPDATED = 'reportRunUpdated';

export interface ReportRunUpdatedMessage {
  tenantId: number;
  /** The organization the schedule belongs to, for scoping to the subscriber's tree. */
  orgId: number;
  scheduleId: string;
  runId: string;
  status: string;
}
