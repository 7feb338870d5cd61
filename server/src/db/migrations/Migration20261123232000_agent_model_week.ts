import { Migration } from '@mikro-orm/migrations';
import { cubeByName, cubeDdl, cubeUpsert, rollUpSelect } from '../../analytics/rollups/cubes.js';

/**
 * The week twin of the agent × model cube (an agent's most used model on the agent page). Filled
 * from the day cube, which holds exactly the folded events.
 */
export class Migration20261123232000_agent_model_week extends Migration {
  override async up(): Promise<void> {
    const cube = cubeByName.get('rollup_agent_model_week')!;
    for (const sql of cubeDdl(cube)) this.addSql(`${sql};`);
    this.addSql(`${cubeUpsert(cube, rollUpSelect(cube, 'rollup_agent_model_day', 'day'))};`);
    this.addSql(`analyze rollup_agent_model_week;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists rollup_agent_model_week;`);
  }
}
