import type { Pool } from '../../db/pool.js';
import { eventEnd, type UsageQuery } from '../../analytics/index.js';
import { eventConditions } from './event-conditions.js';
import { SESSION_FIGURES_SQL, toSessionFigures, type SessionFigures, type SessionFiguresRow } from './session-figures.js';

export const sessionOrderFields = ['LAST_ACTIVE', 'COST_USD', 'REQUESTS', 'DURATION'] as const;
export type SessionOrderField = (typeof sessionOrderFields)[number];
export interface SessionOrder {
  field: SessionOrderField;
  direction: 'ASC' | 'DESC';
}
export const DEFAULT_SESSION_ORDER: SessionOrder = { field: 'LAST_ACTIVE', direction: 'DESC' };

/** The one aggregate each order needs to pick the page (identifiers from this list only). */
const orderExpressions: Record<SessionOrderField, string> = {
  LAST_ACTIVE: 'max(e.ts)',
  COST_USD: 'coalesce(sum(e.cost_nanos) filter (where not e.cache_hit), 0)',
  REQUESTS: 'count(*)',
  DURATION: `max(${eventEnd('e')}) - min(e.ts)`,
};

export interface SessionPageResult {
  rows: SessionFigures[];
  total: number;
}

/**
 * One page of the sessions with events in the query's range, in two statements: the page of
 * session ids (one pass over the range's session events, computing only the order's aggregate,
 * with the total), then the full figures of those ids only (through the session index).
 * Ties are broken by session id, so pages are stable.
 */
export async function querySessionPage(pool: Pool, q: UsageQuery, opts: { orderBy: SessionOrder; limit: number; offset: number }): Promise<SessionPageResult> {
  const ids = eventConditions(q);
  const dir = opts.orderBy.direction === 'ASC' ? 'asc' : 'desc';
  // A top-N sort of the groups for the page; the count rides along so an empty page still has it.
  const { rows: pageRows } = await pool.query<{ total: number; session_id: string | null }>(
    `with s as materialized (
       select e.session_id, ${orderExpressions[opts.orderBy.field]} as o
         from usage_event e
        where ${ids.where} and e.session_id is not null
        group by e.session_id)
     select t.total, p.session_id
       from (select count(*) as total from s) t
       left join lateral (select session_id, o from s order by o ${dir}, session_id ${dir} limit ${ids.bind(opts.limit)} offset ${ids.bind(opts.offset)}) p on true
      order by p.o ${dir}, p.session_id ${dir}`,
    ids.values,
  );
  const total = Number(pageRows[0].total);
  const pageIds = pageRows.flatMap((r) => (r.session_id === null ? [] : [r.session_id]));
  if (pageIds.length === 0) return { rows: [], total };

  const figures = eventConditions(q);
  const { rows } = await pool.query<SessionFiguresRow>(
    `${SESSION_FIGURES_SQL}
      where ${figures.where} and e.session_id = any(${figures.bind(pageIds)}::text[])
      group by e.session_id`,
    figures.values,
  );
  const byId = new Map(rows.map((r) => [r.session_id, r]));
  const ordered = pageIds.map((id) => byId.get(id)).filter((r): r is SessionFiguresRow => r !== undefined);
  return { rows: await toSessionFigures(pool, q.tenantId, ordered), total };
}
