import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log's row triggers refuse UPDATE and DELETE, but TRUNCATE fires no row triggers:
 * a statement trigger closes that last way of rewriting history.
 */
export class Migration20261123120317_audit_no_truncate extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create trigger audit_event_no_truncate before truncate on audit_event for each statement execute function audit_event_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists audit_event_no_truncate on audit_event;`);
  }
}
