import express, { type Request, type Response, type Router } from 'express';
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Services } from '../../app/services.js';
import { withPrincipal, type AuthedRequest } from '../../app/http.js';
import { badInput } from '../../shared/errors.js';
import type { AuditFilterInput } from './audit-filter.js';
import type { AuditRow } from './audit-log.service.js';

const SCALARS = ['actorId', 'actorEmail', 'actorApiKeyId', 'targetType', 'targetId', 'from', 'to'] as const;

/** AuditFilter from query parameters: `action` repeated or comma-separated, the rest once each. */
export function auditFilterFromQuery(query: Record<string, unknown>): AuditFilterInput {
  const filter: AuditFilterInput = {};
  for (const [name, raw] of Object.entries(query)) {
    const values = (Array.isArray(raw) ? raw : [raw]).map(String);
    if (name === 'action' || name === 'actions') {
      filter.actions = [...(filter.actions ?? []), ...values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean)];
    } else if ((SCALARS as readonly string[]).includes(name)) {
      if (values.length !== 1) throw badInput(name, 'may be given only once');
      filter[name as (typeof SCALARS)[number]] = values[0];
    } else {
      throw badInput(name, `is not an audit filter parameter (use ${[...SCALARS, 'action'].join(', ')})`);
    }
  }
  return filter;
}

const columns: { header: string; value: (r: AuditRow) => unknown }[] = [
  { header: 'id', value: (r) => r.id },
  { header: 'at', value: (r) => r.at },
  { header: 'actor_kind', value: (r) => (r.actorMemberId != null ? 'MEMBER' : r.actorApiKeyId != null ? 'API_KEY' : 'SYSTEM') },
  { header: 'actor_id', value: (r) => r.actorMemberId ?? r.actorApiKeyId },
  { header: 'actor_email', value: (r) => r.actorEmail },
  { header: 'action', value: (r) => r.action },
  { header: 'target_type', value: (r) => r.targetType },
  { header: 'target_id', value: (r) => r.targetId },
  { header: 'organization_id', value: (r) => r.orgId },
  { header: 'details', value: (r) => (r.details == null ? null : JSON.stringify(r.details)) },
];

/** `GET /v1/audit.csv` (admins): every matching entry, newest first, streamed as RFC 4180 CSV. */
export function auditRouter(services: Services): Router {
  const router = express.Router();
  router.get('/v1/audit.csv', withPrincipal(services, 'admin'), async (req: Request, res: Response) => {
    const rows = await services.auditLog.startExport((req as AuthedRequest).principal!, auditFilterFromQuery(req.query as Record<string, unknown>));
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="audit.csv"');
    const csv = stringify({ header: true, columns: columns.map((c) => c.header), cast: { date: (d: Date) => d.toISOString() } });
    async function* records() {
      for await (const r of rows) yield columns.map((c) => c.value(r) ?? '');
    }
    await pipeline(Readable.from(records()), csv, res);
  });
  return router;
}
