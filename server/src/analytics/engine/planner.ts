import { DateTime } from 'luxon';
import { baseAggregates, creditsAggregate } from '../catalog/aggregates.js';
import type { ComponentName } from '../catalog/measures.js';
import { cubes, cubeSource, BUCKET_SQL, type Cube } from '../rollups/cubes.js';
import { percentilesFromBuckets, type SparseBucket } from '../rollups/histogram.js';
import type { UsageQuery } from '../query.js';
import { Params, type CompiledSql } from '../sql/params.js';
import { filterConditions, filteredColumns, keyCondition } from '../sql/where.js';
import { hasWholeHourOffsets } from '../time-range.js';
import { rawBase, rawComponent, rawSource } from './raw.js';
import { isComponent, type AggregateRequest } from './request.js';
import { splitRange, splitWeeks, type Span } from './segments.js';
import { spanComponent } from './spans.js';
import { dailyUsers } from './daily-users.js';
import { WEEK_MARK, weekTwins } from '../rollups/week-mark.js';

/**
 * Picks, per component, the cheapest source that answers the request exactly: whole UTC days
 * from a day-grain cube, edge hours from its hour-grain twin, the rest (sub-hour edges, or
 * everything a cube cannot carry) from the raw table. The caller never chooses a table.
 */
export function plan(req: AggregateRequest): CompiledSql[] {
  const out: CompiledSql[] = [];
  const components = [...req.needs].filter(isComponent);
  if (components.length < req.needs.size || components.length === 0) out.push(planBase(req));
  for (const c of components) out.push(planComponent(req, c));
  return out;
}

// --- which cubes can answer -------------------------------------------------------------------

interface Family {
  day?: Cube;
  hour?: Cube;
  /** Whole UTC weeks inside the days, where there is a week twin. */
  week?: Cube;
  columns: Set<string>;
}

const families: Family[] = [];
for (const c of cubes.filter((x) => x.kind === 'additive')) {
  const columns = new Set(c.dims.map((d) => d.name));
  let f = families.find((x) => x.columns.size === columns.size && [...columns].every((k) => x.columns.has(k)));
  if (!f) families.push((f = { columns }));
  f[c.grain as 'day' | 'hour' | 'week'] = c;
}

/** The cube columns a request needs: filtered columns, the organization restriction, the group column. */
export function requiredColumns(req: AggregateRequest): Set<string> | null {
  const cols = filteredColumns(req.query);
  if (req.query.orgIds) cols.add('org_id');
  for (const d of [req.group.kind === 'dimension' ? req.group.dimension : null, req.exclude?.dimension ?? null, req.only?.dimension ?? null]) {
    if (!d) continue;
    if (d.name === 'PROPERTY') cols.add('property_value');
    else if (d.column) cols.add(d.column);
    else return null;
  }
  return cols;
}

const canServe = (f: Family, cols: Set<string>) => [...cols].every((c) => f.columns.has(c));

/** A time span of a cube read: week twins hold the weeks before the week mark, day twins the rest (rollups/week-mark.ts). */
type Part = Span & { mark?: 'before' | 'from' };

/** Whole UTC weeks of `days` for the week twin (those before the mark), and days for the day twin (the rest). */
function weekParts(days: Span[], enabled: boolean): { weeks: Part[]; days: Part[] } {
  const split = splitWeeks(days, enabled);
  return { weeks: split.weeks.map((w) => ({ ...w, mark: 'before' })), days: [...split.days, ...split.weeks.map((w): Part => ({ ...w, mark: 'from' }))] };
}

/** `[from, to)` on the time column of cube rows `r`, cut at the week mark where the part says. */
function within(time: string, parts: Part[], p: Params): string {
  // The mark as a separate condition: the bound range keeps PostgreSQL's row estimate (a bound
  // like least($to, mark) is unknown to it, and a 100× underestimate picked slower plans).
  const one = (s: Part) => {
    const mark = s.mark === 'before' ? ` and r.${time} < ${WEEK_MARK}` : s.mark === 'from' ? ` and r.${time} >= ${WEEK_MARK}` : '';
    return `(r.${time} >= ${p.add(s.from)} and r.${time} < ${p.add(s.to)}${mark})`;
  };
  return `(${parts.map(one).join(' or ')})`;
}

/** Key SQL over a cube row `r`. */
function cubeKey(req: AggregateRequest, p: Params, time: string): { key: string; where: string[] } {
  const where: string[] = [];
  if (req.group.kind === 'bucket') return { key: `date_trunc(${p.add(req.group.unit)}, r.${time}, ${p.add(req.query.range.timezone)})`, where };
  if (req.group.kind === 'dimension') {
    const d = req.group.dimension;
    if (d.name === 'PROPERTY') {
      where.push(`r.property_key = ${p.add(req.group.propertyKey)}`);
      return { key: 'r.property_value', where };
    }
    return { key: `r.${d.column}::text`, where };
  }
  return { key: 'null::text', where };
}

/** Conditions leaving out the keys of an "Other" row (or keeping only a page's keys), over rows `alias` carrying the dimension's column. */
export function excludeConditions(req: AggregateRequest, p: Params, alias: string): string[] {
  const out: string[] = [];
  for (const [set, keep] of [[req.exclude, false], [req.only, true]] as const) {
    if (!set) continue;
    let k = `${alias}.${set.dimension.column}::text`;
    if (set.dimension.name === 'PROPERTY') {
      out.push(`${alias}.property_key = ${p.add(set.propertyKey)}`);
      k = `${alias}.property_value`;
    }
    out.push(keyCondition(k, set.keys, keep, p));
  }
  return out;
}

const cubeExclude = (req: AggregateRequest, p: Params) => excludeConditions(req, p, 'r');

/** True when buckets of this request are unions of UTC days (a day-grain cube can serve them). */
export function bucketsAreUtcDays(req: AggregateRequest): boolean {
  if (req.group.kind !== 'bucket') return true;
  if (req.group.unit === 'hour') return false;
  const zone = DateTime.fromJSDate(req.from, { zone: req.query.range.timezone }).zone;
  for (let t = req.from.getTime(); t <= req.to.getTime(); t += 6 * 3_600_000) if (zone.offset(t) !== 0) return false;
  return zone.offset(req.to.getTime()) === 0;
}

function spansFor(req: AggregateRequest, f: { day?: unknown; hour?: unknown }): ReturnType<typeof splitRange> | null {
  const wholeHours = hasWholeHourOffsets(req.query.range.timezone, req.from, req.to);
  if (req.group.kind === 'bucket') {
    if (f.day && bucketsAreUtcDays(req)) return splitRange(req.from, req.to, { day: true, hour: !!f.hour });
    if (f.hour && wholeHours) return splitRange(req.from, req.to, { day: false, hour: true });
    return null;
  }
  return splitRange(req.from, req.to, { day: !!f.day, hour: !!f.hour });
}

// --- additive measures ----------------------------------------------------------------------

function planBase(req: AggregateRequest): CompiledSql {
  const cols = requiredColumns(req);
  const byProperty = (req.group.kind === 'dimension' && req.group.dimension.name === 'PROPERTY') || req.exclude?.dimension.name === 'PROPERTY';
  // The property cube answers a breakdown by one key (its "(none)" row is the org totals minus the
  // keyed rows); with property filters or an "Other" row the raw table does.
  if (cols && !(byProperty && (req.query.properties.length || req.exclude))) {
    const family = families.filter((f) => canServe(f, cols) && (req.group.kind !== 'dimension' || req.group.dimension.name !== 'PROPERTY' || f.columns.has('property_key')))[0];
    const split = family && spansFor(req, family);
    if (family && split && (split.days.length || split.hours.length)) return cubeBase(req, family, split);
  }
  return rawBase(req);
}

function cubeBase(req: AggregateRequest, family: Family, split: ReturnType<typeof splitRange>): CompiledSql {
  const p = new Params();
  const credits = req.needs.has('credits');
  const wanted = baseAggregates.filter((a) => req.needs.has(a.name) || (a.name === 'requests' && !credits && ![...req.needs].some((n) => !isComponent(n))));
  const parts: string[] = [];
  const cubeSelect = (cube: Cube, spans: Part[]) => {
    const time = cube.grain;
    const { key, where } = cubeKey(req, p, time);
    const cond = [...filterConditions(req.query, p, 'r'), ...where, ...cubeExclude(req, p), within(time, spans, p)];
    if (!credits) {
      // The cube's rows as they are: the outer aggregation (sums, max) merges every part at once,
      // where a second level cost a hash aggregate per part (top 20 users: 30k rows twice).
      return `select ${key} as k, ${[...wanted.map((a) => `r.${a.name}`), '1::bigint as _rows'].join(', ')} from ${cubeSource(cube)} r where ${cond.join(' and ')}`;
    }
    const aggs = wanted.map((a) => `${a.merge} as ${a.name}`);
    aggs.push(`${creditsAggregate.merge} as credits`, 'count(*) as _rows');
    return `select ${key} as k, ${aggs.join(', ')} from ${cubeSource(cube)} r join organization o on o.id = r.org_id where ${cond.join(' and ')} group by 1`;
  };
  // Whole UTC weeks from the week twin (not for time buckets: a week row spans several days).
  const byWeek = weekParts(split.days, !!family.week && req.group.kind !== 'bucket');
  if (byWeek.weeks.length) parts.push(cubeSelect(family.week!, byWeek.weeks));
  if (byWeek.days.length) parts.push(cubeSelect(family.day!, byWeek.days));
  if (split.hours.length) parts.push(cubeSelect(family.hour!, split.hours));
  if (family.columns.has('property_key') && req.group.kind === 'dimension') {
    // Events without the key: all events (organization cube) minus those with it (negated).
    const orgFamily = families.find((f) => f.columns.size === 1 && f.columns.has('org_id'))!;
    parts.push(cubeSelectNone(orgFamily.day!, split.days, false), cubeSelectNone(family.day!, split.days, true));
  }
  function cubeSelectNone(cube: Cube, spans: Span[], negate: boolean): string {
    const time = cube.grain;
    const where = negate && req.group.kind === 'dimension' ? [`r.property_key = ${p.add(req.group.propertyKey)}`] : [];
    const cond = [...filterConditions(req.query, p, 'r'), ...where, `(${spans.map((s) => `(r.${time} >= ${p.add(s.from)} and r.${time} < ${p.add(s.to)})`).join(' or ')})`];
    const sign = negate ? '-' : '';
    const aggs = wanted.map((a) => (a.name === 'last_ts' ? `${negate ? 'null::timestamptz' : a.merge} as ${a.name}` : `${sign}${a.merge} as ${a.name}`));
    if (credits) aggs.push(`${sign}${creditsAggregate.merge} as credits`);
    aggs.push(`${sign}sum(r.requests) as _rows`);
    return `select null::text as k, ${aggs.join(', ')} from ${cubeSource(cube)} r${credits ? ' join organization o on o.id = r.org_id' : ''} where ${cond.join(' and ')}`;
  }
  if (split.raw.length) {
    const raw = rawBase({ ...req, needs: new Set([...wanted.map((a) => a.name), ...(credits ? ['credits' as const] : [])]) }, split.raw, p);
    parts.push(raw.text.replace(/ from /, ', count(*) as _rows from '));
  }
  const outer = wanted.map((a) => (a.name === 'last_ts' ? 'max(x.last_ts) as last_ts' : `sum(x.${a.name}) as ${a.name}`));
  if (credits) outer.push('sum(x.credits) as credits');
  // A key with no rows anywhere must not appear (sum over zero rows would still yield a group).
  const text = `select x.k, ${outer.length ? outer.join(', ') : 'sum(x._rows) as _rows'} from (${parts.join('\nunion all\n')}) x group by x.k having sum(x._rows) > 0`;
  return { name: `cube.${family.day?.name ?? family.hour?.name}`, text, values: p.values, post: (rows) => rows.map(({ _rows, ...r }) => r) };
}

// --- components ------------------------------------------------------------------------------

function planComponent(req: AggregateRequest, c: ComponentName): CompiledSql {
  if (c === 'users') return dailyUsers(req) ?? usersFromMasks(req) ?? rawComponent(req, c);
  if (c === 'latency' || c === 'ttft') return percentilesFromCube(req, c) ?? rawComponent(req, c);
  return spanComponent(req, c) ?? rawComponent(req, c);
}

const USER_CUBE = cubes.find((c) => c.hourMask)!;
const USER_MONTH = cubes.find((c) => c.kind === 'presence' && c.grain === 'month')!;

/**
 * Exact distinct users from the per-day user cube: each row keeps a 24-bit mask of the UTC hours
 * the user was active, so any hour-aligned range or bucket (in any whole-hour-offset timezone)
 * is a set of (day, mask) pairs. Sub-hour edges come from raw events; the union is counted once.
 */
function usersFromMasks(req: AggregateRequest): CompiledSql | null {
  const cols = requiredColumns(req);
  if (!cols || ![...cols].every((c) => USER_CUBE.dims.some((d) => d.name === c))) return null;
  if (!hasWholeHourOffsets(req.query.range.timezone, req.from, req.to)) return null;
  const split = splitRange(req.from, req.to, { day: false, hour: true });
  if (!split.hours.length) return null;
  const p = new Params();
  const days: Date[] = [];
  const buckets: (Date | null)[] = [];
  const masks: number[] = [];
  const bucketOf = req.group.kind === 'bucket' ? bucketFn(req.group.unit, req.query.range.timezone) : () => null;
  const acc = new Map<string, { day: number; bucket: Date | null; mask: number }>();
  for (const span of split.hours) {
    for (let h = span.from.getTime(); h < span.to.getTime(); h += 3_600_000) {
      const day = Math.floor(h / 86_400_000) * 86_400_000;
      const bucket = bucketOf(h);
      const id = `${day}|${bucket?.getTime() ?? ''}`;
      const entry = acc.get(id) ?? { day, bucket, mask: 0 };
      entry.mask |= 1 << Math.round((h - day) / 3_600_000);
      acc.set(id, entry);
    }
  }
  // Whole UTC days (every hour in range, and in one bucket when bucketed) are read by day alone;
  // only edge days go through the (day, bucket, mask) join.
  const fullDays: Date[] = [];
  const fullBuckets: (Date | null)[] = [];
  const wholeDayBuckets = req.group.kind !== 'bucket' || bucketsAreUtcDays(req);
  for (const e of acc.values()) {
    if (e.mask === 0xffffff && wholeDayBuckets) {
      fullDays.push(new Date(e.day));
      fullBuckets.push(e.bucket);
      continue;
    }
    days.push(new Date(e.day));
    buckets.push(e.bucket);
    masks.push(e.mask);
  }
  const dimKey = req.group.kind === 'dimension' ? `r.${req.group.dimension.column}::text` : 'null::text';
  const cond = [...filterConditions(req.query, p, 'r'), ...cubeExclude(req, p)];
  const parts: string[] = [];
  if (fullDays.length && req.group.kind !== 'bucket') {
    // Whole days as (UTC month, mask of its days) against the month cube: one row per user and month.
    const months = new Map<number, number>();
    for (const d of fullDays) {
      const t = new Date(d);
      const month = Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1);
      months.set(month, (months.get(month) ?? 0) | (1 << (t.getUTCDate() - 1)));
    }
    const monthsP = p.add([...months.keys()].map((m) => new Date(m)));
    parts.push(`select ${dimKey} as k, r.user_id as u from ${cubeSource(USER_MONTH)} r
       join unnest(${monthsP}::timestamptz[], ${p.add([...months.values()])}::int[]) as s(month, mask) on r.month = s.month and (r.day_mask & s.mask) <> 0
      where ${cond.join(' and ')} and r.month = any(${monthsP}::timestamptz[])`);
  } else if (fullDays.length) {
    // A day's bucket comes from a small join (computing it per row in the zone costs more).
    parts.push(`select s.bucket as k, r.user_id as u from ${cubeSource(USER_CUBE)} r
       join unnest(${p.add(fullDays)}::timestamptz[], ${p.add(fullBuckets)}::timestamptz[]) as s(day, bucket) on r.day = s.day
      where ${cond.join(' and ')} and r.day = any(${p.add(fullDays)}::timestamptz[])`);
  }
  if (days.length) {
    const key = req.group.kind === 'bucket' ? 's.bucket' : dimKey;
    parts.push(`select ${key} as k, r.user_id as u from ${cubeSource(USER_CUBE)} r
       join unnest(${p.add(days)}::timestamptz[], ${p.add(buckets)}::timestamptz[], ${p.add(masks)}::int[]) as s(day, bucket, mask)
         on r.day = s.day and (r.hour_mask & s.mask) <> 0
      where ${cond.join(' and ')} and r.day = any(${p.add(days)}::timestamptz[])`);
  }
  if (split.raw.length) {
    const src = rawSource(req, p, split.raw);
    parts.push(`select ${src.key} as k, e.user_id as u from ${src.from} where ${src.where}`);
  }
  // Distinct pairs first, then a count per key: a hash aggregate, where count(DISTINCT) would sort.
  const text = `select k, count(*) as active_users from (select x.k, x.u from (${parts.join('\nunion all\n')}) x where x.u is not null group by 1, 2) d group by k`;
  return { name: 'cube.users', text, values: p.values };
}

function bucketFn(unit: 'hour' | 'day' | 'week' | 'month', timezone: string) {
  const cache = new Map<number, Date>();
  return (ms: number): Date => {
    let b = cache.get(ms);
    if (!b) cache.set(ms, (b = DateTime.fromMillis(ms, { zone: timezone }).startOf(unit).toJSDate()));
    return b;
  };
}

const HISTOGRAMS = cubes.filter((c) => c.kind === 'histogram');

/**
 * Percentiles from histogram cubes (whole-tenant views filtered at most by the cube's own column):
 * whole UTC days from the day cube, hours (edges, or hourly buckets) from its hour twin where
 * there is one, the rest bucketed from raw events the same way. Within 1.49% (histogram.ts).
 */
function percentilesFromCube(req: AggregateRequest, c: 'latency' | 'ttft'): CompiledSql | null {
  const cols = requiredColumns(req);
  if (!cols || req.query.orgIds) return null;
  const metric = c === 'latency' ? 1 : 2;
  const fits = (h: Cube) => (h.metrics ?? [1, 2]).includes(metric) && [...cols].every((col) => h.dims.some((d) => d.name === col));
  const day = HISTOGRAMS.find((h) => h.grain === 'day' && fits(h));
  const hour = HISTOGRAMS.find((h) => h.grain === 'hour' && fits(h) && (!day || h.dims.length === day.dims.length));
  // A week twin: the same key and metrics by UTC week (whole weeks of a range that is not bucketed).
  const week = weekTwins.find((w) => w.day === day && fits(w.week))?.week;
  const split = spansFor(req, { day: !!day, hour: !!hour });
  if (!split || (!split.days.length && !split.hours.length)) return null;
  const byWeek = weekParts(split.days, !!week && req.group.kind !== 'bucket');
  const p = new Params();
  const column = c === 'latency' ? 'latency_ms' : 'ttft_ms';
  const parts: string[] = [];
  for (const [cube, spans] of [[week, byWeek.weeks], [day, byWeek.days], [hour, split.hours]] as const) {
    if (!cube || !spans.length) continue;
    const time = cube.grain;
    const { key, where } = cubeKey(req, p, time);
    const cond = [...filterConditions(req.query, p, 'r'), ...where, ...cubeExclude(req, p), `r.metric = ${metric}`, within(time, spans, p)];
    // Not grouped here: the one aggregation below merges every part (a second level cost ~15%).
    parts.push(`select ${key} as k, r.bucket, r.n from ${cubeSource(cube)} r where ${cond.join(' and ')}`);
  }
  if (split.raw.length) {
    const src = rawSource(req, p, split.raw);
    parts.push(`select ${src.key} as k, ${BUCKET_SQL(`e.${column}`)} as bucket, count(*) as n from ${src.from} where ${src.where} and e.${column} is not null group by 1, 2`);
  }
  const cube = day ?? hour!;
  const fractions = c === 'latency' ? [0.5, 0.95, 0.99] : [0.95];
  // Only the buckets holding a rank the percentiles need travel to Node (a few per key, where a
  // page of 50 agents over 30 days has ~70k bucket rows), each with the count before it.
  // In float8 (counts stay exact below 2^53), with each rank written out: numeric sums and a join
  // to an array of fractions cost more than the histogram reads.
  const ranks = (x: string) => `(c.before <= ${x} and ${x} < c.before + c.n)`;
  const wanted = fractions.flatMap((f) => [ranks(`floor(${f}::float8 * (c.total - 1))`), ranks(`ceil(${f}::float8 * (c.total - 1))`)]);
  const text = `with h as (select x.k, x.bucket, sum(x.n)::float8 as n from (${parts.join('\nunion all\n')}) x group by 1, 2 having sum(x.n) > 0),
    c as (select k, bucket, n, sum(n) over (partition by k order by bucket) - n as before, sum(n) over (partition by k) as total from h)
    select k, bucket, n, before, total from c where ${wanted.join(' or ')}`;
  return {
    name: `cube.${cube.name}`,
    text,
    values: p.values,
    post: (rows) => {
      const byKey = new Map<unknown, { k: unknown; total: number; buckets: SparseBucket[] }>();
      for (const r of rows) {
        const id = r.k instanceof Date ? r.k.getTime() : r.k;
        let e = byKey.get(id);
        if (!e) byKey.set(id, (e = { k: r.k, total: Number(r.total), buckets: [] }));
        e.buckets.push({ bucket: Number(r.bucket), n: Number(r.n), before: Number(r.before) });
      }
      return [...byKey.values()].map(({ k, total, buckets }) => {
        const ps = percentilesFromBuckets(buckets, total, fractions);
        return c === 'latency' ? { k, latency_p50: ps[0], latency_p95: ps[1], latency_p99: ps[2] } : { k, ttft_p95: ps[0] };
      });
    },
  };
}

/**
 * SQL for "most common value per key" (an agent's model, a model's provider), optionally for some
 * keys only: whole UTC days from a cube carrying both columns, the edges from raw events.
 */
export function mostCommonSql(q: UsageQuery, key: string, value: string, p: Params, keys?: (string | null)[]): string {
  const cols = filteredColumns(q);
  if (q.orgIds) cols.add('org_id');
  cols.add(key);
  cols.add(value);
  const family = families.find((f) => canServe(f, cols) && f.day);
  const split = family ? splitRange(q.range.from, q.range.to, { day: true, hour: false }) : { days: [], raw: [{ from: q.range.from, to: q.range.to }] };
  const byWeek = weekParts(split.days, !!family?.week);
  const parts: string[] = [];
  for (const [cube, spans] of [[family?.week, byWeek.weeks], [family?.day, byWeek.days]] as const) {
    for (const d of spans) {
      const t = cube!.grain;
      const cond = [...filterConditions(q, p, 'r'), within(t, [d], p), ...(keys ? [keyCondition(`r.${key}`, keys, true, p)] : [])];
      parts.push(`select r.${key} as k, r.${value} as v, sum(r.requests) as c from ${cubeSource(cube!)} r where ${cond.join(' and ')} group by 1, 2`);
    }
  }
  if (split.raw.length) {
    const time = split.raw.map((s) => `(e.ts >= ${p.add(s.from)} and e.ts < ${p.add(s.to)})`).join(' or ');
    const cond = [...filterConditions(q, p, 'e'), `(${time})`, ...(keys ? [keyCondition(`e.${key}`, keys, true, p)] : [])];
    parts.push(`select e.${key} as k, e.${value} as v, count(*) as c from usage_event e where ${cond.join(' and ')} group by 1, 2`);
  }
  return `select distinct on (k) k, v from (select k, v, sum(c) as c from (${parts.join('\nunion all\n')}) x group by 1, 2) s
    order by k, c desc, v`;
}
