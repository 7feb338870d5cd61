import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../modules/accounts/access.js';
import type { DomainError } from '../shared/errors.js';
import type { Services } from '../app/services.js';

/**
 * Per-operation state: a fresh EntityManager fork (never the global one), the caller, and the
 * services. For subscriptions a new context (and fork) is made per event.
 */
export interface Context {
  em: EntityManager;
  principal: Principal | null;
  /** Why the bearer token was refused, kept so operations that need no auth (login) still work. */
  authError: DomainError | null;
  /** The raw bearer token, for logout. */
  token: string | null;
  services: Services;
}
