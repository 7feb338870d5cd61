import type { EntityManager } from '@mikro-orm/postgresql';
import type { Services } from '../../app/services.js';
import type { Principal } from '../accounts/access.js';
import { Member } from '../accounts/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { SUB_ACCOUNTS, TEAMS } from './world.js';

/** Extra sign-ins for trying the roles (also listed in the README). Created with the demo only. */
export const DEMO_MEMBERS = [
  { email: 'member@tokentally.local', password: 'tokentally-member', role: 'MEMBER' as const, subAccount: null },
  { email: 'viewer@tokentally.local', password: 'tokentally-viewer', role: 'VIEWER' as const, subAccount: null },
  { email: 'eu-admin@tokentally.local', password: 'tokentally-eu-admin', role: 'ADMIN' as const, subAccount: 'acme-eu' },
];

/** The demo goes into the bootstrap organization: the first root organization. */
export async function findDemoOrganization(em: EntityManager): Promise<Organization> {
  const org = await em.findOne(Organization, { parent: null }, { orderBy: { id: 'asc' } });
  if (!org) throw new Error('No organization yet: the server bootstraps one on its first start.');
  return org;
}

/**
 * Creates what events cannot: the sub-accounts, the teams' display names and a few members.
 * Goes through the accounts service acting as the organization's first admin, so each step is
 * validated and audited like any admin action. Safe to run again: existing pieces are kept.
 */
export async function ensureDemoAccounts(services: Services, org: Organization): Promise<void> {
  const em = services.orm.em.fork();
  const admin = await em.findOne(Member, { org, role: 'ADMIN' }, { orderBy: { id: 'asc' } });
  if (!admin) throw new Error(`Organization ${org.id} has no admin to create the demo accounts.`);
  const actor: Principal = { kind: 'member', memberId: admin.id, email: admin.email, role: 'ADMIN', orgId: org.id, tenantId: org.id, isSubAccount: false };

  const subAccountIds = new Map<string, number>();
  for (const sub of SUB_ACCOUNTS) {
    const existing = await em.findOne(Organization, { parent: org, externalId: sub.externalId });
    const created = existing ?? (await services.accounts.createSubAccount(em, actor, sub));
    subAccountIds.set(sub.externalId, created.id);
  }

  // Teams have no API of their own (events create them by external id); names are display data.
  await services.pool.query(
    `insert into team (tenant_id, external_id, name)
     select $1, t.id, t.name from unnest($2::text[], $3::text[]) as t(id, name)
     on conflict (tenant_id, external_id) do update set name = coalesce(team.name, excluded.name)`,
    [org.id, TEAMS.map((t) => t.id), TEAMS.map((t) => t.name)],
  );

  for (const m of DEMO_MEMBERS) {
    if (await em.count(Member, { email: m.email })) continue;
    const subAccountId = m.subAccount ? String(subAccountIds.get(m.subAccount)) : null;
    await services.accounts.inviteMember(em, actor, { email: m.email, role: m.role, password: m.password, subAccountId });
  }
}
