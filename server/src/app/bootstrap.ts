import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config/index.js';
import { Member } from '../modules/accounts/member.entity.js';
import { hashPassword } from '../modules/accounts/passwords.js';
import { Organization } from '../modules/organizations/organization.entity.js';

/**
 * On an empty database, creates the first organization and its admin from ADMIN_EMAIL and
 * ADMIN_PASSWORD. Returns the root organization either way.
 */
export async function bootstrapFirstAdmin(em: EntityManager, config: Config): Promise<{ org: Organization; created: boolean }> {
  const existing = await em.findOne(Organization, { parent: null }, { orderBy: { id: 'asc' } });
  if (existing) return { org: existing, created: false };
  const org = em.create(Organization, { name: config.ORG_NAME });
  await em.persist(org).flush();
  await em.refresh(org);
  em.persist(em.create(Member, { org, email: config.ADMIN_EMAIL.toLowerCase(), role: 'ADMIN', passwordHash: await hashPassword(config.ADMIN_PASSWORD) }));
  await em.flush();
  return { org, created: true };
}
