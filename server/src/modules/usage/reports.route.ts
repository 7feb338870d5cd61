import express, { type Request, type Response, type Router } from 'express';
import { stringify } from 'csv-stringify';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { pageByCsv, snake, type UsageFilterInput, type UsageOrder } from '../../analytics/index.js';
import { orderFieldByValue } from '../../analytics/catalog/order.js';
import { requirePermission } from '../accounts/access.js';
import type { Services } from '../../app/services.js';
import { withPrincipal, type AuthedRequest } from '../../app/http.js';
import { badInput, notFound } from '../../shared/errors.js';
import { appendAudit } from '../audit/audit-sql.js';

const LIST_PARAMS = ['subAccountIds', 'teamIds', 'userIds', 'models', 'providers', 'agentIds', 'agentTypes', 'features'] as const;
const SCALAR_PARAMS = ['timeframe', 'from', 'to', 'timezone', 'includeSubAccounts', 'status', 'orderBy', 'direction'] as const;

/**
 * The UsageFilter from query parameters: lists as repeated parameters or comma-separated,
 * `property.<key>=<value>` for custom properties, `orderBy=COST_USD&direction=DESC`.
 */
export function filterFromQuery(query: Record<string, unknown>): { filter: UsageFilterInput; orderBy: UsageOrder | null } {
  const filter: UsageFilterInput = {};
  const properties: { key: string; value: string }[] = [];
  const one = (name: string, v: unknown): string => {
    if (Array.isArray(v)) {
      if (v.length !== 1) throw badInput(name, 'may be given only once');
      return String(v[0]);
    }
    return String(v);
  };
  for (const [name, raw] of Object.entries(query)) {
    if (name.startsWith('property.')) {
      properties.push({ key: name.slice('property.'.length), value: one(name, raw) });
    } else if ((LIST_PARAMS as readonly string[]).includes(name)) {
      const values = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
      filter[name as (typeof LIST_PARAMS)[number]] = values;
    } else if (!(SCALAR_PARAMS as readonly string[]).includes(name)) {
      throw badInput(name, `is not a filter parameter (use ${[...SCALAR_PARAMS, ...LIST_PARAMS].join(', ')} or property.<key>)`);
    }
  }
  if (query.timeframe != null) filter.timeframe = one('timeframe', query.timeframe);
  if (query.from != null) filter.from = one('from', query.from);
  if (query.to != null) filter.to = one('to', query.to);
  if (query.timezone != null) filter.timezone = one('timezone', query.timezone);
  if (query.status != null) filter.status = one('status', query.status);
  if (query.includeSubAccounts != null) {
    const v = one('includeSubAccounts', query.includeSubAccounts).toLowerCase();
    if (v !== 'true' && v !== 'false') throw badInput('includeSubAccounts', 'must be true or false');
    filter.includeSubAccounts = v === 'true';
  }
  if (properties.length) filter.properties = properties;
  let orderBy: UsageOrder | null = null;
  if (query.orderBy != null || query.direction != null) {
    const field = query.orderBy != null ? one('orderBy', query.orderBy) : 'COST_USD';
    if (!orderFieldByValue.has(field)) throw badInput('orderBy', `unknown field ${field}`);
    const direction = query.direction != null ? one('direction', query.direction).toUpperCase() : 'DESC';
    if (direction !== 'ASC' && direction !== 'DESC') throw badInput('direction', 'must be ASC or DESC');
    orderBy = { field, direction };
  }
  return { filter, orderBy };
}

/** `GET /v1/reports/<page>.csv`: the page's rows, every one of them, streamed as RFC 4180 CSV. */
export function reportsRouter(services: Services): Router {
  const router = express.Router();
  router.get('/v1/reports/:file', withPrincipal(services, 'read'), async (req: Request, res: Response) => {
    const file = String(req.params.file);
    const page = file.endsWith('.csv') ? pageByCsv.get(file.slice(0, -4)) : undefined;
    if (!page) throw notFound(`Report "${file}" (try ${[...pageByCsv.keys()].map((k) => `${k}.csv`).join(', ')})`);
    const principal = (req as AuthedRequest).principal;
    if (page.perUser) requirePermission(principal, 'export-per-user');
    const { filter, orderBy } = filterFromQuery(req.query as Record<string, unknown>);
    const query = await services.usage.query(principal, filter, '');
    const rows = await services.usage.allRows(query, page.name, orderBy);
    // Exports are governance events: who took which data out, with which filter.
    await appendAudit(services.pool, principal!, { action: 'export.csv', targetType: 'report', targetId: page.csv, details: { filter: req.query as Record<string, unknown> } });

    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${page.csv}.csv"`);
    const columns = page.columns.map((c) => ({ key: c.name, header: snake(c.name) }));
    const csv = stringify({
      header: true,
      columns,
      cast: { date: (d: Date) => d.toISOString(), boolean: (b: boolean) => String(b) },
    });
    await pipeline(Readable.from(rows), csv, res);
  });
  return router;
}
