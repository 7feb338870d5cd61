import pg from 'pg';
import { parseArgs } from 'node:util';
import { buildQuery } from '../src/analytics/query.js';
import { plan } from '../src/analytics/engine/planner.js';
import { needsOf } from '../src/analytics/catalog/measures.js';
import { dimensionByName } from '../src/analytics/catalog/dimensions.js';
import type { Grouping } from '../src/analytics/engine/request.js';
import { SESSION_OPTIONS } from '../src/db/pool.js';
import { END } from './query-dataset.js';

/**
 * `node … bench/explain.ts --measures activeUsers [--by USER | --unit day] [--timeframe LAST_7_DAYS] [--plans]`
 * Prints each statement the engine plans for one aggregation on the benchmark database, with its
 * time under EXPLAIN ANALYZE (and the plans with --plans): where a dashboard query spends its time.
 */
const { values: a } = parseArgs({
  options: { measures: { type: 'string', default: 'requests' }, by: { type: 'string' }, unit: { type: 'string' }, timeframe: { type: 'string', default: 'LAST_30_DAYS' }, timezone: { type: 'string', default: 'UTC' }, plans: { type: 'boolean', default: false } },
});
const client = new pg.Client({ connectionString: process.env.BENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/tokentally_bench', options: SESSION_OPTIONS });
await client.connect();
const root = (await client.query(`select org_id from member where email = 'bench@tokentally.local'`)).rows[0].org_id;
const orgs = (await client.query('select id, parent_id, external_id, name, timezone from organization where root_id = $1', [root])).rows;
const q = buildQuery({ tenantId: root, orgId: root, orgIds: null }, { timeframe: a.timeframe, timezone: a.timezone } as never, new Date(END.getTime() - 3_600_000), orgs);
const group: Grouping = a.by ? { kind: 'dimension', dimension: dimensionByName.get(a.by as never)! } : a.unit ? { kind: 'bucket', unit: a.unit as never } : { kind: 'none' };
for (const s of plan({ query: q, from: q.range.from, to: q.range.to, group, needs: needsOf(a.measures!.split(',')) })) {
  const t = performance.now();
  const r = await client.query(`explain (analyze, buffers) ${s.text}`, s.values);
  console.log(`${s.name}: ${(performance.now() - t).toFixed(0)} ms`);
  if (a.plans) console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
}
await client.end();
