import { Migration } from '@mikro-orm/migrations';

/**
 * Sessions are read by id within a tenant and a time range (the sessions list's figures for a
 * page of ids, one session's events, newest requests of a session). Only events with a session
 * are indexed, so the index stays a fraction of the table.
 */
export class Migration20261123200000_session_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index if not exists usage_event_session_idx on usage_event (tenant_id, session_id, ts) where session_id is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists usage_event_session_idx;`);
  }
}
