import type { Pool } from '../../db/pool.js';
import type { Clock } from '../../shared/clock.js';
import { requirePermission, scopeOf, type Principal } from '../accounts/access.js';
import {
  queryAllPageRows,
  queryBreakdown,
  queryPage,
  querySeries,
  queryTotals,
  resolveFilter,
  type Granularity,
  type Page,
  type UsageFilterInput,
  type UsageOrder,
  type UsageQuery,
} from '../../analytics/index.js';
import type { BreakdownOptions } from '../../analytics/queries.js';

/**
 * Usage reads for a caller. Every read starts from `scope`, so it is scoped to the caller's
 * organization tree by construction; the engine picks tables, this layer only authorizes.
 */
export class UsageService {
  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
  ) {}

  async query(principal: Principal | null, filter: UsageFilterInput | null | undefined, fieldPrefix = 'filter.'): Promise<UsageQuery> {
    const caller = requirePermission(principal, 'read');
    return resolveFilter(this.pool, scopeOf(caller), plain(filter), this.clock, fieldPrefix);
  }

  totals(q: UsageQuery, measures: string[], period: 'current' | 'previous' = 'current') {
    return queryTotals(this.pool, q, measures, period);
  }

  series(q: UsageQuery, granularity: Granularity, measures: string[]) {
    return querySeries(this.pool, q, granularity, measures);
  }

  breakdown(q: UsageQuery, opts: BreakdownOptions, measures: string[]) {
    return queryBreakdown(this.pool, q, opts, measures);
  }

  page(q: UsageQuery, page: Page['name'], opts: { orderBy?: UsageOrder | null; limit?: number | null; offset?: number | null }) {
    return queryPage(this.pool, q, page, opts);
  }

  allRows(q: UsageQuery, page: Page['name'], orderBy?: UsageOrder | null) {
    return queryAllPageRows(this.pool, q, page, orderBy);
  }
}

/** GraphQL hands over class instances; the engine wants plain values. */
function plain(filter: UsageFilterInput | null | undefined): UsageFilterInput {
  if (!filter) return {};
  return { ...filter, properties: filter.properties?.map((p) => ({ key: p.key, value: p.value })) ?? null };
}
