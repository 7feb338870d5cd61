import type { Pool, PoolClient } from '../../db/pool.js';
import type { Principal } from '../accounts/access.js';
import type { AuditEntry } from './audit.service.js';

/**
 * The same append as `audit()`, for code that writes with SQL rather than an EntityManager:
 * pass the transaction's client so the entry commits (or rolls back) with the change, or the
 * pool for an action that changes nothing else (an export).
 */
export async function appendAudit(db: Pick<Pool, 'query'> | PoolClient, actor: Principal, entry: AuditEntry, at: Date = new Date()): Promise<void> {
  await db.query({
    name: 'audit-append',
    text: `insert into audit_event (tenant_id, org_id, at, actor_member_id, actor_api_key_id, actor_email, action, target_type, target_id, details)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    values: [
      actor.tenantId,
      actor.orgId,
      at,
      actor.kind === 'member' ? actor.memberId : null,
      actor.kind === 'apiKey' ? actor.apiKeyId : null,
      actor.kind === 'member' ? actor.email : null,
      entry.action,
      entry.targetType,
      entry.targetId == null ? null : String(entry.targetId),
      entry.details == null ? null : JSON.stringify(entry.details),
    ],
  });
}
