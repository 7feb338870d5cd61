import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../shared/clock.js';
import { DomainError, unauthenticated } from '../../shared/errors.js';
import { randomToken, sha256 } from '../../shared/ids.js';
import { RateLimiter } from '../../shared/rate-limiter.js';
import { ApiKey } from './api-key.entity.js';
import { Member } from './member.entity.js';
import { MemberSession } from './member-session.entity.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import type { Principal } from './access.js';

export const SESSION_TOKEN_PREFIX = 'tts_';
export const API_KEY_PREFIX = 'ttk_';

// Throttle the last-used stamp so a busy ingest key does not write on every request.
const LAST_USED_RESOLUTION_MS = 60_000;
// Failed sign-ins allowed per email and minute before further attempts are refused for a while.
const FAILED_LOGINS_PER_MINUTE = 10;

export class AuthService {
  private readonly failedLogins: RateLimiter;

  constructor(
    private readonly clock: Clock,
    private readonly sessionTtlHours: number,
  ) {
    this.failedLogins = new RateLimiter(FAILED_LOGINS_PER_MINUTE, clock);
  }

  /**
   * Signs a member in. Password guessing is slowed down per email: after 10 wrong passwords in a
   * minute, attempts for that email are refused (RATE_LIMITED) until the allowance refills.
   */
  async login(em: EntityManager, email: string, password: string): Promise<{ token: string; member: Member }> {
    const normalized = email.trim().toLowerCase();
    const wait = this.failedLogins.wait(normalized);
    if (wait > 0) throw new DomainError('RATE_LIMITED', `Too many failed sign-ins for this email; try again in ${wait} s.`, { retryAfterSeconds: wait });
    const member = await em.findOne(Member, { email: normalized }, { populate: ['org'] });
    // Verify even when the member is unknown so timing does not reveal which emails exist.
    const ok = await verifyPassword(password, member?.passwordHash ?? (await dummyPasswordHash()));
    if (!member || !ok) {
      this.failedLogins.take(normalized);
      throw new DomainError('UNAUTHENTICATED', 'The email or password is not correct.');
    }
    const token = SESSION_TOKEN_PREFIX + randomToken();
    const now = this.clock.now();
    // Sessions past their end are of no use to anyone: drop this member's on the way.
    await em.nativeDelete(MemberSession, { member, expiresAt: { $lte: now } });
    em.persist(
      em.create(MemberSession, {
        member,
        tokenHash: sha256(token),
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.sessionTtlHours * 3_600_000),
      }),
    );
    await em.flush();
    return { token, member };
  }

  async logout(em: EntityManager, token: string | null): Promise<boolean> {
    if (!token?.startsWith(SESSION_TOKEN_PREFIX)) return false;
    const deleted = await em.nativeDelete(MemberSession, { tokenHash: sha256(token) });
    return deleted > 0;
  }

  /** Resolves a bearer token (session token or API key) to a principal, or null when absent. */
  async authenticate(em: EntityManager, header: string | null | undefined): Promise<Principal | null> {
    const token = parseBearer(header);
    if (token === null) return null;
    const now = this.clock.now();
    if (token.startsWith(SESSION_TOKEN_PREFIX)) {
      const session = await em.findOne(MemberSession, { tokenHash: sha256(token) }, { populate: ['member.org'] });
      if (!session || session.expiresAt <= now) throw unauthenticated('The session has expired or was signed out; sign in again.');
      const { member } = session;
      return {
        kind: 'member',
        memberId: member.id,
        email: member.email,
        role: member.role,
        orgId: member.org.id,
        tenantId: member.org.rootId,
        isSubAccount: member.org.rootId !== member.org.id,
      };
    }
    if (token.startsWith(API_KEY_PREFIX)) {
      const key = await em.findOne(ApiKey, { keyHash: sha256(token) }, { populate: ['org'] });
      if (!key || key.revokedAt) throw unauthenticated('The API key is not valid or was revoked.');
      if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
        await em.nativeUpdate(ApiKey, { id: key.id }, { lastUsedAt: now });
      }
      return {
        kind: 'apiKey',
        apiKeyId: key.id,
        scopes: key.scopes,
        orgId: key.org.id,
        tenantId: key.org.rootId,
        isSubAccount: key.org.rootId !== key.org.id,
      };
    }
    throw unauthenticated('The bearer token is neither a session token nor an API key.');
  }
}

/** `Bearer <token>` → token; a missing header → null; anything else is an error worth saying. */
export function parseBearer(header: string | null | undefined): string | null {
  if (header == null || header === '') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  return match[1];
}
