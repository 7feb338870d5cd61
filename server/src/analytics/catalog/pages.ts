import type { DimensionName } from './dimensions.js';
import type { Need } from './measures.js';

/** What a page row is computed from: the group's key, its measures, its key attributes. */
export interface RowContext {
  key: string | null;
  label: string | null;
  m: Record<string, number | null>;
  attrs: Record<string, unknown>;
  /** Sum of costUsd over every row of the page (= totals.costUsd: cost is additive). */
  pageCostUsd: number;
  lastTs: Date | null;
}

export type ColumnType = 'String' | 'ID' | 'Int' | 'SafeInt' | 'Float' | 'DateTime';

export interface PageColumn {
  name: string;
  type: ColumnType;
  nullable?: boolean;
  description: string;
  /** Measures this column is computed from. */
  measures?: string[];
  value(r: RowContext): unknown;
}

export interface Page {
  /** The GraphQL query name. */
  name: 'usageByAgent' | 'usageByUser' | 'usageByModel' | 'usageBySubAccount';
  /** The CSV path: /v1/reports/<csv>.csv */
  csv: string;
  typeName: string;
  dimension: DimensionName;
  /** Per-user data: exports need the export-per-user permission. */
  perUser?: boolean;
  /** Base aggregates needed beyond the columns' measures. */
  extraNeeds?: Need[];
  columns: PageColumn[];
}

const m = (name: string, measure: string, type: ColumnType, description: string, nullable = false): PageColumn => ({
  name,
  type,
  nullable,
  description,
  measures: [measure],
  value: (r) => r.m[measure],
});
const ratio = (a: number | null, b: number | null) => (b ? (a ?? 0) / b : null);

const costUsd = m('costUsd', 'costUsd', 'Float', 'Spend in US dollars.');
const credits = m('creditsConsumed', 'credits', 'Float', 'Credits (cost × the organization credit rate).');
const inputTokens = m('inputTokensTotal', 'inputTokens', 'SafeInt', 'Input tokens.');
const outputTokens = m('outputTokensTotal', 'outputTokens', 'SafeInt', 'Output tokens.');
const errorRate = m('errorRate', 'errorRate', 'Float', 'Errors / requests, in [0, 1].');
const requests = m('requests', 'requests', 'Int', 'Requests.');
const avgLatency = m('avgLatencyMs', 'latencyAvgMs', 'Float', 'Mean latency.', true);
const p95Latency = m('p95LatencyMs', 'latencyP95Ms', 'Float', '95th percentile latency (within 1.5%).', true);
const totalRuns = m('totalRuns', 'agentRuns', 'Int', 'Agent runs.');

/** The four report pages with the columns their users know, in the contract's order. */
export const pages: Page[] = [
  {
    name: 'usageByAgent',
    csv: 'usage-by-agent',
    typeName: 'UsageByAgentRow',
    dimension: 'AGENT',
    columns: [
      { name: 'agentName', type: 'String', nullable: true, description: 'The agent name (null for requests made without an agent).', value: (r) => (r.attrs.name as string) ?? (r.key === null ? null : r.key) },
      { name: 'agentId', type: 'ID', nullable: true, description: 'The agent external id; null groups requests made without an agent.', value: (r) => r.key },
      { name: 'modelUsed', type: 'String', nullable: true, description: 'The model this agent used most (by requests).', value: (r) => (r.attrs.modelUsed as string) ?? null },
      { name: 'agentType', type: 'String', nullable: true, description: 'The agent type.', value: (r) => (r.attrs.type as string) ?? null },
      totalRuns,
      m('totalSessions', 'sessions', 'Int', 'Distinct sessions.'),
      { name: 'avgRunsPerSession', type: 'Float', nullable: true, description: 'Runs / sessions.', measures: ['agentRuns', 'sessions'], value: (r) => ratio(r.m.agentRuns, r.m.sessions) },
      credits,
      inputTokens,
      outputTokens,
      avgLatency,
      p95Latency,
      errorRate,
      costUsd,
    ],
  },
  {
    name: 'usageByUser',
    csv: 'usage-by-user',
    typeName: 'UsageByUserRow',
    dimension: 'USER',
    perUser: true,
    extraNeeds: ['last_ts'],
    columns: [
      { name: 'userEmail', type: 'String', nullable: true, description: "The user's email, when known.", value: (r) => (r.attrs.email as string) ?? null },
      { name: 'role', type: 'String', nullable: true, description: 'The role of the member with this email, if any (ADMIN, MEMBER, VIEWER).', value: (r) => (r.attrs.role as string) ?? null },
      { name: 'userId', type: 'ID', nullable: true, description: 'The user external id; null groups requests made for no user.', value: (r) => r.key },
      totalRuns,
      { name: 'agentsCreated', type: 'Int', description: 'Agents this user created (all time).', value: (r) => Number(r.attrs.agentsCreated ?? 0) },
      credits,
      inputTokens,
      outputTokens,
      costUsd,
      requests,
      { name: 'lastActive', type: 'DateTime', nullable: true, description: 'The start of the latest request in the range.', measures: ['requests'], value: (r) => r.lastTs },
    ],
  },
  {
    name: 'usageByModel',
    csv: 'usage-by-model',
    typeName: 'UsageByModelRow',
    dimension: 'MODEL',
    columns: [
      { name: 'model', type: 'String', description: 'The model.', value: (r) => r.key ?? '' },
      { name: 'provider', type: 'String', nullable: true, description: 'Its provider.', value: (r) => (r.attrs.provider as string) ?? null },
      requests,
      costUsd,
      { name: 'costShare', type: 'Float', description: "This model's share of the page's cost, in [0, 1].", measures: ['costUsd'], value: (r) => (r.pageCostUsd > 0 ? (r.m.costUsd ?? 0) / r.pageCostUsd : 0) },
      inputTokens,
      outputTokens,
      avgLatency,
      p95Latency,
      errorRate,
      { name: 'costPerRequest', type: 'Float', description: 'costUsd / requests.', measures: ['costUsd', 'requests'], value: (r) => ratio(r.m.costUsd, r.m.requests) ?? 0 },
    ],
  },
  {
    name: 'usageBySubAccount',
    csv: 'usage-by-sub-account',
    typeName: 'UsageBySubAccountRow',
    dimension: 'SUB_ACCOUNT',
    columns: [
      { name: 'subAccountId', type: 'ID', description: "The sub-account's externalId (the organization id for the parent's own events).", value: (r) => r.key ?? '' },
      { name: 'subAccountName', type: 'String', nullable: true, description: 'Its name.', value: (r) => r.label },
      requests,
      costUsd,
      credits,
      inputTokens,
      outputTokens,
      m('activeUsers', 'activeUsers', 'Int', 'Distinct users.'),
      errorRate,
    ],
  },
];

export const pageByName = new Map(pages.map((p) => [p.name, p]));
export const pageByCsv = new Map(pages.map((p) => [p.csv, p]));

const numeric = new Set<ColumnType>(['Int', 'SafeInt', 'Float']);
export const isNumericColumn = (c: PageColumn) => numeric.has(c.type);
