import pg from 'pg';
import { parseArgs } from 'node:util';
import { setStatementHook } from '../src/analytics/index.js';
import { openOrm } from '../src/db/orm.js';
import { createPool } from '../src/db/pool.js';
import { AlertsService } from '../src/modules/alerts/alerts.service.js';
import { orgCache } from '../src/modules/alerts/evaluator.js';
import { evaluationMinute } from '../src/modules/alerts/periods.js';
import { parseRuleInput } from '../src/modules/alerts/rule.validation.js';
import { rulesStore } from '../src/modules/alerts/rules.store.js';
import { ManualClock } from '../src/shared/clock.js';
import { createLogger } from '../src/shared/logger.js';
import { END } from './query-dataset.js';

/**
 * What one alert evaluation pass costs on the 10M-event bench database of bench/query.ts
 * (build it first: `node --import @swc-node/register/esm-register bench/query.ts --prepare`).
 *
 *   node --import @swc-node/register/esm-register bench/alerts.ts [--runs 7]
 *
 * Creates a realistic mix of rules for the bench tenant (removed again at the end), times each
 * rule's evaluation (read through the analytics engine + the write transaction) and whole passes
 * (claim + every rule, 4 at a time), and prints Markdown for BENCHMARKS.md.
 */
const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const RUNS = Number(args.runs);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const url = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = '/tokentally_bench';
  return u.toString();
})();
const log = (s: string) => process.stdout.write(`${s}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const max = (xs: number[]) => Math.max(...xs);
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);

const RULES: Record<string, unknown>[] = [
  { name: 'cost, 5 min', metric: 'COST', windowMinutes: 5, threshold: 50 },
  { name: 'cost, 60 min', metric: 'COST', windowMinutes: 60, threshold: 500 },
  { name: 'requests, 15 min', metric: 'REQUESTS', windowMinutes: 15, threshold: 100_000 },
  { name: 'error rate, 15 min', metric: 'ERROR_RATE', windowMinutes: 15, threshold: 0.05 },
  { name: 'p95 latency, 15 min', metric: 'LATENCY_P95', windowMinutes: 15, threshold: 20_000 },
  { name: 'p95 TTFT, 60 min', metric: 'TTFT_P95', windowMinutes: 60, threshold: 5_000 },
  { name: 'error rate, 24 h', metric: 'ERROR_RATE', windowMinutes: 1440, threshold: 0.05 },
  { name: 'p95 latency, 24 h', metric: 'LATENCY_P95', windowMinutes: 1440, threshold: 20_000 },
  { name: 'cost, 60 min, one model', metric: 'COST', windowMinutes: 60, threshold: 100, filter: { models: ['gpt-bench-0'] } },
  { name: 'cost, 60 min, env=production', metric: 'COST', windowMinutes: 60, threshold: 500, filter: { properties: [{ key: 'environment', value: 'production' }] } },
  { name: 'error rate per model, 60 min', metric: 'ERROR_RATE', windowMinutes: 60, threshold: 0.1, groupBy: 'MODEL' },
  { name: 'p95 latency per sub-account, 60 min', metric: 'LATENCY_P95', windowMinutes: 60, threshold: 20_000, groupBy: 'SUB_ACCOUNT' },
  { name: 'budget, day', metric: 'COST', budgetPeriod: 'DAY', threshold: 5_000 },
  { name: 'budget, week', metric: 'COST', budgetPeriod: 'WEEK', threshold: 30_000 },
  { name: 'budget, month + forecast', metric: 'COST', budgetPeriod: 'MONTH', threshold: 100_000, forecast: true },
  { name: 'budget, month, Europe/Berlin', metric: 'COST', budgetPeriod: 'MONTH', threshold: 100_000, filter: { timezone: 'Europe/Berlin' } },
  { name: 'budget per user, month', metric: 'COST', budgetPeriod: 'MONTH', threshold: 200, groupBy: 'USER' },
  { name: 'budget per sub-account, month', metric: 'COST', budgetPeriod: 'MONTH', threshold: 5_000, groupBy: 'SUB_ACCOUNT' },
  { name: 'requests per agent, day', metric: 'REQUESTS', budgetPeriod: 'DAY', threshold: 20_000, groupBy: 'AGENT' },
  { name: 'budget per team, week', metric: 'COST', budgetPeriod: 'WEEK', threshold: 2_000, groupBy: 'TEAM' },
];

async function main() {
  (await openOrm(url)).close(); // the bench database is at the current schema (alert tables included)
  const pool = createPool(url, () => undefined);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const clock = new ManualClock(new Date(END.getTime() - 30 * 60_000)); // the dataset's last half hour
  const alerts = new AlertsService({ pool, clock, log: createLogger('warn'), mailer: () => null });
  try {
    const { rows } = await client.query(`select org_id from member where email = 'bench@tokentally.local'`);
    if (!rows[0]) throw new Error('no bench tenant: run bench/query.ts --prepare first');
    const tenantId = rows[0].org_id as number;
    const { rows: count } = await client.query('select count(*)::bigint as n from usage_event where tenant_id = $1', [tenantId]);
    await client.query(`delete from alert_rule where tenant_id = $1 and name like 'bench: %'`, [tenantId]);
    const rules = [];
    for (const input of RULES) rules.push(await rulesStore.insert(pool, { tenantId, orgId: tenantId, createdById: null }, parseRuleInput({ ...input, name: `bench: ${input.name}` }), clock.now()));
    const orgs = await orgCache(pool)(tenantId);

    let statements = 0;
    setStatementHook(() => statements++);
    const perRule: string[] = ['| rule | median | max | SQL statements |', '|---|---|---|---|'];
    for (const rule of rules) {
      const times: number[] = [];
      statements = 0;
      for (let i = 0; i < RUNS + 1; i++) {
        const minute = evaluationMinute(new Date(clock.now().getTime() + i * 60_000));
        const t = performance.now();
        await alerts.evaluator.evaluate(rule, minute, orgs);
        if (i > 0) times.push(performance.now() - t); // the first run warms caches
      }
      perRule.push(`| ${rule.name.slice(7)} | ${fmt(median(times))} | ${fmt(max(times))} | ${Math.round(statements / (RUNS + 1))} |`);
      log(perRule.at(-1)!);
    }

    const passes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      clock.set(new Date(END.getTime() - 20 * 60_000 + i * 60_000));
      const t = performance.now();
      const r = await alerts.tick();
      passes.push(performance.now() - t);
      if (r.pass.rules !== rules.length || r.pass.errors) throw new Error(`pass evaluated ${r.pass.rules} rules with ${r.pass.errors} errors`);
    }
    log('');
    log(`PostgreSQL ${(await client.query('show server_version')).rows[0].server_version}, Node ${process.version}, ${Number(count[0].n).toLocaleString()} events, ${rules.length} rules, evaluation at ${clock.now().toISOString()}`);
    log('');
    log(perRule.join('\n'));
    log('');
    log(`| whole pass (${rules.length} rules, 4 at a time) | median ${fmt(median(passes))} | max ${fmt(max(passes))} |`);
  } finally {
    setStatementHook(null);
    await client.query(`delete from alert_rule where name like 'bench: %'`).catch(() => undefined);
    await client.end();
    await pool.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
