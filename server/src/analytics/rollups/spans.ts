import { SUMMARY_STORAGE } from './cubes.js';

/**
 * Sessions and agent runs, kept so that counting them is a sum.
 *
 * A *span* table holds one row per unit (a session, a session within one agent, a run): its first
 * event start, last event start, last event end, and the attributes it is filtered and grouped by
 * (organization; for runs also agent and user) as first seen, with a `mixed` bit per attribute
 * once two events of the unit disagree on it. A *start cube* per span counts the units by the UTC
 * day of their first event (and their full durations, or failures): sessions that start in a range
 * are then a sum over a few hundred rows instead of a distinct count over millions.
 *
 * The fold (pending.ts) keeps both exact in its statement. The span upsert records, in the row
 * itself, the values it replaces (`p_*`, read under the row lock), and returns them; a second CTE turns "old contribution out, new one in" into deltas
 * for the start cube. The planner (engine/spans.ts) corrects the units that cross a range edge
 * from raw events, so the figures stay exact for any range.
 */
export interface SpanAttr {
  name: string;
  type: string;
  /** Bit in `mixed` set once the unit's events disagree on this attribute. */
  bit: number;
}

export interface StartCube {
  name: string;
  /** Key columns besides tenant, day and mixed: grouping ids of the unit and attributes. */
  dims: string[];
}

export interface SpanTable {
  name: string;
  /** Start cubes: units by UTC day of their first event, each keyed by some of the unit's columns. */
  starts: StartCube[];
  /** Columns identifying a unit (besides tenant_id). */
  ids: string[];
  attrs: SpanAttr[];
  /** Which events belong to a unit. */
  where: string;
  kind: 'sessions' | 'runs';
}

const org: SpanAttr = { name: 'org_id', type: 'int', bit: 1 };

export const spans: SpanTable[] = [
  { name: 'session_span', starts: [{ name: 'session_start_day', dims: ['org_id'] }], ids: ['session_id'], attrs: [org], where: 'e.session_id is not null', kind: 'sessions' },
  {
    name: 'agent_session_span',
    starts: [{ name: 'agent_session_start_day', dims: ['agent_id', 'org_id'] }],
    ids: ['agent_id', 'session_id'],
    attrs: [org],
    where: 'e.session_id is not null',
    kind: 'sessions',
  },
  {
    name: 'run_span',
    // Per agent (totals, the agent page) and per user (the user page): together far fewer rows
    // than one cube per agent and user.
    starts: [
      { name: 'run_start_day', dims: ['agent_id', 'org_id'] },
      { name: 'run_user_start_day', dims: ['user_id', 'org_id'] },
    ],
    ids: ['run_id'],
    attrs: [org, { name: 'agent_id', type: 'text', bit: 2 }, { name: 'user_id', type: 'text', bit: 4 }],
    where: 'e.run_id is not null',
    kind: 'runs',
  },
];

const typeOf = (s: SpanTable, column: string) => s.attrs.find((a) => a.name === column)?.type ?? 'text';

/** Columns a span table answers filters and groupings on: its attributes and id columns. */
export const spanColumns = (s: SpanTable) => new Set([...s.attrs.map((a) => a.name), ...s.ids]);

/** Span length beyond which a unit is "long": found through its own index, not the start window. */
export const LONG_SPAN = "interval '1 day'";

const ORIGIN = "'2000-01-01 00:00:00+00'::timestamptz";
/** Units whose first and last events fall on different UTC days: the only ones that can cross a midnight. */
export const CROSSES_MIDNIGHT = (alias: string) => `date_bin('1 day', ${alias}.min_ts, ${ORIGIN}) <> date_bin('1 day', ${alias}.max_ts, ${ORIGIN})`;

/** Microseconds between two timestamps, exact (timestamptz has microsecond resolution). */
export const micros = (a: string, b: string) => `(extract(epoch from (${a}) - (${b})) * 1000000)::bigint`;

/** When an event ends: its start plus its latency (the contract's session duration uses this). */
export const eventEnd = (e: string) => `${e}.ts + coalesce(${e}.latency_ms, 0) * interval '1 millisecond'`;

export function spanDdl(s: SpanTable): string[] {
  // Only the unit's own id is never null: a session's events without an agent are one unit too.
  const ids = s.ids.map((c, i) => `${c} text${i === s.ids.length - 1 ? ' not null' : ''}`);
  const attrs = s.attrs.map((a) => `${a.name} ${a.type}`);
  const runs = s.kind === 'runs';
  const values = runs ? ['failed boolean not null', 'p_failed boolean'] : [];
  const measure = runs ? 'failed bigint not null' : 'dur_us bigint not null';
  return [
    `create table ${s.name} (tenant_id int not null, ${[...ids, ...attrs].join(', ')}, mixed smallint not null,
       min_ts timestamptz not null, max_ts timestamptz not null, max_end timestamptz not null,
       p_min_ts timestamptz, p_max_end timestamptz, p_mixed smallint${[...s.attrs.map((a) => `p_${a.name} ${a.type}`), ...values].map((v) => `, ${v}`).join('')})`,
    `create unique index ${s.name}_key on ${s.name} (tenant_id, ${s.ids.join(', ')}) nulls not distinct`,
    // Units by first event (edges of a range), and the few that can cross a boundary.
    `create index ${s.name}_start on ${s.name} (tenant_id, min_ts) include (max_ts)`,
    `create index ${s.name}_long on ${s.name} (tenant_id, max_ts) where max_ts - min_ts > ${LONG_SPAN}`,
    `create index ${s.name}_midnight on ${s.name} (tenant_id, max_ts) where ${CROSSES_MIDNIGHT(s.name)}`,
    ...s.starts.flatMap((c) => [
      `create table ${c.name} (tenant_id int not null, day timestamptz not null, ${c.dims.map((d) => `${d} ${typeOf(s, d)}`).join(', ')},
         mixed smallint not null, units bigint not null, ${measure}) ${SUMMARY_STORAGE}`,
      `create unique index ${c.name}_key on ${c.name} (${startKey(c).join(', ')}) nulls not distinct`,
    ]),
  ];
}

/** `mixed` bits of a group of events `e`: an attribute with two values (or a value and null). */
function mixedOfGroup(s: SpanTable): string {
  const bits = s.attrs.map((a) => `(case when min(e.${a.name}) <> max(e.${a.name}) or count(e.${a.name}) between 1 and count(*) - 1 then ${a.bit} else 0 end)`);
  return `(${bits.join(' | ')})::smallint`;
}

/**
 * Groups events of `source` into units (columns named as the span table's): the rows a span upsert
 * adds. Unsorted unless `sorted` (a rebuild: see cubeSelect).
 */
export function unitSelect(s: SpanTable, source: string, sorted = false): string {
  const keys = ['e.tenant_id', ...s.ids.map((c) => `e.${c}`)];
  const cols = [
    ...keys,
    ...s.attrs.map((a) => `min(e.${a.name})`),
    mixedOfGroup(s),
    'min(e.ts)',
    'max(e.ts)',
    `max(${eventEnd('e')})`,
    ...(s.kind === 'runs' ? ['bool_or(e.status >= 400)'] : []),
  ];
  const names = insertColumns(s);
  return `select ${cols.map((c, i) => `${c} as ${names[i]}`).join(', ')} from ${source} e where ${s.where}
     group by ${keys.map((_, i) => i + 1).join(', ')}${sorted ? ` order by ${keys.map((_, i) => i + 1).join(', ')}` : ''}`;
}

const insertColumns = (s: SpanTable) => ['tenant_id', ...s.ids, ...s.attrs.map((a) => a.name), 'mixed', 'min_ts', 'max_ts', 'max_end', ...(s.kind === 'runs' ? ['failed'] : [])];

/**
 * A unit's columns once the events of unit `added` join span row `old` (SQL over the two aliases):
 * what the fold's upsert writes, and what reads compute for units with pending events
 * (engine/spans.ts). A missing `old` row (all null) leaves `added` as it is.
 */
export function mergeUnit(s: SpanTable, old: string, added: string): [column: string, sql: string][] {
  const attrMix = s.attrs.map((a) => `(case when ${old}.tenant_id is not null and ${old}.${a.name} is distinct from ${added}.${a.name} then ${a.bit} else 0 end)`);
  return [
    // The smallest value seen, as a rebuild would pick: only units that are not mixed are placed by it.
    ...s.attrs.map((a): [string, string] => [a.name, `least(${old}.${a.name}, ${added}.${a.name})`]),
    ['mixed', `(coalesce(${old}.mixed, 0) | ${added}.mixed | ${attrMix.join(' | ')})::smallint`],
    ['min_ts', `least(${old}.min_ts, ${added}.min_ts)`],
    ['max_ts', `greatest(${old}.max_ts, ${added}.max_ts)`],
    ['max_end', `greatest(${old}.max_end, ${added}.max_end)`],
    ...(s.kind === 'runs' ? [['failed', `(coalesce(${old}.failed, false) or ${added}.failed)`] as [string, string]] : []),
  ];
}

/** The span upsert for a batch, returning each touched unit with the values it replaced. */
export function spanUpsert(s: SpanTable, source: string): string {
  const set = [
    'p_min_ts = t.min_ts',
    'p_max_end = t.max_end',
    'p_mixed = t.mixed',
    ...s.attrs.map((a) => `p_${a.name} = t.${a.name}`),
    ...(s.kind === 'runs' ? ['p_failed = t.failed'] : []),
    ...mergeUnit(s, 't', 'excluded').map(([column, sql]) => `${column} = ${sql}`),
  ];
  return `insert into ${s.name} as t (${insertColumns(s).join(', ')})
    ${unitSelect(s, source)}
    on conflict (tenant_id, ${s.ids.join(', ')}) do update set ${set.join(', ')}
    returning t.*`;
}

const startKey = (c: StartCube) => ['tenant_id', 'day', ...c.dims, 'mixed'];

/** Start-cube deltas from the rows a span upsert returned (CTE `changed`): old contribution out, new in. */
export function startDelta(s: SpanTable, c: StartCube, changed: string): string {
  const attrs = c.dims.map((a) => `u.${a}`);
  const previous = c.dims.map((a) => (s.attrs.some((x) => x.name === a) ? `u.p_${a}` : `u.${a}`));
  const measure = s.kind === 'runs' ? 'failed' : 'dur_us';
  const now = s.kind === 'runs' ? 'u.failed::int' : micros('u.max_end', 'u.min_ts');
  const before = s.kind === 'runs' ? 'u.p_failed::int' : micros('u.p_max_end', 'u.p_min_ts');
  const key = startKey(c);
  const n = key.length;
  return `insert into ${c.name} as t (${key.join(', ')}, units, ${measure})
    select ${key.map((_, i) => `c${i}`).join(', ')}, sum(units), sum(m) from (
      select u.tenant_id as c0, date_trunc('day', u.min_ts, 'UTC') as c1, ${attrs.map((a, i) => `${a} as c${i + 2}`).join(', ')}, u.mixed as c${n - 1}, 1 as units, ${now} as m from ${changed} u
      union all
      select u.tenant_id, date_trunc('day', u.p_min_ts, 'UTC'), ${previous.join(', ')}, u.p_mixed, -1, -${before} from ${changed} u where u.p_min_ts is not null
    ) d
    group by ${key.map((_, i) => i + 1).join(', ')}
    having sum(units) <> 0 or sum(m) <> 0
    on conflict (${key.join(', ')}) do update set units = t.units + excluded.units, ${measure} = t.${measure} + excluded.${measure}`;
}

/** The maintenance CTEs of a span, in order: the upsert, then the deltas of each start cube. */
export function spanMaintainers(s: SpanTable): { name: string; cte: string }[] {
  const changed = `changed_${s.name}`;
  return [
    { name: changed, cte: spanUpsert(s, 'inserted') },
    ...s.starts.map((c) => ({ name: `delta_${c.name}`, cte: startDelta(s, c, changed) })),
  ];
}

/** Every table of a span: the span and its start cubes. */
export const spanTables = (s: SpanTable) => [s.name, ...s.starts.map((c) => c.name)];

/** Rebuilds a span and its start cubes from usage_event (a migration, a bulk load, a repair). */
export function spanRebuild(s: SpanTable): string[] {
  const measure = s.kind === 'runs' ? 'failed' : 'dur_us';
  const value = s.kind === 'runs' ? 'count(*) filter (where failed)' : `sum(${micros('max_end', 'min_ts')})`;
  return [
    `truncate ${[s.name, ...s.starts.map((c) => c.name)].join(', ')}`,
    `insert into ${s.name} (${insertColumns(s).join(', ')}) ${unitSelect(s, 'usage_event', true)}`,
    ...s.starts.map(
      (c) => `insert into ${c.name} (${startKey(c).join(', ')}, units, ${measure})
       select tenant_id, date_trunc('day', min_ts, 'UTC'), ${c.dims.join(', ')}, mixed, count(*), ${value}
         from ${s.name} group by ${startKey(c).map((_, i) => i + 1).join(', ')}`,
    ),
  ];
}
