import { Migration } from '@mikro-orm/migrations';
import { cubeByName, cubeDdl, cubeUpsert, rollUpSelect } from '../../analytics/rollups/cubes.js';

/**
 * Week twins of the user cube (the top-users list and the user page over 30 days) and of the
 * per-agent latency histogram (the agent page's p95). Filled from their day cubes, which hold
 * exactly the folded events; pending events reach both through the next fold.
 */
export class Migration20261123231000_week_cubes extends Migration {
  override async up(): Promise<void> {
    for (const [week, day] of [['rollup_user_week', 'rollup_user_day'], ['histogram_agent_week', 'histogram_agent_day']]) {
      const cube = cubeByName.get(week)!;
      for (const sql of cubeDdl(cube)) this.addSql(`${sql};`);
      this.addSql(`${cubeUpsert(cube, rollUpSelect(cube, day, 'day'))};`);
    }
    this.addSql(`analyze rollup_user_week, histogram_agent_week;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists rollup_user_week, histogram_agent_week;`);
  }
}
