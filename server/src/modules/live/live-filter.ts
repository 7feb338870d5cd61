import { dimensions, type UsageQuery } from '../../analytics/index.js';
import type { EventRow } from './event-row.js';

/**
 * Live views reuse the analytics UsageQuery (validated and scoped by `resolveFilter`) and its SQL
 * compiler (`compileFilter`) for their initial state. Events that arrive afterwards are already in memory, so they
 * are matched here instead: the same conditions as `compileFilter`,
 * over the same catalog columns; a test checks both agree on the same rows. The query's time
 * range is ignored: a live view has its own window, a tail has none.
 */
export type RowPredicate = (row: EventRow) => boolean;

const listColumns = dimensions.filter((d) => d.filter && d.column).map((d) => ({ filter: d.filter!, column: d.column as keyof EventRow }));

const statusTests = {
  SUCCESS: (s: number) => s < 400,
  ERROR: (s: number) => s >= 400,
  CLIENT_ERROR: (s: number) => s >= 400 && s <= 499,
  SERVER_ERROR: (s: number) => s >= 500,
} as const;

export function compilePredicate(q: UsageQuery): RowPredicate {
  const tests: RowPredicate[] = [];
  const tenantId = q.tenantId;
  tests.push((r) => r.tenant_id === tenantId);
  if (q.orgIds) {
    const orgs = new Set(q.orgIds);
    tests.push((r) => orgs.has(r.org_id));
  }
  for (const { filter, column } of listColumns) {
    const values = q.lists[filter];
    if (!values) continue;
    const set = new Set(values);
    tests.push((r) => {
      const v = r[column];
      return typeof v === 'string' && set.has(v);
    });
  }
  if (q.properties.length) {
    const wanted = q.properties;
    tests.push((r) => !!r.properties && wanted.every((p) => r.properties![p.key] === p.value));
  }
  if (q.status) {
    const test = statusTests[q.status];
    tests.push((r) => test(r.status));
  }
  return (row) => {
    for (const t of tests) if (!t(row)) return false;
    return true;
  };
}

/**
 * A stable identity of what a query selects (not of its time range), so subscribers asking the
 * same thing share one view: lists and organizations are sorted, empty lists dropped.
 */
export function filterKey(q: UsageQuery): string {
  const lists = Object.entries(q.lists)
    .filter(([, v]) => v && v.length)
    .map(([k, v]) => [k, [...v!].sort()])
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const properties = [...q.properties].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.value < b.value ? -1 : 1));
  return JSON.stringify([q.tenantId, q.orgIds ? [...q.orgIds].sort((a, b) => a - b) : null, lists, properties, q.status]);
}
