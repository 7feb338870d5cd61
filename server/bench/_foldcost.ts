import pg from 'pg';
import { createPool } from '../src/db/pool.js';
import { foldPending } from '../src/analytics/rollups/pending.js';
import { summaryGroups, rollupMaintainers } from '../src/analytics/rollups/register.js';
import { cubes } from '../src/analytics/rollups/cubes.js';
import { spans, spanTables } from '../src/analytics/rollups/spans.js';
const url = 'postgres://postgres@127.0.0.1:5432/tokentally_bench_ingest';
const pool = createPool(url, () => {});
const tables = [...cubes.map((c) => c.name), ...spans.flatMap(spanTables)];
const n = Number((await pool.query('select count(*) from pending_saved')).rows[0].count);
async function time(ms: typeof rollupMaintainers, chunk: number) {
  await pool.query(`truncate rollup_pending, ${tables.join(', ')}`);
  await pool.query('insert into rollup_pending select * from pending_saved');
  await pool.query('vacuum analyze rollup_pending');
  const t = performance.now();
  let left = n;
  while (left > 0) left -= (await foldPending(pool, ms, chunk))!;
  return ((performance.now() - t) * 1000) / n;
}
const chunk = Number(process.env.CHUNK ?? 50000);
console.log('all', (await time(rollupMaintainers, chunk)).toFixed(1), 'µs/event');
console.log('none', (await time([], chunk)).toFixed(1));
if (process.env.EACH) for (const [name, ms] of summaryGroups) console.log(name, (await time(ms, chunk)).toFixed(1));
await pool.end();
