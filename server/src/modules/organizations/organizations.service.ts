import type { EntityManager } from '@mikro-orm/postgresql';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { parseInput } from '../../shared/validation.js';
import { audit } from '../audit/audit.service.js';
import { requirePermission, scopeOf, type Principal } from '../accounts/access.js';
import { Organization } from './organization.entity.js';

export const timezoneSchema = z.string().refine((tz) => IANAZone.isValidZone(tz), { message: 'must be an IANA timezone such as Europe/Berlin' });

const updateInput = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200).nullish(),
  timezone: timezoneSchema.nullish(),
  creditsPerUsd: z.number().min(0, 'must be >= 0').max(1e9).nullish(),
});

export class OrganizationsService {
  async current(em: EntityManager, actor: Principal): Promise<Organization> {
    requirePermission(actor, 'read');
    return em.findOneOrFail(Organization, { id: scopeOf(actor).orgId });
  }

  async update(em: EntityManager, actor: Principal, raw: unknown): Promise<Organization> {
    requirePermission(actor, 'admin');
    const input = parseInput(updateInput, raw);
    const org = await em.findOneOrFail(Organization, { id: scopeOf(actor).orgId });
    const before = { name: org.name, timezone: org.timezone, creditsPerUsd: Number(org.creditsPerUsd) };
    if (input.name != null) org.name = input.name;
    if (input.timezone != null) org.timezone = input.timezone;
    if (input.creditsPerUsd != null) org.creditsPerUsd = input.creditsPerUsd;
    audit(em, actor, { action: 'organization.update', targetType: 'organization', targetId: org.id, details: { before, after: { name: org.name, timezone: org.timezone, creditsPerUsd: Number(org.creditsPerUsd) } } });
    await em.flush();
    return org;
  }
}
