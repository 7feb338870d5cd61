import { Migration } from '@mikro-orm/migrations';
import { cubeDdl, cubes } from '../../analytics/rollups/cubes.js';
import { rebuildStatements } from '../../analytics/rollups/register.js';

/** A whole-tenant latency/TTFT histogram per day: overall percentiles read a few thousand rows. */
const mine = () => cubes.filter((c) => c.name === 'histogram_day');

export class Migration20261123131500_analytics_histogram_day extends Migration {
  override async up(): Promise<void> {
    for (const c of mine()) for (const sql of cubeDdl(c)) this.addSql(sql);
    for (const sql of rebuildStatements(mine())) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const c of mine()) this.addSql(`drop table if exists ${c.name}`);
  }
}
