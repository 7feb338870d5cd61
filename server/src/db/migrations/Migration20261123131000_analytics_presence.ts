import { Migration } from '@mikro-orm/migrations';
import { cubeDdl, cubes } from '../../analytics/rollups/cubes.js';
import { rebuildStatements } from '../../analytics/rollups/register.js';

/** Per-day session and run tables of the analytics engine, filled from the events already stored. */
const mine = () => cubes.filter((c) => c.kind === 'presence');
// (histogram_day came later: Migration20261123131500_analytics_histogram_day)

export class Migration20261123131000_analytics_presence extends Migration {
  override async up(): Promise<void> {
    for (const c of mine()) for (const sql of cubeDdl(c)) this.addSql(sql);
    for (const sql of rebuildStatements(mine())) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const c of mine()) this.addSql(`drop table if exists ${c.name}`);
  }
}
