import { z } from 'zod';
import { dimensions, type DimensionName } from '../../analytics/index.js';
import { PROPERTY_KEY } from '../../analytics/catalog/dimensions.js';
import { emailRecipientsSchema, slackWebhookUrlsSchema } from '../../emails/channels.validation.js';
import { parseInput } from '../../shared/validation.js';
import type { BudgetPeriod } from './periods.js';

export const alertMetrics = ['COST', 'REQUESTS', 'ERROR_RATE', 'LATENCY_P95', 'TTFT_P95'] as const;
export type AlertMetric = (typeof alertMetrics)[number];
export const budgetPeriods = ['DAY', 'WEEK', 'MONTH'] as const;

/** Metrics that add up over time: a budget of them fills up, so graduated thresholds make sense. */
export const additiveMetrics: readonly AlertMetric[] = ['COST', 'REQUESTS'];
/** Metrics that are ratios or percentiles: meaningless over a handful of requests. */
export const rateMetrics: readonly AlertMetric[] = ['ERROR_RATE', 'LATENCY_P95', 'TTFT_P95'];

export const DEFAULT_BUDGET_THRESHOLDS = [0.5, 0.8, 0.95, 1.0];
/** Default minRequests of rate metrics: three requests, one failing, must not page anyone. */
export const DEFAULT_MIN_REQUESTS = 20;
// The window (or the budget period) is the time range; a timeframe in the filter would only mislead.
const TIME_FIELDS = ['timeframe', 'from', 'to'];

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** AlertRuleInput, validated: every problem names its field (`windowMinutes`, `thresholds.2`). */
export const ruleInputSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    metric: z.enum(alertMetrics, `must be one of ${alertMetrics.join(', ')}`),
    windowMinutes: z.number().int('must be a whole number of minutes').min(5, 'must be between 5 and 1440 (24 hours)').max(1440, 'must be between 5 and 1440 (24 hours)').nullish(),
    budgetPeriod: z.enum(budgetPeriods, 'must be DAY, WEEK or MONTH').nullish(),
    threshold: finite.positive('must be greater than 0'),
    thresholds: z.array(finite.gt(0, 'must be greater than 0').max(10, 'must be at most 10 (1000% of the budget)')).min(1, 'give at least one fraction, or leave it out for the default').max(10, 'may hold at most 10 fractions').nullish(),
    filter: z.record(z.string(), z.unknown()).nullish(),
    groupBy: z.enum(dimensions.map((d) => d.name) as [DimensionName, ...DimensionName[]]).nullish(),
    groupByPropertyKey: z.string().regex(PROPERTY_KEY, 'must be 1–64 letters, digits, or _ . : -').nullish(),
    minRequests: z.number().int('must be a whole number').min(0, 'must be >= 0').max(1_000_000_000).nullish(),
    forecast: z.boolean().nullish(),
    emailRecipients: emailRecipientsSchema,
    slackWebhookUrls: slackWebhookUrlsSchema,
    enabled: z.boolean().nullish(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if ((v.windowMinutes == null) === (v.budgetPeriod == null)) {
      issue('windowMinutes', 'give either windowMinutes (a rolling window) or budgetPeriod (a calendar budget), not both');
    }
    if (v.metric === 'ERROR_RATE' && v.threshold > 1) issue('threshold', 'an error rate is a fraction between 0 and 1 (0.05 = 5%)');
    if (v.thresholds != null && v.budgetPeriod == null) issue('thresholds', 'graduated thresholds apply to budgets (budgetPeriod) only');
    if (v.groupBy === 'PROPERTY' && !v.groupByPropertyKey) issue('groupByPropertyKey', 'is required when grouping by PROPERTY');
    if (v.groupByPropertyKey && v.groupBy !== 'PROPERTY') issue('groupByPropertyKey', 'only applies with groupBy PROPERTY');
    if (v.forecast) {
      if (v.budgetPeriod == null || v.metric !== 'COST') issue('forecast', 'forecasts exist for COST budgets (budgetPeriod) only');
      else if (v.groupBy) issue('forecast', 'forecasts cover a whole budget, not one per entity: leave out groupBy');
    }
  });

/** A rule as stored and evaluated: defaults filled, lists deduplicated, thresholds ascending. */
export interface RuleSpec {
  name: string;
  metric: AlertMetric;
  windowMinutes: number | null;
  budgetPeriod: BudgetPeriod | null;
  /** The limit: USD for COST, a count for REQUESTS, a fraction for ERROR_RATE, ms for percentiles. */
  threshold: number;
  /** Fractions of `threshold` that each fire once: [1] for a rolling window. */
  thresholds: number[];
  filter: Record<string, unknown>;
  groupBy: DimensionName | null;
  groupByPropertyKey: string | null;
  minRequests: number;
  forecast: boolean;
  emailRecipients: string[];
  slackWebhookUrls: string[];
  enabled: boolean;
}

/** Parses the input (throws BAD_USER_INPUT naming every bad field) and fills the defaults. */
export function parseRuleInput(raw: unknown): RuleSpec {
  // GraphQL input objects have a null prototype and may hold undefined; JSON makes them plain.
  const input = parseInput(ruleInputSchema, JSON.parse(JSON.stringify(raw ?? {})));
  const budget = input.budgetPeriod ?? null;
  const defaultLevels = budget && additiveMetrics.includes(input.metric) ? DEFAULT_BUDGET_THRESHOLDS : [1];
  return {
    name: input.name,
    metric: input.metric,
    windowMinutes: input.windowMinutes ?? null,
    budgetPeriod: budget,
    threshold: input.threshold,
    thresholds: input.thresholds ? [...new Set(input.thresholds)].sort((a, b) => a - b) : defaultLevels,
    filter: Object.fromEntries(Object.entries(input.filter ?? {}).filter(([k, v]) => v != null && !TIME_FIELDS.includes(k))),
    groupBy: input.groupBy ?? null,
    groupByPropertyKey: input.groupByPropertyKey ?? null,
    minRequests: input.minRequests ?? (rateMetrics.includes(input.metric) ? DEFAULT_MIN_REQUESTS : 0),
    forecast: input.forecast ?? false,
    emailRecipients: [...new Set(input.emailRecipients ?? [])],
    slackWebhookUrls: [...new Set(input.slackWebhookUrls ?? [])],
    enabled: input.enabled ?? true,
  };
}

/** Fields whose change makes the current state of the rule meaningless (open events are reset). */
export const EVALUATION_FIELDS = ['metric', 'windowMinutes', 'budgetPeriod', 'threshold', 'thresholds', 'filter', 'groupBy', 'groupByPropertyKey', 'minRequests', 'forecast'] as const;
