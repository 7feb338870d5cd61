import { Migration } from '@mikro-orm/migrations';
import { pendingDdl } from '../../analytics/rollups/pending.js';

/**
 * Events wait in rollup_pending until the background fold adds them to the summaries
 * (analytics/rollups/pending.ts). Until this version the ingest statement kept the summaries up
 * to date itself, so nothing is pending at this point and no summary needs a rebuild.
 */
export class Migration20261123220000_rollup_pending extends Migration {
  override async up(): Promise<void> {
    for (const sql of pendingDdl) this.addSql(`${sql};`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists rollup_pending;`);
  }
}
