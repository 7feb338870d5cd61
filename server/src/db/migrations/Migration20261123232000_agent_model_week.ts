import { Migration } from '@mikro-orm/migrations';
import { baseAggregates } from '../../analytics/catalog/aggregates.js';
import { cubeByName, cubeDdl } from '../../analytics/rollups/cubes.js';

/**
 * The week twin of the agent × model cube (an agent's most used model on the agent page). Filled
 * from the day cube, which holds exactly the folded events.
 */
export class Migration20261123232000_agent_model_week extends Migration {
  override async up(): Promise<void> {
    for (const sql of cubeDdl(cubeByName.get('rollup_agent_model_week')!)) this.addSql(`${sql};`);
    const sums = baseAggregates.map((a) => (a.name === 'last_ts' ? 'max(last_ts)' : `sum(${a.name})`));
    this.addSql(`insert into rollup_agent_model_week (tenant_id, week, org_id, agent_id, agent_type, model, ${baseAggregates.map((a) => a.name).join(', ')})
      select tenant_id, date_trunc('week', day, 'UTC'), org_id, agent_id, agent_type, model, ${sums.join(', ')}
        from rollup_agent_model_day group by 1, 2, 3, 4, 5, 6;`);
    this.addSql(`analyze rollup_agent_model_week;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists rollup_agent_model_week;`);
  }
}
