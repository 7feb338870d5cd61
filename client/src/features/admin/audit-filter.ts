/**
 * The audit log's filter in the URL (`actorEmail`, `action`, `targetType`, `from`, `to` as days),
 * shared by the table query and the CSV export (GET /v1/audit.csv takes the same parameters).
 */
export interface AuditQuery {
  actorEmail?: string;
  action?: string;
  targetType?: string;
  /** YYYY-MM-DD, inclusive, UTC. */
  from?: string;
  /** YYYY-MM-DD, inclusive, UTC. */
  to?: string;
}

const one = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function auditQueryFrom(query: Record<string, unknown>): AuditQuery {
  const from = one(query.from);
  const to = one(query.to);
  return { actorEmail: one(query.actorEmail), action: one(query.action), targetType: one(query.targetType), from: from && DAY.test(from) ? from : undefined, to: to && DAY.test(to) ? to : undefined };
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();

/** The API's AuditFilter: days become instants, the `to` day included. */
export function auditFilter(q: AuditQuery) {
  return {
    actorEmail: q.actorEmail,
    actions: q.action ? q.action.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
    targetType: q.targetType,
    from: q.from ? `${q.from}T00:00:00.000Z` : undefined,
    to: q.to ? nextDay(q.to) : undefined,
  };
}

export function auditCsvParams(q: AuditQuery): URLSearchParams {
  const f = auditFilter(q);
  const p = new URLSearchParams();
  if (f.actorEmail) p.set('actorEmail', f.actorEmail);
  for (const a of f.actions ?? []) p.append('action', a);
  if (f.targetType) p.set('targetType', f.targetType);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  return p;
}
