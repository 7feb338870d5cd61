import type { CombinedError } from '@urql/vue';

/**
 * The schedule editor's state and its checks. Pure functions (schedule-form.test.ts): the form
 * shows a message next to each field, from these checks first and from the server's
 * BAD_USER_INPUT errors (extensions.errors[].field) when it disagrees.
 */
export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY';
export const SECTIONS = [
  ['SUMMARY', 'Summary'],
  ['COST_BY_MODEL', 'Cost by model'],
  ['TOP_USERS', 'Top users'],
  ['TOP_TEAMS', 'Top teams'],
  ['TOP_AGENTS', 'Top agents'],
  ['AGENT_RUNS', 'Agent runs'],
  ['TOP_PROMPTS', 'Top prompts'],
  ['TOP_TOOLS', 'Top tools'],
  ['CACHE', 'Cache'],
  ['EXPENSIVE_REQUESTS', 'Expensive requests'],
  ['HINTS', 'Hints'],
] as const;
export type SectionName = (typeof SECTIONS)[number][0];

export interface ScheduleDraft {
  name: string;
  frequency: Frequency;
  timezone: string;
  hour: number;
  weekday: number;
  dayOfMonth: number;
  /** Comma- or newline-separated, as typed. */
  emailRecipients: string;
  slackWebhookUrls: string;
  sections: SectionName[];
  enabled: boolean;
  subAccountIds: string[];
  models: string;
}

export interface ScheduleLike {
  name: string;
  frequency: Frequency;
  timezone: string;
  hour: number;
  weekday: number;
  dayOfMonth: number;
  emailRecipients: string[];
  slackWebhookUrls: string[];
  sections: string[];
  enabled: boolean;
  filter: Record<string, unknown>;
}

export function emptyDraft(timezone: string): ScheduleDraft {
  return { name: '', frequency: 'WEEKLY', timezone, hour: 9, weekday: 1, dayOfMonth: 1, emailRecipients: '', slackWebhookUrls: '', sections: SECTIONS.map((s) => s[0]), enabled: true, subAccountIds: [], models: '' };
}

export function draftFromSchedule(s: ScheduleLike): ScheduleDraft {
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  return {
    name: s.name,
    frequency: s.frequency,
    timezone: s.timezone,
    hour: s.hour,
    weekday: s.weekday,
    dayOfMonth: s.dayOfMonth,
    emailRecipients: s.emailRecipients.join(', '),
    slackWebhookUrls: s.slackWebhookUrls.join('\n'),
    sections: s.sections as SectionName[],
    enabled: s.enabled,
    subAccountIds: list(s.filter.subAccountIds),
    models: list(s.filter.models).join(', '),
  };
}

const split = (text: string) => text.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);

export function inputFromDraft(d: ScheduleDraft) {
  const filter: Record<string, string[]> = {};
  if (d.subAccountIds.length) filter.subAccountIds = d.subAccountIds;
  if (split(d.models).length) filter.models = split(d.models);
  return {
    name: d.name.trim(),
    frequency: d.frequency,
    timezone: d.timezone,
    hour: d.hour,
    weekday: d.frequency === 'WEEKLY' ? d.weekday : undefined,
    dayOfMonth: d.frequency === 'MONTHLY' ? d.dayOfMonth : undefined,
    emailRecipients: split(d.emailRecipients),
    slackWebhookUrls: split(d.slackWebhookUrls),
    sections: d.sections,
    enabled: d.enabled,
    filter,
  };
}

export type FieldErrors = Partial<Record<'name' | 'hour' | 'weekday' | 'dayOfMonth' | 'emailRecipients' | 'slackWebhookUrls' | 'sections' | 'timezone' | 'form', string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The checks a person expects before anything is sent; the server checks again. */
export function validateDraft(d: ScheduleDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!d.name.trim()) errors.name = 'Give the schedule a name.';
  if (!Number.isInteger(d.hour) || d.hour < 0 || d.hour > 23) errors.hour = 'The hour must be between 0 and 23.';
  if (d.frequency === 'WEEKLY' && (d.weekday < 1 || d.weekday > 7)) errors.weekday = 'Choose a weekday.';
  if (d.frequency === 'MONTHLY' && (!Number.isInteger(d.dayOfMonth) || d.dayOfMonth < 1 || d.dayOfMonth > 28)) errors.dayOfMonth = 'The day must be between 1 and 28 (every month has it).';
  const emails = split(d.emailRecipients);
  const bad = emails.find((e) => !EMAIL.test(e));
  if (bad) errors.emailRecipients = `"${bad}" is not an email address.`;
  const urls = split(d.slackWebhookUrls);
  const badUrl = urls.find((u) => !/^https?:\/\/[^\s/]+/.test(u));
  if (badUrl) errors.slackWebhookUrls = `"${badUrl}" is not an http(s) URL.`;
  if (!emails.length && !urls.length && !errors.emailRecipients) errors.emailRecipients = 'Give at least one email recipient or Slack webhook URL.';
  if (d.sections.length === 0) errors.sections = 'Choose at least one section.';
  return errors;
}

/** Field messages from a BAD_USER_INPUT answer (`emailRecipients.1: must be an email address`). */
export function serverFieldErrors(error: CombinedError | undefined | null): FieldErrors {
  if (!error) return {};
  const first = error.graphQLErrors[0];
  if (!first) return { form: 'The server could not be reached. Try again.' };
  const ext = (first.extensions ?? {}) as { code?: string; field?: string; errors?: { field: string; message: string }[] };
  if (ext.code !== 'BAD_USER_INPUT') return { form: first.message };
  const list = ext.errors ?? (ext.field ? [{ field: ext.field, message: first.message }] : []);
  const out: FieldErrors = {};
  for (const e of list) {
    const key = e.field.split('.')[0] as keyof FieldErrors;
    out[key] ??= e.message.charAt(0).toUpperCase() + e.message.slice(1);
  }
  if (!list.length) out.form = first.message;
  return out;
}
