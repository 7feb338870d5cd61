/**
 * The usage filter as it lives in the URL query. The parameter names are the UsageFilter field
 * names of the API, which are also the query parameters of the CSV endpoints, so a dashboard URL's
 * query can be handed to a CSV download as it is. Pure functions; see usage-filter.test.ts.
 */
export const TIMEFRAMES = [
  'TODAY', 'YESTERDAY', 'THIS_WEEK', 'THIS_MONTH', 'LAST_WEEK', 'LAST_MONTH', 'LAST_7_DAYS', 'LAST_30_DAYS',
  'LAST_90_DAYS', 'LAST_3_MONTHS', 'LAST_6_MONTHS', 'LAST_12_MONTHS', 'CUSTOM',
] as const;
export type TimeframeName = (typeof TIMEFRAMES)[number];
export const DEFAULT_TIMEFRAME: TimeframeName = 'LAST_7_DAYS';

export const STATUS_CLASSES = ['SUCCESS', 'ERROR', 'CLIENT_ERROR', 'SERVER_ERROR'] as const;
export type StatusClassName = (typeof STATUS_CLASSES)[number];

/** The list-valued fields of UsageFilter, in the order the filter bar shows them. */
export const LIST_FIELDS = ['subAccountIds', 'teamIds', 'userIds', 'models', 'providers', 'agentIds', 'agentTypes', 'features'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export interface PropertyFilterInput {
  key: string;
  value: string;
}

/** Structurally the API's UsageFilter input (the generated type is assignable to and from it). */
export interface UsageFilterInput {
  timeframe?: TimeframeName;
  from?: string;
  to?: string;
  timezone?: string;
  subAccountIds?: string[];
  teamIds?: string[];
  userIds?: string[];
  models?: string[];
  providers?: string[];
  agentIds?: string[];
  agentTypes?: string[];
  features?: string[];
  properties?: PropertyFilterInput[];
  status?: StatusClassName;
}

type QueryValue = string | null | (string | null)[] | undefined;
export type QueryLike = Record<string, QueryValue>;

const PROPERTY_PREFIX = 'property.';
/** Query parameters this module owns; everything else (sort, page) belongs to the page. */
export function isFilterParam(name: string): boolean {
  return name === 'timeframe' || name === 'from' || name === 'to' || name === 'timezone' || name === 'status'
    || (LIST_FIELDS as readonly string[]).includes(name) || name.startsWith(PROPERTY_PREFIX);
}

function values(v: QueryValue): string[] {
  const list = Array.isArray(v) ? v : v == null ? [] : [v];
  // Both repeated parameters and comma-separated values are accepted, as the CSV endpoints do.
  return list.flatMap((s) => (s ?? '').split(',')).map((s) => s.trim()).filter(Boolean);
}
function single(v: QueryValue): string | undefined {
  return values(v)[0];
}

export function filterFromQuery(query: QueryLike): UsageFilterInput {
  const filter: UsageFilterInput = {};
  const timeframe = single(query.timeframe)?.toUpperCase();
  filter.timeframe = (TIMEFRAMES as readonly string[]).includes(timeframe ?? '') ? (timeframe as TimeframeName) : DEFAULT_TIMEFRAME;
  if (filter.timeframe === 'CUSTOM') {
    const from = single(query.from);
    const to = single(query.to);
    if (from && !Number.isNaN(Date.parse(from))) filter.from = from;
    if (to && !Number.isNaN(Date.parse(to))) filter.to = to;
    // A custom range without both ends falls back to the default preset rather than failing.
    if (!filter.from || !filter.to) {
      filter.timeframe = DEFAULT_TIMEFRAME;
      delete filter.from;
      delete filter.to;
    }
  }
  const timezone = single(query.timezone);
  if (timezone) filter.timezone = timezone;
  for (const field of LIST_FIELDS) {
    const list = [...new Set(values(query[field]))];
    if (list.length) filter[field] = list;
  }
  const properties = Object.keys(query)
    .filter((k) => k.startsWith(PROPERTY_PREFIX) && k.length > PROPERTY_PREFIX.length)
    .sort()
    .flatMap((k) => values(query[k]).map((value) => ({ key: k.slice(PROPERTY_PREFIX.length), value })));
  if (properties.length) filter.properties = properties;
  const status = single(query.status)?.toUpperCase();
  if ((STATUS_CLASSES as readonly string[]).includes(status ?? '')) filter.status = status as StatusClassName;
  return filter;
}

/** The inverse of filterFromQuery; defaults are left out so URLs stay short. */
export function queryFromFilter(filter: UsageFilterInput): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  if (filter.timeframe && filter.timeframe !== DEFAULT_TIMEFRAME) query.timeframe = filter.timeframe;
  if (filter.timeframe === 'CUSTOM') {
    if (filter.from) query.from = filter.from;
    if (filter.to) query.to = filter.to;
  }
  if (filter.timezone) query.timezone = filter.timezone;
  for (const field of LIST_FIELDS) {
    const list = filter[field];
    if (list?.length) query[field] = list.length === 1 ? list[0]! : [...list];
  }
  for (const { key, value } of filter.properties ?? []) {
    const name = PROPERTY_PREFIX + key;
    const existing = query[name];
    query[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  if (filter.status) query.status = filter.status;
  return query;
}

/** The filter as a URLSearchParams string for the CSV endpoints (repeated parameters for lists). */
export function searchParamsFromFilter(filter: UsageFilterInput, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams();
  const query = queryFromFilter(filter);
  // The CSV endpoint has no notion of our default: say the timeframe explicitly.
  if (!query.timeframe && filter.timeframe) query.timeframe = filter.timeframe;
  for (const [k, v] of Object.entries(query)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params;
}

/**
 * The instant at which a calendar day starts in an IANA timezone (for the custom range picker):
 * zonedDayStart('2026-03-29', 'Europe/Berlin') → '2026-03-28T23:00:00.000Z'.
 */
export function zonedDayStart(date: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utcGuess = Date.UTC(y, m - 1, d);
  let instant = utcGuess - offsetMs(utcGuess, timeZone);
  // Once more, for a day on which the offset changes between the guess and the answer (DST).
  instant = utcGuess - offsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a timezone. */
export function zonedDate(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
  return parts;
}

function offsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

export const TIMEFRAME_LABELS: Record<TimeframeName, string> = {
  TODAY: 'Today',
  YESTERDAY: 'Yesterday',
  THIS_WEEK: 'This week',
  THIS_MONTH: 'This month',
  LAST_WEEK: 'Last week',
  LAST_MONTH: 'Last month',
  LAST_7_DAYS: 'Last 7 days',
  LAST_30_DAYS: 'Last 30 days',
  LAST_90_DAYS: 'Last 90 days',
  LAST_3_MONTHS: 'Last 3 months',
  LAST_6_MONTHS: 'Last 6 months',
  LAST_12_MONTHS: 'Last 12 months',
  CUSTOM: 'Custom range',
};
