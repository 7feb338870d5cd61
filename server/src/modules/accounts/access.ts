import type { ApiKeyScope } from './api-key.entity.js';
import type { Role } from './member.entity.js';
import { forbidden, unauthenticated } from '../../shared/errors.js';

/** Who is calling: a signed-in member or an API key. Built once per request by the auth service. */
export type Principal =
  | { kind: 'member'; memberId: number; email: string; role: Role; orgId: number; tenantId: number; isSubAccount: boolean }
  | { kind: 'apiKey'; apiKeyId: number; scopes: ApiKeyScope[]; orgId: number; tenantId: number; isSubAccount: boolean };

/** What a caller may do. Roles and key scopes both map onto these. */
export type Permission = 'read' | 'ingest' | 'admin' | 'export-per-user';

const rolePermissions: Record<Role, Permission[]> = {
  ADMIN: ['read', 'ingest', 'admin', 'export-per-user'],
  MEMBER: ['read', 'export-per-user'],
  VIEWER: ['read'],
};
const scopePermissions: Record<ApiKeyScope, Permission[]> = {
  INGEST: ['ingest'],
  READ: ['read', 'export-per-user'],
  ADMIN: ['read', 'admin', 'export-per-user'],
};

export function permissionsOf(principal: Principal): Set<Permission> {
  const granted = principal.kind === 'member' ? rolePermissions[principal.role] : principal.scopes.flatMap((s) => scopePermissions[s]);
  return new Set(granted);
}

export function can(principal: Principal | null | undefined, permission: Permission): boolean {
  return !!principal && permissionsOf(principal).has(permission);
}

/** Throws UNAUTHENTICATED without a principal and FORBIDDEN without the permission. */
export function requirePermission(principal: Principal | null | undefined, permission: Permission): Principal {
  if (!principal) throw unauthenticated();
  if (!permissionsOf(principal).has(permission)) {
    throw forbidden(
      principal.kind === 'apiKey'
        ? `This API key lacks the scope needed here (${permission}).`
        : `Your role (${principal.role}) does not allow this (${permission}).`,
    );
  }
  return principal;
}

/**
 * The tenant scope every read and write goes through. `orgIds` is null for a caller at the top
 * of the tree (the whole tenant is visible) and the single sub-account otherwise.
 */
export interface TenantScope {
  tenantId: number;
  /** The caller's own organization (root or sub-account). */
  orgId: number;
  /** Restriction inside the tenant, or null for the whole tree. */
  orgIds: number[] | null;
}

export function scopeOf(principal: Principal): TenantScope {
  return {
    tenantId: principal.tenantId,
    orgId: principal.orgId,
    orgIds: principal.isSubAccount ? [principal.orgId] : null,
  };
}
