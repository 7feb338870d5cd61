import { Migration } from '@mikro-orm/migrations';
import { DAILY_USERS_TABLE, dailyUsersDdl, PRESENCE_TABLE } from '../../analytics/rollups/daily-users.js';

/**
 * Daily active users per tenant (analytics/rollups/daily-users.ts). Filled from the user cube,
 * not from usage_event: the cube holds exactly the folded events, and events still pending reach
 * both tables through the next fold.
 */
export class Migration20261123230000_daily_users extends Migration {
  override async up(): Promise<void> {
    for (const sql of dailyUsersDdl) this.addSql(`${sql};`);
    this.addSql(`insert into ${PRESENCE_TABLE} select distinct tenant_id, day, user_id from rollup_user_day where user_id is not null;`);
    this.addSql(`insert into ${DAILY_USERS_TABLE} select tenant_id, day, count(*) from ${PRESENCE_TABLE} group by 1, 2;`);
    this.addSql(`analyze ${PRESENCE_TABLE}, ${DAILY_USERS_TABLE};`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists ${PRESENCE_TABLE}, ${DAILY_USERS_TABLE};`);
  }
}
