import { LockMode, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { badInput, DomainError, forbidden, notFound } from '../../shared/errors.js';
import { randomToken, sha256 } from '../../shared/ids.js';
import { parseInput } from '../../shared/validation.js';
import { audit } from '../audit/audit.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { requirePermission, scopeOf, type Principal } from './access.js';
import { ApiKey, type ApiKeyScope } from './api-key.entity.js';
import { API_KEY_PREFIX } from './auth.service.js';
import { Member, type Role } from './member.entity.js';
import { hashPassword } from './passwords.js';

const apiKeyInput = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  scopes: z.array(z.enum(['INGEST', 'READ', 'ADMIN'])).min(1, 'give at least one scope'),
  subAccountId: z.string().nullish(),
});
const subAccountInput = z.object({
  externalId: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .regex(/^[A-Za-z0-9._:-]+$/, 'may contain letters, digits, ".", "_", ":" and "-" only'),
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});
const memberInput = z.object({
  email: z.email('must be an email address').transform((e) => e.toLowerCase()),
  role: z.enum(['ADMIN', 'MEMBER', 'VIEWER']),
  password: z.string().min(8, 'must be at least 8 characters').max(200).nullish(),
  subAccountId: z.string().nullish(),
});

/**
 * Members, API keys and sub-accounts: admin work. Each change and its audit entry commit in one
 * transaction, so there is never a change without its entry (or an entry without its change).
 */
export class AccountsService {
  /** The organization (root or sub-account) a caller may act on; refuses ids outside its tree. */
  resolveOrg(em: EntityManager, actor: Principal, subAccountId?: string | null, field = 'subAccountId'): Promise<Organization> {
    return resolveOrgInScope(em, actor, subAccountId, field);
  }

  async createApiKey(em: EntityManager, actor: Principal, raw: unknown) {
    requirePermission(actor, 'admin');
    const input = parseInput(apiKeyInput, raw);
    const org = await this.resolveOrg(em, actor, input.subAccountId);
    const key = API_KEY_PREFIX + randomToken(24);
    const apiKey = await em.transactional(async (tx) => {
      const created = tx.create(ApiKey, {
        org,
        name: input.name,
        prefix: key.slice(0, API_KEY_PREFIX.length + 6),
        keyHash: sha256(key),
        scopes: [...new Set(input.scopes)] as ApiKeyScope[],
        createdBy: actor.kind === 'member' ? tx.getReference(Member, actor.memberId) : null,
      });
      await tx.persist(created).flush();
      audit(tx, actor, { action: 'apiKey.create', targetType: 'apiKey', targetId: created.id, details: { name: created.name, scopes: created.scopes, orgId: org.id } });
      return created;
    });
    return { key, apiKey };
  }

  async listApiKeys(em: EntityManager, actor: Principal): Promise<ApiKey[]> {
    requirePermission(actor, 'admin');
    const scope = scopeOf(actor);
    return em.find(ApiKey, { org: scope.orgIds ? { id: { $in: scope.orgIds } } : { rootId: scope.tenantId } }, { orderBy: { id: 'asc' }, populate: ['org'] });
  }

  async revokeApiKey(em: EntityManager, actor: Principal, id: string): Promise<boolean> {
    requirePermission(actor, 'admin');
    const key = await this.findInScope(em, actor, ApiKey, id, 'API key');
    if (key.revokedAt) return true;
    key.revokedAt = new Date();
    audit(em, actor, { action: 'apiKey.revoke', targetType: 'apiKey', targetId: key.id, details: { name: key.name } });
    await em.flush();
    return true;
  }

  async createSubAccount(em: EntityManager, actor: Principal, raw: unknown): Promise<Organization> {
    requirePermission(actor, 'admin');
    const scope = scopeOf(actor);
    if (scope.orgIds) throw forbidden('Only an admin of the parent organization can create sub-accounts.');
    const input = parseInput(subAccountInput, raw);
    const parent = await em.findOneOrFail(Organization, { id: scope.orgId });
    const taken = () => badInput('externalId', `a sub-account with externalId "${input.externalId}" already exists`);
    // Events name sub-accounts by externalId within the tenant, so it must be unique tenant-wide.
    if (await em.count(Organization, { rootId: scope.tenantId, externalId: input.externalId })) throw taken();
    return uniqueOr(taken, () =>
      em.transactional(async (tx) => {
        const org = tx.create(Organization, { parent, externalId: input.externalId, name: input.name, timezone: parent.timezone, creditsPerUsd: parent.creditsPerUsd });
        await tx.persist(org).flush();
        await tx.refresh(org); // root_id comes from a trigger
        audit(tx, actor, { action: 'subAccount.create', targetType: 'organization', targetId: org.id, details: { externalId: org.externalId, name: org.name } });
        return org;
      }),
    );
  }

  async listSubAccounts(em: EntityManager, actor: Principal): Promise<Organization[]> {
    requirePermission(actor, 'read');
    const scope = scopeOf(actor);
    const where = scope.orgIds ? { id: { $in: scope.orgIds }, parent: { $ne: null } } : { rootId: scope.tenantId, parent: { $ne: null } };
    return em.find(Organization, where, { orderBy: { name: 'asc' } });
  }

  async inviteMember(em: EntityManager, actor: Principal, raw: unknown): Promise<Member> {
    requirePermission(actor, 'admin');
    const input = parseInput(memberInput, raw);
    const org = await this.resolveOrg(em, actor, input.subAccountId);
    const taken = () => badInput('email', `a member with email "${input.email}" already exists`);
    if (await em.count(Member, { email: input.email })) throw taken();
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    return uniqueOr(taken, () =>
      em.transactional(async (tx) => {
        const member = tx.create(Member, { org, email: input.email, role: input.role, passwordHash });
        await tx.persist(member).flush();
        audit(tx, actor, { action: 'member.invite', targetType: 'member', targetId: member.id, details: { email: member.email, role: member.role, orgId: org.id } });
        return member;
      }),
    );
  }

  async listMembers(em: EntityManager, actor: Principal): Promise<Member[]> {
    requirePermission(actor, 'admin');
    const scope = scopeOf(actor);
    return em.find(Member, { org: scope.orgIds ? { id: { $in: scope.orgIds } } : { rootId: scope.tenantId } }, { orderBy: { email: 'asc' }, populate: ['org'] });
  }

  async setMemberRole(em: EntityManager, actor: Principal, id: string, role: Role): Promise<Member> {
    requirePermission(actor, 'admin');
    if (!['ADMIN', 'MEMBER', 'VIEWER'].includes(role)) throw badInput('role', 'must be ADMIN, MEMBER or VIEWER');
    return em.transactional(async (tx) => {
      const member = await this.findInScope(tx, actor, Member, id, 'Member');
      if (member.role === role) return member;
      await this.keepOneAdmin(tx, member, role);
      const from = member.role;
      member.role = role;
      audit(tx, actor, { action: 'member.setRole', targetType: 'member', targetId: member.id, details: { email: member.email, from, to: role } });
      return member;
    });
  }

  async removeMember(em: EntityManager, actor: Principal, id: string): Promise<boolean> {
    requirePermission(actor, 'admin');
    return em.transactional(async (tx) => {
      const member = await this.findInScope(tx, actor, Member, id, 'Member');
      await this.keepOneAdmin(tx, member, null);
      audit(tx, actor, { action: 'member.remove', targetType: 'member', targetId: member.id, details: { email: member.email, role: member.role } });
      tx.remove(member); // its sessions go with it (on delete cascade): signed out at once
      return true;
    });
  }

  /**
   * An organization must never lose its last admin: nobody could manage it afterwards. The
   * organization row is locked first, so two admins demoting each other at the same moment
   * cannot both succeed; the member is then re-read under that lock.
   */
  private async keepOneAdmin(tx: EntityManager, member: Member, newRole: Role | null): Promise<void> {
    await tx.findOneOrFail(Organization, { id: member.org.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    await tx.refresh(member);
    if (member.role !== 'ADMIN' || newRole === 'ADMIN') return;
    const admins = await tx.count(Member, { org: member.org, role: 'ADMIN' });
    if (admins <= 1) throw new DomainError('CONFLICT', 'This is the last admin of the organization; make someone else admin first.');
  }

  private async findInScope<T extends ApiKey | Member>(em: EntityManager, actor: Principal, entity: new () => T, id: string, what: string): Promise<T> {
    const scope = scopeOf(actor);
    const numeric = parseId(id);
    const found = numeric ? ((await em.findOne(entity as never, { id: numeric } as never, { populate: ['org'] as never })) as T | null) : null;
    const orgOk = found && found.org.rootId === scope.tenantId && (!scope.orgIds || scope.orgIds.includes(found.org.id));
    if (!found || !orgOk) throw notFound(`${what} "${id}"`);
    return found;
  }
}

/** The organization (the caller's own, or a sub-account in its scope, by id) an admin acts on. */
export async function resolveOrgInScope(em: EntityManager, actor: Principal, subAccountId?: string | null, field = 'subAccountId'): Promise<Organization> {
  const scope = scopeOf(actor);
  if (subAccountId == null) return em.findOneOrFail(Organization, { id: scope.orgId });
  const id = parseId(subAccountId);
  const org = id ? await em.findOne(Organization, { id }) : null;
  if (!org || org.rootId !== scope.tenantId || (scope.orgIds && !scope.orgIds.includes(org.id))) {
    throw badInput(field, `no sub-account with id "${subAccountId}" in your organization`);
  }
  return org;
}

/** Runs `write`; a unique-constraint race lost to a concurrent request becomes the same error as the pre-check. */
async function uniqueOr<T>(error: () => DomainError, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) throw error();
    throw err;
  }
}

/** An ID argument as a database id, or null when it cannot be one (never an int overflow error). */
export function parseId(id: string): number | null {
  if (!/^\d{1,10}$/.test(id)) return null;
  const n = Number(id);
  return n > 0 && n <= 2_147_483_647 ? n : null;
}
