import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { DEMO_SEED, generateDemoEvents } from '../src/modules/demo/generator.js';
import { SUB_ACCOUNTS } from '../src/modules/demo/world.js';

/**
 * `npm run bench:ingest [-- --events 1000000 --batch 5000 --concurrency 3 --modes events-only,full]`
 *
 * Each mode runs on a fresh database of the machine's PostgreSQL (BENCH_DATABASE_URL, default the
 * local server): the real server starts as a child process (bench/serve.ts, i.e. startServer as
 * `npm start` runs it), the demo generator's events go over HTTP (`POST /v1/events`, NDJSON, a
 * few requests in flight), and the server's peak RSS is read from /proc (VmHWM).
 *   - `events-only`: the server with the rollup maintenance switched off, so ingest writes
 *     exactly what a COPY writes. Afterwards, with the server stopped, the rows are exported as
 *     stored, the table truncated (its indexes stay) and the same rows loaded with one raw
 *     `COPY FROM STDIN` (pg-copy-streams): the fastest way into the same table, same indexes.
 *   - `full`: the server as shipped, maintaining every summary table in the same statement.
 * The databases are dropped at the end.
 */
const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '3' },
    modes: { type: 'string', default: 'events-only,full' },
    /** Writes a V8 CPU profile of the server to this folder (open it in Chrome DevTools). */
    'cpu-prof': { type: 'string' },
  },
});
const EVENTS = Number(args.events);
const BATCH = Number(args.batch);
const CONCURRENCY = Number(args.concurrency);
const MODES = args.modes.split(',') as Mode[];
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const ADMIN = { email: 'bench@tokentally.local', password: 'bench-password' };

type Mode = 'events-only' | 'full';
interface HttpResult {
  seconds: number;
  peakRss: number;
  rssBefore: number;
  serverCpu: number;
  summaries: number;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => `${fmt(bytes / 1048576)} MB`;

function databaseUrl(name: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(sql: string): Promise<unknown[]> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

/** The generator's events as NDJSON request bodies, built before the clock starts. */
function buildBodies(): string[] {
  const bodies: string[] = [];
  let lines: string[] = [];
  for (const event of generateDemoEvents({ seed: DEMO_SEED, count: EVENTS, end: new Date() })) {
    lines.push(JSON.stringify(event));
    if (lines.length === BATCH) {
      bodies.push(lines.join('\n'));
      lines = [];
    }
  }
  if (lines.length) bodies.push(lines.join('\n'));
  return bodies;
}

async function startChildServer(dbUrl: string, mode: Mode): Promise<{ child: ChildProcess; url: string; summaries: number }> {
  const profile = args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args['cpu-prof'])}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', '@swc-node/register/esm-register', 'bench/serve.ts'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      INGEST_RATE_LIMIT_PER_MINUTE: '1000000',
      BENCH_SUMMARIES: mode === 'full' ? 'on' : 'off',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const started = await new Promise<{ url: string; summaries: number }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /summaries=(\d+) maintained=(\d+) running at (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[3].replace('localhost', '127.0.0.1'), summaries: Number(m[2]) });
    });
    child.once('exit', (code) => reject(new Error(`the server exited (code ${code}) before listening:\n${out}`)));
  });
  child.stdout!.resume();
  return { child, ...started };
}

async function gql(url: string, query: string, variables: object, token?: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function procStatus(pid: number, field: string): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]) * 1024;
}

async function cpuSeconds(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (100/s on Linux)
}

async function benchHttp(dbUrl: string, mode: Mode, bodies: string[]): Promise<HttpResult> {
  const { child, url, summaries } = await startChildServer(dbUrl, mode);
  try {
    const { login } = await gql(url, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: ADMIN.email, p: ADMIN.password });
    for (const sub of SUB_ACCOUNTS) {
      await gql(url, `mutation($i: CreateSubAccountInput!) { createSubAccount(input: $i) { id } }`, { i: sub }, login.token);
    }
    const { createApiKey } = await gql(url, `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key } }`, { i: { name: 'bench', scopes: ['INGEST'] } }, login.token);
    const rssBefore = await procStatus(child.pid!, 'VmRSS');
    const cpuBefore = await cpuSeconds(child.pid!);
    let next = 0;
    let accepted = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const res = await fetch(`${url}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${createApiKey.key}` }, body });
        const result = (await res.json()) as { accepted: number; rejected: unknown[] };
        if (res.status !== 200 || result.rejected.length) throw new Error(`ingest answered ${res.status}: ${JSON.stringify(result).slice(0, 500)}`);
        accepted += result.accepted;
        if (next % 20 === 0) process.stdout.write(`\r  ${mode}: ${fmt(accepted)} / ${fmt(EVENTS)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write('\n');
    const peakRss = await procStatus(child.pid!, 'VmHWM');
    const serverCpu = (await cpuSeconds(child.pid!)) - cpuBefore;
    if (accepted !== EVENTS) throw new Error(`only ${accepted} of ${EVENTS} events were accepted`);
    return { seconds, peakRss, rssBefore, serverCpu, summaries };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/** Exports the rows as the server stored them, truncates, and times one raw COPY of them back. */
async function benchCopy(dbUrl: string, dir: string) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const file = path.join(dir, 'usage_event.copy');
    await pipeline(client.query(copyTo('COPY usage_event TO STDOUT')), createWriteStream(file));
    const { rows } = await client.query(`select count(*)::int as n, pg_size_pretty(pg_total_relation_size('usage_event')) as size,
      (select count(*)::int from pg_indexes where tablename = 'usage_event') as indexes from usage_event`);
    await client.query('truncate usage_event');
    await client.query('checkpoint');
    const started = performance.now();
    await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), client.query(copyFrom('COPY usage_event FROM STDIN')));
    const seconds = (performance.now() - started) / 1000;
    const { rows: after } = await client.query('select count(*)::int as n from usage_event');
    if (after[0].n !== rows[0].n) throw new Error(`COPY loaded ${after[0].n} rows, expected ${rows[0].n}`);
    await rm(file, { force: true });
    return { seconds, rows: rows[0].n as number, tableSize: rows[0].size as string, indexes: rows[0].indexes as number };
  } finally {
    await client.end();
  }
}

const dir = await mkdtemp(path.join(tmpdir(), 'tokentally-bench-'));
const created: string[] = [];
try {
  const [{ server_version: pgVersion }] = (await admin('show server_version')) as { server_version: string }[];
  console.log(`Generating ${fmt(EVENTS)} demo events (seed ${DEMO_SEED})…`);
  const bodies = buildBodies();
  const http = new Map<Mode, HttpResult>();
  let copy: Awaited<ReturnType<typeof benchCopy>> | null = null;
  for (const mode of MODES) {
    const name = `tokentally_bench_${process.pid}_${mode.replace('-', '_')}`;
    await admin(`create database ${name}`);
    created.push(name);
    console.log(`HTTP, ${mode}: ${bodies.length} requests of ${fmt(BATCH)} events, ${CONCURRENCY} in flight…`);
    http.set(mode, await benchHttp(databaseUrl(name), mode, bodies));
    if (mode === 'events-only') {
      console.log('Raw COPY of the same rows into the same table…');
      copy = await benchCopy(databaseUrl(name), dir);
    }
    await admin(`drop database if exists ${name} with (force)`);
  }

  const copyRate = copy ? copy.rows / copy.seconds : null;
  const row = (label: string, seconds: number, extra: string) =>
    `| ${label} | ${fmt(EVENTS)} | ${seconds.toFixed(1)} | ${fmt(EVENTS / seconds)} | ${copyRate ? `${((EVENTS / seconds / copyRate) * 100).toFixed(0)}%` : '–'} | ${extra} |`;
  const lines = ['| path | events | seconds | events/s | of raw COPY | server peak RSS (before load) |', '|---|---:|---:|---:|---:|---:|'];
  if (copy) lines.push(`| raw \`COPY FROM STDIN\` (pg-copy-streams, one stream) | ${fmt(copy.rows)} | ${copy.seconds.toFixed(1)} | ${fmt(copyRate!)} | 100% | – |`);
  const eventsOnly = http.get('events-only');
  if (eventsOnly) lines.push(row(`HTTP \`POST /v1/events\`, events only (rollup maintenance off)`, eventsOnly.seconds, `${mb(eventsOnly.peakRss)} (${mb(eventsOnly.rssBefore)})`));
  const full = http.get('full');
  if (full) lines.push(row(`HTTP \`POST /v1/events\`, full server (events + ${full.summaries} summary tables)`, full.seconds, `${mb(full.peakRss)} (${mb(full.rssBefore)})`));
  console.log(`\n${lines.join('\n')}\n`);
  console.log(`Requests of ${fmt(BATCH)} events as NDJSON, ${CONCURRENCY} in flight. Server CPU during the load: ${[...http].map(([m, r]) => `${m} ${r.serverCpu.toFixed(1)} s`).join(', ')}.`);
  if (copy) console.log(`Table usage_event: ${copy.indexes} indexes, ${copy.tableSize} for ${fmt(copy.rows)} rows.`);
  console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, PostgreSQL ${pgVersion}; load average at the end ${(await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ')}.`);
} finally {
  for (const name of created) await admin(`drop database if exists ${name} with (force)`).catch((err) => console.error(`could not drop ${name}:`, err));
  await rm(dir, { recursive: true, force: true });
}
