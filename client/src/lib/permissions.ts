import type { Role } from './session';

/**
 * What the UI shows to whom. Mirrors the server's role → permission map; the server enforces it
 * anyway, the UI only avoids offering what would answer FORBIDDEN.
 */
export type Permission = 'read' | 'admin' | 'export-per-user';

const byRole: Record<Role, Permission[]> = {
  ADMIN: ['read', 'admin', 'export-per-user'],
  MEMBER: ['read', 'export-per-user'],
  VIEWER: ['read'],
};

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return !!role && byRole[role].includes(permission);
}
