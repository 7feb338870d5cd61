import type { Pool } from '../../db/pool.js';
import { badInput } from '../../shared/errors.js';
import { requirePermission, scopeOf, type Principal } from '../accounts/access.js';
import { appendAudit } from './audit-sql.js';
import { auditWhere, parseAuditFilter, type AuditFilter, type AuditFilterInput } from './audit-filter.js';

export interface AuditRow {
  id: number;
  at: Date;
  orgId: number | null;
  actorMemberId: number | null;
  actorApiKeyId: number | null;
  actorEmail: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown> | null;
}

const COLUMNS = `a.id, a.at, a.org_id as "orgId", a.actor_member_id as "actorMemberId", a.actor_api_key_id as "actorApiKeyId",
  a.actor_email as "actorEmail", a.action, a.target_type as "targetType", a.target_id as "targetId", a.details`;
const MAX_PAGE = 1000;
const CSV_CHUNK = 2000;

/**
 * Reading the audit log (admins): filtered pages and a complete export. There is no way to change
 * or remove an entry here or anywhere in the API; the database refuses it too (triggers).
 */
export class AuditLogService {
  constructor(private readonly pool: Pool) {}

  async page(actor: Principal, raw: AuditFilterInput | null | undefined, limit: number, offset: number): Promise<{ rows: AuditRow[]; total: number }> {
    requirePermission(actor, 'admin');
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE) throw badInput('limit', `must be between 0 and ${MAX_PAGE}`);
    if (!Number.isInteger(offset) || offset < 0) throw badInput('offset', 'must be >= 0');
    const where = auditWhere(scopeOf(actor), parseAuditFilter(raw));
    const n = where.values.length;
    const [rows, count] = await Promise.all([
      this.pool.query<AuditRow>({ text: `select ${COLUMNS} from audit_event a where ${where.sql} order by a.id desc limit $${n + 1} offset $${n + 2}`, values: [...where.values, limit, offset] }),
      this.pool.query<{ total: number }>({ text: `select count(*)::int as total from audit_event a where ${where.sql}`, values: where.values }),
    ]);
    return { rows: rows.rows, total: count.rows[0].total };
  }

  /**
   * Validates an export and records it in the log (an export is an audited action), then yields
   * every matching entry newest first, a chunk at a time (keyset paging: memory stays flat).
   */
  async startExport(actor: Principal, raw: AuditFilterInput): Promise<AsyncGenerator<AuditRow>> {
    requirePermission(actor, 'admin');
    const filter = parseAuditFilter(raw, '');
    await appendAudit(this.pool, actor, { action: 'audit.export', targetType: 'auditLog', details: { filter: raw as Record<string, unknown> } });
    return this.rows(actor, filter);
  }

  private async *rows(actor: Principal, filter: AuditFilter): AsyncGenerator<AuditRow> {
    const where = auditWhere(scopeOf(actor), filter);
    const n = where.values.length;
    let before = Number.MAX_SAFE_INTEGER;
    for (;;) {
      const { rows } = await this.pool.query<AuditRow>({
        text: `select ${COLUMNS} from audit_event a where ${where.sql} and a.id < $${n + 1} order by a.id desc limit $${n + 2}`,
        values: [...where.values, before, CSV_CHUNK],
      });
      yield* rows;
      if (rows.length < CSV_CHUNK) return;
      before = rows[rows.length - 1].id;
    }
  }
}
