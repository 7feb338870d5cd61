import { Migration } from '@mikro-orm/migrations';
import { WEEK_MARK_TABLE, weekMarkDdl } from '../../analytics/rollups/week-mark.js';

/** The week mark (rollups/week-mark.ts): week twins stop taking events of the current week. */
export class Migration20261125000000_week_mark extends Migration {
  override async up(): Promise<void> {
    for (const sql of weekMarkDdl) this.addSql(`${sql};`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists ${WEEK_MARK_TABLE};`);
  }
}
