import pg from 'pg';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/index.js';
import { startServer } from '../src/app/server.js';
import { createLogger } from '../src/shared/logger.js';
import { ManualClock } from '../src/shared/clock.js';
import { openOrm } from '../src/db/orm.js';
import { ensureDataset, END } from './query-dataset.js';
import { dashboardQueries } from './query-cases.js';
import { measureFoldCosts, measureFoldPlan, measureIngest, measurePendingCost } from './query-ingest.js';

/**
 * `npm run bench:query [-- --events 10000000 --runs 15 --ingest 200000]`
 *
 * 1. Builds (once) the 10M-event dataset into a persistent database `tokentally_bench` on the
 *    machine's PostgreSQL (BENCH_DATABASE_URL) and reuses it on later runs.
 * 2. Starts the real server on it (clock at the dataset's end) and times each dashboard query
 *    through GraphQL over HTTP (median, p95), and the same answer by plain SQL on the raw table.
 * 3. Measures ingest through the bulk writer with and without rollup maintenance.
 * `--pending-cost`: what the copy into rollup_pending adds to the ingest statement; `--fold-costs`:
 * what each summary adds to a fold of 50,000 pending events; `--fold-plan`: where one such fold
 * spends its time, CTE by CTE (EXPLAIN ANALYZE).
 * Prints a Markdown table (paste it into BENCHMARKS.md).
 */
const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '10000000' },
    runs: { type: 'string', default: '15' },
    'raw-runs': { type: 'string', default: '3' },
    ingest: { type: 'string', default: '200000' },
    only: { type: 'string' },
    prepare: { type: 'boolean', default: false },
    'pending-cost': { type: 'boolean', default: false },
    'fold-costs': { type: 'boolean', default: false },
    'fold-plan': { type: 'boolean', default: false },
    'ingest-only': { type: 'boolean', default: false },
  },
});
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbUrl = (name: string) => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
};
const log = (s: string) => process.stdout.write(`${s}\n`);

async function ensureDatabase(name: string, fresh = false): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  if (fresh) await admin.query(`drop database if exists ${name} with (force)`);
  const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (!rowCount) await admin.query(`create database ${name}`);
  await admin.end();
  const url = dbUrl(name);
  const orm = await openOrm(url); // applies migrations
  await orm.close();
  return url;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);

async function main() {
  const events = Number(args.events);
  if (args['pending-cost']) {
    log(await measurePendingCost(await ensureDatabase('tokentally_bench_ingest', true), Number(args.ingest), log));
    return;
  }
  if (args['fold-costs']) {
    log(await measureFoldCosts(await ensureDatabase('tokentally_bench_ingest', true), Number(args.ingest), log));
    return;
  }
  if (args['fold-plan']) {
    log(await measureFoldPlan(await ensureDatabase('tokentally_bench_ingest', true), Number(args.ingest)));
    return;
  }
  if (args['ingest-only']) {
    log(await measureIngest(await ensureDatabase('tokentally_bench_ingest', true), Number(args.ingest), log));
    return;
  }
  const url = await ensureDatabase('tokentally_bench');
  const clock = new ManualClock(new Date(END.getTime() - 3_600_000)); // the dataset's last hour: "today" is its last day
  const config = loadConfig({ DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ADMIN_EMAIL: 'bench@tokentally.local', ADMIN_PASSWORD: 'bench-password', NODE_ENV: 'production', SEED_DEMO: 'false' });
  const server = await startServer({ config, clock, log: createLogger('warn') });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`select org_id from member where email = 'bench@tokentally.local'`);
    const rootId = rows[0].org_id as number;
    await ensureDataset(client, rootId, events, log);
    if (args.prepare) return;
    const base = `http://127.0.0.1:${server.port}`;
    const login = await post(base, `mutation { login(email: "bench@tokentally.local", password: "bench-password") { token } }`);
    const token = login.data.login.token as string;

    const lines = ['| dashboard query | GraphQL median | GraphQL p95 | raw SQL median | raw / GraphQL |', '|---|---|---|---|---|'];
    const { rows: orgRows } = await client.query('select id, parent_id, external_id, name, timezone from organization where root_id = $1', [rootId]);
    for (const q of dashboardQueries(rootId, orgRows, clock.now())) {
      if (args.only && !q.name.includes(args.only)) continue;
      for (let i = 0; i < 2; i++) await post(base, q.graphql, token); // warm up
      const times: number[] = [];
      for (let i = 0; i < Number(args.runs); i++) {
        const t = performance.now();
        const res = await post(base, q.graphql, token);
        times.push(performance.now() - t);
        if (res.errors) throw new Error(`${q.name}: ${JSON.stringify(res.errors)}`);
      }
      const raw: number[] = [];
      for (let i = 0; i < Number(args['raw-runs']); i++) {
        const t = performance.now();
        for (const sql of q.rawSql) await client.query(sql.text, sql.values);
        raw.push(performance.now() - t);
      }
      const line = `| ${q.name} | ${fmt(median(times))} | ${fmt(p95(times))} | ${fmt(median(raw))} | ${(median(raw) / median(times)).toFixed(0)}× |`;
      lines.push(line);
      log(line);
    }
    log('');
    const ingest = await measureIngest(await ensureDatabase('tokentally_bench_ingest', true), Number(args.ingest), log);
    log('');
    log(`PostgreSQL ${(await client.query('show server_version')).rows[0].server_version}, Node ${process.version}, ${events.toLocaleString()} events`);
    log('');
    log(lines.join('\n'));
    log('');
    log(ingest);
  } finally {
    await client.end();
    await server.stop();
  }
}

async function post(base: string, query: string, token?: string): Promise<any> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return res.json();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
