import { Migration } from '@mikro-orm/migrations';
import { cubes, SUMMARY_FILLFACTOR } from '../../analytics/rollups/cubes.js';
import { spans } from '../../analytics/rollups/spans.js';
import { DAILY_USERS_TABLE } from '../../analytics/rollups/daily-users.js';

/**
 * Free space on the pages of summary tables that folds update in place (SUMMARY_STORAGE in
 * rollups/cubes.ts): existing pages stay as they are, new pages (new days, weeks, keys) get room
 * for HOT updates.
 */
export class Migration20261124000000_summary_fillfactor extends Migration {
  override async up(): Promise<void> {
    for (const table of tables()) this.addSql(`alter table if exists ${table} set (fillfactor = ${SUMMARY_FILLFACTOR});`);
  }

  override async down(): Promise<void> {
    for (const table of tables()) this.addSql(`alter table if exists ${table} reset (fillfactor);`);
  }
}

const tables = () => [...cubes.map((c) => c.name), ...spans.flatMap((s) => s.starts.map((c) => c.name)), DAILY_USERS_TABLE];
