import { SUMMARY_STORAGE } from './cubes.js';
import type { SummaryMaintainer } from '../../modules/ingestion/event-writer.js';

/**
 * Daily active users of a whole tenant, as a number per UTC day: the "daily active users" chart
 * is then 30 rows instead of a distinct count over 150k user-day rows (5,000 users).
 *
 * `user_presence_day` keeps one row per (tenant, UTC day, user); a fold inserts the pairs of its
 * events with ON CONFLICT DO NOTHING, and only the rows it really inserted (new users of a day)
 * are added to `active_users_day`. Both in the fold's statement, so the count is exact; a query
 * adds the pending events' users that are not in `user_presence_day` yet (engine/daily-users.ts).
 * Only tenant-wide figures: a user active in two sub-accounts is one user here.
 */
export const PRESENCE_TABLE = 'user_presence_day';
export const DAILY_USERS_TABLE = 'active_users_day';

export const dailyUsersDdl = [
  `create table ${PRESENCE_TABLE} (tenant_id int not null, day timestamptz not null, user_id text not null, primary key (tenant_id, day, user_id))`,
  `create table ${DAILY_USERS_TABLE} (tenant_id int not null, day timestamptz not null, users bigint not null, primary key (tenant_id, day)) ${SUMMARY_STORAGE}`,
];

/** The fold's CTEs, reading the fold's user-cube rows (`fold_user`, rollups/fold-bases.ts). */
export const dailyUsersMaintainers: SummaryMaintainer[] = [
  {
    name: 'new_presence',
    cte: `insert into ${PRESENCE_TABLE} (tenant_id, day, user_id)
      select distinct tenant_id, day, user_id from fold_user where user_id is not null
      on conflict do nothing returning tenant_id, day`,
  },
  {
    name: 'daily_users_delta',
    cte: `insert into ${DAILY_USERS_TABLE} as t (tenant_id, day, users)
      select tenant_id, day, count(*) from new_presence group by 1, 2
      on conflict (tenant_id, day) do update set users = t.users + excluded.users`,
  },
];

/** Rebuild from usage_event. */
export const dailyUsersRebuild = [
  `truncate ${PRESENCE_TABLE}, ${DAILY_USERS_TABLE}`,
  `insert into ${PRESENCE_TABLE} select distinct tenant_id, date_trunc('day', ts, 'UTC'), user_id from usage_event where user_id is not null`,
  `insert into ${DAILY_USERS_TABLE} select tenant_id, day, count(*) from ${PRESENCE_TABLE} group by 1, 2`,
];
