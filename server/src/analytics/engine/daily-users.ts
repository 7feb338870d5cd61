import { PENDING_TABLE } from '../rollups/cubes.js';
import { DAILY_USERS_TABLE, PRESENCE_TABLE } from '../rollups/daily-users.js';
import { Params, type CompiledSql } from '../sql/params.js';
import { bucketsAreUtcDays, requiredColumns } from './planner.js';
import type { AggregateRequest } from './request.js';

const DAY = 86_400_000;

/**
 * Active users per UTC day of a whole tenant, unfiltered, over whole UTC days: the daily counts
 * (rollups/daily-users.ts) plus, per day, the users of pending events not counted yet. Anything
 * else (a filter, a sub-account, another timezone, weekly buckets) goes to the user cube.
 */
export function dailyUsers(req: AggregateRequest): CompiledSql | null {
  if (req.group.kind !== 'bucket' || req.group.unit !== 'day' || !bucketsAreUtcDays(req)) return null;
  if (req.query.orgIds || req.exclude || req.only || requiredColumns(req)?.size !== 0) return null;
  if (req.from.getTime() % DAY !== 0 || req.to.getTime() % DAY !== 0) return null;
  const p = new Params();
  const tenant = p.add(req.query.tenantId);
  const from = p.add(req.from);
  const to = p.add(req.to);
  const text = `select k, sum(n) as active_users from (
      select d.day as k, d.users as n from ${DAILY_USERS_TABLE} d where d.tenant_id = ${tenant} and d.day >= ${from} and d.day < ${to}
      union all
      select q.day, count(*) from (
        select distinct date_trunc('day', e.ts, 'UTC') as day, e.user_id from ${PENDING_TABLE} e
         where e.tenant_id = ${tenant} and e.user_id is not null and e.ts >= ${from} and e.ts < ${to}) q
       where not exists (select 1 from ${PRESENCE_TABLE} u where u.tenant_id = ${tenant} and u.day = q.day and u.user_id = q.user_id)
       group by 1
    ) x group by k`;
  return { name: `daily.${DAILY_USERS_TABLE}`, text, values: p.values };
}
