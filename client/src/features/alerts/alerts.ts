import type { AlertRuleInput, Dimension } from '../../gql/graphql';
import { formatDuration, formatInteger, formatPercent, formatUsd } from '../../lib/format';

/**
 * How alert rules and events read in the dashboard. Pure (tested in alerts.test.ts), and worded
 * like the server's alert emails, so a notification and the page say the same thing.
 */
export type AlertMetric = 'COST' | 'REQUESTS' | 'ERROR_RATE' | 'LATENCY_P95' | 'TTFT_P95';

export const metricLabels: Record<AlertMetric, string> = {
  COST: 'Cost',
  REQUESTS: 'Requests',
  ERROR_RATE: 'Error rate',
  LATENCY_P95: 'p95 latency',
  TTFT_P95: 'p95 time to first token',
};

export function formatMetric(metric: string, v: number | null | undefined): string {
  switch (metric) {
    case 'COST':
      return formatUsd(v);
    case 'REQUESTS':
      return formatInteger(v);
    case 'ERROR_RATE':
      return formatPercent(v);
    default:
      return formatDuration(v);
  }
}

const periodWords: Record<string, string> = { DAY: 'day', WEEK: 'week', MONTH: 'month' };

/** "over 15 min", "over 24 h", "this month". */
export function spanText(rule: { windowMinutes?: number | null; budgetPeriod?: string | null }): string {
  if (rule.budgetPeriod) return `this ${periodWords[rule.budgetPeriod] ?? rule.budgetPeriod.toLowerCase()}`;
  const m = rule.windowMinutes ?? 0;
  return m % 60 === 0 ? `over ${m / 60} h` : `over ${m} min`;
}

export interface RuleSummary {
  metric: string;
  threshold: number;
  thresholds: number[];
  windowMinutes?: number | null;
  budgetPeriod?: string | null;
  groupBy?: string | null;
}

/** "Cost ≥ $500.00 over 1 h, per USER" or "Budget $5,000.00 this month, at 50/80/95/100%". */
export function describeRule(r: RuleSummary): string {
  const per = r.groupBy ? `, per ${r.groupBy.toLowerCase().replace('_', '-')}` : '';
  if (r.budgetPeriod) {
    const levels = r.thresholds.length > 1 || r.thresholds[0] !== 1 ? `, at ${r.thresholds.map((f) => Math.round(f * 100)).join('/')}%` : '';
    const what = r.metric === 'COST' ? 'Budget' : `${metricLabels[r.metric as AlertMetric] ?? r.metric} limit`;
    return `${what} ${formatMetric(r.metric, r.threshold)} ${spanText(r)}${levels}${per}`;
  }
  return `${metricLabels[r.metric as AlertMetric] ?? r.metric} ≥ ${formatMetric(r.metric, r.threshold)} ${spanText(r)}${per}`;
}

export type BudgetTone = 'ok' | 'warn' | 'over';

/** A budget's state: spent and projected as shares of the budget, and how worried to look. */
export function budgetState(f: { spentUsd: number; projectedUsd: number; budgetUsd: number }): { spent: number; projected: number; tone: BudgetTone } {
  const spent = f.budgetUsd > 0 ? f.spentUsd / f.budgetUsd : 0;
  const projected = f.budgetUsd > 0 ? f.projectedUsd / f.budgetUsd : 0;
  return { spent, projected, tone: spent >= 1 ? 'over' : projected >= 1 ? 'warn' : 'ok' };
}

/** What an event is about: the entity of a per-entity rule, or the rule's whole scope. */
export function entityText(e: { entityKey?: string | null; entityLabel?: string | null }): string {
  if (!e.entityKey) return 'All';
  return e.entityLabel && e.entityLabel !== e.entityKey ? `${e.entityLabel} (${e.entityKey})` : e.entityKey;
}

export interface RuleDraft {
  name: string;
  metric: AlertMetric;
  kind: 'window' | 'budget';
  windowMinutes: number;
  budgetPeriod: 'DAY' | 'WEEK' | 'MONTH';
  threshold: number | null;
  /** '' for the whole scope. */
  groupBy: Dimension | '';
  emailRecipients: string;
  slackWebhookUrl: string;
  forecast: boolean;
}

export const emptyDraft = (): RuleDraft => ({ name: '', metric: 'COST', kind: 'window', windowMinutes: 60, budgetPeriod: 'MONTH', threshold: null, groupBy: '', emailRecipients: '', slackWebhookUrl: '', forecast: false });

/**
 * The form as an AlertRuleInput: only the fields that apply, lists split on commas. ERROR_RATE is
 * typed in percent. An empty threshold goes as 0, which the server refuses naming the field.
 */
export function ruleInput(d: RuleDraft): AlertRuleInput {
  const threshold = d.threshold == null ? 0 : d.metric === 'ERROR_RATE' ? d.threshold / 100 : d.threshold;
  return {
    name: d.name.trim(),
    metric: d.metric,
    ...(d.kind === 'window' ? { windowMinutes: d.windowMinutes } : { budgetPeriod: d.budgetPeriod }),
    threshold,
    ...(d.groupBy ? { groupBy: d.groupBy } : {}),
    ...(d.kind === 'budget' && d.metric === 'COST' && !d.groupBy && d.forecast ? { forecast: true } : {}),
    emailRecipients: d.emailRecipients.split(',').map((s) => s.trim()).filter(Boolean),
    slackWebhookUrls: d.slackWebhookUrl.trim() ? [d.slackWebhookUrl.trim()] : [],
  };
}
