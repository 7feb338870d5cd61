/**
 * The answer of the ReportUsage operation (shared/operations/report.graphql), typed by hand for
 * the fields the report reads. The operation is validated against the schema before it runs, so
 * a renamed field fails loudly instead of reading undefined.
 */
export interface ReportFiguresData {
  costUsd: number;
  requests: number;
  errors: number;
  errorRate: number;
  activeUsers: number;
  threats: number;
  sessions: number;
  avgCostPerSession: number | null;
  agentRuns: number;
  agentSuccessRate: number | null;
  cacheHits: number;
  cacheHitRate: number;
  cacheSavingsUsd: number;
  costNotSupportedRequests: number;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  totalTokens: number;
}

export interface BreakdownRowData {
  key: string;
  label: string | null;
  requests: number;
  costUsd: number;
  activeUsers?: number;
  inputTokens?: number;
  cachedInputTokens?: number;
  cacheHits?: number;
  errorRate?: number;
}

export interface ModelRowData {
  model: string;
  provider: string | null;
  requests: number;
  costUsd: number;
  costShare: number;
  inputTokensTotal: number;
  outputTokensTotal: number;
  costPerRequest: number;
  errorRate: number;
}

export interface AgentRowData {
  agentName: string | null;
  agentId: string | null;
  agentType: string | null;
  totalRuns: number;
  costUsd: number;
  errorRate: number;
}

export interface UserRowData {
  userEmail: string | null;
  userId: string | null;
  requests: number;
  costUsd: number;
}

/** A row of `topRequests`: spend only (unpriced requests and cache hits are left out). */
export interface ExpensiveRequestData {
  eventId: string;
  ts: string;
  model: string;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
  userId: string | null;
  agentId: string | null;
}

export interface ReportUsageData {
  usage: {
    range: { from: string; to: string; timezone: string };
    totals: ReportFiguresData;
    teams: BreakdownRowData[];
    prompts: BreakdownRowData[];
    tools: BreakdownRowData[];
    statuses: BreakdownRowData[];
  };
  previousUsage: { totals: ReportFiguresData };
  usageByModel: { rows: ModelRowData[] };
  usageByAgent: { rows: AgentRowData[] };
  usageByUser: { rows: UserRowData[] };
  /** The most expensive single requests of the period. */
  expensiveRequests: ExpensiveRequestData[];
}

/** Breakdown rows that group the rest ("(other)") or events without a value ("(none)"). */
export const OTHER_KEY = '(other)';
export const NONE_KEY = '(none)';
