import type { Pool } from '../../db/pool.js';
import type { UsageQuery } from '../../analytics/index.js';
import { eventConditions, usdOf } from '../sessions/event-conditions.js';

export interface RequestRow {
  eventId: string;
  ts: Date;
  model: string;
  provider: string | null;
  userId: string | null;
  agentId: string | null;
  sessionId: string | null;
  status: number;
  latencyMs: number | null;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/**
 * The most expensive single requests of a scoped query's range: spend only, so events without a
 * known price and response-cache hits (their cost was saved, not spent) are left out. Ordered by
 * cost, then newest first, then event id, so equal costs list the same way every time.
 */
export async function queryTopRequests(pool: Pool, q: UsageQuery, limit: number): Promise<RequestRow[]> {
  const c = eventConditions(q);
  const { rows } = await pool.query(
    `select e.event_id, e.ts, e.model, e.provider, e.user_id, e.agent_id, e.session_id, e.status, e.latency_ms,
            e.input_tokens, e.output_tokens, e.cost_nanos
       from usage_event e
      where ${c.where} and e.cost_nanos is not null and not e.cache_hit
      order by e.cost_nanos desc, e.ts desc, e.event_id
      limit ${c.bind(limit)}`,
    c.values,
  );
  return rows.map((e) => ({
    eventId: e.event_id,
    ts: e.ts,
    model: e.model,
    provider: e.provider,
    userId: e.user_id,
    agentId: e.agent_id,
    sessionId: e.session_id,
    status: e.status,
    latencyMs: e.latency_ms,
    inputTokens: e.input_tokens,
    outputTokens: e.output_tokens,
    costUsd: usdOf(e.cost_nanos) ?? 0,
  }));
}
