import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime, JSONObject } from '../../graphql/scalars.js';
import { maskWebhookUrl } from '../reports/masking.js';
import { Dimension } from '../usage/usage.enums.js';
import type { EventRow } from './events.store.js';
import type { DeliveryRow } from './notifications.store.js';
import { alertMetrics, budgetPeriods } from './rule.validation.js';
import type { RuleRow } from './rules.store.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const AlertMetric = enumOf(alertMetrics);
registerEnumType(AlertMetric, {
  name: 'AlertMetric',
  description: 'What a rule watches.',
  valuesConfig: {
    COST: { description: 'Spend in USD.' },
    REQUESTS: { description: 'Number of requests.' },
    ERROR_RATE: { description: 'Share of requests with status >= 400, a fraction in [0, 1].' },
    LATENCY_P95: { description: '95th percentile latency in ms.' },
    TTFT_P95: { description: '95th percentile time to first token in ms.' },
  },
});

export const BudgetPeriod = enumOf(budgetPeriods);
registerEnumType(BudgetPeriod, { name: 'BudgetPeriod', description: 'A calendar period (weeks start on Monday).' });

export const AlertEventStatus = enumOf(['FIRING', 'RESOLVED'] as const);
registerEnumType(AlertEventStatus, { name: 'AlertEventStatus' });

export const AlertEventKind = enumOf(['THRESHOLD', 'FORECAST'] as const);
registerEnumType(AlertEventKind, { name: 'AlertEventKind', description: 'THRESHOLD: the value crossed a threshold. FORECAST: the projected spend of a budget reached it.' });

export const AlertResolution = enumOf(['VALUE', 'PERIOD_END', 'RULE_CHANGED', 'RULE_DISABLED', 'RULE_DELETED'] as const);
registerEnumType(AlertResolution, { name: 'AlertResolution', description: 'Why an event resolved: the value fell back, its budget period ended, or the rule was changed, disabled or deleted.' });

export const AlertDeliveryStatus = enumOf(['PENDING', 'SENDING', 'SENT', 'SKIPPED', 'FAILED', 'CANCELLED'] as const);
registerEnumType(AlertDeliveryStatus, {
  name: 'AlertDeliveryStatus',
  description: 'PENDING (waiting for its first or next attempt), SENT, SKIPPED (email without SMTP configured), FAILED (after the last attempt), CANCELLED (the rule was deleted first).',
});

export const AlertChannel = enumOf(['EMAIL', 'SLACK'] as const);
registerEnumType(AlertChannel, { name: 'AlertChannel' });

export const AlertChange = enumOf(['FIRED', 'RESOLVED'] as const);
registerEnumType(AlertChange, { name: 'AlertChange', description: 'Which transition of an event a notification told.' });

@ObjectType('AlertRule', { description: 'An alert rule. Readers see them; admins change them.' })
export class AlertRuleType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => AlertMetric) metric: string;
  @Field(() => Int, { nullable: true }) windowMinutes: number | null;
  @Field(() => BudgetPeriod, { nullable: true }) budgetPeriod: string | null;
  @Field(() => Float) threshold: number;
  @Field(() => [Float], { description: 'Fractions of the threshold that each fire: [1] for a rolling window.' }) thresholds: number[];
  @Field(() => JSONObject, { description: 'The UsageFilter of the rule (without a time range).' }) filter: Record<string, unknown>;
  @Field(() => Dimension, { nullable: true }) groupBy: string | null;
  @Field(() => String, { nullable: true }) groupByPropertyKey: string | null;
  @Field(() => Int) minRequests: number;
  @Field() forecast: boolean;
  @Field(() => [String]) emailRecipients: string[];
  @Field(() => [String], { description: 'Slack incoming-webhook URLs: in full for admins only, masked otherwise.' }) slackWebhookUrls: string[];
  @Field() enabled: boolean;
  @Field(() => ID, { description: 'The organization (or sub-account) whose data the rule watches.' }) organizationId: string;
  @Field(() => DateTime, { nullable: true, description: 'The last minute the rule was evaluated.' }) evaluatedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the last evaluation failed (a filter that no longer holds), until one succeeds.' }) lastError: string | null;
  @Field(() => DateTime) createdAt: Date;
  @Field(() => DateTime) updatedAt: Date;
  @Field(() => DateTime, { nullable: true, description: 'Set once deleted (its events stay readable).' }) deletedAt: Date | null;

  static from(r: RuleRow, revealSecrets: boolean): AlertRuleType {
    return Object.assign(new AlertRuleType(), {
      id: String(r.id),
      name: r.name,
      metric: r.metric,
      windowMinutes: r.windowMinutes,
      budgetPeriod: r.budgetPeriod,
      threshold: r.threshold,
      thresholds: r.thresholds,
      filter: r.filter,
      groupBy: r.groupBy,
      groupByPropertyKey: r.groupByPropertyKey,
      minRequests: r.minRequests,
      forecast: r.forecast,
      emailRecipients: r.emailRecipients,
      slackWebhookUrls: revealSecrets ? r.slackWebhookUrls : r.slackWebhookUrls.map(maskWebhookUrl),
      enabled: r.enabled,
      organizationId: String(r.orgId),
      evaluatedAt: r.evaluatedMinute,
      lastError: r.lastError,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      deletedAt: r.deletedAt,
    });
  }
}

@ObjectType('AlertDelivery', { description: 'One notification of an event to one email address or Slack webhook.' })
export class AlertDeliveryType {
  @Field(() => AlertChannel) channel: string;
  @Field({ description: 'The address, or the webhook URL (masked for non-admins).' }) target: string;
  @Field(() => AlertDeliveryStatus) status: string;
  @Field(() => Int) attempts: number;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => DateTime, { nullable: true }) nextAttemptAt: Date | null;
  @Field(() => DateTime, { nullable: true }) sentAt: Date | null;
  @Field(() => AlertChange) change: string;

  static from(d: DeliveryRow, change: string, revealSecrets: boolean): AlertDeliveryType {
    return Object.assign(new AlertDeliveryType(), {
      channel: d.channel,
      target: d.channel === 'SLACK' && !revealSecrets ? maskWebhookUrl(d.target) : d.target,
      status: d.status,
      attempts: d.attempts,
      error: d.error,
      nextAttemptAt: d.nextAttemptAt,
      sentAt: d.sentAt,
      change,
    });
  }
}

@ObjectType('AlertEvent', { description: 'A threshold of a rule crossed by the whole scope or one entity: FIRING until the value falls back (or its budget period ends).' })
export class AlertEventType {
  @Field(() => ID) id: string;
  @Field(() => AlertRuleType, { description: 'The rule (deleted rules included).' }) rule: AlertRuleType;
  @Field(() => [AlertDeliveryType], { description: 'Notifications of this event (its firing, its resolution) by email and Slack.' }) deliveries: AlertDeliveryType[];
  @Field(() => AlertEventKind) kind: string;
  @Field(() => String, { nullable: true, description: 'Per-entity rules: the entity (user id, agent id, sub-account externalId, …); null for the whole scope.' }) entityKey: string | null;
  @Field(() => String, { nullable: true, description: "The entity's display name (email, agent name, …)." }) entityLabel: string | null;
  @Field(() => Float, { description: 'The value when it fired (for FORECAST: the projected spend in USD).' }) value: number;
  @Field(() => Float, { nullable: true, description: 'The value at the latest evaluation (while firing) or when it resolved.' }) lastValue: number | null;
  @Field(() => Float, { description: 'The limit crossed: threshold × fraction (USD, count, fraction or ms).' }) threshold: number;
  @Field(() => Float, { description: 'The fraction of the rule threshold this event is about (budgets: 0.5, 0.8, …; else 1).' }) fraction: number;
  @Field(() => AlertEventStatus) status: string;
  @Field(() => AlertResolution, { nullable: true }) resolution: string | null;
  @Field(() => DateTime, { description: 'The budget period start, or the rolling window start when it fired.' }) periodFrom: Date;
  @Field(() => DateTime, { nullable: true, description: 'The budget period end (null for a rolling window).' }) periodTo: Date | null;
  @Field(() => DateTime, { nullable: true, description: 'FORECAST: when the spend reaches the budget at the current pace.' }) projectedCrossingAt: Date | null;
  @Field(() => DateTime) firedAt: Date;
  @Field(() => DateTime, { nullable: true }) resolvedAt: Date | null;

  static from(e: EventRow, rule: AlertRuleType, deliveries: AlertDeliveryType[]): AlertEventType {
    return Object.assign(new AlertEventType(), {
      id: String(e.id),
      rule,
      deliveries,
      kind: e.kind,
      entityKey: e.entityKey || null,
      entityLabel: e.entityLabel,
      value: e.value,
      lastValue: e.status === 'RESOLVED' ? (e.resolvedValue ?? e.lastValue) : e.lastValue,
      threshold: e.threshold,
      fraction: e.fraction,
      status: e.status,
      resolution: e.resolution,
      periodFrom: e.periodFrom,
      periodTo: e.periodTo,
      projectedCrossingAt: e.projectedCrossingAt,
      firedAt: e.firedAt,
      resolvedAt: e.resolvedAt,
    });
  }
}

@ObjectType('BudgetForecast', { description: 'A COST budget: spend of the current period and where the pace so far (weekday-aware) leads.' })
export class BudgetForecastType {
  @Field(() => AlertRuleType) rule: AlertRuleType;
  @Field(() => Float) spentUsd: number;
  @Field(() => Float, { description: 'Projected spend at the end of the period: this period’s pace, shaped by the mean cost of each weekday over the last 4 weeks.' }) projectedUsd: number;
  @Field(() => Float) budgetUsd: number;
  @Field(() => DateTime, { nullable: true, description: 'When the spend reaches the budget at this pace; once reached, when it was (to the evaluation minute); null if not within the period.' })
  projectedCrossingAt: Date | null;
  @Field(() => DateTime) periodFrom: Date;
  @Field(() => DateTime) periodTo: Date;
  @Field(() => Float, { description: 'Share of the period behind now, in [0, 1].' }) elapsedFraction: number;
}
