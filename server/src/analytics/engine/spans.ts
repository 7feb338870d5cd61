import { PENDING_TABLE } from '../rollups/cubes.js';
import { eventEnd, mergeUnit, micros, spanColumns, spans, unitSelect, LONG_SPAN, CROSSES_MIDNIGHT, type SpanTable } from '../rollups/spans.js';
import { Params, type CompiledSql } from '../sql/params.js';
import { filterConditions } from '../sql/where.js';
import { bucketStarts } from '../time-range.js';
import { bucketsAreUtcDays, excludeConditions, requiredColumns } from './planner.js';
import { rawComponent, rawSource } from './raw.js';
import type { AggregateRequest } from './request.js';
import { splitRange } from './segments.js';

const DAY = 86_400_000;

/**
 * Exact sessions (count, durations) or agent runs (count, failures) over [from, to), per key.
 *
 * Every unit is counted once, in the bucket (or range) its first event falls in, with its full
 * duration or outcome: whole UTC days from the start cube, the rest from the span table by
 * `min_ts`. That is exact for every unit that lies inside one bucket. The units that cross a
 * boundary (the range's edges, or the buckets' starts) are then taken out again and added back
 * from their raw events in range, per bucket: a session crossing midnight counts in both days,
 * each with its own part of the duration, as a distinct count over raw events would.
 *
 * A unit whose events disagree on an attribute the query filters or groups on (a run of two
 * users, say) cannot be placed by its attributes: the statement reports such units and the
 * engine answers from raw events instead (`fallback`).
 */
export function spanComponent(req: AggregateRequest, c: 'sessions' | 'runs'): CompiledSql | null {
  const cols = requiredColumns(req);
  if (!cols) return null;
  const span = spans.find((s) => s.kind === c && [...cols].every((x) => spanColumns(s).has(x)));
  if (!span) return null;
  const bounds = boundaries(req);
  if (!bounds) return null;

  const p = new Params();
  const runs = c === 'runs';
  const mask = span.attrs.filter((a) => cols.has(a.name)).reduce((m, a) => m | a.bit, 0);
  const unitP = req.group.kind === 'bucket' ? p.add(req.group.unit) : null;
  const tzP = unitP ? p.add(req.query.range.timezone) : null;
  const keyOf = (alias: string, time: string) => {
    if (req.group.kind === 'bucket') return `date_trunc(${unitP}, ${alias}.${time}, ${tzP})`;
    if (req.group.kind === 'dimension') return `${alias}.${req.group.dimension.column}::text`;
    return 'null::text';
  };
  const cond = (alias: string) => [...filterConditions(req.query, p, alias), ...excludeConditions(req, p, alias)];
  const value = (alias: string) => (runs ? `${alias}.failed::int` : micros(`${alias}.max_end`, `${alias}.min_ts`));
  const mixedOf = (alias: string, units: string) => (mask ? `case when (${alias}.mixed & ${mask}) <> 0 then ${units} else 0 end` : '0');
  const from = p.add(req.from);
  const to = p.add(req.to);
  const tenant = p.add(req.query.tenantId);

  // 1. Units by the bucket of their first event: whole UTC days from a start cube keyed by what the
  //    query needs (when the buckets are unions of UTC days), everything else from the span table.
  const parts: string[] = [];
  const start = span.starts.find((x) => [...cols].every((col) => x.dims.includes(col)));
  const split = start && bucketsAreUtcDays(req) ? splitRange(req.from, req.to, { day: true, hour: false }) : { days: [], raw: [{ from: req.from, to: req.to }] };
  for (const d of split.days) {
    parts.push(`select ${keyOf('c', 'day')} as k, c.units, c.${runs ? 'failed' : 'dur_us'} as m, ${mixedOf('c', 'c.units')} as mixed
      from ${start!.name} c where ${cond('c').join(' and ')} and c.day >= ${p.add(d.from)} and c.day < ${p.add(d.to)}`);
  }
  if (split.raw.length) {
    const within = split.raw.map((s) => `(s.min_ts >= ${p.add(s.from)} and s.min_ts < ${p.add(s.to)})`).join(' or ');
    parts.push(`select ${keyOf('s', 'min_ts')} as k, 1 as units, ${value('s')} as m, ${mixedOf('s', '1')} as mixed from ${span.name} s where ${cond('s').join(' and ')} and (${within})`);
  }

  // 2. Units crossing a boundary: out with what step 1 counted, in with their events in range.
  const midnights = bounds.filter((b) => b.getTime() % DAY === 0);
  const others = bounds.filter((b) => b.getTime() % DAY !== 0);
  const crossing = `
    xb as (
      select b.t as b, s.* from unnest(${p.add(midnights)}::timestamptz[]) as b(t)
        join ${span.name} s on s.tenant_id = ${tenant} and ${CROSSES_MIDNIGHT('s')}
         and s.max_ts >= b.t and s.max_ts < b.t + ${LONG_SPAN} and s.min_ts < b.t
      union all
      select b.t, s.* from unnest(${p.add(others)}::timestamptz[]) as b(t)
        join ${span.name} s on s.tenant_id = ${tenant} and s.min_ts >= b.t - ${LONG_SPAN} and s.min_ts < b.t and s.max_ts >= b.t
      union all
      select b.t, s.* from unnest(${p.add(bounds)}::timestamptz[]) as b(t)
        join ${span.name} s on s.tenant_id = ${tenant} and s.max_ts - s.min_ts > ${LONG_SPAN} and s.max_ts >= b.t and s.min_ts < b.t
    ),
    w as (select b, greatest(min(min_ts), ${from}) as lo, least(max(max_ts), ${to}) as hi from xb group by b),
    ${pendingUnits(span, tenant, from, to, p.add(bounds))},
    x as (select distinct on (${span.ids.join(', ')}) * from (
      select ${unitColumns(span).join(', ')} from xb
      union all
      select ${unitColumns(span).join(', ')} from pw where tenant_id is not null) u)`;
  parts.push(`select ${keyOf('s', 'min_ts')}, -1, -${value('s')}, 0 from x s where ${cond('s').join(' and ')} and s.min_ts >= ${from} and s.min_ts < ${to}`);
  // A unit with pending events that crosses no boundary counts as its span row merged with them,
  // as the next fold will write it: no raw events read.
  const merged = `(select ${unitColumns(span).map((c) => (c === 'tenant_id' ? `${tenant}::int as tenant_id` : span.ids.includes(c) ? c : `n_${c} as ${c}`)).join(', ')} from pw where not crosses)`;
  parts.push(`select ${keyOf('s', 'min_ts')}, 1, ${value('s')}, ${mixedOf('s', '1')} from ${merged} s where ${cond('s').join(' and ')} and s.min_ts >= ${from} and s.min_ts < ${to}`);

  const src = rawSource(req, p);
  const eIds = span.ids.map((x) => `e.${x}`).join(', ');
  const raw = `select ${src.key} as k, ${eIds}, min(e.ts) as mn, max(${eventEnd('e')}) as mx, bool_or(e.status >= 400) as failed
      from w join ${src.from} on e.tenant_id = ${tenant} and e.ts >= w.lo and e.ts <= w.hi
     where ${src.where} and exists (select 1 from xb where xb.b = w.b and ${span.ids.map((x) => `xb.${x} is not distinct from e.${x}`).join(' and ')})
     group by 1, ${span.ids.map((_, i) => i + 2).join(', ')}`;
  // Units with pending events that cross a boundary: all their events in range (the pending ones are in usage_event too).
  const lastId = span.ids[span.ids.length - 1];
  const pendingRaw = `select ${src.key} as k, ${eIds}, min(e.ts) as mn, max(${eventEnd('e')}) as mx, bool_or(e.status >= 400) as failed
      from pw join ${src.from} on pw.crosses and e.tenant_id = ${tenant} and e.ts >= pw.lo and e.ts <= pw.hi and e.${lastId} = pw.${lastId}
       and ${span.ids.slice(0, -1).map((x) => `e.${x} is not distinct from pw.${x}`).concat('true').join(' and ')}
     where ${src.where}
     group by 1, ${span.ids.map((_, i) => i + 2).join(', ')}`;
  // Windows may overlap: merge each unit's parts per key (min, max and "any failure" are idempotent).
  parts.push(`select k, 1, ${runs ? 'bool_or(failed)::int' : micros('max(mx)', 'min(mn)')}, 0 from (${raw} union all ${pendingRaw}) r group by k, ${span.ids.join(', ')}`);

  const out = runs ? 'sum(m) as id_runs_failed, sum(units) as id_runs' : 'sum(units) as sessions, sum(m) / 1000.0 as session_duration_sum_ms';
  const text = `with ${crossing}
    select k, ${out}, sum(mixed) as _mixed from (${parts.join('\nunion all\n')}) z group by k having sum(units) <> 0`;
  return {
    name: `span.${span.name}`,
    text,
    values: p.values,
    post: (rows) => rows.map(({ _mixed, ...r }) => r),
    fallbackWhen: (rows) => rows.some((r) => Number(r._mixed) > 0),
    fallback: rawComponent(req, c),
  };
}

/** The span columns the correction reads: ids, attributes, times and outcome. */
const unitColumns = (span: SpanTable) => ['tenant_id', ...span.ids, ...span.attrs.map((a) => a.name), 'mixed', 'min_ts', 'max_ts', 'max_end', ...(span.kind === 'runs' ? ['failed'] : [])];

/**
 * CTEs `pend` (units of the events still pending, see rollups/pending.ts, grouped as a fold would)
 * and `pw`: each with its span row's columns (if it has one yet: what step 1 counted, taken out
 * again like crossing units), the row a fold would write (`n_*`, from `pend_merged`: the span row
 * merged with the pending events by mergeUnit, as the fold's upsert merges), whether that merged
 * unit crosses a boundary, and the window of its events clipped to the range. A merged unit inside one bucket is counted as is;
 * one that crosses a boundary is counted from its raw events (a live stream keeps thousands of
 * sessions pending: recounting every one from raw cost ~0.8 s per query for 5,000 pending events).
 *
 * A span row is found by its unique key; an id column that may be null (a session's events without
 * an agent) is matched in a second branch with IS NULL, which the index also serves.
 */
function pendingUnits(span: SpanTable, tenant: string, from: string, to: string, bounds: string): string {
  const nullable = span.ids.slice(0, -1);
  const match = (nulls: boolean) => span.ids.map((x) => (nulls && nullable.includes(x) ? `p.${x} is null and s.${x} is null` : `s.${x} = p.${x}`)).join(' and ');
  const branches = [match(false), ...(nullable.length ? [match(true)] : [])];
  const rowOf = branches.map((m) => `select * from ${span.name} s where s.tenant_id = ${tenant} and ${m}`).join(' union all ');
  const cols = unitColumns(span).filter((c) => !span.ids.includes(c));
  const next = mergeUnit(span, 's', 'p').map(([column, sql]) => `${sql} as n_${column}`);
  return `pend as (${unitSelect(span, `(select * from ${PENDING_TABLE} where tenant_id = ${tenant})`)}),
    pend_merged as (select ${span.ids.map((x) => `p.${x}`).join(', ')}, ${cols.map((c) => `s.${c}`).join(', ')}, ${next.join(', ')}
      from pend p left join lateral (${rowOf}) s on true),
    pw as (select m.*, exists (select 1 from unnest(${bounds}::timestamptz[]) b(t) where m.n_min_ts < b.t and m.n_max_ts >= b.t) as crosses,
        greatest(m.n_min_ts, ${from}) as lo, least(m.n_max_ts, ${to}) as hi
      from pend_merged m)`;
}

/** The instants where counting changes: the range's edges and, for a series, each bucket's start. */
function boundaries(req: AggregateRequest): Date[] | null {
  if (req.group.kind !== 'bucket') return [req.from, req.to];
  const starts = bucketStarts(req.from, req.to, req.group.unit, req.query.range.timezone);
  if (starts.length > 400) return null;
  return [...starts.filter((b) => b > req.from), req.from, req.to].sort((a, b) => a.getTime() - b.getTime());
}

