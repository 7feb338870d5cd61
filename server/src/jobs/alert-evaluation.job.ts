import type { Agenda } from 'agenda';
import type { Services } from '../app/services.js';

/** One repeating job for all alert rules: every minute, on whichever instance Agenda hands it to. */
export const ALERT_EVALUATION_JOB = 'alert.evaluate';
const EVERY_MINUTE = '* * * * *';

/**
 * Evaluates the rules due this minute and sends due notifications (new ones and retries). Even if
 * Agenda ran it on two instances at once, each rule is claimed by one per minute and each delivery
 * by one sender (see modules/alerts), so nothing fires or sends twice.
 */
export function defineAlertEvaluationJob(agenda: Agenda, services: Services): void {
  agenda.define(
    ALERT_EVALUATION_JOB,
    async () => {
      await services.alerts.tick();
    },
    { concurrency: 1, lockLifetime: 5 * 60_000 },
  );
}

export async function scheduleAlertEvaluation(agenda: Agenda): Promise<void> {
  await agenda.every(EVERY_MINUTE, ALERT_EVALUATION_JOB, undefined, { skipImmediate: true });
}
