import type { AuthChecker } from 'type-graphql';
import { requirePermission, type Permission } from '../modules/accounts/access.js';
import type { Context } from './context.js';

/**
 * `@Authorized('admin')` etc. name permissions, not roles: roles and API-key scopes both map
 * onto them. Throws the precise error (UNAUTHENTICATED or FORBIDDEN) instead of returning false.
 * The services check again: this is the first of two locks, not the only one.
 */
export const authChecker: AuthChecker<Context, Permission> = ({ context }, permissions) => {
  if (context.authError) throw context.authError;
  if (permissions.length === 0) {
    requirePermission(context.principal, 'read');
    return true;
  }
  const errors: unknown[] = [];
  for (const p of permissions) {
    try {
      requirePermission(context.principal, p);
      return true;
    } catch (err) {
      errors.push(err);
    }
  }
  throw errors[0];
};
