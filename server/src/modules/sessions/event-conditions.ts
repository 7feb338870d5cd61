import { compileFilter, type UsageQuery } from '../../analytics/index.js';

/**
 * The events a scoped query names, as SQL conditions over `usage_event e`: the analytics filter
 * (tenant, organizations, lists, properties, status) plus the half-open range [from, to). Further
 * values are bound with `bind`, which returns their placeholder; nothing is ever spliced in.
 */
export function eventConditions(q: UsageQuery) {
  const { sql, values } = compileFilter(q, 'e');
  const bound = [...values];
  const bind = (value: unknown): string => {
    bound.push(value);
    return `$${bound.length}`;
  };
  const where = `${sql} and e.ts >= ${bind(q.range.from)} and e.ts < ${bind(q.range.to)}`;
  return { where, values: bound, bind };
}

/** USD from integer nano-dollars (null stays null: an unknown price is not zero). */
export const usdOf = (nanos: number | string | null): number | null => (nanos === null ? null : Number(nanos) / 1e9);
