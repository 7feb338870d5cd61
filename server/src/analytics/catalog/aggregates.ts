/**
 * Base aggregates: the mergeable building blocks every measure is computed from. Each is declared
 * once with its SQL over raw events (alias `e`, organization alias `o`) and how it merges when
 * read from a rollup column (sum, or max for `last_ts`). Rollup tables store exactly these columns,
 * so "can this rollup answer?" is a question about dimensions only.
 */
export interface BaseAggregate {
  /** Column name in rollups and in result rows. */
  name: string;
  /** SQL aggregate over usage_event `e` (joined to organization `o` for credits). */
  raw: string;
  /** SQL that merges rollup rows (alias `r`, organization `o`). */
  merge: string;
  /** SQL type of the rollup column. */
  type: 'bigint' | 'numeric' | 'timestamptz';
}

const sum = (name: string, raw: string, type: BaseAggregate['type'] = 'bigint'): BaseAggregate => ({
  name,
  raw,
  merge: `sum(r.${name})`,
  type,
});

export const baseAggregates = [
  sum('requests', 'count(*)'),
  sum('errors', 'count(*) filter (where e.status >= 400)'),
  sum('client_errors', 'count(*) filter (where e.status between 400 and 499)'),
  sum('server_errors', 'count(*) filter (where e.status >= 500)'),
  // Spend excludes responses served from a response cache: their cost is what was saved.
  sum('cost_nanos', 'coalesce(sum(e.cost_nanos) filter (where not e.cache_hit), 0)'),
  sum('cost_null', 'count(*) filter (where e.cost_nanos is null)'),
  sum('input_tokens', 'coalesce(sum(e.input_tokens), 0)'),
  sum('output_tokens', 'coalesce(sum(e.output_tokens), 0)'),
  sum('cached_input_tokens', 'coalesce(sum(e.cached_input_tokens), 0)'),
  sum('cache_write_tokens', 'coalesce(sum(e.cache_write_tokens), 0)'),
  sum('output_chars', 'coalesce(sum(e.output_chars), 0)'),
  sum('cache_hits', 'count(*) filter (where e.cache_hit)'),
  sum('savings_nanos', 'coalesce(sum(e.cost_nanos) filter (where e.cache_hit), 0)'),
  sum('threats', 'count(*) filter (where e.threat)'),
  sum('latency_sum', 'coalesce(sum(e.latency_ms), 0)'),
  sum('latency_n', 'count(e.latency_ms)'),
  sum('ttft_sum', 'coalesce(sum(e.ttft_ms), 0)'),
  sum('ttft_n', 'count(e.ttft_ms)'),
  sum('session_cost_nanos', 'coalesce(sum(e.cost_nanos) filter (where e.session_id is not null and not e.cache_hit), 0)'),
  // An agent event without a run id is a run of its own: those runs are additive.
  sum('solo_runs', 'count(*) filter (where e.agent_id is not null and e.run_id is null)'),
  sum('solo_runs_failed', 'count(*) filter (where e.agent_id is not null and e.run_id is null and e.status >= 400)'),
  sum('run_cost_nanos', 'coalesce(sum(e.cost_nanos) filter (where (e.run_id is not null or e.agent_id is not null) and not e.cache_hit), 0)'),
  { name: 'last_ts', raw: 'max(e.ts)', merge: 'max(r.last_ts)', type: 'timestamptz' },
] as const satisfies readonly BaseAggregate[];

export type BaseName = (typeof baseAggregates)[number]['name'];

/**
 * Credits are cost × the rate of the organization the cost belongs to (a sub-account may have its
 * own rate), so they are computed per org_id and summed: never total cost × one rate.
 */
export const creditsAggregate = {
  raw: 'coalesce(sum(e.cost_nanos * o.credits_per_usd) filter (where not e.cache_hit), 0) / 1e9',
  merge: 'coalesce(sum(r.cost_nanos * o.credits_per_usd), 0) / 1e9',
};
