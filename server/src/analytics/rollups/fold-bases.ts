import { baseAggregates } from '../catalog/aggregates.js';
import { BUCKET_SQL, cubeSelect, rollUpSelect, sameDims, type Cube } from './cubes.js';
import type { SummaryMaintainer } from '../../modules/ingestion/event-writer.js';
import { WEEK_MARK } from './week-mark.js';

/**
 * Intermediate aggregates of a fold (CTEs, not tables). Aggregating 50,000 events costs about
 * 1.4 µs an event per additive cube (23 aggregates each); most cubes' keys are a subset of one
 * hourly key, so the fold aggregates the events once to that key (~10× fewer rows) and those
 * cubes re-aggregate the result. Sums of sums, max of max, OR of ORs: the same rows as from the
 * events, so a fold and a rebuild still agree (tested).
 */
interface FoldBase {
  name: string;
  /** The CTE body over the fold's events `inserted`. */
  cte: string;
  /** The cube's rows from this base (only its rows where `where`, SQL over `e`), or null when the base cannot produce them. */
  select(c: Cube, where: string): string | null;
  /** The base's time column. */
  time: 'hour' | 'day';
}

const keys = (n: number) => Array.from({ length: n }, (_, i) => i + 1).join(', ');
const simpleDims = (c: Cube) => c.dims.every((d) => !d.expr) && !c.lateral;

// Every column an additive cube may be keyed by, except the user's (thousands of users an hour).
const HOUR_DIMS = ['org_id', 'model', 'provider', 'status', 'feature', 'agent_type', 'agent_id', 'prompt_id'];

/** The fold's events aggregated (every additive measure) by tenant, `time` and `dims`. */
const additiveCte = (time: 'hour' | 'day', dims: string[]) =>
  `select e.tenant_id, date_trunc('${time}', e.ts, 'UTC') as ${time}, ${dims.map((d) => `e.${d}`).join(', ')},
      ${baseAggregates.map((a) => `${a.raw} as ${a.name}`).join(', ')}
    from inserted e group by ${keys(dims.length + 2)}`;

const additive: FoldBase = {
  name: 'fold_hour',
  cte: additiveCte('hour', HOUR_DIMS),
  time: 'hour',
  select(c, where) {
    if (c.kind !== 'additive' || c.hourMask || !simpleDims(c) || !c.dims.every((d) => HOUR_DIMS.includes(d.name))) return null;
    return rollUpSelect(c, 'fold_hour', 'hour', where);
  },
};

/**
 * The fold's events by day and by the columns a lateral cube expands (tools, properties): most
 * events of a day repeat a few tool lists and property sets, so the tool and property cubes
 * expand a few hundred aggregated rows instead of calling `jsonb_each` on every event.
 */
const LATERAL_DIMS = ['org_id', 'tools', 'properties'];

const lateral: FoldBase = {
  name: 'fold_lateral',
  cte: additiveCte('day', LATERAL_DIMS),
  time: 'day',
  select(c, where) {
    if (c.kind !== 'additive' || !c.lateral || c.grain === 'hour' || c.dims.some((d) => !d.expr && !LATERAL_DIMS.includes(d.name))) return null;
    return rollUpSelect(c, 'fold_lateral', 'day', where);
  },
};

const HISTOGRAM_DIMS = ['model', 'provider'];

const histogram: FoldBase = {
  name: 'fold_histogram',
  cte: `select e.tenant_id, date_trunc('hour', e.ts, 'UTC') as hour, e.model, e.provider, m.metric, ${BUCKET_SQL('m.v')} as bucket, count(*) as n
    from inserted e cross join lateral (values (1::smallint, e.latency_ms), (2::smallint, e.ttft_ms)) as m(metric, v)
    where m.v is not null group by ${keys(6)}`,
  time: 'hour',
  select(c, where) {
    if (c.kind !== 'histogram' || !c.dims.every((d) => HISTOGRAM_DIMS.includes(d.name))) return null;
    return rollUpSelect(c, 'fold_histogram', 'hour', where);
  },
};

const agentHistogram: FoldBase = {
  name: 'fold_agent_histogram',
  cte: `select e.tenant_id, date_trunc('day', e.ts, 'UTC') as day, e.agent_id, 1::smallint as metric, ${BUCKET_SQL('e.latency_ms')} as bucket, count(*) as n
    from inserted e where e.latency_ms is not null group by ${keys(5)}`,
  time: 'day',
  select(c, where) {
    if (c.kind !== 'histogram' || c.dims.length !== 1 || c.dims[0].name !== 'agent_id' || c.grain === 'hour' || (c.metrics ?? [1, 2]).join() !== '1') return null;
    return rollUpSelect(c, 'fold_agent_histogram', 'day', where);
  },
};

/** The user cube's rows of the fold, once: the user cube and the user × month presence read them. */
function userBase(userCube: Cube): FoldBase {
  return {
    name: 'fold_user',
    cte: cubeSelect(userCube, 'inserted'),
    time: 'day',
    select(c, where) {
      if (c === userCube) return 'select * from fold_user';
      if (!sameDims(c, userCube)) return null;
      if (c.kind === 'additive' && c.grain === 'week') return rollUpSelect(c, 'fold_user', 'day', where);
      if (c.kind !== 'presence' || c.grain !== 'month') return null;
      const cols = ['e.tenant_id', `date_trunc('month', e.day, 'UTC')`, ...c.dims.map((d) => `e.${d.name}`)];
      return `select ${cols.join(', ')}, bit_or(1 << (extract(day from e.day at time zone 'UTC')::int - 1)) from fold_user e
        group by ${keys(cols.length)}`;
    },
  };
}

/**
 * Each cube's SELECT for a fold, and the bases it needs (in WITH order, before their readers).
 * Cubes no base can produce aggregate the events themselves.
 */
export function foldSelects(all: Cube[]): { bases: SummaryMaintainer[]; select: Map<Cube, { sql: string; base: string | null }> } {
  const userCube = all.find((c) => c.hourMask);
  const candidates = [additive, lateral, histogram, agentHistogram, ...(userCube ? [userBase(userCube)] : [])];
  const select = new Map<Cube, { sql: string; base: string | null }>();
  // A week twin takes only events of closed weeks (week-mark.ts); the open ones are in its day twin.
  const kept = (c: Cube, time: string) => (c.grain === 'week' ? `e.${time} < ${WEEK_MARK}` : 'true');
  for (const c of all) {
    let found: { sql: string; base: string | null } = { sql: cubeSelect(c, 'inserted', kept(c, 'ts')), base: null };
    for (const b of candidates) {
      const sql = b.select(c, kept(c, b.time));
      if (sql) {
        found = { sql, base: b.name };
        break;
      }
    }
    select.set(c, found);
  }
  const bases = candidates.filter((b) => [...select.values()].some((s) => s.base === b.name)).map((b) => ({ name: b.name, cte: b.cte }));
  return { bases, select };
}
