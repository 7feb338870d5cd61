import { compileFilter, type UsageQuery } from '../../analytics/index.js';
import type { Pool } from '../../db/pool.js';
import { latencyBinSql } from './latency-histogram.js';
import type { SlidingWindow } from './sliding-window.js';

// Users first seen in buckets still ahead of now: normally none; a cap keeps abuse harmless.
const MAX_FUTURE_USERS = 100_000;
// Batches committed this long before the read can no longer be waiting for delivery.
const SEEN_BATCHES_LOOKBACK = '5 minutes';

/**
 * Fills a view's window from usage_event, with the analytics filter compiler, in one
 * repeatable-read snapshot: the window's cells (time bucket × latency bin), the last time each
 * user was seen, and which recent batches the snapshot already contains. Batches announced while
 * (or after) this runs are applied on top only if they are not in that set, so none counts twice.
 */
export async function readWindowState(pool: Pool, q: UsageQuery, window: SlidingWindow, nowMs: number): Promise<Set<number>> {
  const bucket = window.bucketMs;
  const start = new Date(Math.floor((nowMs - window.windowMs) / bucket) * bucket);
  const currentEnd = new Date((Math.floor(nowMs / bucket) + 1) * bucket);
  // The filter binds $1..$n; each statement appends its own values after them.
  const filter = compileFilter(q, 'e');
  const n = filter.values.length;
  const at = (i: number) => `$${n + i}`;
  const cellsSql = `select floor(extract(epoch from e.ts) * 1000 / ${at(1)})::int8 as idx, ${latencyBinSql('e')} as bin,
         count(*)::int8 as requests, count(*) filter (where e.status >= 400)::int8 as errors,
         coalesce(sum(e.cost_nanos) filter (where not e.cache_hit), 0)::int8 as cost,
         coalesce(sum(e.input_tokens::int8 + e.output_tokens), 0)::int8 as tokens
    from usage_event e where ${filter.sql} and e.ts >= ${at(2)} group by 1, 2`;
  const usersSql = `select e.user_id, extract(epoch from max(e.ts)) * 1000 as last_ms
    from usage_event e where ${filter.sql} and e.ts >= ${at(1)} and e.ts < ${at(2)} and e.user_id is not null group by 1`;
  const futureSql = `select e.user_id, extract(epoch from e.ts) * 1000 as ts_ms
    from usage_event e where ${filter.sql} and e.ts >= ${at(1)} and e.user_id is not null limit ${MAX_FUTURE_USERS}`;
  const seenSql = `select distinct (extract(epoch from e.ingested_at) * 1000000)::int8 as us
    from usage_event e where ${filter.sql} and e.ts >= ${at(1)} and e.ingested_at >= now() - interval '${SEEN_BATCHES_LOOKBACK}'`;
  const v = (...extra: unknown[]) => [...filter.values, ...extra];

  const client = await pool.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const c = await client.query<{ idx: number; bin: number | null; requests: number; errors: number; cost: number; tokens: number }>(cellsSql, v(bucket, start));
    const u = await client.query<{ user_id: string; last_ms: number }>(usersSql, v(start, currentEnd));
    const f = await client.query<{ user_id: string; ts_ms: number }>(futureSql, v(currentEnd));
    const s = await client.query<{ us: number }>(seenSql, v(start));
    await client.query('commit');
    for (const r of c.rows) window.addAggregate(r.idx, r.bin, r.requests, r.errors, r.cost, r.tokens);
    for (const r of u.rows) window.seeUser(r.user_id, r.last_ms, nowMs);
    for (const r of f.rows) window.seeUser(r.user_id, r.ts_ms, nowMs);
    return new Set(s.rows.map((r) => r.us));
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
