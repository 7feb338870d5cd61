import { needsOf } from '../src/analytics/catalog/measures.js';
import { dimensionByName } from '../src/analytics/catalog/dimensions.js';
import { buildQuery, type OrgRow, type UsageFilterInput } from '../src/analytics/query.js';
import { rawPlan } from '../src/analytics/engine/raw.js';
import type { AggregateRequest, Grouping } from '../src/analytics/engine/request.js';
import { Params } from '../src/analytics/sql/params.js';
import { filterConditions } from '../src/analytics/sql/where.js';
import type { Unit } from '../src/analytics/time-range.js';

export interface BenchCase {
  name: string;
  graphql: string;
  /** The same answer by plain SQL on the raw table (the engine's raw statements, run one after another). */
  rawSql: { text: string; values: unknown[] }[];
}

const ALL = `requests errors errorRate clientErrors serverErrors costUsd credits costNotSupportedRequests inputTokens outputTokens
  cachedInputTokens cacheWriteTokens totalTokens activeUsers sessions avgCostPerSession avgSessionDurationMs agentRuns agentSuccessRate
  costPerSuccessfulRunUsd latencyAvgMs latencyP50Ms latencyP95Ms latencyP99Ms ttftAvgMs ttftP95Ms cacheHits cacheHitRate cacheSavingsUsd threats outputChars`;
const names = (s: string) => s.split(/\s+/).filter(Boolean);

export function dashboardQueries(rootId: number, orgs: OrgRow[], now: Date): BenchCase[] {
  const scope = { tenantId: rootId, orgId: rootId, orgIds: null };
  const query = (f: UsageFilterInput) => buildQuery(scope, f, now, orgs);
  const raw = (f: UsageFilterInput, group: Grouping, measures: string, period: 'current' | 'previous' = 'current') => {
    const q = query(f);
    const req: AggregateRequest = {
      query: q,
      from: period === 'current' ? q.range.from : q.range.previousFrom,
      to: period === 'current' ? q.range.to : q.range.previousTo,
      group,
      needs: needsOf(names(measures)),
    };
    return rawPlan(req);
  };
  const day = (unit: Unit): Grouping => ({ kind: 'bucket', unit });
  const by = (d: string): Grouping => ({ kind: 'dimension', dimension: dimensionByName.get(d as never)! });
  const mostCommon = (f: UsageFilterInput, key: string, value: string) => {
    const q = query(f);
    const p = new Params();
    const where = [...filterConditions(q, p, 'e'), `e.ts >= ${p.add(q.range.from)}`, `e.ts < ${p.add(q.range.to)}`].join(' and ');
    return { text: `select distinct on (k) k, v from (select e.${key} as k, e.${value} as v, count(*) as c from usage_event e where ${where} group by 1, 2) s order by k, c desc, v`, values: p.values };
  };

  const last30 = { timeframe: 'LAST_30_DAYS' };
  const last7 = { timeframe: 'LAST_7_DAYS' };
  const series = 'requests costUsd inputTokens outputTokens errors';
  const topUsers = 'costUsd requests totalTokens';
  const modelCols = 'model provider requests costUsd costShare inputTokensTotal outputTokensTotal avgLatencyMs p95LatencyMs errorRate costPerRequest';
  const agentCols = 'agentName agentId modelUsed agentType totalRuns totalSessions avgRunsPerSession creditsConsumed inputTokensTotal outputTokensTotal avgLatencyMs p95LatencyMs errorRate costUsd';
  const propCols = 'requests costUsd totalTokens errorRate';
  return [
    {
      name: '30-day totals + previous period (all 32 measures)',
      graphql: `{ usage(filter: { timeframe: LAST_30_DAYS }) { totals { ${ALL} } previous { ${ALL} } } }`,
      rawSql: [...raw(last30, { kind: 'none' }, ALL), ...raw(last30, { kind: 'none' }, ALL, 'previous')],
    },
    {
      name: '30-day totals + previous, additive KPIs and p95',
      graphql: `{ usage(filter: { timeframe: LAST_30_DAYS }) { totals { requests errorRate costUsd credits totalTokens cacheHits latencyP95Ms activeUsers } previous { requests errorRate costUsd credits totalTokens cacheHits latencyP95Ms activeUsers } } }`,
      rawSql: [...raw(last30, { kind: 'none' }, 'requests errorRate costUsd credits totalTokens cacheHits latencyP95Ms activeUsers'), ...raw(last30, { kind: 'none' }, 'requests errorRate costUsd credits totalTokens cacheHits latencyP95Ms activeUsers', 'previous')],
    },
    {
      name: '90-day daily series',
      graphql: `{ usage(filter: { timeframe: LAST_90_DAYS }) { series(granularity: DAY) { bucket ${series} } } }`,
      rawSql: raw({ timeframe: 'LAST_90_DAYS' }, day('day'), series),
    },
    {
      name: 'top 20 users by cost, 30 days',
      graphql: `{ usage(filter: { timeframe: LAST_30_DAYS }) { breakdown(by: USER, limit: 20) { key label ${topUsers} } } }`,
      rawSql: raw(last30, by('USER'), topUsers),
    },
    {
      name: 'usage by model with p95, 7 days',
      graphql: `{ usageByModel(filter: { timeframe: LAST_7_DAYS }) { total rows { ${modelCols} } } }`,
      rawSql: [...raw(last7, by('MODEL'), 'requests costUsd inputTokens outputTokens latencyAvgMs latencyP95Ms errorRate'), mostCommon(last7, 'model', 'provider')],
    },
    {
      name: 'daily active users, 30 days',
      graphql: `{ usage(filter: { timeframe: LAST_30_DAYS }) { series(granularity: DAY) { bucket activeUsers } } }`,
      rawSql: raw(last30, day('day'), 'activeUsers'),
    },
    {
      name: 'usage-by-agent page, 30 days',
      graphql: `{ usageByAgent(filter: { timeframe: LAST_30_DAYS }, limit: 50) { total rows { ${agentCols} } } }`,
      rawSql: [...raw(last30, by('AGENT'), 'agentRuns sessions credits inputTokens outputTokens latencyAvgMs latencyP95Ms errorRate costUsd'), mostCommon(last30, 'agent_id', 'model')],
    },
    {
      name: 'custom-property breakdown, 7 days',
      graphql: `{ usage(filter: { timeframe: LAST_7_DAYS }) { breakdown(by: PROPERTY, propertyKey: "environment") { key ${propCols} } } }`,
      rawSql: raw(last7, { kind: 'dimension', dimension: dimensionByName.get('PROPERTY')!, propertyKey: 'environment' }, propCols),
    },
  ];
}
