import type { Pool } from '../../db/pool.js';
import type { UsageQuery } from '../../analytics/index.js';
import { eventConditions, usdOf } from './event-conditions.js';
import { SESSION_FIGURES_SQL, toSessionFigures, type SessionFigures, type SessionFiguresRow } from './session-figures.js';

/** How many of a session's events one answer lists (its figures always cover all of them). */
export const SESSION_EVENTS_MAX = 500;

export interface SessionEventRow {
  eventId: string;
  ts: Date;
  model: string;
  provider: string | null;
  status: number;
  error: string | null;
  latencyMs: number | null;
  /** The event's cost in USD; null when its model has no known price. */
  costUsd: number | null;
  cacheHit: boolean;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  userId: string | null;
  agentId: string | null;
  runId: string | null;
}

export interface SessionDetailResult extends SessionFigures {
  events: SessionEventRow[];
}

/**
 * One session within a scoped query: its figures and its first SESSION_EVENTS_MAX events, oldest
 * first, over the events in range that match the filter. Null when there are none (unknown id,
 * another organization's session, or nothing in range), so a caller learns nothing about
 * sessions outside its scope.
 */
export async function querySessionDetail(pool: Pool, q: UsageQuery, sessionId: string): Promise<SessionDetailResult | null> {
  const figures = eventConditions(q);
  const events = eventConditions(q);
  const [{ rows: figureRows }, { rows: eventRows }] = await Promise.all([
    pool.query<SessionFiguresRow>(`${SESSION_FIGURES_SQL} where ${figures.where} and e.session_id = ${figures.bind(sessionId)} group by e.session_id`, figures.values),
    pool.query(
      `select e.event_id, e.ts, e.model, e.provider, e.status, e.error, e.latency_ms, e.cost_nanos, e.cache_hit,
              e.input_tokens, e.output_tokens, e.user_id, e.agent_id, e.run_id
         from usage_event e
        where ${events.where} and e.session_id = ${events.bind(sessionId)}
        order by e.ts, e.event_id
        limit ${events.bind(SESSION_EVENTS_MAX)}`,
      events.values,
    ),
  ]);
  if (figureRows.length === 0) return null;
  const [row] = await toSessionFigures(pool, q.tenantId, figureRows);
  return {
    ...row,
    events: eventRows.map((e) => ({
      eventId: e.event_id,
      ts: e.ts,
      model: e.model,
      provider: e.provider,
      status: e.status,
      error: e.error,
      latencyMs: e.latency_ms,
      costUsd: usdOf(e.cost_nanos),
      cacheHit: e.cache_hit,
      inputTokens: e.input_tokens,
      outputTokens: e.output_tokens,
      totalTokens: e.input_tokens + e.output_tokens,
      userId: e.user_id,
      agentId: e.agent_id,
      runId: e.run_id,
    })),
  };
}
