import { DateTime } from 'luxon';
import { formatCount, formatMs, formatPercent, formatUsd } from '../../../emails/format.js';
import type { AlertMetric } from '../rule.validation.js';
import type { NotificationSnapshot, TransitionSnapshot } from './snapshot.js';

/** Plain-language pieces of an alert message, shared by the email, its text part and Slack. */
export const metricLabel: Record<AlertMetric, string> = {
  COST: 'Cost',
  REQUESTS: 'Requests',
  ERROR_RATE: 'Error rate',
  LATENCY_P95: 'p95 latency',
  TTFT_P95: 'p95 time to first token',
};

export function formatMetric(metric: AlertMetric, v: number | null | undefined): string {
  switch (metric) {
    case 'COST':
      return formatUsd(v);
    case 'REQUESTS':
      return formatCount(v);
    case 'ERROR_RATE':
      return formatPercent(v);
    default:
      return formatMs(v);
  }
}

const periodWord = { DAY: 'day', WEEK: 'week', MONTH: 'month' } as const;

/** "over the last 15 min", "this month (Europe/Berlin)". */
export function spanPhrase(rule: NotificationSnapshot['rule']): string {
  if (rule.budgetPeriod) return `this ${periodWord[rule.budgetPeriod]}`;
  const m = rule.windowMinutes!;
  return m % 60 === 0 ? `over the last ${m / 60} h` : `over the last ${m} min`;
}

export function entityName(t: TransitionSnapshot): string | null {
  if (!t.entityKey) return null;
  return t.entityLabel && t.entityLabel !== t.entityKey ? `${t.entityLabel} (${t.entityKey})` : t.entityKey;
}

function localDate(iso: string, timezone: string): string {
  return DateTime.fromISO(iso, { zone: timezone }).toFormat('EEE d LLL, HH:mm');
}

/** One line per transition: what crossed what, for whom. */
export function transitionLine(s: NotificationSnapshot, t: TransitionSnapshot): string {
  const { rule } = s;
  const who = entityName(t);
  const subject = `${metricLabel[rule.metric]}${who ? ` of ${who}` : ''}`;
  if (t.kind === 'FORECAST') {
    if (t.change === 'RESOLVED') return `Forecast back under budget: at this pace ${formatUsd(t.value)} by the end of the ${periodWord[rule.budgetPeriod!]}, within the ${formatUsd(t.threshold)} budget.`;
    const when = t.projectedCrossingAt ? ` on ${localDate(t.projectedCrossingAt, rule.timezone)}` : '';
    return `At this pace you pass the ${formatUsd(t.threshold)} budget${when}: ${formatUsd(t.value)} projected by the end of the ${periodWord[rule.budgetPeriod!]}.`;
  }
  const limit = formatMetric(rule.metric, t.threshold);
  const share = rule.budgetPeriod && t.fraction !== 1 ? ` (${Math.round(t.fraction * 100)}% of ${formatMetric(rule.metric, rule.threshold)})` : '';
  if (t.change === 'RESOLVED') return `Resolved: ${subject} ${spanPhrase(rule)} is ${formatMetric(rule.metric, t.value)}, back under ${limit}${share}.`;
  return `${subject} ${spanPhrase(rule)} is ${formatMetric(rule.metric, t.value)}, at or above ${limit}${share}.`;
}

/** The subject line: the most severe new firing (or the resolution), and how many more there are. */
export function alertSubject(s: NotificationSnapshot): string {
  const fired = s.transitions.filter((t) => t.change === 'FIRED');
  const lead = fired.length ? [...fired].sort((a, b) => b.fraction - a.fraction || (b.value ?? 0) - (a.value ?? 0))[0] : s.transitions[0];
  const more = (fired.length ? fired.length : s.transitions.length) - 1;
  const tag = fired.length ? (lead.kind === 'FORECAST' ? 'Forecast' : 'Alert') : 'Resolved';
  const who = entityName(lead);
  let what: string;
  if (lead.kind === 'FORECAST') what = `${formatUsd(lead.value)} projected, budget ${formatUsd(lead.threshold)}`;
  else if (s.rule.budgetPeriod && lead.change === 'FIRED') what = `${Math.round(lead.fraction * 100)}% of ${formatMetric(s.rule.metric, s.rule.threshold)} reached (${formatMetric(s.rule.metric, lead.value)})`;
  else what = `${metricLabel[s.rule.metric].toLowerCase()} ${formatMetric(s.rule.metric, lead.value)} ${lead.change === 'FIRED' ? '≥' : '<'} ${formatMetric(s.rule.metric, lead.threshold)}`;
  return `[${tag}] ${s.rule.name}: ${what}${who ? ` for ${who}` : ''}${more > 0 ? ` (+${more} more)` : ''}`;
}
