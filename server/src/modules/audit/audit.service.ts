import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../accounts/access.js';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | number | null;
  details?: Record<string, unknown>;
}

/**
 * Appends one audit event in the caller's unit of work, so the entry commits (or rolls back)
 * together with the change it describes.
 */
export function audit(em: EntityManager, actor: Principal, entry: AuditEntry): void {
  em.persist(
    em.create(AuditEvent, {
      tenantId: actor.tenantId,
      orgId: actor.orgId,
      actorMemberId: actor.kind === 'member' ? actor.memberId : null,
      actorApiKeyId: actor.kind === 'apiKey' ? actor.apiKeyId : null,
      actorEmail: actor.kind === 'member' ? actor.email : null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId == null ? null : String(entry.targetId),
      details: entry.details ?? null,
    }),
  );
}
