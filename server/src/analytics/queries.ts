import type { Pool } from '../db/pool.js';
import { badInput } from '../shared/errors.js';
import { dimensionByName, PROPERTY_KEY, type DimensionName } from './catalog/dimensions.js';
import { computeMeasures, measures, needsOf, type Need, type Values } from './catalog/measures.js';
import { DEFAULT_ORDER, orderFieldByValue, type UsageOrder } from './catalog/order.js';
import { pageByName, type Page, type RowContext } from './catalog/pages.js';
import { aggregate, keyId, type KeyedValues } from './engine/run.js';
import { isComponent, type Grouping } from './engine/request.js';
import { describeKeys, type KeyInfo } from './labels.js';
import type { UsageQuery } from './query.js';
import { bucketStarts, resolveGranularity, type Granularity } from './time-range.js';

export type MeasureValues = Record<string, number | null>;
export const allMeasures = measures.map((m) => m.name);

/** Totals over the query's range, or over the previous period. Only the named measures are computed. */
export async function queryTotals(pool: Pool, q: UsageQuery, names: string[] = allMeasures, period: 'current' | 'previous' = 'current'): Promise<MeasureValues> {
  const from = period === 'current' ? q.range.from : q.range.previousFrom;
  const to = period === 'current' ? q.range.to : q.range.previousTo;
  const rows = await aggregate(pool, { query: q, from, to, group: { kind: 'none' }, needs: needsOf(names) });
  const only = [...rows.values()][0];
  return computeMeasures(only?.values ?? {}, names);
}

export type SeriesPoint = { bucket: Date } & Record<string, number | null | Date>;
export type BreakdownRow = { key: string; label: string | null } & Record<string, number | null | string>;

/** One point per bucket of the range in its timezone, empty buckets included (zeros). */
export async function querySeries(pool: Pool, q: UsageQuery, granularity: Granularity, names: string[] = allMeasures): Promise<SeriesPoint[]> {
  const unit = resolveGranularity(granularity, q.range);
  const rows = await aggregate(pool, { query: q, from: q.range.from, to: q.range.to, group: { kind: 'bucket', unit }, needs: needsOf(names) });
  return bucketStarts(q.range.from, q.range.to, unit, q.range.timezone).map((bucket) => ({
    bucket,
    ...computeMeasures(rows.get(keyId(bucket))?.values ?? {}, names),
  })) as SeriesPoint[];
}


export interface BreakdownOptions {
  by: DimensionName;
  propertyKey?: string | null;
  orderBy?: UsageOrder | null;
  limit?: number | null;
}

export const OTHER_KEY = '(other)';
export const NONE_KEY = '(none)';

/**
 * Rows per value of a dimension, ordered, with at most `limit` rows plus one `Other` row that
 * holds the rest (computed exactly: distinct counts and percentiles of the rest, not sums of rows).
 */
export async function queryBreakdown(pool: Pool, q: UsageQuery, opts: BreakdownOptions, names: string[] = allMeasures): Promise<BreakdownRow[]> {
  const dimension = dimensionFor(opts.by, opts.propertyKey);
  const order = orderFor(opts.orderBy);
  const sortMeasure = order.measure;
  const wanted = [...new Set([...names, sortMeasure])];
  const limit = opts.limit ?? 10;
  if (limit < 1 || limit > 1000) throw badInput('limit', 'must be between 1 and 1000');
  const group: Grouping = { kind: 'dimension', dimension, propertyKey: opts.propertyKey ?? undefined };
  const rows = await aggregate(pool, { query: q, from: q.range.from, to: q.range.to, group, needs: needsOf(wanted) });
  const computed = [...rows.values()].map((r) => ({ key: r.key as string | null, m: computeMeasures(r.values, wanted) }));
  sortRows(computed, (r) => r.m[sortMeasure], order.direction, (r) => r.key);
  const top = computed.slice(0, limit);
  const labels = await describeKeys(pool, q.tenantId, dimension, top.map((r) => r.key));
  const out: BreakdownRow[] = top.map((r) => {
    const info = labels.get(r.key);
    return { key: info?.key ?? r.key ?? NONE_KEY, label: r.key === null ? 'None' : (info?.label ?? null), ...pick(r.m, names) } as BreakdownRow;
  });
  if (computed.length > limit) {
    const needs = needsOf(names);
    let restValues: Values;
    if ([...needs].every((n) => !isComponent(n))) {
      // Only sums (and ratios of sums) asked for: the rest is the sum of the other groups, exactly.
      const topIds = new Set(top.map((r) => keyId(r.key)));
      restValues = {};
      for (const [id, row] of rows) if (!topIds.has(id)) addValues(restValues, row.values);
    } else {
      const rest = await aggregate(pool, {
        query: q,
        from: q.range.from,
        to: q.range.to,
        group: { kind: 'none' },
        needs,
        exclude: { dimension, propertyKey: opts.propertyKey ?? undefined, keys: top.map((r) => r.key) },
      });
      restValues = [...rest.values()][0]?.values ?? {};
    }
    out.push({ key: OTHER_KEY, label: 'Other', ...computeMeasures(restValues, names) } as BreakdownRow);
  }
  return out;
}

export interface PageResult {
  rows: Record<string, unknown>[];
  total: number;
}

/** A report page: every group of its dimension, ordered by any numeric column or measure, paged. */
export async function queryPage(pool: Pool, q: UsageQuery, pageName: Page['name'], opts: { orderBy?: UsageOrder | null; limit?: number | null; offset?: number | null }): Promise<PageResult> {
  const page = pageByName.get(pageName)!;
  const dimension = dimensionByName.get(page.dimension)!;
  const order = orderFor(opts.orderBy, page);
  const limit = opts.limit ?? 100;
  const offset = opts.offset ?? 0;
  if (limit < 0) throw badInput('limit', 'must be >= 0');
  if (offset < 0) throw badInput('offset', 'must be >= 0');
  const names = [...new Set([...page.columns.flatMap((c) => c.measures ?? []), ...(order.measure ? [order.measure] : [])])];
  const needs = needsOf(names);
  for (const n of page.extraNeeds ?? []) needs.add(n as Need);
  // Percentiles cost the most (a histogram per key and day): unless the order needs them, they
  // are computed for the page's rows only, once the page is known.
  const orderNeeds = needsOf([order.measure, ...(order.column ? page.columns.find((c) => c.name === order.column)?.measures ?? [] : [])]);
  const later = new Set([...needs].filter((n) => (n === 'latency' || n === 'ttft') && !orderNeeds.has(n)));
  const first = new Set([...needs].filter((n) => !later.has(n)));
  const grouped = await aggregate(pool, { query: q, from: q.range.from, to: q.range.to, group: { kind: 'dimension', dimension }, needs: first });
  const entries = [...grouped.values()];
  const pageCostUsd = entries.reduce((s, e) => s + (e.values.cost_nanos ?? 0), 0) / 1e9;
  const keys = entries.map((e) => e.key as string | null);
  // Attributes (an agent's model) are shown, never sorted on: read for the page's rows only.
  const labels = await describeKeys(pool, q.tenantId, dimension, keys);
  const context = (e: KeyedValues, attrs?: Map<string | null, Record<string, unknown>>) =>
    contextOf(e, names, labels.get(e.key as string | null), attrs?.get(e.key as string | null), pageCostUsd);
  const contexts = entries.map((e) => ({ entry: e, ...context(e) }));
  const value = (r: RowContext) => {
    const column = order.column ? page.columns.find((c) => c.name === order.column) : undefined;
    return (column ? column.value(r) : r.m[order.measure!]) as number | null;
  };
  sortRows(contexts, value, order.direction, (r) => r.key);
  const chosen = contexts.slice(offset, offset + limit).map((r) => r.entry);
  const chosenKeys = chosen.map((e) => e.key as string | null);
  // A page of every row (a CSV export) needs no key list: the same aggregation without it.
  const only = chosen.length < entries.length ? { dimension, keys: chosenKeys } : undefined;
  const [extra, attrs] = await Promise.all([
    later.size && chosen.length ? aggregate(pool, { query: q, from: q.range.from, to: q.range.to, group: { kind: 'dimension', dimension }, needs: later, only }) : null,
    pageAttributes(pool, q, page, chosenKeys, !!only),
  ]);
  const slice = chosen.map((e) => context({ key: e.key, values: { ...e.values, ...extra?.get(keyId(e.key))?.values } }, attrs));
  return { rows: slice.map((r) => Object.fromEntries(page.columns.map((c) => [c.name, c.value(r)]))), total: contexts.length };
}

/** Every row of a page in order (CSV exports: no row limit). */
export async function queryAllPageRows(pool: Pool, q: UsageQuery, pageName: Page['name'], orderBy?: UsageOrder | null): Promise<Record<string, unknown>[]> {
  const { rows } = await queryPage(pool, q, pageName, { orderBy, limit: Number.MAX_SAFE_INTEGER, offset: 0 });
  return rows;
}

function contextOf(e: KeyedValues, names: string[], info: KeyInfo | undefined, extra: Record<string, unknown> | undefined, pageCostUsd: number): RowContext {
  return {
    key: info?.key ?? (e.key as string | null),
    label: info?.label ?? null,
    m: computeMeasures(e.values, names),
    attrs: { ...(info?.attrs ?? {}), ...(extra ?? {}) },
    pageCostUsd,
    lastTs: (e.values.last_ts as Date | null | undefined) ?? null,
  };
}

/** Attributes a page shows beyond measures: an agent's most used model, a model's provider. */
async function pageAttributes(pool: Pool, q: UsageQuery, page: Page, keys: (string | null)[], onlyThese: boolean): Promise<Map<string | null, Record<string, unknown>>> {
  const out = new Map<string | null, Record<string, unknown>>();
  if ((page.dimension !== 'AGENT' && page.dimension !== 'MODEL') || keys.length === 0) return out;
  const { mostCommon } = await import('./engine/most-common.js');
  const pairs = await mostCommon(pool, q, page.dimension === 'AGENT' ? 'agent_id' : 'model', page.dimension === 'AGENT' ? 'model' : 'provider', onlyThese ? keys : undefined);
  for (const k of keys) out.set(k, page.dimension === 'AGENT' ? { modelUsed: pairs.get(k) ?? null } : { provider: pairs.get(k) ?? null });
  return out;
}

export function dimensionFor(by: DimensionName, propertyKey?: string | null) {
  const dimension = dimensionByName.get(by);
  if (!dimension) throw badInput('by', `unknown dimension ${by}`);
  if (by === 'PROPERTY') {
    if (!propertyKey) throw badInput('propertyKey', 'is required when breaking down by PROPERTY');
    if (!PROPERTY_KEY.test(propertyKey)) throw badInput('propertyKey', 'must be 1–64 letters, digits, or _ . : -');
  }
  return dimension;
}

function orderFor(orderBy: UsageOrder | null | undefined, page?: Page): { measure: string; column?: string; direction: 'ASC' | 'DESC' } {
  const o = orderBy ?? DEFAULT_ORDER;
  const field = orderFieldByValue.get(o.field);
  if (!field) throw badInput('orderBy.field', `unknown field ${o.field}`);
  const column = page && field.column && page.columns.some((c) => c.name === field.column) ? field.column : undefined;
  const measure = field.measure ?? (column ? undefined : undefined);
  if (!column && !measure) throw badInput('orderBy.field', `${o.field} is not a column of this page`);
  const direction = o.direction === 'ASC' ? 'ASC' : 'DESC';
  // Column-only fields (costShare, avgRunsPerSession, …) still need their measures computed.
  const colMeasures = column ? page!.columns.find((c) => c.name === column)!.measures ?? [] : [];
  return { measure: measure ?? colMeasures[0] ?? 'costUsd', column, direction };
}

/** Orders by a value (nulls last either way), then by key, so pages are stable. */
function sortRows<T>(rows: T[], value: (r: T) => number | null | undefined, direction: 'ASC' | 'DESC', key: (r: T) => string | null): void {
  const sign = direction === 'ASC' ? 1 : -1;
  rows.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va == null || vb == null) {
      if (va != null) return -1;
      if (vb != null) return 1;
    } else if (va !== vb) return (va - vb) * sign;
    const ka = key(a);
    const kb = key(b);
    if (ka === kb) return 0;
    if (ka === null) return 1;
    if (kb === null) return -1;
    return ka < kb ? -1 : 1;
  });
}

function addValues(into: Values, v: Values): void {
  const target = into as Record<string, unknown>;
  for (const [k, x] of Object.entries(v)) {
    if (typeof x === 'number') target[k] = ((target[k] as number | undefined) ?? 0) + x;
    else if (x instanceof Date) target[k] = target[k] instanceof Date && (target[k] as Date) > x ? target[k] : x;
  }
}

function pick(m: MeasureValues, names: string[]): MeasureValues {
  return Object.fromEntries(names.map((n) => [n, m[n]]));
}
