import { Migration } from '@mikro-orm/migrations';
import { baseAggregates } from '../../analytics/catalog/aggregates.js';
import { cubeByName, cubeDdl } from '../../analytics/rollups/cubes.js';

/**
 * Week twins of the user cube (the top-users list and the user page over 30 days) and of the
 * per-agent latency histogram (the agent page's p95). Filled from their day cubes, which hold
 * exactly the folded events; pending events reach both through the next fold.
 */
export class Migration20261123231000_week_cubes extends Migration {
  override async up(): Promise<void> {
    for (const name of ['rollup_user_week', 'histogram_agent_week']) for (const sql of cubeDdl(cubeByName.get(name)!)) this.addSql(`${sql};`);
    const sums = baseAggregates.map((a) => (a.name === 'last_ts' ? 'max(last_ts)' : `sum(${a.name})`));
    this.addSql(`insert into rollup_user_week (tenant_id, week, org_id, user_id, team_id, ${baseAggregates.map((a) => a.name).join(', ')})
      select tenant_id, date_trunc('week', day, 'UTC'), org_id, user_id, team_id, ${sums.join(', ')}
        from rollup_user_day group by 1, 2, 3, 4, 5;`);
    this.addSql(`insert into histogram_agent_week (tenant_id, week, agent_id, metric, bucket, n)
      select tenant_id, date_trunc('week', day, 'UTC'), agent_id, metric, bucket, sum(n)
        from histogram_agent_day group by 1, 2, 3, 4, 5;`);
    this.addSql(`analyze rollup_user_week, histogram_agent_week;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists rollup_user_week, histogram_agent_week;`);
  }
}
