/**
 * `npm run budgets` (issue 6 item 8): measures and prints the dashboard's two budgets.
 *
 * 1. Initial JavaScript: the scripts index.html loads before anything else (the entry module and
 *    its modulepreloads), gzip-compressed. Budget: at most 200 KB.
 * 2. Time to a fully rendered overview: headless Chromium navigates to the overview of a signed-in
 *    admin; the clock stops when every panel has its data (no aria-busy region, KPI tiles, charts
 *    drawn). Measured from navigation start (performance.now() in the page), against the 10M-event
 *    benchmark dataset that `npm run bench:query -w server` builds once into `tokentally_bench` on
 *    the machine's PostgreSQL (this script builds it too when missing). Budget: at most 1.5 s.
 *
 * Options: --runs N (default 7), --events N (default 10000000), --skip-build.
 * Run from the server folder so @swc-node uses the server's tsconfig (decorator metadata).
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { print, type DocumentNode } from 'graphql';
import { UsageBreakdownsDocument, UsageKpisDocument, UsageSeriesDocument } from '../src/features/usage/usage.documents.js';
import { loadConfig } from '../../server/src/config/index.js';
import { startServer } from '../../server/src/app/server.js';
import { createLogger } from '../../server/src/shared/logger.js';
import { ManualClock } from '../../server/src/shared/clock.js';
import { openOrm } from '../../server/src/db/orm.js';
import { END, ensureDataset } from '../../server/bench/query-dataset.js';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, events: { type: 'string', default: '10000000' }, 'skip-build': { type: 'boolean', default: false } },
});
const CLIENT = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(CLIENT, 'dist');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BUDGET_JS_KB = 200;
const BUDGET_RENDER_MS = 1500;
const log = (s: string) => process.stdout.write(`${s}\n`);
const kb = (bytes: number) => bytes / 1024;

/** The JS a first visit downloads before the router loads any page: entry + modulepreloads. */
function initialJavaScript() {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1]!);
  return [...new Set(files)].map((f) => {
    const body = readFileSync(path.join(DIST, f.replace(/^\//, '')));
    return { file: f, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}

async function benchDatabase(): Promise<string> {
  const url = new URL(ADMIN_URL);
  url.pathname = '/tokentally_bench';
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const { rowCount } = await admin.query(`select 1 from pg_database where datname = 'tokentally_bench'`);
  if (!rowCount) await admin.query('create database tokentally_bench');
  await admin.end();
  const orm = await openOrm(url.toString()); // applies migrations
  await orm.close();
  return url.toString();
}

async function main() {
  if (!args['skip-build']) await build({ root: CLIENT, configFile: path.join(CLIENT, 'vite.config.ts'), logLevel: 'warn' });
  const js = initialJavaScript();
  const jsGzip = js.reduce((s, f) => s + f.gzip, 0);

  const url = await benchDatabase();
  // Stand at the dataset's last hour, so "the last 7 days" is full of events.
  const clock = new ManualClock(new Date(END.getTime() - 3_600_000));
  const config = loadConfig({ DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ADMIN_EMAIL: 'bench@tokentally.local', ADMIN_PASSWORD: 'bench-password', NODE_ENV: 'production', SEED_DEMO: 'false' });
  const server = await startServer({ config, clock, log: createLogger('warn') });
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  let browser: Browser | null = null;
  try {
    const { rows } = await db.query(`select org_id from member where email = 'bench@tokentally.local'`);
    await ensureDataset(db, rows[0].org_id as number, Number(args.events), log);
    const { rows: count } = await db.query('select count(*)::bigint as n from usage_event');
    // Launched only once the dataset is ready: building it can take many minutes.
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const base = `http://127.0.0.1:${server.port}`;
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { login(email: "bench@tokentally.local", password: "bench-password") { token member { id email role } } }` }),
    });
    const { data } = (await res.json()) as { data: { login: { token: string; member: unknown } } };
    const session = JSON.stringify({ token: data.login.token, member: data.login.member });

    const times: number[] = [];
    for (let i = 0; i < Number(args.runs); i++) {
      // A fresh context each run: no HTTP cache, no urql cache; the session is already stored.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript((s) => localStorage.setItem('tokentally.session', s), session);
      const page = await context.newPage();
      await page.goto(`${base}/`, { waitUntil: 'commit' });
      const rendered = await page.waitForFunction(
        () => {
          const done = document.querySelector('[data-testid="kpi-requests"]') && document.querySelectorAll('canvas').length >= 4 && !document.querySelector('[aria-busy="true"]') && !document.querySelector('[role="status"]');
          return done ? performance.now() : false;
        },
        undefined,
        { polling: 'raf', timeout: 60_000 },
      );
      times.push(Number(await rendered.jsonValue()));
      if (i === Number(args.runs) - 1) {
        // Where the last run spent its time: every resource the page fetched (start → end, ms).
        const entries = await page.evaluate(() =>
          performance.getEntriesByType('resource').map((e) => {
            const r = e as PerformanceResourceTiming;
            return `${new URL(r.name).pathname} ${Math.round(r.startTime)}→${Math.round(r.responseEnd)}`;
          }),
        );
        console.log(`last run, resources: ${entries.join(', ')}`);
      }
      await context.close();
    }
    // Where the time goes: each query the overview sends, alone, over HTTP (median of 3).
    const perQuery: string[] = [];
    const docs: [string, DocumentNode | string][] = [['UsageKpis', UsageKpisDocument as DocumentNode], ['UsageSeries', UsageSeriesDocument as DocumentNode], ['UsageBreakdowns (all 7)', UsageBreakdownsDocument as DocumentNode]];
    for (const d of ['MODEL', 'PROVIDER', 'USER', 'TEAM', 'AGENT', 'SUB_ACCOUNT', 'FEATURE']) {
      docs.push([`breakdown ${d}`, `query($filter: UsageFilter) { usage(filter: $filter) { breakdown(by: ${d}, limit: 6) { key requests costUsd totalTokens errorRate latencyP95Ms } } }`]);
    }
    for (const [name, doc] of docs) {
      const ms: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const r = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${data.login.token}` },
          body: JSON.stringify({ query: typeof doc === 'string' ? doc : print(doc), variables: { filter: { timeframe: 'LAST_7_DAYS' } } }),
        });
        const body = (await r.json()) as { errors?: unknown };
        if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
        ms.push(performance.now() - t0);
      }
      perQuery.push(`${name} ${[...ms].sort((a, b) => a - b)[1]!.toFixed(0)} ms`);
    }

    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
    const warm = times.slice(1).sort((a, b) => a - b);
    const warmMedian = warm.length ? warm[Math.floor((warm.length - 1) / 2)]! : median;

    log('\nInitial JavaScript (entry + modulepreloads):');
    for (const f of js) log(`  ${f.file}  ${kb(f.raw).toFixed(1)} KB raw, ${kb(f.gzip).toFixed(1)} KB gzip`);
    log(`\n| budget | measured | limit | verdict |\n|---|---|---|---|`);
    log(`| initial JS (gzip) | ${kb(jsGzip).toFixed(1)} KB | ${BUDGET_JS_KB} KB | ${kb(jsGzip) <= BUDGET_JS_KB ? 'within' : 'OVER'} |`);
    log(`| overview fully rendered, median of ${times.length} (first run ${times[0]!.toFixed(0)} ms) | ${median.toFixed(0)} ms | ${BUDGET_RENDER_MS} ms | ${median <= BUDGET_RENDER_MS ? 'within' : 'OVER'} |`);
    log(`| overview fully rendered, slowest run | ${sorted.at(-1)!.toFixed(0)} ms | ${BUDGET_RENDER_MS} ms | ${sorted.at(-1)! <= BUDGET_RENDER_MS ? 'within' : 'OVER'} |`);
    log(`\noverview queries alone (median of 3): ${perQuery.join(', ')}`);
    log(`\nagainst ${Number(count[0].n).toLocaleString('en-US')} events; runs (ms): ${times.map((t) => t.toFixed(0)).join(', ')}; warm median ${warmMedian.toFixed(0)} ms`);
    if (kb(jsGzip) > BUDGET_JS_KB || median > BUDGET_RENDER_MS) process.exitCode = 1;
  } finally {
    await browser?.close();
    await db.end();
    await server.stop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
