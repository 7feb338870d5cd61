import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Frequency } from './periods.js';

/**
 * A report schedule of one organization (root or sub-account). Persistence only: the GraphQL
 * type is separate, so the webhook URLs (secrets) are masked in one place. Deleting sets
 * `deletedAt`, which keeps the history of runs readable.
 */
@Entity({ tableName: 'report_schedule' })
export class ReportSchedule {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  tenantId!: number;

  /** The organization whose data the report shows, and whose admins manage it. */
  @Property({ type: 'integer' })
  orgId!: number;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  frequency!: Frequency;

  @Property({ type: 'text' })
  timezone!: string;

  @Property({ type: 'smallint' })
  hour!: number;

  @Property({ type: 'smallint' })
  weekday!: number;

  @Property({ type: 'smallint' })
  dayOfMonth!: number;

  @Property({ type: 'text[]' })
  emailRecipients!: string[];

  /** Secrets: Slack incoming-webhook URLs carry their own token. Never logged, masked for non-admins. */
  @Property({ type: 'text[]', hidden: true })
  slackWebhookUrls!: string[];

  /** The UsageFilter the report applies, as given (its time range is replaced by the period). */
  @Property({ type: 'json' })
  filter!: Record<string, unknown>;

  /** Sections to include, or null for all of them. */
  @Property({ type: 'text[]', nullable: true })
  sections?: string[] | null;

  @Property({ type: 'boolean' })
  enabled!: boolean;

  /**
   * When the current timing took effect (creation, a change of timing, re-enabling). A missed
   * send is caught up only if it fell after this instant, so a new schedule does not send at once.
   */
  @Property({ type: 'datetime' })
  activeSince!: Date;

  @Property({ type: 'integer', nullable: true })
  createdById?: number | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  deletedAt?: Date | null;
}
