import {
  buildQuery,
  loadOrganizations,
  NONE_KEY,
  OTHER_KEY,
  queryBreakdown,
  querySeries,
  queryTotals,
  withRange,
  type UsageQuery,
} from '../../analytics/index.js';
import type { TenantScope } from '../accounts/access.js';
import type { Pool } from '../../db/pool.js';
import { budgetPeriodAt, rollingWindow, type Span } from './periods.js';
import type { RuleRow } from './rules.store.js';
import type { AlertMetric } from './rule.validation.js';
import type { EntityValue, Measurement } from './transitions.js';

export type OrgRow = Awaited<ReturnType<typeof loadOrganizations>>[number];

/** The analytics measure each alert metric reads. */
export const metricMeasure: Record<AlertMetric, string> = {
  COST: 'costUsd',
  REQUESTS: 'requests',
  ERROR_RATE: 'errorRate',
  LATENCY_P95: 'latencyP95Ms',
  TTFT_P95: 'ttftP95Ms',
};

/** Per-entity rules read at most this many entities per evaluation (the busiest, or the costliest). */
export const MAX_ENTITIES = 1000;
const HISTORY_DAYS = 28;

/**
 * The scope a rule reads: its organization's, as its admins see it (a sub-account's rule sees
 * that sub-account only), whoever created it.
 */
export function ruleScope(rule: Pick<RuleRow, 'tenantId' | 'orgId'>, orgs: OrgRow[]): TenantScope {
  const own = orgs.find((o) => o.id === rule.orgId);
  return { tenantId: rule.tenantId, orgId: rule.orgId, orgIds: own?.parent_id != null ? [rule.orgId] : null };
}

/** The rule's filter as a validated, scoped query over `span` (throws BAD_USER_INPUT if it no longer holds). */
export function ruleQuery(rule: RuleRow, orgs: OrgRow[], span: Span, now: Date): UsageQuery {
  const input = { ...rule.filter, timeframe: 'CUSTOM', from: span.from, to: span.to };
  return buildQuery(ruleScope(rule, orgs), input, now, orgs, 'filter.');
}

/** The timezone of a rule's calendar: its filter's, else its organization's. */
export function ruleTimezone(rule: RuleRow, orgs: OrgRow[]): string {
  const tz = rule.filter.timezone;
  return typeof tz === 'string' && tz ? tz : (orgs.find((o) => o.id === rule.orgId)?.timezone ?? 'UTC');
}

/** The span a rule reads at an evaluation minute: the budget period containing it, or the rolling window before it. */
export function ruleSpan(rule: RuleRow, orgs: OrgRow[], minute: Date): Span {
  return rule.budgetPeriod ? budgetPeriodAt(minute, rule.budgetPeriod, ruleTimezone(rule, orgs)) : rollingWindow(minute, rule.windowMinutes!);
}

/**
 * Reads the rule's metric through the analytics engine (summary tables where they answer, the
 * raw table only for edges they cannot): one totals query, or one breakdown for per-entity rules.
 * A budget reads its whole period (future hours hold nothing), so whole days come from day rollups.
 */
export async function measureRule(pool: Pool, rule: RuleRow, orgs: OrgRow[], minute: Date): Promise<Measurement> {
  const span = ruleSpan(rule, orgs, minute);
  const q = ruleQuery(rule, orgs, span, minute);
  const measure = metricMeasure[rule.metric];
  const names = [...new Set([measure, 'requests'])];
  const entities = new Map<string, EntityValue>();
  if (!rule.groupBy) {
    const totals = await queryTotals(pool, q, names);
    entities.set('', { value: totals[measure] ?? null, requests: Number(totals.requests ?? 0), label: null });
    return { span, entities, complete: true };
  }
  // Additive metrics: the largest values first. Rates and percentiles: the busiest entities first,
  // since entities under minRequests cannot fire anyway.
  const orderBy = rule.metric === 'COST' ? 'COST_USD' : 'REQUESTS';
  const rows = await queryBreakdown(pool, q, { by: rule.groupBy, propertyKey: rule.groupByPropertyKey, orderBy: { field: orderBy, direction: 'DESC' }, limit: MAX_ENTITIES }, names);
  let complete = true;
  for (const r of rows) {
    if (r.key === OTHER_KEY) {
      complete = false;
      continue;
    }
    if (r.key === NONE_KEY) continue; // events without the entity (no user, no agent…) are no entity
    entities.set(r.key, { value: (r[measure] as number | null) ?? null, requests: Number(r.requests ?? 0), label: r.label });
  }
  return { span, entities, complete };
}

/** Daily cost of the full local days before today (the weekday shape of a forecast). */
export async function costHistory(pool: Pool, rule: RuleRow, orgs: OrgRow[], now: Date, timezone: string): Promise<{ day: Date; costUsd: number }[]> {
  const today = budgetPeriodAt(now, 'DAY', timezone).from;
  const from = new Date(today.getTime() - HISTORY_DAYS * 86_400_000);
  const start = budgetPeriodAt(from, 'DAY', timezone).to; // the next local midnight: whole local days only
  const q = withRange(ruleQuery(rule, orgs, { from: start, to: today }, now), start, today);
  const points = (await querySeries(pool, q, 'DAY', ['costUsd'])).map((p) => ({ day: p.bucket, costUsd: Number(p.costUsd ?? 0) }));
  // Days before the first spend are days before the tenant used anything, not quiet weekdays.
  const first = points.findIndex((p) => p.costUsd > 0);
  return first < 0 ? [] : points.slice(first);
}
