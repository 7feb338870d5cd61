import { dimensions } from '../catalog/dimensions.js';
import type { UsageQuery } from '../query.js';
import type { Params } from './params.js';

/**
 * The filter as SQL conditions over a relation that has the filtered columns (usage_event or a
 * rollup carrying them). Time is not included: sources restrict time by their own grain.
 * Identifiers come only from the catalog; every value is bound.
 */
export function filterConditions(q: UsageQuery, p: Params, alias: string): string[] {
  const out = [`${alias}.tenant_id = ${p.add(q.tenantId)}`];
  if (q.orgIds) out.push(q.orgIds.length === 1 ? `${alias}.org_id = ${p.add(q.orgIds[0])}` : `${alias}.org_id = any(${p.add(q.orgIds)}::int[])`);
  for (const d of dimensions) {
    const values = d.filter && q.lists[d.filter];
    if (values) out.push(`${alias}.${d.column} = any(${p.add(values)}::text[])`);
  }
  if (q.properties.length) {
    // jsonb containment is exactly "every key has this string value" (and can use a GIN index).
    out.push(`${alias}.properties @> ${p.add(JSON.stringify(Object.fromEntries(q.properties.map((x) => [x.key, x.value]))))}::jsonb`);
  }
  const status = { SUCCESS: 'status < 400', ERROR: 'status >= 400', CLIENT_ERROR: 'status between 400 and 499', SERVER_ERROR: 'status >= 500' };
  if (q.status) out.push(`${alias}.${status[q.status]}`);
  return out;
}

/** Which filter columns a query touches, to decide which rollups can answer it. */
export function filteredColumns(q: UsageQuery): Set<string> {
  const cols = new Set<string>();
  for (const d of dimensions) if (d.filter && q.lists[d.filter]) cols.add(d.column!);
  if (q.properties.length) cols.add('properties');
  if (q.status) cols.add('status');
  return cols;
}

/** `key` in (keep) or not in (leave out) a list that may hold null. */
export function keyCondition(k: string, keys: (string | null)[], keep: boolean, p: Params): string {
  const named = keys.filter((x): x is string => x !== null);
  if (keep) return `(${k} = any(${p.add(named)}::text[])${keys.includes(null) ? ` or ${k} is null` : ''})`;
  const list = `${k} <> all(${p.add(named)}::text[])`;
  return keys.includes(null) ? `(${k} is not null and ${list})` : `(${k} is null or ${list})`;
}
