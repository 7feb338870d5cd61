import { Migration } from '@mikro-orm/migrations';

/**
 * Progress of the demo data load, one row per tenant. The period's end is fixed when a load
 * starts, so a load interrupted today and resumed tomorrow regenerates the very same events
 * (same ids, same timestamps); `completed_at` lets a restart skip the load at once.
 */
export class Migration20261123121500_demo_dataset extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table demo_dataset (
  tenant_id int primary key references organization(id) on delete cascade,
  seed int not null,
  event_count int not null check (event_count >= 0),
  period_end timestamptz not null,
  loaded int not null default 0,
  started_at timestamptz not null default now(),
  completed_at timestamptz
);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists demo_dataset;`);
  }
}
