import type { Pool } from '../../db/pool.js';
import type { UsageQuery } from '../../analytics/index.js';
import { badInput } from '../../shared/errors.js';
import { querySessionDetail } from './session-detail.query.js';
import { DEFAULT_SESSION_ORDER, querySessionPage, type SessionOrder } from './session-page.query.js';

export const SESSION_PAGE_MAX = 500;

/**
 * Session reads over a validated, scoped query (`UsageService.query`): the caller's organization
 * tree is in the query, so nothing here can read another organization's sessions.
 */
export class SessionsService {
  constructor(private readonly pool: Pool) {}

  page(q: UsageQuery, opts: { orderBy?: SessionOrder | null; limit?: number | null; offset?: number | null }) {
    const limit = opts.limit ?? 50;
    const offset = opts.offset ?? 0;
    if (!Number.isInteger(limit) || limit < 1 || limit > SESSION_PAGE_MAX) throw badInput('limit', `must be between 1 and ${SESSION_PAGE_MAX}`);
    if (!Number.isInteger(offset) || offset < 0) throw badInput('offset', 'must be >= 0');
    return querySessionPage(this.pool, q, { orderBy: opts.orderBy ?? DEFAULT_SESSION_ORDER, limit, offset });
  }

  detail(q: UsageQuery, sessionId: string) {
    if (sessionId.length === 0 || sessionId.length > 500) throw badInput('id', 'must be a session id of 1–500 characters');
    return querySessionDetail(this.pool, q, sessionId);
  }
}
