import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime, JSONObject } from '../../graphql/scalars.js';
import { maskWebhookUrl } from './masking.js';
import { nextSendAt } from './periods.js';
import type { ReportSchedule } from './report-schedule.entity.js';
import type { DeliveryRow, RunRow } from './runs.store.js';
import { reportSections } from './sections.js';

export enum ReportFrequency {
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
}
registerEnumType(ReportFrequency, { name: 'ReportFrequency' });

export const ReportSection = Object.fromEntries(reportSections.map((s) => [s, s])) as { [K in (typeof reportSections)[number]]: K };
export type ReportSection = (typeof reportSections)[number];
registerEnumType(ReportSection, {
  name: 'ReportSection',
  description: 'A part of a report. The summary figures (cost, requests, error rate, users, threats, sessions) always lead.',
});

export enum ReportRunStatus {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ReportRunStatus, {
  name: 'ReportRunStatus',
  description: 'PENDING (waiting for its first or next attempt), SENDING, SENT, FAILED (after 3 attempts), CANCELLED (the schedule was deleted or disabled first).',
});

export enum ReportRunKind {
  SCHEDULED = 'SCHEDULED',
  MANUAL = 'MANUAL',
}
registerEnumType(ReportRunKind, { name: 'ReportRunKind', description: 'SCHEDULED: the one run of a period. MANUAL: sendReportNow.' });

export enum ReportChannel {
  EMAIL = 'EMAIL',
  SLACK = 'SLACK',
}
registerEnumType(ReportChannel, { name: 'ReportChannel' });

export enum ReportDeliveryStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  STORED = 'STORED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ReportDeliveryStatus, {
  name: 'ReportDeliveryStatus',
  description: 'STORED: not emailed because no SMTP server is configured; the report is kept with its run (RenderedReport).',
});

@ObjectType('ReportSchedule', { description: 'A scheduled usage report (admins only).' })
export class ReportScheduleType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => ReportFrequency) frequency: ReportFrequency;
  @Field({ description: 'IANA timezone the hour, weekday and periods are in.' }) timezone: string;
  @Field(() => Int, { description: 'Local hour of the send, 0-23.' }) hour: number;
  @Field(() => Int, { description: 'ISO weekday of a WEEKLY send: 1 = Monday ... 7 = Sunday.' }) weekday: number;
  @Field(() => Int, { description: 'Day of the month of a MONTHLY send, 1-28.' }) dayOfMonth: number;
  @Field(() => [String]) emailRecipients: string[];
  @Field(() => [String], { description: 'Slack incoming-webhook URLs: in full for admins only, masked otherwise.' }) slackWebhookUrls: string[];
  @Field(() => JSONObject, { description: 'The UsageFilter the report applies (its time range is the period).' }) filter: Record<string, unknown>;
  @Field(() => [ReportSection], { description: 'The sections included; all when the schedule names none.' }) sections: ReportSection[];
  @Field() enabled: boolean;
  @Field(() => DateTime, { nullable: true, description: 'When the next scheduled send is due; null while disabled.' }) nextSendAt: Date | null;
  @Field(() => ID, { description: 'The organization (or sub-account) the report covers.' }) organizationId: string;
  @Field(() => DateTime) createdAt: Date;
  @Field(() => DateTime) updatedAt: Date;
  @Field(() => DateTime, { nullable: true, description: 'Set once deleted (runs keep their schedule).' }) deletedAt: Date | null;

  static from(s: ReportSchedule, opts: { revealSecrets: boolean; now: Date }): ReportScheduleType {
    return Object.assign(new ReportScheduleType(), {
      id: String(s.id),
      name: s.name,
      frequency: s.frequency as ReportFrequency,
      timezone: s.timezone,
      hour: s.hour,
      weekday: s.weekday,
      dayOfMonth: s.dayOfMonth,
      emailRecipients: s.emailRecipients,
      slackWebhookUrls: opts.revealSecrets ? s.slackWebhookUrls : s.slackWebhookUrls.map(maskWebhookUrl),
      filter: s.filter,
      sections: (s.sections?.length ? s.sections : reportSections) as ReportSection[],
      enabled: s.enabled,
      nextSendAt: s.enabled && !s.deletedAt ? nextSendAt(s, opts.now) : null,
      organizationId: String(s.orgId),
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      deletedAt: s.deletedAt ?? null,
    });
  }
}

@ObjectType('ReportDelivery', { description: 'One message of a run: an email to one recipient or a post to one Slack webhook.' })
export class ReportDeliveryType {
  @Field(() => ReportChannel) channel: ReportChannel;
  @Field({ description: 'The email address, or the masked webhook URL.' }) target: string;
  @Field(() => ReportDeliveryStatus) status: ReportDeliveryStatus;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => Int) attempts: number;
  @Field(() => DateTime, { nullable: true }) sentAt: Date | null;

  static from(d: DeliveryRow): ReportDeliveryType {
    return Object.assign(new ReportDeliveryType(), {
      channel: d.channel as ReportChannel,
      // Webhook URLs are secrets everywhere a run is shown, admins included: the schedule holds them.
      target: d.channel === 'SLACK' ? maskWebhookUrl(d.target) : d.target,
      status: d.status as ReportDeliveryStatus,
      error: d.error,
      attempts: d.attempts,
      sentAt: d.sent_at,
    });
  }
}

@ObjectType('RenderedReport', { description: 'A report as sent: the email subject, its HTML and plain-text parts, and the Slack message.' })
export class RenderedReportType {
  @Field() subject: string;
  @Field() html: string;
  @Field() text: string;
  @Field(() => JSONObject, { description: 'The Slack Block Kit payload posted to each webhook.' }) slack: Record<string, unknown>;
  @Field(() => DateTime) periodFrom: Date;
  @Field(() => DateTime) periodTo: Date;
}

@ObjectType('ReportRun', { description: 'One sending of a report: the scheduled run of a period, or a "send now".' })
export class ReportRunType {
  @Field(() => ID) id: string;
  @Field(() => ReportScheduleType) schedule: ReportScheduleType;
  @Field(() => ReportRunKind) kind: ReportRunKind;
  @Field(() => DateTime) periodFrom: Date;
  @Field(() => DateTime) periodTo: Date;
  @Field(() => ReportRunStatus) status: ReportRunStatus;
  @Field(() => Int, { description: 'Attempts made so far (at most 3).' }) attempts: number;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => DateTime) createdAt: Date;
  @Field(() => DateTime, { nullable: true }) startedAt: Date | null;
  @Field(() => DateTime, { nullable: true }) finishedAt: Date | null;
  @Field(() => DateTime, { nullable: true, description: 'When the next attempt is due, while PENDING after a failure.' }) nextAttemptAt: Date | null;
  @Field(() => [ReportDeliveryType]) deliveries: ReportDeliveryType[];
  /** Internal: the run's numeric id, for the `report` field. */
  runId: number;

  static from(run: RunRow, schedule: ReportScheduleType, deliveries: DeliveryRow[]): ReportRunType {
    return Object.assign(new ReportRunType(), {
      id: String(run.id),
      runId: run.id,
      schedule,
      kind: run.kind as ReportRunKind,
      periodFrom: run.period_from,
      periodTo: run.period_to,
      status: run.status as ReportRunStatus,
      attempts: run.attempts,
      error: run.error,
      createdAt: run.created_at,
      startedAt: run.started_at,
      finishedAt: run.finished_at,
      nextAttemptAt: run.status === 'PENDING' ? run.next_attempt_at : null,
      deliveries: deliveries.map(ReportDeliveryType.from),
    });
  }
}
