import { z } from 'zod';

/**
 * The delivery channels of reports and alerts, validated the same way for both: each bad entry
 * is named by its index (`emailRecipients.1`). Webhook URLs are secrets: never echo them back.
 */
const MAX_RECIPIENTS = 50;
const MAX_WEBHOOKS = 10;

const webhookUrl = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname;
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

export const emailRecipientsSchema = z
  .array(z.email('must be an email address').max(320).transform((e) => e.toLowerCase()))
  .max(MAX_RECIPIENTS, `may hold at most ${MAX_RECIPIENTS} addresses`)
  .nullish();

export const slackWebhookUrlsSchema = z.array(webhookUrl).max(MAX_WEBHOOKS, `may hold at most ${MAX_WEBHOOKS} URLs`).nullish();
