import { z } from 'zod';
import { emailRecipientsSchema, slackWebhookUrlsSchema } from '../../emails/channels.validation.js';
import { parseInput } from '../../shared/validation.js';
import { timezoneSchema } from '../organizations/organizations.service.js';
import { reportSections } from './sections.js';

// The time range comes from the schedule's period and the timezone from the schedule, so these
// filter fields would only mislead if kept.
const PERIOD_FIELDS = ['timeframe', 'from', 'to', 'timezone'];

/** ReportScheduleInput, validated: every problem names its field (`emailRecipients.1`, `hour`). */
export const scheduleInputSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    frequency: z.enum(['DAILY', 'WEEKLY', 'MONTHLY'], 'must be DAILY, WEEKLY or MONTHLY'),
    timezone: timezoneSchema.nullish(),
    hour: z.number().int('must be a whole hour').min(0, 'must be between 0 and 23').max(23, 'must be between 0 and 23').nullish(),
    weekday: z.number().int().min(1, 'must be between 1 (Monday) and 7 (Sunday)').max(7, 'must be between 1 (Monday) and 7 (Sunday)').nullish(),
    dayOfMonth: z.number().int().min(1, 'must be between 1 and 28').max(28, 'must be between 1 and 28 (every month has it)').nullish(),
    emailRecipients: emailRecipientsSchema,
    slackWebhookUrls: slackWebhookUrlsSchema,
    filter: z.record(z.string(), z.unknown()).nullish(),
    sections: z.array(z.enum(reportSections)).nullish(),
    enabled: z.boolean().nullish(),
  })
  .superRefine((v, ctx) => {
    if (!v.emailRecipients?.length && !v.slackWebhookUrls?.length) {
      ctx.addIssue({ code: 'custom', path: ['emailRecipients'], message: 'give at least one email recipient or Slack webhook URL' });
    }
  });

export interface ScheduleSpec {
  name: string;
  frequency: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  timezone: string;
  hour: number;
  weekday: number;
  dayOfMonth: number;
  emailRecipients: string[];
  slackWebhookUrls: string[];
  filter: Record<string, unknown>;
  sections: string[] | null;
  enabled: boolean;
}

/** Parses the input (throws BAD_USER_INPUT naming every bad field) and fills the defaults. */
export function parseScheduleInput(raw: unknown, defaultTimezone: string): ScheduleSpec {
  // GraphQL input objects have a null prototype and may hold undefined; JSON makes them plain.
  const input = parseInput(scheduleInputSchema, JSON.parse(JSON.stringify(raw ?? {})));
  const filter = Object.fromEntries(Object.entries(input.filter ?? {}).filter(([k, v]) => v != null && !PERIOD_FIELDS.includes(k)));
  return {
    name: input.name,
    frequency: input.frequency,
    timezone: input.timezone ?? defaultTimezone,
    hour: input.hour ?? 9,
    weekday: input.weekday ?? 1,
    dayOfMonth: input.dayOfMonth ?? 1,
    emailRecipients: [...new Set(input.emailRecipients ?? [])],
    slackWebhookUrls: [...new Set(input.slackWebhookUrls ?? [])],
    filter,
    sections: input.sections?.length ? [...new Set(input.sections)] : null,
    enabled: input.enabled ?? true,
  };
}
