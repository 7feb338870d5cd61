import { Migration } from '@mikro-orm/migrations';

/**
 * Created per-day session and run tables (rollup_session_day, rollup_run_day). They were replaced
 * by the span tables of Migration20261123210000_analytics_spans, which drops them; a fresh
 * database skips them altogether.
 */
export class Migration20261123131000_analytics_presence extends Migration {
  override async up(): Promise<void> {}

  override async down(): Promise<void> {}
}
