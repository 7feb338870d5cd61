import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../src/config/index.js';
import { startServer, type RunningServer } from '../src/app/server.js';
import { openOrm } from '../src/db/orm.js';
import { renderReport } from '../src/emails/report.js';
import { createSchema } from '../src/graphql/schema.js';
import type { Principal } from '../src/modules/accounts/access.js';
import { executeOperation, loadOperations, reportPrincipal } from '../src/modules/reports/in-process-graphql.js';
import { periodEndingBefore, previousPeriod, type Timing } from '../src/modules/reports/periods.js';
import { toReportModel } from '../src/modules/reports/report-content.js';
import type { ReportUsageData } from '../src/modules/reports/report-data.js';
import { ManualClock } from '../src/shared/clock.js';
import { createLogger } from '../src/shared/logger.js';
import { ensureDataset } from './query-dataset.js';

/**
 * `npm run bench:reports [-- --events 10000000 --runs 15 --schedules 1000 --instances 2 --burst-events 1000000]`
 *
 * 1. Render time per report over the 10M-event benchmark dataset (the persistent database
 *    `tokentally_bench` of bench:query, built once and reused): the GraphQL operations executed
 *    in-process, then the MJML/text/Slack rendering, for a daily, a weekly, a monthly and a
 *    filtered sub-account report. SMTP is not part of it.
 * 2. A burst: `--schedules` schedules (daily, weekly and monthly, across the tenant's
 *    organizations) all due at the same minute, sent by `--instances` server instances racing over
 *    the same database (`tokentally_bench_reports`, `--burst-events` events of the same generator;
 *    a database of its own, so no other scheduler takes its jobs) to a local SMTP server. Reports the time until every email arrived and
 *    checks that none arrived twice. The schedules are removed afterwards.
 * Prints Markdown tables (paste them into BENCHMARKS.md).
 */
const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '10000000' },
    'burst-events': { type: 'string', default: '1000000' },
    'render-db': { type: 'string', default: 'tokentally_bench' },
    runs: { type: 'string', default: '15' },
    schedules: { type: 'string', default: '1000' },
    instances: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '4' },
    only: { type: 'string' },
  },
});
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (s: string) => process.stdout.write(`${s}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);

// Monday 23 November 2026, just after 09:00 UTC: the dataset ends at midnight, so yesterday, last
// week and last month are all complete.
const SEND_AT = new Date('2026-11-23T09:00:00Z');
const BEFORE = new Date(SEND_AT.getTime() - 60_000);
const AFTER = new Date(SEND_AT.getTime() + 10_000);
const ADMIN = { email: 'bench@tokentally.local', password: 'bench-password' };
const BENCH_MARK = 'bench-burst';

async function ensureDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (!rowCount) await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  const orm = await openOrm(u.toString()); // applies migrations
  await orm.close();
  return u.toString();
}

function start(url: string, clock: ManualClock, env: Record<string, string>): Promise<RunningServer> {
  const config = loadConfig({
    DATABASE_URL: url,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    NODE_ENV: 'production',
    SEED_DEMO: 'false',
    PUBLIC_URL: 'https://tokentally.example',
    ...env,
  });
  return startServer({ config, clock, log: createLogger('warn') });
}

/** A local SMTP server that only counts: recipients and messages, as fast as it can accept them. */
async function startCountingSmtp() {
  const byRecipient = new Map<string, number>();
  let messages = 0;
  let lastAt = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 100,
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        messages++;
        lastAt = performance.now();
        for (const r of session.envelope.rcptTo) byRecipient.set(r.address, (byRecipient.get(r.address) ?? 0) + 1);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    byRecipient,
    get messages() {
      return messages;
    },
    get lastAt() {
      return lastAt;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function renderBench(url: string, rootId: number, runs: number, events: number): Promise<string> {
  const clock = new ManualClock(AFTER);
  const server = await start(url, clock, { REPORT_SCHEDULER: 'false' });
  const schema = await createSchema();
  const document = loadOperations('report.graphql');
  const { rows: subs } = await server.services.pool.query(`select id, external_id from organization where root_id = $1 and parent_id is not null order by id limit 1`, [rootId]);
  const cases: { name: string; timing: Timing; filter: Record<string, unknown>; principal: Principal }[] = [
    { name: 'daily (yesterday), whole tenant', timing: timing('DAILY'), filter: {}, principal: reportPrincipal({ orgId: rootId, tenantId: rootId }) },
    { name: 'weekly (last Monday–Sunday), whole tenant', timing: timing('WEEKLY'), filter: {}, principal: reportPrincipal({ orgId: rootId, tenantId: rootId }) },
    { name: 'monthly (October), whole tenant', timing: timing('MONTHLY'), filter: {}, principal: reportPrincipal({ orgId: rootId, tenantId: rootId }) },
    { name: 'weekly, one sub-account, two models', timing: timing('WEEKLY'), filter: { subAccountIds: [subs[0].external_id], models: ['gpt-bench-0', 'claude-bench-1'] }, principal: reportPrincipal({ orgId: rootId, tenantId: rootId }) },
  ];
  const lines = [
    `| report | total median | total p95 | GraphQL operations (median) | MJML + text + Slack (median) |`,
    '|---|---|---|---|---|',
  ];
  try {
    for (const c of cases) {
      const period = periodEndingBefore(c.timing, clock.now());
      const previous = previousPeriod(c.timing, period);
      const filterFor = (p: { from: Date; to: Date }) => ({ ...c.filter, timeframe: 'CUSTOM', from: p.from.toISOString(), to: p.to.toISOString(), timezone: c.timing.timezone });
      const totals: number[] = [];
      const data: number[] = [];
      const render: number[] = [];
      for (let i = 0; i < runs + 2; i++) {
        const t0 = performance.now();
        const answer = await executeOperation<ReportUsageData>({ schema, services: server.services }, document, 'ReportUsage', { filter: filterFor(period), previousFilter: filterFor(previous) }, c.principal);
        const t1 = performance.now();
        const model = toReportModel(answer, { title: 'Bench report', organizationName: 'Bench', timing: c.timing, filter: c.filter, sections: null, period, previousPeriod: previous, baseUrl: 'https://tokentally.example' });
        await renderReport(model);
        const t2 = performance.now();
        if (i < 2) continue; // warm-up: mjml's first import and the first plans
        totals.push(t2 - t0);
        data.push(t1 - t0);
        render.push(t2 - t1);
      }
      const line = `| ${c.name} (${(events / 1e6).toLocaleString()}M events) | ${fmt(median(totals))} | ${fmt(p95(totals))} | ${fmt(median(data))} | ${fmt(median(render))} |`;
      lines.push(line);
      log(line);
    }
  } finally {
    await server.stop();
  }
  return lines.join('\n');
}

function timing(frequency: Timing['frequency']): Timing {
  return { frequency, timezone: 'UTC', hour: 9, weekday: 1, dayOfMonth: 23 };
}

async function burstBench(url: string, rootId: number, count: number, instances: number, concurrency: number): Promise<string> {
  const smtp = await startCountingSmtp();
  const clock = new ManualClock(BEFORE);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  await cleanup(pool);
  const { rows: orgs } = await pool.query<{ id: number }>(`select id from organization where root_id = $1 order by id`, [rootId]);
  // Daily, weekly (Monday) and monthly (the 23rd) schedules, all sending at 09:00 UTC, spread over
  // the tenant and its sub-accounts; some with a model filter. One recipient each.
  await pool.query(
    `insert into report_schedule (tenant_id, org_id, name, frequency, timezone, hour, weekday, day_of_month, email_recipients, filter, active_since, created_at, updated_at)
     select $1, ($2::int[])[1 + i % array_length($2::int[], 1)], '${BENCH_MARK} ' || i, (array['DAILY','WEEKLY','MONTHLY'])[1 + i % 3], 'UTC', 9, 1, 23,
            array['s' || i || '@bench.test'], case when i % 4 = 0 then '{"models": ["gpt-bench-0", "claude-bench-1"]}'::jsonb else '{}'::jsonb end, $3, $3, $3
       from generate_series(0, $4 - 1) i`,
    [rootId, orgs.map((o) => o.id), BEFORE, count],
  );
  const servers: RunningServer[] = [];
  try {
    // One by one: each reconciles the schedules' Agenda jobs at start (the first creates them).
    const env = { SMTP_URL: smtp.url, REPORT_SCHEDULER: 'true', REPORT_SCHEDULER_POLL_MS: '1000', REPORT_CONCURRENCY: String(concurrency) };
    const jobsStarted = performance.now();
    for (let i = 0; i < instances; i++) servers.push(await start(url, clock, env));
    log(`burst: ${count} schedules, their Agenda jobs in place in ${fmt(performance.now() - jobsStarted)}; ${instances} instances × ${concurrency} reports at a time`);

    // The minute arrives: the clock passes 09:00 and every schedule's job becomes due at once.
    clock.set(AFTER);
    const started = performance.now();
    await pool.query(`update agenda_jobs set next_run_at = now() where name = 'report.schedule'`);
    const deadline = started + 10 * 60_000;
    let reported = 0;
    while (smtp.messages < count && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      if (performance.now() - started > (reported + 1) * 15_000) {
        reported++;
        log(`  ${smtp.messages} / ${count} emails after ${fmt(performance.now() - started)}`);
      }
    }
    const allIn = smtp.lastAt - started;
    // Let anything late (a duplicate) arrive before counting.
    await new Promise((r) => setTimeout(r, 5_000));
    const { rows: runRows } = await pool.query(
      `select count(*)::int as runs, count(*) filter (where r.status = 'SENT')::int as sent, count(distinct (r.schedule_id, r.period_from))::int as periods,
              min(r.started_at) as first, max(r.finished_at) as last
         from report_run r join report_schedule s on s.id = r.schedule_id where s.name like '${BENCH_MARK} %'`,
    );
    const twice = [...smtp.byRecipient.values()].filter((n) => n > 1).length;
    const r = runRows[0];
    const line = `| ${count.toLocaleString()} schedules due at 09:00, ${instances} instances × ${concurrency} at a time | ${fmt(allIn)} | ${smtp.messages.toLocaleString()} emails to ${smtp.byRecipient.size.toLocaleString()} recipients | ${twice} | ${r.runs} runs (${r.sent} SENT, ${r.periods} distinct periods) |`;
    log(line);
    return ['| burst | all delivered in | SMTP received | sent twice | runs |', '|---|---|---|---|---|', line].join('\n');
  } finally {
    for (const s of servers) await s.stop();
    await cleanup(pool);
    await pool.end();
    await smtp.stop();
  }
}

/** Removes the burst's schedules, runs and jobs (the dataset itself is left as it was). */
async function cleanup(pool: pg.Pool): Promise<void> {
  await pool.query(`delete from agenda_jobs where name like 'report.%'`);
  await pool.query(`delete from report_schedule where name like '${BENCH_MARK} %'`);
}

/** A benchmark database with the dataset of bench:query (built once, reused), and its tenant id. */
async function dataset(name: string, events: number): Promise<{ url: string; rootId: number }> {
  const url = await ensureDatabase(name);
  // A first start creates the bench admin (and its organization) on an empty database.
  const boot = await start(url, new ManualClock(BEFORE), { REPORT_SCHEDULER: 'false' });
  await boot.stop();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`select org_id from member where email = $1`, [ADMIN.email]);
    const rootId = rows[0].org_id as number;
    // A dataset already there is used as it is: this bench only reads it (bench:query owns its upkeep).
    const built = await client.query(`select events from bench_dataset`).catch(() => ({ rows: [] as { events: number }[] }));
    if (!(built.rows[0]?.events >= events)) await ensureDataset(client, rootId, events, log);
    else log(`dataset: ${built.rows[0].events.toLocaleString()} events in ${name}`);
    return { url, rootId };
  } finally {
    await client.end();
  }
}

async function main() {
  const out: string[] = [];
  if (args.only !== 'burst') {
    // Read-only over the shared 10M-event database of bench:query.
    const { url, rootId } = await dataset(args['render-db']!, Number(args.events));
    out.push(await renderBench(url, rootId, Number(args.runs), Number(args.events)));
  }
  if (args.only !== 'render') {
    // A database of its own: the burst's schedulers must be the only ones on it.
    const { url, rootId } = await dataset('tokentally_bench_reports', Number(args['burst-events']));
    out.push(await burstBench(url, rootId, Number(args.schedules), Number(args.instances), Number(args.concurrency)));
  }
  log('');
  log(`Node ${process.version}; render: ${Number(args.events).toLocaleString()} events, ${args.runs} runs after 2 warm-ups; burst: ${Number(args['burst-events']).toLocaleString()} events`);
  log('');
  log(out.join('\n\n'));
}

main().then(
  // Pooled SMTP sockets can keep the loop alive for a while after everything is closed.
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
