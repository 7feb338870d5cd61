import type { Pool } from '../../db/pool.js';
import type { UsageQuery } from '../../analytics/index.js';
import { badInput } from '../../shared/errors.js';
import { queryTopRequests } from './top-requests.query.js';

export const TOP_REQUESTS_MAX = 100;

/** Single-request reads over a validated, scoped query (`UsageService.query`). */
export class RequestsService {
  constructor(private readonly pool: Pool) {}

  top(q: UsageQuery, limit: number | null | undefined) {
    const n = limit ?? 10;
    if (!Number.isInteger(n) || n < 1 || n > TOP_REQUESTS_MAX) throw badInput('limit', `must be between 1 and ${TOP_REQUESTS_MAX}`);
    return queryTopRequests(this.pool, q, n);
  }
}
