import type { Pool } from '../../db/pool.js';
import { eventEnd } from '../../analytics/index.js';
import { usdOf } from './event-conditions.js';

/** A session's figures over its events in range that match the filter. */
export interface SessionFigures {
  sessionId: string;
  sessionName: string | null;
  userId: string | null;
  agentId: string | null;
  /** External id of the organization of the session's first event; null for the root organization. */
  subAccountId: string | null;
  firstEventAt: Date;
  lastEventAt: Date;
  /** Last event end (ts + latency) − first event start, in ms, as in `avgSessionDurationMs`. */
  durationMs: number;
  requests: number;
  errors: number;
  /** Spend in USD, cache hits excluded (as in `UsageTotals.costUsd`). */
  costUsd: number;
  totalTokens: number;
}

/**
 * The per-session aggregation over `usage_event e` grouped by session id. Names, user, agent and
 * organization are those of the session's earliest event that has one (a session is usually one
 * user's conversation, but nothing forbids it to change hands).
 */
export const SESSION_FIGURES_SQL = `
  select e.session_id,
         (array_agg(e.session_name order by e.ts, e.event_id) filter (where e.session_name is not null))[1] as session_name,
         (array_agg(e.user_id order by e.ts, e.event_id) filter (where e.user_id is not null))[1] as user_id,
         (array_agg(e.agent_id order by e.ts, e.event_id) filter (where e.agent_id is not null))[1] as agent_id,
         (array_agg(e.org_id order by e.ts, e.event_id))[1] as org_id,
         min(e.ts) as first_ts,
         max(e.ts) as last_ts,
         extract(epoch from max(${eventEnd('e')}) - min(e.ts)) * 1000 as duration_ms,
         count(*) as requests,
         count(*) filter (where e.status >= 400) as errors,
         coalesce(sum(e.cost_nanos) filter (where not e.cache_hit), 0) as cost_nanos,
         coalesce(sum(e.input_tokens::bigint + e.output_tokens), 0) as total_tokens
    from usage_event e`;

export interface SessionFiguresRow {
  session_id: string;
  session_name: string | null;
  user_id: string | null;
  agent_id: string | null;
  org_id: number;
  first_ts: Date;
  last_ts: Date;
  duration_ms: number;
  requests: number;
  errors: number;
  cost_nanos: number;
  total_tokens: number;
}

/** Turns aggregated rows into SessionFigures, naming each session's organization by its external id. */
export async function toSessionFigures(pool: Pool, tenantId: number, rows: SessionFiguresRow[]): Promise<SessionFigures[]> {
  const orgIds = [...new Set(rows.map((r) => r.org_id))];
  const subAccounts = new Map<number, string | null>();
  if (orgIds.length) {
    const { rows: orgs } = await pool.query<{ id: number; sub_account_id: string | null }>(
      `select id, case when parent_id is null then null else coalesce(external_id, id::text) end as sub_account_id
         from organization where root_id = $1 and id = any($2::int[])`,
      [tenantId, orgIds],
    );
    for (const o of orgs) subAccounts.set(o.id, o.sub_account_id);
  }
  return rows.map((r) => ({
    sessionId: r.session_id,
    sessionName: r.session_name,
    userId: r.user_id,
    agentId: r.agent_id,
    subAccountId: subAccounts.get(r.org_id) ?? null,
    firstEventAt: r.first_ts,
    lastEventAt: r.last_ts,
    durationMs: Number(r.duration_ms),
    requests: Number(r.requests),
    errors: Number(r.errors),
    costUsd: usdOf(r.cost_nanos) ?? 0,
    totalTokens: Number(r.total_tokens),
  }));
}
