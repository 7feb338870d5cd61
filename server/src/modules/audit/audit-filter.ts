import { z } from 'zod';
import { parseInput } from '../../shared/validation.js';

/** The audit log filter, from GraphQL or CSV query parameters. Every condition narrows. */
export interface AuditFilterInput {
  actorId?: string | null;
  actorEmail?: string | null;
  actorApiKeyId?: string | null;
  actions?: string[] | null;
  targetType?: string | null;
  targetId?: string | null;
  from?: Date | string | null;
  to?: Date | string | null;
}

const id = (name: string) =>
  z
    .string()
    .regex(/^\d{1,10}$/, `${name} is a numeric id`)
    .transform(Number);
const instant = z.union([z.date(), z.string()]).transform((v, ctx) => {
  const d = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'is not a valid ISO 8601 instant' });
    return z.NEVER;
  }
  return d;
});
// An action is exact ("member.invite") or a family ("member.*").
const action = z.string().regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*(\.\*)?$/, 'must be an action such as member.invite, or a family such as member.*');

const schema = z
  .object({
    actorId: id('actorId').nullish(),
    actorEmail: z.string().trim().min(1).max(320).transform((e) => e.toLowerCase()).nullish(),
    actorApiKeyId: id('actorApiKeyId').nullish(),
    actions: z.array(action).max(50, 'may hold at most 50 actions').nullish(),
    targetType: z.string().trim().min(1).max(100).nullish(),
    targetId: z.string().trim().min(1).max(200).nullish(),
    from: instant.nullish(),
    to: instant.nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from.getTime() >= v.to.getTime()) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from (the range is [from, to))' });
  });

export type AuditFilter = z.infer<typeof schema>;

export function parseAuditFilter(raw: AuditFilterInput | null | undefined, prefix = 'filter.'): AuditFilter {
  return parseInput(schema, JSON.parse(JSON.stringify(raw ?? {})), prefix);
}

/**
 * The filter as SQL over audit_event `a`, every value bound. `orgId` restricts a sub-account's
 * admins to their own entries.
 */
export function auditWhere(scope: { tenantId: number; orgIds: number[] | null }, f: AuditFilter): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const p = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const where = [`a.tenant_id = ${p(scope.tenantId)}`];
  if (scope.orgIds) where.push(`a.org_id = any(${p(scope.orgIds)}::int[])`);
  if (f.actorId != null) where.push(`a.actor_member_id = ${p(f.actorId)}`);
  if (f.actorEmail != null) where.push(`lower(a.actor_email) = ${p(f.actorEmail)}`);
  if (f.actorApiKeyId != null) where.push(`a.actor_api_key_id = ${p(f.actorApiKeyId)}`);
  if (f.actions?.length) {
    const exact = f.actions.filter((x) => !x.endsWith('.*'));
    const families = f.actions.filter((x) => x.endsWith('.*')).map((x) => `${x.slice(0, -1)}%`);
    const any: string[] = [];
    if (exact.length) any.push(`a.action = any(${p(exact)}::text[])`);
    if (families.length) any.push(`a.action like any(${p(families)}::text[])`);
    where.push(`(${any.join(' or ')})`);
  }
  if (f.targetType != null) where.push(`a.target_type = ${p(f.targetType)}`);
  if (f.targetId != null) where.push(`a.target_id = ${p(f.targetId)}`);
  if (f.from) where.push(`a.at >= ${p(f.from)}`);
  if (f.to) where.push(`a.at < ${p(f.to)}`);
  return { sql: where.join(' and '), values };
}
