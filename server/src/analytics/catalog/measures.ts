import type { BaseName } from './aggregates.js';

/**
 * Figures that are not sums and need their own structure: exact distinct counts (users, sessions,
 * runs) and percentiles. Each is computed by one component query (see ../engine/components.ts).
 */
export type ComponentName = 'users' | 'sessions' | 'runs' | 'latency' | 'ttft';
export type Need = BaseName | 'credits' | ComponentName;

/** The values a measure is computed from: base aggregates, credits and component outputs. */
export type Values = Partial<Record<BaseName | 'credits', number>> & {
  last_ts?: Date | null;
  active_users?: number;
  sessions?: number;
  session_duration_sum_ms?: number;
  id_runs?: number;
  id_runs_failed?: number;
  latency_p50?: number | null;
  latency_p95?: number | null;
  latency_p99?: number | null;
  ttft_p95?: number | null;
};

export type MeasureType = 'int' | 'float';
export type Unit = 'count' | 'usd' | 'credits' | 'tokens' | 'ms' | 'fraction' | 'chars';

export interface Measure {
  /** The GraphQL field name; the order enum value is its SCREAMING_CASE form. */
  name: string;
  type: MeasureType;
  unit: Unit;
  description: string;
  /** Null when the figure is undefined (an average or percentile over nothing). */
  nullable?: boolean;
  /** Sums that add up across rows of a page or breakdown (and so must equal the totals). */
  additive?: boolean;
  needs: Need[];
  compute(v: Values): number | null;
}

const n = (x: number | undefined | null) => Number(x ?? 0);
const ratio = (a: number | undefined, b: number | undefined) => (n(b) > 0 ? n(a) / n(b) : 0);
const avg = (a: number | undefined, b: number | undefined) => (n(b) > 0 ? n(a) / n(b) : null);
const usd = (nanos: number | undefined) => n(nanos) / 1e9;

const runs = (v: Values) => n(v.id_runs) + n(v.solo_runs);
const okRuns = (v: Values) => n(v.id_runs) - n(v.id_runs_failed) + n(v.solo_runs) - n(v.solo_runs_failed);

/** Every measure, once. GraphQL fields, the order enum, validation and CSV columns derive from this list. */
export const measures: Measure[] = [
  { name: 'requests', type: 'int', unit: 'count', additive: true, description: 'LLM requests (events).', needs: ['requests'], compute: (v) => n(v.requests) },
  { name: 'errors', type: 'int', unit: 'count', additive: true, description: 'Requests with status >= 400.', needs: ['errors'], compute: (v) => n(v.errors) },
  { name: 'errorRate', type: 'float', unit: 'fraction', description: 'errors / requests, in [0, 1] (0 without requests).', needs: ['errors', 'requests'], compute: (v) => ratio(v.errors, v.requests) },
  { name: 'clientErrors', type: 'int', unit: 'count', additive: true, description: 'Requests with status 400–499.', needs: ['client_errors'], compute: (v) => n(v.client_errors) },
  { name: 'serverErrors', type: 'int', unit: 'count', additive: true, description: 'Requests with status >= 500.', needs: ['server_errors'], compute: (v) => n(v.server_errors) },
  { name: 'costUsd', type: 'float', unit: 'usd', additive: true, description: 'Spend in US dollars (cache hits excluded: their cost is a saving).', needs: ['cost_nanos'], compute: (v) => usd(v.cost_nanos) },
  { name: 'credits', type: 'float', unit: 'credits', additive: true, description: "Cost × the credits-per-dollar rate of the organization each event belongs to.", needs: ['credits'], compute: (v) => n(v.credits) },
  { name: 'costNotSupportedRequests', type: 'int', unit: 'count', additive: true, description: 'Requests whose model has no known price (cost unknown, not 0).', needs: ['cost_null'], compute: (v) => n(v.cost_null) },
  { name: 'inputTokens', type: 'int', unit: 'tokens', additive: true, description: 'Input tokens, cached ones included.', needs: ['input_tokens'], compute: (v) => n(v.input_tokens) },
  { name: 'outputTokens', type: 'int', unit: 'tokens', additive: true, description: 'Output tokens.', needs: ['output_tokens'], compute: (v) => n(v.output_tokens) },
  { name: 'cachedInputTokens', type: 'int', unit: 'tokens', additive: true, description: 'Input tokens read from the provider prompt cache.', needs: ['cached_input_tokens'], compute: (v) => n(v.cached_input_tokens) },
  { name: 'cacheWriteTokens', type: 'int', unit: 'tokens', additive: true, description: 'Input tokens written to the provider prompt cache.', needs: ['cache_write_tokens'], compute: (v) => n(v.cache_write_tokens) },
  { name: 'totalTokens', type: 'int', unit: 'tokens', additive: true, description: 'inputTokens + outputTokens.', needs: ['input_tokens', 'output_tokens'], compute: (v) => n(v.input_tokens) + n(v.output_tokens) },
  { name: 'activeUsers', type: 'int', unit: 'count', description: 'Distinct users with at least one request (exact).', needs: ['users'], compute: (v) => n(v.active_users) },
  { name: 'sessions', type: 'int', unit: 'count', description: 'Distinct sessions (exact).', needs: ['sessions'], compute: (v) => n(v.sessions) },
  { name: 'avgCostPerSession', type: 'float', unit: 'usd', nullable: true, description: 'Cost of session events / sessions.', needs: ['sessions', 'session_cost_nanos'], compute: (v) => avg(usd(v.session_cost_nanos), v.sessions) },
  { name: 'avgSessionDurationMs', type: 'float', unit: 'ms', nullable: true, description: 'Mean of (last event end − first event start) per session.', needs: ['sessions'], compute: (v) => avg(v.session_duration_sum_ms, v.sessions) },
  { name: 'agentRuns', type: 'int', unit: 'count', description: 'Agent runs: distinct run ids, plus each agent event without a run id.', needs: ['runs', 'solo_runs'], compute: runs },
  { name: 'agentSuccessRate', type: 'float', unit: 'fraction', nullable: true, description: 'Runs none of whose events has status >= 400 / runs.', needs: ['runs', 'solo_runs', 'solo_runs_failed'], compute: (v) => avg(okRuns(v), runs(v)) },
  { name: 'costPerSuccessfulRunUsd', type: 'float', unit: 'usd', nullable: true, description: 'Cost of all agent-run events / successful runs.', needs: ['runs', 'solo_runs', 'solo_runs_failed', 'run_cost_nanos'], compute: (v) => avg(usd(v.run_cost_nanos), okRuns(v)) },
  { name: 'latencyAvgMs', type: 'float', unit: 'ms', nullable: true, description: 'Mean total latency.', needs: ['latency_sum', 'latency_n'], compute: (v) => avg(v.latency_sum, v.latency_n) },
  { name: 'latencyP50Ms', type: 'float', unit: 'ms', nullable: true, description: 'Median latency (within 1.5% relative error).', needs: ['latency'], compute: (v) => v.latency_p50 ?? null },
  { name: 'latencyP95Ms', type: 'float', unit: 'ms', nullable: true, description: '95th percentile latency (within 1.5% relative error).', needs: ['latency'], compute: (v) => v.latency_p95 ?? null },
  { name: 'latencyP99Ms', type: 'float', unit: 'ms', nullable: true, description: '99th percentile latency (within 1.5% relative error).', needs: ['latency'], compute: (v) => v.latency_p99 ?? null },
  { name: 'ttftAvgMs', type: 'float', unit: 'ms', nullable: true, description: 'Mean time to first token.', needs: ['ttft_sum', 'ttft_n'], compute: (v) => avg(v.ttft_sum, v.ttft_n) },
  { name: 'ttftP95Ms', type: 'float', unit: 'ms', nullable: true, description: '95th percentile time to first token (within 1.5% relative error).', needs: ['ttft'], compute: (v) => v.ttft_p95 ?? null },
  { name: 'cacheHits', type: 'int', unit: 'count', additive: true, description: 'Requests served from a response cache.', needs: ['cache_hits'], compute: (v) => n(v.cache_hits) },
  { name: 'cacheHitRate', type: 'float', unit: 'fraction', description: 'cacheHits / requests (0 without requests).', needs: ['cache_hits', 'requests'], compute: (v) => ratio(v.cache_hits, v.requests) },
  { name: 'cacheSavingsUsd', type: 'float', unit: 'usd', additive: true, description: 'What the cache hits would have cost.', needs: ['savings_nanos'], compute: (v) => usd(v.savings_nanos) },
  { name: 'threats', type: 'int', unit: 'count', additive: true, description: 'Requests flagged as threats.', needs: ['threats'], compute: (v) => n(v.threats) },
  { name: 'outputChars', type: 'int', unit: 'chars', additive: true, description: 'Output characters.', needs: ['output_chars'], compute: (v) => n(v.output_chars) },
];

export const measureByName = new Map(measures.map((m) => [m.name, m]));

export const screaming = (camel: string) => camel.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
export const snake = (camel: string) => screaming(camel).toLowerCase();

/** Everything the given measures need, deduplicated. */
export function needsOf(names: Iterable<string>): Set<Need> {
  const out = new Set<Need>();
  for (const name of names) for (const need of measureByName.get(name)?.needs ?? []) out.add(need);
  return out;
}

/** Computes the named measures from one row of values. */
export function computeMeasures(v: Values, names: Iterable<string>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const name of names) {
    const m = measureByName.get(name);
    if (m) out[name] = m.compute(v);
  }
  return out;
}
