import type { UsageQuery } from '../query.js';
import type { CompiledSql, Params } from '../sql/params.js';
import { rawPlan } from './raw.js';
import type { AggregateRequest } from './request.js';

/**
 * Picks, per component, the cheapest source that can answer the request exactly. The caller
 * never chooses a table. (Rollup sources are added in rollups/.)
 */
export function plan(req: AggregateRequest): CompiledSql[] {
  return rawPlan(req);
}

/** SQL for "most common value per key" from a rollup carrying both columns, or null for raw. */
export function pickPairSource(_q: UsageQuery, _key: string, _value: string, _p: Params): string | null {
  return null;
}
