import type { Pool } from '../db/pool.js';
import type { TenantScope } from '../modules/accounts/access.js';
import type { Clock } from '../shared/clock.js';
import { badInput } from '../shared/errors.js';
import { dimensions, PROPERTY_KEY, type ListFilter } from './catalog/dimensions.js';
import { isValidTimezone, resolveTimeRange, timeframes, type TimeRange, type Timeframe } from './time-range.js';

export const statusClasses = ['SUCCESS', 'ERROR', 'CLIENT_ERROR', 'SERVER_ERROR'] as const;
export type StatusClass = (typeof statusClasses)[number];

/** The UsageFilter as it arrives from GraphQL or from CSV query parameters. */
export interface UsageFilterInput {
  timeframe?: Timeframe | string | null;
  from?: Date | string | null;
  to?: Date | string | null;
  timezone?: string | null;
  subAccountIds?: string[] | null;
  includeSubAccounts?: boolean | null;
  teamIds?: string[] | null;
  userIds?: string[] | null;
  models?: string[] | null;
  providers?: string[] | null;
  agentIds?: string[] | null;
  agentTypes?: string[] | null;
  features?: string[] | null;
  properties?: { key: string; value: string }[] | null;
  status?: StatusClass | string | null;
}

/**
 * A validated, scoped query: everything the compiler needs and nothing it must re-check. Built
 * only by `resolveFilter`, so holding one proves the caller may see `orgIds` of `tenantId`.
 */
export interface UsageQuery {
  tenantId: number;
  /** The organizations whose events count; null means the whole tenant tree. */
  orgIds: number[] | null;
  range: TimeRange;
  lists: Partial<Record<ListFilter, string[]>>;
  properties: { key: string; value: string }[];
  status: StatusClass | null;
}

export interface OrgRow {
  id: number;
  parent_id: number | null;
  external_id: string | null;
  name: string;
  timezone: string;
}

const MAX_LIST = 1000;
const listFilters = dimensions.filter((d) => d.filter).map((d) => d.filter!);

export async function loadOrganizations(pool: Pool, tenantId: number): Promise<OrgRow[]> {
  const { rows } = await pool.query<OrgRow>('select id, parent_id, external_id, name, timezone from organization where root_id = $1 order by id', [tenantId]);
  return rows;
}

/**
 * Validates a filter for a caller and turns it into a UsageQuery. Every problem is a
 * BAD_USER_INPUT naming the argument (`filter.timezone`, `filter.subAccountIds`, …).
 */
export async function resolveFilter(pool: Pool, scope: TenantScope, input: UsageFilterInput | null | undefined, clock: Clock, fieldPrefix = 'filter.'): Promise<UsageQuery> {
  return buildQuery(scope, input ?? {}, clock.now(), await loadOrganizations(pool, scope.tenantId), fieldPrefix);
}

/** The synchronous core of resolveFilter, given the tenant's organizations. */
export function buildQuery(scope: TenantScope, input: UsageFilterInput, now: Date, orgs: OrgRow[], fieldPrefix = 'filter.'): UsageQuery {
  const f = (name: string) => `${fieldPrefix}${name}`;
  const own = orgs.find((o) => o.id === scope.orgId);
  const timezone = input.timezone ?? own?.timezone ?? 'UTC';
  if (!isValidTimezone(timezone)) throw badInput(f('timezone'), `"${timezone}" is not an IANA timezone such as Europe/Berlin`);
  if (input.timeframe != null && !(timeframes as readonly string[]).includes(input.timeframe)) {
    throw badInput(f('timeframe'), `must be one of ${timeframes.join(', ')}`);
  }
  const range = resolveTimeRange(
    { timeframe: (input.timeframe as Timeframe) ?? null, from: toDate(input.from, f('from')), to: toDate(input.to, f('to')) },
    timezone,
    now,
    fieldPrefix,
  );

  const lists: UsageQuery['lists'] = {};
  for (const name of listFilters) {
    const values = input[name];
    if (values == null) continue;
    lists[name] = checkList(values, f(name));
  }
  const properties = (input.properties ?? []).map((p, i) => {
    if (!p || typeof p.key !== 'string' || !PROPERTY_KEY.test(p.key)) {
      throw badInput(f('properties'), `key of item ${i} must be 1–64 letters, digits, or _ . : -`);
    }
    if (typeof p.value !== 'string' || p.value.length > 500) throw badInput(f('properties'), `value of "${p.key}" must be a string of at most 500 characters`);
    return { key: p.key, value: p.value };
  });
  if (input.status != null && !(statusClasses as readonly string[]).includes(input.status)) {
    throw badInput(f('status'), `must be one of ${statusClasses.join(', ')}`);
  }

  return {
    tenantId: scope.tenantId,
    orgIds: resolveOrgIds(scope, input, orgs, f('subAccountIds')),
    range,
    lists,
    properties,
    status: (input.status as StatusClass) ?? null,
  };
}

/**
 * The organizations in view: the caller's tree (or sub-account) by default; the named
 * sub-accounts (with their own children) when given; only the caller's own organization when
 * includeSubAccounts is false. A sub-account may be named by its externalId or its id.
 */
function resolveOrgIds(scope: TenantScope, input: UsageFilterInput, orgs: OrgRow[], field: string): number[] | null {
  const visible = scope.orgIds ? new Set(scope.orgIds) : null;
  const include = input.includeSubAccounts ?? true;
  if (input.subAccountIds == null) {
    if (!include) return [scope.orgId];
    return scope.orgIds ? [...scope.orgIds] : null;
  }
  const ids = new Set<number>();
  for (const name of checkList(input.subAccountIds, field)) {
    const org = orgs.find((o) => o.external_id === name || String(o.id) === name);
    if (!org || (visible && !visible.has(org.id))) throw badInput(field, `"${name}" is not a sub-account in your organization`);
    ids.add(org.id);
    if (include) for (const d of descendants(org.id, orgs)) ids.add(d);
  }
  return [...ids].sort((a, b) => a - b);
}

function descendants(id: number, orgs: OrgRow[]): number[] {
  const out: number[] = [];
  for (const o of orgs) if (o.parent_id === id) out.push(o.id, ...descendants(o.id, orgs));
  return out;
}

function checkList(values: unknown, field: string): string[] {
  if (!Array.isArray(values)) throw badInput(field, 'must be a list of strings');
  if (values.length > MAX_LIST) throw badInput(field, `may hold at most ${MAX_LIST} values`);
  for (const v of values) {
    if (typeof v !== 'string' || v.length === 0 || v.length > 500) throw badInput(field, 'values must be non-empty strings of at most 500 characters');
  }
  return [...new Set(values as string[])];
}

function toDate(v: Date | string | null | undefined, field: string): Date | null {
  if (v == null) return null;
  const d = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(d.getTime())) throw badInput(field, 'is not a valid ISO 8601 instant');
  return d;
}

/** The same query over another range (the previous period, a live sliding window, …). */
export function withRange(q: UsageQuery, from: Date, to: Date): UsageQuery {
  return { ...q, range: { ...q.range, from, to } };
}
