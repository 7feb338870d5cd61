import { Migration } from '@mikro-orm/migrations';

/**
 * Live views on other instances fetch an announced batch by its ingested_at (one transaction's
 * rows share it). Rows are appended in ingested_at order, so a BRIN index finds them by reading
 * a few block ranges; it costs next to nothing on insert (unlike a B-tree) and stays tiny.
 */
export class Migration20261123125300_live_batches extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index if not exists usage_event_ingested_at_brin on usage_event using brin (ingested_at) with (pages_per_range = 32, autosummarize = on);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists usage_event_ingested_at_brin;`);
  }
}
