import type { PoolClient } from '../../db/pool.js';
import type { PreparedEvent } from './event.schema.js';
import { arrayLiteral, encodingOf } from './pg-array.js';

/**
 * A table kept in step with usage_event by a data-modifying CTE reading a set of events (the CTE
 * `inserted`). Ingestion runs its own in the events' statement (the pending table, see
 * analytics/rollups/pending.ts), so events and summary input commit together; a fold runs the
 * summaries' CTEs over the events it takes from there.
 */
export interface SummaryMaintainer {
  name: string;
  /** SQL of the CTE body, e.g. `insert into rollup_x select ... from inserted group by ... on conflict ...`. */
  cte: string;
}

type Column = { name: keyof PreparedEvent; sql: string; type: string; value?: (e: PreparedEvent) => unknown };

// Order matters only in that the SQL below is generated from this one list.
const columns: Column[] = [
  { name: 'tenantId', sql: 'tenant_id', type: 'int' },
  { name: 'orgId', sql: 'org_id', type: 'int' },
  { name: 'eventId', sql: 'event_id', type: 'text' },
  { name: 'ts', sql: 'ts', type: 'timestamptz', value: (e) => e.ts.toISOString() },
  { name: 'model', sql: 'model', type: 'text' },
  { name: 'provider', sql: 'provider', type: 'text' },
  { name: 'status', sql: 'status', type: 'smallint' },
  { name: 'error', sql: 'error', type: 'text' },
  { name: 'inputTokens', sql: 'input_tokens', type: 'int' },
  { name: 'outputTokens', sql: 'output_tokens', type: 'int' },
  { name: 'cachedInputTokens', sql: 'cached_input_tokens', type: 'int' },
  { name: 'cacheWriteTokens', sql: 'cache_write_tokens', type: 'int' },
  { name: 'costNanos', sql: 'cost_nanos', type: 'bigint' },
  { name: 'latencyMs', sql: 'latency_ms', type: 'int' },
  { name: 'ttftMs', sql: 'ttft_ms', type: 'int' },
  { name: 'userId', sql: 'user_id', type: 'text' },
  { name: 'teamId', sql: 'team_id', type: 'text' },
  { name: 'agentId', sql: 'agent_id', type: 'text' },
  { name: 'agentType', sql: 'agent_type', type: 'text' },
  { name: 'runId', sql: 'run_id', type: 'text' },
  { name: 'sessionId', sql: 'session_id', type: 'text' },
  { name: 'sessionName', sql: 'session_name', type: 'text' },
  { name: 'feature', sql: 'feature', type: 'text' },
  { name: 'promptId', sql: 'prompt_id', type: 'text' },
  // unnest() flattens nested arrays, so tool lists travel as JSON text and are rebuilt in SQL.
  { name: 'tools', sql: 'tools', type: 'text', value: (e) => (e.tools ? JSON.stringify(e.tools) : null) },
  { name: 'cacheHit', sql: 'cache_hit', type: 'boolean' },
  { name: 'threat', sql: 'threat', type: 'boolean' },
  { name: 'outputChars', sql: 'output_chars', type: 'int' },
  { name: 'properties', sql: 'properties', type: 'jsonb', value: (e) => (e.properties ? JSON.stringify(e.properties) : null) },
];

const selectList = columns
  .map((c) => (c.name === 'tools' ? `case when u.tools is null then null else array(select json_array_elements_text(u.tools::json)) end` : `u.${c.sql}`))
  .join(', ');
const unnestArgs = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
const unnestAlias = columns.map((c) => c.sql).join(', ');
const encodings = columns.map((c) => encodingOf(c.type));

function insertSql(summaries: SummaryMaintainer[]): string {
  const ctes = summaries.map((s) => `, ${s.name} as (${s.cte})`).join('\n');
  return `with inserted as (
  insert into usage_event (${unnestAlias})
  select ${selectList}
    from unnest(${unnestArgs}) as u(${unnestAlias})
  on conflict (tenant_id, event_id) do nothing
  returning *
)${ctes}
select event_id from inserted`;
}

/**
 * Writes a batch (already validated, priced and de-duplicated within itself) in bulk:
 * one `INSERT … SELECT unnest(…)` instead of an ORM entity per event. Rows whose event id the
 * tenant already stored are skipped by the unique index, which makes retries safe.
 * Returns the ids actually inserted. Runs inside the caller's transaction.
 */
export async function writeEvents(client: PoolClient, events: PreparedEvent[], summaries: SummaryMaintainer[]): Promise<string[]> {
  if (events.length === 0) return [];
  const params = columns.map((c, i) => arrayLiteral(events.map((e) => (c.value ? c.value(e) : e[c.name])), encodings[i]));
  const { rows } = await client.query({ name: undefined, text: insertSql(summaries), values: params });
  return rows.map((r: { event_id: string }) => r.event_id);
}

/**
 * Creates users, teams and agents on first sight and fills in attributes learnt later (an email,
 * a name), without rewriting rows that did not change. Keys are sorted so concurrent batches
 * lock rows in the same order and cannot deadlock.
 *
 * Rows already stored exactly as this batch would leave them are filtered out by a plain read
 * first: `on conflict do update ... where` locks the existing row even when it then updates
 * nothing, and held until commit that lock made concurrent batches naming the same users queue
 * behind each other (measured: most of the ingest wall time with 3 requests in flight).
 */
export async function upsertDimensions(client: PoolClient, tenantId: number, events: PreparedEvent[]): Promise<void> {
  const users = new Map<string, { email: string | null; name: string | null; team: string | null }>();
  const teams = new Set<string>();
  const agents = new Map<string, { name: string | null; type: string | null; creator: string | null }>();
  for (const e of events) {
    if (e.teamId) teams.add(e.teamId);
    if (e.userId) {
      const u = users.get(e.userId);
      users.set(e.userId, { email: e.userEmail ?? u?.email ?? null, name: e.userName ?? u?.name ?? null, team: e.teamId ?? u?.team ?? null });
    }
    if (e.agentId) {
      const a = agents.get(e.agentId);
      agents.set(e.agentId, { name: e.agentName ?? a?.name ?? null, type: e.agentType ?? a?.type ?? null, creator: a?.creator ?? e.userId });
    }
  }
  if (teams.size) {
    await client.query(
      `insert into team (tenant_id, external_id) select $1, t from unnest($2::text[]) t
        where not exists (select 1 from team x where x.tenant_id = $1 and x.external_id = t)
        order by t on conflict (tenant_id, external_id) do nothing`,
      [tenantId, [...teams].sort()],
    );
  }
  if (users.size) {
    const keys = [...users.keys()].sort();
    await client.query(
      `insert into app_user as a (tenant_id, external_id, email, name, team_id)
       select $1, u.id, u.email, u.name, u.team from unnest($2::text[], $3::text[], $4::text[], $5::text[]) as u(id, email, name, team)
        where not exists (select 1 from app_user x where x.tenant_id = $1 and x.external_id = u.id
                             and (x.email, x.name, x.team_id) is not distinct from (coalesce(u.email, x.email), coalesce(u.name, x.name), coalesce(u.team, x.team_id)))
       on conflict (tenant_id, external_id) do update
          set email = coalesce(excluded.email, a.email), name = coalesce(excluded.name, a.name), team_id = coalesce(excluded.team_id, a.team_id)
        where (a.email, a.name, a.team_id) is distinct from (coalesce(excluded.email, a.email), coalesce(excluded.name, a.name), coalesce(excluded.team_id, a.team_id))`,
      [tenantId, keys, keys.map((k) => users.get(k)!.email), keys.map((k) => users.get(k)!.name), keys.map((k) => users.get(k)!.team)],
    );
  }
  if (agents.size) {
    const keys = [...agents.keys()].sort();
    await client.query(
      `insert into agent as a (tenant_id, external_id, name, type, creator_user_id)
       select $1, g.id, g.name, g.type, g.creator from unnest($2::text[], $3::text[], $4::text[], $5::text[]) as g(id, name, type, creator)
        where not exists (select 1 from agent x where x.tenant_id = $1 and x.external_id = g.id
                             and (x.name, x.type, x.creator_user_id) is not distinct from (coalesce(g.name, x.name), coalesce(g.type, x.type), coalesce(x.creator_user_id, g.creator)))
       on conflict (tenant_id, external_id) do update
          set name = coalesce(excluded.name, a.name), type = coalesce(excluded.type, a.type), creator_user_id = coalesce(a.creator_user_id, excluded.creator_user_id)
        where (a.name, a.type, a.creator_user_id) is distinct from (coalesce(excluded.name, a.name), coalesce(excluded.type, a.type), coalesce(a.creator_user_id, excluded.creator_user_id))`,
      [tenantId, keys, keys.map((k) => agents.get(k)!.name), keys.map((k) => agents.get(k)!.type), keys.map((k) => agents.get(k)!.creator)],
    );
  }
}
