import { Field, Float, InputType, Int } from 'type-graphql';
import { Dimension } from '../usage/usage.enums.js';
import { UsageFilter } from '../usage/usage.inputs.js';
import { AlertMetric, BudgetPeriod } from './alerts.types.js';

@InputType({ description: 'An alert rule: a rolling window (windowMinutes) or a calendar budget (budgetPeriod). Every problem names its field.' })
export class AlertRuleInput {
  @Field() name: string;
  @Field(() => AlertMetric) metric: string;
  @Field(() => Int, { nullable: true, description: 'A rolling window of 5 to 1440 minutes ending at each evaluation minute.' }) windowMinutes?: number;
  @Field(() => BudgetPeriod, { nullable: true, description: "A calendar budget: the current day, week (from Monday) or month, in the filter's timezone or else the organization's." })
  budgetPeriod?: string;
  @Field(() => Float, { description: 'The limit: USD for COST (for a budget: the budget), a count for REQUESTS, a fraction for ERROR_RATE (0.05 = 5%), ms for LATENCY_P95 and TTFT_P95. A value at or above it fires.' })
  threshold: number;
  @Field(() => [Float], { nullable: true, description: 'Budgets only: fractions of the threshold, each firing once per period. Default [0.5, 0.8, 0.95, 1.0] for COST and REQUESTS, [1.0] otherwise.' })
  thresholds?: number[];
  @Field(() => UsageFilter, { nullable: true, description: 'Which events count (the scope); its time range is replaced by the window or period.' }) filter?: UsageFilter;
  @Field(() => Dimension, { nullable: true, description: 'Per-entity rule: evaluated for each value of this dimension (each user, agent, team, sub-account…), one event per entity.' })
  groupBy?: string;
  @Field(() => String, { nullable: true, description: 'The custom property key, with groupBy PROPERTY.' }) groupByPropertyKey?: string;
  @Field(() => Int, { nullable: true, description: 'Fewer requests than this in the window (per entity) neither fire nor resolve. Default 20 for ERROR_RATE, LATENCY_P95 and TTFT_P95, else 0.' })
  minRequests?: number;
  @Field(() => Boolean, { nullable: true, description: 'COST budgets: also alert (once a period) when the projected spend reaches the budget.' }) forecast?: boolean;
  @Field(() => [String], { nullable: true }) emailRecipients?: string[];
  @Field(() => [String], { nullable: true, description: 'Slack incoming-webhook URLs (http or https). Secrets: masked for non-admins, never logged.' }) slackWebhookUrls?: string[];
  @Field(() => Boolean, { nullable: true, description: 'Default true.' }) enabled?: boolean;
}
