import type { UsageQuery } from '../query.js';
import { Params } from './params.js';
import { filterConditions } from './where.js';

/**
 * The filter (tenant, organizations, lists, properties, status; not time) as one SQL condition
 * over usage_event aliased `alias`, with its values. `firstParam` shifts the $n numbering when the
 * caller binds values of its own first.
 */
export function compileFilter(q: UsageQuery, alias = 'e', firstParam = 1): { sql: string; values: unknown[] } {
  const p = new Params();
  for (let i = 1; i < firstParam; i++) p.values.push(undefined);
  const sql = filterConditions(q, p, alias).join(' and ');
  return { sql, values: p.values.slice(firstParam - 1) };
}
