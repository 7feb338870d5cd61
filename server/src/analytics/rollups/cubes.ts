import { baseAggregates } from '../catalog/aggregates.js';

/**
 * The summary tables ("cubes"), declared once: their key columns, their grain, and what they
 * store. Every additive cube stores every base aggregate, so whether a cube can answer a query
 * depends only on its dimensions. DDL, the ingest-time maintenance CTE, the backfill and the
 * planner all derive from this list.
 *
 * Narrow beats wide here: each cube serves one family of dashboard queries, and none carries
 * a high-cardinality column next to another one.
 */
export type Grain = 'hour' | 'day' | 'week' | 'month';

export interface CubeColumn {
  /** Column name in the cube (the usage_event column it copies, unless `expr` says otherwise). */
  name: string;
  type: string;
  /** SQL over the inserted event `e` (and the lateral `p` of a property cube). */
  expr?: string;
}

export interface Cube {
  name: string;
  grain: Grain;
  /** Key columns besides tenant_id and the time column. */
  dims: CubeColumn[];
  /** FROM-clause addition when reading events (one row per property). */
  lateral?: string;
  /** Keeps, per key, the UTC hours (bit n = hour n of the day) with activity: exact distinct users per hour. */
  hourMask?: boolean;
  /** presence: keys only, with a 31-bit mask of the UTC days of the month they were active. */
  kind: 'additive' | 'histogram' | 'presence';
  /** Histograms: which metrics they keep (1 = latency, 2 = TTFT). */
  metrics?: (1 | 2)[];
}

const org: CubeColumn = { name: 'org_id', type: 'int' };
const text = (name: string): CubeColumn => ({ name, type: 'text' });

export const cubes: Cube[] = [
  { name: 'rollup_org_hour', grain: 'hour', dims: [org], kind: 'additive' },
  { name: 'rollup_org_day', grain: 'day', dims: [org], kind: 'additive' },
  { name: 'rollup_model_day', grain: 'day', dims: [org, text('model'), text('provider'), { name: 'status', type: 'smallint' }], kind: 'additive' },
  { name: 'rollup_feature_day', grain: 'day', dims: [org, text('feature'), text('agent_type'), { name: 'status', type: 'smallint' }], kind: 'additive' },
  { name: 'rollup_user_day', grain: 'day', dims: [org, text('user_id'), text('team_id')], hourMask: true, kind: 'additive' },
  // Per-user figures over whole UTC weeks (Monday to Monday): a 30-day top-users list reads 4
  // weeks and a few edge days, ~4× fewer rows than days alone. Week twins hold closed weeks only
  // (week-mark.ts): the current week is in the day twin.
  { name: 'rollup_user_week', grain: 'week', dims: [org, text('user_id'), text('team_id')], kind: 'additive' },
  // Distinct users over whole days: a user's month is one row (a mask of active days), where
  // the day cube has a row per active day; 30-day totals read ~15× fewer rows.
  { name: 'user_month', grain: 'month', dims: [org, text('user_id'), text('team_id')], kind: 'presence' },
  // An agent's figures (one row per agent and day), and per model too (an agent's most used model,
  // agent × model filters): apart, the agent page reads 20× fewer rows.
  { name: 'rollup_agent_day', grain: 'day', dims: [org, text('agent_id'), text('agent_type')], kind: 'additive' },
  { name: 'rollup_agent_model_day', grain: 'day', dims: [org, text('agent_id'), text('agent_type'), text('model')], kind: 'additive' },
  // Its week twin: an agent's most used model over 30 days reads 4 weeks and the edge days.
  { name: 'rollup_agent_model_week', grain: 'week', dims: [org, text('agent_id'), text('agent_type'), text('model')], kind: 'additive' },
  // Prompts and tools (the Prompts & tools page, the report's top prompts and tools): a request
  // offering two tools counts once per tool, as the raw TOOL breakdown does.
  { name: 'rollup_prompt_day', grain: 'day', dims: [org, text('prompt_id')], kind: 'additive' },
  {
    name: 'rollup_tool_day',
    grain: 'day',
    dims: [org, { name: 'tool', type: 'text', expr: 'tool.k' }],
    lateral: 'cross join lateral unnest(coalesce(e.tools, array[null]::text[])) as tool(k)',
    kind: 'additive',
  },
  {
    name: 'rollup_property_day',
    grain: 'day',
    dims: [org, { name: 'property_key', type: 'text', expr: 'p.key' }, { name: 'property_value', type: 'text', expr: 'p.value' }],
    lateral: 'cross join lateral jsonb_each_text(e.properties) as p(key, value)',
    kind: 'additive',
  },
  // Latency histograms in log-spaced buckets (see histogram.ts): whole tenant, per model (and so
  // provider), per agent. TTFT only for the whole tenant: per model or agent it would double the
  // rows every ingest batch touches, for a figure no page breaks down (raw events answer it).
  { name: 'histogram_day', grain: 'day', dims: [], kind: 'histogram', metrics: [1, 2] },
  // Hourly latency for the whole tenant: the overview's hourly percentile series and edge hours.
  { name: 'histogram_hour', grain: 'hour', dims: [], kind: 'histogram', metrics: [1] },
  { name: 'histogram_model_day', grain: 'day', dims: [text('model'), text('provider')], kind: 'histogram', metrics: [1] },
  { name: 'histogram_agent_day', grain: 'day', dims: [text('agent_id')], kind: 'histogram', metrics: [1] },
  // The agent page's p95 over 30 days: 4 weeks and a few edge days instead of 30 days per agent.
  { name: 'histogram_agent_week', grain: 'week', dims: [text('agent_id')], kind: 'histogram', metrics: [1] },
];

export const timeColumn = (c: Cube) => c.grain;

/** Do two cubes have the same dimensions, in order (a finer and a coarser grain of one key)? */
export const sameDims = (a: Cube, b: Cube) => a.dims.length === b.dims.length && a.dims.every((d, i) => d.name === b.dims[i].name);
export const cubeByName = new Map(cubes.map((c) => [c.name, c]));

const keyColumns = (c: Cube) => ['tenant_id', c.grain, ...c.dims.map((d) => d.name), ...(c.kind === 'histogram' ? ['metric', 'bucket'] : [])];

/**
 * Storage of summary tables updated in place by every fold: pages keep a fifth free, so an update
 * that changes no indexed column writes the new row version on the same page (a HOT update) and
 * skips the key index. At the default (100) almost no fold update was HOT; at 80, 67–85% of the
 * cubes' updates were, and a fold of 50,000 events took 38.6 → 29.7 µs per event (bench:query
 * --fold-costs). Rows of past days, never updated again, cost a fifth more pages.
 */
export const SUMMARY_FILLFACTOR = 80;
export const SUMMARY_STORAGE = `with (fillfactor = ${SUMMARY_FILLFACTOR})`;

/** CREATE TABLE statements of a cube. */
export function cubeDdl(c: Cube): string[] {
  const cols = [`tenant_id int not null`, `${c.grain} timestamptz not null`, ...c.dims.map((d) => `${d.name} ${d.type}`)];
  if (c.kind === 'histogram') cols.push('metric smallint not null', 'bucket smallint not null', 'n bigint not null');
  else if (c.kind === 'presence') cols.push('day_mask int not null');
  else {
    for (const a of baseAggregates) cols.push(`${a.name} ${a.type}${a.type === 'timestamptz' ? '' : ' not null'}`);
    if (c.hourMask) cols.push('hour_mask int not null');
  }
  return [
    `create table ${c.name} (${cols.join(', ')}) ${SUMMARY_STORAGE}`,
    // NULLS NOT DISTINCT: a null user or agent is one key, so ON CONFLICT finds it.
    `create unique index ${c.name}_key on ${c.name} (${keyColumns(c).join(', ')}) nulls not distinct`,
  ];
}

/**
 * SELECT of a cube's rows, under the cube's own column names, from events `e` of `source` (the
 * CTE `inserted` of a fold, usage_event for a backfill, rollup_pending when reading).
 *
 * Unsorted unless `sorted`: only one transaction at a time writes summaries (the fold, a rebuild:
 * both under the fold lock), so upserts need no lock order, and PostgreSQL may hash the events
 * instead of sorting them (a fold of 50,000: 31 → 22 µs per event, with fold_lateral). A rebuild
 * sorts: inserting rollup_user_day's 10M-event rows in key order took 31 s instead of 40.
 */
export function cubeSelect(c: Cube, source: string, where = 'true', sorted = false): string {
  const keys = [`e.tenant_id`, `date_trunc('${c.grain}', e.ts, 'UTC')`, ...c.dims.map((d) => d.expr ?? `e.${d.name}`)];
  const names = keyColumns(c);
  const order = (n: number) => (sorted ? `order by ${Array.from({ length: n }, (_, i) => i + 1).join(', ')}` : '');
  if (c.kind === 'histogram') {
    // One row per (key, metric, bucket): metric 1 = latency, 2 = ttft.
    const cols = [...keys.map((k, i) => `${k} as ${names[i]}`), 'm.metric', `${BUCKET_SQL('m.v')} as bucket`, 'count(*) as n'];
    return `select ${cols.join(', ')}
      from ${source} e cross join lateral (values ${(c.metrics ?? [1, 2]).map((m) => `(${m}::smallint, e.${m === 1 ? 'latency_ms' : 'ttft_ms'})`).join(', ')}) as m(metric, v)
     where ${where} and m.v is not null
     group by ${keys.map((_, i) => i + 1).join(', ')}, ${keys.length + 1}, ${keys.length + 2}
     ${order(keys.length + 2)}`;
  }
  const aggs = c.kind === 'presence' ? [`bit_or(1 << (extract(day from e.ts at time zone 'UTC')::int - 1)) as day_mask`] : baseAggregates.map((a) => `${a.raw} as ${a.name}`);
  if (c.hourMask) aggs.push(`bit_or(1 << extract(hour from e.ts at time zone 'UTC')::int) as hour_mask`);
  return `select ${keys.map((k, i) => `${k} as ${names[i]}`).join(', ')}, ${aggs.join(', ')}
      from ${source} e ${c.lateral ?? ''}
     where ${where}
     group by ${keys.map((_, i) => i + 1).join(', ')}
     ${order(keys.length)}`;
}

/**
 * SELECT of a cube's rows from finer rows `e` of `source` (a finer cube, or a fold's intermediate
 * aggregate) whose time column is `time` and which carry the cube's dimensions: sums of sums,
 * max of max, so the rows equal those aggregated from the events themselves. `where` (SQL over
 * `e`) keeps some source rows only.
 */
export function rollUpSelect(c: Cube, source: string, time: string, where = 'true'): string {
  // A cube with a lateral (tools, properties) expands source rows that kept the expanded column.
  const keys = ['e.tenant_id', `date_trunc('${c.grain}', e.${time}, 'UTC')`, ...c.dims.map((d) => d.expr ?? `e.${d.name}`)];
  const from = `${source} e ${c.lateral ?? ''}`;
  const n = keys.length + (c.kind === 'histogram' ? 2 : 0);
  const by = Array.from({ length: n }, (_, i) => i + 1).join(', ');
  if (c.kind === 'histogram') {
    return `select ${keys.join(', ')}, e.metric, e.bucket, sum(e.n) from ${from} where ${where} and e.metric in (${(c.metrics ?? [1, 2]).join(', ')})
      group by ${by}`;
  }
  const aggs = baseAggregates.map((a) => `${a.merge.replace(/\br\./g, 'e.')} as ${a.name}`);
  return `select ${keys.join(', ')}, ${aggs.join(', ')} from ${from} where ${where} group by ${by}`;
}

/** A cube's value columns (after its key columns). */
const valueColumns = (c: Cube) =>
  c.kind === 'histogram' ? ['n'] : c.kind === 'presence' ? ['day_mask'] : [...baseAggregates.map((a) => a.name), ...(c.hourMask ? ['hour_mask'] : [])];

/**
 * What a query reads for a cube: its rows plus the events ingested but not folded into it yet
 * (rollup_pending, see pending.ts), aggregated the same way. Every read of a cube merges rows
 * (sums, max, bit_or), so the union is exact. The query's conditions on tenant, time and
 * dimensions are pushed by PostgreSQL into both branches.
 */
export function cubeSource(c: Cube): string {
  const cols = [...keyColumns(c), ...valueColumns(c)];
  // Cast to the table's types: with identical column types PostgreSQL flattens the UNION ALL into
  // an append of the two branches, so the cube branch keeps its index-only scans and reads only
  // the columns the query uses (sum(bigint) is numeric: without the cast it would not).
  const cast = cols.map((col) => `${col}::${columnType(c, col)}`).join(', ');
  return `(select ${cols.join(', ')} from ${c.name} union all select ${cast} from (${cubeSelect(c, PENDING_TABLE)}) pending)`;
}

function columnType(c: Cube, col: string): string {
  if (col === 'tenant_id' || col === 'hour_mask' || col === 'day_mask') return 'int';
  if (col === c.grain) return 'timestamptz';
  if (col === 'metric' || col === 'bucket') return 'smallint';
  if (col === 'n') return 'bigint';
  return c.dims.find((d) => d.name === col)?.type ?? baseAggregates.find((a) => a.name === col)!.type;
}

/** Events committed but not yet folded into the summaries (pending.ts). */
export const PENDING_TABLE = 'rollup_pending';

/** INSERT … ON CONFLICT DO UPDATE that adds a batch (or a backfill) into a cube. */
export function cubeUpsert(c: Cube, select: string): string {
  const cols = keyColumns(c);
  const values = valueColumns(c);
  const set = values.map((v) => {
    if (v === 'day_mask') return `day_mask = t.day_mask | excluded.day_mask`;
    if (v === 'last_ts') return `last_ts = greatest(t.last_ts, excluded.last_ts)`;
    if (v === 'hour_mask') return `hour_mask = t.hour_mask | excluded.hour_mask`;
    return `${v} = t.${v} + excluded.${v}`;
  });
  // A presence row's mask rarely changes after a key's first fold of the day: skip writing an
  // identical row version (no new tuple, no WAL).
  const changed = c.kind === 'presence' ? ` where (t.day_mask | excluded.day_mask) <> t.day_mask` : '';
  return `insert into ${c.name} as t (${[...cols, ...values].join(', ')})
    ${select}
    on conflict (${cols.join(', ')}) do update set ${set.join(', ')}${changed}`;
}

// --- histogram buckets --------------------------------------------------------------------
/**
 * Log-spaced buckets with ratio R: bucket 0 holds 0 ms, bucket b >= 1 holds [R^(b-1), R^b).
 * Any estimate inside a bucket is within R^0.5 - 1 = 1.49% of every value in it at the geometric
 * middle, and percentile_cont interpolates between two values, so its estimate stays within the
 * same bound. 600 buckets reach 14 hours; longer values share the last bucket.
 */
export const HISTOGRAM_RATIO = 1.03;
export const HISTOGRAM_MAX_BUCKET = 600;
export const BUCKET_SQL = (v: string) =>
  `(case when ${v} <= 0 then 0 else least(${HISTOGRAM_MAX_BUCKET}, 1 + floor(ln(${v}::float8) / ln(${HISTOGRAM_RATIO})))::int end)::smallint`;
