import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { Organization } from '../modules/organizations/organization.entity.js';
import { Member } from '../modules/accounts/member.entity.js';
import { MemberSession } from '../modules/accounts/member-session.entity.js';
import { ApiKey } from '../modules/accounts/api-key.entity.js';
import { PriceOverride } from '../modules/pricing/price-override.entity.js';
import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { ReportSchedule } from '../modules/reports/report-schedule.entity.js';
import { migrationsList } from './migrations/index.js';

export const entities = [Organization, Member, MemberSession, ApiKey, PriceOverride, AuditEvent, ReportSchedule];

export function ormOptions(clientUrl: string): Options {
  return {
    clientUrl,
    entities,
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true },
    pool: { min: 0, max: 10 },
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    // Entities are persistence only; they are never returned to GraphQL directly.
    forceUtcTimezone: true,
    debug: false,
  };
}

/** Connects and applies pending migrations; a database is always at the current schema after this. */
export async function openOrm(clientUrl: string): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(clientUrl));
  await orm.getMigrator().up();
  return orm;
}
