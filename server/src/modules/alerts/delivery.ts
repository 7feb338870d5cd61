import type { Pool } from '../../db/pool.js';
import type { Mailer } from '../../emails/mailer.js';
import { postToSlack } from '../../emails/slack.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import { scrubSecrets } from '../reports/masking.js';
import { renderAlert } from './message/render.js';
import { notificationsStore, type ClaimedDelivery } from './notifications.store.js';

export interface DeliveryOptions {
  /** First retry delay; each further one doubles it (1, 2, 4, 8 min by default). */
  retryBaseMs: number;
  maxAttempts: number;
  /** A holder that dies mid-send is replaced after this. */
  leaseMs: number;
  batch: number;
}

export const defaultDeliveryOptions: DeliveryOptions = { retryBaseMs: 60_000, maxAttempts: 5, leaseMs: 5 * 60_000, batch: 50 };

export interface DelivererDeps {
  pool: Pool;
  clock: Clock;
  log: Logger;
  /** The report module's mailer (null without SMTP_URL). */
  mailer(): Mailer | null;
  /** Where "Open alerts" links to. */
  dashboardUrl(): string;
  options: DeliveryOptions;
}

export interface DeliveryStats {
  sent: number;
  retrying: number;
  failed: number;
  skipped: number;
  cancelled: number;
}

/**
 * Sends due deliveries through the report channels (SMTP via the reports mailer, Slack incoming
 * webhooks). Each delivery is claimed by one caller at a time and fenced by its attempt number,
 * so two instances never send the same one twice; a failure is retried with backoff (clock time)
 * until `maxAttempts`, and a delivery of a rule deleted meanwhile is cancelled instead.
 */
export class AlertDeliverer {
  constructor(private readonly deps: DelivererDeps) {}

  async deliverDue(): Promise<DeliveryStats> {
    const stats: DeliveryStats = { sent: 0, retrying: 0, failed: 0, skipped: 0, cancelled: 0 };
    const { pool, clock, options } = this.deps;
    for (;;) {
      const claimed = await notificationsStore.claimDue(pool, clock.now(), options.leaseMs, options.batch);
      for (const d of claimed) stats[await this.deliverOne(d)]++;
      if (claimed.length < options.batch) return stats;
    }
  }

  private async deliverOne(d: ClaimedDelivery): Promise<keyof DeliveryStats> {
    const { pool, clock, log, options } = this.deps;
    if (d.ruleDeleted) {
      await notificationsStore.finish(pool, d, { status: 'CANCELLED', error: 'The alert rule was deleted before this was sent.', at: clock.now() });
      return 'cancelled';
    }
    try {
      let content = d.content;
      if (!content) {
        content = await renderAlert(d.snapshot, this.deps.dashboardUrl());
        await notificationsStore.saveContent(pool, d.notificationId, content);
      }
      if (d.channel === 'SLACK') {
        await postToSlack(d.target, content.slack);
      } else {
        const mailer = this.deps.mailer();
        if (!mailer) {
          await notificationsStore.finish(pool, d, { status: 'SKIPPED', error: 'No SMTP server is configured (SMTP_URL); the alert is shown in the dashboard and the alertFired subscription only.', at: clock.now() });
          return 'skipped';
        }
        await mailer.send({ to: d.target, subject: content.subject, html: content.html, text: content.text });
      }
      await notificationsStore.finish(pool, d, { status: 'SENT', error: null, at: clock.now() });
      return 'sent';
    } catch (err) {
      // Error texts may echo the webhook URL (its path is the secret): never store or log it whole.
      const message = scrubSecrets((err as Error).message || String(err), d.channel === 'SLACK' ? [d.target] : []).slice(0, 500);
      log.warn({ deliveryId: d.id, channel: d.channel, attempt: d.attempts, err: message }, 'alert delivery failed');
      const now = clock.now();
      if (d.attempts >= options.maxAttempts) {
        await notificationsStore.finish(pool, d, { status: 'FAILED', error: message, at: now });
        return 'failed';
      }
      const delay = options.retryBaseMs * 2 ** (d.attempts - 1);
      await notificationsStore.finish(pool, d, { status: 'PENDING', error: message, nextAttemptAt: new Date(now.getTime() + delay) });
      return 'retrying';
    }
  }
}
